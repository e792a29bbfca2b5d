/**
 * Customer lifetime value: the discounted expected margin of a customer's future purchases over a horizon, from a
 * fitted purchase model (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, or your own expectation function) and a spend model
 * (Gamma-Gamma or a fixed value per purchase).
 *
 * @module
 */
import { joinPath, makeIssue, type ValidationIssue } from '../core/index.js';
import { hasNumberColumns, isNumberColumn } from './column-input.js';
import { integrate } from './gauss-kronrod.js';
import { timeUnitDays, timeUnitName, type TimeUnit } from './units.js';
import { purchaseModelAdapter, type PurchaseModelAdapter, type PurchaseModelSpec } from './purchase-model-adapter.js';
import { expectedAverageSpend, type GammaGammaParams } from './gamma-gamma.js';

export type {
  BgBbPurchaseModel,
  BgNbdPurchaseModel,
  CustomPurchaseModel,
  MbgNbdPurchaseModel,
  ParetoNbdPurchaseModel,
  PurchaseHistory,
  PurchaseModelSpec,
} from './purchase-model-adapter.js';

/**
 * Spend from a fitted Gamma-Gamma model: each customer's conditional expected spend from its `x` and `meanSpend`.
 *
 * @example
 * ```ts
 * const spend: GammaGammaSpendModel = { kind: 'gammaGamma', params: { p: 6.2487, q: 3.7446, gamma: 15.448 } };
 * ```
 */
export interface GammaGammaSpendModel {
  /** Discriminator. */
  readonly kind: 'gammaGamma';
  /** Fitted Gamma-Gamma parameters. */
  readonly params: GammaGammaParams;
}

/**
 * One fixed value per purchase for everybody (1 gives discounted purchases; or an average order value).
 *
 * @example
 * ```ts
 * const perOrder: FixedSpendModel = { kind: 'fixed', spend: 40 };
 * ```
 */
export interface FixedSpendModel {
  /** Discriminator. */
  readonly kind: 'fixed';
  /** Value per purchase. */
  readonly spend: number;
}

/**
 * The spend side of CLV: a fitted Gamma-Gamma model or a fixed value per purchase.
 *
 * @example
 * ```ts
 * const spend: SpendModelSpec = { kind: 'gammaGamma', params: { p: 6.2487, q: 3.7446, gamma: 15.448 } };
 * ```
 */
export type SpendModelSpec = GammaGammaSpendModel | FixedSpendModel;

/**
 * One customer's summary for CLV: `x` repeat purchases, the last at age `tx`, observed for `T` (all in the purchase
 * model's time unit; for BG/BB: transactions, last opportunity, opportunities), and the mean repeat spend.
 *
 * @example
 * ```ts
 * const customer: ClvCustomer = { customerId: '1', x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 };
 * ```
 */
export interface ClvCustomer {
  /** Optional identifier (as in a calibration summary row), copied to the output. */
  readonly customerId?: string | number | undefined;
  /** Repeat purchases (purchase periods after the first). */
  readonly x: number;
  /** Age at the last purchase (0 when x = 0). */
  readonly tx: number;
  /** Age at the end of observation. */
  readonly T: number;
  /** Mean value of the repeat purchases (needed with a Gamma-Gamma spend model when x > 0). */
  readonly meanSpend?: number | undefined;
}

/**
 * Customers in columns (typed arrays welcome) for {@link customerLifetimeValueColumns}.
 *
 * @example
 * ```ts
 * const columns: ClvColumns = { x: new Float64Array([2, 0]), tx: new Float64Array([30.43, 0]), T: new Float64Array([38.86, 38.86]), meanSpend: new Float64Array([22.35, 0]) };
 * ```
 */
export interface ClvColumns {
  /** Repeat purchases. */
  readonly x: ArrayLike<number>;
  /** Age at last purchase. */
  readonly tx: ArrayLike<number>;
  /** Age at end of observation. */
  readonly T: ArrayLike<number>;
  /** Mean repeat spend (with a Gamma-Gamma spend model). */
  readonly meanSpend?: ArrayLike<number> | undefined;
  /** Time unit of tx and T when known (a calibration summary's columns carry it); must be the model's. */
  readonly timeUnit?: TimeUnit | undefined;
}

/**
 * Options of {@link customerLifetimeValue}. Every time is in the purchase model's time unit.
 *
 * Discounting:
 * - `discrete` (default, as lifetimes' `customer_lifetime_value`): the horizon is cut into steps of `stepLength`
 *   units; the purchases expected in step i are valued at its end t_i = i·stepLength and discounted by
 *   (1 + discountRate)^−t_i. `discountRate` is the effective rate per time unit.
 * - `continuous` (as CLVTools and Fader, Hardie & Lee's DERT): every purchase is discounted at its own time t by
 *   e^−δt with δ = `discountRate`, the continuously compounded rate per time unit (for an effective rate d use
 *   δ = ln(1 + d)). For BG/BB each opportunity k is a payment time, discounted e^−δk.
 *
 * An infinite horizon is available where a closed form exists: continuous discounting with a model that provides
 * DERT, and BG/BB (discrete with `stepLength` 1, or continuous).
 *
 * @example
 * ```ts
 * const options: CustomerLifetimeValueOptions = {
 *   purchaseModel: { kind: 'bgNbd', params: { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 }, timeUnit: 'week' },
 *   spendModel: { kind: 'gammaGamma', params: { p: 6.2487, q: 3.7446, gamma: 15.448 } },
 *   horizon: 52,
 *   discountRate: convertDiscountRate(0.1, { from: { days: 365.25 }, to: 'week' }), // 10% a year
 *   stepLength: 4.345,
 *   margin: 0.3,
 * };
 * ```
 */
export interface CustomerLifetimeValueOptions {
  /** The fitted purchase model (plain data) or a custom expectation function. */
  readonly purchaseModel: PurchaseModelSpec;
  /** The spend model. */
  readonly spendModel: SpendModelSpec;
  /** Horizon in model time units (> 0; `Infinity` where a closed form exists). */
  readonly horizon: number;
  /** Discount rate per model time unit (≥ 0); see the discounting modes above. */
  readonly discountRate: number;
  /** `discrete` (default) or `continuous`. */
  readonly discounting?: 'discrete' | 'continuous';
  /** Step length for discrete discounting, in model units (default 1; an integer for BG/BB). */
  readonly stepLength?: number;
  /** Margin applied to spend (a fraction such as 0.3; default 1, i.e. revenue). */
  readonly margin?: number;
}

/**
 * One customer's lifetime value and its parts.
 *
 * @example
 * ```ts
 * const clv: CustomerLifetimeValue = {
 *   index: 0, customerId: '1', value: 36.28, discountedPurchases: 1.47, expectedPurchases: 1.52, expectedSpend: 24.66, probabilityAlive: 0.47,
 * };
 * ```
 */
export interface CustomerLifetimeValue {
  /** Index of the customer in the input. */
  readonly index: number;
  /** The customer's id when given. */
  readonly customerId?: string | number;
  /** margin · expectedSpend · discountedPurchases. */
  readonly value: number;
  /** Discounted expected number of purchases over the horizon. */
  readonly discountedPurchases: number;
  /** Undiscounted expected number of purchases over the horizon; `null` for an infinite horizon. */
  readonly expectedPurchases: number | null;
  /** Expected value per purchase (before the margin). */
  readonly expectedSpend: number;
  /**
   * Probability that the customer is alive at the end of observation (BG/BB: after opportunity n); `null` for a
   * custom model without `probabilityAlive`.
   */
  readonly probabilityAlive: number | null;
}

/**
 * The settings a CLV computation used, echoed with the results so they explain themselves.
 *
 * @example
 * ```ts
 * const settings: ClvSettings = {
 *   purchaseModel: 'bgNbd', timeUnit: 'week', horizon: 52, discounting: 'discrete', discountRate: 0.0018, stepLength: 4.345, margin: 0.3,
 * };
 * ```
 */
export interface ClvSettings {
  /** Kind of purchase model. */
  readonly purchaseModel: PurchaseModelSpec['kind'];
  /** The purchase model's time unit (of horizon, rate and steps). */
  readonly timeUnit: TimeUnit;
  /** Horizon in time units; `null` when infinite. */
  readonly horizon: number | null;
  /** Discounting mode. */
  readonly discounting: 'discrete' | 'continuous';
  /** Discount rate per time unit (effective for discrete, continuously compounded for continuous). */
  readonly discountRate: number;
  /** Step length (discrete discounting). */
  readonly stepLength: number;
  /** Margin on spend. */
  readonly margin: number;
}

/**
 * Result of {@link customerLifetimeValue}: one entry per valid customer (input order), the rejected rows with their
 * issues, and the settings.
 *
 * @example
 * ```ts
 * const result: CustomerLifetimeValueResult = customerLifetimeValue(customers, options);
 * result.customers[0]?.value;
 * ```
 */
export interface CustomerLifetimeValueResult {
  /** The valid customers' values, in input order. */
  readonly customers: CustomerLifetimeValue[];
  /** Input indices of rejected customers, ascending. */
  readonly rejected: number[];
  /** Issues of the rejected customers (`customers[i].field`). */
  readonly issues: ValidationIssue[];
  /** The settings used. */
  readonly settings: ClvSettings;
}

/**
 * Result of {@link customerLifetimeValueColumns}: one value per input row (NaN for rejected rows).
 *
 * @example
 * ```ts
 * const result: CustomerLifetimeValueColumnsResult = customerLifetimeValueColumns(columns, options);
 * result.value[0];
 * ```
 */
export interface CustomerLifetimeValueColumnsResult {
  /** CLV per customer. */
  readonly value: Float64Array;
  /** Discounted expected purchases per customer. */
  readonly discountedPurchases: Float64Array;
  /** Undiscounted expected purchases per customer (omitted for an infinite horizon). */
  readonly expectedPurchases?: Float64Array;
  /** Expected spend per purchase per customer. */
  readonly expectedSpend: Float64Array;
  /** P(alive) per customer (NaN for a custom model without `probabilityAlive`). */
  readonly probabilityAlive: Float64Array;
  /** Input indices of rejected rows, ascending. */
  readonly rejected: number[];
  /** Issues of the rejected rows (`columns.field[i]`). */
  readonly issues: ValidationIssue[];
  /** The settings used. */
  readonly settings: ClvSettings;
}

/** Upper limit on the number of discrete discounting steps (each costs one evaluation per distinct (x, T)). */
const MAX_STEPS = 100_000;

interface Plan {
  readonly horizon: number;
  readonly discounting: 'discrete' | 'continuous';
  readonly rate: number;
  readonly stepLength: number;
  readonly margin: number;
}

/**
 * Converts an effective discount rate stated per one time unit into the equivalent effective rate per another:
 * (1 + rate)^(days(to)/days(from)) − 1.
 *
 * @example
 * ```ts
 * convertDiscountRate(0.1, { from: { days: 365.25 }, to: 'week' }) //≈ 0.001828 (10% a year, per week)
 * convertDiscountRate(0.01, { from: { days: 30 }, to: 'day' }) //≈ 0.000332 (1% per 30 days, per day)
 * ```
 */
export function convertDiscountRate(rate: number, units: { readonly from: TimeUnit; readonly to: TimeUnit }): number {
  if (!(rate > -1) || !Number.isFinite(rate)) throw new RangeError('[clientele] a discount rate must be a finite number > -1');
  return Math.expm1((timeUnitDays(units.to) / timeUnitDays(units.from)) * Math.log1p(rate));
}

function assertSameTimeUnit(dataUnit: TimeUnit | undefined, modelUnit: TimeUnit): void {
  if (dataUnit === undefined) return;
  if (timeUnitDays(dataUnit) !== timeUnitDays(modelUnit)) {
    throw new RangeError(
      `[clientele] the customers' time unit (${timeUnitName(dataUnit)}) differs from the purchase model's (${timeUnitName(modelUnit)}): summarise and fit in one unit`,
    );
  }
}

function makePlan(options: CustomerLifetimeValueOptions, adapter: PurchaseModelAdapter): Plan {
  const horizon = options.horizon;
  const discounting = options.discounting ?? 'discrete';
  const rate = options.discountRate;
  const stepLength = options.stepLength ?? 1;
  const margin = options.margin ?? 1;
  if (!(horizon > 0)) throw new RangeError('[clientele] horizon must be a positive number of model time units (or Infinity)');
  if (!(rate >= 0) || !Number.isFinite(rate)) throw new RangeError('[clientele] discountRate must be a finite number >= 0');
  if (!(stepLength > 0) || !Number.isFinite(stepLength)) throw new RangeError('[clientele] stepLength must be a finite positive number');
  if (!Number.isFinite(margin)) throw new RangeError('[clientele] margin must be a finite number');
  if (discounting !== 'discrete' && discounting !== 'continuous') throw new RangeError("[clientele] discounting must be 'discrete' or 'continuous'");
  if (adapter.discreteTime) {
    if (Number.isFinite(horizon) && !Number.isInteger(horizon)) throw new RangeError('[clientele] a BG/BB horizon is a whole number of opportunities');
    if (!Number.isInteger(stepLength)) throw new RangeError('[clientele] a BG/BB stepLength is a whole number of opportunities');
  }
  if (Number.isFinite(horizon) && discounting === 'discrete' && horizon / stepLength > MAX_STEPS) {
    throw new RangeError(`[clientele] horizon / stepLength exceeds ${MAX_STEPS} discounting steps`);
  }
  if (horizon === Number.POSITIVE_INFINITY) {
    if (rate === 0) throw new RangeError('[clientele] an infinite horizon needs a positive discount rate');
    if (adapter.discreteTime ? discounting === 'discrete' && stepLength !== 1 : discounting !== 'continuous' || adapter.discountedResidual === undefined) {
      throw new RangeError(
        '[clientele] an infinite horizon needs a closed form: continuous discounting with a model that provides DERT, or BG/BB with stepLength 1',
      );
    }
  }
  return { horizon, discounting, rate, stepLength, margin };
}

/**
 * Discounted and undiscounted expected purchases over the plan's horizon for one customer.
 */
function discountedExpectation(
  adapter: PurchaseModelAdapter,
  plan: Plan,
  x: number,
  tx: number,
  T: number,
): { discounted: number; expected: number } {
  const cet = (t: number): number => adapter.conditionalExpectedPurchases(t, x, tx, T);
  const { horizon, rate } = plan;
  if (horizon === Number.POSITIVE_INFINITY) {
    // BG/BB: DERT with an effective rate per opportunity; continuous-time models: DERT with δ.
    const perPeriod = adapter.discreteTime && plan.discounting === 'continuous' ? Math.expm1(rate) : rate;
    return { discounted: adapter.discountedResidual!(perPeriod, x, tx, T), expected: Number.NaN };
  }
  if (adapter.discreteTime || plan.discounting === 'discrete') {
    const step = adapter.discreteTime && plan.discounting === 'continuous' ? 1 : plan.stepLength;
    const logFactor = plan.discounting === 'continuous' ? -rate : -Math.log1p(rate);
    const steps = Math.ceil(horizon / step - 1e-9);
    let previous = 0;
    let discounted = 0;
    for (let i = 1; i <= steps; i++) {
      const t = Math.min(i * step, horizon);
      const current = cet(t);
      discounted += (current - previous) * Math.exp(logFactor * t);
      previous = current;
    }
    return { discounted, expected: previous };
  }
  // Continuous: ∫₀ᴴ e^{−δt} dCET(t) = e^{−δH}·CET(H) + δ·∫₀ᴴ e^{−δt}·CET(t) dt (integration by parts, CET(0) = 0).
  const atHorizon = cet(horizon);
  if (rate === 0) return { discounted: atHorizon, expected: atHorizon };
  const integral = integrate((t) => Math.exp(-rate * t) * cet(t), 0, horizon).value;
  return { discounted: Math.exp(-rate * horizon) * atHorizon + rate * integral, expected: atHorizon };
}

/** One customer's results; `expected` is NaN for an infinite horizon. Reused across customers (no allocation). */
interface Expectation {
  alive: number;
  discounted: number;
  expected: number;
}

interface PerAlive {
  readonly repAlive: number;
  readonly discounted: number;
  readonly expected: number;
}

/**
 * Computes values for many customers, using that every model's conditional expectation factorises as
 * P(alive | x, t_x, T) · g(x, T): the expectation given alive depends on (x, T) only (the posterior of the purchase
 * and dropout rates of a customer alive at T). g is computed once per distinct (x, T), from the customer with
 * t_x = T (where P(alive) is largest), and cached; each customer then costs one P(alive) (none when x = 0 or
 * t_x = T, where the representative is the customer). Discrete-time (BG/BB) histories take few distinct values, so
 * their results are cached per (x, t_x, n) outright. The returned function writes into `out`.
 */
function valueEngine(adapter: PurchaseModelAdapter, plan: Plan): (x: number, tx: number, T: number, out: Expectation) => void {
  const perAliveCache = new Map<number, Map<number, PerAlive | null>>();
  const probabilityAlive = adapter.probabilityAlive;
  const perAliveOf = (x: number, T: number): PerAlive | null => {
    let byT = perAliveCache.get(x);
    if (byT === undefined) {
      byT = new Map();
      perAliveCache.set(x, byT);
    }
    let perAlive = byT.get(T);
    if (perAlive === undefined) {
      const repTx = x > 0 ? T : 0;
      const repAlive = probabilityAlive(x, repTx, T);
      if (repAlive > 1e-200 && Number.isFinite(repAlive)) {
        const rep = discountedExpectation(adapter, plan, x, repTx, T);
        perAlive = { repAlive, discounted: rep.discounted / repAlive, expected: rep.expected / repAlive };
      } else perAlive = null;
      byT.set(T, perAlive);
    }
    return perAlive;
  };
  const compute = (x: number, tx: number, T: number, out: Expectation): void => {
    const perAlive = adapter.factorizes ? perAliveOf(x, T) : null;
    if (perAlive !== null) {
      const alive = x === 0 || tx === T ? perAlive.repAlive : probabilityAlive(x, tx, T);
      out.alive = alive;
      out.discounted = alive * perAlive.discounted;
      out.expected = alive * perAlive.expected;
      return;
    }
    const direct = discountedExpectation(adapter, plan, x, tx, T);
    out.alive = probabilityAlive(x, tx, T);
    out.discounted = direct.discounted;
    out.expected = direct.expected;
  };
  if (!adapter.discreteTime) return compute;
  // Integer histories below 2^17 pack into one exact numeric key.
  const tripleCache = new Map<number, Expectation>();
  const LIMIT = 131_072;
  return (x, tx, T, out) => {
    if (x >= LIMIT || tx >= LIMIT || T >= LIMIT) {
      compute(x, tx, T, out);
      return;
    }
    const key = (x * LIMIT + tx) * LIMIT + T;
    let cached = tripleCache.get(key);
    if (cached === undefined) {
      cached = { alive: 0, discounted: 0, expected: 0 };
      compute(x, tx, T, cached);
      tripleCache.set(key, cached);
    }
    out.alive = cached.alive;
    out.discounted = cached.discounted;
    out.expected = cached.expected;
  };
}

function settingsOf(spec: PurchaseModelSpec, plan: Plan): ClvSettings {
  return {
    purchaseModel: spec.kind,
    timeUnit: spec.timeUnit,
    horizon: Number.isFinite(plan.horizon) ? plan.horizon : null,
    discounting: plan.discounting,
    discountRate: plan.rate,
    stepLength: plan.stepLength,
    margin: plan.margin,
  };
}

/** The fast path of `checkCustomer`: true exactly when it would report no issue. */
function isValidCustomer(x: unknown, tx: unknown, T: unknown, meanSpend: unknown, discreteTime: boolean, needsSpend: boolean): boolean {
  if (typeof x !== 'number' || typeof tx !== 'number' || typeof T !== 'number') return false;
  if (!(x >= 0 && Number.isInteger(x) && tx >= 0 && tx <= T && T < Number.POSITIVE_INFINITY)) return false;
  if (discreteTime && !(Number.isInteger(tx) && Number.isInteger(T) && x <= tx)) return false;
  if (x === 0) return tx === 0;
  if (!(tx > 0)) return false;
  return !needsSpend || (typeof meanSpend === 'number' && meanSpend >= 0 && meanSpend < Number.POSITIVE_INFINITY);
}

function checkCustomer(
  x: unknown,
  tx: unknown,
  T: unknown,
  meanSpend: unknown,
  discreteTime: boolean,
  needsSpend: boolean,
  path: (field: string) => string,
  issues: ValidationIssue[],
): boolean {
  const before = issues.length;
  const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const isAge = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
  const ageExpected = discreteTime ? 'non-negative integer' : 'finite non-negative number';
  if (!isCount(x)) issues.push(makeIssue(path('x'), 'non-negative integer', x));
  if (!(discreteTime ? isCount(tx) : isAge(tx))) issues.push(makeIssue(path('tx'), ageExpected, tx));
  if (!(discreteTime ? isCount(T) : isAge(T))) issues.push(makeIssue(path('T'), ageExpected, T));
  if (issues.length === before) {
    const xv = x as number;
    const txv = tx as number;
    const Tv = T as number;
    if (txv > Tv) issues.push(makeIssue(path('tx'), `tx <= T (${Tv})`, tx));
    else if (xv === 0 && txv !== 0) issues.push(makeIssue(path('tx'), 'tx = 0 when x = 0', tx));
    else if (discreteTime && xv > txv) issues.push(makeIssue(path('x'), `x <= tx (${txv}) for BG/BB`, x));
    else if (!discreteTime && xv > 0 && !(txv > 0)) issues.push(makeIssue(path('tx'), 'tx > 0 when x > 0', tx));
  }
  if (needsSpend && x !== 0 && !(typeof meanSpend === 'number' && Number.isFinite(meanSpend) && meanSpend >= 0)) {
    issues.push(makeIssue(path('meanSpend'), 'finite non-negative mean spend (Gamma-Gamma spend model, x > 0)', meanSpend));
  }
  return issues.length === before;
}

function spendFunction(spec: SpendModelSpec): (x: number, meanSpend: number) => number {
  if (spec.kind === 'fixed') {
    if (!Number.isFinite(spec.spend)) throw new RangeError('[clientele] a fixed spend must be a finite number');
    const spend = spec.spend;
    return () => spend;
  }
  const params = spec.params;
  const populationMean = expectedAverageSpend(params);
  const { p, q, gamma } = params;
  return (x, mean) => (x === 0 ? populationMean : (p * (gamma + x * mean)) / (p * x + q - 1));
}

/**
 * Customer lifetime value: margin × expected spend per purchase × discounted expected purchases over the horizon,
 * for each customer, from a fitted purchase model and a spend model (see {@link CustomerLifetimeValueOptions} for
 * the discounting conventions). Invalid customers are reported in `rejected`/`issues`, never dropped silently.
 *
 * lifetimes' `GammaGammaFitter.customer_lifetime_value(model, ..., time=12, discount_rate=0.01, freq='D')` is
 * `discounting: 'discrete'`, `stepLength: 30`, `horizon: 360` and
 * `discountRate: convertDiscountRate(0.01, { from: { days: 30 }, to: 'day' })` on a daily model. CLVTools' DERT ×
 * mean spend is `discounting: 'continuous'`, `horizon: Infinity`, `discountRate: δ`.
 *
 * @example
 * ```ts
 * const result = customerLifetimeValue([{ customerId: '1', x: 2, tx: 30.43, T: 38.86, meanSpend: 22.35 }], {
 *   purchaseModel: { kind: 'bgNbd', params: { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 }, timeUnit: 'week' },
 *   spendModel: { kind: 'gammaGamma', params: { p: 6.2487, q: 3.7446, gamma: 15.448 } },
 *   horizon: 52, discountRate: 0.0018, stepLength: 4.345,
 * });
 * result.customers[0]?.value; // dollars of revenue over the next year, discounted
 * ```
 */
export function customerLifetimeValue(
  customers: readonly ClvCustomer[] | { readonly customers: readonly ClvCustomer[]; readonly timeUnit?: TimeUnit | undefined },
  options: CustomerLifetimeValueOptions,
): CustomerLifetimeValueResult {
  const isSummary = customers !== null && typeof customers === 'object' && !Array.isArray(customers) && 'customers' in customers;
  if (isSummary) assertSameTimeUnit(customers.timeUnit, options.purchaseModel.timeUnit);
  const list: unknown = isSummary ? customers.customers : customers;
  const root = isSummary ? 'customers.customers' : 'customers';
  const adapter = purchaseModelAdapter(options.purchaseModel);
  const plan = makePlan(options, adapter);
  const spendOf = spendFunction(options.spendModel);
  const needsSpend = options.spendModel.kind === 'gammaGamma';
  const engine = valueEngine(adapter, plan);
  const result: Expectation = { alive: 0, discounted: 0, expected: 0 };
  const out: CustomerLifetimeValue[] = [];
  const rejected: number[] = [];
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(list)) {
    return {
      customers: out,
      rejected,
      issues: [makeIssue(root, 'array of {x, tx, T, meanSpend?, customerId?} or a calibration summary', list)],
      settings: settingsOf(options.purchaseModel, plan),
    };
  }
  const rows = list as readonly unknown[];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object') {
      issues.push(makeIssue(joinPath(root, i), 'object {x, tx, T, meanSpend?}', row));
      rejected.push(i);
      continue;
    }
    const c = row as Record<string, unknown>;
    const customerId = c.customerId;
    if (customerId !== undefined && typeof customerId !== 'string' && !(typeof customerId === 'number' && Number.isFinite(customerId))) {
      issues.push(makeIssue(joinPath(joinPath(root, i), 'customerId'), 'string or finite number', customerId));
      rejected.push(i);
      continue;
    }
    // The fast check first: paths and issues are only built for rejected rows.
    if (!isValidCustomer(c.x, c.tx, c.T, c.meanSpend, adapter.discreteTime, needsSpend)) {
      const rowPath = joinPath(root, i);
      checkCustomer(c.x, c.tx, c.T, c.meanSpend, adapter.discreteTime, needsSpend, (field) => joinPath(rowPath, field), issues);
      rejected.push(i);
      continue;
    }
    const x = c.x as number;
    engine(x, c.tx as number, c.T as number, result);
    const expectedSpend = spendOf(x, (c.meanSpend as number | undefined) ?? 0);
    const value = plan.margin * expectedSpend * result.discounted;
    const expectedPurchases = Number.isNaN(result.expected) ? null : result.expected;
    const probabilityAlive = Number.isNaN(result.alive) ? null : result.alive;
    // Two literals rather than a spread: a million results are built without intermediate objects.
    out.push(
      customerId === undefined
        ? { index: i, value, discountedPurchases: result.discounted, expectedPurchases, expectedSpend, probabilityAlive }
        : { index: i, customerId, value, discountedPurchases: result.discounted, expectedPurchases, expectedSpend, probabilityAlive },
    );
  }
  return { customers: out, rejected, issues, settings: settingsOf(options.purchaseModel, plan) };
}

/**
 * Columnar {@link customerLifetimeValue} for large bases: typed arrays in, typed arrays out (aligned with the
 * input; rejected rows hold NaN and are listed in `rejected`). The conditional expectation is computed once per
 * distinct (x, T) pair and scaled by each customer's P(alive), so a million customers with day- or week-level ages
 * take well under a second.
 *
 * @example
 * ```ts
 * const result = customerLifetimeValueColumns(
 *   { x: new Float64Array([2, 0]), tx: new Float64Array([30.43, 0]), T: new Float64Array([38.86, 38.86]), meanSpend: new Float64Array([22.35, 0]) },
 *   { purchaseModel, spendModel, horizon: 52, discountRate: 0.0018 },
 * );
 * result.value; // Float64Array(2)
 * ```
 */
export function customerLifetimeValueColumns(columns: ClvColumns, options: CustomerLifetimeValueOptions): CustomerLifetimeValueColumnsResult {
  if (columns !== null && typeof columns === 'object') assertSameTimeUnit(columns.timeUnit, options.purchaseModel.timeUnit);
  const adapter = purchaseModelAdapter(options.purchaseModel);
  const plan = makePlan(options, adapter);
  const spendOf = spendFunction(options.spendModel);
  const needsSpend = options.spendModel.kind === 'gammaGamma';
  const engine = valueEngine(adapter, plan);
  const result: Expectation = { alive: 0, discounted: 0, expected: 0 };
  const wellFormed = hasNumberColumns(columns, ['x', 'tx', 'T']);
  const length = wellFormed ? columns.x.length : 0;
  const value = new Float64Array(length).fill(Number.NaN);
  const discountedPurchases = new Float64Array(length).fill(Number.NaN);
  const finite = Number.isFinite(plan.horizon);
  const expectedPurchases = finite ? new Float64Array(length).fill(Number.NaN) : undefined;
  const expectedSpend = new Float64Array(length).fill(Number.NaN);
  const probabilityAlive = new Float64Array(length).fill(Number.NaN);
  const rejected: number[] = [];
  const issues: ValidationIssue[] = [];
  const lengthIssues: ValidationIssue[] = [];
  if (!wellFormed) lengthIssues.push(makeIssue('columns', 'columns {x, tx, T, meanSpend?} (arrays or typed arrays)', columns));
  for (const field of ['tx', 'T', 'meanSpend'] as const) {
    const column = wellFormed ? columns[field] : undefined;
    if (column !== undefined && (!isNumberColumn(column) || column.length !== length)) {
      lengthIssues.push(makeIssue(joinPath('columns', field), `a column of length ${length}`, `length ${column.length}`));
    }
  }
  if (wellFormed && needsSpend && columns.meanSpend === undefined) lengthIssues.push(makeIssue('columns.meanSpend', 'a meanSpend column (Gamma-Gamma spend model)', undefined));
  if (lengthIssues.length > 0) {
    for (let i = 0; i < length; i++) rejected.push(i);
  } else {
    const { x: xs, tx: txs, T: Ts } = columns;
    const means = columns.meanSpend;
    for (let i = 0; i < length; i++) {
      const x = xs[i]!;
      const tx = txs[i]!;
      const T = Ts[i]!;
      const mean = means === undefined ? 0 : means[i]!;
      if (!isValidCustomer(x, tx, T, means?.[i], adapter.discreteTime, needsSpend)) {
        checkCustomer(x, tx, T, means?.[i], adapter.discreteTime, needsSpend, (field) => joinPath(joinPath('columns', field), i), issues);
        rejected.push(i);
        continue;
      }
      engine(x, tx, T, result);
      const spend = spendOf(x, mean);
      value[i] = plan.margin * spend * result.discounted;
      discountedPurchases[i] = result.discounted;
      if (expectedPurchases !== undefined) expectedPurchases[i] = result.expected;
      expectedSpend[i] = spend;
      probabilityAlive[i] = result.alive;
    }
  }
  issues.unshift(...lengthIssues);
  return {
    value,
    discountedPurchases,
    ...(expectedPurchases === undefined ? {} : { expectedPurchases }),
    expectedSpend,
    probabilityAlive,
    rejected,
    issues,
    settings: settingsOf(options.purchaseModel, plan),
  };
}
