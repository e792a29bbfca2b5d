/**
 * `generateCustomerBase`: the whole generated base, records and ground truth, optionally with the columnar form.
 *
 * @module
 */
import { canonicalCustomerIds, columnsFromSimulation } from './columns.js';
import { simulateComplaints } from './complaints.js';
import { simulateEngagement } from './engagement.js';
import { resolveSynthOptions, type ResolvedSynthOptions, type SynthOptions } from './options.js';
import { generatePeople } from './people.js';
import { simulatePurchases, type PurchaseSimulation } from './purchases.js';
import { simulateSurveys } from './surveys.js';
import { buildTransactions } from './transactions.js';
import type { ColumnarCustomerBase, CustomerBase, CustomerTruth } from './types.js';

/**
 * The ground truth of every person from a simulation and the record ids of each person.
 *
 * @example
 * ```ts
 * truthOf(sim, ids, recordIds)[0]!.customerId //=> 'C0000001'
 * ```
 */
export function truthOf(sim: PurchaseSimulation, customerIds: readonly string[], recordIds: readonly (readonly string[])[]): CustomerTruth[] {
  const latent = sim.latent;
  const truth = new Array<CustomerTruth>(sim.customers);
  for (let i = 0; i < sim.customers; i++) {
    truth[i] = {
      customerId: customerIds[i]!,
      recordIds: recordIds[i] ?? [customerIds[i]!],
      acquiredAt: latent.acquiredAt[i]!,
      dropoutAt: latent.dropoutAt[i]!,
      declineStartAt: latent.declineStartAt[i]!,
      alive: latent.alive[i] === 1,
      purchaseRatePerDay: latent.purchaseRatePerDay[i]!,
      dropoutProbability: latent.dropoutProbability[i]!,
      meanSpend: latent.meanSpend[i]!,
      satisfaction: latent.satisfaction[i]!,
    };
  }
  return truth;
}

/**
 * {@link generateCustomerBase} for already resolved options.
 *
 * @example
 * ```ts
 * customerBaseOf(resolveSynthOptions({ seed: 1, customers: 10, asOf: '2025-01-01' })).truth.length //=> 10
 * ```
 */
export function customerBaseOf(config: ResolvedSynthOptions): CustomerBase {
  const sim = simulatePurchases(config);
  const customerIds = canonicalCustomerIds(config.customers);
  const complaints = simulateComplaints(sim, config, customerIds);
  const people = generatePeople(sim, config, customerIds, complaints);
  const include = config.include;
  const base: CustomerBase = {
    asOf: config.asOf,
    customers: people.customers,
    transactions: include.transactions ? buildTransactions(sim, config, customerIds) : [],
    surveyResponses: include.surveyResponses ? simulateSurveys(sim, config, customerIds, complaints) : [],
    complaints: include.complaints ? complaints.records : [],
    engagementEvents: include.engagementEvents ? simulateEngagement(sim, config, customerIds, people.signupAt, people.emailConsent) : [],
    truth: truthOf(sim, customerIds, people.recordIds),
  };
  return config.columnar ? { ...base, columns: columnsFromSimulation(sim, customerIds) } : base;
}

/**
 * Generates a synthetic customer base: persons with profiles and duplicate, dirty source records; BG/NBD purchases
 * with Gamma-Gamma order values, order lines and refunds; survey responses and complaints that follow each person's
 * experience; engagement that fades before dropout; and the ground truth (true dropout time, latent rates, record
 * ids) per person. Deterministic for a seed and options on every platform. With `columnar: true` the result also
 * has `columns`, the same transactions as typed arrays.
 *
 * Throws a `RangeError` listing every issue when the options are invalid (use {@link validateSynthOptions} for
 * untrusted options).
 *
 * @example
 * ```ts
 * const base = generateCustomerBase({ seed: 'demo', customers: 20_000, asOf: '2025-01-01', columnar: true });
 * base.transactions.length // ≈ 208k (≈ 200k purchases + refunds)
 * base.columns.amount.length === base.transactions.length //=> true
 * base.truth.filter((t) => t.alive).length / base.truth.length //≈ 0.43
 * ```
 */
export function generateCustomerBase(options: SynthOptions & { readonly columnar: true }): ColumnarCustomerBase;
/**
 * Generates a synthetic customer base (see the overload with `columnar: true` for the full description).
 *
 * @example
 * ```ts
 * const base = generateCustomerBase({ seed: 1, customers: 1000, asOf: '2025-01-01' });
 * base.customers.length > 1000 //=> true (duplicates across sources)
 * ```
 */
export function generateCustomerBase(options: SynthOptions): CustomerBase;
export function generateCustomerBase(options: SynthOptions): CustomerBase {
  return customerBaseOf(resolveSynthOptions(options));
}
