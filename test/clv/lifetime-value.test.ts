import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bgBb,
  bgNbd,
  calibrationColumnsToSummary,
  gammaGamma,
  paretoNbd,
  toCalibrationColumns,
} from '../../src/clv/index.js';
import {
  convertDiscountRate,
  customerLifetimeValue,
  customerLifetimeValueColumns,
  type ClvCustomer,
  type CustomerLifetimeValueOptions,
} from '../../src/clv/lifetime-value.js';
import type { CustomPurchaseModel, PurchaseHistory } from '../../src/clv/purchase-model-adapter.js';
import { hyp2f1 } from '../../src/core/index.js';
import { apparelColumns, dayOf, parseCsv, readDataset } from './datasets.js';

const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

/** A direct BG/NBD (Fader, Hardie & Lee 2005 eqs. 10 and 13), written here as an independent reference. */
function referenceBgNbd(params: { r: number; alpha: number; a: number; b: number }, timeUnit: CustomPurchaseModel['timeUnit']): CustomPurchaseModel {
  const { r, alpha, a, b } = params;
  const probabilityAlive = ({ x, tx, T }: PurchaseHistory): number => (x === 0 ? 1 : 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x)));
  return {
    kind: 'custom',
    timeUnit,
    probabilityAlive,
    conditionalExpectedPurchases: (t, customer) => {
      const { x, T } = customer;
      const z = t / (alpha + T + t);
      const bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
      return ((a + b + x - 1) / (a - 1)) * bracket * probabilityAlive(customer);
    },
  };
}

// cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar (weeks, rounded to 0.01)
const cdnow: ClvCustomer[] = readFileSync(new URL('../../../shared/datasets/cdnow_customers_summary_with_transactions.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(','))
  .map((r) => ({ customerId: r[0]!, x: Number(r[1]), tx: Number(r[2]), T: Number(r[3]), meanSpend: Number(r[4]) }));

// BG/NBD fitted on the rounded CDNOW summary (computed independently with SciPy; FHL 2005: 0.243, 4.414, 0.793, 2.426).
const CDNOW_BG_NBD = { r: 0.242593, alpha: 4.413447, a: 0.792962, b: 2.426032 };

describe('customerLifetimeValue: lifetimes reference values', () => {
  const spendFit = gammaGamma.fit(
    cdnow.map((c) => ({ x: c.x, mean: c.meanSpend! })),
    { timeUnit: 'week' },
  );
  const spendModel = { kind: 'gammaGamma', params: spendFit.params } as const;

  it('uses the Gamma-Gamma fit of Fader & Hardie (2013)', () => {
    expect(spendFit.converged).toBe(true);
    expect(spendFit.params.p).toBeCloseTo(6.2487, 3);
  });

  it("lifetimes Quickstart customer_lifetime_value(time=12, discount_rate=0.01, freq='D'): 30 units per 'month' on weekly data", () => {
    const result = customerLifetimeValue(cdnow.slice(0, 10), {
      purchaseModel: referenceBgNbd(CDNOW_BG_NBD, 'week'),
      spendModel,
      horizon: 360,
      stepLength: 30,
      discountRate: convertDiscountRate(0.01, { from: { days: 30 }, to: 'day' }),
    });
    const published = [140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216, 38.180574];
    // Computed independently with SciPy at the MLE: 140.0908, 18.9432, 38.1804, …, 1003.7810 (lifetimes' own fit differs
    // in the 5th digit).
    result.customers.forEach((c, i) => { expect(relative(c.value, published[i]!), `customer ${i + 1}`).toBeLessThan(1e-4); });
    expect(result.customers[0]!.value).toBeCloseTo(140.0908, 3);
    expect(result.customers[5]!.value).toBeCloseTo(1003.781, 2);
    expect(result.settings).toMatchObject({ purchaseModel: 'custom', horizon: 360, discounting: 'discrete', stepLength: 30, margin: 1 });
  });

  it('the same call with the weekly factor 4.345 (12 months of weeks) gives 36.2782 for customer 1', () => {
    const result = customerLifetimeValue(cdnow.slice(0, 1), {
      purchaseModel: referenceBgNbd(CDNOW_BG_NBD, 'week'),
      spendModel,
      horizon: 12 * 4.345,
      stepLength: 4.345,
      discountRate: convertDiscountRate(0.01, { from: { days: 7 * 4.345 }, to: 'week' }),
    });
    expect(result.customers[0]!.value).toBeCloseTo(36.2782, 3);
  });

  it('lifetimes tests/test_utils.py: CLV with monetary 1 equals CET(30 days); discounting halves it; two months', () => {
    // example_transactions.csv summarised by day up to its last date, BG/NBD fitted (lifetimes: r 0.16, α 1.86,
    // a 1.85, b 3.18); the first five customers (x, t_x, T) = (0,0,298), (0,0,224), (6,142,292), (0,0,147), (2,9,183).
    const { rows } = parseCsv(readDataset('example_transactions.csv'));
    const columns = toCalibrationColumns(
      { customerId: rows.map((r) => r[1]!), day: Int32Array.from(rows, (r) => dayOf(r[0]!.slice(0, 10))), amount: new Float64Array(rows.length).fill(1) },
      { asOf: '2014-12-31', timeUnit: 'day' },
    );
    const model = bgNbd.fit(columns);
    expect(model.params.r).toBeCloseTo(0.1639, 3);
    const summary = calibrationColumnsToSummary(columns);
    const customers = ['0', '1', '2', '3', '4'].map((id) => summary.customers.find((c) => String(c.customerId) === id)!);
    expect(customers.map((c) => [c.x, c.tx, c.T])).toEqual([
      [0, 0, 298],
      [0, 0, 224],
      [6, 142, 292],
      [0, 0, 147],
      [2, 9, 183],
    ]);
    const cet30 = [0.016053, 0.021171, 0.030461, 0.031686, 0.001607];
    const run = (months: number, monthlyRate: number): number[] =>
      customerLifetimeValue(customers, {
        purchaseModel: model,
        spendModel: { kind: 'fixed', spend: 1 },
        horizon: 30 * months,
        stepLength: 30,
        discountRate: convertDiscountRate(monthlyRate, { from: { days: 30 }, to: 'day' }),
      }).customers.map((c) => c.value);
    run(1, 0).forEach((v, i) => {
      expect(v).toBeCloseTo(cet30[i]!, 5);
    });
    run(1, 1).forEach((v, i) => {
      expect(v).toBeCloseTo(cet30[i]! / 2, 5);
    });
    run(2, 0).forEach((v, i) => {
      expect(relative(v, 2 * cet30[i]!)).toBeLessThan(0.1);
    });
    run(2, 1).forEach((v, i) => {
      expect(relative(v, 0.75 * cet30[i]!)).toBeLessThan(0.1);
    });
  });

  it('CLVTools README (apparel, Pareto/NBD, continuous δ = 0.1 per week, infinite horizon, Gamma-Gamma spend)', () => {
    const columns = toCalibrationColumns(apparelColumns(), { calibrationEnd: '2005-10-10', timeUnit: 'week' });
    const spend = gammaGamma.fit(columns);
    // Computed independently with SciPy: p 2.30454, q 17.14824, γ 279.96879, LL −722.2918.
    expect(relative(spend.params.p, 2.30454)).toBeLessThan(1e-3);
    expect(spend.logLikelihood).toBeCloseTo(-722.2918, 3);
    const purchases = paretoNbd.fit(columns);
    const ids = ['1', '10', '100', '1000', '1001', '1222'];
    const summary = calibrationColumnsToSummary(columns);
    const customers = ids.map((id) => summary.customers.find((c) => String(c.customerId) === id)!);
    const result = customerLifetimeValue(
      { customers, timeUnit: summary.timeUnit },
      { purchaseModel: purchases, spendModel: spend, horizon: Number.POSITIVE_INFINITY, discounting: 'continuous', discountRate: 0.1 },
    );
    const published = {
      palive: [0.3571791, 0.4225636, 0.9155479, 0.996778, 0.5098134, 0.4136156],
      dert: [0.05848859, 0.24513121, 3.58064629, 3.48331993, 0.93253307, 0.15383529],
      spend: [39.95483, 55.23031, 43.5739, 41.60921, 45.58153, 47.355],
      clv: [2.336902, 13.538672, 156.022721, 144.93818, 42.506281, 7.28487],
    };
    result.customers.forEach((c, i) => {
      expect(c.customerId).toBe(ids[i]);
      expect(relative(c.probabilityAlive!, published.palive[i]!)).toBeLessThan(2e-4);
      expect(relative(c.discountedPurchases, published.dert[i]!)).toBeLessThan(1e-4);
      expect(relative(c.expectedSpend, published.spend[i]!)).toBeLessThan(1e-4);
      expect(relative(c.value, published.clv[i]!)).toBeLessThan(1e-4);
    });
  });
});

describe('customerLifetimeValue with the fitted purchase models', () => {
  const customers = cdnow.slice(0, 200);
  const base = { spendModel: { kind: 'fixed', spend: 1 }, horizon: 52, discountRate: 0.002 } as const;

  it('bgNbd (cached per (x, T)) equals a direct per-customer evaluation of FHL (2005) eq. 10', () => {
    const model = { kind: 'bgNbd', params: CDNOW_BG_NBD, timeUnit: 'week' } as const;
    for (const discounting of ['discrete', 'continuous'] as const) {
      const cached = customerLifetimeValue(customers, { ...base, purchaseModel: model, discounting });
      const direct = customerLifetimeValue(customers, { ...base, purchaseModel: referenceBgNbd(CDNOW_BG_NBD, 'week'), discounting });
      cached.customers.forEach((c, i) => {
        expect(relative(c.discountedPurchases, direct.customers[i]!.discountedPurchases)).toBeLessThan(1e-9);
        expect(c.probabilityAlive).toBeCloseTo(direct.customers[i]!.probabilityAlive!, 14);
      });
    }
  });

  it('a long continuous horizon converges to each model\'s DERT', () => {
    const models = [
      { kind: 'bgNbd', params: CDNOW_BG_NBD, timeUnit: 'week' },
      { kind: 'mbgNbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' },
      { kind: 'paretoNbd', params: { r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.669 }, timeUnit: 'week' },
    ] as const;
    for (const purchaseModel of models) {
      const long = customerLifetimeValue(customers.slice(0, 20), { ...base, purchaseModel, discounting: 'continuous', discountRate: 0.05, horizon: 2000 });
      const infinite = customerLifetimeValue(customers.slice(0, 20), {
        ...base,
        purchaseModel,
        discounting: 'continuous',
        discountRate: 0.05,
        horizon: Number.POSITIVE_INFINITY,
      });
      long.customers.forEach((c, i) => {
        expect(relative(c.discountedPurchases, infinite.customers[i]!.discountedPurchases), purchaseModel.kind).toBeLessThan(1e-7);
      });
    }
  });

  it('columnar and per-customer results agree for every model kind', () => {
    const columns = {
      x: Float64Array.from(customers, (c) => c.x),
      tx: Float64Array.from(customers, (c) => c.tx),
      T: Float64Array.from(customers, (c) => c.T),
    };
    for (const kind of ['bgNbd', 'mbgNbd'] as const) {
      const options: CustomerLifetimeValueOptions = { ...base, purchaseModel: { kind, params: CDNOW_BG_NBD, timeUnit: 'week' } };
      const rows = customerLifetimeValue(customers, options);
      const out = customerLifetimeValueColumns(columns, options);
      rows.customers.forEach((c, i) => {
        expect(out.value[i]).toBe(c.value);
      });
    }
  });
});

describe('customerLifetimeValue: discounting and horizons', () => {
  const model = referenceBgNbd(CDNOW_BG_NBD, 'week');
  const base: CustomerLifetimeValueOptions = { purchaseModel: model, spendModel: { kind: 'fixed', spend: 1 }, horizon: 52, discountRate: 0 };
  const customers = cdnow.slice(0, 25);

  it('without discounting, discounted purchases equal CET(horizon) in both modes', () => {
    for (const discounting of ['discrete', 'continuous'] as const) {
      const result = customerLifetimeValue(customers, { ...base, discounting });
      result.customers.forEach((c, i) => {
        const cet = model.conditionalExpectedPurchases(52, customers[i]!);
        expect(relative(c.discountedPurchases, cet)).toBeLessThan(1e-12);
        expect(c.expectedPurchases).toBeCloseTo(cet, 12);
      });
    }
  });

  it('continuous discounting is the limit of discrete discounting with small steps', () => {
    const delta = 0.01;
    const continuous = customerLifetimeValue(customers, { ...base, discounting: 'continuous', discountRate: delta });
    const fine = customerLifetimeValue(customers, { ...base, discountRate: Math.expm1(delta), stepLength: 0.005 });
    continuous.customers.forEach((c, i) => {
      expect(c.discountedPurchases).toBeLessThan(c.expectedPurchases!);
      // End-of-step valuation lags by half a step on average: relative bias ≈ δ·step/2 = 2.5e-5.
      expect(relative(fine.customers[i]!.discountedPurchases, c.discountedPurchases)).toBeLessThan(5e-5);
    });
  });

  it('margin and spend scale the value; rows and columns agree', () => {
    const options: CustomerLifetimeValueOptions = {
      ...base,
      spendModel: { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } },
      discountRate: 0.002,
      margin: 0.3,
    };
    const rows = customerLifetimeValue(customers, options);
    const columns = customerLifetimeValueColumns(
      {
        x: Float64Array.from(customers, (c) => c.x),
        tx: Float64Array.from(customers, (c) => c.tx),
        T: Float64Array.from(customers, (c) => c.T),
        meanSpend: Float64Array.from(customers, (c) => c.meanSpend!),
      },
      options,
    );
    rows.customers.forEach((c, i) => {
      expect(c.value).toBeCloseTo(0.3 * c.expectedSpend * c.discountedPurchases, 12);
      expect(c.expectedSpend).toBe(gammaGamma.conditionalExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, { x: customers[i]!.x, mean: customers[i]!.meanSpend! }));
      expect(columns.value[i]).toBe(c.value);
      expect(columns.probabilityAlive[i]).toBe(c.probabilityAlive);
    });
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });

  it('converts discount rates between units', () => {
    expect(convertDiscountRate(0.1, { from: { days: 365.25 }, to: 'week' })).toBeCloseTo(1.1 ** (7 / 365.25) - 1, 15);
    expect(convertDiscountRate(0.01, { from: { days: 30 }, to: { days: 30 } })).toBeCloseTo(0.01, 15);
    expect((1 + convertDiscountRate(0.01, { from: 'month', to: 'day' })) ** 30.4375).toBeCloseTo(1.01, 12);
  });

  it('refuses an infinite horizon without a closed form, and bad settings', () => {
    expect(() => customerLifetimeValue(customers, { ...base, horizon: Number.POSITIVE_INFINITY, discountRate: 0.1 })).toThrow(/\[clientele\]/);
    expect(() => customerLifetimeValue(customers, { ...base, horizon: 0 })).toThrow(/\[clientele\]/);
    expect(() => customerLifetimeValue(customers, { ...base, discountRate: -0.1 })).toThrow(/\[clientele\]/);
    expect(() => customerLifetimeValue(customers, { ...base, stepLength: 0 })).toThrow(/\[clientele\]/);
  });
});

describe('customerLifetimeValue with BG/BB', () => {
  const params = { alpha: 1.2035, beta: 0.7497, gamma: 0.6568, delta: 2.7837 };
  const purchaseModel = { kind: 'bgBb', params, timeUnit: { days: 365.25 } } as const;
  const histories = [
    { x: 0, tx: 0, T: 6 },
    { x: 2, tx: 4, T: 6 },
    { x: 6, tx: 6, T: 6 },
    { x: 3, tx: 5, T: 6 },
    { x: 1, tx: 1, T: 3 },
  ];

  it('equals the discounted sum of per-opportunity expected transactions (cache vs direct)', () => {
    const d = 0.1;
    const result = customerLifetimeValue(histories, { purchaseModel, spendModel: { kind: 'fixed', spend: 1 }, horizon: 10, discountRate: d });
    result.customers.forEach((c, i) => {
      const h = histories[i]!;
      let expected = 0;
      let previous = 0;
      for (let k = 1; k <= 10; k++) {
        const current = bgBb.conditionalExpectedPurchases(params, k, { x: h.x, tx: h.tx, n: h.T });
        expected += (current - previous) / (1 + d) ** k;
        previous = current;
      }
      expect(relative(c.discountedPurchases, expected)).toBeLessThan(1e-12);
      expect(c.probabilityAlive).toBeCloseTo(bgBb.probabilityAlive(params, { x: h.x, tx: h.tx, n: h.T }, { periodsAhead: 0 }), 14);
    });
  });

  it('an infinite horizon is BG/BB DERT (discrete rate, or e^δ − 1 for continuous δ)', () => {
    const discrete = customerLifetimeValue(histories, { purchaseModel, spendModel: { kind: 'fixed', spend: 1 }, horizon: Number.POSITIVE_INFINITY, discountRate: 0.1 });
    const continuous = customerLifetimeValue(histories, {
      purchaseModel,
      spendModel: { kind: 'fixed', spend: 1 },
      horizon: Number.POSITIVE_INFINITY,
      discountRate: Math.log(1.1),
      discounting: 'continuous',
    });
    discrete.customers.forEach((c, i) => {
      const h = histories[i]!;
      const dert = bgBb.discountedExpectedResidualTransactions(params, { x: h.x, tx: h.tx, n: h.T }, { discountRate: 0.1 });
      expect(relative(c.discountedPurchases, dert)).toBeLessThan(1e-12);
      expect(relative(continuous.customers[i]!.discountedPurchases, dert)).toBeLessThan(1e-12);
      expect(c.expectedPurchases).toBeNull();
    });
    expect(discrete.settings.horizon).toBeNull();
  });

  it('long finite horizons converge to DERT', () => {
    const result = customerLifetimeValue(histories, { purchaseModel, spendModel: { kind: 'fixed', spend: 1 }, horizon: 600, discountRate: 0.1 });
    result.customers.forEach((c, i) => {
      const h = histories[i]!;
      expect(relative(c.discountedPurchases, bgBb.discountedExpectedResidualTransactions(params, { x: h.x, tx: h.tx, n: h.T }, { discountRate: 0.1 }))).toBeLessThan(1e-9);
    });
  });

  it('columnar values equal per-customer values (property)', () => {
    const historyArb = fc
      .tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }))
      .map(([p, q, s]) => {
        const [x, tx, T] = [p, q, s].sort((u, v) => u - v) as [number, number, number];
        return x === 0 ? { x: 0, tx: 0, T } : { x, tx, T };
      });
    fc.assert(
      fc.property(fc.array(historyArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 15 }), (rows, horizon) => {
        const options: CustomerLifetimeValueOptions = { purchaseModel, spendModel: { kind: 'fixed', spend: 2 }, horizon, discountRate: 0.05 };
        const perRow = customerLifetimeValue(rows, options);
        const columns = customerLifetimeValueColumns(
          { x: rows.map((r) => r.x), tx: rows.map((r) => r.tx), T: rows.map((r) => r.T) },
          options,
        );
        expect(perRow.rejected).toEqual([]);
        perRow.customers.forEach((c, i) => { expect(columns.value[i]).toBe(c.value); });
      }),
      { numRuns: 100 },
    );
  });
});

describe('customerLifetimeValue input handling', () => {
  const options: CustomerLifetimeValueOptions = {
    purchaseModel: referenceBgNbd(CDNOW_BG_NBD, 'week'),
    spendModel: { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } },
    horizon: 52,
    discountRate: 0.002,
  };

  it('reports invalid customers with their paths and values the rest', () => {
    const input = [
      { x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 },
      { x: 2, tx: 40, T: 38.86, meanSpend: 22.35 },
      { x: 0, tx: 3, T: 38.86 },
      { x: 1, tx: 5, T: 38.86 },
      { x: 1.5, tx: 5, T: 38.86, meanSpend: 1 },
      { x: 1, tx: 5, T: 38.86, meanSpend: 10, customerId: {} },
      'nope',
    ] as unknown as ClvCustomer[];
    const result = customerLifetimeValue(input, options);
    expect(result.customers.map((c) => c.index)).toEqual([0]);
    expect(result.rejected).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.issues.map((i) => i.path)).toEqual([
      'customers[1].tx',
      'customers[2].tx',
      'customers[3].meanSpend',
      'customers[4].x',
      'customers[5].customerId',
      'customers[6]',
    ]);
    const columns = customerLifetimeValueColumns({ x: [2, 2, 0], tx: [30.43, 40, 0], T: [38.86, 38.86, 38.86], meanSpend: [22.35, 1, Number.NaN] }, options);
    expect(columns.rejected).toEqual([1]);
    expect(columns.issues.map((i) => i.path)).toEqual(['columns.tx[1]']);
    expect(Number.isNaN(columns.value[1])).toBe(true);
    expect(columns.value[2]).toBeGreaterThan(0);
  });

  it('never throws on arbitrary customers (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = customerLifetimeValue(input as ClvCustomer[], options);
        if (Array.isArray(input)) expect(result.customers.length + result.rejected.length).toBe(input.length);
        else expect(result.issues).toHaveLength(1);
        const columns = customerLifetimeValueColumns(input as never, options);
        expect(columns.value).toBeInstanceOf(Float64Array);
      }),
      { numRuns: 200 },
    );
  });
});

describe('customerLifetimeValue with calibration summaries', () => {
  const options: CustomerLifetimeValueOptions = {
    purchaseModel: referenceBgNbd(CDNOW_BG_NBD, 'week'),
    spendModel: { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } },
    horizon: 52,
    discountRate: 0.002,
  };

  it('accepts a summary ({ customers, timeUnit }) and its columns, and passes customer ids through', () => {
    const summary = { customers: cdnow.slice(0, 5), timeUnit: 'week' as const };
    const fromSummary = customerLifetimeValue(summary, options);
    const fromRows = customerLifetimeValue(cdnow.slice(0, 5), options);
    expect(fromSummary.customers).toEqual(fromRows.customers);
    expect(fromSummary.customers.map((c) => c.customerId)).toEqual(['1', '2', '3', '4', '5']);
    const columns = customerLifetimeValueColumns(
      { x: [2, 0], tx: [30.43, 0], T: [38.86, 38.86], meanSpend: [22.35, 0], timeUnit: 'week' },
      options,
    );
    expect(columns.value[0]).toBe(fromRows.customers[0]!.value);
  });

  it('refuses to mix time units between the summary and the model', () => {
    expect(() => customerLifetimeValue({ customers: cdnow.slice(0, 2), timeUnit: 'day' }, options)).toThrow(/time unit \(day\) differs/);
    expect(() => customerLifetimeValueColumns({ x: [0], tx: [0], T: [3], timeUnit: { days: 14 } }, options)).toThrow(/\[clientele\]/);
  });
});

describe('customerLifetimeValue numerics', () => {
  it('stays finite and non-negative for x and T up to 10,000 with every model and discounting', () => {
    const customers = [
      { x: 10_000, tx: 9000, T: 10_000, meanSpend: 10 },
      { x: 10_000, tx: 10_000, T: 10_000, meanSpend: 10 },
      { x: 0, tx: 0, T: 10_000 },
      { x: 1, tx: 0.5, T: 10_000, meanSpend: 3 },
      { x: 5000, tx: 100, T: 10_000, meanSpend: 3 },
    ];
    const models = [
      { kind: 'bgNbd', params: CDNOW_BG_NBD, timeUnit: 'week' },
      { kind: 'mbgNbd', params: CDNOW_BG_NBD, timeUnit: 'week' },
      { kind: 'paretoNbd', params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 }, timeUnit: 'week' },
    ] as const;
    for (const purchaseModel of models) {
      for (const [discounting, horizon] of [
        ['discrete', 52],
        ['continuous', 52],
        ['continuous', Number.POSITIVE_INFINITY],
      ] as const) {
        const result = customerLifetimeValue(customers, {
          purchaseModel,
          spendModel: { kind: 'gammaGamma', params: { p: 6.25, q: 3.74, gamma: 15.44 } },
          horizon,
          discounting,
          discountRate: 0.01,
        });
        expect(result.rejected).toEqual([]);
        for (const c of result.customers) {
          expect(Number.isFinite(c.value) && c.value >= 0, `${purchaseModel.kind} ${discounting} ${horizon}`).toBe(true);
          expect(c.probabilityAlive).toBeGreaterThanOrEqual(0);
          expect(c.probabilityAlive).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
