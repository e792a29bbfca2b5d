/**
 * Transaction records built from the simulated rows: ids, currency, channel, and order lines (categories, SKUs,
 * quantities, discounts) that add up exactly to the row's amount in minor units. Lines and channels come from the
 * `lines` stream, so they never change the rows themselves.
 *
 * @module
 */
import { currencyExponent, type Rng, type Transaction, type TransactionLine } from '../core/index.js';
import { CATALOG, DISCOUNT_RATES, indexOfCumulative, PURCHASE_CHANNELS, SKU_CUMULATIVE_WEIGHTS } from './catalog.js';
import { syntheticOrderId, syntheticTransactionId } from './ids.js';
import type { ResolvedSynthOptions } from './options.js';
import type { PurchaseSimulation } from './purchases.js';
import { streamFor } from './streams.js';

const CHANNEL_WEIGHTS = PURCHASE_CHANNELS.map(([, w]) => w);
const CATEGORY_WEIGHTS = CATALOG.map((c) => c.weight);
/** Probability that an order uses the person's main channel. */
const MAIN_CHANNEL_SHARE = 0.75;
/** Probability that a line is from one of the person's two favourite categories. */
const FAVOURITE_CATEGORY_SHARE = 0.6;
/** Most lines per order. */
const MAX_LINES = 6;
/** Scratch space of {@link orderLines} (synchronous, so one buffer serves every call). */
const WEIGHT_SCRATCH = new Float64Array(MAX_LINES);
const PART_SCRATCH = new Float64Array(MAX_LINES);

/**
 * Splits an order value (integer minor units) into lines whose nets `quantity × unitPrice − discount` sum exactly to
 * it. Each line has at least one minor unit; discounted lines get a list price above their net.
 *
 * @example
 * ```ts
 * const lines = orderLines(createRng(1), 4599, 100, [0, 3], 0.2);
 * lines.reduce((s, l) => s + Math.round(l.quantity * l.unitPrice * 100) - Math.round((l.discount ?? 0) * 100), 0) //=> 4599
 * ```
 */
export function orderLines(
  rng: Rng,
  amountMinor: number,
  minorPerMajor: number,
  favourites: readonly number[],
  discountedLineShare: number,
): TransactionLine[] {
  const count = Math.max(1, Math.min(MAX_LINES, 1 + rng.poisson(0.7), amountMinor));
  const weights = WEIGHT_SCRATCH;
  const parts = PART_SCRATCH;
  let total = 0;
  for (let k = 0; k < count; k++) {
    weights[k] = rng.exponential(1);
    total += weights[k]!;
  }
  const spare = amountMinor - count;
  let assigned = 0;
  for (let k = 0; k < count; k++) {
    parts[k] = 1 + Math.floor((spare * weights[k]!) / total);
    assigned += parts[k]!;
  }
  parts[0] = parts[0]! + amountMinor - assigned;
  const lines: TransactionLine[] = [];
  for (let k = 0; k < count; k++) {
    const net = parts[k]!;
    const useFavourite = favourites.length > 0 && rng.uniform() < FAVOURITE_CATEGORY_SHARE;
    const category = CATALOG[useFavourite ? rng.pick(favourites) : rng.weightedIndex(CATEGORY_WEIGHTS)]!;
    const sku = category.skus[indexOfCumulative(SKU_CUMULATIVE_WEIGHTS, rng.uniform())]!;
    const q = rng.uniform();
    let quantity = q < 0.7 ? 1 : q < 0.9 ? 2 : q < 0.97 ? 3 : 4;
    if (rng.uniform() < discountedLineShare) {
      const rate = rng.pick(DISCOUNT_RATES);
      const gross = quantity * Math.ceil(Math.ceil(net / (1 - rate)) / quantity);
      if (gross > net) {
        lines.push({
          sku,
          category: category.category,
          quantity,
          unitPrice: gross / quantity / minorPerMajor,
          discount: (gross - net) / minorPerMajor,
        });
        continue;
      }
    }
    if (net % quantity !== 0) quantity = 1;
    lines.push({ sku, category: category.category, quantity, unitPrice: net / quantity / minorPerMajor });
  }
  return lines;
}

/**
 * Builds the transaction records of a simulation, row by row (row `i` → `transactions[i]`).
 *
 * @example
 * ```ts
 * const config = resolveSynthOptions({ seed: 1, customers: 10, asOf: '2025-01-01' });
 * const sim = simulatePurchases(config);
 * buildTransactions(sim, config, canonicalCustomerIds(10)).length === sim.rows //=> true
 * ```
 */
export function buildTransactions(sim: PurchaseSimulation, config: ResolvedSynthOptions, customerIds: readonly string[]): Transaction[] {
  const rng = streamFor(config.seed, 'lines');
  const minorPerMajor = 10 ** currencyExponent(config.currency);
  const currency = config.currency;
  const out = new Array<Transaction>(sim.rows);
  const rowChannel: string[] = [];
  for (let i = 0; i < sim.customers; i++) {
    const mainChannel = PURCHASE_CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS)]![0];
    const first = rng.weightedIndex(CATEGORY_WEIGHTS);
    const second = rng.weightedIndex(CATEGORY_WEIGHTS);
    const favourites = first === second ? [first] : [first, second];
    const customerId = customerIds[i]!;
    const start = sim.rowStart[i]!;
    const end = sim.rowStart[i + 1]!;
    rowChannel.length = 0;
    for (let row = start; row < end; row++) {
      const id = syntheticTransactionId(row);
      const occurredAt = sim.occurredAt[row]!;
      const amount = sim.amount[row]!;
      const orderId = syntheticOrderId(sim.orderNumber[row]!);
      if (sim.kind[row] === 1) {
        const purchaseRow = sim.refundOf[row]!;
        const channel = rowChannel[purchaseRow - start] ?? mainChannel;
        rowChannel.push(channel);
        const refundOf = syntheticTransactionId(purchaseRow);
        out[row] = { id, customerId, occurredAt, kind: 'refund', amount, currency, orderId, channel, refundOf };
      } else {
        const channel = rng.uniform() < MAIN_CHANNEL_SHARE ? mainChannel : PURCHASE_CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS)]![0];
        rowChannel.push(channel);
        const lines = orderLines(rng, Math.round(amount * minorPerMajor), minorPerMajor, favourites, config.discountedLineShare);
        out[row] = { id, customerId, occurredAt, kind: 'purchase', amount, currency, orderId, channel, lines };
      }
    }
  }
  return out;
}
