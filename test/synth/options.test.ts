import fc from 'fast-check';
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNTH_PARAMETERS, resolveSynthOptions, validateSynthOptions } from '../../src/synth/index.js';

const minimal = { seed: 1, customers: 10, asOf: '2025-01-01' };

describe('validateSynthOptions', () => {
  it('applies every default', () => {
    const resolved = validateSynthOptions(minimal);
    expect(E.isRight(resolved)).toBe(true);
    if (E.isLeft(resolved)) return;
    const { seed, customers, asOf, ...rest } = resolved.right;
    expect({ seed, customers, asOf }).toEqual({ seed: 1, customers: 10, asOf: Date.UTC(2025, 0, 1) });
    expect(rest).toEqual(DEFAULT_SYNTH_PARAMETERS);
  });

  it('merges partial nested options and upper-cases the currency', () => {
    const resolved = resolveSynthOptions({
      ...minimal,
      purchaseProcess: { r: 0.5 },
      spend: { gamma: 20 },
      duplicates: { crm: 0.5 },
      include: { engagementEvents: false },
      currency: 'jpy',
    });
    expect(resolved.purchaseProcess).toEqual({ ...DEFAULT_SYNTH_PARAMETERS.purchaseProcess, r: 0.5 });
    expect(resolved.spend).toEqual({ p: 6.25, q: 3.74, gamma: 20 });
    expect(resolved.duplicates.crm).toBe(0.5);
    expect(resolved.duplicates.store).toBe(DEFAULT_SYNTH_PARAMETERS.duplicates.store);
    expect(resolved.include).toEqual({ transactions: true, surveyResponses: true, complaints: true, engagementEvents: false });
    expect(resolved.currency).toBe('JPY');
  });

  it('keeps a default when a nested field is explicitly undefined', () => {
    const resolved = resolveSynthOptions({ ...minimal, purchaseProcess: { r: undefined } } as never);
    expect(resolved.purchaseProcess.r).toBe(DEFAULT_SYNTH_PARAMETERS.purchaseProcess.r);
  });

  it('accepts Date, ISO and epoch asOf', () => {
    const at = Date.UTC(2024, 5, 1);
    for (const asOf of [new Date(at), '2024-06-01', at]) expect(resolveSynthOptions({ ...minimal, asOf }).asOf).toBe(at);
  });

  it('reports every issue with its path', () => {
    const result = validateSynthOptions({
      seed: null,
      customers: 0,
      asOf: 'yesterday',
      refundRate: 1.5,
      purchaseProcess: { r: -1, alpha: 'x' },
      currency: 'euro',
    });
    expect(E.isLeft(result)).toBe(true);
    if (E.isRight(result)) return;
    const paths = result.left.map((issue) => issue.path).sort();
    expect(paths).toEqual(
      ['options.asOf', 'options.currency', 'options.customers', 'options.purchaseProcess.alpha', 'options.purchaseProcess.r', 'options.refundRate', 'options.seed'].sort(),
    );
  });

  it('reports unknown keys, also nested ones', () => {
    const result = validateSynthOptions({ ...minimal, customer: 5, spend: { mean: 3 } });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual(['options.customer', 'options.spend.mean']);
  });

  it('refuses non-integer and huge customer counts', () => {
    expect(E.isLeft(validateSynthOptions({ ...minimal, customers: 2.5 }))).toBe(true);
    expect(E.isLeft(validateSynthOptions({ ...minimal, customers: 1e9 }))).toBe(true);
  });

  it('solves alpha for purchasesPerCustomer and refuses unreachable targets', () => {
    const resolved = resolveSynthOptions({ ...minimal, purchasesPerCustomer: 5 });
    expect(resolved.purchaseProcess.alpha).toBeGreaterThan(DEFAULT_SYNTH_PARAMETERS.purchaseProcess.alpha);
    // With a > 1 the mean number of purchases before dropout is finite: 1 + E[1/p] = 1 + (a+b-1)/(a-1).
    const capped = validateSynthOptions({ ...minimal, purchaseProcess: { a: 3, b: 3 }, purchasesPerCustomer: 10 });
    expect(E.isLeft(capped)).toBe(true);
    if (E.isLeft(capped)) {
      expect(capped.left[0]!.path).toBe('options.purchasesPerCustomer');
      expect(capped.left[0]!.expected).toMatch(/^at most 3\.\d\d purchases per customer/);
    }
    expect(E.isLeft(validateSynthOptions({ ...minimal, purchasesPerCustomer: 1 }))).toBe(true);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        validateSynthOptions(input);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = validateSynthOptions({ ...minimal, purchaseProcess: json, spend: json, include: json });
        expect(E.isLeft(result) || E.isRight(result)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses __proto__ keys', () => {
    const hostile = JSON.parse('{"seed":1,"customers":10,"asOf":"2025-01-01","__proto__":{"x":1}}') as unknown;
    expect(E.isLeft(validateSynthOptions(hostile))).toBe(true);
  });
});

describe('resolveSynthOptions', () => {
  it('throws a [clientele] RangeError listing the issues', () => {
    expect(() => resolveSynthOptions({ seed: 1, customers: -1, asOf: '2025-01-01' })).toThrow(/^\[clientele\] invalid synth options: options\.customers/);
  });
});
