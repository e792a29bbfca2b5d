/**
 * Demo section: customer-lifetime value on the generated base — BG/NBD, MBG/NBD and Pareto/NBD fitted on a
 * calibration window with the last 180 days held out (parameters and the holdout check), then the models refitted
 * on all data up to `asOf` to score customers: top customers by 52-week value (BG/NBD × Gamma-Gamma) and P(alive),
 * and P(alive) against the generator's ground truth.
 */
import {
  bgNbd,
  calibrationColumnsToSummary,
  calibrationHoldoutComparison,
  convertDiscountRate,
  customerLifetimeValue,
  gammaGamma,
  mbgNbd,
  paretoNbd,
  toCalibrationColumns,
  type CalibrationColumns,
} from '../../src/clv/index.js';
import type { Transaction } from '../../src/core/index.js';
import { count, fixed, table } from './format.js';

/**
 * The fields of the generated base this section reads (a structural subset of synth's `CustomerBase`).
 *
 * @example
 * ```ts
 * const base: ClvDemoBase = { asOf: Date.UTC(2026, 5, 30), transactions: [], truth: [] };
 * ```
 */
export interface ClvDemoBase {
  readonly asOf: number;
  readonly transactions: readonly Transaction[];
  readonly truth: readonly { readonly customerId: string; readonly alive: boolean }[];
}

const DAY = 86_400_000;

const isoDate = (instant: number): string => new Date(instant).toISOString().slice(0, 10);

function totals(holdout: readonly { actualTotal: number; expectedTotal: number }[]): {
  actual: number;
  expected: number;
} {
  return holdout.reduce(
    (acc, row) => ({ actual: acc.actual + row.actualTotal, expected: acc.expected + row.expectedTotal }),
    { actual: 0, expected: 0 },
  );
}

/**
 * Renders the "Customer-lifetime value" section of the demo report.
 *
 * @example
 * ```ts
 * process.stdout.write(clvSection(generateCustomerBase({ seed: 'demo', customers: 2000, asOf: '2026-06-30' })));
 * ```
 */
export function clvSection(base: ClvDemoBase): string {
  const out: string[] = [];
  const calibrationEnd = isoDate(base.asOf - 180 * DAY);
  const holdoutEnd = isoDate(base.asOf);
  const calibration = toCalibrationColumns(base.transactions, { calibrationEnd, holdoutEnd, timeUnit: 'week' });
  out.push(
    `Calibration: first purchases to ${calibrationEnd}, ${count(calibration.x.length)} customers; holdout ${calibrationEnd} … ${holdoutEnd} ` +
      `(${fixed(calibration.holdoutDuration ?? 0, 1)} weeks); same-day purchases merged, refunds ignored (${count(calibration.ignoredRefunds)} rows).`,
  );

  // 1. Fitted purchase models (weeks).
  const bg = bgNbd.fit(calibration);
  const mbg = mbgNbd.fit(calibration);
  const pnbd = paretoNbd.fit(calibration);
  out.push('', 'Purchase models fitted on the calibration window (time unit: week)');
  out.push(
    table(
      ['model', 'r', 'alpha', 'a or s', 'b or beta', 'log-likelihood', 'AIC', 'converged'],
      [
        ['BG/NBD', bg.params.r, bg.params.alpha, bg.params.a, bg.params.b, bg],
        ['MBG/NBD', mbg.params.r, mbg.params.alpha, mbg.params.a, mbg.params.b, mbg],
        ['Pareto/NBD', pnbd.params.r, pnbd.params.alpha, pnbd.params.s, pnbd.params.beta, pnbd],
      ].map(([name, r, alpha, third, fourth, model]) => {
        const m = model as { logLikelihood: number; aic: number; converged: boolean };
        return [
          name as string,
          fixed(r as number, 4),
          fixed(alpha as number, 3),
          fixed(third as number, 4),
          fixed(fourth as number, 3),
          fixed(m.logLikelihood, 2),
          fixed(m.aic, 1),
          m.converged ? 'yes' : 'no',
        ];
      }),
    ),
  );

  // 2. Holdout check.
  const bgHoldout = calibrationHoldoutComparison(bg, calibration, { maxFrequency: 7 });
  const mbgHoldout = calibrationHoldoutComparison(mbg, calibration, { maxFrequency: 7 });
  const pnbdHoldout = calibrationHoldoutComparison(pnbd, calibration, { maxFrequency: 7 });
  out.push('', 'Holdout check: mean repeat purchases in the holdout by calibration repeat purchases');
  out.push(
    table(
      ['calibration x', 'customers', 'actual', 'BG/NBD', 'MBG/NBD', 'Pareto/NBD'],
      bgHoldout.map((row, i) => [
        row.frequency,
        count(row.customers),
        fixed(row.actualMean, 3),
        fixed(row.expectedMean, 3),
        fixed(mbgHoldout[i]!.expectedMean, 3),
        fixed(pnbdHoldout[i]!.expectedMean, 3),
      ]),
    ),
  );
  const t = [totals(bgHoldout), totals(mbgHoldout), totals(pnbdHoldout)];
  out.push(
    `Holdout repeat purchases: actual ${count(t[0]!.actual)}; predicted BG/NBD ${count(t[0]!.expected)}, ` +
      `MBG/NBD ${count(t[1]!.expected)}, Pareto/NBD ${count(t[2]!.expected)}.`,
  );

  // 3. Scoring today: refit on all data up to asOf, spend model, 52-week CLV.
  const today: CalibrationColumns = toCalibrationColumns(base.transactions, { asOf: holdoutEnd, timeUnit: 'week' });
  const current = bgNbd.fit(today);
  const spend = gammaGamma.fit(today);
  const summary = calibrationColumnsToSummary(today);
  const clv = customerLifetimeValue(summary, {
    purchaseModel: current,
    spendModel: { kind: 'gammaGamma', params: spend.params },
    horizon: 52,
    discountRate: convertDiscountRate(0.1, { from: { days: 365.25 }, to: 'week' }),
    stepLength: 4.345,
  });
  out.push(
    '',
    `Scoring at ${holdoutEnd} (${count(today.x.length)} customers): BG/NBD r ${fixed(current.params.r, 3)}, α ${fixed(current.params.alpha, 2)}, ` +
      `a ${fixed(current.params.a, 3)}, b ${fixed(current.params.b, 3)}; Gamma-Gamma p ${fixed(spend.params.p, 2)}, q ${fixed(spend.params.q, 2)}, ` +
      `γ ${fixed(spend.params.gamma, 2)}. Value = 52-week discounted revenue (10 % a year, monthly steps).`,
  );
  const alive = new Map(base.truth.map((person) => [person.customerId, person.alive]));
  const ranked = [...clv.customers].sort((a, b) => b.value - a.value || a.index - b.index).slice(0, 10);
  out.push('', 'Top 10 customers by predicted 52-week value');
  out.push(
    table(
      ['customer', 'x', 'weeks since last', 'mean spend', 'P(alive)', 'E[purchases]', 'value', 'truly alive'],
      ranked.map((row) => {
        const customer = summary.customers[row.index]!;
        const truth = alive.get(String(customer.customerId));
        return [
          String(customer.customerId),
          String(customer.x),
          fixed(customer.T - customer.tx, 1),
          fixed(customer.meanSpend, 2),
          fixed(row.probabilityAlive ?? Number.NaN, 3),
          fixed(row.expectedPurchases ?? Number.NaN, 2),
          fixed(row.value, 2),
          truth === undefined ? '–' : truth ? 'yes' : 'no',
        ];
      }),
    ),
  );

  // 4. P(alive) against the ground truth.
  const probabilities = bgNbd.probabilityAliveColumns(current.params, today);
  const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.0000001];
  const rows: string[][] = [];
  for (let k = 0; k < bins.length - 1; k++) {
    let customers = 0;
    let predicted = 0;
    let actual = 0;
    for (let i = 0; i < today.x.length; i++) {
      const p = probabilities[i]!;
      const truth = alive.get(String(today.customerId[i]));
      if (p < bins[k]! || p >= bins[k + 1]! || truth === undefined) continue;
      customers++;
      predicted += p;
      actual += truth ? 1 : 0;
    }
    if (customers > 0) {
      rows.push([
        `${fixed(bins[k]!, 1)}–${fixed(Math.min(1, bins[k + 1]!), 1)}`,
        count(customers),
        fixed(predicted / customers, 3),
        fixed(actual / customers, 3),
      ]);
    }
  }
  out.push('', 'BG/NBD P(alive) at as-of against the generator’s truth');
  out.push(table(['P(alive) bin', 'customers', 'mean P(alive)', 'share truly alive'], rows));
  return out.join('\n');
}
