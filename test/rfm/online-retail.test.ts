/**
 * UCI "Online Retail" (Chen, Sain & Guo 2012; ../shared/datasets/README.md §E), read in place: cancellations
 * (InvoiceNo starting with C) become refunds, rows without CustomerID are reported as rejected. Expected values are
 * the README's checked counts and revenue, plus figures computed independently with pandas 3.0.6 / numpy 2.4.6
 * (`groupby` on CustomerID, `quantile`, `qcut(rank(method='first'))`).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dayNumber, KIND_PURCHASE, KIND_REFUND, type ColumnarTransactions } from '../../src/core/index.js';
import { analyze, customerRows, DEFAULT_SEGMENT_MAP, score, segment, summarize } from '../../src/rfm/index.js';

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

interface RetailRow {
  readonly invoice: string;
  readonly quantity: number;
  readonly at: number;
  readonly unitPrice: number;
  readonly customerId: number;
}

const text = gunzipSync(
  readFileSync(new URL('../../../shared/datasets/online_retail.csv.gz', import.meta.url)),
).toString('utf8');
const lines = text.split('\n').filter((line) => line !== '');
const rows: RetailRow[] = lines.slice(1).map((line) => {
  const [invoice, , , quantity, date, unitPrice, customerId] = parseCsvLine(line);
  return {
    invoice: invoice!,
    quantity: Number(quantity),
    at: Date.parse(`${date!.replace(' ', 'T')}Z`),
    unitPrice: Number(unitPrice),
    customerId: customerId === '' ? Number.NaN : Number(customerId),
  };
});

function columnsOf(selected: readonly RetailRow[]): ColumnarTransactions {
  return {
    customerId: Float64Array.from(selected, (r) => r.customerId),
    occurredAt: Float64Array.from(selected, (r) => r.at),
    amount: Float64Array.from(selected, (r) => Math.abs(r.quantity * r.unitPrice)),
    kind: Uint8Array.from(selected, (r) => (r.invoice.startsWith('C') ? KIND_REFUND : KIND_PURCHASE)),
    orderId: selected.map((r) => r.invoice),
  };
}

const asOf = '2011-12-10';
const all = columnsOf(rows);
const summary = summarize(all, { asOf });

describe('UCI Online Retail — summary', () => {
  it('reads every row and reports the rows without CustomerID', () => {
    expect(lines.length - 1).toBe(541_909);
    expect(summary.counts).toEqual({
      rows: 541_909,
      purchases: 397_924,
      refunds: 8_905,
      afterAsOf: 0,
      rejected: 135_080,
      roundedAmounts: 4, // four rows of quantity 1 × unit price 0.001
    });
    expect(summary.counts.purchases + summary.counts.refunds).toBe(406_829); // rows with CustomerID (README)
    expect(summary.rejections.byReason).toEqual({ customerId: 135_080 });
    expect(summary.rejections.issues).toHaveLength(100);
    expect(summary.rejections.issues[0]?.path).toMatch(/^columns\.customerId\[\d+\]$/);
    expect(summary.warnings.map((w) => w.code)).toEqual(['rounded-amounts']);
  });

  it('matches the known customer counts and revenue to the cent', () => {
    expect(summary.totals).toEqual({
      customers: 4_372, // README: 4,372 customers
      purchasers: 4_339,
      orders: 18_536,
      grossRevenue: '8911407.90', // README: cleaned revenue 8,911,407.90
      refunds: '611342.09',
      netRevenue: '8300065.81',
    });
  });

  it('gives the same per-customer figures as pandas', () => {
    const c = summary.customers;
    let oneOrder = 0;
    let maxOrders = 0;
    let negative = 0;
    for (let i = 0; i < c.orders.length; i++) {
      if (c.purchaseRows[i]! > 0 && c.orders[i] === 1) oneOrder++;
      maxOrders = Math.max(maxOrders, c.orders[i]!);
      if (c.monetary[i]! < 0) negative++;
    }
    expect(oneOrder).toBe(1_494);
    expect(maxOrders).toBe(210);
    expect(negative).toBe(41);
    const rowsById = new Map(customerRows(summary).map((r) => [r.customerId, r]));
    expect(rowsById.get(12347)).toMatchObject({
      recencyDays: 3,
      orders: 7,
      purchaseDays: 7,
      purchaseRows: 182,
      grossRevenue: 4310,
      netRevenue: 4310,
      firstPurchaseDate: '2010-12-07',
      lastPurchaseDate: '2011-12-07',
    });
    expect(rowsById.get(12346)).toMatchObject({ orders: 1, grossRevenue: 77_183.6, refunds: 77_183.6, netRevenue: 0 });
    expect(rowsById.get(14646)).toMatchObject({ netRevenue: 279_489.02, orders: 74 });
  });

  it('reproduces the README day-level summary of the cleaned data (CLV convention)', () => {
    const cleaned = rows.filter(
      (r) => !Number.isNaN(r.customerId) && !r.invoice.startsWith('C') && r.quantity > 0 && r.unitPrice > 0,
    );
    expect(cleaned).toHaveLength(397_884);
    const days = summarize(columnsOf(cleaned), { asOf, frequency: 'days' });
    expect(days.totals.customers).toBe(4_338);
    expect(days.totals.orders).toBe(18_532);
    expect(days.totals.grossRevenue).toBe('8911407.90');
    // lifetimes' frequency = repeat purchase days = purchase days − 1
    let zero = 0;
    let sum = 0;
    let max = 0;
    for (const d of days.customers.purchaseDays) {
      const repeat = d - 1;
      if (repeat === 0) zero++;
      sum += repeat;
      max = Math.max(max, repeat);
    }
    expect(zero).toBe(1_548);
    expect((sum / days.totals.customers).toFixed(3)).toBe('2.864');
    expect(max).toBe(131);
  });

  it('gives identical results for string customer ids', () => {
    const asStrings = summarize(
      { ...all, customerId: rows.map((r) => (Number.isNaN(r.customerId) ? '' : String(r.customerId))) },
      { asOf },
    );
    expect(asStrings.totals).toEqual(summary.totals);
    expect(Array.from(asStrings.customers.orders)).toEqual(Array.from(summary.customers.orders));
    expect(dayNumber(asOf) - summary.customers.recencyDays[1]!).toBe(summary.customers.lastPurchaseDay[1]);
  });
});

describe('UCI Online Retail — scores and segments', () => {
  it('shared quintiles: cuts at the numpy/pandas quantiles, ties kept together', () => {
    const scoring = score(summary);
    const cuts = Object.fromEntries(scoring.breakpoints.dimensions.map((d) => [d.dimension, d.cuts]));
    // pandas Series.quantile([0.2, 0.4, 0.6, 0.8]) over the 4,339 purchasers
    expect(cuts.recency![0]).toBeCloseTo(14.2, 9);
    expect(cuts.recency!.slice(1)).toEqual([33, 72, 180]);
    expect(cuts.frequency).toEqual([1, 2, 3, 6]);
    expect(cuts.monetary![0]).toBeCloseTo(242.872, 9);
    expect(cuts.monetary![1]).toBeCloseTo(474.104, 9);
    expect(cuts.monetary![2]).toBeCloseTo(914.85, 9);
    expect(cuts.monetary![3]).toBeCloseTo(2014.866, 9);
    const counts = (dimension: 'recency' | 'frequency' | 'monetary'): number[] => {
      const out = [0, 0, 0, 0, 0];
      for (const s of scoring.scores[dimension]!) if (s > 0) out[s - 1]!++;
      return out;
    };
    expect(counts('recency')).toEqual([861, 866, 863, 881, 868]);
    expect(counts('frequency')).toEqual([1_494, 835, 508, 802, 700]);
    expect(counts('monetary')).toEqual([868, 868, 867, 868, 868]);
    expect(scoring.warnings.map((w) => w.code)).toEqual(['unscored-customers']);
  });

  it("'first' reproduces pandas qcut(rank(method='first')) quintiles", () => {
    const scoring = score(summary, { ties: 'first' });
    const segmentation = segment(scoring);
    const counts = [0, 0, 0, 0, 0];
    for (const s of scoring.scores.recency!) if (s > 0) counts[s - 1]!++;
    expect(counts).toEqual([868, 868, 867, 868, 868]);
    const code = (i: number): string =>
      `${scoring.scores.recency![i]}${scoring.scores.frequency![i]}${scoring.scores.monetary![i]}`;
    const ids = summary.customers.customerId as Float64Array;
    const firstPurchasers: [number, string][] = [];
    for (let i = 0; i < ids.length && firstPurchasers.length < 10; i++) {
      if (summary.customers.purchaseRows[i]! > 0) firstPurchasers.push([ids[i]!, code(i)]);
    }
    expect(firstPurchasers).toEqual([
      [12346, '111'],
      [12347, '555'],
      [12348, '244'],
      [12349, '414'],
      [12350, '112'],
      [12352, '354'],
      [12353, '111'],
      [12354, '114'],
      [12355, '112'],
      [12356, '435'],
    ]);
    let champions555 = 0;
    let lost111 = 0;
    for (let i = 0; i < ids.length; i++) {
      if (summary.customers.purchaseRows[i] === 0) continue;
      if (code(i) === '555') champions555++;
      if (code(i) === '111') lost111++;
    }
    expect(champions555).toBe(347);
    expect(lost111).toBe(189);
    expect(segmentation.uncovered).toBe(0);
    expect(segmentation.unscored).toBe(33);
  });

  it('analyze segments every purchaser with the default map', () => {
    const result = analyze(all, { asOf });
    expect(result.segments.total.customers).toBe(4_372);
    const assigned = result.segments.rows.filter((r) => r.segment !== null).reduce((a, r) => a + r.customers, 0);
    expect(assigned).toBe(4_339);
    expect(result.segments.rows.map((r) => r.segment)).toEqual([
      ...DEFAULT_SEGMENT_MAP.segments.map((s) => s.id),
      null,
    ]);
    expect(result.segments.total.revenue).toBeCloseTo(8_300_065.81, 6);
  });
});
