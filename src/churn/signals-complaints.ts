/**
 * Complaint signals: a recent spike against the customer's own complaint rate, an unresolved complaint, and a
 * slow resolution.
 *
 * @module
 */
import { MS_PER_DAY, type Complaint } from '../core/index.js';
import type { SignalConfig } from './config.js';
import type { Grouped } from './grouping.js';
import { measure, report, type SignalSink } from './sink.js';

/**
 * Raises the complaint signals of customer `k` (complaints opened before `asOf`).
 *
 * - `complaint-spike`: value = complaints opened in the last `recentDays` − the number expected there from the
 *   customer's rate, (baseline complaints + priorRatePerYear) / (baseline days + 365) per day, where the baseline
 *   is the `baselineDays` before the recent window (shortened to the customer's tenure when `firstDay` is known).
 * - `complaint-unresolved`: value = age in days of the oldest complaint still open at `asOf` (opened within the
 *   recent + baseline windows; resolved after `asOf` counts as open).
 * - `complaint-slow-resolution`: value = the longest resolution time (days) among complaints resolved in the last
 *   `resolutionLookbackDays`.
 *
 * @example
 * ```ts
 * complaintSignals(sink, grouped, 0, Date.UTC(2024, 6, 1), Number.NaN, DEFAULT_SIGNAL_CONFIG);
 * ```
 */
export function complaintSignals(
  sink: SignalSink,
  complaints: Grouped<Complaint>,
  k: number,
  asOfMs: number,
  firstDayMs: number,
  config: SignalConfig,
): void {
  const start = complaints.offsets[k]!;
  const end = complaints.offsets[k + 1]!;
  const c = config.complaints;
  const recentFrom = asOfMs - c.recentDays * MS_PER_DAY;
  const baselineFrom = recentFrom - c.baselineDays * MS_PER_DAY;
  const resolvedFrom = asOfMs - c.resolutionLookbackDays * MS_PER_DAY;
  let recent = 0;
  let baseline = 0;
  let open = 0;
  let oldestOpenAt = Number.POSITIVE_INFINITY;
  let oldestOpenSeverity: string | null = null;
  let slowest = Number.NEGATIVE_INFINITY;
  let slowestCategory: string | null = null;
  for (let j = start; j < end; j++) {
    const complaint = complaints.items[j]!;
    const opened = complaint.openedAt;
    if (opened >= recentFrom) recent++;
    else if (opened >= baselineFrom) baseline++;
    const resolved = complaint.resolvedAt;
    if ((resolved === undefined || resolved >= asOfMs) && opened >= baselineFrom) {
      open++;
      if (opened < oldestOpenAt) {
        oldestOpenAt = opened;
        oldestOpenSeverity = complaint.severity ?? null;
      }
    }
    if (resolved !== undefined && resolved < asOfMs && resolved >= resolvedFrom) {
      const days = (resolved - opened) / MS_PER_DAY;
      if (days > slowest) {
        slowest = days;
        slowestCategory = complaint.category ?? null;
      }
    }
  }
  const tenureDays = Number.isFinite(firstDayMs) ? Math.max(0, (recentFrom - firstDayMs) / MS_PER_DAY) : c.baselineDays;
  const baselineDays = Math.min(c.baselineDays, tenureDays);
  const expected = ((baseline + c.priorRatePerYear) / (baselineDays + 365)) * c.recentDays;
  const excess = recent - expected;
  const spike = measure(sink, 'complaint-spike', excess);
  if (spike !== undefined) {
    report(sink, 'complaint-spike', excess, spike, 'complaint-spike', {
      recentComplaints: recent,
      expectedComplaints: expected,
      baselineComplaints: baseline,
      windowDays: c.recentDays,
    });
  }
  if (open > 0) {
    const age = (asOfMs - oldestOpenAt) / MS_PER_DAY;
    const severity = measure(sink, 'complaint-unresolved', age);
    if (severity !== undefined) {
      report(sink, 'complaint-unresolved', age, severity, 'complaint-unresolved', {
        oldestOpenDays: age,
        openComplaints: open,
        complaintSeverity: oldestOpenSeverity,
      });
    }
  }
  if (Number.isFinite(slowest)) {
    const severity = measure(sink, 'complaint-slow-resolution', slowest);
    if (severity !== undefined) {
      report(sink, 'complaint-slow-resolution', slowest, severity, 'complaint-slow-resolution', {
        resolutionDays: slowest,
        category: slowestCategory,
        lookbackDays: c.resolutionLookbackDays,
      });
    }
  }
}
