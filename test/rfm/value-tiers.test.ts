import { describe, expect, it } from 'vitest';
import { DEFAULT_VALUE_TIERS, summarize, valueTiers } from '../../src/rfm/index.js';
import { DAY } from './fixtures.js';

describe('valueTiers', () => {
  it('assigns tiers by cumulative share of value, 80/15/5 by default', () => {
    const result = valueTiers({ customerId: ['a', 'b', 'c', 'd'], value: [70, 20, 6, 4] });
    expect(Array.from(result.tier)).toEqual([1, 1, 2, 3]);
    expect(result.tiers.map((t) => [t.name, t.customers, t.value, t.minValue, t.maxValue])).toEqual([
      ['high', 2, 90, 20, 70],
      ['medium', 1, 6, 6, 6],
      ['low', 1, 4, 4, 4],
    ]);
    expect(result.tiers[0]!.valueShare).toBeCloseTo(0.9, 12);
    expect(result.basis).toBe('supplied');
    expect(DEFAULT_VALUE_TIERS.map((t) => t.share)).toEqual([0.8, 0.15, 0.05]);
  });

  it('keeps equal values in one tier and puts non-positive values last', () => {
    const result = valueTiers({ customerId: [1, 2, 3, 4, 5, 6], value: [40, 40, 10, 10, 0, -5] });
    // total positive 100: the 40s start at 0% → high; the 10s start at 80% → medium; 0 and −5 → low
    expect(Array.from(result.tier)).toEqual([1, 1, 2, 2, 3, 3]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'negative-values', count: 1 })]);
  });

  it('is independent of the input order', () => {
    const values = [5, 300, 12, 12, 80, 1, 44, 0.5];
    const ids = values.map((_, i) => i);
    const a = valueTiers({ customerId: ids, value: values });
    const order = [3, 7, 0, 5, 1, 6, 2, 4];
    const b = valueTiers({ customerId: order.map((i) => ids[i]!), value: order.map((i) => values[i]!) });
    order.forEach((i, k) => {
      expect(b.tier[k]).toBe(a.tier[i]);
    });
  });

  it('uses the summary monetary value, exactly, or supplied values such as predicted CLV', () => {
    const summary = summarize(
      { customerId: [1, 2, 3], day: Int32Array.of(1, 1, 1), amount: Float64Array.of(0.1, 0.2, 0.7) },
      { asOf: 5 * DAY },
    );
    const byRevenue = valueTiers(summary, {
      tiers: [
        { name: 'top', share: 0.7 },
        { name: 'rest', share: 0.3 },
      ],
    });
    expect(byRevenue.basis).toBe('monetary');
    expect(Array.from(byRevenue.tier)).toEqual([2, 2, 1]);
    expect(byRevenue.totalValue).toBe(1);
    expect(byRevenue.tiers.map((t) => t.value)).toEqual([0.7, 0.3]);
    const byClv = valueTiers({ customerId: summary.customers.customerId, value: [900, 50, 50] });
    expect(Array.from(byClv.tier)).toEqual([1, 2, 2]); // the 50s start at 90% (< 95%)
  });

  it('leaves non-finite values without a tier and validates the tiers', () => {
    const result = valueTiers({ customerId: ['a', 'b'], value: [Number.NaN, 3] });
    expect(Array.from(result.tier)).toEqual([0, 1]);
    expect(result.warnings[0]?.code).toBe('unassigned-customers');
    expect(() => valueTiers({ customerId: ['a'], value: [1] }, { tiers: [{ name: 'x', share: 0.5 }] })).toThrow(
      /add up to 1/,
    );
    expect(() => valueTiers({ customerId: ['a'], value: [1, 2] })).toThrow(/same length/);
  });
});
