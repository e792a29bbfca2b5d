/**
 * `kmeans` on RFM features: log1p, standardise, k-means++ / Lloyd, clusters ordered by value; `chooseClusterCount`
 * compares k by silhouette.
 *
 * @module
 */
import { dimensionValues } from './dimension-values.js';
import { kmeansPoints, type KMeansOptions } from './kmeans-points.js';
import { GroupAccumulator, type SegmentSummaryRow } from './segment-summary.js';
import { silhouetteScore } from './silhouette.js';
import type { RfmSummary, RfmWarning } from './types.js';

/**
 * A dimension k-means can cluster on (values derived from the summary).
 *
 * @example
 * ```ts
 * const dims: ClusterDimension[] = ['recency', 'frequency', 'monetary', 'length'];
 * ```
 */
export type ClusterDimension = 'recency' | 'frequency' | 'monetary' | 'length' | 'tenure';

/**
 * Options of {@link kmeans}.
 *
 * @example
 * ```ts
 * const options: RfmKMeansOptions = { k: 4, seed: 'rfm', restarts: 3 };
 * ```
 */
export interface RfmKMeansOptions extends KMeansOptions {
  /** Features (default recency, frequency, monetary). */
  readonly dimensions?: readonly ClusterDimension[];
}

/**
 * The feature transform: `z = (log1p(max(0, value)) − mean) / standardDeviation` per dimension (population standard
 * deviation; 1 when a feature is constant).
 *
 * @example
 * ```ts
 * const transform: RfmFeatureTransform = {
 *   dimensions: ['recency', 'frequency', 'monetary'], means: [3.9, 0.9, 5.8], standardDeviations: [1.3, 0.7, 1.2],
 * };
 * ```
 */
export interface RfmFeatureTransform {
  /** Feature dimensions. */
  readonly dimensions: readonly ClusterDimension[];
  /** Mean of `log1p(max(0, value))` per dimension. */
  readonly means: readonly number[];
  /** Population standard deviation of `log1p(max(0, value))` per dimension. */
  readonly standardDeviations: readonly number[];
}

/**
 * One cluster: its centre in standardised feature space and the profile of its customers (revenue, shares, means in
 * original units).
 *
 * @example
 * ```ts
 * const cluster: RfmCluster = {
 *   cluster: 0, centroid: [-1.2, 1.5, 1.4],
 *   profile: { segment: null, name: 'Cluster 1', customers: 310, revenueShare: 0.52, meanRecencyDays: 12, ... },
 * };
 * ```
 */
export interface RfmCluster {
  /** Cluster number (0 = most valuable centre). */
  readonly cluster: number;
  /** Centre in standardised feature space, in `transform.dimensions` order. */
  readonly centroid: readonly number[];
  /** Customers, revenue and mean recency / frequency / monetary of the cluster. */
  readonly profile: SegmentSummaryRow;
}

/**
 * Result of {@link kmeans}.
 *
 * @example
 * ```ts
 * const result: RfmKMeans = kmeans(summary, { k: 4, seed: 1 });
 * result.clusters.map((c) => c.profile.customers);
 * ```
 */
export interface RfmKMeans {
  /** Number of clusters. */
  readonly k: number;
  /** Seed used. */
  readonly seed: number | string;
  /** The feature transform. */
  readonly transform: RfmFeatureTransform;
  /** Cluster per customer of the summary; -1 for customers without a purchase. */
  readonly cluster: Int32Array;
  /** Clusters ordered by value (high frequency and monetary, low recency first). */
  readonly clusters: readonly RfmCluster[];
  /** Sum of squared standardised distances to the centres. */
  readonly inertia: number;
  /** Lloyd iterations. */
  readonly iterations: number;
  /** Whether assignments stopped changing. */
  readonly converged: boolean;
  /** Customers clustered. */
  readonly clusteredCustomers: number;
  /** Warnings (negative monetary values clamped to 0). */
  readonly warnings: readonly RfmWarning[];
}

interface Features {
  readonly points: Float64Array;
  readonly rows: Int32Array;
  readonly transform: RfmFeatureTransform;
  readonly warnings: RfmWarning[];
}

function rfmFeatures(summary: RfmSummary, dimensions: readonly ClusterDimension[]): Features {
  const purchase = summary.customers.purchaseRows;
  let m = 0;
  for (let i = 0; i < purchase.length; i++) if (purchase[i]! > 0) m++;
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; i < purchase.length; i++) if (purchase[i]! > 0) rows[k++] = i;
  const d = dimensions.length;
  const points = new Float64Array(m * d);
  const means: number[] = [];
  const standardDeviations: number[] = [];
  let clamped = 0;
  dimensions.forEach((dimension, q) => {
    const values = dimensionValues(summary, dimension, undefined);
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const v = values[rows[k]!]!;
      if (v < 0) clamped++;
      const x = Math.log1p(Math.max(0, v));
      points[k * d + q] = x;
      sum += x;
    }
    const mean = m > 0 ? sum / m : 0;
    let squares = 0;
    for (let k = 0; k < m; k++) squares += (points[k * d + q]! - mean) ** 2;
    const sd = m > 0 ? Math.sqrt(squares / m) : 0;
    const scale = sd > 0 ? sd : 1;
    for (let k = 0; k < m; k++) points[k * d + q] = (points[k * d + q]! - mean) / scale;
    means.push(mean);
    standardDeviations.push(scale);
  });
  const warnings: RfmWarning[] = [];
  if (clamped > 0) {
    warnings.push({
      code: 'negative-values',
      count: clamped,
      message: `${clamped} negative values (net refunds) were clamped to 0 before log1p`,
    });
  }
  return { points, rows, transform: { dimensions: [...dimensions], means, standardDeviations }, warnings };
}

/**
 * Clusters the customers who bought before `asOf` with k-means on log1p-transformed, standardised R, F, M (or other
 * summary dimensions): k-means++ seeding from the explicit seed, Lloyd iterations, deterministic. Clusters are
 * renumbered by value (mean standardised frequency + monetary − recency of the centre, highest first) and profiled
 * like segments. Use {@link chooseClusterCount} to compare values of k by silhouette.
 *
 * @example
 * ```ts
 * const result = kmeans(summarize(transactions, { asOf: '2024-06-30' }), { k: 4, seed: 'rfm' });
 * result.clusters[0]!.profile; // the most valuable cluster: customers, revenue share, mean R/F/M
 * ```
 */
export function kmeans(summary: RfmSummary, options: RfmKMeansOptions): RfmKMeans {
  const dimensions = options.dimensions ?? (['recency', 'frequency', 'monetary'] as const);
  const { points, rows, transform, warnings } = rfmFeatures(summary, dimensions);
  const d = dimensions.length;
  const raw = kmeansPoints(points, d, options);
  const valueOf = (centroid: readonly number[]): number =>
    centroid.reduce((sum, x, q) => sum + (dimensions[q] === 'recency' || dimensions[q] === 'tenure' ? -x : x), 0);
  const order = raw.centroids.map((c, index) => ({ index, value: valueOf(c) }));
  order.sort((a, b) => b.value - a.value || a.index - b.index);
  const renumber = new Int32Array(raw.k);
  order.forEach((entry, rank) => (renumber[entry.index] = rank));
  const n = summary.customers.purchaseRows.length;
  const cluster = new Int32Array(n).fill(-1);
  const acc = new GroupAccumulator(summary, raw.k);
  for (let p = 0; p < rows.length; p++) {
    const c = renumber[raw.assignments[p]!]!;
    cluster[rows[p]!] = c;
    acc.add(c, rows[p]!);
  }
  const clusters = order.map((entry, rank): RfmCluster => ({
    cluster: rank,
    centroid: raw.centroids[entry.index]!,
    profile: acc.row(rank, { segment: null, name: `Cluster ${rank + 1}` }),
  }));
  return {
    k: raw.k,
    seed: options.seed,
    transform,
    cluster,
    clusters,
    inertia: raw.inertia,
    iterations: raw.iterations,
    converged: raw.converged,
    clusteredCustomers: rows.length,
    warnings,
  };
}

/**
 * Options of {@link chooseClusterCount}.
 *
 * @example
 * ```ts
 * const options: ChooseClusterCountOptions = { ks: [2, 3, 4, 5, 6], seed: 1, sampleSize: 2000 };
 * ```
 */
export interface ChooseClusterCountOptions {
  /** Candidate values of k (default 2..8). */
  readonly ks?: readonly number[];
  /** Seed of the k-means runs and of the silhouette sample. */
  readonly seed: number | string;
  /** Silhouette sample size (default 2000). */
  readonly sampleSize?: number;
  /** Features (default recency, frequency, monetary). */
  readonly dimensions?: readonly ClusterDimension[];
  /** Lloyd iterations per run (default 100). */
  readonly maxIterations?: number;
}

/**
 * One candidate k of {@link chooseClusterCount}.
 *
 * @example
 * ```ts
 * const candidate: ClusterCountCandidate = { k: 4, inertia: 2310.5, silhouette: 0.41 };
 * ```
 */
export interface ClusterCountCandidate {
  /** Number of clusters. */
  readonly k: number;
  /** k-means inertia (always falls with k; look for the elbow). */
  readonly inertia: number;
  /** Mean silhouette (higher is better; `null` when undefined). */
  readonly silhouette: number | null;
}

/**
 * Result of {@link chooseClusterCount}.
 *
 * @example
 * ```ts
 * const choice: ClusterCountChoice = { candidates: [{ k: 3, inertia: 812.4, silhouette: 0.41 }], bestK: 3 };
 * ```
 */
export interface ClusterCountChoice {
  /** One entry per candidate k, ascending. */
  readonly candidates: readonly ClusterCountCandidate[];
  /** The k with the highest silhouette (`null` when none is defined). */
  readonly bestK: number | null;
}

/**
 * Runs {@link kmeans} for several k on the same features and reports inertia and mean silhouette for each; `bestK` is
 * the k with the highest silhouette (the smaller k on ties; `null` when none is defined).
 *
 * @example
 * ```ts
 * const { candidates, bestK } = chooseClusterCount(summary, { ks: [2, 3, 4, 5], seed: 7 });
 * const result = kmeans(summary, { k: bestK ?? 4, seed: 7 });
 * ```
 */
export function chooseClusterCount(summary: RfmSummary, options: ChooseClusterCountOptions): ClusterCountChoice {
  const dimensions = options.dimensions ?? (['recency', 'frequency', 'monetary'] as const);
  const { points, rows } = rfmFeatures(summary, dimensions);
  const ks = [...(options.ks ?? [2, 3, 4, 5, 6, 7, 8])].sort((a, b) => a - b);
  const candidates: ClusterCountCandidate[] = [];
  let bestK: number | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const k of ks) {
    if (k > rows.length) continue;
    const result = kmeansPoints(points, dimensions.length, {
      k,
      seed: options.seed,
      ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
    });
    const silhouette = silhouetteScore(points, dimensions.length, result.assignments, {
      seed: options.seed,
      ...(options.sampleSize === undefined ? {} : { sampleSize: options.sampleSize }),
    });
    candidates.push({ k, inertia: result.inertia, silhouette });
    if (silhouette !== null && silhouette > bestScore) {
      bestScore = silhouette;
      bestK = k;
    }
  }
  return { candidates, bestK };
}
