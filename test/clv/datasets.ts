/**
 * Loaders of the shared reference datasets (read in place from ../shared/datasets) for the CLV tests and benchmarks.
 */
import { readFileSync } from 'node:fs';
import { daysFromCivil, type ColumnarTransactions } from '../../src/core/index.js';

const DATASETS = new URL('../../../shared/datasets/', import.meta.url);

/** Reads a dataset file as text. */
export function readDataset(name: string): string {
  return readFileSync(new URL(name, DATASETS), 'utf8');
}

/** Parses a simple CSV (no quoted commas) into rows of strings, dropping quotes; the header is returned apart. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const split = (line: string): string[] => line.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
  return { header: split(lines[0]!), rows: lines.slice(1).map(split) };
}

/** Day number of a YYYYMMDD or YYYY-MM-DD date. */
export function dayOf(date: string): number {
  const digits = date.replace(/-/g, '');
  return daysFromCivil(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
}

/** CDNOW_sample.txt as columns: customer = the sample id (1..2357), day, dollar value. */
export function cdnowSampleColumns(): ColumnarTransactions {
  const ids: number[] = [];
  const days: number[] = [];
  const amounts: number[] = [];
  for (const line of readDataset('CDNOW_sample.txt').split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts.length < 5) continue;
    ids.push(Number(parts[1]));
    days.push(dayOf(parts[2]!));
    amounts.push(Number(parts[4]));
  }
  return { customerId: ids, day: Int32Array.from(days), amount: Float64Array.from(amounts) };
}

/** BTYD's cdnowSummary$cbs (weeks, full precision): id, x, t.x, T.cal, x.star, m.x. */
export function btydCdnowCbs(): { id: number; x: number; tx: number; T: number; xStar: number; mx: number }[] {
  return parseCsv(readDataset('btyd_cdnow_cbs.csv')).rows.map(([id, x, tx, T, xStar, mx]) => ({
    id: Number(id),
    x: Number(x),
    tx: Number(tx),
    T: Number(T),
    xStar: Number(xStar),
    mx: Number(mx),
  }));
}

/** lifetimes' cdnow_customers_summary.csv (weeks, 2 decimals): ID, frequency, recency, T. */
export function cdnowCustomersSummary(): { id: number; x: number; tx: number; T: number }[] {
  return parseCsv(readDataset('cdnow_customers_summary.csv')).rows.map(([id, x, tx, T]) => ({
    id: Number(id),
    x: Number(x),
    tx: Number(tx),
    T: Number(T),
  }));
}

/** CLVTools' apparel transactions (2020 version): Id, Date, Price. */
export function apparelColumns(): ColumnarTransactions {
  const { rows } = parseCsv(readDataset('clvtools_apparelTrans_2020.csv'));
  return {
    customerId: rows.map((row) => row[0]!),
    day: Int32Array.from(rows, (row) => dayOf(row[1]!)),
    amount: Float64Array.from(rows, (row) => Number(row[2])),
  };
}
