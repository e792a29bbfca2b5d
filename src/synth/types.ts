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
 *   dropoutAt: Date.UTC(2024, 5, 1), declineStartAt: Date.UTC(2024, 2, 15), alive: false, purchaseRatePerDay: 0.02, dropoutProbability: 0.1, meanSpend: 42,
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
  /**
   * When the person dropped out, epoch ms: the moment they are gone for good (no purchase, engagement or survey of
   * theirs follows, apart from fading traces of engagement); may lie after `asOf`. In the BG/NBD process underneath
   * it is the instant of the purchase after which the person left; with a decline phase that purchase may itself have
   * been thinned out, so the last observed purchase can lie well before it.
   */
  readonly dropoutAt: number;
  /**
   * When the person's disengagement phase before dropout began, epoch ms (`dropoutAt` minus the phase length, which
   * is 60-120 days by default); equal to `dropoutAt` when the base was generated with `declinePhase: false`.
   */
  readonly declineStartAt: number;
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

/**
 * The latent truth of every person as parallel columns (index = person index, the order of
 * {@link TransactionColumnsResult.customerIds} and of `truth`).
 *
 * @example
 * ```ts
 * const { latent } = generateTransactionColumns({ seed: 1, customers: 100, asOf: '2025-01-01' });
 * latent.alive[0] === 1 // person 0 is still active at asOf
 * ```
 */
export interface LatentColumns {
  /** First purchase (acquisition) instant, epoch ms. */
  readonly acquiredAt: Float64Array;
  /** True dropout instant, epoch ms (may lie after `asOf`); see {@link CustomerTruth.dropoutAt}. */
  readonly dropoutAt: Float64Array;
  /** Start of the disengagement phase before dropout, epoch ms (`dropoutAt` without a decline phase). */
  readonly declineStartAt: Float64Array;
  /** 1 when `dropoutAt > asOf`, else 0. */
  readonly alive: Uint8Array;
  /** Latent purchase rate λ per day. */
  readonly purchaseRatePerDay: Float64Array;
  /** Latent dropout probability p after each repeat purchase. */
  readonly dropoutProbability: Float64Array;
  /** Latent mean order value p/ν, major units. */
  readonly meanSpend: Float64Array;
  /** Latent satisfaction in [−1, 1]. */
  readonly satisfaction: Float64Array;
}

/**
 * The generated transactions as columns: the core `ColumnarTransactions` shape with every column filled, plus
 * the person index and the refund link. Row `i` is the same transaction as `transactions[i]` of the record form:
 * `transactions[i].id === syntheticTransactionId(i)`, `transactions[i].orderId === syntheticOrderId(orderId[i])`.
 *
 * @example
 * ```ts
 * const { columns } = generateTransactionColumns({ seed: 1, customers: 1000, asOf: '2025-01-01' });
 * columns.amount.length === columns.customerId.length //=> true
 * ```
 */
export interface SyntheticTransactionColumns extends ColumnarTransactions {
  /** Canonical customer id of each row (one shared string per person, so this costs a pointer per row). */
  readonly customerId: string[];
  /** Person index of each row (index into `customerIds` / `truth`); a compact numeric customer key. */
  readonly customerIndex: Uint32Array;
  /** UTC day number of each row. */
  readonly day: Int32Array;
  /** Instant of each row, epoch ms. */
  readonly occurredAt: Float64Array;
  /** Amount of each row, major units, non-negative. */
  readonly amount: Float64Array;
  /** `KIND_PURCHASE` (0) or `KIND_REFUND` (1) per row. */
  readonly kind: Uint8Array;
  /** Order number of each row; a refund carries the order number of the purchase it refunds. */
  readonly orderId: Uint32Array;
  /** Row index of the refunded purchase for refund rows, −1 for purchases. */
  readonly refundOf: Int32Array;
}

/**
 * What {@link generateTransactionColumns} returns: the transaction columns, the canonical id of each person and the
 * latent truth as columns.
 *
 * @example
 * ```ts
 * const result: TransactionColumnsResult = generateTransactionColumns({ seed: 1, customers: 10, asOf: '2025-01-01' });
 * result.customerIds[0] //=> 'C0000001'
 * ```
 */
export interface TransactionColumnsResult {
  /** The observation date, epoch ms. */
  readonly asOf: number;
  /** Canonical customer id per person index. */
  readonly customerIds: string[];
  /** The transactions. */
  readonly columns: SyntheticTransactionColumns;
  /** Latent truth per person index. */
  readonly latent: LatentColumns;
}

/**
 * A generated customer base: source records with their dirt, transactions, survey responses, complaints, engagement
 * events, the ground truth per person and the observation date. Records use the core decoded types (instants in
 * epoch ms, amounts as numbers) and all pass the core decoders.
 *
 * @example
 * ```ts
 * const base: CustomerBase = generateCustomerBase({ seed: 'demo', customers: 1000, asOf: '2025-01-01' });
 * base.truth.length //=> 1000
 * ```
 */
export interface CustomerBase {
  /** The observation date, epoch ms. */
  readonly asOf: number;
  /** Source records (shop, then crm, store, support), several per person for some; see `truth[i].recordIds`. */
  readonly customers: Customer[];
  /** Purchases and refunds, grouped by person (person order), in time order within a person. */
  readonly transactions: Transaction[];
  /** Survey responses, grouped by person, in time order within a person. */
  readonly surveyResponses: SurveyResponse[];
  /** Complaints, grouped by person, in opening order within a person. */
  readonly complaints: Complaint[];
  /** Engagement events, grouped by person, in time order within a person. */
  readonly engagementEvents: EngagementEvent[];
  /** Ground truth, one entry per person, in person order. */
  readonly truth: CustomerTruth[];
  /** The transactions as columns, present when the base was generated with `columnar: true`. */
  readonly columns?: SyntheticTransactionColumns;
}

/**
 * A {@link CustomerBase} generated with `columnar: true`: `columns` is always present.
 *
 * @example
 * ```ts
 * const base: ColumnarCustomerBase = generateCustomerBase({ seed: 1, customers: 100, asOf: '2025-01-01', columnar: true });
 * base.columns.amount.length === base.transactions.length //=> true
 * ```
 */
export interface ColumnarCustomerBase extends CustomerBase {
  /** The transactions as columns (row i is `transactions[i]`). */
  readonly columns: SyntheticTransactionColumns;
}
