/**
 * The purchase models CLV can use, as plain data (`{ kind, params, timeUnit }`, e.g. a fitted model spread into
 * it), and the adapter that gives the CLV engine a uniform view of their predictions.
 *
 * @module
 */
import * as family from './beta-geometric.js';
import * as bgBb from './bg-bb.js';
import type { BgBbParams } from './bg-bb.js';
import * as bgNbd from './bg-nbd.js';
import type { BgNbdParams } from './bg-nbd.js';
import * as mbgNbd from './mbg-nbd.js';
import type { MbgNbdParams } from './mbg-nbd.js';
import * as paretoNbd from './pareto-nbd.js';
import type { ParetoNbdParams } from './pareto-nbd.js';
import type { TimeUnit } from './units.js';

/**
 * A customer's summary as the purchase models see it (for BG/BB: x transactions, last opportunity tx, T = n
 * opportunities).
 *
 * @example
 * ```ts
 * const summary: PurchaseHistory = { x: 2, tx: 30.43, T: 38.86 };
 * ```
 */
export interface PurchaseHistory {
  /** Repeat purchases. */
  readonly x: number;
  /** Age at the last purchase. */
  readonly tx: number;
  /** Age at the end of observation. */
  readonly T: number;
}

/**
 * Your own purchase model for CLV: the conditional expected number of purchases in (T, T + t] of a customer, and
 * optionally P(alive) (reported only) and an infinite-horizon continuously discounted expectation (DERT, rate δ per
 * time unit). Values are computed per customer (no caching), so keep the function fast.
 *
 * @example
 * ```ts
 * const custom: CustomPurchaseModel = {
 *   kind: 'custom',
 *   timeUnit: 'week',
 *   conditionalExpectedPurchases: (t, { x, T }) => ((x + 1) / (T + 10)) * t, // a toy rate model
 * };
 * ```
 */
export interface CustomPurchaseModel {
  /** Discriminator. */
  readonly kind: 'custom';
  /** Time unit of t, tx and T. */
  readonly timeUnit: TimeUnit;
  /** Expected purchases in the next t time units. */
  readonly conditionalExpectedPurchases: (t: number, customer: PurchaseHistory) => number;
  /** P(alive at T), reported in the output when given. */
  readonly probabilityAlive?: ((customer: PurchaseHistory) => number) | undefined;
  /** Discounted expected residual purchases with continuous rate δ (enables an infinite horizon). */
  readonly discountedExpectedResidualTransactions?: ((rate: number, customer: PurchaseHistory) => number) | undefined;
}

/**
 * The purchase model of a CLV computation: a fitted model's kind, parameters and time unit (plain data; spread a
 * fitted model into it), or a {@link CustomPurchaseModel}.
 *
 * @example
 * ```ts
 * const fitted = bgBb.fit(rows, { timeUnit: { days: 365.25 } });
 * const model: PurchaseModelSpec = { kind: 'bgBb', params: fitted.params, timeUnit: fitted.timeUnit };
 * ```
 */
export type PurchaseModelSpec = BgNbdPurchaseModel | ParetoNbdPurchaseModel | MbgNbdPurchaseModel | BgBbPurchaseModel | CustomPurchaseModel;

/**
 * A fitted BG/NBD model as CLV input (a `bgNbd.fit` result can be passed as it is).
 *
 * @example
 * ```ts
 * const model: BgNbdPurchaseModel = { kind: 'bgNbd', params: { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 }, timeUnit: 'week' };
 * ```
 */
export interface BgNbdPurchaseModel {
  /** Discriminator. */
  readonly kind: 'bgNbd';
  /** Fitted BG/NBD parameters. */
  readonly params: BgNbdParams;
  /** The model's time unit. */
  readonly timeUnit: TimeUnit;
}

/**
 * A fitted Pareto/NBD model as CLV input (a `paretoNbd.fit` result can be passed as it is).
 *
 * @example
 * ```ts
 * const model: ParetoNbdPurchaseModel = { kind: 'paretoNbd', params: { r: 0.5533, alpha: 10.578, s: 0.6062, beta: 11.669 }, timeUnit: 'week' };
 * ```
 */
export interface ParetoNbdPurchaseModel {
  /** Discriminator. */
  readonly kind: 'paretoNbd';
  /** Fitted Pareto/NBD parameters. */
  readonly params: ParetoNbdParams;
  /** The model's time unit. */
  readonly timeUnit: TimeUnit;
}

/**
 * A fitted MBG/NBD model as CLV input (an `mbgNbd.fit` result can be passed as it is).
 *
 * @example
 * ```ts
 * const model: MbgNbdPurchaseModel = { kind: 'mbgNbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, timeUnit: 'week' };
 * ```
 */
export interface MbgNbdPurchaseModel {
  /** Discriminator. */
  readonly kind: 'mbgNbd';
  /** Fitted MBG/NBD parameters. */
  readonly params: MbgNbdParams;
  /** The model's time unit. */
  readonly timeUnit: TimeUnit;
}

/**
 * A fitted BG/BB model as CLV input (time unit: one opportunity; customers' `T` is their number of opportunities n).
 *
 * @example
 * ```ts
 * const model: BgBbPurchaseModel = { kind: 'bgBb', params: { alpha: 1.2035, beta: 0.7497, gamma: 0.6568, delta: 2.7837 }, timeUnit: { days: 365.25 } };
 * ```
 */
export interface BgBbPurchaseModel {
  /** Discriminator. */
  readonly kind: 'bgBb';
  /** Fitted BG/BB parameters. */
  readonly params: BgBbParams;
  /** Length of one opportunity. */
  readonly timeUnit: TimeUnit;
}

/**
 * What the CLV engine needs from a purchase model.
 *
 * @example
 * ```ts
 * const adapter: PurchaseModelAdapter = purchaseModelAdapter({ kind: 'bgBb', params, timeUnit: { days: 365.25 } });
 * adapter.conditionalExpectedPurchases(5, 4, 5, 6);
 * ```
 */
export interface PurchaseModelAdapter {
  /** Whether time is counted in discrete opportunities (BG/BB). */
  readonly discreteTime: boolean;
  /**
   * Whether E[purchases in (T, T+t] | x, t_x, T] = P(alive | x, t_x, T) · g(x, T, t) holds, so the engine may cache
   * g per (x, T).
   */
  readonly factorizes: boolean;
  /** P(alive at T); NaN when the model does not provide it. */
  readonly probabilityAlive: (x: number, tx: number, T: number) => number;
  /** Conditional expected purchases in the next t time units. */
  readonly conditionalExpectedPurchases: (t: number, x: number, tx: number, T: number) => number;
  /** Infinite-horizon discounted expected purchases (rate per time unit: δ, or an effective rate per opportunity for BG/BB). */
  readonly discountedResidual?: ((rate: number, x: number, tx: number, T: number) => number) | undefined;
}

/** The prediction functions bgNbd, paretoNbd and mbgNbd have in common, over their own parameter type P. */
interface ContinuousTimeModel<P> {
  readonly probabilityAlive: (params: P, customer: PurchaseHistory) => number;
  readonly conditionalExpectedPurchases: (params: P, t: number, customer: PurchaseHistory) => number;
  readonly discountedExpectedResidualTransactions: (params: P, customer: PurchaseHistory, options: { readonly discountRate: number }) => number;
}

function continuousTimeAdapter<P>(model: ContinuousTimeModel<P>, params: P): PurchaseModelAdapter {
  // Taken out of the namespace once: bundlers expose namespace members through getters.
  const { probabilityAlive, conditionalExpectedPurchases, discountedExpectedResidualTransactions } = model;
  return {
    discreteTime: false,
    factorizes: true,
    probabilityAlive: (x, tx, T) => probabilityAlive(params, { x, tx, T }),
    conditionalExpectedPurchases: (t, x, tx, T) => conditionalExpectedPurchases(params, t, { x, tx, T }),
    discountedResidual: (rate, x, tx, T) => discountedExpectedResidualTransactions(params, { x, tx, T }, { discountRate: rate }),
  };
}

/**
 * BG/NBD and MBG/NBD: as {@link continuousTimeAdapter}, but DERT through the batch evaluator of the family, whose
 * hypergeometric tables are shared by every customer with the same x for the life of the adapter (one CLV call).
 */
function betaGeometricAdapter(model: ContinuousTimeModel<family.BetaGeometricParams>, params: family.BetaGeometricParams, offset: family.Offset): PurchaseModelAdapter {
  const base = continuousTimeAdapter(model, params);
  const givenAlive = family.discountedPurchasesGivenAlive(params, offset);
  const probabilityAlive = base.probabilityAlive;
  return {
    ...base,
    discountedResidual: (rate, x, tx, T) => {
      if (!(rate > 0)) throw new RangeError('[clientele] the continuous discount rate must be > 0');
      const alive = probabilityAlive(x, tx, T);
      return alive === 0 ? 0 : alive * givenAlive(x, T, rate);
    },
  };
}

/**
 * Builds the {@link PurchaseModelAdapter} of a purchase-model spec.
 *
 * @example
 * ```ts
 * const adapter = purchaseModelAdapter({ kind: 'bgBb', params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }, timeUnit: { days: 365.25 } });
 * adapter.discreteTime //=> true
 * ```
 */
export function purchaseModelAdapter(spec: PurchaseModelSpec): PurchaseModelAdapter {
  switch (spec.kind) {
    case 'bgNbd':
      return betaGeometricAdapter(bgNbd, spec.params, 0);
    case 'paretoNbd':
      return continuousTimeAdapter(paretoNbd, spec.params);
    case 'mbgNbd':
      return betaGeometricAdapter(mbgNbd, spec.params, 1);
    case 'bgBb': {
      const params = spec.params;
      const { probabilityAlive, conditionalExpectedPurchases, discountedExpectedResidualTransactions } = bgBb;
      const now = { periodsAhead: 0 };
      return {
        discreteTime: true,
        factorizes: true,
        probabilityAlive: (x, tx, n) => probabilityAlive(params, { x, tx, n }, now),
        conditionalExpectedPurchases: (t, x, tx, n) => conditionalExpectedPurchases(params, t, { x, tx, n }),
        discountedResidual: (rate, x, tx, n) => discountedExpectedResidualTransactions(params, { x, tx, n }, { discountRate: rate }),
      };
    }
    case 'custom': {
      const probability = spec.probabilityAlive;
      const residual = spec.discountedExpectedResidualTransactions;
      return {
        discreteTime: false,
        factorizes: false,
        probabilityAlive: (x, tx, T) => (probability === undefined ? Number.NaN : probability({ x, tx, T })),
        conditionalExpectedPurchases: (t, x, tx, T) => spec.conditionalExpectedPurchases(t, { x, tx, T }),
        discountedResidual: residual === undefined ? undefined : (rate, x, tx, T) => residual(rate, { x, tx, T }),
      };
    }
    default:
      throw new RangeError(`[clientele] unknown purchase model kind ${JSON.stringify((spec as { kind?: unknown }).kind)}`);
  }
}
