/**
 * Satisfaction benchmarks. Targets (issue 7): NPS with interval over 1M responses < 50 ms; key driver analysis over
 * 100k responses × 10 drivers < 1 s. Run: `node --import tsx bench/satisfaction.bench.ts` or `npm run bench -- satisfaction`.
 */
import { createRng, type Complaint, type SurveyResponse } from '../src/core/index.js';
import {
  breakdown,
  categorizeFeedback,
  complaintMetrics,
  csat,
  keyDrivers,
  nps,
  npsFromScores,
  trend,
} from '../src/satisfaction/index.js';
import { measure } from './harness.js';

const rng = createRng('satisfaction-bench');
const MILLION = 1_000_000;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

// 1M NPS scores as a typed array, a plain array, and survey records.
const typed = new Uint8Array(MILLION);
for (let i = 0; i < MILLION; i++) typed[i] = clamp(7.5 + 2.5 * rng.normal(), 0, 10);
const plain = Array.from(typed);
const weights = new Float64Array(MILLION);
for (let i = 0; i < MILLION; i++) weights[i] = 0.5 + rng.uniform();
const start = Date.UTC(2024, 0, 1);
const channels = ['web', 'app', 'store', 'email'];
const records: SurveyResponse[] = new Array<SurveyResponse>(MILLION);
for (let i = 0; i < MILLION; i++) {
  records[i] = { id: `s${i}`, customerId: `c${i % 200_000}`, respondedAt: start + (i % 730) * 86_400_000, channel: channels[i % 4]!, nps: typed[i]!, csat: clamp(1 + typed[i]! / 2.5, 1, 5) };
}

measure('npsFromScores, 1M scores (Uint8Array), with intervals', () => npsFromScores(typed), { runs: 15, targetMs: 50 });
measure('npsFromScores, 1M scores (number[]), with intervals', () => npsFromScores(plain), { runs: 15, targetMs: 50 });
measure('npsFromScores, 1M scores + weights (ESS intervals)', () => npsFromScores(typed, { weights }), { runs: 9, targetMs: 50 });
measure('nps, 1M SurveyResponse records, with intervals', () => nps(records), { runs: 9 });
measure('csat, 1M SurveyResponse records (share + mean)', () => csat(records), { runs: 5 });
measure('trend, 1M records, monthly NPS with tests', () => trend(records, { metric: 'nps', unit: 'month' }), { runs: 5 });
measure('breakdown, 1M records by channel, NPS vs rest', () => breakdown(records, { metric: 'nps', by: { field: 'channel' } }), { runs: 5 });

// Key drivers: 100k responses × 10 correlated aspects.
const DRIVERS = Array.from({ length: 10 }, (_, j) => `aspect${j}`);
const driverResponses: SurveyResponse[] = [];
for (let i = 0; i < 100_000; i++) {
  const z = rng.normal();
  const aspects: Record<string, number> = {};
  let signal = 0;
  DRIVERS.forEach((name, j) => {
    const value = clamp(3 + (0.3 + 0.05 * j) * 1.5 * z + rng.normal(), 1, 5);
    aspects[name] = value;
    signal += (j + 1) * 0.1 * value;
  });
  driverResponses.push({ id: `d${i}`, respondedAt: start, nps: clamp(signal - 8 + rng.normal(), 0, 10), aspects });
}
measure('keyDrivers, 100k responses × 10 drivers (Pearson, Spearman, Shapley 2^10, Johnson)', () => keyDrivers(driverResponses, { drivers: DRIVERS }), {
  runs: 5,
  warmup: 1,
  targetMs: 1000,
});

// Feedback categorisation and complaint metrics at demo scale.
const texts = ['Delivery was late again', '快递太慢了，等了5天。', 'Great quality, friendly staff', '价格太贵了。', 'The app crashes when I try to pay.', 'ok'];
const commented: SurveyResponse[] = records.slice(0, 50_000).map((r, i) => ({ ...r, comment: texts[i % texts.length]! }));
const taxonomy = {
  categories: [
    { id: 'delivery', keywords: ['delivery', 'late', 'shipping', '快递', '物流'] },
    { id: 'quality', keywords: ['quality', 'broken', '质量'] },
    { id: 'price', keywords: ['price*', 'expensive', '价格', '太贵'] },
    { id: 'service', keywords: ['staff', 'rude', 'customer service', '客服', '态度'] },
    { id: 'website', keywords: ['app', 'website', 'checkout', '闪退'] },
  ],
};
measure('categorizeFeedback, 50k comments × 5 categories (EN + ZH)', () => categorizeFeedback(commented, { taxonomy, includeItems: false }), { runs: 5 });
const complaints: Complaint[] = Array.from({ length: 50_000 }, (_, i) => {
  const openedAt = start + i * 600_000;
  return {
    id: `k${i}`,
    customerId: `c${i}`,
    openedAt,
    firstResponseAt: openedAt + (1 + (i % 48)) * 3_600_000,
    ...(i % 7 === 0 ? {} : { resolvedAt: openedAt + (2 + (i % 200)) * 3_600_000 }),
    reopenCount: i % 11 === 0 ? 1 : 0,
    category: ['delivery', 'quality', 'billing'][i % 3]!,
  };
});
measure('complaintMetrics, 50k complaints', () => complaintMetrics(complaints, { asOf: start + 400 * 86_400_000, orderCount: 1_000_000 }), { runs: 5 });
