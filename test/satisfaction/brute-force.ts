/**
 * Independent reference computations for relative importance, used only by tests: ordinary least squares on the
 * raw data (normal equations, Gauss–Jordan), Shapley values by averaging over all k! orders of entry, and Johnson's
 * relative weights through a matrix square root by the Denman–Beavers iteration (no eigendecomposition).
 */

/** Solves A x = b by Gauss–Jordan elimination with partial pivoting (A is copied). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    for (let c = col; c <= n; c++) m[col]![c]! /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row) => row[n]!);
}

/** Inverse of a square matrix by Gauss–Jordan. */
export function inverse(a: number[][]): number[][] {
  const n = a.length;
  const columns = Array.from({ length: n }, (_, j) => solve(a, Array.from({ length: n }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => columns[j]![i]!));
}

function multiply(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
}

/** R² of an OLS regression of y on the given columns (with an intercept), from raw data. */
export function olsRSquared(y: readonly number[], columns: readonly (readonly number[])[]): number {
  const n = y.length;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (v - meanY) ** 2, 0);
  if (columns.length === 0) return 0;
  const design = Array.from({ length: n }, (_, i) => [1, ...columns.map((c) => c[i]!)]);
  const p = design[0]!.length;
  const xtx = Array.from({ length: p }, (_, a) => Array.from({ length: p }, (_, b) => design.reduce((s, row) => s + row[a]! * row[b]!, 0)));
  const xty = Array.from({ length: p }, (_, a) => design.reduce((s, row, i) => s + row[a]! * y[i]!, 0));
  const beta = solve(xtx, xty);
  const rss = design.reduce((s, row, i) => s + (y[i]! - row.reduce((t, v, j) => t + v * beta[j]!, 0)) ** 2, 0);
  return 1 - rss / tss;
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** Shapley values of R² by averaging each predictor's increment over all k! orders of entry (raw-data OLS). */
export function shapleyByPermutations(y: readonly number[], columns: readonly (readonly number[])[]): number[] {
  const k = columns.length;
  const cache = new Map<string, number>();
  const r2 = (set: number[]): number => {
    const key = [...set].sort().join(',');
    let value = cache.get(key);
    if (value === undefined) {
      value = olsRSquared(y, set.map((j) => columns[j]!));
      cache.set(key, value);
    }
    return value;
  };
  const orders = permutations(Array.from({ length: k }, (_, i) => i));
  const values = new Array<number>(k).fill(0);
  for (const order of orders) {
    for (let position = 0; position < k; position++) {
      const before = order.slice(0, position);
      values[order[position]!]! += (r2([...before, order[position]!]) - r2(before)) / orders.length;
    }
  }
  return values;
}

/** Pearson correlation of two columns. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Johnson's relative weights via Denman–Beavers: Y → R^½, Z → R^−½; β = R^−½ r_xy; ε_j = Σ_k (R^½)_jk² β_k².
 */
export function johnsonByDenmanBeavers(rxx: number[][], rxy: number[]): number[] {
  const k = rxy.length;
  let y = rxx.map((row) => [...row]);
  let z: number[][] = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  for (let iteration = 0; iteration < 100; iteration++) {
    const yInverse = inverse(y);
    const zInverse = inverse(z);
    const nextY = y.map((row, i) => row.map((v, j) => (v + zInverse[i]![j]!) / 2));
    const nextZ = z.map((row, i) => row.map((v, j) => (v + yInverse[i]![j]!) / 2));
    y = nextY;
    z = nextZ;
  }
  const check = multiply(y, y);
  if (Math.abs(check[0]![0]! - rxx[0]![0]!) > 1e-9) throw new Error('Denman–Beavers did not converge');
  const beta = z.map((row) => row.reduce((s, v, j) => s + v * rxy[j]!, 0));
  return y.map((row) => row.reduce((s, v, m) => s + v * v * beta[m]! * beta[m]!, 0));
}
