/**
 * Maximum-likelihood fitting shared by every CLV model: optimisation on log-parameters (all model parameters are
 * positive), several starting points, an optional L2 penalty, standard errors from the observed information, AIC
 * and BIC. Non-convergence is a result, not an exception.
 *
 * @module
 */
import { invertSymmetric, minimize, numericalHessian } from '../core/index.js';
import type { TimeUnit } from './units.js';

/**
 * Options every model's `fit` accepts.
 *
 * @example
 * ```ts
 * const options: FitOptions = { penalty: 0.001, initialParams: { r: 0.5, alpha: 5, a: 1, b: 2 } };
 * ```
 */
export interface FitOptions {
  /**
   * L2 penalty on the parameters, as in Python lifetimes: the objective is −LL/N + penalty·Σθ² (N = total weight),
   * so penalties are interchangeable with lifetimes' `penalizer_coef`. Default 0 (plain MLE).
   */
  readonly penalty?: number;
  /** A starting point (natural parameters); tried first. */
  readonly initialParams?: Readonly<Record<string, number>>;
  /** Iteration limit per optimiser run (default 1000). */
  readonly maxIterations?: number;
}

/**
 * A fitted model: parameters, fit statistics and the time unit the parameters are expressed in.
 *
 * @example
 * ```ts
 * const fitted: FittedModel<{ r: number; alpha: number; a: number; b: number }> = bgNbd.fit(data, { timeUnit: 'week' });
 * fitted.params.r // 0.2426 on CDNOW
 * ```
 */
export interface FittedModel<P extends Record<string, number>> {
  /** Maximum-likelihood (or penalised) parameter estimates. */
  readonly params: P;
  /** Log-likelihood at the estimates (unpenalised, summed over customers with their weights). */
  readonly logLikelihood: number;
  /** Whether the optimiser met a convergence criterion. */
  readonly converged: boolean;
  /** Optimiser iterations over all starts. */
  readonly iterations: number;
  /** Asymptotic standard errors (delta method from the log-parameter information matrix); NaN when singular. */
  readonly standardErrors: P;
  /** Akaike information criterion, 2k − 2LL. */
  readonly aic: number;
  /** Bayesian information criterion, k·ln N − 2LL. */
  readonly bic: number;
  /** Number of observations (sum of weights). */
  readonly observations: number;
  /** The time unit the rate parameters are expressed in. */
  readonly timeUnit: TimeUnit;
  /** The optimiser's account of how it stopped. */
  readonly message: string;
}

/** What a model supplies to {@link fitMaximumLikelihood}. */
export interface LikelihoodSpec<P extends Record<string, number>> {
  /** Parameter names in vector order. */
  readonly names: readonly (keyof P & string)[];
  /** Total log-likelihood (weighted sum) at natural parameters θ; may return NaN/−Infinity where infeasible. */
  readonly logLikelihood: (theta: readonly number[]) => number;
  /** Gradient of the total log-likelihood with respect to θ (natural parameters), when known analytically. */
  readonly gradient?: (theta: readonly number[]) => number[];
  /**
   * Hessian of the total log-likelihood with respect to θ (natural parameters), when known analytically; used
   * (with `gradient`) for the standard errors instead of finite differences of the gradient.
   */
  readonly hessian?: (theta: readonly number[]) => number[][];
  /** Starting points in natural parameters, tried in order until one converges (then the best is kept). */
  readonly starts: readonly (readonly number[])[];
  /**
   * Gradient tolerance of the optimiser: the largest |∂f/∂uᵢ| accepted as converged, f = −ℓ/N + penalty·Σθ² in
   * log-parameters u. Default 1e−9. Warm-started fits on large data, whose gradient cannot get below its rounding
   * noise (a few 1e−9 for a million customers), pass 1e−7.
   */
  readonly gradientTolerance?: number;
  /** Sum of weights (number of customers or observations). */
  readonly observations: number;
  /** The data's time unit, carried into the result. */
  readonly timeUnit: TimeUnit;
}

/**
 * Fits a model by maximum likelihood on log-parameters. Tries each start (and `options.initialParams` first);
 * stops at the first converged run unless a later start finds a better optimum among those tried.
 *
 * @example
 * ```ts
 * // Exponential rate of observed gaps 1, 2, 3: MLE λ = 1/2
 * const gaps = [1, 2, 3];
 * const fitted = fitMaximumLikelihood<{ rate: number }>({
 *   names: ['rate'],
 *   logLikelihood: ([rate]) => gaps.reduce((s, g) => s + Math.log(rate!) - rate! * g, 0),
 *   starts: [[1]],
 *   observations: 3,
 *   timeUnit: 'day',
 * });
 * fitted.params.rate //≈ 0.5
 * ```
 */
export function fitMaximumLikelihood<P extends Record<string, number>>(
  spec: LikelihoodSpec<P>,
  options: FitOptions = {},
): FittedModel<P> {
  const k = spec.names.length;
  const n = spec.observations;
  const penalty = options.penalty ?? 0;
  const scale = n > 0 ? n : 1;
  const objective = (logTheta: readonly number[]): number => {
    const theta = logTheta.map(Math.exp);
    const ll = spec.logLikelihood(theta);
    if (!Number.isFinite(ll)) return Number.POSITIVE_INFINITY;
    let pen = 0;
    for (const v of theta) pen += v * v;
    return -ll / scale + penalty * pen;
  };
  const gradient =
    spec.gradient === undefined
      ? undefined
      : (logTheta: readonly number[]): number[] => {
          const theta = logTheta.map(Math.exp);
          const g = spec.gradient!(theta);
          return theta.map((v, i) => (-g[i]! / scale + 2 * penalty * v) * v);
        };
  const starts: (readonly number[])[] = [];
  if (options.initialParams !== undefined) {
    starts.push(spec.names.map((name) => options.initialParams?.[name] ?? 1));
  }
  starts.push(...spec.starts);
  let best: ReturnType<typeof minimize> | undefined;
  let iterations = 0;
  for (const start of starts) {
    if (start.some((v) => !(v > 0))) continue;
    const result = minimize(objective, start.map(Math.log), {
      ...(gradient === undefined ? {} : { gradient }),
      maxIterations: options.maxIterations ?? 1000,
      gradientTolerance: spec.gradientTolerance ?? 1e-9,
      functionTolerance: 1e-15,
    });
    iterations += result.iterations;
    if (best === undefined || (Number.isFinite(result.value) && result.value < best.value - 1e-12)) best = result;
    if (best.converged) break;
  }
  if (best === undefined) throw new RangeError('[clientele] no valid (positive) starting point');
  const theta = best.x.map(Math.exp);
  const logLikelihood = spec.logLikelihood(theta);
  // Observed information of the unpenalised total log-likelihood in log-parameters.
  const negLlLog = (logTheta: readonly number[]): number => -spec.logLikelihood(logTheta.map(Math.exp));
  const negGradLog =
    spec.gradient === undefined
      ? undefined
      : (logTheta: readonly number[]): number[] => {
          const th = logTheta.map(Math.exp);
          return spec.gradient!(th).map((g, i) => -g * th[i]!);
        };
  const analyticHessian = spec.hessian;
  const analyticGradient = spec.gradient;
  // In log-parameters u (θ = e^u): ∂²ℓ/∂uᵢ∂uⱼ = θᵢθⱼ ∂²ℓ/∂θᵢ∂θⱼ + [i = j] θᵢ ∂ℓ/∂θᵢ.
  const information =
    analyticHessian !== undefined && analyticGradient !== undefined
      ? ((): number[][] => {
          const h = analyticHessian(theta);
          const g = analyticGradient(theta);
          return h.map((row, i) => row.map((v, j) => -(theta[i]! * theta[j]! * v + (i === j ? theta[i]! * g[i]! : 0))));
        })()
      : numericalHessian(negLlLog, best.x, negGradLog);
  const covariance = invertSymmetric(information);
  const params = {} as Record<string, number>;
  const standardErrors = {} as Record<string, number>;
  spec.names.forEach((name, i) => {
    params[name] = theta[i]!;
    const variance = covariance?.[i]?.[i];
    standardErrors[name] = variance !== undefined && variance >= 0 ? theta[i]! * Math.sqrt(variance) : Number.NaN;
  });
  return {
    params: params as P,
    logLikelihood,
    converged: best.converged,
    iterations,
    standardErrors: standardErrors as P,
    aic: 2 * k - 2 * logLikelihood,
    bic: k * Math.log(Math.max(1, n)) - 2 * logLikelihood,
    observations: n,
    timeUnit: spec.timeUnit,
    message: best.message,
  };
}
