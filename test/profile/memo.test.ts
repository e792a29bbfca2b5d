import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AdaptiveCache, adaptiveMemo, memo } from '../../src/profile/memo.js';

describe('AdaptiveCache', () => {
  it('switches itself off after a sample with a low hit rate', () => {
    const cache = new AdaptiveCache<number>(10, 0.5);
    for (let i = 0; i < 10; i++) {
      expect(cache.get(`k${i}`)).toBeUndefined();
      cache.set(`k${i}`, i);
    }
    expect(cache.enabled).toBe(false);
    expect(cache.get('k1')).toBeUndefined();
  });

  it('stays on when values repeat', () => {
    const cache = new AdaptiveCache<number>(10, 0.5);
    cache.set('a', 1);
    for (let i = 0; i < 20; i++) expect(cache.get('a')).toBe(1);
    expect(cache.enabled).toBe(true);
  });
});

describe('memo and adaptiveMemo', () => {
  it('return what the function returns, whatever the hit rate', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        (values, sample) => {
          const fn = (value: string): string => `<${value.toUpperCase()}>`;
          const plain = memo(fn);
          const adaptive = adaptiveMemo(fn, sample, 0.9);
          for (const value of values) {
            expect(plain(value)).toBe(fn(value));
            expect(adaptive(value)).toBe(fn(value));
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
