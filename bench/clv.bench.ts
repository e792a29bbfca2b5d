/**
 * CLV purchase-model benchmarks (medians): BG/NBD, MBG/NBD and Pareto/NBD fits on CDNOW, BG/NBD and Pareto/NBD
 * fits on simulated million-customer bases, predictions (P(alive), CET, DERT, infinite-horizon CLV) for a million
 * customers, the calibration summary of a large transaction log and ₂F₁ throughput. Run: node --import tsx bench/clv.bench.ts
 */
import * as bgNbd from '../src/clv/bg-nbd.js';
import { compressRecencyFrequency } from '../src/clv/data.js';
import { customerLifetimeValue } from '../src/clv/lifetime-value.js';
import * as mbgNbd from '../src/clv/mbg-nbd.js';
import * as paretoNbd from '../src/clv/pareto-nbd.js';
import { toCalibrationColumns } from '../src/clv/summary.js';
import { createRng, hyp2f1 } from '../src/core/index.js';
import { cdnowSampleColumns } from '../test/clv/datasets.js';
import { measure } from './harness.js';

const cdnow = toCalibrationColumns(cdnowSampleColumns(), { calibrationEnd: '1997-09-30', timeUnit: 'week' });

measure('BG/NBD fit, CDNOW (2,357 customers)', () => bgNbd.fit(cdnow), { runs: 21, warmup: 5, targetMs: 10 });
measure('MBG/NBD fit, CDNOW', () => mbgNbd.fit(cdnow), { runs: 21, warmup: 5 });
measure('Pareto/NBD fit, CDNOW', () => paretoNbd.fit(cdnow), { runs: 15, warmup: 3, targetMs: 50 });

// A million customers born over two years, observed at day resolution (weeks as the unit).
const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
const ages = Float64Array.from({ length: 1_000_000 }, (_, i) => 1 + (i % 730) / 7);
const million = bgNbd.simulate(truth, { T: ages, seed: 'bench-million', timeGrid: 1 / 7 });
const compressed = compressRecencyFrequency(million);
process.stdout.write(`  (1M simulated customers → ${compressed.x.length} distinct (x, tx, T) rows)\n`);
measure('BG/NBD fit, 1M-customer summary (compressed rows)', () => bgNbd.fit(compressed), {
  runs: 7,
  warmup: 2,
  targetMs: 500,
});
measure('BG/NBD fit, 1M-customer summary (raw rows, compression included)', () => bgNbd.fit(million), {
  runs: 5,
  warmup: 1,
});

// A million Pareto/NBD customers at day resolution: the fit starts from the optimum of a 15,000-row subsample.
const paretoMillion = compressRecencyFrequency(
  paretoNbd.simulate(
    { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 },
    { T: ages, seed: 'pnbd-million', timeGrid: 1 / 7 },
  ),
);
process.stdout.write(`  (1M simulated Pareto/NBD customers → ${paretoMillion.x.length} distinct (x, tx, T) rows)\n`);
measure('Pareto/NBD fit, 1M-customer summary (compressed rows)', () => paretoNbd.fit(paretoMillion), {
  runs: 5,
  warmup: 1,
});

const params = bgNbd.fit(compressed).params;
measure('BG/NBD P(alive), 1M customers', () => bgNbd.probabilityAliveColumns(params, million), {
  runs: 7,
  warmup: 2,
  targetMs: 1000,
});
measure(
  'BG/NBD conditional expected purchases (t = 52), 1M customers',
  () => bgNbd.conditionalExpectedPurchasesColumns(params, 52, million),
  {
    runs: 7,
    warmup: 2,
    targetMs: 1000,
  },
);
const pareto = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
measure('Pareto/NBD P(alive), 1M customers', () => paretoNbd.probabilityAliveColumns(pareto, million), {
  runs: 5,
  warmup: 1,
  targetMs: 1000,
});
measure(
  'Pareto/NBD conditional expected purchases, 1M customers',
  () => paretoNbd.conditionalExpectedPurchasesColumns(pareto, 52, million),
  {
    runs: 5,
    warmup: 1,
    targetMs: 1000,
  },
);
measure(
  'BG/NBD DERT (δ = 0.0018/week), 1M customers',
  () => bgNbd.discountedExpectedResidualTransactionsColumns(params, million, { discountRate: 0.0018 }),
  {
    runs: 5,
    warmup: 1,
    targetMs: 1000,
  },
);
measure(
  'BG/NBD DERT (δ = 0.00002/week, 1 %/yr), 1M customers',
  () => bgNbd.discountedExpectedResidualTransactionsColumns(params, million, { discountRate: 0.00002 }),
  {
    runs: 5,
    warmup: 1,
    targetMs: 1000,
  },
);
const mbgParams = mbgNbd.fit(compressed).params;
measure(
  'MBG/NBD DERT (δ = 0.0018/week), 1M customers',
  () => mbgNbd.discountedExpectedResidualTransactionsColumns(mbgParams, million, { discountRate: 0.0018 }),
  {
    runs: 5,
    warmup: 1,
    targetMs: 1000,
  },
);
// customerLifetimeValue on a million row objects: BG/NBD DERT (infinite horizon) × Gamma-Gamma spend.
const spendRng = createRng('bench-spend');
const customers = Array.from({ length: million.x.length }, (_, i) => ({
  x: million.x[i]!,
  tx: million.tx[i]!,
  T: million.T[i]!,
  meanSpend: million.x[i]! > 0 ? 5 + spendRng.gamma(2, 0.05) : 0,
}));
measure(
  'customerLifetimeValue, BG/NBD + Gamma-Gamma, infinite horizon, 1M customers',
  () =>
    customerLifetimeValue(customers, {
      purchaseModel: { kind: 'bgNbd', params, timeUnit: 'week' },
      spendModel: { kind: 'gammaGamma', params: { p: 6.2487, q: 3.7446, gamma: 15.448 } },
      horizon: Number.POSITIVE_INFINITY,
      discounting: 'continuous',
      discountRate: 0.0018,
    }),
  {
    runs: 5,
    warmup: 1,
    targetMs: 1000,
  },
);
measure(
  'Pareto/NBD DERT (δ = 0.0018/week), 1M customers',
  () => paretoNbd.discountedExpectedResidualTransactionsColumns(pareto, million, { discountRate: 0.0018 }),
  {
    runs: 3,
    warmup: 1,
  },
);

// A transaction log of 3M rows for 1M customers over two years.
const rng = createRng('bench-log');
const rows = 3_000_000;
const log = {
  customerId: Int32Array.from({ length: rows }, (_, i) => i % 1_000_000),
  day: Int32Array.from({ length: rows }, () => 19_000 + rng.integer(730)),
  amount: Float64Array.from({ length: rows }, () => 5 + rng.integer(20_000) / 100),
};
measure(
  'toCalibrationColumns, 3M transactions / 1M customers',
  () => toCalibrationColumns(log, { calibrationEnd: '2023-06-30', holdoutEnd: '2024-01-07', timeUnit: 'week' }),
  { runs: 5, warmup: 1 },
);

const arguments_ = Array.from({ length: 100_000 }, (_, i) => {
  const x = i % 50;
  return [0.25 + x, 2.4 + x, 0.8 + 2.4 + x - 1, (i % 97) / 100] as const;
});
measure(
  'hyp2f1, 100k BG/NBD-range evaluations',
  () => {
    let sum = 0;
    for (const [a, b, c, z] of arguments_) sum += hyp2f1(a, b, c, z);
    return sum;
  },
  { runs: 7, warmup: 2 },
);
