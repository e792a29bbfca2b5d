/**
 * Data-quality report of customer records: completeness, invalid values by reason, junk identifiers, duplicate
 * clusters, stale records and consent coverage — as data ready to show.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { MS_PER_DAY, parseInstant, type Customer, type DateInput, type ValidationIssue } from '../core/index.js';
import { resolveConsents } from './consent.js';
import type { NormalizationCode } from './failure.js';
import { createCustomerNormalizer, type NormalizedCustomer } from './customer.js';
import { resolveDetailed, type BlockedValueSummary, type IdentityResolution } from './resolve.js';
import { GOLDEN_FIELDS, type ResolutionRulesInput } from './rules.js';

/**
 * Options of {@link assessQuality}.
 *
 * @example
 * ```ts
 * const options: QualityOptions = { asOf: '2024-06-30', staleAfterDays: 730, rules: { sourcePriority: ['crm'] } };
 * ```
 */
export interface QualityOptions {
  /** Reference instant: staleness is measured back from it, birth dates after it are invalid. */
  readonly asOf?: DateInput;
  /** A record is stale when its `updatedAt` is more than this many days before `asOf` (default 365). */
  readonly staleAfterDays?: number;
  /** Explicit stale cut-off (overrides `asOf` − `staleAfterDays`). */
  readonly staleBefore?: DateInput;
  /** Identity-resolution rules used to find duplicates (default rules otherwise). */
  readonly rules?: ResolutionRulesInput;
  /**
   * A resolution of these same records already computed (by {@link resolveIdentities}): its clusters, junk values
   * and rules are reused instead of resolving again; records are still normalised for completeness and validity.
   */
  readonly resolution?: IdentityResolution;
  /** Fields whose completeness is reported (default {@link QUALITY_FIELDS}). */
  readonly fields?: readonly string[];
  /** Example paths or ids kept per finding (default 5). */
  readonly examples?: number;
}

/**
 * The fields whose completeness {@link assessQuality} reports by default.
 *
 * @example
 * ```ts
 * QUALITY_FIELDS.includes('email') //=> true
 * ```
 */
export const QUALITY_FIELDS: readonly string[] = Object.freeze([
  ...GOLDEN_FIELDS,
  'updatedAt',
  'externalIds',
  'consents',
]);

/**
 * Completeness of one field.
 *
 * @example
 * ```ts
 * const row: FieldCompleteness = { field: 'phone', present: 812, valid: 790, presentShare: 0.812, validShare: 0.79 };
 * ```
 */
export interface FieldCompleteness {
  /** The field. */
  readonly field: string;
  /** Records with a non-empty value. */
  readonly present: number;
  /** Records whose value normalised and is not a junk identifier. */
  readonly valid: number;
  /** present / usable records. */
  readonly presentShare: number;
  /** valid / usable records. */
  readonly validShare: number;
}

/**
 * Invalid values of one field for one reason.
 *
 * @example
 * ```ts
 * const row: InvalidValues = { field: 'email', code: 'invalid-email', count: 12, examplePaths: ['records[4].email'] };
 * ```
 */
export interface InvalidValues {
  /** The field (top level: `externalIds.crm` counts under `externalIds`). */
  readonly field: string;
  /** Why the values were refused. */
  readonly code: NormalizationCode;
  /** How many values. */
  readonly count: number;
  /** The first few paths in input order. */
  readonly examplePaths: readonly string[];
}

/**
 * The data-quality report.
 *
 * @example
 * ```ts
 * const report: QualityReport = assessQuality(records, { asOf: '2024-06-30' });
 * report.duplicates.duplicateShare //=> 0.18
 * ```
 */
export interface QualityReport {
  /** The reference instant (epoch ms), when given. */
  readonly asOf: number | null;
  /** Records given. */
  readonly records: number;
  /** Records that could not be used at all (see `issues`). */
  readonly rejectedRecords: number;
  /** Completeness per field, in the order of the `fields` option. */
  readonly completeness: readonly FieldCompleteness[];
  /** Sorted by count, largest first. */
  readonly invalid: readonly InvalidValues[];
  /** Junk identifier values (never used for linking), sorted by count. */
  readonly junk: readonly BlockedValueSummary[];
  /** Duplicates found by identity resolution. */
  readonly duplicates: {
    /** Clusters found. */
    readonly goldenRecords: number;
    /** Clusters with two or more distinct records. */
    readonly clustersWithDuplicates: number;
    /** Records in those clusters. */
    readonly recordsInDuplicateClusters: number;
    /** (valid records − golden records) / valid records: the share of records that are duplicates of another. */
    readonly duplicateShare: number;
    /** Number of clusters per size (distinct records), ascending size. */
    readonly sizeHistogram: readonly {
      /** Distinct records per cluster. */
      readonly size: number;
      /** Clusters of that size. */
      readonly clusters: number;
    }[];
    /** The largest clusters (up to `examples`). */
    readonly largest: readonly {
      /** The cluster's golden id. */
      readonly goldenId: string;
      /** Distinct records in it. */
      readonly size: number;
      /** Up to 10 of its record ids. */
      readonly recordIds: readonly string[];
    }[];
    /** Keys that stopped linking because too many records share them. */
    readonly overSharedKeys: number;
  };
  /** Records not updated since the cut-off. */
  readonly stale: {
    /** Records updated before this instant are stale (null without `asOf` or `staleBefore`). */
    readonly cutoff: number | null;
    /** Stale records. */
    readonly count: number;
    /** Stale records / usable records. */
    readonly share: number;
    /** Records without `updatedAt` (neither stale nor fresh). */
    readonly missingUpdatedAt: number;
    /** A few stale record ids, smallest first. */
    readonly exampleRecordIds: readonly string[];
  };
  /** Per purpose: records whose latest decision is granted / denied / unknown. */
  readonly consent: readonly {
    /** The purpose. */
    readonly purpose: string;
    /** Records whose latest decision grants it. */
    readonly granted: number;
    /** Records whose latest decision denies it. */
    readonly denied: number;
    /** Records whose latest decision is `unknown`. */
    readonly unknown: number;
  }[];
  /** Rejected records' issues with paths. */
  readonly issues: readonly ValidationIssue[];
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length > 0;
  return true;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1e6) / 1e6;
}

/**
 * Assesses the quality of customer records: completeness per field (present and valid), invalid values by field
 * and reason (the normalisers' codes, with example paths), junk identifiers, duplicate clusters found by identity
 * resolution ({@link resolveIdentities} with `rules`, or a resolution passed in `resolution`), stale records (`updatedAt` before the cut-off), and consent
 * coverage per purpose. The report does not depend on record order except for example paths, which are the first in
 * input order.
 *
 * @example
 * ```ts
 * const report = assessQuality(records, { asOf: '2024-06-30', staleAfterDays: 365 });
 * report.completeness.find((row) => row.field === 'email')
 * //=> { field: 'email', present: 950, valid: 931, presentShare: 0.95, validShare: 0.931 }
 * report.invalid[0] //=> { field: 'phone', code: 'invalid-phone', count: 37, examplePaths: ['records[12].phone', ...] }
 * ```
 */
export function assessQuality(records: readonly Customer[], options: QualityOptions = {}): QualityReport {
  const examples = options.examples ?? 5;
  let asOf: number | null = null;
  if (options.asOf !== undefined) {
    const parsed = parseInstant(options.asOf);
    if (parsed === undefined) throw new RangeError(`[clientele] invalid asOf: ${String(options.asOf)}`);
    asOf = parsed;
  }
  let cutoff: number | null = null;
  if (options.staleBefore !== undefined) {
    const parsed = parseInstant(options.staleBefore);
    if (parsed === undefined) throw new RangeError(`[clientele] invalid staleBefore: ${String(options.staleBefore)}`);
    cutoff = parsed;
  } else if (asOf !== null) cutoff = asOf - (options.staleAfterDays ?? 365) * MS_PER_DAY;

  const input: readonly unknown[] = Array.isArray(records) ? records : [];
  let resolution: IdentityResolution;
  let normalized: readonly (NormalizedCustomer | undefined)[];
  if (options.resolution === undefined)
    ({ resolution, normalized } = resolveDetailed(records, options.rules ?? {}, asOf === null ? {} : { asOf }));
  else {
    resolution = options.resolution;
    const rules = resolution.rules;
    const normalize = createCustomerNormalizer({
      defaultRegion: rules.defaultRegion,
      phoneValidation: rules.phoneValidation,
      emailProviders: rules.emailProviders,
      blocked: rules.blocked,
      externalIdNamespaces: rules.externalIdNamespaces,
      asOf: options.asOf,
    });
    normalized = input.map((record, i) => {
      const result = normalize(record, 'records', i);
      return E.isRight(result) ? result.right : undefined;
    });
  }
  const fields = options.fields ?? QUALITY_FIELDS;
  const present = new Map<string, number>(fields.map((f) => [f, 0]));
  const valid = new Map<string, number>(fields.map((f) => [f, 0]));
  const invalid = new Map<string, { field: string; code: NormalizationCode; count: number; examplePaths: string[] }>();
  let staleCount = 0;
  let missingUpdatedAt = 0;
  const staleIds: string[] = [];
  const consent = new Map<string, { granted: number; denied: number; unknown: number }>();
  let usable = 0;
  for (let i = 0; i < input.length; i++) {
    const n = normalized[i];
    if (n === undefined) continue;
    usable++;
    const raw = input[i] as Record<string, unknown>;
    const badFields = new Set<string>();
    for (const issue of n.fieldIssues) {
      const top = issue.field.split(/[.[]/)[0]!;
      badFields.add(top);
      const key = `${top}\u0000${issue.code}`;
      let entry = invalid.get(key);
      if (entry === undefined) invalid.set(key, (entry = { field: top, code: issue.code, count: 0, examplePaths: [] }));
      entry.count++;
      if (entry.examplePaths.length < examples) entry.examplePaths.push(issue.path);
    }
    for (const b of n.blocked) badFields.add(b.field.split('.')[0]!.split('+')[0]!);
    if (n.blocked.some((b) => b.identifier === 'name')) {
      badFields.add('name');
      badFields.add('firstName');
      badFields.add('lastName');
    }
    for (const field of fields) {
      if (!isPresent(raw[field])) continue;
      present.set(field, present.get(field)! + 1);
      const normalizedValue = (n.customer as Record<string, unknown>)[field];
      if (!badFields.has(field) && isPresent(normalizedValue)) valid.set(field, valid.get(field)! + 1);
    }
    const updatedAt = n.customer.updatedAt;
    if (updatedAt === undefined) missingUpdatedAt++;
    else if (cutoff !== null && updatedAt < cutoff) {
      staleCount++;
      staleIds.push(n.customer.id);
    }
    for (const state of resolveConsents(n.customer.consents ?? [], asOf === null ? {} : { asOf })) {
      let entry = consent.get(state.purpose);
      if (entry === undefined) consent.set(state.purpose, (entry = { granted: 0, denied: 0, unknown: 0 }));
      entry[state.status]++;
    }
  }

  const sizes = new Map<number, number>();
  for (const g of resolution.goldenRecords) sizes.set(g.recordIds.length, (sizes.get(g.recordIds.length) ?? 0) + 1);
  const largest = resolution.goldenRecords
    .filter((g) => g.recordIds.length >= 2)
    .slice()
    .sort((a, b) => b.recordIds.length - a.recordIds.length || compareStrings(a.goldenId, b.goldenId))
    .slice(0, examples)
    .map((g) => ({ goldenId: g.goldenId, size: g.recordIds.length, recordIds: g.recordIds.slice(0, 10) }));
  const stats = resolution.stats;
  return {
    asOf,
    records: input.length,
    rejectedRecords: resolution.rejected.length,
    completeness: fields.map((field) => ({
      field,
      present: present.get(field)!,
      valid: valid.get(field)!,
      presentShare: share(present.get(field)!, usable),
      validShare: share(valid.get(field)!, usable),
    })),
    invalid: [...invalid.values()].sort(
      (a, b) => b.count - a.count || compareStrings(a.field, b.field) || compareStrings(a.code, b.code),
    ),
    junk: resolution.blockedValues
      .slice()
      .sort(
        (a, b) =>
          b.recordCount - a.recordCount ||
          compareStrings(a.identifier, b.identifier) ||
          compareStrings(a.value, b.value),
      ),
    duplicates: {
      goldenRecords: stats.goldenRecords,
      clustersWithDuplicates: stats.clustersWithDuplicates,
      recordsInDuplicateClusters: stats.recordsInDuplicateClusters,
      duplicateShare: share(stats.validRecords - stats.goldenRecords, stats.validRecords),
      sizeHistogram: [...sizes].sort((a, b) => a[0] - b[0]).map(([size, clusters]) => ({ size, clusters })),
      largest,
      overSharedKeys: resolution.overSharedKeys.length,
    },
    stale: {
      cutoff,
      count: staleCount,
      share: share(staleCount, usable),
      missingUpdatedAt,
      exampleRecordIds: staleIds.sort(compareStrings).slice(0, examples),
    },
    consent: [...consent]
      .sort((a, b) => compareStrings(a[0], b[0]))
      .map(([purpose, counts]) => ({ purpose, ...counts })),
    issues: resolution.issues.filter((issue) => !('code' in issue)),
  };
}
