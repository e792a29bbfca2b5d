/**
 * Engagement signals: visits, logins, email opens... in the recent window against the customer's own baseline,
 * and silence against their usual rhythm.
 *
 * @module
 */
import { dayNumber, type EngagementEvent } from '../core/index.js';
import type { SignalConfig } from './config.js';
import { poissonLowerTail } from './signals-purchase.js';
import type { GroupingSkips } from './grouping.js';
import type { ColumnarEvents } from './inputs.js';
import { measure, report, type SignalSink } from './sink.js';

/**
 * Engagement event days grouped per customer: `day[offsets[k] .. offsets[k+1]]`, ascending.
 *
 * @example
 * ```ts
 * const days: EventDays = { offsets: Int32Array.from([0, 2]), day: Int32Array.from([19700, 19710]) };
 * ```
 */
export interface EventDays {
  readonly offsets: Int32Array;
  readonly day: Int32Array;
}

function isColumnarEvents(events: readonly EngagementEvent[] | ColumnarEvents): events is ColumnarEvents {
  return !Array.isArray(events);
}

/**
 * A resolver from a customer id (string or number) to its position, with a typed-array fast path for integer ids.
 *
 * @example
 * ```ts
 * const resolve = positionResolver(['3', '7'], new Map([['3', 0], ['7', 1]]));
 * resolve(7) //=> 1
 * ```
 */
export function positionResolver(ids: readonly string[], positions: ReadonlyMap<string, number>): (id: string | number) => number {
  let max = -1;
  let numeric = ids.length > 0;
  for (const id of ids) {
    const n = Number(id);
    if (!(Number.isInteger(n) && n >= 0 && n <= 1 << 26 && String(n) === id)) {
      numeric = false;
      break;
    }
    if (n > max) max = n;
  }
  if (numeric) {
    const slot = new Int32Array(max + 1).fill(-1);
    for (let k = 0; k < ids.length; k++) slot[Number(ids[k])] = k;
    return (id) => {
      if (typeof id === 'number') return id >= 0 && id <= max && Number.isInteger(id) ? slot[id]! : -1;
      return positions.get(id) ?? -1;
    };
  }
  return (id) => positions.get(typeof id === 'number' ? String(id) : id) ?? -1;
}

/**
 * Groups engagement events by customer position as sorted day numbers. Records are filtered by
 * `engagement.types` and `occurredAt < asOf`; columns by `day < endDay` (their types are taken as given).
 *
 * @example
 * ```ts
 * const days = groupEventDays(events, resolve, customers, { asOfMs, endDay, config: DEFAULT_SIGNAL_CONFIG }, skips);
 * ```
 */
export function groupEventDays(
  events: readonly EngagementEvent[] | ColumnarEvents,
  resolve: (id: string | number) => number,
  customers: number,
  options: { readonly asOfMs: number; readonly endDay: number; readonly config: SignalConfig; readonly timeZone?: string | undefined },
  skips: GroupingSkips,
): EventDays {
  let n: number;
  const rowCustomer: Int32Array = new Int32Array(isColumnarEvents(events) ? events.day.length : events.length);
  let rowDay: Int32Array;
  if (isColumnarEvents(events)) {
    n = events.day.length;
    rowDay = events.day;
    const ids = events.customerId;
    let last: string | number | undefined;
    let lastK = -1;
    for (let i = 0; i < n; i++) {
      if (!(rowDay[i]! < options.endDay)) {
        rowCustomer[i] = -1;
        skips.after++;
        continue;
      }
      const id = ids[i]!;
      if (id !== last) {
        last = id;
        lastK = resolve(id);
      }
      rowCustomer[i] = lastK;
      if (lastK < 0) skips.unknown++;
    }
  } else {
    n = events.length;
    rowDay = new Int32Array(n);
    const types = new Set(options.config.engagement.types);
    const calendar = options.timeZone === undefined ? undefined : { timeZone: options.timeZone };
    for (let i = 0; i < n; i++) {
      const event = events[i]!;
      rowCustomer[i] = -1;
      if (!types.has(event.type)) {
        skips.filtered++;
        continue;
      }
      if (!(event.occurredAt < options.asOfMs)) {
        skips.after++;
        continue;
      }
      const k = resolve(event.customerId);
      if (k < 0) {
        skips.unknown++;
        continue;
      }
      rowCustomer[i] = k;
      rowDay[i] = calendar === undefined ? Math.floor(event.occurredAt / 86_400_000) : dayNumber(event.occurredAt, calendar);
    }
  }
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) if (rowCustomer[i]! >= 0) offsets[rowCustomer[i]! + 1]!++;
  for (let k = 0; k < customers; k++) offsets[k + 1]! += offsets[k]!;
  const cursor = offsets.slice(0, customers);
  const day = new Int32Array(offsets[customers]!);
  for (let i = 0; i < n; i++) {
    const k = rowCustomer[i]!;
    if (k >= 0) day[cursor[k]!++] = rowDay[i]!;
  }
  for (let k = 0; k < customers; k++) {
    const start = offsets[k]!;
    const end = offsets[k + 1]!;
    for (let j = start + 1; j < end; j++) {
      if (day[j]! < day[j - 1]!) {
        day.subarray(start, end).sort();
        break;
      }
    }
  }
  return { offsets, day };
}

/**
 * Raises the engagement signals of customer `k`. The baseline window is the `baselineDays` before the recent
 * `recentDays`, starting no earlier than the customer's first known day (first event or first purchase).
 *
 * - `engagement-decline`: value = 1 − recent events ÷ (baseline events × recentDays ÷ baseline length); needs at
 *   least `minBaselineEvents` baseline events and `minExpectedEvents` expected recent events.
 * - `engagement-silent`: value = days since the last event × (distinct event days ÷ days observed), i.e. the
 *   silence measured in the customer's usual gaps between active days.
 *
 * @example
 * ```ts
 * engagementSignals(sink, days, 0, asOfDay, firstPurchaseDay, DEFAULT_SIGNAL_CONFIG);
 * ```
 */
export function engagementSignals(
  sink: SignalSink,
  events: EventDays,
  k: number,
  asOfDay: number,
  firstPurchaseDay: number,
  config: SignalConfig,
): void {
  const start = events.offsets[k]!;
  const end = events.offsets[k + 1]!;
  if (start === end) return;
  const e = config.engagement;
  const recentStart = asOfDay - e.recentDays;
  const windowStart = recentStart - e.baselineDays;
  const firstEvent = events.day[start]!;
  const firstKnown = Number.isFinite(firstPurchaseDay) ? Math.min(firstEvent, firstPurchaseDay) : firstEvent;
  const baselineStart = Math.max(windowStart, firstKnown);
  let recent = 0;
  let baseline = 0;
  let distinctDays = 0;
  let lastDay = Number.NaN;
  for (let j = start; j < end; j++) {
    const d = events.day[j]!;
    if (d < baselineStart) continue;
    if (d >= recentStart) recent++;
    else baseline++;
    if (d !== lastDay) {
      distinctDays++;
      lastDay = d;
    }
  }
  const baselineLength = recentStart - baselineStart;
  const expected = baselineLength > 0 ? (baseline * e.recentDays) / baselineLength : 0;
  if (baseline >= e.minBaselineEvents && expected >= e.minExpectedEvents) {
    const decline = 1 - recent / expected;
    const severity = measure(sink, 'engagement-decline', decline);
    if (severity !== undefined) {
      report(sink, 'engagement-decline', decline, severity, 'engagement-decline', {
        recentEvents: recent,
        expectedEvents: expected,
        change: -decline,
        probability: poissonLowerTail(recent, expected),
        baselineEvents: baseline,
        baselineDays: baselineLength,
        windowDays: e.recentDays,
      });
    }
  }
  const observed = asOfDay - baselineStart;
  const lastEvent = events.day[end - 1]!;
  if (distinctDays >= e.minBaselineEvents && observed > 0 && lastEvent >= baselineStart) {
    const usualGap = observed / distinctDays;
    const silence = asOfDay - lastEvent;
    const ratio = silence / usualGap;
    const severity = measure(sink, 'engagement-silent', ratio);
    if (severity !== undefined) {
      report(sink, 'engagement-silent', ratio, severity, 'engagement-silent', {
        daysSinceLastEngagement: silence,
        usualGapDays: usualGap,
        activeDays: distinctDays,
      });
    }
  }
}
