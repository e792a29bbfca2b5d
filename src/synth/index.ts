/**
 * `clientele/synth`: seeded synthetic customer bases for demos, examples, tests and benchmarks — profiles with
 * duplicate and dirty source records, BG/NBD purchases with Gamma-Gamma spend, refunds, surveys, complaints,
 * engagement, and the ground truth to score churn and CLV methods against. Deterministic for a seed.
 *
 * @module
 */
export { generateCustomerBase } from './generate.js';
export { generateTransactionColumns } from './columns.js';
export {
  DEFAULT_SYNTH_PARAMETERS,
  resolveSynthOptions,
  validateSynthOptions,
  type BgNbdParameters,
  type DeclinePhaseParameters,
  type GammaGammaParameters,
  type IncludedOutputs,
  type ResolvedSynthOptions,
  type SourceDuplicationRates,
  type SynthOptions,
  type SynthParameterDefaults,
} from './options.js';
export { expectedPurchaseStatistics, solvePurchaseScale, type ExpectedPurchaseStatistics } from './expected.js';
export { syntheticCustomerId, syntheticOrderId, syntheticTransactionId } from './ids.js';
export type {
  ColumnarCustomerBase,
  CustomerBase,
  CustomerTruth,
  LatentColumns,
  SyntheticTransactionColumns,
  TransactionColumnsResult,
} from './types.js';
