import { describe, expect, it } from 'vitest';
import {
  createRng,
  invertSymmetric,
  minimize,
  numericalGradient,
  numericalHessian,
  seedToUint32,
} from '../../src/core/index.js';

const rosenbrock = ([x, y]: readonly number[]): number => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
const rosenbrockGradient = ([x, y]: readonly number[]): number[] => [
  -2 * (1 - x!) - 400 * x! * (y! - x! * x!),
  200 * (y! - x! * x!),
];

describe('minimize', () => {
  it('finds the Rosenbrock minimum with an analytic gradient', () => {
    const result = minimize(rosenbrock, [-1.2, 1], { gradient: rosenbrockGradient });
    expect(result.converged).toBe(true);
    expect(result.method).toBe('bfgs');
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it('finds it with finite differences and with Nelder–Mead', () => {
    const fd = minimize(rosenbrock, [-1.2, 1]);
    expect(fd.x[0]).toBeCloseTo(1, 5);
    const nm = minimize(rosenbrock, [-1.2, 1], { method: 'nelder-mead', maxIterations: 5000 });
    expect(nm.method).toBe('nelder-mead');
    expect(nm.x[0]).toBeCloseTo(1, 3);
    expect(nm.x[1]).toBeCloseTo(1, 3);
  });

  it('minimises a 5-dimensional quadratic exactly', () => {
    const centre = [1, -2, 3, -4, 5];
    const f = (x: readonly number[]): number => x.reduce((s, v, i) => s + (i + 1) * (v - centre[i]!) ** 2, 0);
    const result = minimize(f, [0, 0, 0, 0, 0]);
    result.x.forEach((v, i) => {
      expect(v).toBeCloseTo(centre[i]!, 5);
    });
  });

  it('reports non-convergence instead of throwing', () => {
    const result = minimize(([x]) => -x!, [0], { method: 'bfgs', maxIterations: 5 });
    expect(result.converged).toBe(false);
    const infeasible = minimize(() => Number.NaN, [1], { method: 'bfgs' });
    expect(infeasible.converged).toBe(false);
    expect(infeasible.message).toMatch(/not finite/);
  });

  it('falls back to Nelder–Mead when BFGS cannot move (auto)', () => {
    // |x - 2| has no useful gradient at the kink; auto still lands near the minimum.
    const result = minimize(([x]) => Math.abs(x! - 2) + (x! > 10 ? Number.NaN : 0), [0]);
    expect(result.x[0]).toBeCloseTo(2, 4);
  });
});

describe('derivatives and matrices', () => {
  it('computes numerical gradients and Hessians', () => {
    const g = numericalGradient(([x, y]) => x! * x! + 3 * y!, [2, 0]);
    expect(g[0]).toBeCloseTo(4, 6);
    expect(g[1]).toBeCloseTo(3, 6);
    const h = numericalHessian(([x, y]) => x! * x! + x! * y! + 2 * y! * y!, [1, 1]);
    expect(h[0]![0]).toBeCloseTo(2, 4);
    expect(h[0]![1]).toBeCloseTo(1, 4);
    expect(h[1]![1]).toBeCloseTo(4, 4);
    const hg = numericalHessian(rosenbrock, [1, 1], rosenbrockGradient);
    expect(hg[0]![0]).toBeCloseTo(802, 3);
    expect(hg[0]![1]).toBeCloseTo(-400, 3);
  });

  it('inverts symmetric positive-definite matrices and refuses others', () => {
    const diagonal = invertSymmetric([
      [4, 0],
      [0, 2],
    ])!;
    expect(diagonal[0]).toEqual([0.25, 0]);
    expect(diagonal[1]![1]).toBeCloseTo(0.5, 14);
    const inv = invertSymmetric([
      [2, 1],
      [1, 2],
    ])!;
    expect(inv[0]![0]).toBeCloseTo(2 / 3, 12);
    expect(inv[0]![1]).toBeCloseTo(-1 / 3, 12);
    expect(
      invertSymmetric([
        [1, 2],
        [2, 1],
      ]),
    ).toBeUndefined();
  });
});

describe('createRng', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = createRng('seed');
    const b = createRng('seed');
    const c = createRng('other');
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
    expect(seedToUint32(1)).not.toBe(seedToUint32('1'));
  });

  it('produces a known stream (cross-platform regression)', () => {
    const rng = createRng(42);
    const first = [rng.uniform(), rng.uniform(), rng.integer(1000)];
    expect(first).toMatchSnapshot();
  });

  it('samples distributions with the right moments', () => {
    const rng = createRng(7);
    const n = 100_000;
    const mean = (draw: () => number): number => {
      let s = 0;
      for (let i = 0; i < n; i++) s += draw();
      return s / n;
    };
    expect(mean(() => rng.uniform())).toBeCloseTo(0.5, 2);
    expect(mean(() => rng.normal())).toBeCloseTo(0, 1);
    expect(mean(() => rng.exponential(2))).toBeCloseTo(0.5, 2);
    expect(mean(() => rng.gamma(3, 2))).toBeCloseTo(1.5, 1);
    expect(mean(() => rng.gamma(0.3, 1))).toBeCloseTo(0.3, 1);
    expect(mean(() => rng.beta(2, 6))).toBeCloseTo(0.25, 2);
    expect(mean(() => rng.poisson(4))).toBeCloseTo(4, 1);
    expect(mean(() => rng.poisson(80))).toBeCloseTo(80, 0);
    expect(mean(() => rng.geometric(0.25))).toBeCloseTo(3, 1);
    expect(mean(() => (rng.bernoulli(0.3) ? 1 : 0))).toBeCloseTo(0.3, 2);
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[rng.weightedIndex([1, 2, 7])]!++;
    expect(counts[2]! / n).toBeCloseTo(0.7, 2);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('forks independent but reproducible streams', () => {
    const a = createRng(1).fork();
    const b = createRng(1).fork();
    expect(a.uniform()).toBe(b.uniform());
  });
});
