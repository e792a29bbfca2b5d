/**
 * `silhouetteScore`: how well points sit in their clusters (Rousseeuw 1987), to compare choices of k.
 *
 * @module
 */
import { createRng } from '../core/index.js';

/**
 * Options of {@link silhouetteScore}.
 *
 * @example
 * ```ts
 * const options: SilhouetteOptions = { sampleSize: 2000, seed: 7 };
 * ```
 */
export interface SilhouetteOptions {
  /** Points used (a seeded random sample when there are more; default 2000). The score costs O(sample²). */
  readonly sampleSize?: number;
  /** Seed of the sample (default 0). */
  readonly seed?: number | string;
}

/**
 * Mean silhouette coefficient s(i) = (b − a) / max(a, b), with a = mean distance from point i to the other points of
 * its cluster and b = the smallest mean distance to the points of another cluster (Euclidean); s = 0 for a point
 * alone in its cluster (the scikit-learn convention). Points labelled -1 are ignored. Above `sampleSize` points, the
 * score is computed on a seeded random sample (like scikit-learn's `silhouette_score(sample_size=…)`). `null` when
 * fewer than two clusters are present.
 *
 * @example
 * ```ts
 * // 1-d points 0, 1 (cluster 0) and 10, 11 (cluster 1):
 * silhouetteScore(Float64Array.of(0, 1, 10, 11), 1, Int32Array.of(0, 0, 1, 1))
 * //=> 0.8997... (= mean of 1 - 1/10.5, 1 - 1/9.5, 1 - 1/9.5, 1 - 1/10.5)
 * ```
 */
export function silhouetteScore(
  points: Float64Array,
  dimensions: number,
  labels: Int32Array,
  options: SilhouetteOptions = {},
): number | null {
  const d = dimensions;
  const n = labels.length;
  if (points.length !== n * d) throw new RangeError('[clientele] silhouetteScore: points and labels do not match');
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) if (labels[i]! >= 0) candidates.push(i);
  const sampleSize = options.sampleSize ?? 2000;
  let sample = candidates;
  if (candidates.length > sampleSize) {
    const rng = createRng(options.seed ?? 0);
    const pool = candidates.slice();
    for (let r = 0; r < sampleSize; r++) {
      const j = r + rng.integer(pool.length - r);
      const t = pool[r]!;
      pool[r] = pool[j]!;
      pool[j] = t;
    }
    sample = pool.slice(0, sampleSize).sort((a, b) => a - b);
  }
  let maxLabel = -1;
  for (const i of sample) if (labels[i]! > maxLabel) maxLabel = labels[i]!;
  const clusterSize = new Array<number>(maxLabel + 1).fill(0);
  for (const i of sample) clusterSize[labels[i]!]!++;
  if (clusterSize.filter((c) => c > 0).length < 2) return null;
  const sums = new Float64Array(maxLabel + 1);
  let total = 0;
  for (const i of sample) {
    sums.fill(0);
    for (const j of sample) {
      if (i === j) continue;
      let s = 0;
      for (let q = 0; q < d; q++) {
        const diff = points[i * d + q]! - points[j * d + q]!;
        s += diff * diff;
      }
      sums[labels[j]!] = sums[labels[j]!]! + Math.sqrt(s);
    }
    const own = labels[i]!;
    if (clusterSize[own]! <= 1) continue;
    const a = sums[own]! / (clusterSize[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c <= maxLabel; c++) {
      if (c !== own && clusterSize[c]! > 0) b = Math.min(b, sums[c]! / clusterSize[c]!);
    }
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / sample.length;
}
