/**
 * `valueTiers`: high / medium / low value tiers by cumulative share of value (Pareto tiers).
 *
 * @module
 */
import { CompensatedSum } from '../core/index.js';
import type { RfmSummary, RfmWarning } from './types.js';

/**
 * A value tier and the share of total value it takes.
 *
 * @example
 * ```ts
 * const top: ValueTierDefinition = { name: 'high', share: 0.8 };
 * ```
 */
export interface ValueTierDefinition {
  /** Tier name. */
  readonly name: string;
  /** Share of the total (positive) value the tier covers; shares of all tiers add up to 1. */
  readonly share: number;
}

/**
 * The default tiers: `high` = the customers who make up the first 80% of value, `medium` the next 15%, `low` the
 * last 5% (and everyone with no positive value).
 *
 * @example
 * ```ts
 * DEFAULT_VALUE_TIERS.map((t) => t.share) //=> [0.8, 0.15, 0.05]
 * ```
 */
export const DEFAULT_VALUE_TIERS: readonly ValueTierDefinition[] = Object.freeze([
  Object.freeze({ name: 'high', share: 0.8 }),
  Object.freeze({ name: 'medium', share: 0.15 }),
  Object.freeze({ name: 'low', share: 0.05 }),
]);

/**
 * Per-customer values supplied by the caller, e.g. predicted CLV from `clientele/clv`.
 *
 * @example
 * ```ts
 * const values: CustomerValues = { customerId: ['a', 'b', 'c'], value: Float64Array.of(1200, 80, 15) };
 * ```
 */
export interface CustomerValues {
  /** Customer ids. */
  readonly customerId: Float64Array | readonly string[] | readonly number[];
  /** One value per customer (non-finite values are left without a tier). */
  readonly value: ArrayLike<number>;
}

/**
 * Options of {@link valueTiers}.
 *
 * @example
 * ```ts
 * const options: ValueTierOptions = { tiers: [{ name: 'top', share: 0.5 }, { name: 'rest', share: 0.5 }] };
 * ```
 */
export interface ValueTierOptions {
  /** Tiers from most to least valuable (default {@link DEFAULT_VALUE_TIERS}). */
  readonly tiers?: readonly ValueTierDefinition[];
}

/**
 * One tier of a {@link ValueTiers} result.
 *
 * @example
 * ```ts
 * const row: ValueTierRow = {
 *   name: 'high', targetShare: 0.8, customers: 1046, customerShare: 0.24, value: 6_640_052.3, valueShare: 0.8,
 *   minValue: 1394.2, maxValue: 279_489.02,
 * };
 * ```
 */
export interface ValueTierRow {
  /** Tier name. */
  readonly name: string;
  /** The share the tier was defined with. */
  readonly targetShare: number;
  /** Customers in the tier. */
  readonly customers: number;
  /** Share of the customers with a finite value. */
  readonly customerShare: number | null;
  /** Sum of the tier's values. */
  readonly value: number;
  /** Share of the sum of all finite values (`null` when that sum is 0). */
  readonly valueShare: number | null;
  /** Smallest value in the tier (`null` when empty). */
  readonly minValue: number | null;
  /** Largest value in the tier (`null` when empty). */
  readonly maxValue: number | null;
}

/**
 * The result of {@link valueTiers}: a tier per customer (1 = first tier; 0 = no finite value) and tier totals.
 *
 * @example
 * ```ts
 * const tiers: ValueTiers = valueTiers(summary);
 * tiers.tiers[0]!.customerShare; // e.g. 0.24: a quarter of customers make 80% of revenue
 * ```
 */
export interface ValueTiers {
  /** `monetary` (the summary's monetary value) or `supplied` (caller values). */
  readonly basis: 'monetary' | 'supplied';
  /** Customer ids, as in the input. */
  readonly customerId: Float64Array | readonly string[] | readonly number[];
  /** Tier per customer: 1-based index into `tiers`, 0 when the value is not finite. */
  readonly tier: Uint8Array;
  /** Tier totals, most valuable first. */
  readonly tiers: readonly ValueTierRow[];
  /** Sum of all finite values. */
  readonly totalValue: number;
  /** Warnings (non-finite or negative values). */
  readonly warnings: readonly RfmWarning[];
}

function isSummary(input: RfmSummary | CustomerValues): input is RfmSummary {
  return 'customers' in input && 'totals' in input;
}

/**
 * Assigns value tiers by cumulative share of value: customers are ordered by value, highest first, and each takes
 * the first tier whose cumulative target share has not been reached by the customers strictly more valuable than them
 * (so equal values always share a tier, and the customer who crosses 80% is still `high`). Customers with no positive
 * value go to the last tier. The value is the summary's monetary value (summed exactly in minor units) or a
 * per-customer value supplied by the caller, e.g. predicted CLV.
 *
 * @example
 * ```ts
 * const result = valueTiers({ customerId: ['a', 'b', 'c', 'd'], value: [70, 20, 6, 4] });
 * Array.from(result.tier) //=> [1, 1, 2, 3]
 * // a: 0% before it → high; b: 70% before (< 80%) → high; c: 90% before → medium; d: 96% before → low
 * ```
 */
export function valueTiers(input: RfmSummary | CustomerValues, options: ValueTierOptions = {}): ValueTiers {
  const definitions = options.tiers ?? DEFAULT_VALUE_TIERS;
  if (definitions.length === 0 || definitions.length > 255) {
    throw new RangeError('[clientele] valueTiers: between 1 and 255 tiers are needed');
  }
  let shareTotal = 0;
  for (const tier of definitions) {
    if (!(tier.share > 0) || !Number.isFinite(tier.share)) {
      throw new RangeError('[clientele] valueTiers: every tier share must be a positive number');
    }
    shareTotal += tier.share;
  }
  if (Math.abs(shareTotal - 1) > 1e-9) throw new RangeError('[clientele] valueTiers: tier shares must add up to 1');

  const summaryInput = isSummary(input);
  const customerId = summaryInput ? input.customers.customerId : input.customerId;
  // Money from a summary is ranked on exact integer minor units.
  let values: Float64Array;
  let scale = 1;
  if (summaryInput) {
    const c = input.customers;
    scale = 10 ** input.amountDecimals;
    values = new Float64Array(c.grossMinor.length);
    const net = input.monetaryBasis === 'net';
    for (let i = 0; i < values.length; i++) values[i] = net ? c.grossMinor[i]! - c.refundMinor[i]! : c.grossMinor[i]!;
  } else {
    if (input.value.length !== input.customerId.length) {
      throw new RangeError('[clientele] valueTiers: customerId and value must have the same length');
    }
    values = Float64Array.from(input.value);
  }
  const n = values.length;
  const positives = new Float64Array(n);
  let positiveCount = 0;
  let nonFinite = 0;
  let negative = 0;
  const totalAll = new CompensatedSum();
  const totalPositive = new CompensatedSum();
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    totalAll.add(v);
    if (v > 0) {
      positives[positiveCount++] = v;
      totalPositive.add(v);
    } else if (v < 0) negative++;
  }
  // Distinct positive values, descending, with the tier of each (cumulative value strictly before the value).
  const sorted = positives.subarray(0, positiveCount).sort();
  const distinct: number[] = [];
  const distinctTier: number[] = [];
  const bounds: number[] = [];
  let cumulativeShare = 0;
  for (const tier of definitions) {
    cumulativeShare += tier.share;
    bounds.push(cumulativeShare * totalPositive.value);
  }
  const before = new CompensatedSum();
  let tier = 0;
  for (let k = positiveCount - 1; k >= 0;) {
    const v = sorted[k]!;
    let j = k;
    const group = new CompensatedSum();
    while (j >= 0 && sorted[j] === v) {
      group.add(v);
      j--;
    }
    while (tier < definitions.length - 1 && !(before.value < bounds[tier]!)) tier++;
    distinct.push(v);
    distinctTier.push(tier + 1);
    before.merge(group);
    k = j;
  }
  const tierOf = new Uint8Array(n);
  const last = definitions.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (!(v > 0)) {
      tierOf[i] = last;
      continue;
    }
    // distinct is descending: find v.
    let lo = 0;
    let hi = distinct.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (distinct[mid]! > v) lo = mid + 1;
      else hi = mid;
    }
    tierOf[i] = distinctTier[lo]!;
  }
  const counts = new Array<number>(last).fill(0);
  const sums = definitions.map(() => new CompensatedSum());
  const mins = new Array<number>(last).fill(Number.POSITIVE_INFINITY);
  const maxs = new Array<number>(last).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < n; i++) {
    const t = tierOf[i]!;
    if (t === 0) continue;
    const v = values[i]!;
    counts[t - 1]!++;
    sums[t - 1]!.add(v);
    if (v < mins[t - 1]!) mins[t - 1] = v;
    if (v > maxs[t - 1]!) maxs[t - 1] = v;
  }
  const finiteCount = n - nonFinite;
  const total = totalAll.value;
  const tiers = definitions.map((definition, t): ValueTierRow => ({
    name: definition.name,
    targetShare: definition.share,
    customers: counts[t]!,
    customerShare: finiteCount > 0 ? counts[t]! / finiteCount : null,
    value: sums[t]!.value / scale,
    valueShare: total !== 0 ? sums[t]!.value / total : null,
    minValue: counts[t]! > 0 ? mins[t]! / scale : null,
    maxValue: counts[t]! > 0 ? maxs[t]! / scale : null,
  }));
  const warnings: RfmWarning[] = [];
  if (nonFinite > 0) {
    warnings.push({
      code: 'unassigned-customers',
      count: nonFinite,
      message: `${nonFinite} customers have no finite value and no tier`,
    });
  }
  if (negative > 0) {
    warnings.push({
      code: 'negative-values',
      count: negative,
      message: `${negative} customers have a negative value (refunds exceed purchases); they are in the last tier`,
    });
  }
  return {
    basis: summaryInput ? 'monetary' : 'supplied',
    customerId,
    tier: tierOf,
    tiers,
    totalValue: total / scale,
    warnings,
  };
}
