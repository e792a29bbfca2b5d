/**
 * The columnar fast path: only the purchase process runs, and its typed arrays are returned as they are.
 *
 * @module
 */
import { syntheticCustomerId } from './ids.js';
import { resolveSynthOptions, type ResolvedSynthOptions, type SynthOptions } from './options.js';
import { simulatePurchases, type PurchaseSimulation } from './purchases.js';
import type { SyntheticTransactionColumns, TransactionColumnsResult } from './types.js';

/**
 * The canonical customer ids of persons 0..n−1.
 *
 * @example
 * ```ts
 * canonicalCustomerIds(2) //=> ['C0000001', 'C0000002']
 * ```
 */
export function canonicalCustomerIds(count: number): string[] {
  const ids = new Array<string>(count);
  for (let i = 0; i < count; i++) ids[i] = syntheticCustomerId(i);
  return ids;
}

/**
 * Wraps a simulation's rows as {@link SyntheticTransactionColumns} (the typed arrays are shared, not copied).
 *
 * @example
 * ```ts
 * const sim = simulatePurchases(resolveSynthOptions({ seed: 1, customers: 10, asOf: '2025-01-01' }));
 * columnsFromSimulation(sim, canonicalCustomerIds(10)).amount === sim.amount //=> true
 * ```
 */
export function columnsFromSimulation(sim: PurchaseSimulation, customerIds: readonly string[]): SyntheticTransactionColumns {
  const customerId = new Array<string>(sim.rows);
  const index = sim.customerIndex;
  for (let row = 0; row < sim.rows; row++) customerId[row] = customerIds[index[row]!]!;
  return {
    customerId,
    customerIndex: sim.customerIndex,
    day: sim.day,
    occurredAt: sim.occurredAt,
    amount: sim.amount,
    kind: sim.kind,
    orderId: sim.orderNumber,
    refundOf: sim.refundOf,
  };
}

/**
 * The columnar fast path: generates only the transactions of a base (and the latent truth), as typed arrays, without
 * building profiles, records, surveys, complaints or events. The rows are exactly those of
 * `generateCustomerBase(sameOptions).transactions` (same seed and options → same rows, same order). Options are
 * validated like {@link generateCustomerBase}'s (a `RangeError` lists every issue).
 *
 * @example
 * ```ts
 * const { columns, latent, customerIds } = generateTransactionColumns({ seed: 7, customers: 100_000, asOf: '2025-01-01' });
 * columns.amount.length // ≈ 1.04M rows (purchases and refunds)
 * ```
 */
export function generateTransactionColumns(options: SynthOptions): TransactionColumnsResult {
  return transactionColumnsOf(resolveSynthOptions(options));
}

/**
 * {@link generateTransactionColumns} for already resolved options.
 *
 * @example
 * ```ts
 * transactionColumnsOf(resolveSynthOptions({ seed: 7, customers: 10, asOf: '2025-01-01' })).customerIds.length //=> 10
 * ```
 */
export function transactionColumnsOf(config: ResolvedSynthOptions): TransactionColumnsResult {
  const sim = simulatePurchases(config);
  const customerIds = canonicalCustomerIds(config.customers);
  return { asOf: config.asOf, customerIds, columns: columnsFromSimulation(sim, customerIds), latent: sim.latent };
}
