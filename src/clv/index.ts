/**
 * `clientele/clv`: customer-lifetime value and "buy till you die" models.
 *
 * @module
 */
export * from './units.js';
export * from './fit.js';
export * as bgBb from './bg-bb.js';
export type {
  BgBbAliveOptions,
  BgBbColumns,
  BgBbDiscountOptions,
  BgBbFitOptions,
  BgBbFrequencyOptions,
  BgBbHistory,
  BgBbHistoryColumns,
  BgBbModel,
  BgBbParams,
  BgBbRow,
  BgBbSimulation,
  BgBbSimulationOptions,
} from './bg-bb.js';
export * as gammaGamma from './gamma-gamma.js';
export type {
  CalibrationSpendColumns,
  CalibrationSpendRow,
  CalibrationSpendSummary,
  GammaGammaColumns,
  GammaGammaData,
  GammaGammaDataCheck,
  GammaGammaFitOptions,
  GammaGammaModel,
  GammaGammaParams,
  GammaGammaRow,
  GammaGammaWarning,
  SpendHistory,
} from './gamma-gamma.js';
export * as sbg from './sbg.js';
export type { SbgCohort, SbgDiscountOptions, SbgFitOptions, SbgModel, SbgParams } from './sbg.js';
export * from './lifetime-value.js';
export * from './data.js';
export * from './summary.js';
export type { SimulatedPurchases, SimulationOptions } from './simulate-purchases.js';
export * as bgNbd from './bg-nbd.js';
export type { BgNbdModel, BgNbdParams } from './bg-nbd.js';
export * as paretoNbd from './pareto-nbd.js';
export type { ParetoNbdModel, ParetoNbdParams } from './pareto-nbd.js';
export * as mbgNbd from './mbg-nbd.js';
export type { MbgNbdModel, MbgNbdParams } from './mbg-nbd.js';
export * from './checking.js';
export type { RejectedRows } from './row-screening.js';
