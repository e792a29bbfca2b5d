/**
 * Feedback taxonomies: categories with keywords and phrases in any language, compiled for matching.
 *
 * @module
 */
import { programmerError } from './options.js';
import { compileKeyword, containsKeyword, foldText, type CompiledKeyword } from './text.js';

/**
 * One category of a taxonomy: it applies when any keyword occurs and no `exclude` phrase does. Keywords are plain
 * text (a trailing `*` matches word prefixes in spaced scripts); they are not regular expressions.
 *
 * @example
 * ```ts
 * const delivery: FeedbackCategory = {
 *   id: 'delivery', label: 'Delivery', keywords: ['delivery', 'deliver*', 'shipping', 'courier', '物流', '快递', '配送'],
 * };
 * ```
 */
export interface FeedbackCategory {
  /** Stable identifier. */
  readonly id: string;
  /** Display label. Default: the id. */
  readonly label?: string;
  /** Keywords and phrases; at least one. */
  readonly keywords: readonly string[];
  /** Phrases that veto the category (e.g. `no problem` for a `problem` keyword). */
  readonly exclude?: readonly string[];
}

/**
 * A host-supplied taxonomy (JSON data; decode untrusted ones with `decodeTaxonomy`).
 *
 * @example
 * ```ts
 * const taxonomy: Taxonomy = {
 *   version: '2024-06',
 *   categories: [
 *     { id: 'delivery', keywords: ['delivery', 'late', '物流', '快递'] },
 *     { id: 'service', keywords: ['customer service', 'rude', '客服', '态度'] },
 *   ],
 * };
 * ```
 */
export interface Taxonomy {
  /** Version label, echoed in results. */
  readonly version?: string;
  /** The categories, in display order. */
  readonly categories: readonly FeedbackCategory[];
}

/**
 * A compiled taxonomy: folded keywords with their boundary rules. Plain data; compile once, match many texts.
 *
 * @example
 * ```ts
 * const compiled: CompiledTaxonomy = compileTaxonomy({ categories: [{ id: 'price', keywords: ['expensive', '贵'] }] });
 * ```
 */
export interface CompiledTaxonomy {
  /** Marks the compiled form. */
  readonly compiled: true;
  /** The taxonomy's version, or null. */
  readonly version: string | null;
  /** The compiled categories, in taxonomy order. */
  readonly categories: readonly CompiledCategory[];
}

/**
 * A category ready for matching.
 *
 * @example
 * ```ts
 * const category: CompiledCategory = compileTaxonomy({ categories: [{ id: 'price', keywords: ['贵'] }] }).categories[0];
 * ```
 */
export interface CompiledCategory {
  /** Identifier. */
  readonly id: string;
  /** Display label. */
  readonly label: string;
  /** Keywords that put a text in the category. */
  readonly keywords: readonly CompiledKeyword[];
  /** Phrases that veto it. */
  readonly exclude: readonly CompiledKeyword[];
}

/**
 * Compiles a taxonomy. Throws a `[clientele]` RangeError for a taxonomy passed in code with duplicate ids or a
 * category whose keywords all fold to nothing (decode untrusted taxonomies with `decodeTaxonomy` first).
 *
 * @example
 * ```ts
 * compileTaxonomy({ categories: [{ id: 'price', keywords: ['Expensive'] }] }).categories[0].keywords[0].text //=> 'expensive'
 * ```
 */
export function compileTaxonomy(taxonomy: Taxonomy | CompiledTaxonomy): CompiledTaxonomy {
  if ('compiled' in taxonomy) return taxonomy;
  const ids = new Set<string>();
  const categories = taxonomy.categories.map((category) => {
    if (typeof category.id !== 'string' || category.id === '') programmerError('every category needs a non-empty id');
    if (ids.has(category.id)) programmerError(`duplicate category id ${JSON.stringify(category.id)}`);
    ids.add(category.id);
    const keywords = category.keywords.map(compileKeyword).filter((k): k is CompiledKeyword => k !== undefined);
    if (keywords.length === 0) programmerError(`category ${JSON.stringify(category.id)} has no usable keyword`);
    const exclude = (category.exclude ?? []).map(compileKeyword).filter((k): k is CompiledKeyword => k !== undefined);
    return { id: category.id, label: category.label ?? category.id, keywords, exclude };
  });
  return { compiled: true, version: taxonomy.version ?? null, categories };
}

/**
 * The categories of one text and the keywords that put it there (multi-label, taxonomy order).
 *
 * @example
 * ```ts
 * const match: CategoryMatch = { categories: ['delivery'], matches: [{ category: 'delivery', keywords: ['快递'] }] };
 * ```
 */
export interface CategoryMatch {
  /** Category ids, in taxonomy order. */
  readonly categories: readonly string[];
  /** Per category, the keywords (as written in the taxonomy) that matched. */
  readonly matches: readonly KeywordHits[];
}

/**
 * The keywords of one category that matched a text.
 *
 * @example
 * ```ts
 * const hits: KeywordHits = { category: 'delivery', keywords: ['快递', 'late'] };
 * ```
 */
export interface KeywordHits {
  /** Category id. */
  readonly category: string;
  /** Matching keywords as written in the taxonomy. */
  readonly keywords: readonly string[];
}

/**
 * Categorises one text with a taxonomy: case-, width- and compatibility-folded substring matching, word
 * boundaries in spaced scripts, none in Chinese/Japanese/Thai...; a category applies when any keyword matches and
 * no exclude phrase does.
 *
 * @example
 * ```ts
 * const taxonomy = { categories: [{ id: 'delivery', keywords: ['delivery', '快递'] }, { id: 'price', keywords: ['expensive', '太贵'] }] };
 * matchCategories('ＤＥＬＩＶＥＲＹ slow, 而且太贵', taxonomy).categories //=> ['delivery', 'price']
 * ```
 */
export function matchCategories(text: string, taxonomy: Taxonomy | CompiledTaxonomy): CategoryMatch {
  const compiled = compileTaxonomy(taxonomy);
  const folded = foldText(text);
  const categories: string[] = [];
  const matches: KeywordHits[] = [];
  if (folded === '') return { categories, matches };
  for (const category of compiled.categories) {
    const hits = category.keywords.filter((keyword) => containsKeyword(folded, keyword)).map((keyword) => keyword.source);
    if (hits.length === 0) continue;
    if (category.exclude.some((phrase) => containsKeyword(folded, phrase))) continue;
    categories.push(category.id);
    matches.push({ category: category.id, keywords: hits });
  }
  return { categories, matches };
}
