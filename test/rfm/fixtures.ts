/**
 * Shared test fixtures for the rfm tests: small hand-made transaction sets and a seeded random generator.
 */
import {
  createRng,
  KIND_PURCHASE,
  KIND_REFUND,
  type ColumnarTransactions,
  type Transaction,
} from '../../src/core/index.js';

export const DAY = 86_400_000;

/** Epoch ms of an ISO date at 12:00 UTC. */
export function noon(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}

let counter = 0;

/** A purchase record. */
export function purchase(customerId: string, date: string, amount: number, orderId?: string): Transaction {
  counter++;
  return {
    id: `t${counter}`,
    customerId,
    occurredAt: noon(date),
    kind: 'purchase',
    amount,
    currency: 'EUR',
    ...(orderId === undefined ? {} : { orderId }),
  };
}

/** A refund record. */
export function refund(customerId: string, date: string, amount: number): Transaction {
  counter++;
  return { id: `t${counter}`, customerId, occurredAt: noon(date), kind: 'refund', amount, currency: 'EUR' };
}

export interface RandomOptions {
  readonly customers: number;
  readonly rows: number;
  readonly days?: number;
  readonly refundRate?: number;
  /** Orders per customer are shared by this many rows on average (1 = every row its own order). */
  readonly rowsPerOrder?: number;
}

/** Seeded random transactions (records), amounts with at most 2 decimals, orders spanning several rows. */
export function randomTransactions(seed: number | string, options: RandomOptions): Transaction[] {
  const rng = createRng(seed);
  const days = options.days ?? 400;
  const out: Transaction[] = [];
  const start = Date.UTC(2023, 0, 1);
  for (let i = 0; i < options.rows; i++) {
    const customer = rng.integer(options.customers);
    const day = rng.integer(days);
    const refundRow = rng.uniform() < (options.refundRate ?? 0.05);
    const order = Math.floor(day / (options.rowsPerOrder ?? 1));
    out.push({
      id: `r${i}`,
      customerId: `c${String(customer).padStart(3, '0')}`,
      occurredAt: start + day * DAY + rng.integer(DAY),
      kind: refundRow ? 'refund' : 'purchase',
      amount: rng.integer(20_000) / 100,
      currency: 'EUR',
      orderId: `o${customer}-${order}`,
    });
  }
  return out;
}

/** The same transactions as columns with numeric customer ids (c007 → 7) and numeric order ids. */
export function numericColumns(transactions: readonly Transaction[]): ColumnarTransactions {
  const n = transactions.length;
  const orderNumbers = new Map<string, number>();
  const orderId = new Float64Array(n);
  transactions.forEach((tx, i) => {
    const key = tx.orderId ?? tx.id;
    let number = orderNumbers.get(key);
    if (number === undefined) {
      number = orderNumbers.size;
      orderNumbers.set(key, number);
    }
    orderId[i] = number;
  });
  return {
    customerId: Int32Array.from(transactions, (tx) => Number(tx.customerId.replace(/\D/g, ''))),
    occurredAt: Float64Array.from(transactions, (tx) => tx.occurredAt),
    amount: Float64Array.from(transactions, (tx) => tx.amount),
    kind: Uint8Array.from(transactions, (tx) => (tx.kind === 'refund' ? KIND_REFUND : KIND_PURCHASE)),
    orderId,
  };
}

/** Fisher–Yates shuffle with a seeded generator (a new array). */
export function shuffled<T>(items: readonly T[], seed: number | string): T[] {
  const rng = createRng(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.integer(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Plain-data view of a summary for deep equality (typed arrays → arrays). */
export function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Numeric columns without the order-id column (every purchase row its own order). */
export function withoutOrderIds(columns: ColumnarTransactions): ColumnarTransactions {
  return {
    customerId: columns.customerId,
    ...(columns.day === undefined ? {} : { day: columns.day }),
    ...(columns.occurredAt === undefined ? {} : { occurredAt: columns.occurredAt }),
    amount: columns.amount,
    ...(columns.kind === undefined ? {} : { kind: columns.kind }),
  };
}
