/**
 * L2-regularised logistic regression fitted by BFGS (core `minimize`) with the analytic gradient; standard errors
 * from the inverse of the penalised Hessian.
 *
 * @module
 */
import { invertSymmetric, minimize } from '../core/index.js';

/**
 * Options of {@link fitLogisticRegression}.
 *
 * @example
 * ```ts
 * const options: LogisticOptions = { l2: 1, maxIterations: 200 };
 * ```
 */
export interface LogisticOptions {
  /** L2 penalty λ on the coefficients (not the intercept): objective = −log-likelihood + λ/2 · Σβ² (default 1). */
  readonly l2?: number;
  /** Iteration limit (default 500). */
  readonly maxIterations?: number;
  /** Centre of the L2 penalty per coefficient (default 0): the fit shrinks toward these weights instead of 0. */
  readonly priorCoefficients?: readonly number[];
}

/**
 * A fitted logistic regression.
 *
 * @example
 * ```ts
 * const fit: LogisticFit = { intercept: -1, coefficients: [2], standardErrors: [0.05, 0.07], logLikelihood: -5000, converged: true, iterations: 12 };
 * ```
 */
export interface LogisticFit {
  /** b₀. */
  readonly intercept: number;
  /** β, one per feature column. */
  readonly coefficients: number[];
  /** Standard errors of [intercept, ...coefficients] from the penalised Hessian (`NaN` when singular). */
  readonly standardErrors: number[];
  /** Log-likelihood at the optimum (without the penalty). */
  readonly logLikelihood: number;
  /** Whether BFGS converged. */
  readonly converged: boolean;
  /** BFGS iterations. */
  readonly iterations: number;
}

function log1pExp(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/**
 * Fits P(y = 1 | x) = 1 / (1 + exp(−(b₀ + x·β))) by penalised maximum likelihood (penalty λ/2 · Σ(β − β₀)², β₀ =
 * `priorCoefficients` or 0; the intercept is not penalised). `features` is row-major (`rows × width`), `outcomes`
 * 0/1 (or booleans).
 *
 * @example
 * ```ts
 * const x = Float64Array.from([0, 0, 1, 1]);
 * const fit = fitLogisticRegression(x, 1, [0, 1, 1, 1], { l2: 0.01 });
 * fit.coefficients[0]; // positive
 * ```
 */
export function fitLogisticRegression(
  features: ArrayLike<number>,
  width: number,
  outcomes: ArrayLike<number | boolean>,
  options: LogisticOptions = {},
): LogisticFit {
  const rows = outcomes.length;
  if (features.length !== rows * width) throw new RangeError('[clientele] features must have rows × width entries');
  const lambda = options.l2 ?? 1;
  const centre = options.priorCoefficients;
  if (centre !== undefined && centre.length !== width) throw new RangeError('[clientele] priorCoefficients must have one entry per feature');
  const y = new Float64Array(rows);
  let positives = 0;
  for (let i = 0; i < rows; i++) {
    y[i] = outcomes[i] === true || outcomes[i] === 1 ? 1 : 0;
    positives += y[i]!;
  }
  const dim = width + 1;
  const eta = new Float64Array(rows);
  const linear = (beta: readonly number[]): void => {
    for (let i = 0; i < rows; i++) {
      let z = beta[0]!;
      const base = i * width;
      for (let c = 0; c < width; c++) z += beta[c + 1]! * features[base + c]!;
      eta[i] = z;
    }
  };
  const objective = (beta: readonly number[]): number => {
    linear(beta);
    let loss = 0;
    for (let i = 0; i < rows; i++) loss += log1pExp(eta[i]!) - y[i]! * eta[i]!;
    let penalty = 0;
    for (let c = 1; c < dim; c++) penalty += (beta[c]! - (centre?.[c - 1] ?? 0)) ** 2;
    return loss + 0.5 * lambda * penalty;
  };
  const gradient = (beta: readonly number[]): number[] => {
    linear(beta);
    const g = new Array<number>(dim).fill(0);
    for (let i = 0; i < rows; i++) {
      const z = eta[i]!;
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const r = p - y[i]!;
      g[0]! += r;
      const base = i * width;
      for (let c = 0; c < width; c++) g[c + 1]! += r * features[base + c]!;
    }
    for (let c = 1; c < dim; c++) g[c]! += lambda * (beta[c]! - (centre?.[c - 1] ?? 0));
    return g;
  };
  const rate = (positives + 0.5) / (rows + 1);
  const start = [0, ...(centre ?? new Array<number>(width).fill(0))];
  start[0] = Math.log(rate / (1 - rate));
  const result = minimize(objective, start, {
    gradient,
    method: 'bfgs',
    maxIterations: options.maxIterations ?? 500,
    gradientTolerance: 1e-7 * Math.max(1, rows),
  });
  const beta = result.x;
  linear(beta);
  const hessian: number[][] = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  let logLikelihood = 0;
  const x = new Float64Array(dim);
  for (let i = 0; i < rows; i++) {
    const z = eta[i]!;
    logLikelihood += y[i]! * z - log1pExp(z);
    const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    const w = p * (1 - p);
    x[0] = 1;
    const base = i * width;
    for (let c = 0; c < width; c++) x[c + 1] = features[base + c]!;
    for (let a = 0; a < dim; a++) {
      const wa = w * x[a]!;
      if (wa === 0) continue;
      const row = hessian[a]!;
      for (let b = a; b < dim; b++) row[b]! += wa * x[b]!;
    }
  }
  for (let a = 0; a < dim; a++) {
    if (a > 0) hessian[a]![a]! += lambda;
    for (let b = 0; b < a; b++) hessian[a]![b] = hessian[b]![a]!;
  }
  const inverse = invertSymmetric(hessian);
  const standardErrors = beta.map((_, a) => {
    const v = inverse?.[a]?.[a];
    return v !== undefined && v > 0 ? Math.sqrt(v) : Number.NaN;
  });
  return {
    intercept: beta[0]!,
    coefficients: beta.slice(1),
    standardErrors,
    logLikelihood,
    converged: result.converged,
    iterations: result.iterations,
  };
}
