/**
 * Small dense symmetric linear algebra for key-driver analysis (matrices of a few dozen rows at most):
 * Jacobi eigendecomposition and R² of a regression on a subset of standardised predictors.
 *
 * Matrices are row-major `Float64Array`s of size n × n.
 *
 * @module
 */

/**
 * Eigenvalues and eigenvectors of a symmetric matrix.
 *
 * @example
 * ```ts
 * const { values, vectors } = symmetricEigen(Float64Array.of(2, 1, 1, 2), 2);
 * // values ≈ [1, 3] (ascending); column j of `vectors` is the eigenvector of values[j]
 * ```
 */
export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  readonly values: Float64Array;
  /** Row-major n × n; column j is the unit eigenvector of `values[j]`. */
  readonly vectors: Float64Array;
}

/**
 * Cyclic Jacobi eigendecomposition of a symmetric matrix (accurate to machine precision for small matrices;
 * Golub & Van Loan, Matrix Computations, §8.5).
 *
 * @example
 * ```ts
 * symmetricEigen(Float64Array.of(2, 1, 1, 2), 2).values // Float64Array [1, 3] (to rounding)
 * ```
 */
export function symmetricEigen(matrix: Float64Array, n: number): SymmetricEigen {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = a[i * n + j]!;
        if (i !== j) off += x * x;
        scale += x * x;
      }
    }
    if (off <= 1e-30 * Math.max(scale, 1e-300)) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p]!;
          const akq = a[k * n + q]!;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k]!;
          const aqk = a[q * n + k]!;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i]! - a[j * n + j]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((source, target) => {
    values[target] = a[source * n + source]!;
    for (let k = 0; k < n; k++) vectors[k * n + target] = v[k * n + source]!;
  });
  return { values, vectors };
}

/**
 * Relative tolerance below which a pivot or eigenvalue counts as zero (perfectly collinear predictors).
 *
 * @example
 * ```ts
 * COLLINEARITY_TOLERANCE //=> 1e-10
 * ```
 */
export const COLLINEARITY_TOLERANCE = 1e-10;

/**
 * R² of the regression of a standardised outcome on the predictors in `mask` (bit j = predictor j), from the
 * predictors' correlation matrix `rxx` (k × k) and their correlations with the outcome `rxy`:
 * R² = r_Sᵀ R_SS⁻¹ r_S, by an incremental Cholesky factorisation that skips predictors linearly dependent on
 * earlier ones (so collinear sets get the R² of their span).
 *
 * @example
 * ```ts
 * subsetRSquared(Float64Array.of(1, 0, 0, 1), Float64Array.of(0.6, 0.3), 0b11, 2) //≈ 0.45
 * ```
 */
export function subsetRSquared(rxx: Float64Array, rxy: Float64Array, mask: number, k: number, scratch?: Float64Array): number {
  const lower = scratch ?? new Float64Array(k * k);
  const accepted: number[] = [];
  const z: number[] = [];
  let r2 = 0;
  for (let j = 0; j < k; j++) {
    if ((mask & (1 << j)) === 0) continue;
    const row = accepted.length;
    let d = rxx[j * k + j]!;
    for (let m = 0; m < row; m++) {
      const i = accepted[m]!;
      let value = rxx[j * k + i]!;
      for (let p = 0; p < m; p++) value -= lower[row * k + p]! * lower[m * k + p]!;
      const l = value / lower[m * k + m]!;
      lower[row * k + m] = l;
      d -= l * l;
    }
    if (!(d > COLLINEARITY_TOLERANCE * rxx[j * k + j]!)) continue;
    const diagonal = Math.sqrt(d);
    lower[row * k + row] = diagonal;
    let zj = rxy[j]!;
    for (let m = 0; m < row; m++) zj -= lower[row * k + m]! * z[m]!;
    zj /= diagonal;
    accepted.push(j);
    z.push(zj);
    r2 += zj * zj;
  }
  return Math.min(1, Math.max(0, r2));
}
