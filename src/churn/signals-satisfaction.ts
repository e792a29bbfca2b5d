/**
 * Satisfaction signals from the customer's own survey answers: a drop of the latest answer against their earlier
 * answers, a promoter turned detractor, and a low latest answer.
 *
 * @module
 */
import { MS_PER_DAY, type SurveyResponse } from '../core/index.js';
import type { SignalConfig } from './config.js';
import type { Grouped } from './grouping.js';
import { measure, report, type SignalSink } from './sink.js';

/**
 * A CSAT answer mapped linearly onto the NPS 0-10 scale: 10 · (csat − min) / (max − min).
 *
 * @example
 * ```ts
 * csatOnNpsScale(4, 1, 5) //=> 7.5
 * ```
 */
export function csatOnNpsScale(csat: number, min: number, max: number): number {
  return (10 * (csat - min)) / (max - min);
}

interface Series {
  latest: number;
  latestAt: number;
  previous: number;
  earlierSum: number;
  count: number;
}

function emptySeries(): Series {
  return { latest: Number.NaN, latestAt: Number.NaN, previous: Number.NaN, earlierSum: 0, count: 0 };
}

function push(series: Series, value: number, at: number): void {
  if (series.count > 0) {
    series.earlierSum += series.latest;
    series.previous = series.latest;
  }
  series.latest = value;
  series.latestAt = at;
  series.count++;
}

/**
 * Raises the satisfaction signals of customer `k`.
 *
 * - `satisfaction-drop`: value = mean of the earlier answers − the latest answer, in NPS points (CSAT mapped onto
 *   0-10); NPS and CSAT are judged separately and the larger drop is reported.
 * - `promoter-to-detractor`: value 1 when the previous NPS answer was a promoter and the latest is a detractor.
 * - `low-satisfaction`: value = the latest answer on 0-10 (NPS preferred when one response has both).
 *
 * Only answers from the last `satisfaction.lookbackDays` count, and the latest answer must be at most
 * `latestMaxAgeDays` old. Answers outside the scales (NPS 0-10, CSAT min-max) are ignored.
 *
 * @example
 * ```ts
 * satisfactionSignals(sink, grouped, 0, Date.UTC(2024, 6, 1), DEFAULT_SIGNAL_CONFIG);
 * ```
 */
export function satisfactionSignals(sink: SignalSink, responses: Grouped<SurveyResponse>, k: number, asOfMs: number, config: SignalConfig): void {
  const start = responses.offsets[k]!;
  const end = responses.offsets[k + 1]!;
  if (start === end) return;
  const s = config.satisfaction;
  const from = asOfMs - s.lookbackDays * MS_PER_DAY;
  const nps = emptySeries();
  const csat = emptySeries();
  let latestScore = Number.NaN;
  let latestMetric = '';
  let latestRaw = Number.NaN;
  let latestAt = Number.NaN;
  for (let j = start; j < end; j++) {
    const at = responses.times[j]!;
    if (at < from) continue;
    const response = responses.items[j]!;
    const n = response.nps;
    const c = response.csat;
    const npsOk = n !== undefined && n >= 0 && n <= 10;
    const csatOk = c !== undefined && c >= s.csatMin && c <= s.csatMax;
    if (npsOk) push(nps, n, at);
    if (csatOk) push(csat, csatOnNpsScale(c, s.csatMin, s.csatMax), at);
    if (npsOk) {
      latestScore = n;
      latestMetric = 'NPS';
      latestRaw = n;
      latestAt = at;
    } else if (csatOk) {
      latestScore = csatOnNpsScale(c, s.csatMin, s.csatMax);
      latestMetric = 'CSAT';
      latestRaw = c;
      latestAt = at;
    }
  }
  const recentFrom = asOfMs - s.latestMaxAgeDays * MS_PER_DAY;
  let bestDrop = Number.NEGATIVE_INFINITY;
  let bestMetric = '';
  let bestSeries: Series | undefined;
  for (const [metric, series] of [['NPS', nps], ['CSAT', csat]] as const) {
    if (series.count < 2 || series.latestAt < recentFrom) continue;
    const drop = series.earlierSum / (series.count - 1) - series.latest;
    if (drop > bestDrop) {
      bestDrop = drop;
      bestMetric = metric;
      bestSeries = series;
    }
  }
  if (bestSeries !== undefined) {
    const severity = measure(sink, 'satisfaction-drop', bestDrop);
    if (severity !== undefined) {
      const earlier = bestSeries.earlierSum / (bestSeries.count - 1);
      report(sink, 'satisfaction-drop', bestDrop, severity, 'satisfaction-drop', {
        metric: bestMetric,
        latest: bestSeries.latest,
        earlierAverage: earlier,
        earlierAnswers: bestSeries.count - 1,
        drop: bestDrop,
      });
    }
  }
  if (nps.count >= 2 && nps.latestAt >= recentFrom) {
    const turned = nps.previous >= s.promoterMin && nps.latest <= s.detractorMax ? 1 : 0;
    const severity = measure(sink, 'promoter-to-detractor', turned);
    if (severity !== undefined) {
      report(sink, 'promoter-to-detractor', turned, severity, 'promoter-to-detractor', { previousNps: nps.previous, latestNps: nps.latest });
    }
  }
  if (Number.isFinite(latestScore) && latestAt >= recentFrom) {
    const severity = measure(sink, 'low-satisfaction', latestScore);
    if (severity !== undefined) {
      const ageDays = Math.floor((asOfMs - latestAt) / MS_PER_DAY);
      report(sink, 'low-satisfaction', latestScore, severity, latestMetric === 'NPS' ? 'low-satisfaction.nps' : 'low-satisfaction.csat', {
        metric: latestMetric,
        answer: latestRaw,
        scaleMax: latestMetric === 'NPS' ? 10 : s.csatMax,
        scoreOutOf10: latestScore,
        daysAgo: ageDays,
      });
    }
  }
}
