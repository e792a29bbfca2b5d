/**
 * Warm starts for fits on large data (library-private): a systematic subsample of the compressed rows, whose optimum
 * is close to the full-data optimum, and quasi-Newton refinement of that optimum on the full data with the
 * subsample's curvature (the objectives are per-customer means, so their curvatures agree closely).
 *
 * @module
 */
import { invertSymmetric, numericalHessian } from '../core/index.js';
import type { PreparedData } from './prepare.js';

/** Rows above which fits start from the optimum of a subsample. */
export const WARM_START_ROWS = 15_000;

/**
 * A systematic subsample of the compressed rows (every k-th row, weights × k so totals are kept; the rows are
 * sorted by x, T, tx, so every part of the distribution is represented), or undefined when the data are small.
 */
export function subsample(data: PreparedData, rows: number): PreparedData | undefined {
  const n = data.x.length;
  if (n <= rows) return undefined;
  const k = Math.ceil(n / rows);
  const picked: number[] = [];
  for (let i = 0; i < n; i += k) picked.push(i);
  const groupStart: number[] = [];
  const groupX: number[] = [];
  picked.forEach((i, j) => {
    if (j === 0 || data.x[i] !== data.x[picked[j - 1]!]) {
      groupStart.push(j);
      groupX.push(data.x[i]!);
    }
  });
  groupStart.push(picked.length);
  return {
    ...data,
    x: Float64Array.from(picked, (i) => data.x[i]!),
    tx: Float64Array.from(picked, (i) => data.tx[i]!),
    T: Float64Array.from(picked, (i) => data.T[i]!),
    weight: Float64Array.from(picked, (i) => data.weight[i]! * k),
    tIndex: Int32Array.from(picked, (i) => data.tIndex[i]!),
    txIndex: Int32Array.from(picked, (i) => data.txIndex[i]!),
    groupStart: Int32Array.from(groupStart),
    groupX: Float64Array.from(groupX),
  };
}

/** The parts of a likelihood the refinement needs (natural parameters θ; totals over the weighted rows). */
export interface RefinableLikelihood {
  readonly logLikelihood: (theta: readonly number[]) => number;
  readonly gradient: (theta: readonly number[]) => number[];
  readonly observations: number;
}

/**
 * Minimises f(u) = −ℓ(e^u)/N + penalty·Σe^(2u) on the full data from the subsample optimum θ₀, with steps
 * −H⁻¹∇f(u) where H is the Hessian of the subsample's f at θ₀ (finite differences of its analytic gradient); steps
 * that do not decrease f are halved (near the optimum, where f changes by less than its rounding error, a step that
 * shrinks the gradient without raising f beyond that error is kept). Stops when ‖∇f‖∞ < 1e−10 (below the
 * optimiser's own test, 1e−9), after 30 steps, when a full step fails with ‖∇f‖∞ already below 1e−7 (the rounding
 * floor), or when no step helps; the caller then runs the optimiser from the
 * returned point, which confirms the optimum at once. Each step costs one full-data evaluation of ℓ and its gradient
 * (the likelihoods compute both together).
 */
export function refineWithSubsampleCurvature(
  full: RefinableLikelihood,
  sample: RefinableLikelihood,
  theta0: readonly number[],
  penalty: number,
): { theta: number[]; iterations: number; gradientNorm: number } {
  /** f and ∇f in log-parameters for one data set. */
  const inLogs = (spec: RefinableLikelihood) => ({
    value: (u: readonly number[]): number => {
      const theta = u.map(Math.exp);
      let pen = 0;
      for (const v of theta) pen += v * v;
      return -spec.logLikelihood(theta) / spec.observations + penalty * pen;
    },
    gradient: (u: readonly number[]): number[] => {
      const theta = u.map(Math.exp);
      const g = spec.gradient(theta);
      return theta.map((v, i) => (-g[i]! / spec.observations + 2 * penalty * v) * v);
    },
  });
  let u = theta0.map(Math.log);
  const onSample = inLogs(sample);
  const inverse = invertSymmetric(numericalHessian(onSample.value, u, onSample.gradient));
  if (inverse === undefined) return { theta: theta0.slice(), iterations: 0, gradientNorm: Number.POSITIVE_INFINITY };
  const onFull = inLogs(full);
  const objective = onFull.value;
  let value = objective(u);
  let gradient = onFull.gradient(u);
  let iterations = 0;
  const norm = (g: readonly number[]): number => Math.max(...g.map(Math.abs));
  for (; iterations < 30 && norm(gradient) >= 1e-10; iterations++) {
    const current = gradient;
    const step = inverse.map((row) => -row.reduce((sum, hij, j) => sum + hij * current[j]!, 0));
    // Near the optimum f changes by less than its rounding error (|f|·1e−15): there a full step is accepted when it
    // does not raise f beyond that noise and shrinks the gradient.
    const next = u.map((v, i) => v + step[i]!);
    const nextValue = objective(next);
    const nextGradient = onFull.gradient(next);
    const noise = 1e-14 * Math.abs(value);
    if (nextValue <= value || (nextValue <= value + noise && norm(nextGradient) < norm(current))) {
      u = next;
      value = nextValue;
      gradient = nextGradient;
      continue;
    }
    // Already within the accepted tolerance: the full step failed only because of rounding noise.
    if (norm(current) < 1e-7) break;
    let scale = 1;
    let accepted = false;
    while (scale > 1e-4) {
      scale /= 2;
      const shorter = u.map((v, i) => v + scale * step[i]!);
      const shorterValue = objective(shorter);
      if (shorterValue <= value) {
        u = shorter;
        value = shorterValue;
        gradient = onFull.gradient(shorter);
        accepted = true;
        break;
      }
    }
    if (!accepted) break;
  }
  return { theta: u.map(Math.exp), iterations, gradientNorm: norm(gradient) };
}
