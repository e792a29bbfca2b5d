/**
 * The product catalogue order lines draw from: categories with their SKUs (precomputed strings, so no string is
 * formatted per line) and popularity weights.
 *
 * @module
 */

/**
 * A product category and its SKUs, most popular first.
 *
 * @example
 * ```ts
 * CATALOG[0]!.skus[0] //=> 'APP-001'
 * ```
 */
export interface CatalogCategory {
  /** Category label (the `category` of a line). */
  readonly category: string;
  /** SKUs of the category; earlier ones sell more (Zipf-like popularity). */
  readonly skus: readonly string[];
  /** Relative share of lines in this category for a person without a preference. */
  readonly weight: number;
}

/** SKUs per category. */
const SKUS_PER_CATEGORY = 40;

const category = (label: string, code: string, weight: number): CatalogCategory => ({
  category: label,
  weight,
  skus: Array.from({ length: SKUS_PER_CATEGORY }, (_, i) => `${code}-${String(i + 1).padStart(3, '0')}`),
});

/**
 * The categories of the generated shop.
 *
 * @example
 * ```ts
 * CATALOG.map((c) => c.category).slice(0, 3) //=> ['apparel', 'shoes', 'accessories']
 * ```
 */
export const CATALOG: readonly CatalogCategory[] = [
  category('apparel', 'APP', 20),
  category('shoes', 'SHO', 10),
  category('accessories', 'ACC', 10),
  category('home', 'HOM', 12),
  category('beauty', 'BEA', 12),
  category('electronics', 'ELE', 8),
  category('books', 'BOO', 8),
  category('toys', 'TOY', 6),
  category('sports', 'SPO', 7),
  category('food', 'FOO', 7),
];

/**
 * Cumulative Zipf weights (exponent 1) over the SKU positions of a category, ending at 1.
 *
 * @example
 * ```ts
 * SKU_CUMULATIVE_WEIGHTS[SKU_CUMULATIVE_WEIGHTS.length - 1] //=> 1
 * ```
 */
export const SKU_CUMULATIVE_WEIGHTS: readonly number[] = (() => {
  let total = 0;
  for (let i = 1; i <= SKUS_PER_CATEGORY; i++) total += 1 / i;
  let running = 0;
  return Array.from({ length: SKUS_PER_CATEGORY }, (_, i) => {
    running += 1 / (i + 1);
    return i === SKUS_PER_CATEGORY - 1 ? 1 : running / total;
  });
})();

/**
 * Index of the first cumulative weight above `u` (u in [0, 1)): sampling from cumulative weights.
 *
 * @example
 * ```ts
 * indexOfCumulative([0.5, 1], 0.7) //=> 1
 * ```
 */
export function indexOfCumulative(cumulative: readonly number[], u: number): number {
  for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return i;
  return cumulative.length - 1;
}

/**
 * Discount rates offered on discounted lines.
 *
 * @example
 * ```ts
 * DISCOUNT_RATES.includes(0.2) //=> true
 * ```
 */
export const DISCOUNT_RATES: readonly number[] = [0.1, 0.15, 0.2, 0.25, 0.3, 0.5];

/**
 * Purchase channels with relative weights (a person's main channel is drawn from these).
 *
 * @example
 * ```ts
 * PURCHASE_CHANNELS[0] //=> ['web', 50]
 * ```
 */
export const PURCHASE_CHANNELS: readonly (readonly [channel: string, weight: number])[] = [
  ['web', 50],
  ['app', 25],
  ['store', 15],
  ['marketplace', 7],
  ['phone', 3],
];
