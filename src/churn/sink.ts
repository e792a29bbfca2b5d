/**
 * The per-customer scratch the signal families write into: strengths go to the report's matrix row, signals that
 * reached their threshold go to the customer's list.
 *
 * @module
 */
import { SIGNAL_CODES, signalColumn, type SignalCode } from './codes.js';
import { effectiveWeight, type SignalConfig } from './config.js';
import { makeSignal, rampStrength, severityOf, type ReasonParam, type Signal, type SignalSeverity } from './signal.js';
import type { ReasonTemplateId } from './templates.js';

/** The shared (frozen) empty list of a customer without reported signals: one object for all of them. */
const NO_SIGNALS: Signal[] = Object.freeze([]) as unknown as Signal[];

/**
 * Where the signal families write one customer's results.
 *
 * @example
 * ```ts
 * const sink = createSink(DEFAULT_SIGNAL_CONFIG, 10, false);
 * startCustomer(sink, 0);
 * ```
 */
export interface SignalSink {
  readonly config: SignalConfig;
  /** Weight in effect per signal column (see `effectiveWeight`). */
  readonly weights: Float64Array;
  /** Row-major strengths, `customers × SIGNAL_CODES.length`. */
  readonly strengths: Float32Array;
  /** Offset of the current customer's row. */
  base: number;
  /** The current customer's reported signals. */
  signals: Signal[];
}

/**
 * A sink for `customers` rows.
 *
 * @example
 * ```ts
 * createSink(DEFAULT_SIGNAL_CONFIG, 2, false).strengths.length //=> 36
 * ```
 */
export function createSink(config: SignalConfig, customers: number, withModel: boolean): SignalSink {
  const weights = Float64Array.from(SIGNAL_CODES, (code) => effectiveWeight(config, code, withModel));
  return { config, weights, strengths: new Float32Array(customers * SIGNAL_CODES.length), base: 0, signals: NO_SIGNALS };
}

/**
 * Moves the sink to customer row `k` with an empty signal list.
 *
 * @example
 * ```ts
 * startCustomer(sink, 3); sink.base //=> 54
 * ```
 */
export function startCustomer(sink: SignalSink, k: number): void {
  sink.base = k * SIGNAL_CODES.length;
  sink.signals = NO_SIGNALS;
}

/**
 * Records a measured value: writes its strength and returns the severity it reached (`undefined` below the
 * threshold, for a disabled rule or a non-finite value).
 *
 * @example
 * ```ts
 * measure(sink, 'recency-overdue', 2.5) //=> 'warning'
 * ```
 */
export function measure(sink: SignalSink, code: SignalCode, value: number): SignalSeverity | undefined {
  const rule = sink.config.signals[code];
  if (!rule.enabled || !Number.isFinite(value)) return undefined;
  sink.strengths[sink.base + signalColumn(code)] = rampStrength(rule, value);
  return severityOf(rule, value);
}

/**
 * Adds a reported signal (after {@link measure} returned a severity).
 *
 * @example
 * ```ts
 * report(sink, 'recency-overdue', 2.5, 'warning', 'recency-overdue.own-cadence', { daysSinceLastPurchase: 100 });
 * ```
 */
export function report(
  sink: SignalSink,
  code: SignalCode,
  value: number,
  severity: SignalSeverity,
  reasonId: ReasonTemplateId,
  params: Readonly<Record<string, ReasonParam>>,
): void {
  const signal = makeSignal(code, sink.config.signals[code], sink.weights[signalColumn(code)]!, value, severity, reasonId, params);
  if (sink.signals === NO_SIGNALS) sink.signals = [signal];
  else sink.signals.push(signal);
}
