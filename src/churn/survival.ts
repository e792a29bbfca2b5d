/**
 * Survival analysis of customer lifetimes: Kaplan–Meier with right-censoring, Greenwood standard errors, log-log
 * (default) or plain confidence intervals, the median lifetime with its interval; the log-rank test for two groups;
 * and time-to-lapse observations built from transactions.
 *
 * @module
 */
import { chiSquareSurvival, normalQuantile, toInstant, type ColumnarTransactions, type DateInput, type Transaction } from '../core/index.js';
import { buildPurchaseIndex } from './history.js';

/**
 * One observed lifetime: `time` until the event (`event: true`) or until observation stopped (censored).
 *
 * @example
 * ```ts
 * const o: SurvivalObservation = { time: 120, event: true };
 * ```
 */
export interface SurvivalObservation {
  /** Time observed (any unit, ≥ 0). */
  readonly time: number;
  /** `true` when the event (lapse) happened at `time`; `false` when observation stopped (censored). */
  readonly event: boolean;
}

/**
 * One row of a Kaplan–Meier table (one per distinct observed time).
 *
 * @example
 * ```ts
 * const row: KaplanMeierRow = { time: 6, atRisk: 21, events: 3, censored: 1, survival: 0.857, standardError: 0.0764, lower: 0.62, upper: 0.952 };
 * ```
 */
export interface KaplanMeierRow {
  /** A distinct observed time. */
  readonly time: number;
  /** Customers still observed just before `time`. */
  readonly atRisk: number;
  /** Events at `time`. */
  readonly events: number;
  /** Censorings at `time`. */
  readonly censored: number;
  /** S(time), the estimated share surviving past `time`. */
  readonly survival: number;
  /** Greenwood standard error of S; `null` when undefined (the risk set emptied through events). */
  readonly standardError: number | null;
  /** Lower confidence bound of S (`null` where undefined). */
  readonly lower: number | null;
  /** Upper confidence bound of S (`null` where undefined). */
  readonly upper: number | null;
}

/**
 * The result of {@link kaplanMeier}.
 *
 * @example
 * ```ts
 * const km = kaplanMeier(observations);
 * km.median.time; // median lifetime, null if S never reaches 0.5
 * ```
 */
export interface KaplanMeierCurve {
  /** One row per distinct time. */
  readonly table: readonly KaplanMeierRow[];
  /** Valid observations. */
  readonly observations: number;
  /** Events among them. */
  readonly events: number;
  /** Confidence level of the intervals. */
  readonly level: number;
  /** How the intervals were built. */
  readonly confidenceType: 'log-log' | 'plain';
  /** First time with S ≤ 0.5, and the same for the interval's bands (Brookmeyer–Crowley style reading). */
  readonly median: {
    /** The median (`null` if S never reaches 0.5). */
    readonly time: number | null;
    /** Lower bound: where the lower band reaches 0.5. */
    readonly lower: number | null;
    /** Upper bound: where the upper band reaches 0.5 (`null` = not reached). */
    readonly upper: number | null;
  };
}

/**
 * Options of {@link kaplanMeier}.
 *
 * @example
 * ```ts
 * const options: KaplanMeierOptions = { level: 0.9, confidenceType: 'plain' };
 * ```
 */
export interface KaplanMeierOptions {
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** `log-log` (default; Kalbfleisch–Prentice, stays inside [0, 1]) or `plain` (S ± z·SE, clipped). */
  readonly confidenceType?: 'log-log' | 'plain';
}

/**
 * Kaplan–Meier estimate S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) with Greenwood's variance
 * Var S(t) = S(t)² Σ dᵢ / (nᵢ(nᵢ − dᵢ)). At tied times events are counted before censorings. Observations with a
 * negative or non-finite time are ignored.
 *
 * @example
 * ```ts
 * const times = [3, 5, 6, 7, 8, 10, 12, 12];
 * const events = [1, 0, 1, 1, 0, 1, 1, 0];
 * const km = kaplanMeier(times.map((time, i) => ({ time, event: events[i] === 1 })));
 * km.table.map((r) => r.survival) // [0.875, 0.875, 0.729, 0.583, 0.583, 0.389, 0.194]
 * km.median.time //=> 10
 * ```
 */
export function kaplanMeier(observations: readonly SurvivalObservation[], options: KaplanMeierOptions = {}): KaplanMeierCurve {
  const level = options.level ?? 0.95;
  const type = options.confidenceType ?? 'log-log';
  const z = normalQuantile(1 - (1 - level) / 2);
  // Event times and censoring times sorted separately (native typed-array sorts), then walked together.
  let eventCount = 0;
  let censorCount = 0;
  for (const o of observations) {
    if (!(Number.isFinite(o.time) && o.time >= 0)) continue;
    if (o.event) eventCount++;
    else censorCount++;
  }
  const eventTimes = new Float64Array(eventCount);
  const censorTimes = new Float64Array(censorCount);
  eventCount = 0;
  censorCount = 0;
  for (const o of observations) {
    if (!(Number.isFinite(o.time) && o.time >= 0)) continue;
    if (o.event) eventTimes[eventCount++] = o.time;
    else censorTimes[censorCount++] = o.time;
  }
  eventTimes.sort();
  censorTimes.sort();
  const table: KaplanMeierRow[] = [];
  let atRisk = eventCount + censorCount;
  let survival = 1;
  let greenwood = 0;
  let undefinedVariance = false;
  let totalEvents = 0;
  let e = 0;
  let c = 0;
  while (e < eventCount || c < censorCount) {
    const time = Math.min(e < eventCount ? eventTimes[e]! : Number.POSITIVE_INFINITY, c < censorCount ? censorTimes[c]! : Number.POSITIVE_INFINITY);
    let events = 0;
    let censored = 0;
    while (e < eventCount && eventTimes[e] === time) {
      events++;
      e++;
    }
    while (c < censorCount && censorTimes[c] === time) {
      censored++;
      c++;
    }
    totalEvents += events;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (atRisk === events) undefinedVariance = true;
      else greenwood += events / (atRisk * (atRisk - events));
    }
    let se: number | null = undefinedVariance ? null : survival * Math.sqrt(greenwood);
    let lower: number | null;
    let upper: number | null;
    if (se === null) {
      lower = null;
      upper = null;
    } else if (type === 'plain') {
      lower = Math.max(0, survival - z * se);
      upper = Math.min(1, survival + z * se);
    } else if (survival >= 1 || greenwood === 0) {
      lower = survival;
      upper = survival;
    } else if (survival <= 0) {
      lower = 0;
      upper = 0;
      se = 0;
    } else {
      const logS = Math.log(survival);
      const sigma = Math.sqrt(greenwood) / Math.abs(logS);
      const theta = Math.log(-logS);
      lower = Math.exp(-Math.exp(theta + z * sigma));
      upper = Math.exp(-Math.exp(theta - z * sigma));
    }
    table.push({ time, atRisk, events, censored, survival, standardError: se, lower, upper });
    atRisk -= events + censored;
  }
  const firstAtOrBelowHalf = (pick: (row: KaplanMeierRow) => number | null): number | null => {
    for (const row of table) {
      const s = pick(row);
      if (s !== null && s <= 0.5) return row.time;
    }
    return null;
  };
  return {
    table,
    observations: eventCount + censorCount,
    events: totalEvents,
    level,
    confidenceType: type,
    median: { time: firstAtOrBelowHalf((r) => r.survival), lower: firstAtOrBelowHalf((r) => r.lower), upper: firstAtOrBelowHalf((r) => r.upper) },
  };
}

/**
 * S(t) read from a Kaplan–Meier curve (a step function: the survival of the last row with time ≤ t; 1 before the
 * first row).
 *
 * @example
 * ```ts
 * survivalAt(kaplanMeier([{ time: 3, event: true }, { time: 5, event: false }]), 4) //=> 0.5
 * ```
 */
export function survivalAt(curve: KaplanMeierCurve, time: number): number {
  let s = 1;
  for (const row of curve.table) {
    if (row.time > time) break;
    s = row.survival;
  }
  return s;
}

/**
 * The result of {@link logRank}.
 *
 * @example
 * ```ts
 * const r: LogRankResult = { observed: [9, 21], expected: [19.25, 10.75], variance: 6.26, statistic: 16.79, degreesOfFreedom: 1, pValue: 4.17e-5 };
 * ```
 */
export interface LogRankResult {
  /** Events observed in groups A and B. */
  readonly observed: readonly [number, number];
  /** Events expected under equal hazards. */
  readonly expected: readonly [number, number];
  /** Hypergeometric variance of A's observed − expected. */
  readonly variance: number;
  /** (O_A − E_A)² / V, chi-square with 1 degree of freedom. */
  readonly statistic: number;
  /** Always 1 (two groups). */
  readonly degreesOfFreedom: 1;
  /** Upper chi-square tail of the statistic. */
  readonly pValue: number;
}

/**
 * The log-rank (Mantel–Haenszel) test of equal survival in two groups: at every distinct event time,
 * E_A += d·n_A/n and V += d·(n_A/n)(1 − n_A/n)(n − d)/(n − 1); statistic = (O_A − E_A)²/V, p-value from the
 * chi-square distribution with 1 degree of freedom (core `chiSquareSurvival`).
 *
 * @example
 * ```ts
 * logRank(sixMp, placebo).statistic //≈ 16.79 (Freireich et al. 1963 leukaemia remission data)
 * ```
 */
export function logRank(groupA: readonly SurvivalObservation[], groupB: readonly SurvivalObservation[]): LogRankResult {
  const all = [
    ...groupA.filter((o) => Number.isFinite(o.time) && o.time >= 0).map((o) => ({ ...o, a: true })),
    ...groupB.filter((o) => Number.isFinite(o.time) && o.time >= 0).map((o) => ({ ...o, a: false })),
  ].sort((x, y) => x.time - y.time);
  let nA = all.filter((o) => o.a).length;
  let n = all.length;
  let observedA = 0;
  let observedB = 0;
  let expectedA = 0;
  let variance = 0;
  let i = 0;
  while (i < all.length) {
    const time = all[i]!.time;
    let dA = 0;
    let d = 0;
    let leavingA = 0;
    let leaving = 0;
    while (i < all.length && all[i]!.time === time) {
      const o = all[i]!;
      if (o.event) {
        d++;
        if (o.a) dA++;
      }
      leaving++;
      if (o.a) leavingA++;
      i++;
    }
    if (d > 0) {
      const share = nA / n;
      expectedA += d * share;
      if (n > 1) variance += (d * share * (1 - share) * (n - d)) / (n - 1);
      observedA += dA;
      observedB += d - dA;
    }
    n -= leaving;
    nA -= leavingA;
  }
  const totalEvents = observedA + observedB;
  const statistic = variance > 0 ? (observedA - expectedA) ** 2 / variance : 0;
  return {
    observed: [observedA, observedB],
    expected: [expectedA, totalEvents - expectedA],
    variance,
    statistic,
    degreesOfFreedom: 1,
    pValue: variance > 0 ? chiSquareSurvival(statistic, 1) : 1,
  };
}

/**
 * A customer's time to lapse as a survival observation.
 *
 * @example
 * ```ts
 * const o: LapseObservation = { customerId: 'c1', time: 210, event: true };
 * ```
 */
export interface LapseObservation extends SurvivalObservation {
  /** The customer. */
  readonly customerId: string;
}

/**
 * Options of {@link timeToLapse}.
 *
 * @example
 * ```ts
 * const options: TimeToLapseOptions = { asOf: '2024-07-01', lapseDays: 180 };
 * ```
 */
export interface TimeToLapseOptions {
  /** End of observation. */
  readonly asOf: DateInput;
  /** A gap of this many days without a purchase is a lapse (default 180). */
  readonly lapseDays?: number;
  /** IANA zone for calendar days (default UTC). */
  readonly timeZone?: string;
}

/**
 * Time to (first) lapse per customer, in days from the first purchase: a customer lapses on the day a gap of
 * `lapseDays` without purchases completes (the last purchase before that gap + `lapseDays`). Customers who have
 * not lapsed by `asOf` are censored at `asOf` − first purchase.
 *
 * @example
 * ```ts
 * const obs = timeToLapse({ transactions }, { asOf: '2024-07-01', lapseDays: 180 });
 * kaplanMeier(obs).median.time; // median days until a customer lapses
 * ```
 */
export function timeToLapse(
  data: { readonly transactions?: readonly Transaction[]; readonly columns?: ColumnarTransactions },
  options: TimeToLapseOptions,
): LapseObservation[] {
  const lapseDays = options.lapseDays ?? 180;
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const index = buildPurchaseIndex(data, { asOfMs: toInstant(options.asOf, calendar), timeZone: options.timeZone });
  const out: LapseObservation[] = [];
  for (let k = 0; k < index.ids.length; k++) {
    let first = Number.NaN;
    let previous = Number.NaN;
    let lapseAt = Number.NaN;
    for (let j = index.offsets[k]!; j < index.offsets[k + 1]!; j++) {
      if (index.refund[j] === 1) continue;
      const d = index.day[j]!;
      if (Number.isNaN(first)) first = d;
      else if (d - previous >= lapseDays) {
        lapseAt = previous + lapseDays;
        break;
      }
      previous = d;
    }
    if (Number.isNaN(first)) continue;
    if (Number.isNaN(lapseAt) && index.asOfDay - previous >= lapseDays) lapseAt = previous + lapseDays;
    out.push(
      Number.isNaN(lapseAt)
        ? { customerId: index.ids[k]!, time: index.asOfDay - first, event: false }
        : { customerId: index.ids[k]!, time: lapseAt - first, event: true },
    );
  }
  return out;
}
