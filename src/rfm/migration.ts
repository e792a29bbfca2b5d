/**
 * `migration`: how customers moved between segments from one snapshot to the next.
 *
 * @module
 */
import { joinCustomerIds } from './join-ids.js';
import type { RfmSegmentation } from './segment.js';

/**
 * A row/column label of a migration matrix.
 *
 * @example
 * ```ts
 * const label: MigrationLabel = { segment: 'at-risk', name: 'At Risk' };
 * const unassigned: MigrationLabel = { segment: null, name: '(unassigned)' };
 * ```
 */
export interface MigrationLabel {
  /** Segment id; `null` for customers without a segment (no purchase yet, or an uncovered cell). */
  readonly segment: string | null;
  /** Display name. */
  readonly name: string;
}

/**
 * One non-empty movement between two different segments.
 *
 * @example
 * ```ts
 * const flow: MigrationFlow = { from: 'loyal', to: 'at-risk', customers: 42, rate: 0.12 };
 * ```
 */
export interface MigrationFlow {
  /** Segment before. */
  readonly from: string | null;
  /** Segment after. */
  readonly to: string | null;
  /** Customers that moved. */
  readonly customers: number;
  /** Share of the `from` segment's retained customers that moved. */
  readonly rate: number;
}

/**
 * Result of {@link migration}. `counts[i][j]` = customers present in both snapshots that were in `segments[i]` before
 * and are in `segments[j]` after; `rates` divide each row by its total.
 *
 * @example
 * ```ts
 * const m: SegmentMigration = migration(before, after);
 * m.rates[0]![0]; // share of Champions that stayed Champions
 * ```
 */
export interface SegmentMigration {
  /** Labels of the matrix rows and columns: the segments of `before`, then new ones of `after`, then unassigned. */
  readonly segments: readonly MigrationLabel[];
  /** Customers per (from, to). */
  readonly counts: readonly (readonly number[])[];
  /** Row-normalised counts (`null` for empty rows). */
  readonly rates: readonly (readonly (number | null)[])[];
  /** Customers only in `after` (new since `before`), by segment. */
  readonly entrants: readonly number[];
  /** Customers only in `before` (gone from `after`), by segment. */
  readonly leavers: readonly number[];
  /** Moves between different segments, largest first. */
  readonly flows: readonly MigrationFlow[];
  /** Headline counts. */
  readonly totals: {
    /** Customers in `before`. */
    readonly before: number;
    /** Customers in `after`. */
    readonly after: number;
    /** Customers in both. */
    readonly retained: number;
    /** Retained customers in the same segment. */
    readonly stayed: number;
    /** Retained customers in another segment. */
    readonly moved: number;
    /** Customers only in `after`. */
    readonly entrants: number;
    /** Customers only in `before`. */
    readonly leavers: number;
  };
}

/**
 * The segment migration between two snapshots (for example the same transactions segmented as of 90 days ago and as
 * of today): a from × to matrix of counts and rates over the customers present in both, customers that entered
 * (only in `after`) and left (only in `before`) per segment, and the largest moves. Customers are matched by id.
 *
 * @example
 * ```ts
 * const before = segment(score(summarize(transactions, { asOf: '2024-03-31' })));
 * const after = segment(score(summarize(transactions, { asOf: '2024-06-30' })));
 * const m = migration(before, after);
 * m.flows[0]; //=> { from: 'champions', to: 'loyal', customers: 37, rate: 0.21 } (for example)
 * ```
 */
export function migration(before: RfmSegmentation, after: RfmSegmentation): SegmentMigration {
  const labels: MigrationLabel[] = [];
  const indexOf = new Map<string, number>();
  for (const s of [...before.segments, ...after.segments]) {
    if (indexOf.has(s.id)) continue;
    indexOf.set(s.id, labels.length);
    labels.push({ segment: s.id, name: s.name });
  }
  const unassigned = labels.length;
  labels.push({ segment: null, name: '(unassigned)' });
  const k = labels.length;
  const mapBefore = before.segments.map((s) => indexOf.get(s.id)!);
  const mapAfter = after.segments.map((s) => indexOf.get(s.id)!);
  const labelOf = (segmentation: RfmSegmentation, mapping: number[], i: number): number => {
    const s = segmentation.segmentIndex[i]!;
    return s >= 0 ? mapping[s]! : unassigned;
  };
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const entrants = new Array<number>(k).fill(0);
  const leavers = new Array<number>(k).fill(0);
  const { pairs } = joinCustomerIds(
    before.scoring.summary.customers.customerId,
    after.scoring.summary.customers.customerId,
  );
  let retained = 0;
  let stayed = 0;
  for (const [x, y] of pairs) {
    if (x >= 0 && y >= 0) {
      const from = labelOf(before, mapBefore, x);
      const to = labelOf(after, mapAfter, y);
      counts[from]![to]!++;
      retained++;
      if (from === to) stayed++;
    } else if (y >= 0) entrants[labelOf(after, mapAfter, y)]!++;
    else leavers[labelOf(before, mapBefore, x)]!++;
  }
  // Drop the unassigned label when nobody is unassigned on either side.
  let used = false;
  for (let j = 0; j < k; j++) {
    if (counts[unassigned]![j]! > 0 || counts[j]![unassigned]! > 0) used = true;
  }
  if (entrants[unassigned]! > 0 || leavers[unassigned]! > 0) used = true;
  const keep = used ? k : k - 1;
  const rows = counts.slice(0, keep).map((row) => row.slice(0, keep));
  const rates = rows.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => (total > 0 ? c / total : null));
  });
  const flows: MigrationFlow[] = [];
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < rows.length; j++) {
      const c = rows[i]![j]!;
      if (i !== j && c > 0) {
        flows.push({ from: labels[i]!.segment, to: labels[j]!.segment, customers: c, rate: rates[i]![j]! });
      }
    }
  }
  // Stable sort: equal counts keep matrix order (from, then to).
  flows.sort((p, q) => q.customers - p.customers);
  const entrantTotal = entrants.reduce((a, b) => a + b, 0);
  const leaverTotal = leavers.reduce((a, b) => a + b, 0);
  return {
    segments: labels.slice(0, keep),
    counts: rows,
    rates,
    entrants: entrants.slice(0, keep),
    leavers: leavers.slice(0, keep),
    flows,
    totals: {
      before: retained + leaverTotal,
      after: retained + entrantTotal,
      retained,
      stayed,
      moved: retained - stayed,
      entrants: entrantTotal,
      leavers: leaverTotal,
    },
  };
}
