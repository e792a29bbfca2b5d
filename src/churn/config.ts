/**
 * Signal configuration as data: windows, thresholds, ramps and default weights of every churn signal, with
 * documented defaults ({@link DEFAULT_SIGNAL_CONFIG}) and a decoder that merges partial overrides onto them.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  boundedInteger,
  boundedNumber,
  decodeWith,
  joinPath,
  makeIssue,
  strictPartial,
  type ValidationIssue,
} from '../core/index.js';
import { SIGNAL_CODES, type SignalCode } from './codes.js';

/**
 * How one signal turns its measured value into a strength, a severity and a contribution to risk.
 *
 * Strength = clamp((value − rampFrom) / (rampTo − rampFrom), 0, 1). When `rampTo < rampFrom` the signal is
 * "lower is worse" (e.g. probability alive). The signal becomes a *reason* (severity `warning`) once the value
 * reaches `threshold` in the ramp's direction, and `critical` once it reaches `critical`. Its contribution to the
 * uncalibrated risk score is `weight × strength` log-odds.
 *
 * @example
 * ```ts
 * const rule: SignalRule = { enabled: true, weight: 2, rampFrom: 1, rampTo: 4, threshold: 1.5, critical: 3 };
 * ```
 */
export interface SignalRule {
  /** Whether the signal is computed at all. */
  readonly enabled: boolean;
  /** Log-odds added to the uncalibrated risk score at full strength (may be 0 or negative). */
  readonly weight: number;
  /** Value at which strength starts to rise above 0. */
  readonly rampFrom: number;
  /** Value at which strength reaches 1. */
  readonly rampTo: number;
  /** Value from which the signal is reported as a reason (severity `warning`). */
  readonly threshold: number;
  /** Value from which the severity is `critical`. */
  readonly critical: number;
}

/**
 * The complete signal configuration. Every field has a documented default in {@link DEFAULT_SIGNAL_CONFIG}.
 *
 * @example
 * ```ts
 * const config: SignalConfig = { ...DEFAULT_SIGNAL_CONFIG, purchases: { ...DEFAULT_SIGNAL_CONFIG.purchases, recentDays: 60 } };
 * ```
 */
export interface SignalConfig {
  /** Configuration format version (1). */
  readonly version: 1;
  /** One rule per signal code. */
  readonly signals: Readonly<Record<SignalCode, SignalRule>>;
  /** Purchase-history signals (recency, frequency, spend, AOV). */
  readonly purchases: {
    /** Length of the recent window compared with the baseline, days (default 90). */
    readonly recentDays: number;
    /** How far back the baseline reaches, counted from `asOf` (default 365: the trailing year). */
    readonly baselineDays: number;
    /** Minimum baseline length after the customer's first purchase, days (default 60). */
    readonly minBaselineDays: number;
    /** Minimum baseline orders before frequency / spend / AOV drops are judged (default 2). */
    readonly minBaselineOrders: number;
    /**
     * Minimum orders the baseline rate predicts for the recent window before frequency and spend drops are judged
     * (default 1.5): a customer expected to place 0.5 orders who placed none has not dropped, they are just rare.
     */
    readonly minExpectedOrders: number;
    /**
     * Strength of the cohort prior on a customer's purchase rate, in pseudo-intervals (default 1): the rate is
     * (intervals + k) / (span days + k × cohort gap), a Gamma–Poisson shrinkage toward the cohort's typical gap.
     */
    readonly cadencePriorIntervals: number;
    /** Cohort gap used when fewer than `minCohortRepeaters` repeat buyers exist; `null` = no fallback (default 30). */
    readonly fallbackGapDays: number | null;
    /** Minimum repeat buyers to estimate the cohort's typical gap from the data (default 20). */
    readonly minCohortRepeaters: number;
  };
  /** Survey-based signals. */
  readonly satisfaction: {
    /** Answers older than this are ignored, days (default 730). */
    readonly lookbackDays: number;
    /** The latest answer must be at most this old to count as "latest", days (default 365). */
    readonly latestMaxAgeDays: number;
    /** Lowest NPS answer counted as a promoter (default 9). */
    readonly promoterMin: number;
    /** Highest NPS answer counted as a detractor (default 6). */
    readonly detractorMax: number;
    /** CSAT scale bounds, mapped linearly onto 0-10 for comparison with NPS (default 1..5). */
    readonly csatMin: number;
    /** See `csatMin`. */
    readonly csatMax: number;
  };
  /** Complaint signals. */
  readonly complaints: {
    /** Recent window for the spike signal, days (default 90). */
    readonly recentDays: number;
    /** Baseline before the recent window, days (default 365). */
    readonly baselineDays: number;
    /** Complaints per customer per year assumed when a customer has no baseline of their own (default 0.2). */
    readonly priorRatePerYear: number;
    /** Resolution times are judged for complaints resolved within this many days before `asOf` (default 180). */
    readonly resolutionLookbackDays: number;
  };
  /** Engagement signals (visits, logins, email opens...). */
  readonly engagement: {
    /** Event types counted (records path; columnar events are taken as given). */
    readonly types: readonly string[];
    /** Recent window, days (default 30). */
    readonly recentDays: number;
    /** Baseline before the recent window, days (default 180). */
    readonly baselineDays: number;
    /** Minimum baseline events before a decline or a silence is judged (default 3). */
    readonly minBaselineEvents: number;
    /** Minimum events the baseline predicts for the recent window before a decline is judged (default 3). */
    readonly minExpectedEvents: number;
  };
  /** Loyalty signals. */
  readonly loyalty: {
    /** Points expiring within this many days count as "about to expire" (when an expiry date is given; default 30). */
    readonly expiringWithinDays: number;
    /** A redemption within this many days means the points are not "unused" (default 90). */
    readonly recentRedemptionDays: number;
  };
  /** Risk score defaults (the uncalibrated model). */
  readonly risk: {
    /** Intercept of the uncalibrated logistic score (default −3: a customer with no signal scores ≈ 0.047). */
    readonly intercept: number;
    /**
     * Signals whose weight the uncalibrated score sets to 0 when a purchase model is given (default: the
     * purchase-history heuristics recency-overdue, frequency-drop, spend-drop, aov-drop). The model's P(alive) and
     * dropout probability are computed from the same purchase history, so counting both would count that evidence
     * twice; the heuristic signals are still measured and reported, with contribution 0.
     */
    readonly modelSupersedes: readonly SignalCode[];
    /** Lower bounds of the risk levels on the 0-1 score. */
    readonly levels: RiskLevelBounds;
  };
}

/**
 * Lower bounds of the risk levels on the 0-1 score (`low` below `medium`).
 *
 * @example
 * ```ts
 * const levels: RiskLevelBounds = { medium: 0.25, high: 0.5, critical: 0.75 };
 * ```
 */
export interface RiskLevelBounds {
  /** Scores from here are `medium` (default 0.25). */
  readonly medium: number;
  /** Scores from here are `high` (default 0.5). */
  readonly high: number;
  /** Scores from here are `critical` (default 0.75). */
  readonly critical: number;
}

const rule = (weight: number, rampFrom: number, rampTo: number, threshold: number, critical: number): SignalRule =>
  Object.freeze({ enabled: true, weight, rampFrom, rampTo, threshold, critical });

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}

/**
 * The documented default configuration (JSON data). Values and their reasons are listed in docs/churn.md; in
 * short: recency is judged against the customer's own cadence (reason from 1.5× the usual gap, critical from 3×),
 * drops compare the last 90 days with the rest of the trailing year (reason from a 50 % drop), satisfaction drops
 * count NPS points (CSAT mapped onto 0-10), complaints and engagement compare recent windows with the customer's own
 * baseline, loyalty reads per-customer programme state, and model signals read P(alive) / expected purchases.
 *
 * @example
 * ```ts
 * DEFAULT_SIGNAL_CONFIG.signals['recency-overdue'].threshold //=> 1.5
 * DEFAULT_SIGNAL_CONFIG.purchases.recentDays //=> 90
 * ```
 */
export const DEFAULT_SIGNAL_CONFIG: SignalConfig = deepFreeze({
  version: 1,
  signals: {
    // value: days since last purchase ÷ the customer's expected gap
    'recency-overdue': rule(2.2, 1, 4, 1.5, 3),
    // value: 1 − recent orders ÷ orders expected from the baseline rate
    'frequency-drop': rule(0.8, 0, 1, 0.5, 0.9),
    // value: 1 − recent net spend ÷ spend expected from the baseline
    'spend-drop': rule(0.3, 0, 1, 0.5, 0.9),
    // value: 1 − recent AOV ÷ baseline AOV
    'aov-drop': rule(0.3, 0.1, 0.7, 0.3, 0.6),
    // value: mean of earlier answers − latest answer, NPS points (CSAT mapped onto 0-10)
    'satisfaction-drop': rule(0.8, 0, 5, 2, 4),
    // value: 1 when the previous NPS answer was a promoter and the latest a detractor
    'promoter-to-detractor': rule(0.6, 0, 1, 1, 1),
    // value: latest answer on 0-10 (lower is worse)
    'low-satisfaction': rule(1.2, 7, 1, 6, 3),
    // value: complaints in the recent window minus those expected from the baseline
    'complaint-spike': rule(0.8, 0, 3, 1, 2.5),
    // value: age in days of the oldest unresolved complaint
    'complaint-unresolved': rule(1.0, 0, 21, 2, 14),
    // value: longest resolution time (days) among recently resolved complaints
    'complaint-slow-resolution': rule(0.5, 2, 21, 7, 14),
    // value: 1 − recent engagement events ÷ events expected from the baseline
    'engagement-decline': rule(1.2, 0.2, 1, 0.5, 0.85),
    // value: days since the last engagement event ÷ the customer's usual gap between events
    'engagement-silent': rule(0.6, 1, 5, 2, 4),
    // value: points about to expire unused
    'loyalty-points-expiring': rule(0.3, 0, 1000, 1, 500),
    // value: days until an imminent tier downgrade (lower is worse)
    'loyalty-tier-downgrade': rule(0.4, 60, 0, 30, 7),
    // value: days since the last redemption (or since enrolment when never redeemed)
    'loyalty-no-redemption': rule(0.3, 180, 730, 365, 540),
    // value: probability alive from a fitted model (lower is worse)
    'model-low-p-alive': rule(0.5, 0.9, 0.1, 0.5, 0.2),
    // value: 1 − expected purchases in the model horizon ÷ purchases at the customer's historical pace
    'model-purchase-drop': rule(0.3, 0, 1, 0.5, 0.8),
    // value: probability that a still-active customer drops out within the model horizon
    'model-dropout-risk': rule(5.0, 0, 0.6, 0.15, 0.35),
  },
  purchases: {
    recentDays: 90,
    baselineDays: 365,
    minBaselineDays: 60,
    minBaselineOrders: 2,
    minExpectedOrders: 1.5,
    cadencePriorIntervals: 1,
    fallbackGapDays: 30,
    minCohortRepeaters: 20,
  },
  satisfaction: { lookbackDays: 730, latestMaxAgeDays: 365, promoterMin: 9, detractorMax: 6, csatMin: 1, csatMax: 5 },
  complaints: { recentDays: 90, baselineDays: 365, priorRatePerYear: 0.2, resolutionLookbackDays: 180 },
  engagement: {
    types: ['visit', 'login', 'email_open', 'email_click'],
    recentDays: 30,
    baselineDays: 180,
    minBaselineEvents: 3,
    minExpectedEvents: 3,
  },
  loyalty: { expiringWithinDays: 30, recentRedemptionDays: 90 },
  risk: {
    intercept: -3,
    modelSupersedes: ['recency-overdue', 'frequency-drop', 'spend-drop', 'aov-drop'],
    levels: { medium: 0.25, high: 0.5, critical: 0.75 },
  },
} satisfies SignalConfig);

const Days = boundedInteger(1, 36_500, 'whole days between 1 and 36500');
const NonNegative = boundedNumber(0, Number.POSITIVE_INFINITY, 'finite non-negative number');
const Finite = boundedNumber(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 'finite number');
const Probability = boundedNumber(0, 1, 'number between 0 and 1');

const SignalRuleOverrideCodec = strictPartial('SignalRule', {
  enabled: t.boolean,
  weight: Finite,
  rampFrom: Finite,
  rampTo: Finite,
  threshold: Finite,
  critical: Finite,
});

type SignalRuleCodecs = Record<SignalCode, typeof SignalRuleOverrideCodec>;

const SignalOverridesCodec = strictPartial(
  'signal rules',
  Object.fromEntries(SIGNAL_CODES.map((code) => [code, SignalRuleOverrideCodec])) as SignalRuleCodecs,
);

const SignalConfigOverrideCodec = strictPartial('SignalConfig', {
  version: t.literal(1),
  signals: SignalOverridesCodec,
  purchases: strictPartial('purchases', {
    recentDays: Days,
    baselineDays: Days,
    minBaselineDays: Days,
    minBaselineOrders: boundedInteger(1, 1_000_000, 'positive integer'),
    minExpectedOrders: NonNegative,
    cadencePriorIntervals: NonNegative,
    fallbackGapDays: t.union([boundedNumber(Number.MIN_VALUE, 36_500, 'positive number of days'), t.null]),
    minCohortRepeaters: boundedInteger(1, 1_000_000_000, 'positive integer'),
  }),
  satisfaction: strictPartial('satisfaction', {
    lookbackDays: Days,
    latestMaxAgeDays: Days,
    promoterMin: boundedNumber(0, 10, 'NPS answer 0-10'),
    detractorMax: boundedNumber(0, 10, 'NPS answer 0-10'),
    csatMin: Finite,
    csatMax: Finite,
  }),
  complaints: strictPartial('complaints', {
    recentDays: Days,
    baselineDays: Days,
    priorRatePerYear: NonNegative,
    resolutionLookbackDays: Days,
  }),
  engagement: strictPartial('engagement', {
    types: t.array(t.string),
    recentDays: Days,
    baselineDays: Days,
    minBaselineEvents: boundedInteger(1, 1_000_000, 'positive integer'),
    minExpectedEvents: NonNegative,
  }),
  loyalty: strictPartial('loyalty', { expiringWithinDays: Days, recentRedemptionDays: Days }),
  risk: strictPartial('risk', {
    intercept: Finite,
    modelSupersedes: t.array(
      t.keyof(Object.fromEntries(SIGNAL_CODES.map((code) => [code, null])) as Record<SignalCode, null>),
    ),
    levels: strictPartial('levels', { medium: Probability, high: Probability, critical: Probability }),
  }),
});

/**
 * A partial configuration: any subset of {@link SignalConfig}'s fields (two levels deep), merged onto the defaults
 * by {@link decodeSignalConfig}.
 *
 * @example
 * ```ts
 * const overrides: SignalConfigOverrides = { signals: { 'recency-overdue': { threshold: 2 } }, purchases: { recentDays: 60 } };
 * ```
 */
export interface SignalConfigOverrides {
  /** Must be 1 when given. */
  readonly version?: 1;
  /** Per-signal rule overrides. */
  readonly signals?: Readonly<Partial<Record<SignalCode, Partial<SignalRule>>>>;
  /** See {@link SignalConfig.purchases}. */
  readonly purchases?: Partial<SignalConfig['purchases']>;
  /** See {@link SignalConfig.satisfaction}. */
  readonly satisfaction?: Partial<SignalConfig['satisfaction']>;
  /** See {@link SignalConfig.complaints}. */
  readonly complaints?: Partial<SignalConfig['complaints']>;
  /** See {@link SignalConfig.engagement}. */
  readonly engagement?: Partial<SignalConfig['engagement']>;
  /** See {@link SignalConfig.loyalty}. */
  readonly loyalty?: Partial<SignalConfig['loyalty']>;
  /** See {@link SignalConfig.risk}. */
  readonly risk?: {
    /** See {@link SignalConfig.risk}. */
    readonly intercept?: number;
    /** See {@link SignalConfig.risk}. */
    readonly modelSupersedes?: readonly SignalCode[];
    /** See {@link RiskLevelBounds}. */
    readonly levels?: Partial<RiskLevelBounds>;
  };
}

function checkRule(code: SignalCode, r: SignalRule, root: string, issues: ValidationIssue[]): void {
  const path = joinPath(joinPath(root, 'signals'), code);
  if (r.rampFrom === r.rampTo) {
    issues.push(makeIssue(joinPath(path, 'rampTo'), `a value different from rampFrom (${r.rampFrom})`, r.rampTo));
    return;
  }
  const up = r.rampTo > r.rampFrom;
  if (up ? r.critical < r.threshold : r.critical > r.threshold) {
    issues.push(
      makeIssue(
        joinPath(path, 'critical'),
        `${up ? 'at least' : 'at most'} the threshold (${r.threshold}) for this ramp direction`,
        r.critical,
      ),
    );
  }
}

function mergeConfig(base: SignalConfig, o: t.TypeOf<typeof SignalConfigOverrideCodec>): SignalConfig {
  const signals = {} as Record<SignalCode, SignalRule>;
  for (const code of SIGNAL_CODES) signals[code] = { ...base.signals[code], ...(o.signals?.[code] ?? {}) };
  return {
    version: 1,
    signals,
    purchases: { ...base.purchases, ...(o.purchases ?? {}) },
    satisfaction: { ...base.satisfaction, ...(o.satisfaction ?? {}) },
    complaints: { ...base.complaints, ...(o.complaints ?? {}) },
    engagement: { ...base.engagement, ...(o.engagement ?? {}) },
    loyalty: { ...base.loyalty, ...(o.loyalty ?? {}) },
    risk: {
      intercept: o.risk?.intercept ?? base.risk.intercept,
      modelSupersedes: o.risk?.modelSupersedes ?? base.risk.modelSupersedes,
      levels: { ...base.risk.levels, ...(o.risk?.levels ?? {}) },
    },
  };
}

/**
 * Decodes a (partial) signal configuration from untrusted JSON and merges it onto {@link DEFAULT_SIGNAL_CONFIG}.
 * Reports every issue with its path: wrong types, unknown keys (typos), equal ramp ends, a critical level on the
 * wrong side of the threshold, unordered risk levels, an empty CSAT scale, a promoter bound below the detractor
 * bound. Never throws.
 *
 * @example
 * ```ts
 * decodeSignalConfig({ purchases: { recentDays: 60 } })
 * //=> right({ ...DEFAULT_SIGNAL_CONFIG, purchases: { ...DEFAULT_SIGNAL_CONFIG.purchases, recentDays: 60 } })
 * decodeSignalConfig({ signals: { 'recency-overdue': { treshold: 2 } } })
 * //=> left([{ path: "signalConfig.signals.recency-overdue.treshold", expected: 'a known key (...)', ... }])
 * ```
 */
export function decodeSignalConfig(input: unknown, root = 'signalConfig'): E.Either<ValidationIssue[], SignalConfig> {
  const decoded = decodeWith(SignalConfigOverrideCodec, input, root);
  if (E.isLeft(decoded)) return decoded;
  const config = mergeConfig(DEFAULT_SIGNAL_CONFIG, decoded.right);
  const issues: ValidationIssue[] = [];
  for (const code of SIGNAL_CODES) checkRule(code, config.signals[code], root, issues);
  const levels = config.risk.levels;
  if (!(levels.medium < levels.high && levels.high < levels.critical)) {
    issues.push(makeIssue(joinPath(joinPath(root, 'risk'), 'levels'), 'medium < high < critical', levels));
  }
  if (!(config.satisfaction.csatMax > config.satisfaction.csatMin)) {
    issues.push(
      makeIssue(
        joinPath(joinPath(root, 'satisfaction'), 'csatMax'),
        `a value above csatMin (${config.satisfaction.csatMin})`,
        config.satisfaction.csatMax,
      ),
    );
  }
  if (!(config.satisfaction.promoterMin > config.satisfaction.detractorMax)) {
    issues.push(
      makeIssue(
        joinPath(joinPath(root, 'satisfaction'), 'promoterMin'),
        `a value above detractorMax (${config.satisfaction.detractorMax})`,
        config.satisfaction.promoterMin,
      ),
    );
  }
  return issues.length > 0 ? E.left(issues) : E.right(config);
}

/**
 * The weight a signal has in the uncalibrated score: its rule's weight, 0 when the rule is disabled, and 0 when a
 * purchase model is given and the signal is listed in `risk.modelSupersedes`.
 *
 * @example
 * ```ts
 * effectiveWeight(DEFAULT_SIGNAL_CONFIG, 'recency-overdue', false) //=> 2.2
 * effectiveWeight(DEFAULT_SIGNAL_CONFIG, 'recency-overdue', true) //=> 0
 * ```
 */
export function effectiveWeight(config: SignalConfig, code: SignalCode, withModel: boolean): number {
  const rule = config.signals[code];
  if (!rule.enabled) return 0;
  if (withModel && config.risk.modelSupersedes.includes(code)) return 0;
  return rule.weight;
}
