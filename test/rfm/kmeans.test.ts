import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import {
  chooseClusterCount,
  kmeans,
  kmeansPoints,
  silhouetteScore,
  summarize,
  type RfmSummary,
} from '../../src/rfm/index.js';
import { DAY } from './fixtures.js';

function blobs(
  seed: number,
  centres: number[][],
  perBlob: number,
  spread: number,
): { points: Float64Array; truth: number[] } {
  const rng = createRng(seed);
  const d = centres[0]!.length;
  const points = new Float64Array(centres.length * perBlob * d);
  const truth: number[] = [];
  let p = 0;
  centres.forEach((centre, c) => {
    for (let i = 0; i < perBlob; i++) {
      for (let j = 0; j < d; j++) points[p * d + j] = centre[j]! + spread * rng.normal();
      truth.push(c);
      p++;
    }
  });
  return { points, truth };
}

/** Silhouette by the textbook definition, O(n²), no sampling. */
function silhouetteBrute(points: number[][], labels: number[]): number {
  const dist = (a: number[], b: number[]): number => Math.hypot(...a.map((x, j) => x - b[j]!));
  const clusters = [...new Set(labels)];
  let total = 0;
  points.forEach((p, i) => {
    const own = labels.filter((l) => l === labels[i]).length;
    if (own === 1) return;
    const mean = (c: number): number => {
      const members = points.filter((_, j) => labels[j] === c && j !== i);
      return members.reduce((s, q) => s + dist(p, q), 0) / members.length;
    };
    const a = mean(labels[i]!);
    const b = Math.min(...clusters.filter((c) => c !== labels[i]).map(mean));
    total += (b - a) / Math.max(a, b);
  });
  return total / points.length;
}

describe('kmeansPoints', () => {
  it('hand-checked: two pairs on a line', () => {
    const result = kmeansPoints(Float64Array.of(0, 1, 10, 11), 1, { k: 2, seed: 3 });
    const centres = result.centroids.map((c) => c[0]).sort((a, b) => a! - b!);
    expect(centres).toEqual([0.5, 10.5]);
    expect(result.inertia).toBe(1);
    expect(result.converged).toBe(true);
    expect(result.assignments[0]).toBe(result.assignments[1]);
    expect(result.assignments[2]).toBe(result.assignments[3]);
    expect(result.sizes).toEqual([2, 2]);
  });

  it('recovers well-separated clusters and is deterministic for a seed', () => {
    const { points, truth } = blobs(
      1,
      [
        [0, 0],
        [8, 8],
        [0, 10],
      ],
      60,
      0.7,
    );
    const a = kmeansPoints(points, 2, { k: 3, seed: 'blobs', restarts: 2 });
    const b = kmeansPoints(points, 2, { k: 3, seed: 'blobs', restarts: 2 });
    expect(a).toEqual(b);
    const pairs = new Set(truth.map((t, i) => `${t}:${a.assignments[i]}`));
    expect(pairs.size).toBe(3); // each true blob maps to exactly one cluster
  });

  it('handles coincident points and validates its input', () => {
    const result = kmeansPoints(new Float64Array(10).fill(2), 1, { k: 3, seed: 1 });
    expect(result.sizes.reduce((a, b) => a + b, 0)).toBe(10);
    expect(result.inertia).toBe(0);
    expect(() => kmeansPoints(Float64Array.of(1, 2, 3), 2, { k: 1, seed: 1 })).toThrow(/multiple/);
    expect(() => kmeansPoints(Float64Array.of(1, 2), 1, { k: 3, seed: 1 })).toThrow(/k must be/);
    expect(() => kmeansPoints(Float64Array.of(1, Number.NaN), 1, { k: 1, seed: 1 })).toThrow(/finite/);
  });
});

describe('silhouetteScore', () => {
  it('hand-checked 1-d example', () => {
    expect(silhouetteScore(Float64Array.of(0, 1, 10, 11), 1, Int32Array.of(0, 0, 1, 1))).toBeCloseTo(
      (2 * (1 - 1 / 10.5) + 2 * (1 - 1 / 9.5)) / 4,
      12,
    );
  });

  it('equals the textbook definition on random data, singletons count 0, one cluster is null', () => {
    const rng = createRng(5);
    const rows = Array.from({ length: 40 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const labels = rows.map((_, i) => (i === 0 ? 3 : i % 3));
    const score = silhouetteScore(Float64Array.from(rows.flat()), 3, Int32Array.from(labels));
    expect(score).toBeCloseTo(silhouetteBrute(rows, labels), 12);
    expect(silhouetteScore(Float64Array.of(1, 2, 3), 1, Int32Array.of(0, 0, 0))).toBeNull();
  });

  it('samples deterministically above sampleSize', () => {
    const { points } = blobs(2, [[0], [5]], 300, 0.5);
    const labels = Int32Array.from({ length: 600 }, (_, i) => (i < 300 ? 0 : 1));
    const a = silhouetteScore(points, 1, labels, { sampleSize: 100, seed: 9 });
    expect(a).toBe(silhouetteScore(points, 1, labels, { sampleSize: 100, seed: 9 }));
    expect(a).toBeGreaterThan(0.7);
  });
});

/** Three planted groups: recent frequent big spenders, lapsed one-timers, and a middle group. */
function plantedSummary(): RfmSummary {
  const rng = createRng('planted');
  const customerId: number[] = [];
  const day: number[] = [];
  const amount: number[] = [];
  const groups = [
    { recency: 3, orders: 20, spend: 400 },
    { recency: 300, orders: 1, spend: 15 },
    { recency: 60, orders: 5, spend: 60 },
  ];
  for (let c = 0; c < 300; c++) {
    const g = groups[c % 3]!;
    const orders = Math.max(1, Math.round(g.orders * (0.8 + 0.4 * rng.uniform())));
    const last = 1000 - Math.round(g.recency * (0.8 + 0.4 * rng.uniform()));
    for (let o = 0; o < orders; o++) {
      customerId.push(c);
      day.push(last - 3 * o);
      amount.push(Math.round(g.spend * (0.8 + 0.4 * rng.uniform()) * 100) / 100);
    }
  }
  customerId.push(999);
  day.push(500);
  amount.push(0);
  return summarize(
    {
      customerId: Int32Array.from(customerId),
      day: Int32Array.from(day),
      amount: Float64Array.from(amount),
      kind: Uint8Array.from(customerId, (id) => (id === 999 ? 1 : 0)),
    },
    { asOf: 1000 * DAY },
  );
}

describe('kmeans on RFM', () => {
  const summary = plantedSummary();

  it('clusters purchasers on standardised log1p R, F, M and orders clusters by value', () => {
    const result = kmeans(summary, { k: 3, seed: 11 });
    expect(result.clusteredCustomers).toBe(300);
    expect(result.cluster[300]).toBe(-1); // refunds only
    expect(result.clusters.map((c) => c.profile.customers)).toEqual([100, 100, 100]);
    const [best, middle, worst] = result.clusters.map((c) => c.profile);
    expect(best!.meanRecencyDays!).toBeLessThan(middle!.meanRecencyDays!);
    expect(middle!.meanRecencyDays!).toBeLessThan(worst!.meanRecencyDays!);
    expect(best!.meanMonetary!).toBeGreaterThan(middle!.meanMonetary!);
    for (let c = 0; c < 300; c++) expect(result.cluster[c]).toBe([0, 2, 1][c % 3]);
    expect(result.transform.dimensions).toEqual(['recency', 'frequency', 'monetary']);
    expect(kmeans(summary, { k: 3, seed: 11 })).toEqual(result);
  });

  it('chooses k by silhouette', () => {
    const { candidates, bestK } = chooseClusterCount(summary, { ks: [5, 2, 3, 4], seed: 4 });
    expect(candidates.map((c) => c.k)).toEqual([2, 3, 4, 5]);
    expect(bestK).toBe(3);
    expect(candidates[1]!.inertia).toBeLessThan(candidates[0]!.inertia);
  });
});
