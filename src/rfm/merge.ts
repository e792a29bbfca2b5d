/**
 * `mergeSummaries`: combine summaries of separate shards of the transactions into exactly the one-pass summary.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { joinCustomerIds } from './join-ids.js';
import { computeTotals, deriveColumns, roundedAmountsWarnings, type BaseColumns } from './summary-columns.js';
import type { MergeRefusal, RejectReason, RfmMergeState, RfmSummary, RfmWarning } from './types.js';
import { NO_DAY } from './types.js';

type Key = number | string;

function stateKeys(state: RfmMergeState, customer: number, asStrings: boolean): Key[] {
  const keys = state.orderKeys!;
  const from = state.orderOffsets![customer]!;
  const to = state.orderOffsets![customer + 1]!;
  const out: Key[] = [];
  for (let k = from; k < to; k++) out.push(keys[k]!);
  if (asStrings && keys instanceof Float64Array) return out.map(String).sort();
  return out;
}

function unionInto(x: readonly Key[], y: readonly Key[], out: Key[]): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < x.length || j < y.length) {
    let next: Key;
    if (j >= y.length || (i < x.length && x[i]! < y[j]!)) next = x[i++]!;
    else if (i >= x.length || y[j]! < x[i]!) next = y[j++]!;
    else {
      next = x[i++]!;
      j++;
    }
    out.push(next);
    count++;
  }
  return count;
}

function daysOf(state: RfmMergeState, customer: number): number[] {
  return Array.from(state.days.subarray(state.dayOffsets[customer], state.dayOffsets[customer + 1]));
}

function mergeWarnings(a: RfmSummary, b: RfmSummary): RfmWarning[] {
  const seen = new Set<string>();
  const out: RfmWarning[] = [];
  for (const warning of [...a.warnings, ...b.warnings]) {
    if (warning.code === 'rounded-amounts' || warning.code === 'precision-limit') continue;
    const key = `${warning.code}\u0000${warning.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(warning);
  }
  return out;
}

/**
 * Combines two summaries of disjoint sets of transaction rows (shards: worker threads, warehouse partitions,
 * monthly exports) into exactly the summary one pass over all the rows would give. Merging is associative and
 * commutative, so any number of shards can be folded.
 *
 * Sums, row counts and first/last purchase days combine directly. Distinct orders and distinct purchase days of a
 * customer who bought in both shards can only be counted exactly from the sets themselves, so such summaries must be
 * made with `{ mergeable: true }` (which keeps every customer's distinct orders and days); shards that share no
 * purchasing customer (e.g. partitioned by customer) merge exactly without it.
 *
 * Refusals (`Left`): `incompatible-summaries` when `asOf`, time zone, bases or `amountDecimals` differ (or order ids
 * are present in one shard only), `merge-state-required` when the sets are needed but missing.
 *
 * @example
 * ```ts
 * const options = { asOf: '2024-06-30', mergeable: true } as const;
 * const merged = mergeSummaries(summarize(januaryToMarch, options), summarize(aprilToJune, options));
 * // E.isRight(merged) && merged.right deep-equals summarize([...januaryToMarch, ...aprilToJune], options)
 * ```
 */
export function mergeSummaries(a: RfmSummary, b: RfmSummary): E.Either<MergeRefusal, RfmSummary> {
  const fields = ['asOf', 'asOfDay', 'timeZone', 'frequencyBasis', 'monetaryBasis', 'amountDecimals'] as const;
  for (const field of fields) {
    if (a[field] !== b[field]) {
      return E.left({
        code: 'incompatible-summaries',
        message: `the summaries differ in ${field} (${String(a[field])} vs ${String(b[field])})`,
      });
    }
  }
  const sa = a.mergeState;
  const sb = b.mergeState;
  if (sa !== undefined && sb !== undefined && (sa.orderKeys === null) !== (sb.orderKeys === null)) {
    return E.left({
      code: 'incompatible-summaries',
      message: 'one summary counted orders by order id, the other had no order ids (each row its own order)',
    });
  }
  const ca = a.customers;
  const cb = b.customers;
  const { pairs, asStrings } = joinCustomerIds(ca.customerId, cb.customerId);
  let needState = 0;
  for (const [x, y] of pairs) if (x >= 0 && y >= 0 && ca.purchaseRows[x]! > 0 && cb.purchaseRows[y]! > 0) needState++;
  if (needState > 0 && (sa === undefined || sb === undefined)) {
    return E.left({
      code: 'merge-state-required',
      customers: needState,
      message: `${needState} customers have purchases in both summaries; summarize the shards with { mergeable: true } to count their distinct orders and days exactly`,
    });
  }

  const n = pairs.length;
  const customerId: Float64Array | string[] = asStrings ? new Array<string>(n) : new Float64Array(n);
  const base = {
    orders: new Int32Array(n),
    purchaseDays: new Int32Array(n),
    purchaseRows: new Int32Array(n),
    refundRows: new Int32Array(n),
    grossMinor: new Float64Array(n),
    refundMinor: new Float64Array(n),
    firstPurchaseDay: new Int32Array(n).fill(NO_DAY),
    lastPurchaseDay: new Int32Array(n).fill(NO_DAY),
  };
  const keepState = sa !== undefined && sb !== undefined;
  const withOrders = keepState && sa.orderKeys !== null;
  const orderStrings = withOrders && !(sa.orderKeys instanceof Float64Array && sb.orderKeys instanceof Float64Array);
  const dayOffsets = new Int32Array(keepState ? n + 1 : 0);
  const orderOffsets = new Int32Array(withOrders ? n + 1 : 0);
  const days: number[] = [];
  const orderKeys: Key[] = [];

  for (let r = 0; r < n; r++) {
    const [x, y] = pairs[r]!;
    const id = x >= 0 ? ca.customerId[x]! : cb.customerId[y]!;
    if (asStrings) (customerId as string[])[r] = String(id);
    else (customerId as Float64Array)[r] = id as number;
    const buysA = x >= 0 && ca.purchaseRows[x]! > 0;
    const buysB = y >= 0 && cb.purchaseRows[y]! > 0;
    base.purchaseRows[r] = (x >= 0 ? ca.purchaseRows[x]! : 0) + (y >= 0 ? cb.purchaseRows[y]! : 0);
    base.refundRows[r] = (x >= 0 ? ca.refundRows[x]! : 0) + (y >= 0 ? cb.refundRows[y]! : 0);
    base.grossMinor[r] = (x >= 0 ? ca.grossMinor[x]! : 0) + (y >= 0 ? cb.grossMinor[y]! : 0);
    base.refundMinor[r] = (x >= 0 ? ca.refundMinor[x]! : 0) + (y >= 0 ? cb.refundMinor[y]! : 0);
    if (buysA && buysB) {
      base.firstPurchaseDay[r] = Math.min(ca.firstPurchaseDay[x]!, cb.firstPurchaseDay[y]!);
      base.lastPurchaseDay[r] = Math.max(ca.lastPurchaseDay[x]!, cb.lastPurchaseDay[y]!);
    } else if (buysA || buysB) {
      const one = buysA ? ca : cb;
      const at = buysA ? x : y;
      base.firstPurchaseDay[r] = one.firstPurchaseDay[at]!;
      base.lastPurchaseDay[r] = one.lastPurchaseDay[at]!;
      base.orders[r] = one.orders[at]!;
      base.purchaseDays[r] = one.purchaseDays[at]!;
    }
    if (keepState) {
      const dx = x >= 0 ? daysOf(sa, x) : [];
      const dy = y >= 0 ? daysOf(sb, y) : [];
      const before = days.length;
      unionInto(dx, dy, days);
      dayOffsets[r + 1] = days.length;
      if (buysA && buysB) base.purchaseDays[r] = days.length - before;
      if (withOrders) {
        const ox = x >= 0 ? stateKeys(sa, x, orderStrings) : [];
        const oy = y >= 0 ? stateKeys(sb, y, orderStrings) : [];
        const count = unionInto(ox, oy, orderKeys);
        orderOffsets[r + 1] = orderKeys.length;
        if (buysA && buysB) base.orders[r] = count;
      } else if (buysA && buysB) base.orders[r] = ca.orders[x]! + cb.orders[y]!;
    }
  }

  const columns = deriveColumns(
    { customerId, ...base } satisfies BaseColumns,
    a.asOfDay,
    a.frequencyBasis,
    a.monetaryBasis,
    a.amountDecimals,
  );
  const { totals, warnings: totalWarnings } = computeTotals(columns, a.amountDecimals);
  const counts = {
    rows: a.counts.rows + b.counts.rows,
    purchases: a.counts.purchases + b.counts.purchases,
    refunds: a.counts.refunds + b.counts.refunds,
    afterAsOf: a.counts.afterAsOf + b.counts.afterAsOf,
    rejected: a.counts.rejected + b.counts.rejected,
    roundedAmounts: a.counts.roundedAmounts + b.counts.roundedAmounts,
  };
  const byReason: Partial<Record<RejectReason, number>> = { ...a.rejections.byReason };
  for (const [reason, count] of Object.entries(b.rejections.byReason) as [RejectReason, number][]) {
    byReason[reason] = (byReason[reason] ?? 0) + count;
  }
  const warnings = [
    ...mergeWarnings(a, b),
    ...totalWarnings,
    ...roundedAmountsWarnings(counts.roundedAmounts, a.amountDecimals),
  ];
  const mergeState: RfmMergeState | undefined = keepState
    ? {
        dayOffsets,
        days: Int32Array.from(days),
        orderOffsets: withOrders ? orderOffsets : null,
        orderKeys: withOrders
          ? orderStrings
            ? (orderKeys as string[])
            : Float64Array.from(orderKeys as number[])
          : null,
      }
    : undefined;
  return E.right({
    asOf: a.asOf,
    asOfDay: a.asOfDay,
    asOfDate: a.asOfDate,
    timeZone: a.timeZone,
    frequencyBasis: a.frequencyBasis,
    monetaryBasis: a.monetaryBasis,
    amountDecimals: a.amountDecimals,
    customers: columns,
    counts,
    totals,
    rejections: { byReason, issues: [...a.rejections.issues, ...b.rejections.issues].slice(0, 100) },
    warnings,
    ...(mergeState === undefined ? {} : { mergeState }),
  });
}
