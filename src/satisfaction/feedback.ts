/**
 * Feedback categorisation over many survey comments or complaint texts: multi-label categories from a
 * host-supplied taxonomy, counts per category and per period, and the top categories among detractors.
 *
 * @module
 */
import {
  isoDateOfDayNumber,
  joinPath,
  makeIssue,
  periodKey,
  startOfPeriod,
  type Complaint,
  wilsonInterval,
  type Interval,
  type PeriodUnit,
  type SurveyResponse,
  type ValidationIssue,
} from '../core/index.js';
import { programmerError, resolveLevel } from './options.js';
import { compileTaxonomy, matchCategories, type CompiledTaxonomy, type KeywordHits, type Taxonomy } from './taxonomy.js';
import { calendarDay, checkTimeZone } from './time-grouping.js';

/**
 * Options of {@link categorizeFeedback}.
 *
 * @example
 * ```ts
 * const options: CategorizeFeedbackOptions = { taxonomy, unit: 'month', top: 5, timeZone: 'Asia/Shanghai' };
 * ```
 */
export interface CategorizeFeedbackOptions {
  /** The taxonomy (plain or compiled). */
  readonly taxonomy: Taxonomy | CompiledTaxonomy;
  /** Period unit of `byPeriod`. Default `month`. */
  readonly unit?: PeriodUnit;
  /** IANA time zone of the calendar. Default UTC. */
  readonly timeZone?: string;
  /** How many categories `topAmongDetractors` lists. Default 5. */
  readonly top?: number;
  /** Highest NPS score of a detractor. Default 6. */
  readonly detractorMax?: number;
  /** Confidence level of the share intervals. Default 0.95. */
  readonly level?: number;
  /** Include the per-item categories in the result. Default true. */
  readonly includeItems?: boolean;
  /** Root of issue paths. Default `feedback`. */
  readonly root?: string;
}

/**
 * Counts of one category.
 *
 * @example
 * ```ts
 * // { category: 'delivery', label: 'Delivery', count: 412, share: 0.21, detractorCount: 160, detractorShare: 0.38, lift: 1.8 }
 * ```
 */
export interface CategoryCount {
  /** Category id. */
  readonly category: string;
  /** Display label. */
  readonly label: string;
  /** Items with text in this category. */
  readonly count: number;
  /** count / items with text. */
  readonly share: number;
  /** Wilson interval of `share` (0..1). */
  readonly shareInterval: Interval;
  /** Detractor items (NPS ≤ detractorMax) in this category. */
  readonly detractorCount: number;
  /** detractorCount / detractor items with text (0 when there are none). */
  readonly detractorShare: number;
  /** Wilson interval of `detractorShare` (0..1; [0, 1] without detractors). */
  readonly detractorShareInterval: Interval;
  /** detractorShare / share: how much more often detractors mention it; null when undefined. */
  readonly lift: number | null;
}

/**
 * The categorised feedback.
 *
 * @example
 * ```ts
 * const result = categorizeFeedback(responses, { taxonomy });
 * result.topAmongDetractors.map((c) => `${c.label}: ${c.detractorCount}`);
 * ```
 */
export interface FeedbackResult {
  /** The taxonomy's version, or null. */
  readonly taxonomyVersion: string | null;
  /** Confidence level of the share intervals. */
  readonly level: number;
  /** Items with non-empty text. */
  readonly withText: number;
  /** Items without text (no comment). */
  readonly withoutText: number;
  /** Items with text but no category. */
  readonly uncategorized: number;
  /** Detractor items with text. */
  readonly detractors: number;
  /** Per category, by decreasing count (ties in taxonomy order). */
  readonly categories: readonly CategoryCount[];
  /** The categories most mentioned by detractors (by detractorCount, at most `top`, only those mentioned). */
  readonly topAmongDetractors: readonly CategoryCount[];
  /** Counts per period, chronological; `counts` in taxonomy order. */
  readonly byPeriod: readonly FeedbackPeriod[];
  /** Per item with text (when `includeItems`): input index, id, categories and the keywords that matched. */
  readonly items: readonly CategorizedItem[];
  /** Items left out because of bad input. */
  readonly excluded: number;
  /** Their issues, with paths. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * Category counts of one period.
 *
 * @example
 * ```ts
 * // { period: '2024-05', start: '2024-05-01', withText: 310, counts: [{ category: 'delivery', count: 52 }, ...] }
 * ```
 */
export interface FeedbackPeriod {
  /** Period key (`2024-05`, `2024-Q2`...). */
  readonly period: string;
  /** First day of the period (ISO date). */
  readonly start: string;
  /** Items with text in the period. */
  readonly withText: number;
  /** Count per category, in taxonomy order. */
  readonly counts: readonly CategoryTally[];
}

/**
 * How many items of a period fall in a category.
 *
 * @example
 * ```ts
 * const tally: CategoryTally = { category: 'delivery', count: 52 };
 * ```
 */
export interface CategoryTally {
  /** Category id. */
  readonly category: string;
  /** Items in the category. */
  readonly count: number;
}

/**
 * One categorised item.
 *
 * @example
 * ```ts
 * // { index: 17, id: 'S0000018', categories: ['delivery'], matches: [{ category: 'delivery', keywords: ['快递'] }] }
 * ```
 */
export interface CategorizedItem {
  /** Index in the input array. */
  readonly index: number;
  /** The record's id. */
  readonly id: string;
  /** Category ids, in taxonomy order. */
  readonly categories: readonly string[];
  /** The keywords that matched, per category. */
  readonly matches: readonly KeywordHits[];
}

function isSurveyResponse(item: SurveyResponse | Complaint): item is SurveyResponse {
  return 'respondedAt' in item;
}

/**
 * Categorises the comments of survey responses (`comment`) and/or the texts of complaints (`text`) with a
 * taxonomy (multi-label), and counts categories overall, per period (`respondedAt` / `openedAt`), and among
 * detractors (survey responses with NPS ≤ 6). Items that are not objects, with a non-string text or an invalid
 * instant are reported and excluded.
 *
 * @example
 * ```ts
 * const taxonomy = { categories: [{ id: 'delivery', keywords: ['delivery', 'late', '快递', '物流'] }, { id: 'service', keywords: ['rude', 'staff', '客服'] }] };
 * const result = categorizeFeedback(responses, { taxonomy, unit: 'month' });
 * // result.categories → [{ category: 'delivery', count: 412, share: 0.21, detractorCount: 160, lift: 1.8 }, ...]
 * ```
 */
export function categorizeFeedback(items: readonly (SurveyResponse | Complaint)[], options: CategorizeFeedbackOptions): FeedbackResult {
  if (!Array.isArray(items)) programmerError('items must be an array');
  const taxonomy = compileTaxonomy(options.taxonomy);
  const unit = options.unit ?? 'month';
  checkTimeZone(options.timeZone);
  const top = options.top ?? 5;
  const detractorMax = options.detractorMax ?? 6;
  if (!(Number.isInteger(top) && top >= 0)) programmerError(`top must be a non-negative integer, got ${String(top)}`);
  const root = options.root ?? 'feedback';
  const level = resolveLevel(options.level);
  const includeItems = options.includeItems ?? true;
  const k = taxonomy.categories.length;
  const indexOfCategory = new Map(taxonomy.categories.map((c, i) => [c.id, i]));
  const counts = new Array<number>(k).fill(0);
  const detractorCounts = new Array<number>(k).fill(0);
  const periods = new Map<number, { withText: number; counts: number[] }>();
  const issues: ValidationIssue[] = [];
  const itemResults: CategorizedItem[] = [];
  let excluded = 0;
  let withText = 0;
  let withoutText = 0;
  let uncategorized = 0;
  let detractors = 0;
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    const path = joinPath(root, i);
    if (item === null || typeof item !== 'object') {
      issues.push(makeIssue(path, 'survey response or complaint object', item));
      excluded++;
      continue;
    }
    const record = item as SurveyResponse | Complaint;
    const survey = isSurveyResponse(record);
    const textField = survey ? 'comment' : 'text';
    const text: unknown = survey ? record.comment : record.text;
    const at: unknown = survey ? record.respondedAt : record.openedAt;
    let ok = true;
    if (text !== undefined && typeof text !== 'string') {
      issues.push(makeIssue(joinPath(path, textField), 'string', text));
      ok = false;
    }
    if (!(typeof at === 'number' && Number.isFinite(at) && Math.abs(at) <= 8.64e15)) {
      issues.push(makeIssue(joinPath(path, survey ? 'respondedAt' : 'openedAt'), 'instant (epoch milliseconds)', at));
      ok = false;
    }
    if (!ok) {
      excluded++;
      continue;
    }
    if (typeof text !== 'string' || text.trim() === '') {
      withoutText++;
      continue;
    }
    withText++;
    const match = matchCategories(text, taxonomy);
    const score: unknown = survey ? record.nps : undefined;
    const detractor = typeof score === 'number' && Number.isInteger(score) && score >= 0 && score <= detractorMax;
    if (detractor) detractors++;
    const start = startOfPeriod(calendarDay(at as number, options.timeZone), unit);
    let bucket = periods.get(start);
    if (bucket === undefined) {
      bucket = { withText: 0, counts: new Array<number>(k).fill(0) };
      periods.set(start, bucket);
    }
    bucket.withText++;
    if (match.categories.length === 0) uncategorized++;
    for (const id of match.categories) {
      const c = indexOfCategory.get(id)!;
      counts[c]!++;
      bucket.counts[c]!++;
      if (detractor) detractorCounts[c]!++;
    }
    if (includeItems) itemResults.push({ index: i, id: record.id, categories: match.categories, matches: match.matches });
  }
  const categoryCounts: CategoryCount[] = taxonomy.categories.map((category, c) => {
    const share = withText > 0 ? counts[c]! / withText : 0;
    const detractorShare = detractors > 0 ? detractorCounts[c]! / detractors : 0;
    return {
      category: category.id,
      label: category.label,
      count: counts[c]!,
      share,
      shareInterval: wilsonInterval(counts[c]!, withText, level),
      detractorCount: detractorCounts[c]!,
      detractorShare,
      detractorShareInterval: wilsonInterval(detractorCounts[c]!, detractors, level),
      lift: share > 0 && detractors > 0 ? detractorShare / share : null,
    };
  });
  const position = new Map(categoryCounts.map((c, i) => [c.category, i]));
  const byCount = [...categoryCounts].sort((a, b) => b.count - a.count || position.get(a.category)! - position.get(b.category)!);
  const topAmongDetractors = [...categoryCounts]
    .filter((c) => c.detractorCount > 0)
    .sort((a, b) => b.detractorCount - a.detractorCount || position.get(a.category)! - position.get(b.category)!)
    .slice(0, top);
  const byPeriod = [...periods.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, bucket]) => ({
      period: periodKey(start, unit),
      start: isoDateOfDayNumber(start),
      withText: bucket.withText,
      counts: taxonomy.categories.map((category, c) => ({ category: category.id, count: bucket.counts[c]! })),
    }));
  return {
    taxonomyVersion: taxonomy.version,
    level,
    withText,
    withoutText,
    uncategorized,
    detractors,
    categories: byCount,
    topAmongDetractors,
    byPeriod,
    items: itemResults,
    excluded,
    issues,
  };
}
