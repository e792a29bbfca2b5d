/**
 * The Pareto/NBD likelihood and its analytic gradient (library-private), in the form of Fader & Hardie (2005),
 * "A Note on Deriving the Pareto/NBD Model and Related Expressions" (brucehardie.com/notes/009):
 *
 * L = Γ(r + x) α^r β^s / Γ(r) · [ 1/((α + T)^(r+x) (β + T)^s) + s/(r + s + x) · A₀ ], where for α ≥ β
 * A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+tx))/(α+tx)^(r+s+x) − ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+T))/(α+T)^(r+s+x)
 * and for α < β the same with (s + 1 → r + x, α ↔ β in the arguments).
 *
 * With the Euler transform ₂F₁(a, b; a + 1; z) = (1 − z)^(1−b) ₂F₁(1, a + 1 − b; a + 1; z) each A₀ term becomes
 * e^L(t) with (α ≥ β) L(t) = −(r + x) ln(α + t) − s ln(β + t) + ln S(t), S = ₂F₁(1, r + x; r + s + x + 1; z),
 * (α < β) L(t) = −(s + 1) ln(β + t) − (r + x − 1) ln(α + t) + ln S(t), S = ₂F₁(1, s + 1; r + s + x + 1; z):
 * a series of positive terms with ratio below z < 1, summed together with its derivatives in its three parameters,
 * which gives the exact gradient at about twice the cost of the value. Everything is in log space, so x = 10⁴ and
 * T = 10⁴ neither overflow nor underflow.
 *
 * @module
 */
import { digamma, lgamma, logHyp2f1 } from '../core/index.js';
import type { PreparedData } from './prepare.js';

/** Enough for 1 − z down to ~4e−4; closer to 1 the 1 − z form below takes over. */
const MAX_TERMS = 100_000;

/**
 * ln ₂F₁(1, p; q; 1 − w) for small w by the 1 − z connection formula (DLMF 15.8.4), whose second part is closed:
 * S = (q − 1)/m · ₂F₁(1, p; 1 − m; w) + Γ(q)Γ(−m)/Γ(p) · w^m (1 − w)^(1−q), m = q − 1 − p. Undefined when m is
 * (nearly) an integer, p·w is large, or the two parts cancel (the cancellation is checked).
 */
function logSeriesNearOne(p: number, q: number, w: number): number | undefined {
  const m = q - 1 - p;
  if (Math.abs(m - Math.round(m)) < 1e-6 || !(p * w <= 50) || !(w > 0)) return undefined;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 2000; n++) {
    term *= ((p + n) / (1 - m + n)) * w;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  const first = ((q - 1) / m) * sum;
  const gammaSign = -m > 0 || Math.floor(-m) % 2 === 0 ? 1 : -1;
  const second = gammaSign * Math.exp(lgamma(q) + lgamma(-m) - lgamma(p) + m * Math.log(w) - (q - 1) * Math.log1p(-w));
  const total = first + second;
  if (!(total > 0) || Math.abs(first) + Math.abs(second) > 1e6 * total) return undefined;
  return Math.log(total);
}

/**
 * S = ₂F₁(1, p; q; z) = Σₙ (p)ₙ/(q)ₙ zⁿ for 0 ≤ z < 1, 0 < p < q (zc = 1 − z, given separately for precision),
 * with ∂S/∂p, ∂S/∂q, ∂S/∂z written to out[0..3]. Close to z = 1, where the series is slow, the 1 − z form or the
 * general ₂F₁, with derivatives by difference quotients.
 */
export function hypergeometricSeries(p: number, q: number, z: number, zc: number, out: Float64Array): void {
  let term = 1;
  let s = 1;
  let sp = 0;
  let sq = 0;
  let sz = 0;
  let cp = 0;
  let cq = 0;
  const tailScale = 1 / (zc * zc);
  for (let n = 0; n < MAX_TERMS; n++) {
    const pn = p + n;
    const qn = q + n;
    const step = pn / qn;
    sz += (n + 1) * term * step; // ∂T(n+1)/∂z = (n + 1) T(n) (p+n)/(q+n)
    cp += 1 / pn;
    cq += 1 / qn;
    term *= step * z;
    s += term;
    sp += term * cp;
    sq -= term * cq;
    if (term * (n + 2) * tailScale * (1 + cp + cq) <= 1e-17 * s) {
      out[0] = s;
      out[1] = sp;
      out[2] = sq;
      out[3] = sz;
      return;
    }
  }
  // z very close to 1: the 1 − z form when it applies, else the general ₂F₁; derivatives by differences.
  const near = logSeriesNearOne(p, q, zc);
  const log =
    near === undefined
      ? (pp: number, qq: number, ww: number): number => logHyp2f1(1, pp, qq, 1 - ww)
      : (pp: number, qq: number, ww: number): number => logSeriesNearOne(pp, qq, ww) ?? logHyp2f1(1, pp, qq, 1 - ww);
  const base = near ?? log(p, q, zc);
  const value = Math.exp(base);
  const hp = 1e-6 * Math.max(1, p);
  const hq = 1e-6 * Math.max(1, q);
  const hw = 1e-6 * zc;
  out[0] = value;
  out[1] = (value * (log(p + hp, q, zc) - log(p - hp, q, zc))) / (2 * hp);
  out[2] = (value * (log(p, q + hq, zc) - log(p, q - hq, zc))) / (2 * hq);
  out[3] = -(value * (log(p, q, zc + hw) - log(p, q, zc - hw))) / (2 * hw);
}

/** Pareto/NBD parameters in vector order. */
export interface ParetoTheta {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/**
 * L(t) of one A₀ term and its gradient with respect to (r, α, s, β), written to out[0] (value) and out[1..4].
 * `logA`/`invA` are ln(α + t) and 1/(α + t), `logB`/`invB` the same for β.
 */
export function logA0Term(
  theta: ParetoTheta,
  x: number,
  t: number,
  logA: number,
  invA: number,
  logB: number,
  invB: number,
  series: Float64Array,
  out: Float64Array,
): void {
  const { r, alpha, s, beta } = theta;
  const R = r + x;
  const q = R + s + 1;
  if (alpha >= beta) {
    const z = (alpha - beta) * invA;
    hypergeometricSeries(R, q, z, (beta + t) * invA, series);
    const S = series[0]!;
    const dz = series[3]! / S;
    out[0] = -R * logA - s * logB + Math.log(S);
    out[1] = -logA + (series[1]! + series[2]!) / S;
    out[2] = -R * invA + dz * (beta + t) * invA * invA;
    out[3] = -logB + series[2]! / S;
    out[4] = -s * invB - dz * invA;
  } else {
    const z = (beta - alpha) * invB;
    hypergeometricSeries(s + 1, q, z, (alpha + t) * invB, series);
    const S = series[0]!;
    const dz = series[3]! / S;
    out[0] = -(s + 1) * logB - (R - 1) * logA + Math.log(S);
    out[1] = -logA + series[2]! / S;
    out[2] = -(R - 1) * invA - dz * invB;
    out[3] = -logB + (series[1]! + series[2]!) / S;
    out[4] = -(s + 1) * invB + dz * (alpha + t) * invB * invB;
  }
}

/**
 * One customer's log-likelihood pieces: ln E = −(r + x) ln(α + T) − s ln(β + T) (alive throughout), L(tx), L(T),
 * as needed by P(alive) and the likelihood: ln L = C + ln(e^lnE + s/(r + s + x)·(e^L(tx) − e^L(T))).
 */
const scratchSeries = new Float64Array(4);
const scratchTerm = new Float64Array(5);

export function logTerms(
  theta: ParetoTheta,
  x: number,
  tx: number,
  T: number,
): { logE: number; logTx: number; logT: number } {
  const series = scratchSeries;
  const out = scratchTerm;
  const { alpha, beta } = theta;
  logA0Term(theta, x, tx, Math.log(alpha + tx), 1 / (alpha + tx), Math.log(beta + tx), 1 / (beta + tx), series, out);
  const logTx = out[0]!;
  logA0Term(theta, x, T, Math.log(alpha + T), 1 / (alpha + T), Math.log(beta + T), 1 / (beta + T), series, out);
  const logT = out[0]!;
  const logE = -(theta.r + x) * Math.log(alpha + T) - theta.s * Math.log(beta + T);
  return { logE, logTx, logT };
}

/** L(t) of one customer (x) at one age t (see {@link logA0Term}). */
export function logA0TermValue(theta: ParetoTheta, x: number, t: number): number {
  logA0Term(
    theta,
    x,
    t,
    Math.log(theta.alpha + t),
    1 / (theta.alpha + t),
    Math.log(theta.beta + t),
    1 / (theta.beta + t),
    scratchSeries,
    scratchTerm,
  );
  return scratchTerm[0]!;
}

/** ln(e^L(tx) − e^L(T)) (−∞ when tx = T). */
export function logA0(logTx: number, logT: number): number {
  return logTx + Math.log(-Math.expm1(logT - logTx));
}

/** Total log-likelihood and gradient on prepared data, evaluated together and cached for the last parameters. */
export function paretoLikelihood(data: PreparedData): {
  value: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
} {
  const { groupStart, groupX, weight, tIndex, txIndex, ages, recencies } = data;
  const tables = (values: Float64Array) => ({
    logA: new Float64Array(values.length),
    invA: new Float64Array(values.length),
    logB: new Float64Array(values.length),
    invB: new Float64Array(values.length),
  });
  const atAge = tables(ages);
  const atRecency = tables(recencies);
  const series = new Float64Array(4);
  const termT = new Float64Array(5);
  const termTx = new Float64Array(5);
  let lastTheta: readonly number[] = [];
  let lastValue = Number.NaN;
  let lastGradient = [0, 0, 0, 0];
  const evaluate = (thetaVector: readonly number[]): void => {
    if (thetaVector.length === lastTheta.length && thetaVector.every((v, i) => v === lastTheta[i])) return;
    lastTheta = thetaVector.slice();
    const [r, alpha, s, beta] = thetaVector as [number, number, number, number];
    const theta: ParetoTheta = { r, alpha, s, beta };
    const fill = (values: Float64Array, t: ReturnType<typeof tables>): void => {
      for (let k = 0; k < values.length; k++) {
        t.logA[k] = Math.log(alpha + values[k]!);
        t.invA[k] = 1 / (alpha + values[k]!);
        t.logB[k] = Math.log(beta + values[k]!);
        t.invB[k] = 1 / (beta + values[k]!);
      }
    };
    fill(ages, atAge);
    fill(recencies, atRecency);
    const logAlpha = Math.log(alpha);
    const logBeta = Math.log(beta);
    const lgR = lgamma(r);
    const psiR = digamma(r);
    let total = 0;
    const g = [0, 0, 0, 0];
    for (let group = 0; group < groupX.length; group++) {
      const x = groupX[group]!;
      const R = r + x;
      const a1 = R + s;
      const constant = lgamma(R) - lgR + r * logAlpha + s * logBeta;
      const dConst0 = digamma(R) - psiR + logAlpha;
      const dConst1 = r / alpha;
      const k = s / a1;
      const dk0 = -s / (a1 * a1);
      const dk2 = R / (a1 * a1);
      let lastT = -1;
      let lastTx = -1;
      for (let i = groupStart[group]!; i < groupStart[group + 1]!; i++) {
        const ti = tIndex[i]!;
        const ri = txIndex[i]!;
        if (ti !== lastT) {
          logA0Term(
            theta,
            x,
            ages[ti]!,
            atAge.logA[ti]!,
            atAge.invA[ti]!,
            atAge.logB[ti]!,
            atAge.invB[ti]!,
            series,
            termT,
          );
          lastT = ti;
        }
        if (ri !== lastTx) {
          logA0Term(
            theta,
            x,
            recencies[ri]!,
            atRecency.logA[ri]!,
            atRecency.invA[ri]!,
            atRecency.logB[ri]!,
            atRecency.invB[ri]!,
            series,
            termTx,
          );
          lastTx = ri;
        }
        const logE = -R * atAge.logA[ti]! - s * atAge.logB[ti]!;
        const la = termTx[0]!;
        const lb = termT[0]!;
        const m = Math.max(logE, la);
        const eE = Math.exp(logE - m);
        const eA = Math.exp(la - m);
        const eB = Math.exp(lb - m);
        const diff = la > lb ? eA * -Math.expm1(lb - la) : 0;
        const inner = eE + k * diff;
        const w = weight[i]!;
        total += w * (constant + m + Math.log(inner));
        const scale = w / inner;
        // d/dθ of ln E: (−ln(α+T), −R/(α+T), −ln(β+T), −s/(β+T))
        g[0]! += w * dConst0 + scale * (eE * -atAge.logA[ti]! + k * (eA * termTx[1]! - eB * termT[1]!) + dk0 * diff);
        g[1]! += w * dConst1 + scale * (eE * -R * atAge.invA[ti]! + k * (eA * termTx[2]! - eB * termT[2]!));
        g[2]! += w * logBeta + scale * (eE * -atAge.logB[ti]! + k * (eA * termTx[3]! - eB * termT[3]!) + dk2 * diff);
        g[3]! += (w * s) / beta + scale * (eE * -s * atAge.invB[ti]! + k * (eA * termTx[4]! - eB * termT[4]!));
      }
    }
    lastValue = total;
    lastGradient = g;
  };
  return {
    value: (theta) => {
      evaluate(theta);
      return lastValue;
    },
    gradient: (theta) => {
      evaluate(theta);
      return lastGradient.slice();
    },
  };
}
