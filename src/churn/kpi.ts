/**
 * The KPI monitor: active customers, retention, repurchase rate and average order value per period, each with a
 * band from its trailing periods (mean ± k·sd) and a trend band (the trailing linear trend ± k prediction errors);
 * alerts when a KPI leaves its band, breaks its trend, or moves the same way for several periods in a row.
 *
 * @module
 */
import { isoDateOfDayNumber, toInstant, type ColumnarTransactions, type DateInput, type Transaction } from '../core/index.js';
import { buildPurchaseIndex } from './history.js';
import { lastCompletePeriod, periodLabel, periodLookup, periodStartDay, type CohortPeriod } from './periods.js';
import { formatNumber } from './signal.js';

/**
 * A monitored KPI.
 *
 * @example
 * ```ts
 * const kpi: KpiName = 'retention';
 * ```
 */
export type KpiName = 'activeCustomers' | 'retention' | 'repurchaseRate' | 'averageOrderValue';

/**
 * The KPIs in report order.
 *
 * @example
 * ```ts
 * KPI_NAMES[0] //=> 'activeCustomers'
 * ```
 */
export const KPI_NAMES: readonly KpiName[] = Object.freeze(['activeCustomers', 'retention', 'repurchaseRate', 'averageOrderValue']);

/**
 * Options of {@link monitorKpis}.
 *
 * @example
 * ```ts
 * const options: MonitorKpisOptions = { asOf: '2024-07-01', period: 'month', periods: 12, bandWidth: 2 };
 * ```
 */
export interface MonitorKpisOptions {
  /** End of observation: only periods complete before it are reported. */
  readonly asOf: DateInput;
  /** Period (default `month`). Only complete periods before `asOf` are reported. */
  readonly period?: CohortPeriod;
  /** How many complete periods to report (default 12). */
  readonly periods?: number;
  /** Trailing periods a band is computed from (default 6). */
  readonly trailingPeriods?: number;
  /** Minimum trailing periods for a band (default 4). */
  readonly minTrailingPeriods?: number;
  /** Band half-width in standard deviations (default 2). */
  readonly bandWidth?: number;
  /** Consecutive moves in one direction that raise a sustained-move alert (default 3; 0 = off). */
  readonly runLength?: number;
  /** IANA zone for calendar days (default UTC). */
  readonly timeZone?: string;
}

/**
 * One period's value of one KPI, with its bands.
 *
 * @example
 * ```ts
 * const point: KpiPoint = { period: '2024-05', startDate: '2024-05-01', value: 0.31, band: { mean: 0.3, sd: 0.01, lower: 0.28, upper: 0.32 }, trend: null, status: 'in-band' };
 * ```
 */
export interface KpiPoint {
  /** Period key (`2024-05`). */
  readonly period: string;
  /** First day of the period (ISO date). */
  readonly startDate: string;
  /** `null` when undefined (e.g. retention with no active customers the period before). */
  readonly value: number | null;
  /** mean ± bandWidth·sd of the trailing periods; `null` with too few of them. */
  readonly band: {
    /** Mean of the trailing periods. */
    readonly mean: number;
    /** Sample standard deviation of the trailing periods. */
    readonly sd: number;
    /** mean − k·sd. */
    readonly lower: number;
    /** mean + k·sd. */
    readonly upper: number;
  } | null;
  /** The trailing OLS trend projected to this period ± bandWidth prediction standard errors; `null` with too few periods. */
  readonly trend: {
    /** The trend's prediction for this period. */
    readonly predicted: number;
    /** predicted − k·se. */
    readonly lower: number;
    /** predicted + k·se. */
    readonly upper: number;
  } | null;
  /** Where the value lies relative to its band. */
  readonly status: 'in-band' | 'above-band' | 'below-band' | 'no-band';
}

/**
 * An alert raised by the monitor.
 *
 * @example
 * ```ts
 * const alert: KpiAlert = { kpi: 'retention', period: '2024-06', kind: 'below-band', value: 0.21, expected: 0.3, message: 'retention 0.21 is below its band 0.28-0.32 (mean of the 6 previous periods 0.30)' };
 * ```
 */
export interface KpiAlert {
  /** The KPI. */
  readonly kpi: KpiName;
  /** The period (key). */
  readonly period: string;
  /** What happened. */
  readonly kind: 'above-band' | 'below-band' | 'trend-break' | 'sustained-decline' | 'sustained-rise';
  /** The KPI's value in the period. */
  readonly value: number;
  /** The band mean or trend prediction the value is compared with. */
  readonly expected: number;
  /** A readable sentence. */
  readonly message: string;
}

/**
 * The result of {@link monitorKpis}.
 *
 * @example
 * ```ts
 * const monitor = monitorKpis({ transactions }, { asOf: '2024-07-01' });
 * monitor.alerts.filter((a) => a.period === monitor.latestPeriod);
 * ```
 */
export interface KpiMonitor {
  /** The period unit. */
  readonly period: CohortPeriod;
  /** The last complete period before `asOf`. */
  readonly latestPeriod: string;
  /** What each KPI measures. */
  readonly definitions: Readonly<Record<KpiName, string>>;
  /** Each KPI's points, oldest first. */
  readonly series: Readonly<Record<KpiName, readonly KpiPoint[]>>;
  /** Every alert, by period then KPI order. */
  readonly alerts: readonly KpiAlert[];
}

const DEFINITIONS: Readonly<Record<KpiName, string>> = Object.freeze({
  activeCustomers: 'distinct customers with a purchase in the period',
  retention: "share of the previous period's active customers who are active in the period",
  repurchaseRate: "share of the period's active customers who had purchased before the period (returning customers)",
  averageOrderValue: 'net revenue (purchases − refunds) ÷ orders in the period',
});

function meanSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

function trendBand(values: readonly number[], k: number): { predicted: number; lower: number; upper: number } | null {
  const m = values.length;
  if (m < 4) return null;
  const tBar = (m - 1) / 2;
  const yBar = values.reduce((s, v) => s + v, 0) / m;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < m; i++) {
    sxx += (i - tBar) ** 2;
    sxy += (i - tBar) * (values[i]! - yBar);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let i = 0; i < m; i++) sse += (values[i]! - (yBar + slope * (i - tBar))) ** 2;
  const s = Math.sqrt(sse / (m - 2));
  const t0 = m;
  const predicted = yBar + slope * (t0 - tBar);
  const se = s * Math.sqrt(1 + 1 / m + (t0 - tBar) ** 2 / sxx);
  return { predicted, lower: predicted - k * se, upper: predicted + k * se };
}

function format(kpi: KpiName, value: number): string {
  return kpi === 'activeCustomers' ? formatNumber(value) : kpi === 'averageOrderValue' ? formatNumber(value, 2) : formatNumber(value, 3);
}

/**
 * Computes the KPIs per complete period before `asOf` and checks each against its bands. A band uses the
 * `trailingPeriods` before the period (so the period itself never widens its own band). Alerts:
 * `above-band` / `below-band` (outside mean ± k·sd), `trend-break` (outside the trailing linear trend's
 * prediction interval ± k·se), `sustained-decline` / `sustained-rise` (`runLength` consecutive moves one way).
 *
 * @example
 * ```ts
 * const monitor = monitorKpis({ columns }, { asOf: '2024-07-01', period: 'month', periods: 12 });
 * monitor.series.retention.map((p) => p.value);
 * ```
 */
export function monitorKpis(
  data: { readonly transactions?: readonly Transaction[]; readonly columns?: ColumnarTransactions },
  options: MonitorKpisOptions,
): KpiMonitor {
  const unit = options.period ?? 'month';
  const shown = Math.max(1, Math.floor(options.periods ?? 12));
  const trailing = Math.max(2, Math.floor(options.trailingPeriods ?? 6));
  const minTrailing = Math.max(2, Math.floor(options.minTrailingPeriods ?? 4));
  const k = options.bandWidth ?? 2;
  const runLength = Math.max(0, Math.floor(options.runLength ?? 3));
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const index = buildPurchaseIndex(data, { asOfMs: toInstant(options.asOf, calendar), timeZone: options.timeZone });
  const last = lastCompletePeriod(index.endDay, unit);
  const periodOf = periodLookup(index.day, unit);
  // Periods computed: the shown ones plus the trailing history their bands need, plus one for retention.
  const first = last - shown - trailing + 1;
  const count = last - first + 1;
  const active = new Float64Array(count);
  const retainedFromPrevious = new Float64Array(count);
  const activePrevious = new Float64Array(count);
  const returning = new Float64Array(count);
  const orders = new Float64Array(count);
  const revenue = new Float64Array(count);
  for (let c = 0; c < index.ids.length; c++) {
    let firstPeriod = Number.NaN;
    let previousActive = Number.NaN;
    let lastSeen = Number.NaN;
    for (let j = index.offsets[c]!; j < index.offsets[c + 1]!; j++) {
      const p = periodOf(index.day[j]!);
      if (p > last) break;
      const slot = p - first;
      if (slot >= 0) revenue[slot]! += index.amount[j]!;
      if (index.refund[j] === 1) continue;
      if (slot >= 0 && index.newOrder[j] === 1) orders[slot]!++;
      if (Number.isNaN(firstPeriod)) firstPeriod = p;
      if (p === lastSeen) continue;
      if (slot >= 0) {
        active[slot]!++;
        if (firstPeriod < p) returning[slot]!++;
        if (previousActive === p - 1) retainedFromPrevious[slot]!++;
      }
      previousActive = p;
      lastSeen = p;
    }
  }
  for (let slot = 1; slot < count; slot++) activePrevious[slot] = active[slot - 1]!;
  const raw: Record<KpiName, (number | null)[]> = { activeCustomers: [], retention: [], repurchaseRate: [], averageOrderValue: [] };
  for (let slot = 0; slot < count; slot++) {
    raw.activeCustomers.push(active[slot]!);
    raw.retention.push(slot > 0 && activePrevious[slot]! > 0 ? retainedFromPrevious[slot]! / activePrevious[slot]! : null);
    raw.repurchaseRate.push(active[slot]! > 0 ? returning[slot]! / active[slot]! : null);
    raw.averageOrderValue.push(orders[slot]! > 0 ? revenue[slot]! / orders[slot]! : null);
  }
  const series = {} as Record<KpiName, KpiPoint[]>;
  const alerts: KpiAlert[] = [];
  for (const kpi of KPI_NAMES) {
    const values = raw[kpi];
    const points: KpiPoint[] = [];
    for (let slot = count - shown; slot < count; slot++) {
      const period = periodLabel(first + slot, unit);
      const value = values[slot] ?? null;
      const history = values.slice(Math.max(0, slot - trailing), slot).filter((v): v is number => v !== null);
      const stats = history.length >= minTrailing ? meanSd(history) : undefined;
      const band = stats === undefined ? null : { mean: stats.mean, sd: stats.sd, lower: stats.mean - k * stats.sd, upper: stats.mean + k * stats.sd };
      const trend = history.length >= minTrailing ? trendBand(history, k) : null;
      let status: KpiPoint['status'] = 'no-band';
      if (band !== null && value !== null) status = value > band.upper ? 'above-band' : value < band.lower ? 'below-band' : 'in-band';
      points.push({ period, startDate: isoDateOfDayNumber(periodStartDay(first + slot, unit)), value, band, trend, status });
      if (value === null) continue;
      if (band !== null && (status === 'above-band' || status === 'below-band')) {
        alerts.push({
          kpi,
          period,
          kind: status,
          value,
          expected: band.mean,
          message: `${kpi} ${format(kpi, value)} is ${status === 'above-band' ? 'above' : 'below'} its band ${format(kpi, band.lower)}-${format(kpi, band.upper)} (mean of the ${history.length} previous periods ${format(kpi, band.mean)})`,
        });
      }
      if (trend !== null && (value < trend.lower || value > trend.upper)) {
        alerts.push({
          kpi,
          period,
          kind: 'trend-break',
          value,
          expected: trend.predicted,
          message: `${kpi} ${format(kpi, value)} breaks its trend (predicted ${format(kpi, trend.predicted)}, band ${format(kpi, trend.lower)}-${format(kpi, trend.upper)})`,
        });
      }
      if (runLength > 0 && slot >= runLength) {
        const window = values.slice(slot - runLength, slot + 1);
        if (window.every((v) => v !== null)) {
          const w = window;
          const down = w.every((v, i) => i === 0 || v < w[i - 1]!);
          const up = w.every((v, i) => i === 0 || v > w[i - 1]!);
          if (down || up) {
            alerts.push({
              kpi,
              period,
              kind: down ? 'sustained-decline' : 'sustained-rise',
              value,
              expected: w[0]!,
              message: `${kpi} ${down ? 'fell' : 'rose'} ${runLength} periods in a row (${w.map((v) => format(kpi, v)).join(' → ')})`,
            });
          }
        }
      }
    }
    series[kpi] = points;
  }
  const order = new Map(KPI_NAMES.map((name, i) => [name, i]));
  alerts.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : order.get(a.kpi)! - order.get(b.kpi)!));
  return { period: unit, latestPeriod: periodLabel(last, unit), definitions: DEFINITIONS, series, alerts };
}
