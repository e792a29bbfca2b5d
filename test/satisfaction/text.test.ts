import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileKeyword, containsKeyword, foldText, isSpacedWordChar } from '../../src/satisfaction/text.js';

function matches(text: string, keyword: string): boolean {
  return containsKeyword(foldText(text), compileKeyword(keyword)!);
}

describe('text folding and matching', () => {
  it('folds case, full-width forms, compatibility characters and whitespace', () => {
    expect(foldText('ＤＥＬＩＶＥＲＹ  was\tLate ')).toBe('delivery was late');
    expect(foldText('物流\u3000太慢')).toBe('物流 太慢');
    expect(foldText('ﬁne ①')).toBe('fine 1');
    expect(matches('ＲＥＦＵＮＤ please', 'refund')).toBe(true);
    expect(matches('Refund', 'ＲＥＦＵＮＤ')).toBe(true);
  });

  it('needs word boundaries in spaced scripts, none in Chinese or Japanese', () => {
    expect(matches('the shipping was slow', 'ship')).toBe(false);
    expect(matches('my ship arrived', 'ship')).toBe(true);
    expect(matches('relationship', 'ship')).toBe(false);
    expect(matches('delivered late', 'deliver*')).toBe(true);
    expect(matches('undelivered', 'deliver*')).toBe(false);
    expect(matches('快递太慢了', '快递')).toBe(true);
    expect(matches('这次的快递员态度很差', '态度')).toBe(true);
    expect(matches('配送が遅い', '配送')).toBe(true);
    expect(matches('服务很好good', 'good')).toBe(true);
    expect(matches('customer   service was rude', 'customer service')).toBe(true);
    expect(matches('сервис плохой', 'сервис')).toBe(true);
    expect(matches('суперсервис', 'сервис')).toBe(false);
    expect(isSpacedWordChar('é')).toBe(true);
    expect(isSpacedWordChar('快')).toBe(false);
  });

  it('treats regular-expression syntax in keywords literally', () => {
    expect(matches('price (a+)+$ here', '(a+)+$')).toBe(true);
    expect(matches('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab', '(a+)+$')).toBe(false);
    expect(matches('anything', '.*')).toBe(false);
    expect(compileKeyword(' * ')).toBeUndefined();
  });

  it('is consistent with a naive search when boundaries do not apply (Han text)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[快递物流服务太慢好]{0,20}$/), fc.stringMatching(/^[快递物流服务]{1,3}$/), (text, keyword) => {
        expect(matches(text, keyword)).toBe(text.includes(keyword));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme', minLength: 1 }), (text, keyword) => {
        const compiled = compileKeyword(keyword);
        if (compiled !== undefined) expect(typeof containsKeyword(foldText(text), compiled)).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});
