/**
 * Playbooks as data: rules with conditions on a customer's risk level, signals, segment and value recommend an
 * action (personal contact, tailored offer, coupon, service recovery) with a priority and a cooldown.
 * `planActions` applies a playbook to risk assessments and returns the action list, honouring cooldowns from the
 * dates of earlier actions passed in.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  boundedInteger,
  boundedNumber,
  type DateInput,
  decodeWith,
  InstantCodec,
  isoDateTime,
  joinPath,
  makeIssue,
  MS_PER_DAY,
  NonEmptyStringCodec,
  strictObject,
  strictPartial,
  toInstant,
  type ValidationIssue,
} from '../core/index.js';
import { SIGNAL_CODES, SIGNAL_FAMILIES, type SignalCode, type SignalFamily } from './codes.js';
import { ownValue } from './inputs.js';
import type { RiskAssessment, RiskLevel, RiskResult } from './risk.js';

/**
 * A recommended action.
 *
 * @example
 * ```ts
 * const action: ActionKind = 'service-recovery';
 * ```
 */
export type ActionKind = 'personal-contact' | 'tailored-offer' | 'coupon' | 'service-recovery';

/**
 * When a rule applies. Every given condition must hold (an empty condition matches everyone).
 *
 * @example
 * ```ts
 * const when: PlaybookCondition = { levels: ['high', 'critical'], anySignals: ['complaint-unresolved'], minValueQuantile: 0.8 };
 * ```
 */
export interface PlaybookCondition {
  /** The customer's risk level is one of these. */
  readonly levels?: readonly RiskLevel[];
  /** Score at least this. */
  readonly minScore?: number;
  /** At least one of these signals is among the reasons. */
  readonly anySignals?: readonly SignalCode[];
  /** All of these signals are among the reasons. */
  readonly allSignals?: readonly SignalCode[];
  /** None of these signals is among the reasons. */
  readonly noneSignals?: readonly SignalCode[];
  /** At least one reason belongs to one of these families. */
  readonly anyFamilies?: readonly SignalFamily[];
  /** The customer's segment (from `segments`) is one of these. */
  readonly segments?: readonly string[];
  /** Value at least this (customers without a value never match a value condition). */
  readonly minValue?: number;
  /** Value below this. */
  readonly maxValue?: number;
  /** Value at or above this quantile (0-1) of the values of the assessed customers (e.g. 0.8 = top 20 %). */
  readonly minValueQuantile?: number;
}

/**
 * One playbook rule.
 *
 * @example
 * ```ts
 * const rule: PlaybookRule = { id: 'vip-call', action: 'personal-contact', priority: 1, cooldownDays: 60, when: { levels: ['critical'], minValueQuantile: 0.9 } };
 * ```
 */
export interface PlaybookRule {
  /** Unique rule id (reported with each planned action). */
  readonly id: string;
  /** The recommended action. */
  readonly action: ActionKind;
  /** 1 = most urgent. Rules are tried by priority, then in playbook order. */
  readonly priority: number;
  /** No repeat of the same action (or any action, see `cooldownScope`) within this many days. */
  readonly cooldownDays: number;
  /** What the cooldown looks at (default `same-action`). */
  readonly cooldownScope?: 'same-action' | 'any-action';
  /** When the rule applies. */
  readonly when: PlaybookCondition;
  /** A note for the person carrying out the action. */
  readonly note?: string;
}

/**
 * A playbook (configuration data).
 *
 * @example
 * ```ts
 * const playbook: Playbook = { version: 1, maxActionsPerCustomer: 1, rules: DEFAULT_PLAYBOOK.rules };
 * ```
 */
export interface Playbook {
  /** Format version (1). */
  readonly version: 1;
  /** How many actions one customer may receive in one plan (default playbook: 1). */
  readonly maxActionsPerCustomer: number;
  /** The rules. */
  readonly rules: readonly PlaybookRule[];
}

const SERVICE_SIGNALS: readonly SignalCode[] = [
  'complaint-unresolved',
  'complaint-slow-resolution',
  'complaint-spike',
  'promoter-to-detractor',
  'satisfaction-drop',
  'low-satisfaction',
];

/**
 * The default playbook: service recovery first for customers at risk because of complaints or satisfaction;
 * a personal contact for high-risk customers in the top 20 % by value; a tailored offer for high-risk customers
 * whose buying thinned out (recency / frequency / spend) in the top half by value; a coupon for the other medium+
 * risk customers.
 *
 * @example
 * ```ts
 * DEFAULT_PLAYBOOK.rules.map((r) => r.action) //=> ['service-recovery', 'personal-contact', 'tailored-offer', 'coupon']
 * ```
 */
export const DEFAULT_PLAYBOOK: Playbook = Object.freeze({
  version: 1,
  maxActionsPerCustomer: 1,
  rules: Object.freeze([
    Object.freeze({
      id: 'service-recovery',
      action: 'service-recovery',
      priority: 1,
      cooldownDays: 30,
      when: Object.freeze({
        levels: Object.freeze(['medium', 'high', 'critical'] as const),
        anySignals: Object.freeze([...SERVICE_SIGNALS]),
      }),
      note: 'Call or write personally about the open issue; fix it before offering anything.',
    }),
    Object.freeze({
      id: 'high-value-personal-contact',
      action: 'personal-contact',
      priority: 1,
      cooldownDays: 60,
      when: Object.freeze({ levels: Object.freeze(['high', 'critical'] as const), minValueQuantile: 0.8 }),
      note: 'Account owner calls; ask what changed.',
    }),
    Object.freeze({
      id: 'lapsing-buyer-offer',
      action: 'tailored-offer',
      priority: 2,
      cooldownDays: 45,
      when: Object.freeze({
        levels: Object.freeze(['high', 'critical'] as const),
        anyFamilies: Object.freeze(['recency', 'frequency', 'spend'] as const),
        minValueQuantile: 0.5,
      }),
      note: 'Offer based on their favourite categories.',
    }),
    Object.freeze({
      id: 'win-back-coupon',
      action: 'coupon',
      priority: 3,
      cooldownDays: 30,
      when: Object.freeze({ levels: Object.freeze(['medium', 'high', 'critical'] as const) }),
      note: 'Time-limited coupon.',
    }),
  ]),
});

const LevelCodec = t.keyof({ low: null, medium: null, high: null, critical: null });
const SignalCodeCodec = t.keyof(Object.fromEntries(SIGNAL_CODES.map((c) => [c, null])) as Record<SignalCode, null>);
const FamilyCodec = t.keyof(
  Object.fromEntries(Object.values(SIGNAL_FAMILIES).map((f) => [f, null])) as Record<SignalFamily, null>,
);
const ActionCodec = t.keyof({
  'personal-contact': null,
  'tailored-offer': null,
  coupon: null,
  'service-recovery': null,
});
const FiniteCodec = boundedNumber(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, 'finite number');
const ConditionCodec = strictPartial('PlaybookCondition', {
  levels: t.array(LevelCodec),
  minScore: boundedNumber(0, 1, 'number between 0 and 1'),
  anySignals: t.array(SignalCodeCodec),
  allSignals: t.array(SignalCodeCodec),
  noneSignals: t.array(SignalCodeCodec),
  anyFamilies: t.array(FamilyCodec),
  segments: t.array(t.string),
  minValue: FiniteCodec,
  maxValue: FiniteCodec,
  minValueQuantile: boundedNumber(0, 1, 'number between 0 and 1'),
});
const RuleCodec = strictObject(
  'PlaybookRule',
  {
    id: NonEmptyStringCodec,
    action: ActionCodec,
    priority: boundedInteger(1, 1000, 'integer priority 1-1000'),
    cooldownDays: boundedInteger(0, 36_500, 'whole days 0-36500'),
    when: ConditionCodec,
  },
  { cooldownScope: t.keyof({ 'same-action': null, 'any-action': null }), note: t.string },
);
const PlaybookCodec = strictObject(
  'Playbook',
  { version: t.literal(1), rules: t.array(RuleCodec) },
  { maxActionsPerCustomer: boundedInteger(1, 100, 'integer 1-100') },
);

/**
 * Decodes a playbook from untrusted JSON (`maxActionsPerCustomer` defaults to 1): every issue with its path, plus
 * duplicate rule ids. Never throws.
 *
 * @example
 * ```ts
 * decodePlaybook({ version: 1, rules: [{ id: 'x', action: 'coupon', priority: 1, cooldownDays: 30, when: { levels: ['high'] } }] })._tag //=> 'Right'
 * decodePlaybook({ version: 1, rules: [{ id: 'x', action: 'gift', priority: 1, cooldownDays: 30, when: {} }] })._tag //=> 'Left'
 * ```
 */
export function decodePlaybook(input: unknown, root = 'playbook'): E.Either<ValidationIssue[], Playbook> {
  const decoded = decodeWith(PlaybookCodec, input, root);
  if (E.isLeft(decoded)) return decoded;
  const issues: ValidationIssue[] = [];
  const ids = new Set<string>();
  decoded.right.rules.forEach((rule, i) => {
    if (ids.has(rule.id))
      issues.push(
        makeIssue(
          joinPath(joinPath(joinPath(root, 'rules'), i), 'id'),
          'a rule id not used by an earlier rule',
          rule.id,
        ),
      );
    ids.add(rule.id);
  });
  if (issues.length > 0) return E.left(issues);
  return E.right({
    version: 1,
    maxActionsPerCustomer: decoded.right.maxActionsPerCustomer ?? 1,
    rules: decoded.right.rules,
  });
}

/**
 * Codec of one earlier action (for cooldowns).
 *
 * @example
 * ```ts
 * PastActionCodec.decode({ customerId: 'c1', action: 'coupon', at: '2024-06-20' }); // right({ customerId: 'c1', action: 'coupon', at: 1718841600000 })
 * ```
 */
export const PastActionCodec = t.type({ customerId: NonEmptyStringCodec, action: ActionCodec, at: InstantCodec });

/**
 * An action taken earlier (drives cooldowns).
 *
 * @example
 * ```ts
 * const past: PastAction = { customerId: 'c1', action: 'coupon', at: Date.UTC(2024, 5, 20) };
 * ```
 */
export interface PastAction {
  /** The customer. */
  readonly customerId: string;
  /** What was done. */
  readonly action: ActionKind;
  /** When. */
  readonly at: DateInput;
}

/**
 * One planned action.
 *
 * @example
 * ```ts
 * const a: PlannedAction = { customerId: 'c1', action: 'service-recovery', ruleId: 'service-recovery', priority: 1, score: 0.8, level: 'critical', value: 900, customerPriority: 720, signals: ['complaint-unresolved'], note: 'Call…' };
 * ```
 */
export interface PlannedAction {
  /** The customer. */
  readonly customerId: string;
  /** The recommended action. */
  readonly action: ActionKind;
  /** The rule that recommended it. */
  readonly ruleId: string;
  /** The rule's priority (1 = most urgent). */
  readonly priority: number;
  /** The customer's risk score. */
  readonly score: number;
  /** The customer's risk level. */
  readonly level: RiskLevel;
  /** The customer's value (`null` when none was given). */
  readonly value: number | null;
  /** The customer's risk × value priority. */
  readonly customerPriority: number;
  /** The customer's reasons (signal codes), largest contribution first. */
  readonly signals: readonly SignalCode[];
  /** The rule's note. */
  readonly note: string | null;
}

/**
 * A matching rule held back by its cooldown.
 *
 * @example
 * ```ts
 * const s: SuppressedAction = { customerId: 'c1', action: 'coupon', ruleId: 'win-back-coupon', lastActionAt: '2024-06-20T00:00:00.000Z', availableFrom: '2024-07-20T00:00:00.000Z' };
 * ```
 */
export interface SuppressedAction {
  /** The customer. */
  readonly customerId: string;
  /** The action held back. */
  readonly action: ActionKind;
  /** The rule that matched. */
  readonly ruleId: string;
  /** The earlier action that started the cooldown (ISO date-time). */
  readonly lastActionAt: string;
  /** When the action may be repeated (ISO date-time). */
  readonly availableFrom: string;
}

/**
 * The result of {@link planActions}.
 *
 * @example
 * ```ts
 * const plan = planActions(risk, { asOf: '2024-07-01' });
 * plan.actions[0]; // most urgent rule, most valuable customer first
 * ```
 */
export interface ActionPlan {
  /** Ordered by rule priority, then customer priority (risk × value, descending), then customer id. */
  readonly actions: readonly PlannedAction[];
  /** Matching rules held back by a cooldown. */
  readonly suppressed: readonly SuppressedAction[];
  /** Customers no rule matched. */
  readonly unmatched: number;
  /** Planned actions per kind. */
  readonly counts: Readonly<Record<ActionKind, number>>;
}

/**
 * Options of {@link planActions}.
 *
 * @example
 * ```ts
 * const options: PlanActionsOptions = { asOf: '2024-07-01', segments: { c1: 'Champions' }, pastActions: [] };
 * ```
 */
export interface PlanActionsOptions {
  /** The planning date (for cooldowns). */
  readonly asOf: DateInput;
  /** The playbook (default {@link DEFAULT_PLAYBOOK}; decode custom ones with {@link decodePlaybook}). */
  readonly playbook?: Playbook;
  /** Segment per customer id (e.g. an RFM segment), for `segments` conditions. */
  readonly segments?: Readonly<Record<string, string>>;
  /** Earlier actions, for cooldowns. Entries after `asOf` are ignored. */
  readonly pastActions?: readonly PastAction[];
}

function quantileOf(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.POSITIVE_INFINITY;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function matches(
  when: PlaybookCondition,
  a: RiskAssessment,
  codes: ReadonlySet<SignalCode>,
  segment: string | undefined,
  valueCut: (q: number) => number,
): boolean {
  if (when.levels !== undefined && !when.levels.includes(a.level)) return false;
  if (when.minScore !== undefined && a.score < when.minScore) return false;
  if (when.anySignals !== undefined && !when.anySignals.some((c) => codes.has(c))) return false;
  if (when.allSignals !== undefined && !when.allSignals.every((c) => codes.has(c))) return false;
  if (when.noneSignals?.some((c) => codes.has(c)) === true) return false;
  if (when.anyFamilies !== undefined && ![...codes].some((c) => when.anyFamilies!.includes(SIGNAL_FAMILIES[c])))
    return false;
  const segments = when.segments;
  if (segments !== undefined) {
    if (segment === undefined || !segments.includes(segment)) return false;
  }
  if (when.minValue !== undefined || when.maxValue !== undefined || when.minValueQuantile !== undefined) {
    if (a.value === null) return false;
    if (when.minValue !== undefined && a.value < when.minValue) return false;
    if (when.maxValue !== undefined && !(a.value < when.maxValue)) return false;
    if (when.minValueQuantile !== undefined && a.value < valueCut(when.minValueQuantile)) return false;
  }
  return true;
}

/**
 * Applies a playbook to risk assessments. For each customer the rules are tried by priority (then playbook
 * order); a matching rule whose action is in cooldown (an earlier action within `cooldownDays` before `asOf`) is
 * reported as suppressed and the next rule is tried, up to `maxActionsPerCustomer` actions per customer.
 *
 * @example
 * ```ts
 * const plan = planActions(assessRisk(report, { values: clv }), {
 *   asOf: '2024-07-01',
 *   pastActions: [{ customerId: 'c1', action: 'coupon', at: '2024-06-20' }],
 * });
 * plan.actions.filter((a) => a.action === 'personal-contact').length;
 * ```
 */
export function planActions(risk: RiskResult | readonly RiskAssessment[], options: PlanActionsOptions): ActionPlan {
  const assessments: readonly RiskAssessment[] = 'customers' in risk ? risk.customers : risk;
  const playbook = options.playbook ?? DEFAULT_PLAYBOOK;
  const asOfMs = toInstant(options.asOf);
  const rules = playbook.rules
    .map((rule, order) => ({ rule, order }))
    .sort((a, b) => a.rule.priority - b.rule.priority || a.order - b.order);
  const sortedValues = assessments
    .map((a) => a.value)
    .filter((v): v is number => v !== null)
    .sort((x, y) => x - y);
  const cuts = new Map<number, number>();
  const valueCut = (q: number): number => {
    if (!cuts.has(q)) cuts.set(q, quantileOf(sortedValues, q));
    return cuts.get(q)!;
  };
  const latest = new Map<string, Map<ActionKind, number>>();
  for (const past of options.pastActions ?? []) {
    const at = toInstant(past.at);
    if (at > asOfMs) continue;
    let byAction = latest.get(past.customerId);
    if (byAction === undefined) {
      byAction = new Map();
      latest.set(past.customerId, byAction);
    }
    if (at > (byAction.get(past.action) ?? Number.NEGATIVE_INFINITY)) byAction.set(past.action, at);
  }
  const actions: PlannedAction[] = [];
  const suppressed: SuppressedAction[] = [];
  const counts: Record<ActionKind, number> = {
    'personal-contact': 0,
    'tailored-offer': 0,
    coupon: 0,
    'service-recovery': 0,
  };
  let unmatched = 0;
  for (const a of assessments) {
    const codes = new Set<SignalCode>(a.reasons.map((r) => r.code));
    const segment = ownValue(options.segments, a.customerId);
    const history = latest.get(a.customerId);
    const taken = new Set<ActionKind>();
    let planned = 0;
    let matchedAny = false;
    for (const { rule } of rules) {
      if (planned >= playbook.maxActionsPerCustomer) break;
      if (taken.has(rule.action) || !matches(rule.when, a, codes, segment, valueCut)) continue;
      matchedAny = true;
      let last = Number.NEGATIVE_INFINITY;
      if (history !== undefined) {
        if ((rule.cooldownScope ?? 'same-action') === 'any-action')
          for (const at of history.values()) last = Math.max(last, at);
        else last = history.get(rule.action) ?? Number.NEGATIVE_INFINITY;
      }
      const availableFrom = last + rule.cooldownDays * MS_PER_DAY;
      if (Number.isFinite(last) && availableFrom > asOfMs) {
        suppressed.push({
          customerId: a.customerId,
          action: rule.action,
          ruleId: rule.id,
          lastActionAt: isoDateTime(last),
          availableFrom: isoDateTime(availableFrom),
        });
        continue;
      }
      taken.add(rule.action);
      planned++;
      counts[rule.action]++;
      actions.push({
        customerId: a.customerId,
        action: rule.action,
        ruleId: rule.id,
        priority: rule.priority,
        score: a.score,
        level: a.level,
        value: a.value,
        customerPriority: a.priority,
        signals: a.reasons.map((r) => r.code),
        note: rule.note ?? null,
      });
    }
    if (!matchedAny) unmatched++;
  }
  actions.sort(
    (x, y) =>
      x.priority - y.priority ||
      y.customerPriority - x.customerPriority ||
      (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0),
  );
  return { actions, suppressed, unmatched, counts };
}
