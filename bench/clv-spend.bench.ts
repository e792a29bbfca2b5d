/**
 * Benchmarks of the spend, discrete-time and contractual CLV models and of customerLifetimeValue:
 * `node --import tsx bench/clv-spend.bench.ts` (or `npm run bench -- clv-spend`).
 */
import { readFileSync } from 'node:fs';
import { bgBb, bgNbd, convertDiscountRate, customerLifetimeValueColumns, gammaGamma, sbg, type BgBbRow, type GammaGammaRow } from '../src/clv/index.js';
import { createRng } from '../src/core/index.js';
import { measure } from './harness.js';

function readCsv(name: string): number[][] {
  return readFileSync(new URL(`../../shared/datasets/${name}`, import.meta.url), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => Number(cell.replace(/"/g, ''))));
}

const cdnow: GammaGammaRow[] = readCsv('cdnow_customers_summary_with_transactions.csv').map((r) => ({ x: r[1]!, mean: r[4]! }));
const donations: BgBbRow[] = readCsv('donations.csv').map(([x, tx, n, weight]) => ({ x: x!, tx: tx!, n: n!, weight: weight! }));
const exploded: BgBbRow[] = donations.flatMap((row) => Array.from({ length: row.weight! }, () => ({ x: row.x, tx: row.tx, n: row.n })));
const YEAR = { days: 365.25 };

measure('Gamma-Gamma fit, CDNOW (946 repeat customers)', () => gammaGamma.fit(cdnow, { timeUnit: 'week' }), { runs: 21, warmup: 5 });
measure('BG/BB fit, donations (22 weighted rows)', () => bgBb.fit(donations, { timeUnit: YEAR }), { runs: 21, warmup: 5 });
measure('BG/BB fit, donations exploded (11,104 rows)', () => bgBb.fit(exploded, { timeUnit: YEAR }), { runs: 11, warmup: 3 });
measure('sBG fit, Fader & Hardie (2007) High End cohort', () => sbg.fit([{ survivors: [1000, 869, 743, 653, 593, 551, 517, 491] }], { timeUnit: YEAR }), {
  runs: 21,
  warmup: 5,
});

// One million customers: BG/BB histories over 1..20 yearly opportunities, Gamma-Gamma spend, 10-year horizon.
const N = 1_000_000;
const rng = createRng('clv-spend-bench');
const x = new Float64Array(N);
const tx = new Float64Array(N);
const n = new Float64Array(N);
const meanSpend = new Float64Array(N);
for (let i = 0; i < N; i++) {
  const opportunities = 1 + rng.integer(20);
  const transactions = rng.integer(opportunities + 1);
  n[i] = opportunities;
  x[i] = transactions;
  tx[i] = transactions === 0 ? 0 : transactions + rng.integer(opportunities - transactions + 1);
  meanSpend[i] = 5 + rng.gamma(2, 0.05);
}
const spendModel = { kind: 'gammaGamma', params: { p: 6.2487, q: 3.7446, gamma: 15.448 } } as const;
measure(
  'CLV, 1M customers, BG/BB + Gamma-Gamma, 10 periods, discrete',
  () =>
    customerLifetimeValueColumns(
      { x, tx, T: n, meanSpend },
      { purchaseModel: { kind: 'bgBb', params: { alpha: 1.2035, beta: 0.7497, gamma: 0.6568, delta: 2.7837 }, timeUnit: YEAR }, spendModel, horizon: 10, discountRate: 0.1 },
    ),
  { runs: 5, warmup: 1, targetMs: 1000 },
);
measure(
  'CLV, 1M customers, BG/BB + Gamma-Gamma, infinite horizon (DERT)',
  () =>
    customerLifetimeValueColumns(
      { x, tx, T: n, meanSpend },
      {
        purchaseModel: { kind: 'bgBb', params: { alpha: 1.2035, beta: 0.7497, gamma: 0.6568, delta: 2.7837 }, timeUnit: YEAR },
        spendModel,
        horizon: Number.POSITIVE_INFINITY,
        discountRate: 0.1,
      },
    ),
  { runs: 5, warmup: 1, targetMs: 1000 },
);

// One million BG/NBD customers (CDNOW-like parameters, weekly unit, ages of 1..104 weeks on a day grid).
const ages = new Float64Array(N);
for (let i = 0; i < N; i++) ages[i] = (1 + rng.integer(728)) / 7;
const simulated = bgNbd.simulate({ r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 }, { T: ages, seed: 'clv-bench', timeGrid: 1 / 7, timeUnit: 'week' });
const spends = new Float64Array(N);
for (let i = 0; i < N; i++) spends[i] = simulated.x[i]! > 0 ? 5 + rng.gamma(2, 0.05) : 0;
const purchaseModel = { kind: 'bgNbd', params: { r: 0.2426, alpha: 4.4135, a: 0.793, b: 2.426 }, timeUnit: 'week' } as const;
const columns = { x: simulated.x, tx: simulated.tx, T: simulated.T, meanSpend: spends };
measure(
  'CLV, 1M customers, BG/NBD + Gamma-Gamma, 52 weeks in 12 monthly steps',
  () =>
    customerLifetimeValueColumns(columns, {
      purchaseModel,
      spendModel,
      horizon: 52.14,
      stepLength: 4.345,
      discountRate: convertDiscountRate(0.1, { from: { days: 365.25 }, to: 'week' }),
    }),
  { runs: 5, warmup: 1, targetMs: 1000 },
);
measure(
  'CLV, 1M customers, BG/NBD + Gamma-Gamma, 52 weeks, continuous',
  () => customerLifetimeValueColumns(columns, { purchaseModel, spendModel, horizon: 52, discounting: 'continuous', discountRate: Math.log(1.1) / 52.18 }),
  { runs: 5, warmup: 1, targetMs: 1000 },
);
measure(
  'CLV, 1M customers, BG/NBD + Gamma-Gamma, infinite horizon (DERT)',
  () =>
    customerLifetimeValueColumns(columns, {
      purchaseModel,
      spendModel,
      horizon: Number.POSITIVE_INFINITY,
      discounting: 'continuous',
      discountRate: Math.log(1.1) / 52.18,
    }),
  { runs: 5, warmup: 1, targetMs: 1000 },
);
