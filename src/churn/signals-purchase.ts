/**
 * Purchase-history signals: recency overdue against the customer's own cadence (with a cohort fallback for
 * one-time buyers), and frequency / spend / average-order-value drops of the recent window against the baseline.
 *
 * @module
 */
import { regularizedGammaP } from '../core/index.js';
import type { SignalConfig } from './config.js';
import type { PurchaseIndex } from './history.js';
import { measure, report, type SignalSink } from './sink.js';

/**
 * One customer's purchase facts as of the analysis day (a reusable scratch object; the scan overwrites it).
 *
 * @example
 * ```ts
 * const facts = createPurchaseFacts();
 * scanPurchases(index, 0, DEFAULT_SIGNAL_CONFIG, facts);
 * facts.purchaseDays; // distinct days with a purchase
 * ```
 */
export interface PurchaseFacts {
  /** Distinct days with a purchase. */
  purchaseDays: number;
  /** Orders (rows of one order count once). */
  orders: number;
  /** First and last purchase day (`NaN` without purchases). */
  firstDay: number;
  lastDay: number;
  /** Orders in the recent window, the baseline window and the window just before the recent one. */
  ordersRecent: number;
  ordersBaseline: number;
  ordersPrevious: number;
  /** Gross purchase amounts in the recent and baseline windows. */
  grossRecent: number;
  grossBaseline: number;
  /** Net amounts (purchases − refunds) in the recent and baseline windows and the trailing `baselineDays`. */
  netRecent: number;
  netBaseline: number;
  netTrailing: number;
  /** Distinct purchase days in the trailing `baselineDays`. */
  purchaseDaysTrailing: number;
  /** Length of the baseline window in days (≤ 0 when the customer is too new). */
  baselineLength: number;
}

/**
 * A fresh, empty {@link PurchaseFacts}.
 *
 * @example
 * ```ts
 * createPurchaseFacts().orders //=> 0
 * ```
 */
export function createPurchaseFacts(): PurchaseFacts {
  return {
    purchaseDays: 0,
    orders: 0,
    firstDay: Number.NaN,
    lastDay: Number.NaN,
    ordersRecent: 0,
    ordersBaseline: 0,
    ordersPrevious: 0,
    grossRecent: 0,
    grossBaseline: 0,
    netRecent: 0,
    netBaseline: 0,
    netTrailing: 0,
    purchaseDaysTrailing: 0,
    baselineLength: 0,
  };
}

/**
 * Scans customer `k`'s rows of the index into `facts`. Windows (day numbers, `a = asOfDay`): recent
 * `[a − recentDays, end)`, previous `[a − 2·recentDays, a − recentDays)`, baseline
 * `[max(a − baselineDays, firstPurchaseDay), a − recentDays)`, trailing `[a − baselineDays, end)`.
 *
 * @example
 * ```ts
 * scanPurchases(index, 0, DEFAULT_SIGNAL_CONFIG, facts);
 * ```
 */
export function scanPurchases(index: PurchaseIndex, k: number, config: SignalConfig, facts: PurchaseFacts): void {
  const asOfDay = index.asOfDay;
  const recentStart = asOfDay - config.purchases.recentDays;
  const previousStart = recentStart - config.purchases.recentDays;
  const yearStart = asOfDay - config.purchases.baselineDays;
  const start = index.offsets[k]!;
  const end = index.offsets[k + 1]!;
  const day = index.day;
  const amount = index.amount;
  const refund = index.refund;
  const newOrder = index.newOrder;
  let purchaseDays = 0;
  let orders = 0;
  let firstDay = Number.NaN;
  let lastDay = Number.NaN;
  let ordersRecent = 0;
  let ordersBaseline = 0;
  let ordersPrevious = 0;
  let grossRecent = 0;
  let grossBaseline = 0;
  let netRecent = 0;
  let netBaseline = 0;
  let netTrailing = 0;
  let purchaseDaysTrailing = 0;
  for (let j = start; j < end; j++) {
    const d = day[j]!;
    const a = amount[j]!;
    if (refund[j] === 0) {
      if (d !== lastDay) {
        if (purchaseDays === 0) firstDay = d;
        purchaseDays++;
        lastDay = d;
        if (d >= yearStart) purchaseDaysTrailing++;
      }
      if (newOrder[j] === 1) {
        orders++;
        if (d >= recentStart) ordersRecent++;
        else if (d >= yearStart) ordersBaseline++;
        if (d >= previousStart && d < recentStart) ordersPrevious++;
      }
      if (d >= recentStart) grossRecent += a;
      else if (d >= yearStart) grossBaseline += a;
    }
    if (d >= recentStart) netRecent += a;
    else if (d >= yearStart) netBaseline += a;
    if (d >= yearStart) netTrailing += a;
  }
  facts.purchaseDays = purchaseDays;
  facts.orders = orders;
  facts.firstDay = firstDay;
  facts.lastDay = lastDay;
  facts.ordersRecent = ordersRecent;
  facts.ordersBaseline = ordersBaseline;
  facts.ordersPrevious = ordersPrevious;
  facts.grossRecent = grossRecent;
  facts.grossBaseline = grossBaseline;
  facts.netRecent = netRecent;
  facts.netBaseline = netBaseline;
  facts.netTrailing = netTrailing;
  facts.purchaseDaysTrailing = purchaseDaysTrailing;
  facts.baselineLength = purchaseDays === 0 ? 0 : recentStart - Math.max(yearStart, firstDay);
}

/**
 * The customer's purchase rate per day for the recency signal: (intervals + k) / (span + k · cohortGap), the
 * posterior mean of a Poisson rate under a Gamma prior worth `k` intervals at the cohort's typical gap
 * (`k = purchases.cadencePriorIntervals`). One-time buyers get the cohort rate. `NaN` when nothing is known.
 *
 * @example
 * ```ts
 * cadenceRate(5, 80, 30, 1) //=> 0.04545… ((4 + 1) intervals over 80 + 30 days: shrunk toward one per 30 days)
 * cadenceRate(1, 0, 30, 1) //=> 0.0333… (one-time buyer: the cohort rate)
 * ```
 */
export function cadenceRate(purchaseDays: number, spanDays: number, cohortGapDays: number | null, priorIntervals: number): number {
  const intervals = purchaseDays - 1;
  if (cohortGapDays !== null && priorIntervals > 0) return (intervals + priorIntervals) / (spanDays + priorIntervals * cohortGapDays);
  if (intervals >= 1 && spanDays > 0) return intervals / spanDays;
  if (cohortGapDays !== null && intervals === 0) return 1 / cohortGapDays;
  return Number.NaN;
}

/**
 * P(X ≤ k) for X ~ Poisson(μ): the chance of a count this low at the usual rate (1 − P(k + 1, μ), the regularised
 * incomplete gamma function).
 *
 * @example
 * ```ts
 * poissonLowerTail(0, 3) //≈ 0.0498
 * ```
 */
export function poissonLowerTail(k: number, mu: number): number {
  if (!(mu > 0)) return 1;
  return Math.min(1, Math.max(0, 1 - regularizedGammaP(k + 1, mu)));
}

/**
 * Raises the purchase-history signals of one customer from their facts.
 *
 * - `recency-overdue`: value = days since the last purchase × the cadence rate (i.e. ÷ expected gap); the reason
 *   states the Poisson probability exp(−value) of a gap at least this long at that pace.
 * - `frequency-drop` / `spend-drop`: value = 1 − recent ÷ (baseline × recentDays ÷ baselineLength), judged when
 *   the baseline predicts at least `minExpectedOrders` orders; the reason states the Poisson chance of so few orders.
 * - `aov-drop`: value = 1 − recent AOV ÷ baseline AOV.
 *
 * @example
 * ```ts
 * purchaseSignals(sink, facts, index.asOfDay, 45, DEFAULT_SIGNAL_CONFIG);
 * ```
 */
export function purchaseSignals(sink: SignalSink, facts: PurchaseFacts, asOfDay: number, cohortGapDays: number | null, config: SignalConfig): void {
  if (facts.purchaseDays === 0) return;
  const p = config.purchases;
  const daysSince = asOfDay - facts.lastDay;
  const span = facts.lastDay - facts.firstDay;
  const effectiveDays = span > 0 ? facts.purchaseDays : 1;
  const rate = cadenceRate(effectiveDays, span, cohortGapDays, p.cadencePriorIntervals);
  if (Number.isFinite(rate) && rate > 0) {
    const ratio = daysSince * rate;
    const severity = measure(sink, 'recency-overdue', ratio);
    if (severity !== undefined) {
      const own = effectiveDays >= 2;
      report(sink, 'recency-overdue', ratio, severity, own ? 'recency-overdue.own-cadence' : 'recency-overdue.cohort', {
        daysSinceLastPurchase: daysSince,
        expectedGapDays: 1 / rate,
        probabilityOfGap: Math.exp(-ratio),
        purchaseDays: facts.purchaseDays,
        basis: own ? 'own-cadence' : 'cohort',
      });
    }
  }
  const length = facts.baselineLength;
  if (length < p.minBaselineDays || facts.ordersBaseline < p.minBaselineOrders) return;
  const scale = p.recentDays / length;
  const expectedOrders = facts.ordersBaseline * scale;
  if (expectedOrders < p.minExpectedOrders) return;
  const frequencyDrop = 1 - facts.ordersRecent / expectedOrders;
  const frequencySeverity = measure(sink, 'frequency-drop', frequencyDrop);
  if (frequencySeverity !== undefined) {
    report(sink, 'frequency-drop', frequencyDrop, frequencySeverity, 'frequency-drop', {
      recentOrders: facts.ordersRecent,
      expectedOrders,
      change: -frequencyDrop,
      probability: poissonLowerTail(facts.ordersRecent, expectedOrders),
      baselineOrders: facts.ordersBaseline,
      baselineDays: length,
      previousWindowOrders: facts.ordersPrevious,
      windowDays: p.recentDays,
    });
  }
  const expectedSpend = facts.netBaseline * scale;
  if (expectedSpend > 0) {
    const spendDrop = 1 - facts.netRecent / expectedSpend;
    const spendSeverity = measure(sink, 'spend-drop', spendDrop);
    if (spendSeverity !== undefined) {
      report(sink, 'spend-drop', spendDrop, spendSeverity, 'spend-drop', {
        recentSpend: facts.netRecent,
        expectedSpend,
        change: -spendDrop,
        baselineSpend: facts.netBaseline,
        baselineDays: length,
        windowDays: p.recentDays,
      });
    }
  }
  if (facts.ordersRecent >= 1 && facts.grossBaseline > 0) {
    const recentAov = facts.grossRecent / facts.ordersRecent;
    const baselineAov = facts.grossBaseline / facts.ordersBaseline;
    const aovDrop = 1 - recentAov / baselineAov;
    const aovSeverity = measure(sink, 'aov-drop', aovDrop);
    if (aovSeverity !== undefined) {
      report(sink, 'aov-drop', aovDrop, aovSeverity, 'aov-drop', {
        recentAov,
        baselineAov,
        change: -aovDrop,
        recentOrders: facts.ordersRecent,
        baselineOrders: facts.ordersBaseline,
        windowDays: p.recentDays,
      });
    }
  }
}
