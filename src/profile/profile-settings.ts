/**
 * Settings of derived profiles as data: age bands, lifecycle thresholds, engagement scoring, interest tags.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  FiniteNumberCodec,
  NonEmptyStringCodec,
  PositiveIntegerCodec,
  decodeWith,
  makeIssue,
  type ValidationIssue,
} from '../core/index.js';

/**
 * An age band: ages `minAge` to `maxAge` inclusive (open-ended without `maxAge`).
 *
 * @example
 * ```ts
 * const band: AgeBand = { label: '25-34', minAge: 25, maxAge: 34 };
 * ```
 */
export interface AgeBand {
  /** Shown as the profile's `ageBand`. */
  readonly label: string;
  /** Youngest age in the band (completed years). */
  readonly minAge: number;
  /** Oldest age in the band, inclusive; absent for an open-ended band. */
  readonly maxAge?: number;
}

/**
 * Lifecycle stage thresholds. With `basis: 'cadence'` (default) the numbers are multiples of the customer's own
 * purchase cadence (median days between purchase days, when the customer has at least `minIntervals` intervals),
 * else of a fallback cadence (the population's median own cadence in a batch, else `fallbackCadenceDays`); the
 * cadence is never below `minCadenceDays`. With `basis: 'days'` the numbers are days.
 *
 * Stages, checked in this order: `prospect` (no purchase), `lapsed` (recency > lapsedAfter), `atRisk`
 * (recency > atRiskAfter), `reactivated` (the gap before the last purchase day exceeded lapsedAfter), `new` (first
 * purchase within newWithin), `active`.
 *
 * @example
 * ```ts
 * const fixed: LifecycleThresholds = { ...DEFAULT_LIFECYCLE_THRESHOLDS, basis: 'days', newWithin: 30, atRiskAfter: 90, lapsedAfter: 180 };
 * ```
 */
export interface LifecycleThresholds {
  /** `cadence`: thresholds are multiples of the cadence; `days`: thresholds are days. */
  readonly basis: 'cadence' | 'days';
  /** A customer is `new` while the first purchase is at most this far back. */
  readonly newWithin: number;
  /** `atRisk` when the last purchase is further back than this. */
  readonly atRiskAfter: number;
  /** `lapsed` when the last purchase is further back than this (and `reactivated` after a gap longer than this). */
  readonly lapsedAfter: number;
  /** Intervals needed for an own cadence (default 2, i.e. three purchase days). */
  readonly minIntervals: number;
  /** Cadence used without an own or population cadence (default 90 days). */
  readonly fallbackCadenceDays: number;
  /** Floor of any cadence (default 7 days), so daily buyers are not "at risk" after two quiet days. */
  readonly minCadenceDays: number;
  /** In batches, use the median own cadence of the customers that have one as the fallback (default true). */
  readonly usePopulationCadence: boolean;
}

/**
 * Engagement scoring: events in the last `windowDays` days weighted by type (`*` for other types); the level is the
 * highest whose `minScore` the score reaches, `none` below all of them.
 *
 * @example
 * ```ts
 * const rules: EngagementRules = { ...DEFAULT_ENGAGEMENT_RULES, windowDays: 30 };
 * ```
 */
export interface EngagementRules {
  /** Days back from `asOf` (inclusive of the `asOf` day) that count. */
  readonly windowDays: number;
  /** Weight per event type; `*` for every other type (default 1). */
  readonly weights: Readonly<Record<string, number>>;
  /** Levels and the score each needs. */
  readonly levels: readonly {
    /** Level name. */
    readonly level: string;
    /** Lowest score of the level. */
    readonly minScore: number;
  }[];
}

/**
 * Everything configurable about derived profiles, as data.
 *
 * @example
 * ```ts
 * const settings: ProfileSettings = { ...DEFAULT_PROFILE_SETTINGS, categoryTags: { tea: ['hot drinks'], coffee: ['hot drinks'] } };
 * ```
 */
export interface ProfileSettings {
  /** Age bands, first match wins. */
  readonly ageBands: readonly AgeBand[];
  /** Lifecycle thresholds. */
  readonly lifecycle: LifecycleThresholds;
  /** Engagement scoring. */
  readonly engagement: EngagementRules;
  /** Host-supplied map from product category to interest tags. */
  readonly categoryTags: Readonly<Record<string, readonly string[]>>;
  /** Tags below this share of category spend are not reported (default 0.1). */
  readonly minTagShare: number;
}

/**
 * The default age bands: under 18, 18-24, 25-34, 35-44, 45-54, 55-64, 65+.
 *
 * @example
 * ```ts
 * DEFAULT_AGE_BANDS.map((band) => band.label) //=> ['under 18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+']
 * ```
 */
export const DEFAULT_AGE_BANDS: readonly AgeBand[] = Object.freeze([
  { label: 'under 18', minAge: 0, maxAge: 17 },
  { label: '18-24', minAge: 18, maxAge: 24 },
  { label: '25-34', minAge: 25, maxAge: 34 },
  { label: '35-44', minAge: 35, maxAge: 44 },
  { label: '45-54', minAge: 45, maxAge: 54 },
  { label: '55-64', minAge: 55, maxAge: 64 },
  { label: '65+', minAge: 65 },
]);

/**
 * Default lifecycle thresholds, relative to the customer's own cadence: new within 1 cadence of the first purchase,
 * at risk after 2 cadences without a purchase (the common "twice the usual interval" overdue rule), lapsed after 4.
 *
 * @example
 * ```ts
 * DEFAULT_LIFECYCLE_THRESHOLDS.atRiskAfter //=> 2
 * ```
 */
export const DEFAULT_LIFECYCLE_THRESHOLDS: LifecycleThresholds = Object.freeze({
  basis: 'cadence',
  newWithin: 1,
  atRiskAfter: 2,
  lapsedAfter: 4,
  minIntervals: 2,
  fallbackCadenceDays: 90,
  minCadenceDays: 7,
  usePopulationCadence: true,
});

/**
 * Default engagement scoring: the last 90 days; clicks weigh 2, every other event 1; low from 1, medium from 5,
 * high from 15.
 *
 * @example
 * ```ts
 * DEFAULT_ENGAGEMENT_RULES.levels.map((l) => l.level) //=> ['low', 'medium', 'high']
 * ```
 */
export const DEFAULT_ENGAGEMENT_RULES: EngagementRules = Object.freeze({
  windowDays: 90,
  weights: Object.freeze({ email_click: 2, '*': 1 }),
  levels: Object.freeze([
    { level: 'low', minScore: 1 },
    { level: 'medium', minScore: 5 },
    { level: 'high', minScore: 15 },
  ]),
});

/**
 * The default profile settings.
 *
 * @example
 * ```ts
 * DEFAULT_PROFILE_SETTINGS.minTagShare //=> 0.1
 * ```
 */
export const DEFAULT_PROFILE_SETTINGS: ProfileSettings = Object.freeze({
  ageBands: DEFAULT_AGE_BANDS,
  lifecycle: DEFAULT_LIFECYCLE_THRESHOLDS,
  engagement: DEFAULT_ENGAGEMENT_RULES,
  categoryTags: Object.freeze({}),
  minTagShare: 0.1,
});

const NonNegative = new t.Type<number, number, unknown>(
  'non-negative number',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  (u, c) => (typeof u === 'number' && Number.isFinite(u) && u >= 0 ? t.success(u) : t.failure(u, c)),
  (a) => a,
);
const Share = new t.Type<number, number, unknown>(
  'share between 0 and 1',
  (u): u is number => typeof u === 'number' && u >= 0 && u <= 1,
  (u, c) => (typeof u === 'number' && u >= 0 && u <= 1 ? t.success(u) : t.failure(u, c)),
  (a) => a,
);

/** Codec of partial {@link ProfileSettings} (missing parts take the defaults). */
export const ProfileSettingsInputCodec = t.partial({
  ageBands: t.array(
    t.intersection([t.type({ label: NonEmptyStringCodec, minAge: NonNegative }), t.partial({ maxAge: NonNegative })]),
  ),
  lifecycle: t.partial({
    basis: t.keyof({ cadence: null, days: null }),
    newWithin: NonNegative,
    atRiskAfter: NonNegative,
    lapsedAfter: NonNegative,
    minIntervals: PositiveIntegerCodec,
    fallbackCadenceDays: NonNegative,
    minCadenceDays: NonNegative,
    usePopulationCadence: t.boolean,
  }),
  engagement: t.partial({
    windowDays: NonNegative,
    weights: t.record(t.string, FiniteNumberCodec),
    levels: t.array(t.type({ level: NonEmptyStringCodec, minScore: FiniteNumberCodec })),
  }),
  categoryTags: t.record(t.string, t.array(NonEmptyStringCodec)),
  minTagShare: Share,
});

/**
 * Partial profile settings as a host writes them: each part optional, lifecycle and engagement merged key by key
 * over the defaults.
 *
 * @example
 * ```ts
 * const input: ProfileSettingsInput = { lifecycle: { basis: 'days', atRiskAfter: 60, lapsedAfter: 180 } };
 * ```
 */
export interface ProfileSettingsInput {
  /** Age bands (replace the defaults). */
  readonly ageBands?: readonly AgeBand[];
  /** Lifecycle thresholds (merged over the defaults). */
  readonly lifecycle?: Partial<LifecycleThresholds>;
  /** Engagement scoring (merged over the defaults). */
  readonly engagement?: Partial<EngagementRules>;
  /** Category → interest tags. */
  readonly categoryTags?: Readonly<Record<string, readonly string[]>>;
  /** Smallest reported tag share. */
  readonly minTagShare?: number;
}

function crossCheck(input: ProfileSettingsInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  input.ageBands?.forEach((band, i) => {
    if (band.maxAge !== undefined && band.maxAge < band.minAge)
      issues.push(makeIssue(`settings.ageBands[${i}].maxAge`, `at least minAge (${band.minAge})`, band.maxAge));
  });
  const l = { ...DEFAULT_LIFECYCLE_THRESHOLDS, ...input.lifecycle };
  if (!(l.atRiskAfter <= l.lapsedAfter))
    issues.push(makeIssue('settings.lifecycle.atRiskAfter', `at most lapsedAfter (${l.lapsedAfter})`, l.atRiskAfter));
  return issues;
}

/**
 * Decodes untrusted profile settings (every issue with its path, missing parts from {@link DEFAULT_PROFILE_SETTINGS}).
 *
 * @example
 * ```ts
 * decodeProfileSettings({ lifecycle: { basis: 'days', atRiskAfter: 60, lapsedAfter: 180 } })
 * //=> right({ ...DEFAULT_PROFILE_SETTINGS, lifecycle: { ...DEFAULT_LIFECYCLE_THRESHOLDS, basis: 'days', atRiskAfter: 60, lapsedAfter: 180 } })
 * decodeProfileSettings({ minTagShare: 2 })
 * //=> left([{ path: 'settings.minTagShare', expected: 'share between 0 and 1', received: '2', ... }])
 * ```
 */
export function decodeProfileSettings(input: unknown): E.Either<ValidationIssue[], ProfileSettings> {
  const decoded = decodeWith(ProfileSettingsInputCodec, input === undefined ? {} : input, 'settings');
  if (E.isLeft(decoded)) return decoded;
  const issues = crossCheck(decoded.right);
  if (issues.length > 0) return E.left(issues);
  // Typed as the public input shape: the codec must decode exactly that.
  const s: ProfileSettingsInput = decoded.right;
  const d = DEFAULT_PROFILE_SETTINGS;
  return E.right({
    ageBands: s.ageBands ?? d.ageBands,
    lifecycle: { ...d.lifecycle, ...s.lifecycle },
    engagement: { ...d.engagement, ...s.engagement },
    categoryTags: s.categoryTags ?? d.categoryTags,
    minTagShare: s.minTagShare ?? d.minTagShare,
  });
}
