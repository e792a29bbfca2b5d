/**
 * `segmentSummaryBy`: segment summaries per profile attribute (region, acquisition channel, age band...) — the
 * "attribute" and "source" classifications beside value segmentation.
 *
 * @module
 */
import { civilFromDays, type Customer } from '../core/index.js';
import type { RfmSegmentation } from './segment.js';
import { GroupAccumulator, type SegmentSummaryRow } from './segment-summary.js';

/**
 * A profile field of the core `Customer` record to group by.
 *
 * @example
 * ```ts
 * const field: ProfileField = 'acquisitionChannel';
 * ```
 */
export type ProfileField =
  'country' | 'region' | 'city' | 'postalCode' | 'acquisitionChannel' | 'source' | 'gender' | 'occupation';

/**
 * Group by a free-form attribute of the customer record (`customer.attributes[attribute]`).
 *
 * @example
 * ```ts
 * const byTier: AttributeGrouping = { attribute: 'membershipTier' };
 * ```
 */
export interface AttributeGrouping {
  /** Attribute name. */
  readonly attribute: string;
}

/**
 * Group by age at the summary's `asOf` (from `birthDate`), in bands starting at the given ages.
 *
 * @example
 * ```ts
 * const byAge: AgeBandGrouping = { ageBands: [25, 35, 45, 55, 65] }; // '<25', '25-34', ..., '65+'
 * ```
 */
export interface AgeBandGrouping {
  /** Increasing integer lower edges of the bands, in years. */
  readonly ageBands: readonly number[];
}

/**
 * What to group customers by: a profile field, a free-form attribute (`customer.attributes[name]`), age bands at the
 * summary's `asOf` (band lower edges in years), or a function of the customer record.
 *
 * @example
 * ```ts
 * const byRegion: GroupBy = 'region';
 * const byTier: GroupBy = { attribute: 'membershipTier' };
 * const byAge: GroupBy = { ageBands: [25, 35, 45, 55, 65] }; // '<25', '25-34', ..., '65+'
 * const byDomain: GroupBy = (c) => c.email?.split('@')[1];
 * ```
 */
export type GroupBy = ProfileField | AttributeGrouping | AgeBandGrouping | ((customer: Customer) => string | undefined);

/**
 * Options of {@link segmentSummaryBy}.
 *
 * @example
 * ```ts
 * const options: GroupedSummaryOptions = { by: 'region', missingLabel: '(no region)' };
 * ```
 */
export interface GroupedSummaryOptions {
  /** The grouping. */
  readonly by: GroupBy;
  /** Label of customers without a profile or without a value (default `(unknown)`). */
  readonly missingLabel?: string;
}

/**
 * How the customers of one segment are spread within a group.
 *
 * @example
 * ```ts
 * const share: GroupSegmentShare = { segment: 'champions', name: 'Champions', customers: 31, share: 0.12 };
 * ```
 */
export interface GroupSegmentShare {
  /** Segment id (`null` = unassigned). */
  readonly segment: string | null;
  /** Segment name. */
  readonly name: string;
  /** Customers of the group in the segment. */
  readonly customers: number;
  /** Share of the group's customers. */
  readonly share: number;
}

/**
 * One group: its totals (as a segment-summary row named after the group) and its segment mix.
 *
 * @example
 * ```ts
 * const group: GroupedSegmentRow = {
 *   group: 'North', summary: { segment: null, name: 'North', customers: 250, revenueShare: 0.3, ... },
 *   segments: [{ segment: 'champions', name: 'Champions', customers: 31, share: 0.124 }],
 * };
 * ```
 */
export interface GroupedSegmentRow {
  /** Group label. */
  readonly group: string;
  /** Totals of the group (shares relative to all customers / all revenue). */
  readonly summary: SegmentSummaryRow;
  /** Segment mix of the group, in map order, then unassigned when present. */
  readonly segments: readonly GroupSegmentShare[];
}

/**
 * Result of {@link segmentSummaryBy}.
 *
 * @example
 * ```ts
 * const { groups, customersWithoutProfile } = segmentSummaryBy(segmentation, customers, { by: 'region' });
 * ```
 */
export interface GroupedSegmentSummary {
  /** What the customers were grouped by. */
  readonly by: string;
  /** Groups sorted by label, the missing label last. */
  readonly groups: readonly GroupedSegmentRow[];
  /** Summarised customers without a profile record. */
  readonly customersWithoutProfile: number;
  /** Profile records whose customer has no summary (no transaction up to asOf). */
  readonly profilesWithoutSummary: number;
  /** Profile records sharing an id with an earlier record (the first one is used). */
  readonly duplicateProfiles: number;
}

function ageYears(birthDate: string, asOfDay: number): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (match === null) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const now = civilFromDays(asOfDay);
  let age = now.year - y;
  if (now.month < m || (now.month === m && now.day < d)) age--;
  return age >= 0 ? age : undefined;
}

function bandLabel(age: number, edges: readonly number[]): string {
  if (edges.length === 0 || age < edges[0]!) return edges.length === 0 ? 'all' : `<${edges[0]}`;
  for (let k = 0; k < edges.length - 1; k++) {
    if (age < edges[k + 1]!) return `${edges[k]}-${edges[k + 1]! - 1}`;
  }
  return `${edges[edges.length - 1]}+`;
}

function describeGroupBy(by: GroupBy): string {
  if (typeof by === 'string') return by;
  if (typeof by === 'function') return 'custom';
  if ('attribute' in by) return `attributes.${by.attribute}`;
  return `age bands ${by.ageBands.join(', ')}`;
}

/**
 * Segment summaries per profile group. Customers are matched to profile records by id (numeric summary ids are
 * compared as decimal strings); customers without a profile or without a value for the grouping go to the missing
 * label. Each group gets its totals (customers, revenue and shares of the whole base, AOV, mean R/F/M) and its
 * segment mix.
 *
 * @example
 * ```ts
 * const byChannel = segmentSummaryBy(segmentation, customers, { by: 'acquisitionChannel' });
 * byChannel.groups.map((g) => [g.group, g.summary.customers, g.summary.revenueShare]);
 * const byAge = segmentSummaryBy(segmentation, customers, { by: { ageBands: [25, 35, 45, 55, 65] } });
 * ```
 */
export function segmentSummaryBy(
  segmentation: RfmSegmentation,
  customers: readonly Customer[],
  options: GroupedSummaryOptions,
): GroupedSegmentSummary {
  const summary = segmentation.scoring.summary;
  const missing = options.missingLabel ?? '(unknown)';
  const by = options.by;
  if (typeof by === 'object' && 'ageBands' in by) {
    for (let k = 0; k < by.ageBands.length; k++) {
      if (!Number.isInteger(by.ageBands[k]) || (k > 0 && by.ageBands[k]! <= by.ageBands[k - 1]!)) {
        throw new RangeError('[clientele] segmentSummaryBy: ageBands must be increasing integers');
      }
    }
  }
  const valueOf = (customer: Customer): string | undefined => {
    if (typeof by === 'function') return by(customer);
    if (typeof by === 'string') return customer[by];
    if ('attribute' in by) {
      const value = customer.attributes?.[by.attribute];
      return value === undefined || value === null ? undefined : String(value);
    }
    const age = customer.birthDate === undefined ? undefined : ageYears(customer.birthDate, summary.asOfDay);
    return age === undefined ? undefined : bandLabel(age, by.ageBands);
  };
  const profiles = new Map<string, Customer>();
  let duplicateProfiles = 0;
  for (const customer of customers) {
    if (profiles.has(customer.id)) duplicateProfiles++;
    else profiles.set(customer.id, customer);
  }
  const ids = summary.customers.customerId;
  const n = ids.length;
  const labelOf: string[] = new Array<string>(n);
  let customersWithoutProfile = 0;
  let matchedProfiles = 0;
  for (let i = 0; i < n; i++) {
    const profile = profiles.get(String(ids[i]));
    if (profile === undefined) customersWithoutProfile++;
    else matchedProfiles++;
    const value = profile === undefined ? undefined : valueOf(profile);
    labelOf[i] = value === undefined || value === '' ? missing : value;
  }
  const labels = [...new Set(labelOf)].sort((a, b) =>
    a === missing ? 1 : b === missing ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const groupIndex = new Map(labels.map((label, g) => [label, g]));
  const k = segmentation.segments.length;
  const acc = new GroupAccumulator(summary, labels.length);
  const mix = labels.map(() => new Array<number>(k + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const g = groupIndex.get(labelOf[i]!)!;
    acc.add(g, i);
    const s = segmentation.segmentIndex[i]!;
    mix[g]![s >= 0 ? s : k]!++;
  }
  const groups = labels.map((label, g): GroupedSegmentRow => {
    const size = acc.customers[g]!;
    const segments: GroupSegmentShare[] = segmentation.segments.map((s, j) => ({
      segment: s.id,
      name: s.name,
      customers: mix[g]![j]!,
      share: mix[g]![j]! / size,
    }));
    if (mix[g]![k]! > 0) {
      segments.push({ segment: null, name: '(unassigned)', customers: mix[g]![k]!, share: mix[g]![k]! / size });
    }
    return { group: label, summary: acc.row(g, { segment: null, name: label }), segments };
  });
  return {
    by: describeGroupBy(by),
    groups,
    customersWithoutProfile,
    profilesWithoutSummary: profiles.size - matchedProfiles,
    duplicateProfiles,
  };
}
