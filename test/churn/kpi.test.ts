import { describe, expect, it } from 'vitest';
import { KPI_NAMES, monitorKpis } from '../../src/churn/index.js';
import type { Transaction } from '../../src/core/index.js';

function buy(customerId: string, year: number, month: number, day: number, amount = 20): Transaction {
  return { id: `${customerId}-${year}-${month}-${day}-${amount}`, customerId, occurredAt: Date.UTC(year, month - 1, day, 12), kind: 'purchase', amount, currency: 'EUR' };
}

/** 40 loyal customers buying every month of 2023 and the first months of 2024; in June 2024 most stop. */
function base(): Transaction[] {
  const out: Transaction[] = [];
  for (let c = 0; c < 40; c++) {
    for (let m = 0; m < 18; m++) {
      const year = 2023 + Math.floor(m / 12);
      const month = (m % 12) + 1;
      if (m === 17 && c >= 10) continue; // June 2024: only 10 of 40 come back
      out.push(buy(`c${c}`, year, month, 1 + ((c * 7 + m) % 27), 20 + (c % 5)));
    }
  }
  for (let m = 0; m < 18; m++) out.push(buy(`new${m}`, 2023 + Math.floor(m / 12), (m % 12) + 1, 15, 30));
  return out;
}

describe('monitorKpis', () => {
  const monitor = monitorKpis({ transactions: base() }, { asOf: '2024-07-01', periods: 6 });

  it('computes the KPIs per complete period', () => {
    expect(monitor.latestPeriod).toBe('2024-06');
    expect(monitor.series.activeCustomers.map((p) => [p.period, p.value])).toEqual([
      ['2024-01', 41], ['2024-02', 41], ['2024-03', 41], ['2024-04', 41], ['2024-05', 41], ['2024-06', 11],
    ]);
    expect(monitor.series.retention.at(-1)!.value).toBeCloseTo(10 / 41, 12);
    expect(monitor.series.repurchaseRate.at(-1)!.value).toBeCloseTo(10 / 11, 12);
    expect(monitor.series.retention.at(-2)!.value).toBeCloseTo(40 / 41, 12);
    expect(Object.keys(monitor.definitions)).toEqual([...KPI_NAMES]);
  });

  it('puts a band around each KPI from its trailing periods and alerts when the latest leaves it', () => {
    const june = monitor.series.activeCustomers.at(-1)!;
    expect(june.band).toMatchObject({ mean: 41, sd: 0, lower: 41, upper: 41 });
    expect(june.status).toBe('below-band');
    const latest = monitor.alerts.filter((a) => a.period === '2024-06');
    expect(latest.map((a) => `${a.kpi}:${a.kind}`)).toEqual(
      expect.arrayContaining(['activeCustomers:below-band', 'activeCustomers:trend-break', 'retention:below-band']),
    );
    expect(latest.find((a) => a.kind === 'below-band')!.message).toContain('below its band');
    expect(monitor.alerts.filter((a) => a.period < '2024-06' && a.kpi === 'activeCustomers')).toEqual([]);
  });

  it('flags sustained declines', () => {
    const falling: Transaction[] = [];
    for (let m = 1; m <= 8; m++) for (let c = 0; c < 60 - 5 * m; c++) falling.push(buy(`f${c}`, 2024, m, 10));
    const result = monitorKpis({ transactions: falling }, { asOf: '2024-09-01', periods: 3, runLength: 3 });
    expect(result.alerts.some((a) => a.kpi === 'activeCustomers' && a.kind === 'sustained-decline' && a.period === '2024-08')).toBe(true);
    expect(result.series.activeCustomers.map((p) => p.value)).toEqual([30, 25, 20]);
  });
});
