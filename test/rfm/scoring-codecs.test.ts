import fc from 'fast-check';
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { decodeBreakpoints, decodeScoreOptions, score, summarize } from '../../src/rfm/index.js';
import { randomTransactions } from './fixtures.js';

describe('decodeBreakpoints', () => {
  it('accepts the breakpoints of a run after a JSON round trip', () => {
    const scoring = score(
      summarize(randomTransactions('codec', { customers: 50, rows: 400 }), { asOf: Date.UTC(2024, 1, 1) }),
    );
    expect(decodeBreakpoints(JSON.parse(JSON.stringify(scoring.breakpoints)))).toEqual(E.right(scoring.breakpoints));
  });

  it('reports every issue with its path', () => {
    const result = decodeBreakpoints({
      levels: 5,
      dimensions: [
        { dimension: 'recency', method: 'quantile', higherIsBetter: false, cuts: [1, 2, 3], exact: true },
        { dimension: 'recency', method: 'thresholds', higherIsBetter: false, cuts: [1, 3, 2, 4], exact: true },
      ],
    });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual([
      'breakpoints.dimensions[0].cuts',
      'breakpoints.dimensions[1].dimension',
      'breakpoints.dimensions[1].cuts[2]',
    ]);
    const structural = decodeBreakpoints({ levels: 1, dimensions: [{ dimension: 'x', cuts: [Number.NaN] }] });
    expect(E.isLeft(structural) && structural.left.map((i) => i.path)).toEqual([
      'breakpoints.levels',
      'breakpoints.dimensions[0].dimension',
      'breakpoints.dimensions[0].method',
      'breakpoints.dimensions[0].higherIsBetter',
      'breakpoints.dimensions[0].cuts[0]',
      'breakpoints.dimensions[0].exact',
    ]);
  });
});

describe('decodeScoreOptions', () => {
  it('accepts valid configuration', () => {
    const options = {
      levels: 4,
      method: { recency: 'thresholds' },
      thresholds: { recency: [30, 90, 180] },
      ties: 'first',
      weights: { recency: 2 },
    };
    expect(decodeScoreOptions(options)).toEqual(E.right(options));
  });

  it('reports thresholds, keys, breakpoints and weights problems with paths', () => {
    const result = decodeScoreOptions({
      levels: 5,
      dimensions: ['recency', 'frequency', 'recency'],
      method: { recency: 'thresholds', frequency: 'breakpoints', monetory: 'quantile' },
      thresholds: { recency: [30, 60, 90] },
      weights: { recency: -1, frequency: 0 },
    });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual([
      'scoreOptions.method.monetory',
      'scoreOptions.thresholds.recency',
      'scoreOptions.breakpoints',
      'scoreOptions.dimensions[2]',
      'scoreOptions.weights.recency',
      'scoreOptions.weights',
    ]);
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => decodeScoreOptions(input)).not.toThrow();
        expect(() => decodeBreakpoints(input)).not.toThrow();
      }),
      { numRuns: 300 },
    );
    const options = fc.record(
      {
        levels: fc.integer({ min: 0, max: 25 }),
        dimensions: fc.array(fc.constantFrom('recency', 'frequency', 'monetary', 'length', 'bogus')),
        method: fc.oneof(
          fc.constantFrom('quantile', 'thresholds', 'breakpoints'),
          fc.dictionary(fc.string(), fc.constantFrom('quantile', 'thresholds')),
        ),
        thresholds: fc.dictionary(fc.constantFrom('recency', 'frequency', 'x'), fc.array(fc.double())),
        weights: fc.dictionary(fc.string(), fc.double()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(options, (input) => {
        const decoded = decodeScoreOptions(input);
        if (E.isRight(decoded)) {
          const summary = summarize(
            { customerId: [1, 2, 3], day: Int32Array.of(1, 2, 3), amount: Float64Array.of(1, 2, 3) },
            { asOf: 10 * 86_400_000 },
          );
          const dims = decoded.right.dimensions ?? ['recency', 'frequency', 'monetary'];
          if (!dims.includes('engagement')) expect(() => score(summary, decoded.right)).not.toThrow();
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('configuration typos', () => {
  it('reports a misspelt score option instead of ignoring it', () => {
    const result = decodeScoreOptions({ levles: 4, ties: 'first' });
    expect(E.isLeft(result) && result.left.map((issue) => issue.path)).toEqual(['scoreOptions.levles']);
  });
});
