/**
 * Groups per-customer records (survey answers, complaints, engagement events) by the positions of a purchase index,
 * each customer's records sorted by time.
 *
 * @module
 */

/**
 * Records grouped per customer: `items[offsets[k] .. offsets[k+1]]` belong to customer `k`, sorted by time.
 *
 * @example
 * ```ts
 * const groups: Grouped<{ at: number }> = { offsets: Int32Array.from([0, 1]), items: [{ at: 5 }], times: Float64Array.from([5]) };
 * ```
 */
export interface Grouped<T> {
  readonly offsets: Int32Array;
  readonly items: readonly T[];
  /** The time of each item (same units as the `timeOf` accessor). */
  readonly times: Float64Array;
}

/**
 * Counts of records that were not used, for the report.
 *
 * @example
 * ```ts
 * const skips: GroupingSkips = { after: 0, unknown: 0, filtered: 0 };
 * ```
 */
export interface GroupingSkips {
  /** Records at or after `asOf`. */
  after: number;
  /** Records whose customer is not scored. */
  unknown: number;
  /** Records filtered out (e.g. engagement types not counted). */
  filtered: number;
}

/**
 * Groups records by customer position and sorts each group by time (ties by the `tieKey`, so the result does not
 * depend on input order). Records with `timeOf(r) >= before` or an unknown customer are skipped and counted.
 *
 * @example
 * ```ts
 * const grouped = groupByCustomer(responses, new Map([['c1', 0]]), 1, (r) => r.customerId, (r) => r.respondedAt, (r) => r.id, Date.UTC(2024, 6, 1), skips);
 * ```
 */
export function groupByCustomer<T>(
  records: readonly T[],
  positions: ReadonlyMap<string, number>,
  customers: number,
  customerOf: (record: T) => string | undefined,
  timeOf: (record: T) => number,
  tieKey: (record: T) => string,
  before: number,
  skips: GroupingSkips,
  keep: (record: T) => boolean = () => true,
): Grouped<T> {
  const position = new Int32Array(records.length);
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    position[i] = -1;
    if (!keep(record)) {
      skips.filtered++;
      continue;
    }
    if (!(timeOf(record) < before)) {
      skips.after++;
      continue;
    }
    const id = customerOf(record);
    const k = id === undefined ? undefined : positions.get(id);
    if (k === undefined) {
      skips.unknown++;
      continue;
    }
    position[i] = k;
    offsets[k + 1]!++;
  }
  for (let k = 0; k < customers; k++) offsets[k + 1]! += offsets[k]!;
  const cursor = offsets.slice(0, customers);
  const slots = new Array<T>(offsets[customers]!);
  for (let i = 0; i < records.length; i++) {
    const k = position[i]!;
    if (k >= 0) slots[cursor[k]!++] = records[i]!;
  }
  const times = new Float64Array(slots.length);
  for (let k = 0; k < customers; k++) {
    const start = offsets[k]!;
    const end = offsets[k + 1]!;
    if (end - start > 1) {
      const group = slots.slice(start, end);
      group.sort((x, y) => timeOf(x) - timeOf(y) || (tieKey(x) < tieKey(y) ? -1 : tieKey(x) > tieKey(y) ? 1 : 0));
      for (let j = start; j < end; j++) slots[j] = group[j - start]!;
    }
    for (let j = start; j < end; j++) times[j] = timeOf(slots[j]!);
  }
  return { offsets, items: slots, times };
}
