/**
 * Relative importance of correlated predictors: how much of R² each one accounts for.
 *
 * - Shapley decomposition of R² (Lindeman, Merenda & Gold 1980 "LMG"; Grömping 2006, R `relaimpo`): each
 *   predictor's R² increment averaged over all orders of entry, exact through all 2^k subset regressions.
 * - Johnson's relative weights (Johnson 2000, Multivariate Behavioral Research 35(1)): regress on the closest
 *   orthogonal version of the predictors, Z = X(XᵀX)^−½, and map the weights back; a fast approximation of
 *   Shapley. Both sum to the full-model R².
 *
 * Inputs are correlations, so results do not depend on the units of the variables.
 *
 * @module
 */
import { programmerError } from './options.js';
import { COLLINEARITY_TOLERANCE, subsetRSquared, symmetricEigen } from './linear-algebra.js';

/**
 * Importance values per predictor (in input order) and the full-model R² they add up to.
 *
 * @example
 * ```ts
 * const result: RelativeImportance = { values: [0.3, 0.15], rSquared: 0.45 };
 * ```
 */
export interface RelativeImportance {
  /** Raw importance per predictor (share of variance explained); sums to `rSquared`. */
  readonly values: readonly number[];
  /** R² of the regression on all predictors. */
  readonly rSquared: number;
}

/**
 * The largest number of predictors {@link shapleyDecomposition} accepts (2^16 subset regressions).
 *
 * @example
 * ```ts
 * MAX_SHAPLEY_PREDICTORS //=> 16
 * ```
 */
export const MAX_SHAPLEY_PREDICTORS = 16;

function toMatrix(rxx: readonly (readonly number[])[] | Float64Array, k: number): Float64Array {
  if (rxx instanceof Float64Array) {
    if (rxx.length !== k * k) programmerError(`correlation matrix needs ${k * k} entries, got ${rxx.length}`);
    return rxx;
  }
  if (rxx.length !== k || rxx.some((row) => row.length !== k)) programmerError(`correlation matrix must be ${k} × ${k}`);
  const out = new Float64Array(k * k);
  rxx.forEach((row, i) => {
    row.forEach((value, j) => {
      out[i * k + j] = value;
    });
  });
  return out;
}

function checkFinite(values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) programmerError('correlations must be finite numbers');
}

/**
 * Johnson's relative weights from the predictors' correlation matrix `rxx` (k × k, nested arrays or row-major)
 * and their correlations with the outcome `rxy`. With Rxx = QΛQᵀ, Λ* = QΛ^½Qᵀ (correlations between predictors
 * and their orthogonal counterparts), β = Λ*⁻¹ rxy and ε_j = Σ_m Λ*_jm² β_m². Zero eigenvalues (perfectly
 * collinear predictors) are dropped (pseudo-inverse).
 *
 * @example
 * ```ts
 * // mtcars, mpg ~ cyl + disp + hp + wt: ε ≈ [0.2097, 0.1883, 0.1800, 0.2707], R² ≈ 0.8486 (R package rwa)
 * relativeWeights(rxx, rxy).values
 * ```
 */
export function relativeWeights(rxx: readonly (readonly number[])[] | Float64Array, rxy: readonly number[] | Float64Array): RelativeImportance {
  const k = rxy.length;
  const matrix = toMatrix(rxx, k);
  checkFinite(matrix);
  checkFinite(rxy);
  const { values, vectors } = symmetricEigen(matrix, k);
  const largest = Math.max(1e-300, ...values);
  const lambda = new Float64Array(k * k);
  const inverseRoot = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let sumRoot = 0;
      let sumInverse = 0;
      for (let m = 0; m < k; m++) {
        const eigenvalue = values[m]!;
        if (!(eigenvalue > COLLINEARITY_TOLERANCE * largest)) continue;
        const product = vectors[i * k + m]! * vectors[j * k + m]!;
        sumRoot += product * Math.sqrt(eigenvalue);
        sumInverse += product / Math.sqrt(eigenvalue);
      }
      lambda[i * k + j] = sumRoot;
      inverseRoot[i * k + j] = sumInverse;
    }
  }
  const beta = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += inverseRoot[i * k + j]! * rxy[j]!;
    beta[i] = sum;
  }
  const weights: number[] = [];
  let total = 0;
  for (let j = 0; j < k; j++) {
    let sum = 0;
    for (let m = 0; m < k; m++) sum += lambda[j * k + m]! ** 2 * beta[m]! ** 2;
    weights.push(sum);
    total += sum;
  }
  return { values: weights, rSquared: Math.min(1, total) };
}

/**
 * Exact Shapley decomposition of R² (LMG): φ_j = Σ_{S ⊆ N∖{j}} |S|!(k − |S| − 1)!/k! · [R²(S ∪ {j}) − R²(S)],
 * from all 2^k subset regressions computed from correlations. At most {@link MAX_SHAPLEY_PREDICTORS} predictors.
 *
 * @example
 * ```ts
 * shapleyDecomposition([[1, 0], [0, 1]], [0.6, 0.3]) // { values: [0.36, 0.09], rSquared: 0.45 }
 * ```
 */
export function shapleyDecomposition(rxx: readonly (readonly number[])[] | Float64Array, rxy: readonly number[] | Float64Array): RelativeImportance {
  const k = rxy.length;
  if (k > MAX_SHAPLEY_PREDICTORS) programmerError(`Shapley decomposition supports at most ${MAX_SHAPLEY_PREDICTORS} predictors, got ${k}`);
  const matrix = toMatrix(rxx, k);
  checkFinite(matrix);
  checkFinite(rxy);
  const correlations = Float64Array.from(rxy);
  const subsets = 1 << k;
  const r2 = new Float64Array(subsets);
  const scratch = new Float64Array(k * k);
  for (let mask = 1; mask < subsets; mask++) r2[mask] = subsetRSquared(matrix, correlations, mask, k, scratch);
  // weight[s] = s!(k − s − 1)!/k!
  const weight = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    let w = 1 / k;
    for (let i = 1; i <= s; i++) w *= i / (k - i);
    weight[s] = w;
  }
  const values = new Array<number>(k).fill(0);
  for (let mask = 0; mask < subsets; mask++) {
    let size = 0;
    for (let m = mask; m !== 0; m &= m - 1) size++;
    if (size === k) continue;
    const w = weight[size]!;
    const base = r2[mask]!;
    for (let j = 0; j < k; j++) {
      if ((mask & (1 << j)) !== 0) continue;
      values[j]! += w * (r2[mask | (1 << j)]! - base);
    }
  }
  return { values, rSquared: r2[subsets - 1]! };
}

/**
 * Standardised regression coefficients β = Rxx⁺ rxy (pseudo-inverse, so collinear predictors share).
 *
 * @example
 * ```ts
 * standardizedCoefficients([[1, 0], [0, 1]], [0.6, 0.3]) //=> [0.6, 0.3]
 * ```
 */
export function standardizedCoefficients(rxx: readonly (readonly number[])[] | Float64Array, rxy: readonly number[] | Float64Array): number[] {
  const k = rxy.length;
  const matrix = toMatrix(rxx, k);
  const { values, vectors } = symmetricEigen(matrix, k);
  const largest = Math.max(1e-300, ...values);
  const beta = new Array<number>(k).fill(0);
  for (let m = 0; m < k; m++) {
    const eigenvalue = values[m]!;
    if (!(eigenvalue > COLLINEARITY_TOLERANCE * largest)) continue;
    let projection = 0;
    for (let j = 0; j < k; j++) projection += vectors[j * k + m]! * rxy[j]!;
    for (let i = 0; i < k; i++) beta[i]! += (vectors[i * k + m]! * projection) / eigenvalue;
  }
  return beta;
}
