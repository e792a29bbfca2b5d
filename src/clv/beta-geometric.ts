/**
 * The beta-geometric/NBD family shared by BG/NBD (Fader, Hardie & Lee 2005) and MBG/NBD (Batislam, Denizel &
 * Filiztekin 2007): purchases at a Gamma(r, α)-distributed Poisson rate; after each purchase (BG/NBD), or also
 * right after the first one (MBG/NBD), the customer drops out with a Beta(a, b)-distributed probability p.
 * Library-private; the public namespaces are `bgNbd` and `mbgNbd`.
 *
 * `offset` is 0 for BG/NBD and 1 for MBG/NBD: an active MBG/NBD customer with x repeat purchases has survived
 * x + 1 dropout opportunities, a BG/NBD customer x.
 *
 * @module
 */
import { betaln, digamma, invertSymmetric, lgamma, regularizedBeta } from '../core/index.js';
import { compressRecencyFrequency, type PurchaseData, type RecencyFrequency } from './data.js';
import { fitMaximumLikelihood, type FittedModel, type FitOptions } from './fit.js';
import {
  aliveExpectation,
  betaGeometricDiscountedPurchases,
  betaGeometricDiscountedPurchasesEvaluator,
  sigmoid,
  trigamma,
} from './numerics.js';
import { prepareFit, type PreparedData } from './prepare.js';
import { withRejectedRows, type RejectedRows } from './row-screening.js';
import { subsample, WARM_START_ROWS } from './warm-start.js';
import type { TimeUnit } from './units.js';

/** Parameters of BG/NBD and MBG/NBD: r, α (transaction rate ~ Gamma(r, α)) and a, b (dropout p ~ Beta(a, b)). */
export interface BetaGeometricParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** 0 for BG/NBD, 1 for MBG/NBD. */
export type Offset = 0 | 1;

/** Whether a customer with x repeat purchases carries the "dropped out after the last purchase" term. */
function hasDropout(x: number, offset: Offset): boolean {
  return x > 0 || offset === 1;
}

/**
 * ln of the odds that a customer has dropped out: D = ln(a/(b + x + offset − 1)) + (r + x) ln((α + T)/(α + tx)),
 * so P(alive) = 1/(1 + e^D) (FHL's note 021; Batislam et al. 2007).
 */
function dropoutLogOdds(p: BetaGeometricParams, row: RecencyFrequency, offset: Offset): number {
  return Math.log(p.a / (p.b + row.x + offset - 1)) + (p.r + row.x) * Math.log1p((row.T - row.tx) / (p.alpha + row.tx));
}

export function probabilityAlive(p: BetaGeometricParams, row: RecencyFrequency, offset: Offset): number {
  if (!hasDropout(row.x, offset)) return 1;
  return sigmoid(-dropoutLogOdds(p, row, offset));
}

export function conditionalExpectedPurchases(
  p: BetaGeometricParams,
  t: number,
  row: RecencyFrequency,
  offset: Offset,
): number {
  const alive = probabilityAlive(p, row, offset);
  if (alive === 0) return 0;
  return alive * aliveExpectation(p.r + row.x, p.alpha + row.T, p.a, p.b + row.x + offset, t);
}

export function expectedPurchases(p: BetaGeometricParams, t: number, offset: Offset): number {
  if (offset === 0) return aliveExpectation(p.r, p.alpha, p.a, p.b, t);
  // MBG/NBD: survive the dropout at time 0 (probability b/(a + b)), then a BG/NBD customer with p ~ Beta(a, b + 1).
  return (p.b / (p.a + p.b)) * aliveExpectation(p.r, p.alpha, p.a, p.b + 1, t);
}

/**
 * P(X(t) = n) for a new customer:
 * B(a, b + n + offset)/B(a, b) · NB(n; r, α/(α + t)) + [n > 0 or offset] B(a + 1, b + n + offset − 1)/B(a, b) ·
 * P(NB ≥ n), with the negative-binomial tail P(NB ≥ n) = I_{t/(α+t)}(n, r) (FHL 2005 eq. 8; MBG analogue).
 */
export function probabilityOfPurchases(p: BetaGeometricParams, n: number, t: number, offset: Offset): number {
  if (!(Number.isInteger(n) && n >= 0))
    throw new RangeError('[clientele] the number of purchases must be a non-negative integer');
  if (!(t >= 0)) throw new RangeError('[clientele] t must be ≥ 0');
  const lnB = betaln(p.a, p.b);
  if (t === 0) return n === 0 ? 1 : 0;
  const logNb =
    lgamma(p.r + n) -
    lgamma(p.r) -
    lgamma(n + 1) -
    p.r * Math.log1p(t / p.alpha) +
    n * (Math.log(t) - Math.log(p.alpha + t));
  const alive = Math.exp(betaln(p.a, p.b + n + offset) - lnB + logNb);
  if (!hasDropout(n, offset)) return alive;
  const tail = n === 0 ? 1 : regularizedBeta(t / (p.alpha + t), n, p.r);
  return alive + Math.exp(betaln(p.a + 1, p.b + n + offset - 1) - lnB) * tail;
}

export function discountedExpectedResidualTransactions(
  p: BetaGeometricParams,
  row: RecencyFrequency,
  discountRate: number,
  offset: Offset,
): number {
  if (!(discountRate > 0)) throw new RangeError('[clientele] the continuous discount rate must be > 0');
  const alive = probabilityAlive(p, row, offset);
  if (alive === 0) return 0;
  return (
    alive * betaGeometricDiscountedPurchases(p.r + row.x, p.alpha + row.T, p.a, p.b + row.x + offset, discountRate)
  );
}

/**
 * The DERT expectation given alive, E[λ/(δ + pλ)] over the posterior λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x +
 * offset), as a function of (x, T, δ) for many customers: the Laplace-transform evaluator of numerics.ts, whose ₂F₁
 * tables are shared by every customer with the same x (a few microseconds per distinct (x, T) instead of the
 * hundreds of the exact series, which remains the fallback).
 */
export function discountedPurchasesGivenAlive(
  p: BetaGeometricParams,
  offset: Offset,
): (x: number, T: number, discountRate: number) => number {
  const evaluate = betaGeometricDiscountedPurchasesEvaluator(p.a);
  return (x, T, discountRate) => evaluate(p.r + x, p.alpha + T, p.b + x + offset, discountRate);
}

/** Sum of weights per distinct T (for the calibration-period frequency distribution). */
export function weightsByAge(data: PurchaseData): { ages: number[]; weights: number[] } {
  const c = compressRecencyFrequency(data);
  const byAge = new Map<number, number>();
  for (let i = 0; i < c.T.length; i++) byAge.set(c.T[i]!, (byAge.get(c.T[i]!) ?? 0) + c.weight[i]!);
  const ages = [...byAge.keys()].sort((x, y) => x - y);
  return { ages, weights: ages.map((age) => byAge.get(age)!) };
}

/**
 * Expected number of customers with 0, 1, …, maxPurchases − 1 and "maxPurchases or more" repeat purchases in
 * their calibration period, Σᵢ P(X(Tᵢ) = n).
 */
export function expectedCustomersByPurchases(
  pmf: (n: number, t: number) => number,
  data: PurchaseData,
  maxPurchases: number,
): number[] {
  if (!(Number.isInteger(maxPurchases) && maxPurchases >= 1))
    throw new RangeError('[clientele] maxPurchases must be an integer ≥ 1');
  const { ages, weights } = weightsByAge(data);
  const out = new Array<number>(maxPurchases + 1).fill(0);
  ages.forEach((age, k) => {
    let below = 0;
    for (let n = 0; n < maxPurchases; n++) {
      const probability = pmf(n, age);
      out[n]! += weights[k]! * probability;
      below += probability;
    }
    out[maxPurchases]! += weights[k]! * Math.max(0, 1 - below);
  });
  return out;
}

/**
 * Total log-likelihood and its gradient on prepared (compressed, grouped) data, evaluated together and cached for
 * the last parameter vector (the optimiser asks for both at the same point).
 * ln Lᵢ = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x + o) − ln B(a, b) − (r + x) ln(α + T)
 *       + [x > 0 or o] softplus(D), D = ln(a/(b + x + o − 1)) + (r + x)(ln(α + T) − ln(α + tx))
 * (FHL 2005 eq. 6 in the #NUM!-free form of Fader & Hardie's note 027).
 */
export function familyLikelihood(
  data: PreparedData,
  offset: Offset,
): {
  value: (theta: readonly number[]) => number;
  gradient: (theta: readonly number[]) => number[];
  hessian: (theta: readonly number[]) => number[][];
} {
  let lastTheta: readonly number[] = [];
  let lastValue = Number.NaN;
  let lastGradient = [0, 0, 0, 0];
  const { groupStart, groupX, weight, tIndex, txIndex, ages, recencies } = data;
  const logAge = new Float64Array(ages.length);
  const invAge = new Float64Array(ages.length);
  const logRecency = new Float64Array(recencies.length);
  const invRecency = new Float64Array(recencies.length);
  const evaluate = (theta: readonly number[]): void => {
    if (theta.length === lastTheta.length && theta.every((v, i) => v === lastTheta[i])) return;
    lastTheta = theta.slice();
    const [r, alpha, a, b] = theta as [number, number, number, number];
    for (let k = 0; k < ages.length; k++) {
      logAge[k] = Math.log(alpha + ages[k]!);
      invAge[k] = 1 / (alpha + ages[k]!);
    }
    for (let k = 0; k < recencies.length; k++) {
      logRecency[k] = Math.log(alpha + recencies[k]!);
      invRecency[k] = 1 / (alpha + recencies[k]!);
    }
    const logAlpha = Math.log(alpha);
    const lgR = lgamma(r);
    const lnBab = betaln(a, b);
    const psiR = digamma(r);
    const psiAb = digamma(a + b);
    const psiB = digamma(b);
    let total = 0;
    let gr = 0;
    let gAlpha = 0;
    let ga = 0;
    let gb = 0;
    for (let g = 0; g < groupX.length; g++) {
      const x = groupX[g]!;
      const rx = r + x;
      const bx = b + x + offset;
      const constant = lgamma(rx) - lgR + betaln(a, bx) - lnBab + r * logAlpha;
      const dConstR = digamma(rx) - psiR + logAlpha;
      const dConstAlpha = r / alpha;
      const psiAbx = digamma(a + bx);
      const dConstA = psiAb - psiAbx;
      const dConstB = digamma(bx) - psiAbx - psiB + psiAb;
      const drop = hasDropout(x, offset);
      const logRatio = drop ? Math.log(a) - Math.log(bx - 1) : 0;
      const invA = 1 / a;
      const invBx = drop ? 1 / (bx - 1) : 0;
      let groupWeight = 0;
      let sumLogAge = 0;
      let sumInvAge = 0;
      let sumSoftplus = 0;
      let sumSigma = 0;
      let sumSigmaLog = 0;
      let sumSigmaInv = 0;
      for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
        const w = weight[i]!;
        const ti = tIndex[i]!;
        const lt = logAge[ti]!;
        groupWeight += w;
        sumLogAge += w * lt;
        sumInvAge += w * invAge[ti]!;
        if (drop) {
          const ri = txIndex[i]!;
          const logDiff = lt - logRecency[ri]!;
          const d = logRatio + rx * logDiff;
          // softplus(d) = max(d, 0) + ln(1 + e^(−|d|)) and sigmoid(d) from one exponential.
          const e = Math.exp(-Math.abs(d));
          const sigma = d >= 0 ? 1 / (1 + e) : e / (1 + e);
          sumSoftplus += w * ((d > 0 ? d : 0) + (e < 1e-17 ? e : Math.log1p(e)));
          sumSigma += w * sigma;
          sumSigmaLog += w * sigma * logDiff;
          sumSigmaInv += w * sigma * (invAge[ti]! - invRecency[ri]!);
        }
      }
      total += groupWeight * constant - rx * sumLogAge + sumSoftplus;
      gr += groupWeight * dConstR - sumLogAge + sumSigmaLog;
      gAlpha += groupWeight * dConstAlpha - rx * sumInvAge + rx * sumSigmaInv;
      ga += groupWeight * dConstA + sumSigma * invA;
      gb += groupWeight * dConstB - sumSigma * invBx;
    }
    lastValue = total;
    lastGradient = [gr, gAlpha, ga, gb];
  };
  /**
   * Hessian (natural parameters). With Δ = ln(α+T) − ln(α+tx), σ = sigmoid(D), s = σ(1 − σ) and
   * D_r = Δ, D_α = (r+x)(I_T − I_tx), D_a = 1/a, D_b = −1/(b+x+o−1) (I = 1/(α + ·)):
   * ℓ_rr = ψ'(r+x) − ψ'(r) + sD_r², ℓ_rα = 1/α − I_T + sD_rD_α + σ(I_T − I_tx), ℓ_αα = −r/α² + (r+x)I_T²
   * + sD_α² + σ(r+x)(I_tx² − I_T²), ℓ_aa = ψ'(a+b) − ψ'(a+B) + sD_a² − σ/a², ℓ_bb = ψ'(B) − ψ'(a+B) − ψ'(b)
   * + ψ'(a+b) + sD_b² + σ/(B−1)², ℓ_ab = ψ'(a+b) − ψ'(a+B) + sD_aD_b, and sDᵢDⱼ for the other pairs
   * (B = b + x + o; the dropout terms only where the customer can have dropped out).
   */
  const hessian = (theta: readonly number[]): number[][] => {
    const [r, alpha, a, b] = theta as [number, number, number, number];
    const h = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ] as [number[], number[], number[], number[]];
    const add = (i: number, j: number, v: number): void => {
      h[i]![j]! += v;
      if (i !== j) h[j]![i]! += v;
    };
    const triR = trigamma(r);
    const triAb = trigamma(a + b);
    const triB = trigamma(b);
    const logAgeH = Float64Array.from(ages, (T) => Math.log(alpha + T));
    const invAgeH = Float64Array.from(ages, (T) => 1 / (alpha + T));
    const logRecencyH = Float64Array.from(recencies, (tx) => Math.log(alpha + tx));
    const invRecencyH = Float64Array.from(recencies, (tx) => 1 / (alpha + tx));
    for (let g = 0; g < groupX.length; g++) {
      const x = groupX[g]!;
      const rx = r + x;
      const bx = b + x + offset;
      const triAbx = trigamma(a + bx);
      const drop = hasDropout(x, offset);
      const logRatio = drop ? Math.log(a) - Math.log(bx - 1) : 0;
      const dA = 1 / a;
      const dB = drop ? -1 / (bx - 1) : 0;
      let weightSum = 0;
      let sumInvAge = 0;
      let sumInvAge2 = 0;
      let s0 = 0;
      let sR = 0;
      let sRR = 0;
      let sAlpha = 0;
      let sAlphaAlpha = 0;
      let sRAlpha = 0;
      let sigma0 = 0;
      let sigmaDiff = 0;
      let sigmaDiff2 = 0;
      for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
        const w = weight[i]!;
        const ti = tIndex[i]!;
        const iT = invAgeH[ti]!;
        weightSum += w;
        sumInvAge += w * iT;
        sumInvAge2 += w * iT * iT;
        if (!drop) continue;
        const ri = txIndex[i]!;
        const iTx = invRecencyH[ri]!;
        const delta = logAgeH[ti]! - logRecencyH[ri]!;
        const sigma = sigmoid(logRatio + rx * delta);
        const slope = sigma * (1 - sigma);
        const dAlpha = rx * (iT - iTx);
        s0 += w * slope;
        sR += w * slope * delta;
        sRR += w * slope * delta * delta;
        sAlpha += w * slope * dAlpha;
        sAlphaAlpha += w * slope * dAlpha * dAlpha;
        sRAlpha += w * slope * delta * dAlpha;
        sigma0 += w * sigma;
        sigmaDiff += w * sigma * (iT - iTx);
        sigmaDiff2 += w * sigma * (iTx * iTx - iT * iT);
      }
      add(0, 0, weightSum * (trigamma(rx) - triR) + sRR);
      add(0, 1, weightSum / alpha - sumInvAge + sRAlpha + sigmaDiff);
      add(0, 2, sR * dA);
      add(0, 3, sR * dB);
      add(1, 1, (-weightSum * r) / (alpha * alpha) + rx * sumInvAge2 + sAlphaAlpha + rx * sigmaDiff2);
      add(1, 2, sAlpha * dA);
      add(1, 3, sAlpha * dB);
      add(2, 2, weightSum * (triAb - triAbx) + s0 * dA * dA - sigma0 * dA * dA);
      add(2, 3, weightSum * (triAb - triAbx) + s0 * dA * dB);
      add(3, 3, weightSum * (trigamma(bx) - triAbx - triB + triAb) + s0 * dB * dB + sigma0 * dB * dB);
    }
    return h;
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
    hessian,
  };
}

/** Data-driven starting points: mean repeat rate λ̄ = Σx/ΣT sets α = r/λ̄. */
function startingPoints(data: PreparedData): number[][] {
  const rate = data.meanRate;
  return [
    [1, 1 / rate, 1, 3],
    [0.5, 0.5 / rate, 0.5, 2],
    [2, 2 / rate, 2, 6],
    [0.25, 0.25 / rate, 1, 1],
  ];
}

export function fit(
  data: PurchaseData,
  options: FitOptions & { readonly timeUnit?: TimeUnit },
  offset: Offset,
): FittedModel<{ r: number; alpha: number; a: number; b: number }> & RejectedRows {
  const prepared = prepareFit(data, options.timeUnit);
  const spec = (p: PreparedData) => {
    const ll = familyLikelihood(p, offset);
    return {
      names: ['r', 'alpha', 'a', 'b'] as ('r' | 'alpha' | 'a' | 'b')[],
      logLikelihood: ll.value,
      gradient: ll.gradient,
      hessian: ll.hessian,
      starts: startingPoints(p),
      observations: p.observations,
      timeUnit: p.timeUnit,
    };
  };
  let warmIterations = 0;
  let start = options.initialParams;
  const sample = start === undefined ? subsample(prepared, WARM_START_ROWS) : undefined;
  if (sample !== undefined) {
    // Large data: fit a systematic subsample of the rows, then take Newton steps on the full data with the
    // subsample's Hessian (the objectives are per-customer means, so their curvatures agree): a handful of full
    // evaluations instead of a whole BFGS run from scratch.
    const warm = fitMaximumLikelihood<{ r: number; alpha: number; a: number; b: number }>(spec(sample), options);
    warmIterations = warm.iterations;
    if (warm.converged) {
      const refined = newtonRefine(
        spec(prepared),
        [warm.params.r, warm.params.alpha, warm.params.a, warm.params.b],
        options.penalty ?? 0,
      );
      warmIterations += refined.iterations;
      start = { r: refined.theta[0]!, alpha: refined.theta[1]!, a: refined.theta[2]!, b: refined.theta[3]! };
    }
  }
  const fitted = fitMaximumLikelihood<{ r: number; alpha: number; a: number; b: number }>(spec(prepared), {
    ...options,
    ...(start === undefined ? {} : { initialParams: start }),
  });
  return withRejectedRows({ ...fitted, iterations: fitted.iterations + warmIterations }, prepared, prepared.observations);
}

interface ObjectiveParts {
  readonly logLikelihood: (theta: readonly number[]) => number;
  readonly gradient: (theta: readonly number[]) => number[];
  readonly hessian: (theta: readonly number[]) => number[][];
  readonly observations: number;
}

/**
 * Newton iterations on log-parameters u (θ = e^u) for the objective of `fitMaximumLikelihood`,
 * f(u) = −ℓ(θ)/N + penalty·Σθ², with the exact Hessian ∂²f/∂uᵢ∂uⱼ = −(θᵢθⱼℓᵢⱼ + [i = j]θᵢℓᵢ)/N
 * + [i = j]·4·penalty·θᵢ²; steps that do not decrease f are halved. Converges quadratically from a nearby start.
 */
function newtonRefine(
  full: ObjectiveParts,
  theta0: readonly number[],
  penalty: number,
): { theta: number[]; iterations: number } {
  const n = full.observations;
  const objective = (theta: readonly number[]): number => {
    let pen = 0;
    for (const v of theta) pen += v * v;
    return -full.logLikelihood(theta) / n + penalty * pen;
  };
  let theta = theta0.slice();
  let value = objective(theta);
  let iterations = 0;
  for (; iterations < 20; iterations++) {
    const g = full.gradient(theta);
    const gradient = theta.map((v, i) => (-g[i]! / n + 2 * penalty * v) * v);
    if (Math.max(...gradient.map(Math.abs)) < 1e-10) break;
    const h = full.hessian(theta);
    const curvature = h.map((row, i) =>
      row.map(
        (v, j) =>
          -(theta[i]! * theta[j]! * v + (i === j ? theta[i]! * g[i]! : 0)) / n +
          (i === j ? 4 * penalty * theta[i]! * theta[i]! : 0),
      ),
    );
    const inverse = invertSymmetric(curvature);
    if (inverse === undefined) break;
    const step = inverse.map((row) => -row.reduce((sum, hij, j) => sum + hij * gradient[j]!, 0));
    let scale = 1;
    let next = theta.map((v, i) => v * Math.exp(step[i]!));
    let nextValue = objective(next);
    while (!(nextValue <= value) && scale > 1e-4) {
      scale /= 2;
      next = theta.map((v, i) => v * Math.exp(scale * step[i]!));
      nextValue = objective(next);
    }
    if (!(nextValue <= value)) break;
    theta = next;
    value = nextValue;
  }
  return { theta, iterations };
}
