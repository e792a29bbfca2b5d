/**
 * The shape of a generated customer base (the contract other modules, tests, benchmarks and the demo rely on).
 *
 * @module
 */
import type { ColumnarTransactions, Complaint, Customer, EngagementEvent, SurveyResponse, Transaction } from '../core/index.js';

/**
 * What the generator knows about each person and no analysis can see: the basis for scoring churn and CLV methods.
 *
 * @example
 * ```ts
 * const truth: CustomerTruth = {
 *   customerId: 'C0000001', recordIds: ['C0000001', 'crm-0000001'], acquiredAt: Date.UTC(2023, 0, 5),
 *   dropoutAt: Date.UTC(2024, 5, 1), alive: false, purchaseRatePerDay: 0.02, dropoutProbability: 0.1, meanSpend: 42,
 *   satisfaction: 0.3,
 * };
 * ```
 */
export interface CustomerTruth {
  /** The person's canonical customer id (the id used by their transactions). */
  readonly customerId: string;
  /** Every source record id that belongs to this person (the canonical one first). */
  readonly recordIds: readonly string[];
  /** When the person became a customer (first purchase opportunity), epoch ms. */
  readonly acquiredAt: number;
  /** When the person dropped out (became inactive for good), epoch ms; may lie after `asOf`. */
  readonly dropoutAt: number;
  /** Whether the person is still active at `asOf` (`dropoutAt > asOf`). */
  readonly alive: boolean;
  /** The person's latent purchase rate (λ) per day while alive. */
  readonly purchaseRatePerDay: number;
  /** The person's latent probability (p) of dropping out after each purchase. */
  readonly dropoutProbability: number;
  /** The person's latent mean spend per order, major units. */
  readonly meanSpend: number;
  /** The person's latent satisfaction in [-1, 1] that drives survey answers and complaints. */
  readonly satisfaction: number;
}
