/**
 * Churn reasons: feedback categories (from the satisfaction module's categorisation, passed in as data) mapped to a
 * reason taxonomy — service quality, competitor, needs changed, poor communication — and the reason mix reported
 * per customer group (e.g. at-risk and lost customers).
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  decodeWith,
  joinPath,
  makeIssue,
  NonEmptyStringCodec,
  strictObject,
  type ValidationIssue,
} from '../core/index.js';
import { ownValue } from './inputs.js';

/**
 * One reason of a taxonomy: a category matches when it equals one of `categories` (case-insensitive) or contains
 * one of `keywords` (case-insensitive). Exact matches win over keywords; among keyword matches the first reason in
 * taxonomy order wins.
 *
 * @example
 * ```ts
 * const reason: ChurnReasonDefinition = { code: 'competitor', label: 'Competitor / price', categories: ['price'], keywords: ['cheaper'] };
 * ```
 */
export interface ChurnReasonDefinition {
  /** Reason code, e.g. `service-quality`. */
  readonly code: string;
  /** Display label. */
  readonly label: string;
  /** Category names that map to this reason exactly. */
  readonly categories: readonly string[];
  /** Substrings that map a category to this reason. */
  readonly keywords: readonly string[];
}

/**
 * A reason taxonomy (configuration data).
 *
 * @example
 * ```ts
 * const taxonomy: ReasonTaxonomy = { version: 1, reasons: [{ code: 'competitor', label: 'Competitor', categories: ['price'], keywords: [] }] };
 * ```
 */
export interface ReasonTaxonomy {
  /** Format version (1). */
  readonly version: 1;
  /** The reasons, in priority order for keyword matches. */
  readonly reasons: readonly ChurnReasonDefinition[];
}

/**
 * The default taxonomy: service quality, competitor (incl. price), needs changed, poor communication. Category
 * names cover common feedback topics (delivery, support, product quality, price, website, email...).
 *
 * @example
 * ```ts
 * DEFAULT_REASON_TAXONOMY.reasons.map((r) => r.code)
 * //=> ['service-quality', 'competitor', 'needs-changed', 'poor-communication']
 * ```
 */
export const DEFAULT_REASON_TAXONOMY: ReasonTaxonomy = Object.freeze({
  version: 1,
  reasons: Object.freeze([
    Object.freeze({
      code: 'service-quality',
      label: 'Service quality',
      categories: Object.freeze([
        'service',
        'support',
        'staff',
        'delivery',
        'shipping',
        'product-quality',
        'quality',
        'returns',
        'refund',
        'billing',
        'website',
        'app',
        'checkout',
        'stock',
        'availability',
      ]),
      keywords: Object.freeze([
        'service',
        'support',
        'staff',
        'deliver',
        'shipping',
        'late',
        'damag',
        'defect',
        'broken',
        'quality',
        'return',
        'refund',
        'rude',
        'wait',
        'slow',
        'bug',
        'error',
        'out of stock',
      ]),
    }),
    Object.freeze({
      code: 'competitor',
      label: 'Competitor / price',
      categories: Object.freeze(['price', 'pricing', 'competitor', 'value', 'value-for-money']),
      keywords: Object.freeze([
        'price',
        'pricing',
        'expensive',
        'cheaper',
        'competitor',
        'cost',
        'value for money',
        'switch',
      ]),
    }),
    Object.freeze({
      code: 'needs-changed',
      label: 'Needs changed',
      categories: Object.freeze(['needs-changed', 'no-longer-needed', 'moved', 'relocation', 'life-event']),
      keywords: Object.freeze([
        'no longer',
        'not needed',
        "don't need",
        'moved',
        'relocat',
        'need changed',
        'needs changed',
        'lifestyle',
      ]),
    }),
    Object.freeze({
      code: 'poor-communication',
      label: 'Poor communication',
      categories: Object.freeze(['communication', 'email', 'marketing', 'newsletter', 'information', 'notifications']),
      keywords: Object.freeze([
        'communicat',
        'email',
        'e-mail',
        'spam',
        'newsletter',
        'inform',
        'notification',
        'no reply',
        'unanswered',
        'message',
      ]),
    }),
  ]),
});

const ReasonDefinitionCodec = strictObject(
  'ChurnReasonDefinition',
  { code: NonEmptyStringCodec, label: t.string, categories: t.array(t.string), keywords: t.array(t.string) },
  {},
);
const ReasonTaxonomyCodec = strictObject(
  'ReasonTaxonomy',
  { version: t.literal(1), reasons: t.array(ReasonDefinitionCodec) },
  {},
);

/**
 * Decodes a reason taxonomy from untrusted JSON: every issue with its path, plus duplicate reason codes, empty
 * keywords (which would match everything) and the reserved code `unmapped`. Never throws.
 *
 * @example
 * ```ts
 * decodeReasonTaxonomy(DEFAULT_REASON_TAXONOMY)._tag //=> 'Right'
 * decodeReasonTaxonomy({ version: 1, reasons: [{ code: '', label: 'x', categories: [], keywords: [] }] })._tag //=> 'Left'
 * ```
 */
export function decodeReasonTaxonomy(
  input: unknown,
  root = 'reasonTaxonomy',
): E.Either<ValidationIssue[], ReasonTaxonomy> {
  const decoded = decodeWith(ReasonTaxonomyCodec, input, root);
  if (E.isLeft(decoded)) return decoded;
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  decoded.right.reasons.forEach((reason, i) => {
    const path = joinPath(joinPath(root, 'reasons'), i);
    if (seen.has(reason.code))
      issues.push(makeIssue(joinPath(path, 'code'), 'a code not used by an earlier reason', reason.code));
    if (reason.code === 'unmapped')
      issues.push(makeIssue(joinPath(path, 'code'), 'a code other than the reserved "unmapped"', reason.code));
    seen.add(reason.code);
    reason.keywords.forEach((keyword, j) => {
      if (keyword.trim() === '')
        issues.push(makeIssue(joinPath(joinPath(path, 'keywords'), j), 'a non-empty keyword', keyword));
    });
  });
  return issues.length > 0 ? E.left(issues) : E.right({ version: 1, reasons: decoded.right.reasons });
}

/**
 * The reason code of a feedback category under a taxonomy (`undefined` when nothing matches).
 *
 * @example
 * ```ts
 * reasonOfCategory('Delivery') //=> 'service-quality'
 * reasonOfCategory('too expensive') //=> 'competitor'
 * reasonOfCategory('weather') //=> undefined
 * ```
 */
export function reasonOfCategory(
  category: string,
  taxonomy: ReasonTaxonomy = DEFAULT_REASON_TAXONOMY,
): string | undefined {
  const text = category.trim().toLowerCase();
  for (const reason of taxonomy.reasons) {
    if (reason.categories.some((c) => c.trim().toLowerCase() === text)) return reason.code;
  }
  for (const reason of taxonomy.reasons) {
    if (reason.keywords.some((k) => k.trim() !== '' && text.includes(k.trim().toLowerCase()))) return reason.code;
  }
  return undefined;
}

/**
 * How often one reason is cited in a group.
 *
 * @example
 * ```ts
 * const share: ReasonShare = { code: 'competitor', label: 'Competitor / price', customers: 12, share: 0.15 };
 * ```
 */
export interface ReasonShare {
  /** Reason code. */
  readonly code: string;
  /** Display label. */
  readonly label: string;
  /** Customers citing it at least once. */
  readonly customers: number;
  /** customers ÷ customers of the group with feedback. */
  readonly share: number;
}

/**
 * The reason mix of one customer group.
 *
 * @example
 * ```ts
 * const mix: ReasonMix = { group: 'lost', customers: 200, withFeedback: 80, reasons: [{ code: 'service-quality', label: 'Service quality', customers: 41, share: 0.5125 }], unmapped: 6 };
 * ```
 */
export interface ReasonMix {
  /** The group's name (a key of `groups`). */
  readonly group: string;
  /** Customers in the group. */
  readonly customers: number;
  /** Customers of the group with at least one feedback category. */
  readonly withFeedback: number;
  /** Per reason: customers citing it at least once, and their share of `withFeedback` (shares may sum above 1). */
  readonly reasons: readonly ReasonShare[];
  /** Customers whose categories all fall outside the taxonomy. */
  readonly unmapped: number;
}

/**
 * The result of {@link summarizeChurnReasons}.
 *
 * @example
 * ```ts
 * const summary: ChurnReasonSummary = { groups: [], unmappedCategories: [{ category: 'weather', customers: 3 }] };
 * ```
 */
export interface ChurnReasonSummary {
  /** One mix per group, groups in name order. */
  readonly groups: readonly ReasonMix[];
  /** Categories no reason matched, with the number of (grouped) customers citing them, most frequent first. */
  readonly unmappedCategories: readonly UnmappedCategory[];
}

/**
 * A feedback category no reason matched.
 *
 * @example
 * ```ts
 * const u: UnmappedCategory = { category: 'weather', customers: 3 };
 * ```
 */
export interface UnmappedCategory {
  /** The category (trimmed, lower case). */
  readonly category: string;
  /** Grouped customers citing it. */
  readonly customers: number;
}

/**
 * Maps each customer's feedback categories to churn reasons and reports the reason mix per group (e.g.
 * `{ atRisk: [...ids], lost: [...ids] }`). A customer counts once per reason however often they cite it.
 *
 * @example
 * ```ts
 * summarizeChurnReasons(
 *   { c1: ['delivery', 'price'], c2: ['newsletter'], c3: ['price'] },
 *   { groups: { atRisk: ['c1', 'c2'], lost: ['c3'] } },
 * ).groups[1]?.reasons //=> [{ code: 'competitor', label: 'Competitor / price', customers: 1, share: 1 }]
 * ```
 */
export function summarizeChurnReasons(
  feedbackCategories: Readonly<Record<string, readonly string[]>>,
  options: { readonly groups: Readonly<Record<string, readonly string[]>>; readonly taxonomy?: ReasonTaxonomy },
): ChurnReasonSummary {
  const taxonomy = options.taxonomy ?? DEFAULT_REASON_TAXONOMY;
  const cache = new Map<string, string | undefined>();
  const reasonOf = (category: string): string | undefined => {
    if (!cache.has(category)) cache.set(category, reasonOfCategory(category, taxonomy));
    return cache.get(category);
  };
  const unmappedCounts = new Map<string, Set<string>>();
  const groups: ReasonMix[] = [];
  for (const group of Object.keys(options.groups).sort()) {
    const members = [...new Set(options.groups[group] ?? [])];
    const counts = new Map<string, number>();
    let withFeedback = 0;
    let unmapped = 0;
    for (const id of members) {
      const categories = ownValue(feedbackCategories, id);
      if (categories === undefined || categories.length === 0) continue;
      withFeedback++;
      const reasons = new Set<string>();
      for (const category of categories) {
        const reason = reasonOf(category);
        if (reason === undefined) {
          const key = category.trim().toLowerCase();
          if (!unmappedCounts.has(key)) unmappedCounts.set(key, new Set());
          unmappedCounts.get(key)!.add(id);
        } else reasons.add(reason);
      }
      if (reasons.size === 0) unmapped++;
      for (const reason of reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    const reasons = taxonomy.reasons
      .filter((r) => counts.has(r.code))
      .map((r) => ({
        code: r.code,
        label: r.label,
        customers: counts.get(r.code)!,
        share: counts.get(r.code)! / withFeedback,
      }))
      .sort((a, b) => b.customers - a.customers);
    groups.push({ group, customers: members.length, withFeedback, reasons, unmapped });
  }
  const unmappedCategories = [...unmappedCounts.entries()]
    .map(([category, ids]) => ({ category, customers: ids.size }))
    .sort((a, b) => b.customers - a.customers || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return { groups, unmappedCategories };
}
