/**
 * `kmeansPoints`: Lloyd's k-means with k-means++ seeding from an explicit seed, on a dense point matrix.
 *
 * @module
 */
import { createRng, type Rng } from '../core/index.js';

/**
 * Options of {@link kmeansPoints}.
 *
 * @example
 * ```ts
 * const options: KMeansOptions = { k: 4, seed: 'rfm-2024', maxIterations: 100, restarts: 3 };
 * ```
 */
export interface KMeansOptions {
  /** Number of clusters (1 ≤ k ≤ points). */
  readonly k: number;
  /** Seed of the k-means++ draws (same seed, same result). */
  readonly seed: number | string;
  /** Lloyd iterations per run (default 100). */
  readonly maxIterations?: number;
  /** Independent seeded runs; the lowest inertia wins (default 1). */
  readonly restarts?: number;
}

/**
 * Result of {@link kmeansPoints}.
 *
 * @example
 * ```ts
 * const result: KMeansResult = kmeansPoints(Float64Array.of(0, 0, 0, 1, 10, 10, 10, 11), 2, { k: 2, seed: 1 });
 * result.sizes //=> [2, 2]
 * ```
 */
export interface KMeansResult {
  /** Number of clusters. */
  readonly k: number;
  /** Cluster of every point (0..k-1). */
  readonly assignments: Int32Array;
  /** Cluster centres, `k` rows of `dimensions` coordinates. */
  readonly centroids: readonly (readonly number[])[];
  /** Points per cluster. */
  readonly sizes: readonly number[];
  /** Sum of squared distances of points to their centres. */
  readonly inertia: number;
  /** Lloyd iterations of the winning run. */
  readonly iterations: number;
  /** Whether the winning run stopped because no assignment changed. */
  readonly converged: boolean;
}

function squaredDistance(points: Float64Array, p: number, centres: Float64Array, c: number, d: number): number {
  let sum = 0;
  for (let j = 0; j < d; j++) {
    const diff = points[p * d + j]! - centres[c * d + j]!;
    sum += diff * diff;
  }
  return sum;
}

function seedCentres(points: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centres = new Float64Array(k * d);
  const nearest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  let chosen = rng.integer(n);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < d; j++) centres[c * d + j] = points[chosen * d + j]!;
    if (c === k - 1) break;
    let total = 0;
    for (let p = 0; p < n; p++) {
      const dist = squaredDistance(points, p, centres, c, d);
      if (dist < nearest[p]!) nearest[p] = dist;
      total += nearest[p]!;
    }
    if (!(total > 0)) {
      // Every point coincides with a centre: take the next points in order.
      chosen = (chosen + 1) % n;
      continue;
    }
    let target = rng.uniform() * total;
    chosen = n - 1;
    for (let p = 0; p < n; p++) {
      target -= nearest[p]!;
      if (target < 0) {
        chosen = p;
        break;
      }
    }
  }
  return centres;
}

function lloyd(
  points: Float64Array,
  n: number,
  d: number,
  k: number,
  centres: Float64Array,
  maxIterations: number,
): { assignments: Int32Array; inertia: number; iterations: number; converged: boolean } {
  const assignments = new Int32Array(n).fill(-1);
  const distance = new Float64Array(n);
  const sums = new Float64Array(k * d);
  const sizes = new Float64Array(k);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let changed = 0;
    for (let p = 0; p < n; p++) {
      let best = 0;
      let bestDistance = squaredDistance(points, p, centres, 0, d);
      for (let c = 1; c < k; c++) {
        const dist = squaredDistance(points, p, centres, c, d);
        if (dist < bestDistance) {
          bestDistance = dist;
          best = c;
        }
      }
      distance[p] = bestDistance;
      if (assignments[p] !== best) {
        assignments[p] = best;
        changed++;
      }
    }
    if (changed === 0) {
      converged = true;
      break;
    }
    sums.fill(0);
    sizes.fill(0);
    for (let p = 0; p < n; p++) {
      const c = assignments[p]!;
      sizes[c]!++;
      for (let j = 0; j < d; j++) sums[c * d + j] = sums[c * d + j]! + points[p * d + j]!;
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c]! > 0) {
        for (let j = 0; j < d; j++) centres[c * d + j] = sums[c * d + j]! / sizes[c]!;
        continue;
      }
      // Empty cluster: move its centre to the point farthest from its own centre (lowest index on ties).
      let far = 0;
      for (let p = 1; p < n; p++) if (distance[p]! > distance[far]!) far = p;
      for (let j = 0; j < d; j++) centres[c * d + j] = points[far * d + j]!;
      distance[far] = 0;
    }
  }
  let inertia = 0;
  for (let p = 0; p < n; p++) inertia += squaredDistance(points, p, centres, assignments[p]!, d);
  return { assignments, inertia, iterations, converged };
}

/**
 * k-means on `n` points of `dimensions` coordinates (row-major `points`): k-means++ seeding (D² sampling) from a
 * seeded core `createRng` stream, then Lloyd iterations until no assignment changes or `maxIterations`. Ties go to the
 * lowest cluster index; an empty cluster takes the point farthest from its centre. Deterministic: the same points,
 * options and seed always give the same result.
 *
 * @example
 * ```ts
 * const points = Float64Array.of(0, 0, 0, 1, 10, 10, 10, 11); // four 2-d points
 * const { assignments, centroids } = kmeansPoints(points, 2, { k: 2, seed: 42 });
 * // assignments groups points {0, 1} and {2, 3}; centroids are [0, 0.5] and [10, 10.5] in some order
 * ```
 */
export function kmeansPoints(points: Float64Array, dimensions: number, options: KMeansOptions): KMeansResult {
  const d = dimensions;
  if (!Number.isInteger(d) || d < 1 || points.length % d !== 0) {
    throw new RangeError('[clientele] kmeansPoints: points.length must be a multiple of dimensions');
  }
  const n = points.length / d;
  const k = options.k;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`[clientele] kmeansPoints: k must be 1..${n}`);
  for (let i = 0; i < points.length; i++) {
    if (!Number.isFinite(points[i])) throw new RangeError('[clientele] kmeansPoints: points must be finite');
  }
  const maxIterations = options.maxIterations ?? 100;
  const restarts = options.restarts ?? 1;
  const rng = createRng(options.seed);
  let best: ReturnType<typeof lloyd> | undefined;
  let bestCentres: Float64Array = new Float64Array(0);
  for (let run = 0; run < restarts; run++) {
    const centres = seedCentres(points, n, d, k, run === 0 ? rng : rng.fork());
    const result = lloyd(points, n, d, k, centres, maxIterations);
    if (best === undefined || result.inertia < best.inertia) {
      best = result;
      bestCentres = centres;
    }
  }
  const winner = best!;
  const sizes = new Array<number>(k).fill(0);
  for (let p = 0; p < n; p++) sizes[winner.assignments[p]!]!++;
  const centroids = Array.from({ length: k }, (_, c) => Array.from(bestCentres.subarray(c * d, c * d + d)));
  return {
    k,
    assignments: winner.assignments,
    centroids,
    sizes,
    inertia: winner.inertia,
    iterations: winner.iterations,
    converged: winner.converged,
  };
}
