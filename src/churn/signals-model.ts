/**
 * Model-based signals from a fitted CLV model passed in as data: low probability alive, and expected purchases far
 * below the customer's historical pace.
 *
 * @module
 */
import { bgnbdDropoutProbability, bgnbdExpectedPurchases, bgnbdProbabilityAlive } from './bgnbd.js';
import type { SignalConfig } from './config.js';
import { ownValue, type BtydSummary, type ModelInput } from './inputs.js';
import type { PurchaseFacts } from './signals-purchase.js';
import { measure, report, type SignalSink } from './sink.js';

/**
 * The model's view of one customer: P(alive), expected purchases in the horizon and the probability of dropping
 * out within it (`NaN` when unknown).
 *
 * @example
 * ```ts
 * const view: ModelView = { probabilityAlive: 0.4, expectedPurchases: 0.3, dropoutProbability: 0.12 };
 * ```
 */
export interface ModelView {
  readonly probabilityAlive: number;
  readonly expectedPurchases: number;
  readonly dropoutProbability: number;
}

/**
 * Reads (per-customer input) or computes (BG/NBD input) the model's view of one customer. For BG/NBD the summary
 * comes from `model.summaries` or is derived from the purchase facts in the model's time unit: x = distinct
 * purchase days − 1, tx = (last − first) / unit, T = (asOfDay − first) / unit.
 *
 * @example
 * ```ts
 * modelView({ kind: 'per-customer', horizonDays: 90, values: { c1: { probabilityAlive: 0.3 } } }, 'c1', facts, asOfDay)
 * //=> { probabilityAlive: 0.3, expectedPurchases: NaN, dropoutProbability: NaN }
 * ```
 */
export function modelView(model: ModelInput, customerId: string, facts: PurchaseFacts, asOfDay: number): ModelView {
  if (model.kind === 'per-customer') {
    const values = ownValue(model.values, customerId);
    return {
      probabilityAlive: values?.probabilityAlive ?? Number.NaN,
      expectedPurchases: values?.expectedPurchases ?? Number.NaN,
      dropoutProbability: values?.dropoutProbability ?? Number.NaN,
    };
  }
  let summary: BtydSummary | undefined = ownValue(model.summaries, customerId);
  if (summary === undefined && facts.purchaseDays > 0) {
    const unit = model.timeUnitDays;
    summary = { x: facts.purchaseDays - 1, tx: (facts.lastDay - facts.firstDay) / unit, T: (asOfDay - facts.firstDay) / unit };
  }
  if (summary === undefined) return { probabilityAlive: Number.NaN, expectedPurchases: Number.NaN, dropoutProbability: Number.NaN };
  const horizon = model.horizonDays / model.timeUnitDays;
  return {
    probabilityAlive: bgnbdProbabilityAlive(model.params, summary),
    expectedPurchases: bgnbdExpectedPurchases(model.params, summary, horizon),
    dropoutProbability: bgnbdDropoutProbability(model.params, summary, horizon),
  };
}

/**
 * Raises the model signals of one customer.
 *
 * - `model-low-p-alive`: value = P(alive) (lower is worse): the customer may already be lost.
 * - `model-dropout-risk`: value = probability that a still-active customer drops out within the horizon.
 * - `model-purchase-drop`: value = 1 − expected purchases in the horizon ÷ purchases at the customer's historical
 *   pace over the same horizon (distinct purchase days in the trailing `baselineDays`, over the days observed in it);
 *   needs at least `minBaselineDays` of tenure.
 *
 * @example
 * ```ts
 * modelSignals(sink, { probabilityAlive: 0.2, expectedPurchases: 0.1 }, facts, 90, asOfDay, DEFAULT_SIGNAL_CONFIG);
 * ```
 */
export function modelSignals(sink: SignalSink, view: ModelView, facts: PurchaseFacts, horizonDays: number, asOfDay: number, config: SignalConfig): void {
  const alive = view.probabilityAlive;
  if (alive >= 0 && alive <= 1) {
    const severity = measure(sink, 'model-low-p-alive', alive);
    if (severity !== undefined) {
      report(sink, 'model-low-p-alive', alive, severity, 'model-low-p-alive', { probabilityAlive: alive });
    }
  }
  const dropout = view.dropoutProbability;
  if (dropout >= 0 && dropout <= 1) {
    const severity = measure(sink, 'model-dropout-risk', dropout);
    if (severity !== undefined) report(sink, 'model-dropout-risk', dropout, severity, 'model-dropout-risk', { dropoutProbability: dropout, horizonDays });
  }
  const expected = view.expectedPurchases;
  if (!(expected >= 0) || facts.purchaseDays === 0) return;
  const observed = Math.min(config.purchases.baselineDays, asOfDay - facts.firstDay);
  if (observed < config.purchases.minBaselineDays) return;
  const pace = (facts.purchaseDaysTrailing / observed) * horizonDays;
  if (!(pace > 0)) return;
  const drop = 1 - expected / pace;
  const severity = measure(sink, 'model-purchase-drop', drop);
  if (severity !== undefined) {
    report(sink, 'model-purchase-drop', drop, severity, 'model-purchase-drop', {
      expectedPurchases: expected,
      purchasesAtPace: pace,
      horizonDays,
      observedDays: observed,
    });
  }
}
