import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL_PROVIDERS, emailMatchKey, normalizeEmail } from '../../src/profile/index.js';

const right = <A>(value: A) => E.right(value);

describe('normalizeEmail', () => {
  it('trims, lower-cases and keeps tags and dots in the stored address', () => {
    expect(normalizeEmail('  Ann.Lee+News@Example.COM ')).toEqual(right('ann.lee+news@example.com'));
  });

  it('folds full-width characters typed with a CJK input method', () => {
    expect(normalizeEmail('ａｎｎ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual(right('ann@example.com'));
  });

  it('removes a mailto: prefix and angle brackets', () => {
    expect(normalizeEmail('mailto:Bob@x.org')).toEqual(right('bob@x.org'));
    expect(normalizeEmail('<bob@x.org>')).toEqual(right('bob@x.org'));
  });

  it('accepts internationalised addresses', () => {
    expect(normalizeEmail('用户@例子.广告')).toEqual(right('用户@例子.广告'));
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ann', 'invalid-email'],
    ['ann@localhost', 'invalid-email'],
    ['a..b@x.com', 'invalid-email'],
    ['.a@x.com', 'invalid-email'],
    ['a.@x.com', 'invalid-email'],
    ['a@b@c.com', 'invalid-email'],
    ['a@-x.com', 'invalid-email'],
    ['a@x.c', 'invalid-email'],
    ['a@x.123', 'invalid-email'],
    ['ann(at)example.com', 'invalid-email'],
    [`${'a'.repeat(65)}@x.com`, 'invalid-email'],
    [`a@${'b'.repeat(250)}.com`, 'too-long'],
  ])('refuses %j with %s', (input, code) => {
    const result = normalizeEmail(input);
    expect(E.isLeft(result) && result.left.code).toBe(code);
  });

  it('never throws and is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const once = normalizeEmail(text);
        if (E.isRight(once)) expect(normalizeEmail(once.right)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('returns not-a-string for non-strings from untyped callers', () => {
    expect(normalizeEmail(42 as unknown as string)).toEqual(
      E.left({ code: 'not-a-string', message: 'an email address must be a string' }),
    );
  });
});

describe('emailMatchKey', () => {
  it('drops Gmail dots and +tags and maps googlemail.com to gmail.com', () => {
    expect(emailMatchKey('A.N.N.Lee+shop@GoogleMail.com')).toEqual(right('annlee@gmail.com'));
    expect(emailMatchKey('ann.lee@gmail.com')).toEqual(emailMatchKey('annlee+news@googlemail.com'));
  });

  it('drops +tags of Outlook and iCloud but keeps dots there', () => {
    expect(emailMatchKey('ann.lee+x@outlook.com')).toEqual(right('ann.lee@outlook.com'));
    expect(emailMatchKey('ann+y@icloud.com')).toEqual(right('ann@icloud.com'));
  });

  it('leaves other domains alone (a + can be part of the mailbox there)', () => {
    expect(emailMatchKey('ann.lee+shop@example.com')).toEqual(right('ann.lee+shop@example.com'));
    expect(emailMatchKey('ann-promo@yahoo.com')).toEqual(right('ann-promo@yahoo.com'));
  });

  it('keeps a local part that starts with the tag separator', () => {
    expect(emailMatchKey('+ann@gmail.com')).toEqual(right('+ann@gmail.com'));
  });

  it('accepts host provider rules', () => {
    const providers = [...DEFAULT_EMAIL_PROVIDERS, { domains: ['example-mail.com'], tagSeparator: '-' }];
    expect(emailMatchKey('ann-promo@example-mail.com', { providers })).toEqual(right('ann@example-mail.com'));
  });

  it('is a fixed point and stable under Gmail aliasing (property)', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
    fc.assert(
      fc.property(
        local,
        fc.array(fc.nat(8), { maxLength: 3 }),
        fc.option(fc.stringMatching(/^[a-z0-9]{1,6}$/)),
        fc.boolean(),
        (name, dots, tag, googlemail) => {
          let aliased = name;
          for (const position of dots) {
            const at = Math.min(position, aliased.length - 1);
            if (at > 0 && aliased[at - 1] !== '.' && aliased[at] !== '.')
              aliased = `${aliased.slice(0, at)}.${aliased.slice(at)}`;
          }
          const address = `${aliased}${tag === null ? '' : `+${tag}`}@${googlemail ? 'googlemail.com' : 'gmail.com'}`;
          expect(emailMatchKey(address.toUpperCase())).toEqual(right(`${name}@gmail.com`));
          const key = emailMatchKey(address);
          if (E.isRight(key)) expect(emailMatchKey(key.right)).toEqual(key);
        },
      ),
      { numRuns: 200 },
    );
  });
});
