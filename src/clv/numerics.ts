/**
 * Numerical building blocks shared by the purchase models (library-private): stable logistic functions, the
 * expected purchases of an active BG/NBD-type customer, the discounted survival integral of the Pareto/NBD DERT,
 * the BG/NBD-type DERT expectation and a tanh-sinh quadrature. Each is written to stay finite and accurate for
 * x up to 10⁴ and T up to 10⁴ periods.
 *
 * @module
 */
import { betaln, hyp2f1, logHyp2f1 } from '../core/index.js';

/** 1/(1 + e⁻ᵈ) without overflow. */
export function sigmoid(d: number): number {
  if (d >= 0) return 1 / (1 + Math.exp(-d));
  const e = Math.exp(d);
  return e / (1 + e);
}

/**
 * The trigamma function ψ'(x) for x > 0: the recurrence ψ'(x) = ψ'(x + 1) + 1/x² up to x ≥ 10, then the asymptotic
 * series 1/x + 1/(2x²) + Σ B₂ₖ/x^(2k+1) (relative error below 1e−15).
 */
export function trigamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift += 1 / (x * x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  const series =
    inv +
    inv2 / 2 +
    inv *
      inv2 *
      (1 / 6 +
        inv2 *
          (-1 / 30 + inv2 * (1 / 42 + inv2 * (-1 / 30 + inv2 * (5 / 66 + inv2 * (-691 / 2730 + (inv2 * 7) / 6))))));
  return shift + series;
}

/** (1 − e^(εy))/ε, continuous at ε = 0 (where it is −y). */
function oneMinusExpOver(epsilon: number, y: number): number {
  return epsilon === 0 ? -y : -Math.expm1(epsilon * y) / epsilon;
}

/**
 * Expected number of purchases in (0, t] of a customer who is active now, whose purchase rate is
 * Gamma(R, A)-distributed (shape R, rate A) and who drops out with a Beta(a, B)-distributed probability after each
 * purchase (the BG/NBD process):
 * g = (a + B − 1)/(a − 1) · [1 − (A/(A + t))^R ₂F₁(R, B; a + B − 1; t/(A + t))] (Fader, Hardie & Lee 2005,
 * eq. 9 and 10).
 *
 * Evaluated through the Euler transform, (A/(A+t))^R ₂F₁(R, B; C; z) = (1 − z)^(a−1) ₂F₁(C − R, a − 1; C; z),
 * and the split ₂F₁(C − R, a − 1; C; z) = 1 + (a − 1)·H, which removes the 0/0 at a = 1 and the overflow of
 * the original form for large R:
 * g = C·[1 − (1 − z)^(a−1)]/(a − 1) − (1 − z)^(a−1)·C·H, with C·H = Σ_{n≥1} kₙ, k₁ = (C − R)z,
 * kₙ₊₁ = kₙ (C − R + n)(a + n − 1) z / ((C + n)(n + 1)).
 */
export function aliveExpectation(R: number, A: number, a: number, B: number, t: number): number {
  if (!(t > 0)) return 0;
  const z = t / (A + t);
  const logZc = -Math.log1p(t / A);
  const C = a + B - 1;
  const epsilon = a - 1;
  const head = C * oneMinusExpOver(epsilon, logZc);
  const weight = Math.exp(epsilon * logZc);
  let term = (C - R) * z;
  let sum = term;
  const scale = Math.abs(head) + 1e-300;
  for (let n = 1; n < 200_000; n++) {
    if (term === 0) return Math.max(0, head);
    const ratio = (((C - R + n) * (a + n - 1)) / ((C + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    const magnitude = Math.abs(term) * weight;
    if (magnitude <= 1e-17 * (scale + Math.abs(sum) * weight)) {
      const ahead = Math.abs(
        (((C - R + 11 * n + 100) * (a + 11 * n + 99)) / ((C + 11 * n + 100) * (11 * n + 101))) * z,
      );
      const bound = Math.max(Math.abs(ratio), ahead);
      if (bound < 1) {
        const tail = bound / (1 - bound) + Math.exp((10 * n + 100) * Math.log(bound)) / (1 - z);
        if (magnitude * tail <= 1e-16 * (scale + Math.abs(sum) * weight)) return Math.max(0, head - weight * sum);
      }
    }
  }
  // z within ~1e-5 of 1: the closed form through the general ₂F₁ (which handles z → 1).
  if (epsilon !== 0) {
    const inner = Math.exp(R * logZc + logHyp2f1(R, B, C, z));
    if (Number.isFinite(inner)) return Math.max(0, (C * (1 - inner)) / epsilon);
  }
  return Math.max(0, head - weight * sum);
}

const EULER_GAMMA = 0.5772156649015329;
/** ζ(k) − 1 for k = 2 … 41. */
const ZETA_MINUS_ONE = [
  0.6449340668482264, 0.2020569031595943, 0.08232323371113819, 0.03692775514336993, 0.01734306198444914,
  0.008349277381922827, 0.00407735619794434, 0.0020083928260822143, 0.0009945751278180853, 0.0004941886041194645,
  0.0002460865533080483, 0.00012271334757848915, 6.124813505870483e-5, 3.058823630702049e-5, 1.528225940865187e-5,
  7.637197637899763e-6, 3.81729326499984e-6, 1.908212716553939e-6, 9.539620338727962e-7, 4.769329867878064e-7,
  2.38450502727733e-7, 1.1921992596531106e-7, 5.960818905125948e-8, 2.980350351465228e-8, 1.490155482836504e-8,
  7.45071178983543e-9, 3.725334024788457e-9, 1.862659723513049e-9, 9.313274324196682e-10, 4.656629065033784e-10,
  2.3283118336765053e-10, 1.164155017270052e-10, 5.820772087902701e-11, 2.9103850444971e-11, 1.4551921891041985e-11,
  7.275959835057482e-12, 3.637979547378651e-12, 1.818989650307066e-12, 9.094947840263888e-13, 4.547473783042154e-13,
];

/** ln Γ(1 + ε)/ε for |ε| ≤ 1/2, continuous at 0 (Abramowitz & Stegun 6.1.33). */
function lgammaOnePlusOver(epsilon: number): number {
  if (epsilon === 0) return -EULER_GAMMA;
  let series = 0;
  let power = epsilon; // ε^(k−1)
  for (let k = 2; k < 42; k++) {
    series += ((k % 2 === 0 ? 1 : -1) * ZETA_MINUS_ONE[k - 2]! * power) / k;
    power *= epsilon;
    if (Math.abs(power) < 1e-18) break;
  }
  return -Math.log1p(epsilon) / epsilon + 1 - EULER_GAMMA + series;
}

/**
 * J(s, z) = ∫₀^∞ e^(−zu) (1 + u)^(−s) du = e^z z^(s−1) Γ(1 − s, z) = z^(s−1) U(s, s, z) for s > 0, z > 0: the
 * discounted survival integral of the Pareto/NBD DERT (Fader, Hardie & Lee 2005, JMR, eq. 2, with Tricomi's U).
 * For z ≥ 1/2 or s ≥ 20 Legendre's continued fraction of Γ(a, z) (modified Lentz); otherwise the series
 * e^z [z^(s−1)Γ(1 − s) − Σₙ (−z)ⁿ/(n!(1 − s + n))] with the pole pair at 1 − s + m ≈ 0 combined analytically, so
 * integer and near-integer s are as accurate as any other (the instability of the 1F1 form used elsewhere).
 */
export function discountedSurvivalIntegral(s: number, z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 0;
  // J = 1/(z + s) · (1 − s/(z + s)² + …): for z ≫ s the first factor is exact to double precision.
  if (z > 1e9 * (s + 1)) return 1 / (z + s);
  if (z >= 0.5 || s >= 20) {
    // J = 1/(z + s − 1·s/(z + s + 2 − 2(s + 1)/(z + s + 4 − …))); fast for z ≥ 1/2 or large s.
    const tiny = 1e-300;
    let f = z + s;
    let c = f;
    let d = 0;
    for (let n = 1; n < 100_000; n++) {
      const an = -n * (s + n - 1);
      const bn = z + s + 2 * n;
      d = bn + an * d;
      if (d === 0) d = tiny;
      c = bn + an / c;
      if (c === 0) c = tiny;
      d = 1 / d;
      const delta = c * d;
      f *= delta;
      if (!(Math.abs(delta - 1) >= 1e-16)) break;
    }
    return 1 / f;
  }
  const m = Math.max(0, Math.round(s - 1));
  const epsilon = 1 - s + m;
  const logZ = Math.log(z);
  let total = 0;
  if (Math.abs(epsilon) <= 0.5) {
    // (−1)^m z^m/m! · expm1(E)/ε with E = −ε ln z + ln Γ(1 + ε) − Σₖ₌₁..ₘ ln(1 − ε/k).
    let perEpsilon = -logZ + lgammaOnePlusOver(epsilon);
    let logPower = 0;
    for (let k = 1; k <= m; k++) {
      perEpsilon += epsilon === 0 ? 1 / k : -Math.log1p(-epsilon / k) / epsilon;
      logPower += logZ - Math.log(k);
    }
    const exponent = epsilon * perEpsilon;
    const combined = epsilon === 0 ? perEpsilon : Math.expm1(exponent) / epsilon;
    total += (m % 2 === 0 ? 1 : -1) * Math.exp(logPower) * combined;
  } else {
    // s < 1/2: no pole; z^(s−1) Γ(1 − s) directly (1 − s ∈ (1/2, 1)).
    total += Math.exp((s - 1) * logZ + lgammaPositive(1 - s));
  }
  let term = 1; // (−z)ⁿ/n!
  for (let n = 0; n < 200; n++) {
    if (n > 0) term *= -z / n;
    if (!(Math.abs(epsilon) <= 0.5 && n === m)) total -= term / (1 - s + n);
    if (n > m + 2 && Math.abs(term) < 1e-18 * Math.abs(total)) break;
  }
  return Math.exp(z) * total;
}

/** ln Γ(x) for x in (1/2, 1]: ln Γ(1 + ε) with ε = x − 1. */
function lgammaPositive(x: number): number {
  const epsilon = x - 1;
  return epsilon * lgammaOnePlusOver(epsilon);
}

/**
 * ∫₀¹ f dp by tanh-sinh (double-exponential) quadrature, robust to integrable singularities at both ends. `f`
 * receives p, 1 − p, their logarithms (accurate near the ends) and the log of the quadrature weight dp/du, and
 * returns its contribution f(p)·dp/du (so that densities like p^(a−1) can be combined with the weight in log space).
 * Halves the step until two levels agree to `tolerance` (relative).
 */
export function tanhSinhUnit(
  f: (p: number, q: number, logP: number, logQ: number, logWeight: number) => number,
  tolerance = 1e-11,
): number {
  const at = (u: number): number => {
    const v = Math.PI * Math.sinh(u); // p = 1/(1 + e^(−v))
    const logP = v > 0 ? -Math.log1p(Math.exp(-v)) : v - Math.log1p(Math.exp(v));
    const logQ = v > 0 ? -v - Math.log1p(Math.exp(-v)) : -Math.log1p(Math.exp(v));
    const contribution = f(Math.exp(logP), Math.exp(logQ), logP, logQ, Math.log(Math.PI * Math.cosh(u)) + logP + logQ);
    return Number.isFinite(contribution) ? contribution : 0;
  };
  const limit = 6.5;
  let h = 0.5;
  let sum = at(0);
  for (let k = 1; k * h <= limit; k++) sum += at(k * h) + at(-k * h);
  let estimate = sum * h;
  for (let level = 0; level < 9; level++) {
    h /= 2;
    let added = 0;
    for (let k = 1; k * h <= limit; k += 2) added += at(k * h) + at(-k * h);
    sum += added;
    const next = sum * h;
    if (Math.abs(next - estimate) <= tolerance * Math.abs(next)) return next;
    estimate = next;
  }
  return estimate;
}

/**
 * E[λ/(δ + pλ)] for λ ~ Gamma(R, A) (shape, rate) and p ~ Beta(a, B): the expected discounted number of future
 * purchases of an active BG/NBD-type customer (each purchase at rate λ, dropout with probability p after each
 * purchase: Σₖ (λ/(λ+δ))ᵏ (1 − p)^(k−1) = λ/(δ + pλ)).
 *
 * Expanded as Σₖ≥0 E[(1 − p)ᵏ] Mₖ₊₁ with E[(1 − p)ᵏ] = (B)ₖ/(a + B)ₖ and the moments Mⱼ = E[(λ/(λ + δ))ʲ],
 * which satisfy (j + 1)Mⱼ₊₂ = (R + Aδ + 2j + 1)Mⱼ₊₁ − (R + j)Mⱼ (integration by parts) and are the decaying
 * solution, computed by Miller's backward recurrence normalised by M₀ = 1. When that would need too many terms
 * (large R with small Aδ), tanh-sinh quadrature over p of (R/p)·J(R + 1, Aδ/p) instead.
 */
export function betaGeometricDiscountedPurchases(R: number, A: number, a: number, B: number, delta: number): number {
  const z = A * delta;
  // Mⱼ decays like exp(−2√(jz)) for a diffuse Gamma and like exp(−jz/R) for a concentrated one.
  let terms = Math.min((47 + 2 * R) ** 2 / (4 * z), (60 * R + 600) / z) + 60;
  while (terms <= 400_000) {
    const top = Math.ceil(terms * 1.15) + 30;
    const moments = new Float64Array(top + 2);
    moments[top] = 1e-280;
    for (let k = top; k > 0; k--) {
      moments[k - 1] = ((R + z + 2 * k - 1) * moments[k]! - k * moments[k + 1]!) / (R + k - 1);
      if (moments[k - 1]! > 1e250) {
        for (let i = k - 1; i <= top; i++) moments[i]! *= 1e-250;
      }
    }
    const norm = moments[0]!;
    const last = Math.floor(terms);
    if (moments[last]! / norm > 1e-18) {
      // The moments have not decayed by the truncation point: start further out.
      terms *= 4;
      continue;
    }
    let sum = 0;
    let coefficient = 1;
    for (let k = 0; k < top; k++) {
      sum += coefficient * moments[k + 1]!;
      coefficient *= (B + k) / (a + B + k);
    }
    return sum / norm;
  }
  const logNorm = betaln(a, B);
  return tanhSinhUnit((p, _q, logP, logQ, logWeight) => {
    // Beta density × R/p × J, the powers of p combined in log space.
    const scale = Math.exp((a - 2) * logP + (B - 1) * logQ - logNorm + logWeight);
    return scale * R * discountedSurvivalIntegral(R + 1, z / p);
  }, 1e-10);
}

/** Step h of the trapezoidal rule in u = ln s of {@link betaGeometricDiscountedPurchasesEvaluator}. */
const LAPLACE_STEP = 0.3;
/** Relative bound on the neglected ends of the trapezoidal sum. */
const LAPLACE_TRUNCATION = 1e-14;
/**
 * Largest accepted relative difference between the sums with steps h and 2h. The discretisation error of the
 * trapezoidal rule falls like e^(−2πd/h), so the error of the step-h sum is about the square of this difference
 * (at most 1e−10 here); above it the exact series is used instead.
 */
const LAPLACE_CERTIFICATE = 1e-5;
/** Most lattice points one evaluation may visit (far more than the ≈ 200 the module's ranges need). */
const LAPLACE_MAX_NODES = 4_000;

/** m(s) = ₂F₁(R + 1, a; a + B; −s) on the lattice sⱼ = e^(jh) for j = first … first + length − 1. */
interface LaplaceTable {
  first: number;
  nodes: Float64Array;
  values: Float64Array;
}

/**
 * A batch evaluator of {@link betaGeometricDiscountedPurchases} for one a: the returned function computes
 * E[λ/(δ + pλ)] for λ ~ Gamma(R, A), p ~ Beta(a, B) in a few microseconds per (R, A, B, δ) once the few hundred
 * values of ₂F₁ it needs for that (R, B) are cached — a batch of customers shares them across every age T and
 * discount rate δ, because only R = r + x and B = b + x (+1) depend on the customer's purchase count.
 *
 * Method. With g = Aλ ~ Gamma(R, 1) and z = Aδ, 1/(z + pg) = ∫₀^∞ e^(−s(z + pg)) ds and E_g[g e^(−spg)] = R(1 + sp)^(−R−1)
 * give the Laplace transform E[λ/(δ + pλ)] = E[g/(z + pg)] = R ∫₀^∞ e^(−zs) m(s) ds with
 * m(s) = E_p[(1 + sp)^(−R−1)] = ₂F₁(R + 1, a; a + B; −s), which does not depend on A or δ. After s = e^u the
 * integrand R e^(u − z e^u) m(e^u) is analytic in the strip |Im u| < π/2 and decays exponentially to the left and
 * double-exponentially to the right, so the trapezoidal rule on the fixed lattice uⱼ = jh converges like
 * e^(−2πd/h) for any d < π/2, whatever the scales of R, z, a and B (one lattice serves every age and discount rate). The sum
 * starts at sⱼ ≤ 10⁻¹⁴/(z + R + 1) (the neglected left part is below 10⁻¹⁴ of the value, since the value is at least
 * R/(z + R + 1)) and stops once zsⱼ > 2 and the rest, bounded by a geometric series because m ≤ 1, is below 10⁻¹⁴ of
 * the sum. The sums with steps h and 2h are compared; the error of the step-h sum is about the square of their
 * relative difference, and when that difference exceeds 10⁻⁵ (or ₂F₁ fails) the exact series is used instead.
 * Measured against the exact series on a dense grid (x ≤ 10⁴, T ≤ 10⁴, δ from 10⁻⁵ to 1, a from 0.1 to 10): relative
 * error below 1e−10 (see docs/clv.md).
 */
export function betaGeometricDiscountedPurchasesEvaluator(
  a: number,
): (R: number, A: number, B: number, delta: number) => number {
  const h = LAPLACE_STEP;
  const tables = new Map<number, Map<number, LaplaceTable>>();
  const tableOf = (R: number, B: number): LaplaceTable => {
    let byB = tables.get(R);
    if (byB === undefined) {
      byB = new Map();
      tables.set(R, byB);
    }
    let table = byB.get(B);
    if (table === undefined) {
      table = { first: 0, nodes: new Float64Array(0), values: new Float64Array(0) };
      byB.set(B, table);
    }
    return table;
  };
  /** Extends the table to cover lattice indices from..to (inclusive), keeping the values already computed. */
  const cover = (table: LaplaceTable, R: number, B: number, from: number, to: number): void => {
    const oldFirst = table.first;
    const oldLength = table.values.length;
    const first = oldLength === 0 ? from : Math.min(from, oldFirst);
    const last = oldLength === 0 ? to : Math.max(to, oldFirst + oldLength - 1);
    const nodes = new Float64Array(last - first + 1);
    const values = new Float64Array(last - first + 1);
    for (let j = first; j <= last; j++) {
      const k = j - oldFirst;
      if (oldLength > 0 && k >= 0 && k < oldLength) {
        nodes[j - first] = table.nodes[k]!;
        values[j - first] = table.values[k]!;
      } else {
        const s = Math.exp(j * h);
        nodes[j - first] = s;
        values[j - first] = hyp2f1(R + 1, a, a + B, -s);
      }
    }
    table.first = first;
    table.nodes = nodes;
    table.values = values;
  };
  return (R, A, B, delta) => {
    const z = A * delta;
    const table = tableOf(R, B);
    const start = Math.floor(Math.log(LAPLACE_TRUNCATION / (z + R + 1)) / h);
    if (table.values.length === 0 || start < table.first) cover(table, R, B, start, start + 64);
    let all = 0;
    let even = 0;
    let settled = false;
    for (let j = start; j < start + LAPLACE_MAX_NODES; j++) {
      let k = j - table.first;
      if (k >= table.values.length) {
        cover(table, R, B, j, j + 32);
        k = j - table.first;
      }
      const s = table.nodes[k]!;
      const weight = s * Math.exp(-z * s);
      const term = weight * table.values[k]!;
      all += term;
      if ((j & 1) === 0) even += term;
      // For zs > 2 the weights s·e^(−zs) fall by a factor below 0.67 per step, so the rest is below 3·weight.
      if (z * s > 2 && 3 * weight <= LAPLACE_TRUNCATION * all) {
        settled = true;
        break;
      }
    }
    const value = R * h * all;
    if (settled && Number.isFinite(value) && Math.abs(all - 2 * even) <= LAPLACE_CERTIFICATE * all) return value;
    return betaGeometricDiscountedPurchases(R, A, a, B, delta);
  };
}
