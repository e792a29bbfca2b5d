import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng, Dec, hyp2f1, lgamma, logHyp2f1, type Decimal } from '../../src/core/index.js';

/** Relative error with a floor so that tiny references do not blow it up. */
function relativeError(got: number, want: number): number {
  return Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
}

/**
 * An independent 40-digit reference: the power series of ₂F₁ in decimal arithmetic, of the direct form or of the
 * Euler transform (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) (an exact identity), and for z < 0 of the Pfaff
 * transform (1 − z)^(−a) ₂F₁(a, c − b; c; z/(z − 1)). Terms are summed until they fall below 1e−32 of the sum.
 */
function decimalReference(a: number, b: number, c: number, z: number): Decimal {
  const series = (p: number, q: number, r: number, x: Decimal): Decimal | undefined => {
    let term = new Dec(1);
    let sum = new Dec(1);
    for (let n = 0; n < 6000; n++) {
      term = term
        .times(new Dec(p).plus(n))
        .times(new Dec(q).plus(n))
        .div(new Dec(r).plus(n))
        .div(n + 1)
        .times(x);
      sum = sum.plus(term);
      if (n > 5 && term.abs().lt(sum.abs().times('1e-32'))) return sum;
    }
    return undefined;
  };
  const zd = new Dec(z);
  const oneMinus = new Dec(1).minus(zd);
  if (z < 0) {
    const w = zd.div(zd.minus(1));
    const prefactor = oneMinus.pow(-a);
    const direct = series(a, c - b, c, w);
    if (direct !== undefined) return prefactor.times(direct);
    const wc = new Dec(1).minus(w);
    const euler = series(c - a, b, c, w);
    if (euler !== undefined)
      return prefactor.times(wc.pow(new Dec(c).minus(a).minus(new Dec(c).minus(b)))).times(euler);
    throw new Error('reference series did not converge');
  }
  const direct = series(a, b, c, zd);
  if (direct !== undefined) return direct;
  const euler = series(c - a, c - b, c, zd);
  if (euler !== undefined) return oneMinus.pow(new Dec(c).minus(a).minus(b)).times(euler);
  throw new Error('reference series did not converge');
}

/**
 * Values computed with mpmath 1.3.0 at 50 significant digits (`mp.dps = 50; hyp2f1(a, b, c, z)`, with
 * `maxterms=10**6`; for the largest parameters through the Euler transform), printed to 25 digits. The doubles are
 * the same binary values in Python and JavaScript. These are the hard ranges: z within 1e−12 of 1, c − a − b an
 * integer or within 1e−7 of one, z down to −1e12, parameters of 10⁴.
 */
const MPMATH: readonly (readonly [number, number, number, number, string])[] = [
  [0.2426, 2.426, 2.219, 0.9, '1.945541803510637232376679'],
  [0.2426, 2.426, 2.219, 0.999, '11.05910440164885795913605'],
  [0.2426, 2.426, 2.219, 0.999999999, '5161.063933573994438172366'],
  [1.1595, 0.5533, 2.1595, 0.09357326478149104, '1.02926944956721216029943'],
  [27.1595, 26.5533, 28.1595, 0.025675993416411955, '1.946714941890184776770768'],
  [10001.1, 1.6, 10002.1, 0.999, '54972.87550874897750146093'],
  [1.15, 1.6, 2.15, 0.9999, '479.0563102041866193831741'],
  [0.7, 1.3, 2.0, 0.999999, '12.06069426904009187126897'],
  [0.7, 1.3, 1.0, 0.999999, '858394.8540269031306116369'],
  [1.0, 2.5, 4.5, 0.999999999999, '3.499999999772936652484095'],
  [0.5, 0.5, 1.0, 0.99, '2.352715816779742321518595'],
  [1.0, 1.0, 2.0, 0.999999999, '20.72326588595160831937866'],
  [0.7, 1.3, 2.0000001, 0.99999, '10.08424430391662142591536'],
  [0.7, 1.3, 2.99999, 0.999, '1.876360471163140646646459'],
  [1, 4.806, 5.474, 0.9090909090909091, '6.365230152502745628557085'],
  [1, 1.267, 1.334, 0.9999000099990001, '5566.317032795626489624702'],
  [1, 8.182, 8.886, 0.9990009990009991, '75.69543082075450004103695'],
  [0.3, 1.7, 2.2, -0.5, '0.9080195998454490444100553'],
  [0.3, 1.7, 2.2, -1000.0, '0.1407395815183272035224694'],
  [1, 1, 2, -1000000.0, '0.00001381551155796377410444128'],
  [2, 3, 5, -1000000000000.0, '5.999999999372855493216696e-24'],
  [5.5, 0.25, 1.5, -1000000000000.0, '0.0006577380952380855654761905'],
  [1.1595, 1.6062, 2.1595, -50.0, '0.02082283607181431316489509'],
  [-2.5, 1.5, 0.5, 0.75, '-0.4375'],
  [1.5, 2.5, -0.5, 0.3, '-23.69549429584220312319236'],
  [-0.3, 0.7, -1.7, -2.0, '0.937815592629485029245241'],
  [-3, 2.5, 1.5, 0.7, '-0.09900000000000001731947918'],
  [-10, 3, 4.5, -3, '179141.4500164258947406074'],
  [-20, -5, 2.5, 0.99, '5987.590344147551446065541'],
];

/** ln ₂F₁ from mpmath (as above) for values beyond the double range. */
const MPMATH_LOG: readonly (readonly [number, number, number, number, string])[] = [
  [10000.2426, 10002.426, 10002.219, 0.5, '6931.783424119215'],
  [10000.2426, 10002.426, 10002.219, 0.999, '69080.65847572764'],
  [10001.1, 10000.5, 10002.1, 0.999, '69074.09907201706'],
  [10000.5, 10000.5, 2, 0.9, '59376.80843444751403426978'],
  [10001.159, 10000.5533, 10002.159, 0.9995, '76005.62943277722951187076'],
  [300.5, 300.5, 1.5, 0.5, '729.4118104021139323628548'],
  [20000.3, 20003.7, 20002.9, 0.7, '24080.78038381046176462966'],
];

describe('hyp2f1', () => {
  it('matches mpmath to 1e-12 relative in the hard ranges', () => {
    for (const [a, b, c, z, value] of MPMATH) {
      expect(relativeError(hyp2f1(a, b, c, z), Number(value)), `2F1(${a}, ${b}; ${c}; ${z})`).toBeLessThan(1e-12);
    }
  });

  it('gives logarithms beyond the double range (x = 10,000 BG/NBD and Pareto/NBD terms)', () => {
    for (const [a, b, c, z, value] of MPMATH_LOG) {
      expect(relativeError(logHyp2f1(a, b, c, z), Number(value)), `ln 2F1(${a}, ${b}; ${c}; ${z})`).toBeLessThan(1e-12);
      expect(hyp2f1(a, b, c, z)).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('matches a 40-digit decimal series on the models’ parameter ranges', () => {
    const rng = createRng('hyp2f1-reference');
    const cases: [number, number, number, number][] = [];
    for (let i = 0; i < 12; i++) {
      // BG/NBD and MBG/NBD: 2F1(r + x, b + x; a + b + x − 1; t/(α + T + t))
      const r = 10 ** (rng.uniform() * 2 - 1.5);
      const a = 10 ** (rng.uniform() * 2 - 1);
      const b = 10 ** (rng.uniform() * 2 - 1);
      const x = rng.pick([0, 1, 3, 12, 150, 4000]);
      const z = rng.uniform() * 0.95;
      cases.push([r + x, b + x, a + b + x - 1, z]);
    }
    for (let i = 0; i < 12; i++) {
      // Pareto/NBD: 2F1(r + s + x, s + 1 or r + x; r + s + x + 1; |α − β|/(max(α, β) + t)), also unbranched (z < 0)
      const r = 10 ** (rng.uniform() * 2 - 1.5);
      const s = 10 ** (rng.uniform() * 2 - 1.5);
      const x = rng.pick([0, 1, 3, 12, 150, 4000]);
      const z = rng.uniform() * 0.95;
      cases.push([r + s + x, i % 2 === 0 ? s + 1 : r + x, r + s + x + 1, z]);
      cases.push([r + s + x, s + 1, r + s + x + 1, -rng.uniform() * 20]);
    }
    for (const [a, b, c, z] of cases) {
      const want = decimalReference(a, b, c, z);
      if (want.abs().lt('1e300')) {
        expect(relativeError(hyp2f1(a, b, c, z), want.toNumber()), `2F1(${a}, ${b}; ${c}; ${z})`).toBeLessThan(1e-11);
      } else {
        // Beyond the double range: compare logarithms.
        expect(
          relativeError(logHyp2f1(a, b, c, z), want.ln().toNumber()),
          `ln 2F1(${a}, ${b}; ${c}; ${z})`,
        ).toBeLessThan(1e-13);
      }
    }
  });

  it('reproduces closed forms', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 0.999999, noNaN: true }), (z) => {
        if (z === 0) return;
        // 2F1(1, 1; 2; z) = −ln(1 − z)/z
        expect(relativeError(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 40, noNaN: true }),
        fc.double({ min: -100, max: 0.99, noNaN: true }),
        (a, b, z) => {
          // 2F1(a, b; b; z) = (1 − z)^(−a)
          const want = Math.exp(-a * Math.log1p(-z));
          if (!Number.isFinite(want) || want === 0) return;
          expect(relativeError(hyp2f1(a, b, b, z), want)).toBeLessThan(1e-11);
        },
      ),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        // 2F1(1/2, 1; 3/2; −x²) = arctan(x)/x
        expect(relativeError(hyp2f1(0.5, 1, 1.5, -x * x), Math.atan(x) / x)).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('satisfies Gauss’s contiguous relation (DLMF 15.5.18)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.double({ min: 1.2, max: 12, noNaN: true }),
        fc.double({ min: -30, max: 0.999, noNaN: true }),
        (a, b, c, z) => {
          const lower = hyp2f1(a, b, c - 1, z);
          const mid = hyp2f1(a, b, c, z);
          const upper = hyp2f1(a, b, c + 1, z);
          const t1 = c * (c - 1) * (z - 1) * lower;
          const t2 = c * (c - 1 - (2 * c - a - b - 1) * z) * mid;
          const t3 = (c - a) * (c - b) * z * upper;
          const scale = Math.abs(t1) + Math.abs(t2) + Math.abs(t3);
          if (!Number.isFinite(scale) || scale === 0) return;
          expect(Math.abs(t1 + t2 + t3) / scale).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('evaluates Gauss’s sum at z = 1 and the special arguments', () => {
    const gauss = Math.exp(lgamma(2.5) + lgamma(1.3) - lgamma(2.2) - lgamma(1.6));
    expect(relativeError(hyp2f1(0.3, 0.9, 2.5, 1), gauss)).toBeLessThan(1e-13);
    expect(hyp2f1(0.3, 0.9, 1.1, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(hyp2f1(2, 3, 4, 0)).toBe(1);
    expect(hyp2f1(0, 3, 4, 0.7)).toBe(1);
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(-2, 1, -2, 0.5)).toBeCloseTo(1.75, 14);
    expect(hyp2f1(Number.NaN, 1, 2, 0.5)).toBeNaN();
    expect(logHyp2f1(1, 1, 2, 0.5)).toBeCloseTo(Math.log(2 * Math.log(2)), 14);
    expect(logHyp2f1(-3, 2.5, 1.5, 0.7)).toBeNaN();
    expect(logHyp2f1(1, 1, 2, 2)).toBeNaN();
  });

  it('stays finite and positive on the models’ ranges up to x = 10,000 and T = 10,000', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        fc.double({ min: 0.001, max: 10_000, noNaN: true }),
        (r, a, b, x, T, t) => {
          const c = a + b + x - 1;
          if (c <= 0 && Number.isInteger(c)) return;
          const z = t / (1 + T + t);
          const value = logHyp2f1(r + x, b + x, c, z);
          if (c > 0) expect(Number.isFinite(value)).toBe(true);
          const pareto = logHyp2f1(r + a + x, a + 1, r + a + x + 1, z);
          expect(Number.isFinite(pareto)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on arbitrary doubles', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), fc.double({ min: -1e300, max: 1 }), (a, b, c, z) => {
        const value = hyp2f1(a, b, c, z);
        expect(typeof value).toBe('number');
      }),
      { numRuns: 200 },
    );
  });
});
