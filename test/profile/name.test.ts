import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NAME_TITLES, normalizeName } from '../../src/profile/index.js';

const key = (input: string): string | undefined => {
  const result = normalizeName(input);
  return E.isRight(result) ? result.right.matchKey : undefined;
};

describe('normalizeName', () => {
  it('collapses whitespace and title-cases all-upper or all-lower words', () => {
    expect(normalizeName('  DR.  ann   LEE ')).toEqual(E.right({ display: 'Dr. Ann Lee', matchKey: 'ann lee' }));
    expect(normalizeName("ANN O'BRIEN")).toEqual(E.right({ display: "Ann O'Brien", matchKey: 'ann obrien' }));
    expect(normalizeName('MARY-JANE WATSON')).toEqual(
      E.right({ display: 'Mary-Jane Watson', matchKey: 'jane mary watson' }),
    );
  });

  it('keeps mixed-case words, particles and Roman numerals', () => {
    expect(E.map((n: { display: string }) => n.display)(normalizeName('Ronald McDonald'))).toEqual(
      E.right('Ronald McDonald'),
    );
    expect(E.map((n: { display: string }) => n.display)(normalizeName('ludwig van beethoven'))).toEqual(
      E.right('Ludwig van Beethoven'),
    );
    expect(E.map((n: { display: string }) => n.display)(normalizeName('JOHN SMITH III'))).toEqual(
      E.right('John Smith III'),
    );
  });

  it('folds full-width Latin letters and the ideographic space (NFKC)', () => {
    expect(normalizeName('Ｊｏｓé\u3000Ｇａｒｃíａ')).toEqual(
      E.right({ display: 'José García', matchKey: 'garcia jose' }),
    );
  });

  it('folds half-width katakana to full width', () => {
    expect(normalizeName('ﾀﾅｶ ﾀﾛｳ')).toEqual(E.right({ display: 'タナカ タロウ', matchKey: 'タナカタロウ' }));
  });

  it('joins CJK names without spaces and strips honorific suffixes in the match key', () => {
    expect(key('王 小明先生')).toBe('王小明');
    expect(key('王小明')).toBe('王小明');
    expect(key('王　小明')).toBe('王小明');
    expect(key('田中 太郎様')).toBe('田中太郎');
    expect(key('김민수 님')).toBe('김민수');
    expect(key('黄　浩然')).toBe(key('黄浩然'));
  });

  it('strips titles and post-nominals and reorders "Last, First"', () => {
    expect(key('Mrs Ann Lee')).toBe('ann lee');
    expect(key('Lee, Ann')).toBe('ann lee');
    expect(key('John Smith, Jr.')).toBe('john smith');
    expect(key('Prof. Dr. Hans Müller')).toBe('hans muller');
    expect(key('Herr Jürgen Groß')).toBe('gross jurgen');
    expect(key('Mme Hélène Dubois')).toBe('dubois helene');
  });

  it('matches names written in different orders, cases and accents', () => {
    expect(key('LEE Ann')).toBe(key('ann lee'));
    expect(key('José Garcia')).toBe(key('JOSE GARCÍA'));
  });

  it('keeps common first names that look like titles elsewhere (Don)', () => {
    expect(key('Don Johnson')).toBe('don johnson');
  });

  it('refuses names without letters and titles without a name', () => {
    expect(normalizeName('1234')).toEqual(E.left({ code: 'no-letters', message: 'a name needs at least one letter' }));
    expect(normalizeName('   ')).toEqual(E.left({ code: 'empty', message: 'the name is empty' }));
    expect(normalizeName('Mr')).toEqual(E.left({ code: 'empty', message: 'the name holds only a title' }));
  });

  it('accepts custom titles', () => {
    const titles = { ...DEFAULT_NAME_TITLES, prefixes: [...DEFAULT_NAME_TITLES.prefixes, 'dipl'] };
    expect(E.map((n: { matchKey: string }) => n.matchKey)(normalizeName('Dipl. Anna Berg', { titles }))).toEqual(
      E.right('anna berg'),
    );
  });

  it('never throws; display normalisation is idempotent and the key is a function of the display', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeName(text);
        if (E.isRight(once)) {
          const twice = normalizeName(once.right.display);
          expect(twice).toEqual(once);
        }
      }),
      { numRuns: 300 },
    );
  });
});
