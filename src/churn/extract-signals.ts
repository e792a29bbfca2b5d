/**
 * `extractSignals`: the early-warning scan. For every customer, as of a date, it measures each configured signal,
 * keeps its strength in a feature matrix (for scoring and calibration) and reports the signals that reached their
 * threshold as data with a reason sentence.
 *
 * @module
 */
import { isoDateTime, MS_PER_DAY, toInstant, type Complaint, type DateInput, type SurveyResponse } from '../core/index.js';
import { SIGNAL_CODES, signalColumn, type SignalCode } from './codes.js';
import { DEFAULT_SIGNAL_CONFIG, type SignalConfig } from './config.js';
import { groupByCustomer, type Grouped, type GroupingSkips } from './grouping.js';
import { buildPurchaseIndex, customerPositions, type PurchaseIndex } from './history.js';
import { ownValue, type ChurnData } from './inputs.js';
import type { Signal } from './signal.js';
import { complaintSignals } from './signals-complaints.js';
import { engagementSignals, groupEventDays, positionResolver, type EventDays } from './signals-engagement.js';
import { loyaltySignals } from './signals-loyalty.js';
import { modelSignals, modelView } from './signals-model.js';
import { createPurchaseFacts, purchaseSignals, scanPurchases } from './signals-purchase.js';
import { satisfactionSignals } from './signals-satisfaction.js';
import { createSink, startCustomer } from './sink.js';

/**
 * Options of {@link extractSignals}.
 *
 * @example
 * ```ts
 * const options: ExtractSignalsOptions = { asOf: '2024-07-01', timeZone: 'Europe/Berlin' };
 * ```
 */
export interface ExtractSignalsOptions {
  /** The analysis date: only records before it are history. Required (no clock is read). */
  readonly asOf: DateInput;
  /** Thresholds, windows and weights (default {@link DEFAULT_SIGNAL_CONFIG}; decode overrides with `decodeSignalConfig`). */
  readonly config?: SignalConfig;
  /** IANA zone for calendar days (default UTC). */
  readonly timeZone?: string;
}

/**
 * One customer's scan result.
 *
 * @example
 * ```ts
 * const row: CustomerSignals = { customerId: 'c1', orders: 7, daysSinceLastPurchase: 130, spendLastYear: 310.5, signals: [] };
 * ```
 */
export interface CustomerSignals {
  /** The customer. */
  readonly customerId: string;
  /** Orders before `asOf`. */
  readonly orders: number;
  /** Days from the last purchase to `asOf`; `null` without purchases. */
  readonly daysSinceLastPurchase: number | null;
  /** Net spend (purchases − refunds) in the trailing `purchases.baselineDays` (a simple value proxy). */
  readonly spendLastYear: number;
  /** Signals that reached their threshold, by contribution (largest first), then code order. */
  readonly signals: readonly Signal[];
}

/**
 * How many input records were used and why others were not.
 *
 * @example
 * ```ts
 * const usage: RecordUsage = { used: 120, afterAsOf: 3, unknownCustomer: 1, filtered: 0 };
 * ```
 */
export interface RecordUsage {
  /** Records that went into the signals. */
  readonly used: number;
  /** At or after `asOf` (not history). */
  readonly afterAsOf: number;
  /** Customer not scored (not in `customerIds`, or without transactions when no list is given). */
  readonly unknownCustomer: number;
  /** Filtered out (engagement types not counted). */
  readonly filtered: number;
}

/**
 * The result of {@link extractSignals}.
 *
 * @example
 * ```ts
 * const report = extractSignals({ transactions }, { asOf: '2024-07-01' });
 * report.customers[0]?.signals[0]?.reason.text;
 * report.strengths[0 * report.codes.length + report.codes.indexOf('recency-overdue')]; // strength 0-1
 * ```
 */
export interface SignalReport {
  /** `asOf` as an ISO date-time (UTC). */
  readonly asOf: string;
  /** The day number of `asOf`. */
  readonly asOfDay: number;
  /** Column order of `strengths` (= `SIGNAL_CODES`). */
  readonly codes: readonly SignalCode[];
  /** One row per customer, canonical id order (numeric ids ascending, string ids by UTF-16 code units). */
  readonly customers: readonly CustomerSignals[];
  /** Strengths 0-1 (float32), row-major `customers.length × codes.length` (0 where a signal was not measurable). */
  readonly strengths: Float32Array;
  /** The cohort's typical gap between purchases (prior and one-time-buyer fallback of the recency signal). */
  readonly cohort: {
    /** Median over repeat buyers of their mean gap between purchase days; or the configured fallback. */
    readonly typicalGapDays: number | null;
    /** `data` (estimated from repeat buyers), `fallback` (the configured gap) or `none` (no fallback configured). */
    readonly basis: 'data' | 'fallback' | 'none';
    /** Customers with at least two purchase days. */
    readonly repeatBuyers: number;
  };
  /** The configuration used. */
  readonly config: SignalConfig;
  /** Horizon (days) of the model input's expected purchases, when a model was given. */
  readonly modelHorizonDays: number | null;
  /** Input accounting: nothing is dropped silently. */
  readonly records: {
    /** Transactions (records or column rows). */
    readonly transactions: RecordUsage;
    /** Survey responses. */
    readonly surveyResponses: RecordUsage;
    /** Complaints. */
    readonly complaints: RecordUsage;
    /** Engagement events (records or column rows). */
    readonly engagementEvents: RecordUsage;
  };
}

/** The k-th smallest value (0-based) by quickselect (Hoare partition, median-of-three pivot); reorders `values`. */
function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * The cohort's typical gap: the median, over customers with ≥ 2 purchase days, of their mean gap between purchase
 * days; the configured fallback when fewer than `minCohortRepeaters` such customers exist.
 *
 * @example
 * ```ts
 * cohortTypicalGap(index, DEFAULT_SIGNAL_CONFIG) //=> { typicalGapDays: 41.5, basis: 'data', repeatBuyers: 812 }
 * ```
 */
export function cohortTypicalGap(index: PurchaseIndex, config: SignalConfig): SignalReport['cohort'] {
  const customers = index.ids.length;
  const gaps = new Float64Array(customers);
  let count = 0;
  for (let k = 0; k < customers; k++) {
    let days = 0;
    let first = 0;
    let last = Number.NaN;
    for (let j = index.offsets[k]!; j < index.offsets[k + 1]!; j++) {
      if (index.refund[j] === 1) continue;
      const d = index.day[j]!;
      if (d !== last) {
        if (days === 0) first = d;
        days++;
        last = d;
      }
    }
    if (days >= 2) gaps[count++] = (last - first) / (days - 1);
  }
  if (count >= config.purchases.minCohortRepeaters) {
    const values = gaps.subarray(0, count);
    const mid = count >> 1;
    const upper = selectKth(values, mid);
    const median = count % 2 === 1 ? upper : (selectKth(values, mid - 1) + upper) / 2;
    return { typicalGapDays: median, basis: 'data', repeatBuyers: count };
  }
  const fallback = config.purchases.fallbackGapDays;
  return fallback === null ? { typicalGapDays: null, basis: 'none', repeatBuyers: count } : { typicalGapDays: fallback, basis: 'fallback', repeatBuyers: count };
}

function usage(total: number, skips: GroupingSkips): RecordUsage {
  return { used: total - skips.after - skips.unknown - skips.filtered, afterAsOf: skips.after, unknownCustomer: skips.unknown, filtered: skips.filtered };
}

function bySignalOrder(a: Signal, b: Signal): number {
  return b.contribution - a.contribution || signalColumn(a.code) - signalColumn(b.code);
}

/**
 * Scans every customer for churn signals as of a date.
 *
 * Customers are those with a transaction before `asOf` (or `data.customerIds`). Transactions may come as records or
 * as columns (the fast path). Surveys, complaints, engagement events, loyalty state and model output are optional;
 * a signal whose inputs are missing is simply not measured (strength 0). Each reported signal carries its code,
 * severity, measured value, threshold, strength, contribution and a reason sentence with its parameters.
 *
 * @example
 * ```ts
 * const report = extractSignals(
 *   { transactions, surveyResponses, complaints, engagementEvents },
 *   { asOf: '2024-07-01' },
 * );
 * report.customers.find((c) => c.customerId === 'c-17')?.signals.map((s) => s.code);
 * //=> ['recency-overdue', 'engagement-decline']
 * ```
 */
export function extractSignals(data: ChurnData, options: ExtractSignalsOptions): SignalReport {
  const config = options.config ?? DEFAULT_SIGNAL_CONFIG;
  const calendar = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const asOfMs = toInstant(options.asOf, calendar);
  const index = buildPurchaseIndex(
    { transactions: data.transactions, columns: data.columns },
    { asOfMs, timeZone: options.timeZone, customerIds: data.customerIds },
  );
  const customers = index.ids.length;
  const asOfDay = index.asOfDay;
  const cohort = cohortTypicalGap(index, config);

  let positions: Map<string, number> | undefined;
  const positionsOf = (): Map<string, number> => (positions ??= customerPositions(index));
  const surveySkips: GroupingSkips = { after: 0, unknown: 0, filtered: 0 };
  const complaintSkips: GroupingSkips = { after: 0, unknown: 0, filtered: 0 };
  const eventSkips: GroupingSkips = { after: 0, unknown: 0, filtered: 0 };
  const surveys: Grouped<SurveyResponse> | undefined =
    data.surveyResponses === undefined || data.surveyResponses.length === 0
      ? undefined
      : groupByCustomer(data.surveyResponses, positionsOf(), customers, (r) => r.customerId, (r) => r.respondedAt, (r) => r.id, asOfMs, surveySkips);
  const complaints: Grouped<Complaint> | undefined =
    data.complaints === undefined || data.complaints.length === 0
      ? undefined
      : groupByCustomer(data.complaints, positionsOf(), customers, (r) => r.customerId, (r) => r.openedAt, (r) => r.id, asOfMs, complaintSkips);
  const eventCount = data.engagementEvents === undefined ? 0 : Array.isArray(data.engagementEvents) ? data.engagementEvents.length : (data.engagementEvents as { day: Int32Array }).day.length;
  const events: EventDays | undefined =
    data.engagementEvents === undefined || eventCount === 0
      ? undefined
      : groupEventDays(data.engagementEvents, positionResolver(index.ids, positionsOf()), customers, { asOfMs, endDay: index.endDay, config, timeZone: options.timeZone }, eventSkips);

  const sink = createSink(config, customers, data.model !== undefined);
  const facts = createPurchaseFacts();
  const rows = new Array<CustomerSignals>(customers);
  const model = data.model;
  const loyalty = data.loyalty;
  for (let k = 0; k < customers; k++) {
    startCustomer(sink, k);
    const customerId = index.ids[k]!;
    scanPurchases(index, k, config, facts);
    purchaseSignals(sink, facts, asOfDay, cohort.typicalGapDays, config);
    if (surveys !== undefined) satisfactionSignals(sink, surveys, k, asOfMs, config);
    if (complaints !== undefined) complaintSignals(sink, complaints, k, asOfMs, facts.firstDay * MS_PER_DAY, config);
    if (events !== undefined) engagementSignals(sink, events, k, asOfDay, facts.firstDay, config);
    if (loyalty !== undefined) {
      const state = ownValue(loyalty, customerId);
      if (state !== undefined) loyaltySignals(sink, state, asOfMs, config);
    }
    if (model !== undefined) modelSignals(sink, modelView(model, customerId, facts, asOfDay), facts, model.horizonDays, asOfDay, config);
    const signals = sink.signals;
    if (signals.length > 1) signals.sort(bySignalOrder);
    rows[k] = {
      customerId,
      orders: facts.orders,
      daysSinceLastPurchase: facts.purchaseDays === 0 ? null : asOfDay - facts.lastDay,
      spendLastYear: facts.netTrailing,
      signals,
    };
  }
  const noSkips: GroupingSkips = { after: 0, unknown: 0, filtered: 0 };
  return {
    asOf: isoDateTime(asOfMs),
    asOfDay,
    codes: SIGNAL_CODES,
    customers: rows,
    strengths: sink.strengths,
    cohort,
    config,
    modelHorizonDays: model === undefined ? null : model.horizonDays,
    records: {
      transactions: {
        used: index.rowsUsed,
        afterAsOf: index.rowsAfterAsOf,
        unknownCustomer: index.rowsOfUnknownCustomers,
        filtered: 0,
      },
      surveyResponses: usage(data.surveyResponses?.length ?? 0, surveys === undefined ? noSkips : surveySkips),
      complaints: usage(data.complaints?.length ?? 0, complaints === undefined ? noSkips : complaintSkips),
      engagementEvents: usage(eventCount, events === undefined ? noSkips : eventSkips),
    },
  };
}
