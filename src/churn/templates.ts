/**
 * Reason sentences as data: every signal reason is a template id, a sentence with `{placeholders}` and the
 * parameters that fill it. Keeping the sentence as a shared template (instead of a rendered string per customer)
 * keeps a million-customer scan cheap and lets hosts translate the sentences by id.
 *
 * Placeholders: `{name}` (strings as is, numbers with up to 2 decimals), `{name:N}` (N decimals), `{name:%}` and
 * `{name:%N}` (a 0-1 share as a percentage, 1 or N decimals), `{name:+%N}` (signed percentage). `null` renders "n/a".
 *
 * @module
 */
import type { ReasonParam } from './signal.js';

/** The sentences; exported as {@link REASON_TEMPLATES}. */
const TEMPLATE_TEXT: Readonly<Record<ReasonTemplateId, string>> = {
  'recency-overdue.own-cadence':
    'No purchase for {daysSinceLastPurchase} days; at their usual pace (one purchase every {expectedGapDays:0} days) a gap this long has a {probabilityOfGap:%} chance.',
  'recency-overdue.cohort':
    'One purchase day only, {daysSinceLastPurchase} days ago; comparable customers buy again about every {expectedGapDays:0} days (a gap this long has a {probabilityOfGap:%} chance).',
  'frequency-drop':
    'Orders in the last {windowDays} days: {recentOrders}, against {expectedOrders:1} expected from the {baselineDays} days before ({change:+%0}; so few has a {probability:%} chance at their usual rate); {previousWindowOrders} in the {windowDays} days before that.',
  'spend-drop': 'Spent {recentSpend:2} in the last {windowDays} days against {expectedSpend:2} expected from the {baselineDays} days before ({change:+%0}).',
  'aov-drop': 'Average order {recentAov:2} in the last {windowDays} days against {baselineAov:2} before ({change:+%0}).',
  'satisfaction-drop':
    'Latest {metric} answer {latest:1} (0-10 scale) against an average of {earlierAverage:1} over their earlier answers ({earlierAnswers}); a drop of {drop:1} points.',
  'promoter-to-detractor': 'Was a promoter (NPS {previousNps}), now a detractor (NPS {latestNps}).',
  'low-satisfaction.nps': 'Latest answer NPS {answer}, {daysAgo} days ago.',
  'low-satisfaction.csat': 'Latest answer CSAT {answer} of {scaleMax}, {daysAgo} days ago.',
  'complaint-spike': 'Complaints in the last {windowDays} days: {recentComplaints}, against {expectedComplaints:2} expected from their history.',
  'complaint-unresolved': 'A complaint opened {oldestOpenDays:0} days ago is still unresolved ({openComplaints} open).',
  'complaint-slow-resolution': 'A complaint (category: {category}) took {resolutionDays:1} days to resolve.',
  'engagement-decline':
    'Engagement events (visits, logins, email opens) in the last {windowDays} days: {recentEvents}, against {expectedEvents:1} expected from the {baselineDays} days before ({change:+%0}; so few has a {probability:%} chance at their usual rate).',
  'engagement-silent': 'No engagement for {daysSinceLastEngagement} days; usually active about every {usualGapDays:1} days.',
  'loyalty-points-expiring': '{points:0} points expire within {daysUntilExpiry:0} days and have not been used.',
  'loyalty-points-expiring.undated': '{points:0} points expire soon and have not been used.',
  'loyalty-tier-downgrade': 'Tier downgrade in {daysToTierDowngrade:0} days unless they qualify again.',
  'loyalty-no-redemption': 'No points redeemed for {daysWithoutRedemption:0} days.',
  'loyalty-no-redemption.never': 'Never redeemed points in {daysWithoutRedemption:0} days of membership.',
  'model-low-p-alive': 'The purchase model puts the chance they are still an active customer at {probabilityAlive:%0}.',
  'model-dropout-risk': 'If still active, the purchase model gives a {dropoutProbability:%0} chance that they stop buying within the next {horizonDays} days.',
  'model-purchase-drop':
    'The purchase model expects {expectedPurchases:1} purchases in the next {horizonDays} days against {purchasesAtPace:1} at their pace over the last {observedDays} days.',
};

/**
 * A reason template id.
 *
 * @example
 * ```ts
 * const id: ReasonTemplateId = 'recency-overdue.cohort';
 * ```
 */
export type ReasonTemplateId =
  | 'recency-overdue.own-cadence'
  | 'recency-overdue.cohort'
  | 'frequency-drop'
  | 'spend-drop'
  | 'aov-drop'
  | 'satisfaction-drop'
  | 'promoter-to-detractor'
  | 'low-satisfaction.nps'
  | 'low-satisfaction.csat'
  | 'complaint-spike'
  | 'complaint-unresolved'
  | 'complaint-slow-resolution'
  | 'engagement-decline'
  | 'engagement-silent'
  | 'loyalty-points-expiring'
  | 'loyalty-points-expiring.undated'
  | 'loyalty-tier-downgrade'
  | 'loyalty-no-redemption'
  | 'loyalty-no-redemption.never'
  | 'model-low-p-alive'
  | 'model-dropout-risk'
  | 'model-purchase-drop';

/**
 * The default English reason sentences by template id.
 *
 * @example
 * ```ts
 * REASON_TEMPLATES['engagement-silent'] //=> 'No engagement for {daysSinceLastEngagement} days; usually active about every {usualGapDays:1} days.'
 * ```
 */
export const REASON_TEMPLATES: Readonly<Record<ReasonTemplateId, string>> = Object.freeze(TEMPLATE_TEXT);

/**
 * A reason as data: the id of its sentence in {@link REASON_TEMPLATES} and the parameters that fill it. Signals and
 * risk reasons carry these two fields.
 *
 * @example
 * ```ts
 * const reason: SignalReason = { reasonId: 'loyalty-tier-downgrade', params: { daysToTierDowngrade: 12 } };
 * renderReason(reason) //=> 'Tier downgrade in 12 days unless they qualify again.'
 * ```
 */
export interface SignalReason {
  /** The sentence's id in {@link REASON_TEMPLATES}. */
  readonly reasonId: ReasonTemplateId;
  /** The values that fill its placeholders. */
  readonly params: Readonly<Record<string, ReasonParam>>;
}

function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

function renderValue(value: ReasonParam | undefined, format: string): string {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'string') return value;
  if (format === '') return Number.isInteger(value) ? String(value) : fixed(value, 2);
  const percent = /^(\+)?%(\d)?$/.exec(format);
  if (percent !== null) {
    const text = fixed(value * 100, percent[2] === undefined ? 1 : Number(percent[2]));
    return `${percent[1] !== undefined && value > 0 && Number(text) !== 0 ? '+' : ''}${text}%`;
  }
  const decimals = /^\d$/.test(format) ? Number(format) : 2;
  return fixed(value, decimals);
}

/**
 * Renders a reason sentence (of a signal or a risk reason). `templates` may override sentences by id (e.g.
 * translations); placeholders of unknown parameters render as "n/a".
 *
 * @example
 * ```ts
 * renderReason({ reasonId: 'engagement-silent', params: { daysSinceLastEngagement: 40, usualGapDays: 5.25 } })
 * //=> 'No engagement for 40 days; usually active about every 5.3 days.'
 * renderReason(reason, { templates: { 'engagement-silent': 'Seit {daysSinceLastEngagement} Tagen inaktiv.' } })
 * //=> 'Seit 40 Tagen inaktiv.'
 * ```
 */
export function renderReason(reason: SignalReason, options: { readonly templates?: Readonly<Partial<Record<string, string>>> } = {}): string {
  const override =
    options.templates !== undefined && Object.prototype.hasOwnProperty.call(options.templates, reason.reasonId) ? options.templates[reason.reasonId] : undefined;
  const template = override ?? (REASON_TEMPLATES[reason.reasonId]) ?? '';
  return template.replace(/\{([A-Za-z][A-Za-z0-9]*)(?::([+%0-9]*))?\}/g, (_match, name: string, format: string | undefined) =>
    renderValue(Object.prototype.hasOwnProperty.call(reason.params, name) ? reason.params[name] : undefined, format ?? ''),
  );
}
