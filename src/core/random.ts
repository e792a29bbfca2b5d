/**
 * Seeded randomness: a small, fast PRNG (sfc32) and the distributions the library samples from.
 *
 * The generator uses 32-bit integer arithmetic only, so the uniform stream is identical on every platform for a
 * seed. Derived samplers use `Math.log`/`Math.sqrt`/`Math.exp`, which V8 (Node, Chrome) implements with fdlibm and
 * so are reproducible across machines there.
 *
 * @module
 */

/**
 * A seeded random source. Create one with {@link createRng}; it is stateful (each call advances it).
 *
 * @example
 * ```ts
 * const rng: Rng = createRng(42);
 * rng.uniform(); // a number in [0, 1)
 * ```
 */
export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Uniform integer in [0, n). */
  integer(n: number): number;
  /** Standard normal N(0, 1) (Box–Muller with a cached second value). */
  normal(): number;
  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number;
  /** Gamma with shape k and rate λ (mean k/λ), Marsaglia–Tsang. */
  gamma(shape: number, rate: number): number;
  /** Beta(a, b) via two gammas. */
  beta(a: number, b: number): number;
  /** Poisson(mean) (multiplication method below 30, PTRS transformed rejection above). */
  poisson(mean: number): number;
  /** Number of failures before the first success of a Bernoulli(p) sequence (geometric on 0, 1, 2, ...). */
  geometric(p: number): number;
  /** True with probability p. */
  bernoulli(p: number): boolean;
  /** An index drawn with probability proportional to non-negative weights. */
  weightedIndex(weights: readonly number[]): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A new generator whose stream is independent of (and derived from) this one. */
  fork(): Rng;
}

/**
 * Hashes a string or number seed to a 32-bit unsigned integer (cyrb-style mixing).
 *
 * @example
 * ```ts
 * seedToUint32('demo') === seedToUint32('demo') //=> true
 * ```
 */
export function seedToUint32(seed: number | string): number {
  const text = typeof seed === 'number' ? `n:${seed}` : `s:${seed}`;
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/**
 * Creates a seeded generator (sfc32 by Chris Doty-Humphrey, passes PractRand to 2^56 bytes).
 *
 * @example
 * ```ts
 * const a = createRng('seed').uniform();
 * const b = createRng('seed').uniform();
 * a === b //=> true
 * ```
 */
export function createRng(seed: number | string): Rng {
  const s = seedToUint32(seed);
  let a = s;
  let b = s ^ 0x9e3779b9;
  let c = Math.imul(s, 0x85ebca6b) ^ 0xc2b2ae35;
  let d = 1;
  const next32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 15; i++) next32();
  let spareNormal: number | undefined;

  const uniform = (): number => (next32() * 2 ** 21 + (next32() >>> 11)) / 2 ** 53;
  const positiveUniform = (): number => {
    let u = uniform();
    while (u === 0) u = uniform();
    return u;
  };
  const normal = (): number => {
    if (spareNormal !== undefined) {
      const value = spareNormal;
      spareNormal = undefined;
      return value;
    }
    const u1 = positiveUniform();
    const u2 = uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    spareNormal = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  };
  const gamma = (shape: number, rate: number): number => {
    if (!(shape > 0) || !(rate > 0)) throw new RangeError('[clientele] gamma needs shape > 0 and rate > 0');
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(positiveUniform(), 1 / shape);
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = positiveUniform();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v)))
        return (dd * v) / rate;
    }
  };
  const logFactorial = (k: number): number => {
    let s = 0;
    for (let i = 2; i <= k; i++) s += Math.log(i);
    return s;
  };
  const poisson = (mean: number): number => {
    if (!(mean >= 0)) throw new RangeError('[clientele] poisson needs mean >= 0');
    if (mean === 0) return 0;
    if (mean < 30) {
      const limit = Math.exp(-mean);
      let k = 0;
      let p = uniform();
      while (p > limit) {
        k++;
        p *= uniform();
      }
      return k;
    }
    // Hörmann (1993) PTRS.
    const slam = Math.sqrt(mean);
    const loglam = Math.log(mean);
    const bb = 0.931 + 2.53 * slam;
    const aa = -0.059 + 0.02483 * bb;
    const invalpha = 1.1239 + 1.1328 / (bb - 3.4);
    const vr = 0.9277 - 3.6224 / (bb - 2);
    for (;;) {
      const u = uniform() - 0.5;
      const v = positiveUniform();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * aa) / us + bb) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + Math.log(invalpha) - Math.log(aa / (us * us) + bb) <= -mean + k * loglam - logFactorial(k))
        return k;
    }
  };
  const rng: Rng = {
    uniform,
    integer: (n) => Math.floor(uniform() * n),
    normal,
    exponential: (rate) => -Math.log(positiveUniform()) / rate,
    gamma,
    beta: (a, b) => {
      const x = gamma(a, 1);
      const y = gamma(b, 1);
      return x / (x + y);
    },
    poisson,
    geometric: (p) => {
      if (p >= 1) return 0;
      if (!(p > 0)) throw new RangeError('[clientele] geometric needs 0 < p <= 1');
      return Math.floor(Math.log(positiveUniform()) / Math.log1p(-p));
    },
    bernoulli: (p) => uniform() < p,
    weightedIndex: (weights) => {
      let total = 0;
      for (const w of weights) total += w;
      let target = uniform() * total;
      for (let i = 0; i < weights.length; i++) {
        target -= weights[i]!;
        if (target < 0) return i;
      }
      return weights.length - 1;
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError('[clientele] pick from an empty array');
      return items[Math.floor(uniform() * items.length)]!;
    },
    fork: () => createRng(next32() ^ Math.imul(next32(), 0x27d4eb2d)),
  };
  return rng;
}
