/**
 * Unconstrained minimisation: BFGS with a strong-Wolfe line search (analytic or finite-difference gradients) and
 * a Nelder–Mead fallback; plus a finite-difference Hessian for standard errors. Bounded parameters are handled by
 * the caller through transforms (e.g. optimise log-parameters), as the CLV models do.
 *
 * @module
 */

/** An objective function of a parameter vector. Returning `NaN`/`Infinity` marks an infeasible point. */
export type Objective = (x: readonly number[]) => number;
/** The gradient of an {@link Objective}. */
export type Gradient = (x: readonly number[]) => number[];

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** Analytic gradient; central finite differences are used when absent. */
  readonly gradient?: Gradient;
  /** `auto` (default): BFGS, then Nelder–Mead and a BFGS polish if BFGS does not converge. */
  readonly method?: 'auto' | 'bfgs' | 'nelder-mead';
  /** Iteration limit per method (default 1000 for BFGS, 200·dimension for Nelder–Mead). */
  readonly maxIterations?: number;
  /** Convergence when the gradient's infinity norm is below this (default 1e-6). */
  readonly gradientTolerance?: number;
  /** Convergence when the relative change of the value is below this (default 1e-12). */
  readonly functionTolerance?: number;
}

/**
 * The outcome of {@link minimize}. Non-convergence is reported here, never thrown.
 *
 * @example
 * ```ts
 * const result: MinimizeResult = minimize(([x]) => (x! - 3) ** 2, [0]);
 * result.converged //=> true
 * ```
 */
export interface MinimizeResult {
  /** The best point found. */
  readonly x: number[];
  /** The objective at `x`. */
  readonly value: number;
  /** Whether a convergence criterion was met. */
  readonly converged: boolean;
  /** Iterations used (all methods together). */
  readonly iterations: number;
  /** Objective evaluations used (gradient evaluations excluded). */
  readonly evaluations: number;
  /** The method that produced `x`. */
  readonly method: 'bfgs' | 'nelder-mead';
  /** Why the run stopped. */
  readonly message: string;
}

function infNorm(v: readonly number[]): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * Central finite-difference gradient.
 *
 * @example
 * ```ts
 * numericalGradient(([x, y]) => x! * x! + 3 * y!, [2, 0]) //≈ [4, 3]
 * ```
 */
export function numericalGradient(f: Objective, x: readonly number[]): number[] {
  const g = new Array<number>(x.length);
  const point = x.slice();
  for (let i = 0; i < x.length; i++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[i]!));
    point[i] = x[i]! + h;
    const up = f(point);
    point[i] = x[i]! - h;
    const down = f(point);
    point[i] = x[i]!;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/**
 * Finite-difference Hessian (central differences of the gradient when given, else of the function), symmetrised.
 * Invert it at a minimum of a negative log-likelihood to get the covariance of the estimates.
 *
 * @example
 * ```ts
 * numericalHessian(([x, y]) => x! * x! + x! * y! + 2 * y! * y!, [1, 1]) //≈ [[2, 1], [1, 4]]
 * ```
 */
export function numericalHessian(f: Objective, x: readonly number[], gradient?: Gradient): number[][] {
  const n = x.length;
  const hess = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const point = x.slice();
  if (gradient !== undefined) {
    for (let i = 0; i < n; i++) {
      const h = 1e-5 * Math.max(1, Math.abs(x[i]!));
      point[i] = x[i]! + h;
      const up = gradient(point);
      point[i] = x[i]! - h;
      const down = gradient(point);
      point[i] = x[i]!;
      for (let j = 0; j < n; j++) hess[i]![j] = (up[j]! - down[j]!) / (2 * h);
    }
  } else {
    const f0 = f(x);
    const steps = x.map((v) => 1e-4 * Math.max(1, Math.abs(v)));
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        const hi = steps[i]!;
        const hj = steps[j]!;
        if (i === j) {
          point[i] = x[i]! + hi;
          const up = f(point);
          point[i] = x[i]! - hi;
          const down = f(point);
          point[i] = x[i]!;
          hess[i]![i] = (up - 2 * f0 + down) / (hi * hi);
        } else {
          const at = (di: number, dj: number): number => {
            point[i] = x[i]! + di;
            point[j] = x[j]! + dj;
            const v = f(point);
            point[i] = x[i]!;
            point[j] = x[j]!;
            return v;
          };
          const mixed = (at(hi, hj) - at(hi, -hj) - at(-hi, hj) + at(-hi, -hj)) / (4 * hi * hj);
          hess[i]![j] = mixed;
          hess[j]![i] = mixed;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const avg = (hess[i]![j]! + hess[j]![i]!) / 2;
      hess[i]![j] = avg;
      hess[j]![i] = avg;
    }
  }
  return hess;
}

/**
 * Inverts a symmetric positive-definite matrix by Cholesky decomposition; `undefined` if it is not positive definite.
 *
 * @example
 * ```ts
 * invertSymmetric([[4, 0], [0, 2]]) //≈ [[0.25, 0], [0, 0.5]]
 * ```
 */
export function invertSymmetric(matrix: readonly (readonly number[])[]): number[][] | undefined {
  const n = matrix.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = matrix[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i]![i] = Math.sqrt(s);
      } else l[i]![j] = s / l[j]![j]!;
    }
  }
  // inv = L^-T L^-1
  const linv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    linv[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i]![k]! * linv[k]![j]!;
      linv[i]![j] = s / l[i]![i]!;
    }
  }
  const inv = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += linv[k]![i]! * linv[k]![j]!;
      inv[i]![j] = s + 0; // normalise -0
      inv[j]![i] = s + 0;
    }
  }
  return inv;
}

interface LineSearchResult {
  step: number;
  value: number;
  gradient: number[];
  point: number[];
}

function lineSearch(
  f: Objective,
  grad: Gradient,
  x: readonly number[],
  fx: number,
  gx: readonly number[],
  direction: readonly number[],
  counter: { evaluations: number },
): LineSearchResult | undefined {
  const c1 = 1e-4;
  const c2 = 0.9;
  const slope0 = dot(gx, direction);
  if (!(slope0 < 0)) return undefined;
  const at = (step: number): { value: number; point: number[] } => {
    const point = x.map((v, i) => v + step * direction[i]!);
    counter.evaluations++;
    return { value: f(point), point };
  };
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let step = 1;
  let best: LineSearchResult | undefined;
  for (let k = 0; k < 60; k++) {
    const { value, point } = at(step);
    if (!Number.isFinite(value) || value > fx + c1 * step * slope0) {
      hi = step;
    } else {
      const g = grad(point);
      const slope = dot(g, direction);
      best = { step, value, gradient: g, point };
      if (Math.abs(slope) <= c2 * Math.abs(slope0)) return best;
      if (slope > 0) hi = step;
      else lo = step;
    }
    step = Number.isFinite(hi) ? (lo + hi) / 2 : step * 2;
    if (hi - lo < 1e-16 * Math.max(1, step)) break;
  }
  return best;
}

function bfgs(
  f: Objective,
  grad: Gradient,
  x0: readonly number[],
  maxIterations: number,
  gradientTolerance: number,
  functionTolerance: number,
): MinimizeResult {
  const n = x0.length;
  let x = x0.slice();
  let fx = f(x);
  const counter = { evaluations: 1 };
  if (!Number.isFinite(fx)) {
    return {
      x,
      value: fx,
      converged: false,
      iterations: 0,
      evaluations: 1,
      method: 'bfgs',
      message: 'objective not finite at start',
    };
  }
  let g = grad(x);
  let h: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let iterations = 0;
  let stall = 0;
  while (iterations < maxIterations) {
    if (infNorm(g) < gradientTolerance) {
      return {
        x,
        value: fx,
        converged: true,
        iterations,
        evaluations: counter.evaluations,
        method: 'bfgs',
        message: 'gradient below tolerance',
      };
    }
    iterations++;
    let direction = h.map((row) => -dot(row, g));
    let step = lineSearch(f, grad, x, fx, g, direction, counter);
    if (step === undefined) {
      // Reset to steepest descent once before giving up.
      h = h.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      direction = g.map((v) => -v);
      step = lineSearch(f, grad, x, fx, g, direction, counter);
      if (step === undefined) {
        return {
          x,
          value: fx,
          converged: false,
          iterations,
          evaluations: counter.evaluations,
          method: 'bfgs',
          message: 'line search failed',
        };
      }
    }
    const s = step.point.map((v, i) => v - x[i]!);
    const y = step.gradient.map((v, i) => v - g[i]!);
    const relativeChange = Math.abs(fx - step.value) / Math.max(1, Math.abs(fx));
    x = step.point;
    fx = step.value;
    g = step.gradient;
    stall = relativeChange < functionTolerance ? stall + 1 : 0;
    if (stall >= 3) {
      return {
        x,
        value: fx,
        converged: infNorm(g) < Math.sqrt(gradientTolerance),
        iterations,
        evaluations: counter.evaluations,
        method: 'bfgs',
        message: 'value stalled',
      };
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      const rho = 1 / sy;
      const hy = h.map((row) => dot(row, y));
      const yhy = dot(y, hy);
      h = h.map((row, i) =>
        row.map((v, j) => v - rho * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (rho * rho * yhy + rho) * s[i]! * s[j]!),
      );
    }
  }
  return {
    x,
    value: fx,
    converged: false,
    iterations,
    evaluations: counter.evaluations,
    method: 'bfgs',
    message: 'iteration limit',
  };
}

function nelderMead(
  f: Objective,
  x0: readonly number[],
  maxIterations: number,
  functionTolerance: number,
): MinimizeResult {
  const n = x0.length;
  const safe = (p: readonly number[]): number => {
    const v = f(p);
    return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
  };
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = p[i]! !== 0 ? p[i]! * 1.05 + 0.05 : 0.25;
    simplex.push(p);
  }
  let values = simplex.map(safe);
  let evaluations = n + 1;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const order = values.map((v, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const spread = Math.abs(values[n]! - values[0]!);
    if (spread <= functionTolerance * Math.max(1, Math.abs(values[0]!)) && iterations > 1) {
      return {
        x: simplex[0]!,
        value: values[0]!,
        converged: true,
        iterations,
        evaluations,
        method: 'nelder-mead',
        message: 'simplex converged',
      };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const towards = (coef: number): number[] => centroid.map((c, j) => c + coef * (simplex[n]![j]! - c));
    const reflected = towards(-1);
    const fr = safe(reflected);
    evaluations++;
    if (fr < values[0]!) {
      const expanded = towards(-2);
      const fe = safe(expanded);
      evaluations++;
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]!) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      const contracted = fr < values[n]! ? towards(-0.5) : towards(0.5);
      const fc = safe(contracted);
      evaluations++;
      if (fc < Math.min(fr, values[n]!)) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = safe(simplex[i]!);
          evaluations++;
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return {
    x: simplex[best]!,
    value: values[best]!,
    converged: false,
    iterations,
    evaluations,
    method: 'nelder-mead',
    message: 'iteration limit',
  };
}

/**
 * Minimises an objective from a starting point. Never throws on non-convergence: read `converged` and `message`.
 *
 * @example
 * ```ts
 * const rosenbrock = ([x, y]: readonly number[]) => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
 * const result = minimize(rosenbrock, [-1.2, 1]);
 * result.x // ≈ [1, 1]
 * result.converged //=> true
 * ```
 */
export function minimize(objective: Objective, x0: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const method = options.method ?? 'auto';
  const gradientTolerance = options.gradientTolerance ?? 1e-6;
  const functionTolerance = options.functionTolerance ?? 1e-12;
  const grad: Gradient = options.gradient ?? ((x) => numericalGradient(objective, x));
  if (method === 'nelder-mead') {
    return nelderMead(objective, x0, options.maxIterations ?? 200 * Math.max(1, x0.length), functionTolerance);
  }
  const first = bfgs(objective, grad, x0, options.maxIterations ?? 1000, gradientTolerance, functionTolerance);
  if (first.converged || method === 'bfgs') return first;
  const start = Number.isFinite(first.value) ? first.x : x0;
  const simplex = nelderMead(objective, start, 200 * Math.max(1, x0.length), 1e-14);
  const polish = bfgs(objective, grad, simplex.x, options.maxIterations ?? 1000, gradientTolerance, functionTolerance);
  const best = polish.value <= simplex.value ? polish : simplex;
  return {
    ...best,
    iterations: first.iterations + simplex.iterations + polish.iterations,
    evaluations: first.evaluations + simplex.evaluations + polish.evaluations,
    message: `bfgs: ${first.message}; nelder-mead: ${simplex.message}; polish: ${polish.message}`,
  };
}
