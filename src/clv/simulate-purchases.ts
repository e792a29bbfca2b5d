/**
 * Simulators of the purchase models from given parameters (seeded, reproducible): BG/NBD, MBG/NBD and Pareto/NBD
 * customers observed for T time units, optionally followed into a holdout window. For parameter-recovery tests,
 * benchmarks and "what would the model expect" checks.
 *
 * @module
 */
import { createRng, type Rng } from '../core/index.js';
import type { TimeUnit } from './units.js';

/**
 * Options of the simulators (`bgNbd.simulate`, `mbgNbd.simulate`, `paretoNbd.simulate`).
 *
 * @example
 * ```ts
 * const options: SimulationOptions = { customers: 10_000, T: 52, seed: 7, holdout: 26, timeUnit: 'week' };
 * ```
 */
export interface SimulationOptions {
  /** Number of customers (ignored when `T` is a list, whose length counts). */
  readonly customers?: number;
  /** Age of every customer at the end of calibration, or one age per customer. */
  readonly T: number | ArrayLike<number>;
  /** Seed of the random stream (same seed, same data). */
  readonly seed: number | string;
  /** Length of a holdout window after T in which purchases are counted too. */
  readonly holdout?: number;
  /**
   * Record purchase times on a grid of this length (e.g. 1/7 for days when the unit is a week): purchases in the
   * same grid cell merge into one and tx is a multiple of the grid, as in a day-level calibration summary.
   */
  readonly timeGrid?: number;
  /** Time unit recorded in the output (default `week`). */
  readonly timeUnit?: TimeUnit;
}

/**
 * Simulated customers as columns (a {@link RecencyFrequencyColumns} with the latent truth alongside).
 *
 * @example
 * ```ts
 * const simulated: SimulatedPurchases = bgNbd.simulate({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { customers: 3, T: 39, seed: 1 });
 * simulated.x.length //=> 3
 * ```
 */
export interface SimulatedPurchases {
  /** Repeat purchases in (0, T]. */
  readonly x: Float64Array;
  /** Time of the last repeat purchase (0 when x = 0). */
  readonly tx: Float64Array;
  /** Observation length. */
  readonly T: Float64Array;
  /** Purchases in (T, T + holdout] (with a holdout). */
  readonly holdoutPurchases?: Float64Array;
  /** 1 when the customer is still active at T. */
  readonly alive: Uint8Array;
  /** The customer's purchase rate λ. */
  readonly rate: Float64Array;
  /** The customer's dropout probability p (BG/NBD, MBG/NBD) or dropout rate μ (Pareto/NBD). */
  readonly dropout: Float64Array;
  /** The time unit of tx, T and the rates. */
  readonly timeUnit: TimeUnit;
}

/** One customer's latent process: returns the purchase times (after 0) up to `until`, and whether alive at `aliveAt`. */
type Process = (
  rng: Rng,
  until: number,
  aliveAt: number,
) => { times: number[]; alive: boolean; rate: number; dropout: number };

export function simulate(process: Process, options: SimulationOptions): SimulatedPurchases {
  const ages =
    typeof options.T === 'number'
      ? new Float64Array(options.customers ?? 0).fill(options.T)
      : Float64Array.from(options.T);
  if (typeof options.T === 'number' && !(Number.isInteger(options.customers) && (options.customers ?? 0) >= 0)) {
    throw new RangeError('[clientele] simulate needs a non-negative integer number of customers');
  }
  if (ages.some((age) => !(age >= 0 && Number.isFinite(age))))
    throw new RangeError('[clientele] every T must be finite and ≥ 0');
  const holdout = options.holdout ?? 0;
  if (!(holdout >= 0)) throw new RangeError('[clientele] holdout must be ≥ 0');
  const grid = options.timeGrid;
  if (grid !== undefined && !(grid > 0)) throw new RangeError('[clientele] timeGrid must be > 0');
  const n = ages.length;
  const rng = createRng(options.seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const holdoutPurchases = new Float64Array(n);
  const alive = new Uint8Array(n);
  const rate = new Float64Array(n);
  const dropout = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = ages[i]!;
    const result = process(rng, T + holdout, T);
    rate[i] = result.rate;
    dropout[i] = result.dropout;
    alive[i] = result.alive ? 1 : 0;
    let count = 0;
    let last = 0;
    let held = 0;
    let lastCell = 0;
    let lastHoldoutCell = Number.NaN;
    for (const time of result.times) {
      if (grid === undefined) {
        if (time <= T) {
          count++;
          last = time;
        } else held++;
        continue;
      }
      const cell = Math.floor(time / grid);
      if (time <= T) {
        if (cell !== lastCell) {
          count++;
          lastCell = cell;
          last = cell * grid;
        }
      } else if (cell !== lastHoldoutCell) {
        held++;
        lastHoldoutCell = cell;
      }
    }
    x[i] = count;
    tx[i] = last;
    holdoutPurchases[i] = held;
  }
  return {
    x,
    tx,
    T: ages,
    ...(options.holdout === undefined ? {} : { holdoutPurchases }),
    alive,
    rate,
    dropout,
    timeUnit: options.timeUnit ?? 'week',
  };
}

/**
 * BG/NBD (offset 0) and MBG/NBD (offset 1): λ ~ Gamma(r, α), p ~ Beta(a, b); purchases at rate λ; after each
 * purchase (and for MBG/NBD also at time 0) the customer drops out with probability p.
 */
export function betaGeometricProcess(r: number, alpha: number, a: number, b: number, offset: 0 | 1): Process {
  return (rng, until, aliveAt) => {
    const lambda = rng.gamma(r, alpha);
    const p = rng.beta(a, b);
    const times: number[] = [];
    let deathTime = Number.POSITIVE_INFINITY;
    if (offset === 1 && rng.bernoulli(p)) deathTime = 0;
    let t = 0;
    while (deathTime === Number.POSITIVE_INFINITY) {
      t += rng.exponential(lambda);
      if (t > until) break;
      times.push(t);
      if (rng.bernoulli(p)) deathTime = t;
    }
    return { times, alive: deathTime > aliveAt, rate: lambda, dropout: p };
  };
}

/** Pareto/NBD: λ ~ Gamma(r, α), μ ~ Gamma(s, β); lifetime τ ~ Exp(μ); purchases at rate λ until τ. */
export function paretoProcess(r: number, alpha: number, s: number, beta: number): Process {
  return (rng, until, aliveAt) => {
    const lambda = rng.gamma(r, alpha);
    const mu = rng.gamma(s, beta);
    const lifetime = rng.exponential(mu);
    const end = Math.min(until, lifetime);
    const times: number[] = [];
    let t = rng.exponential(lambda);
    while (t <= end) {
      times.push(t);
      t += rng.exponential(lambda);
    }
    return { times, alive: lifetime > aliveAt, rate: lambda, dropout: mu };
  };
}
