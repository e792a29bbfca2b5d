/**
 * Derived profile features as of a date: demographics, purchase behaviour, preferences, price sensitivity, refunds,
 * engagement, lifecycle stage and interest tags — for one customer or a batch (records or columnar transactions).
 *
 * @module
 */
import { either as E } from 'fp-ts';
import {
  KIND_REFUND,
  MS_PER_DAY,
  daysFromCivil,
  joinPath,
  makeIssue,
  parseInstant,
  quantileSorted,
  type ColumnarTransactions,
  type Customer,
  type DateInput,
  type EngagementEvent,
  type Transaction,
  type ValidationIssue,
} from '../core/index.js';
import { completedYears } from './date.js';
import { lifecycleStage, type LifecycleAssessment, type PurchaseRhythm } from './lifecycle.js';
import { createLocalClock, type LocalClock } from './local-clock.js';
import { decodeProfileSettings, type ProfileSettings, type ProfileSettingsInput } from './profile-settings.js';

/**
 * Columnar transactions with the optional extra columns profiles can use: `channel` and `category` per row and the
 * part of each row's amount spent on discounted lines (`discountedAmount`, for price sensitivity).
 *
 * @example
 * ```ts
 * const columns: ProfileColumns = {
 *   customerId: ['a', 'a'], occurredAt: Float64Array.from([Date.UTC(2024, 0, 2, 9), Date.UTC(2024, 1, 3, 18)]),
 *   amount: Float64Array.from([20, 35]), channel: ['web', 'store'], category: ['tea', 'coffee'],
 *   discountedAmount: Float64Array.from([0, 35]),
 * };
 * ```
 */
export interface ProfileColumns extends ColumnarTransactions {
  /** Sales channel of each row. */
  readonly channel?: ArrayLike<string | undefined>;
  /** Product category of each row (its whole amount counts for the category). */
  readonly category?: ArrayLike<string | undefined>;
  /** Part of each row's amount spent on discounted lines. */
  readonly discountedAmount?: Float64Array;
}

/**
 * Options of {@link deriveProfile} and {@link deriveProfiles}: the reference date plus {@link ProfileSettingsInput}.
 *
 * @example
 * ```ts
 * const options: ProfileOptions = { asOf: '2024-06-30', timeZone: 'Europe/London', categoryTags: { tea: ['hot drinks'] } };
 * ```
 */
export interface ProfileOptions extends ProfileSettingsInput {
  /** Features are computed as of this instant; later transactions and events are ignored (and counted). */
  readonly asOf: DateInput;
  /** IANA zone for calendar days, weekdays and hours (default UTC). */
  readonly timeZone?: string;
  /**
   * Source customer id → profile customer id, applied to transactions and events (pass an identity resolution's
   * `goldenIdOf` to profile golden records from source-keyed transactions). Ids not in the map are kept.
   */
  readonly customerIdMap?: Readonly<Record<string, string>>;
}

/**
 * The most frequent value of a preference and its share.
 *
 * @example
 * ```ts
 * const preferred: Preference<string> = { value: 'web', share: 0.75 };
 * ```
 */
export interface Preference<T extends string | number> {
  /** The most frequent value (ties: the first channel/category alphabetically, the earliest weekday or hour). */
  readonly value: T;
  /** Share of orders (channel, weekday, hour) or of line spend (category), 0-1. */
  readonly share: number;
}

/**
 * Statistics of the days between consecutive purchase days.
 *
 * @example
 * ```ts
 * const stats: IntervalStats = { count: 4, median: 30, mean: 33.5, standardDeviation: 9.1, p25: 28.5, p75: 35, iqr: 6.5 };
 * ```
 */
export interface IntervalStats {
  /** Number of intervals (purchase days − 1). */
  readonly count: number;
  /** Median interval (days). */
  readonly median: number;
  /** Mean interval (days). */
  readonly mean: number;
  /** Sample standard deviation (n − 1); 0 with one interval. */
  readonly standardDeviation: number;
  /** 25th and 75th percentiles (numpy linear) and their difference. */
  readonly p25: number;
  /** 75th percentile. */
  readonly p75: number;
  /** Interquartile range p75 − p25. */
  readonly iqr: number;
}

/**
 * Engagement over the rules' window.
 *
 * @example
 * ```ts
 * const engagement: EngagementSummary = { level: 'medium', score: 7, events: 6, activeDays: 5, lastEventAt: 1719705600000, daysSinceLastEvent: 0 };
 * ```
 */
export interface EngagementSummary {
  /** Engagement level (`none` below every level's minimum). */
  readonly level: string;
  /** Weighted event count in the window. */
  readonly score: number;
  /** Events in the window. */
  readonly events: number;
  /** Distinct days with events in the window. */
  readonly activeDays: number;
  /** Latest event up to `asOf` (epoch ms), any age. */
  readonly lastEventAt: number | null;
  /** Days from the last event's day to the `asOf` day. */
  readonly daysSinceLastEvent: number | null;
}

/**
 * An interest tag with its share of the customer's categorised spend.
 *
 * @example
 * ```ts
 * const tag: InterestTag = { tag: 'hot drinks', share: 0.62 };
 * ```
 */
export interface InterestTag {
  /** The tag. */
  readonly tag: string;
  /** Share of categorised spend in categories carrying the tag, 0-1. */
  readonly share: number;
}

/**
 * A customer's derived profile ("portrait") as of a date. Money is in the transactions' major units, summed in
 * float64 (one currency assumed); instants are epoch ms; unknown values are `null`.
 *
 * @example
 * ```ts
 * const { profile } = deriveProfile(customer, transactions, events, { asOf: '2024-06-30' });
 * profile.lifecycle.stage //=> 'active'
 * ```
 */
export interface CustomerProfile {
  /** The customer's id. */
  readonly customerId: string;
  /** The reference instant (epoch ms). */
  readonly asOf: number;
  /** Completed years at `asOf` (from `birthDate`). */
  readonly age: number | null;
  /** Label of the first age band containing the age. */
  readonly ageBand: string | null;
  /** As on the customer record. */
  readonly gender: string | null;
  /** As on the customer record. */
  readonly occupation: string | null;
  /** As on the customer record. */
  readonly country: string | null;
  /** As on the customer record. */
  readonly region: string | null;
  /** Days since the earlier of sign-up and first purchase. */
  readonly tenureDays: number | null;
  /** First and last purchase (epoch ms; day-only columns give the start of the UTC day of the local day number). */
  readonly firstPurchaseAt: number | null;
  /** Last purchase (epoch ms). */
  readonly lastPurchaseAt: number | null;
  /** Days from the last purchase day to the `asOf` day. */
  readonly daysSinceLastPurchase: number | null;
  /** Distinct purchase orders (`orderId`, else each purchase row). */
  readonly orders: number;
  /** Distinct purchase days. */
  readonly purchaseDays: number;
  /** Sum of purchase amounts. */
  readonly grossSpend: number;
  /** Sum of refund amounts. */
  readonly refundedAmount: number;
  /** Number of refund rows. */
  readonly refunds: number;
  /** grossSpend − refundedAmount. */
  readonly netSpend: number;
  /** grossSpend / orders. */
  readonly averageOrderValue: number | null;
  /** orders / months since the first purchase (at least one month; a month = 30.436875 days). */
  readonly purchasesPerMonth: number | null;
  /** Days between consecutive purchase days. */
  readonly interPurchaseDays: IntervalStats | null;
  /** Most frequent channel of orders, with its share of orders that name a channel. */
  readonly preferredChannel: Preference<string> | null;
  /** Category with the largest share of categorised line spend. */
  readonly preferredCategory: Preference<string> | null;
  /** `monday` … `sunday`, in the profile's time zone. */
  readonly preferredWeekday: Preference<string> | null;
  /** 0-23, in the profile's time zone; null with day-only data. */
  readonly preferredHour: Preference<number> | null;
  /** Share of line spend on discounted lines (lines with a discount > 0); null without line data. */
  readonly priceSensitivity: number | null;
  /** refundedAmount / grossSpend. */
  readonly refundRate: number | null;
  /** Engagement over the window. */
  readonly engagement: EngagementSummary;
  /** Lifecycle stage with its explanation. */
  readonly lifecycle: LifecycleAssessment;
  /** Tags from the host's category → tag map, with at least `minTagShare` of categorised spend, largest first. */
  readonly interestTags: readonly InterestTag[];
}

/**
 * The result of {@link deriveProfiles}.
 *
 * @example
 * ```ts
 * const batch = deriveProfiles(customers, columns, events, { asOf: '2024-06-30' });
 * batch.profiles.length //=> customers.length (minus rejected)
 * ```
 */
export interface ProfileBatch {
  /** One profile per valid customer, sorted by customer id. */
  readonly profiles: readonly CustomerProfile[];
  /** Problems with paths (`customers[2].id`, `transactions[17].amount`, `columns.amount[5]`). */
  readonly issues: readonly ValidationIssue[];
  /** Input indices of rejected customers, transactions (rows) and events, ascending. */
  readonly rejected: {
    /** Rejected customer records (bad record, no id, or a duplicate id that lost). */
    readonly customers: readonly number[];
    /** Rejected transaction records or rows. */
    readonly transactions: readonly number[];
    /** Rejected events. */
    readonly events: readonly number[];
  };
  /** Rows and events whose customer is not among the customers (after `customerIdMap`). */
  readonly unmatched: {
    /** Transaction rows. */
    readonly transactions: number;
    /** Events. */
    readonly events: number;
    /** Up to 10 customer ids of unmatched rows. */
    readonly sampleCustomerIds: readonly string[];
  };
  /** Rows and events after `asOf`, ignored. */
  readonly afterAsOf: {
    /** Transaction rows. */
    readonly transactions: number;
    /** Events. */
    readonly events: number;
  };
  /** The population cadence used as the lifecycle fallback (median own cadence), and how many customers had one. */
  readonly cadence: {
    /** Median own cadence (days) over customers with one; null when none has. */
    readonly populationMedianDays: number | null;
    /** Customers with an own cadence. */
    readonly customersWithOwnCadence: number;
  };
}

/**
 * The result of {@link deriveProfile}: the profile and the problems found in its inputs.
 *
 * @example
 * ```ts
 * const { profile, issues } = deriveProfile(customer, transactions, [], { asOf: '2024-06-30' });
 * ```
 */
export interface ProfileResult {
  /** The profile. */
  readonly profile: CustomerProfile;
  /** Invalid or foreign inputs, with paths (`transactions[3].customerId`). */
  readonly issues: readonly ValidationIssue[];
}

const PENDING_LIFECYCLE: LifecycleAssessment = Object.freeze({
  stage: 'prospect',
  cadenceDays: null,
  cadenceBasis: null,
  recencyDays: null,
  daysSinceFirstPurchase: null,
  lastGapDays: null,
  thresholdsDays: null,
  reason: '',
});
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const DAYS_PER_MONTH = 30.436875;
const UNMATCHED = -1;
const REJECTED = -2;
const AFTER_AS_OF = -3;

/** Per-row data of the engine (both input forms land here). */
interface RowTable {
  readonly n: number;
  readonly customer: Int32Array;
  /** Sort key and instant: ms when known, else day × MS_PER_DAY. */
  readonly time: Float64Array;
  readonly hasTime: boolean;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly refund: Uint8Array;
  readonly orderId: ArrayLike<string | number | undefined> | undefined;
  readonly channel: ArrayLike<string | undefined> | undefined;
  /** Category entries of row r: catStart[r] … catStart[r+1]-1. */
  readonly catStart: Int32Array | undefined;
  readonly catName: string[];
  readonly catAmount: number[];
  /** Line spend and discounted line spend per row (NaN when the row has no line data). */
  readonly lineSpend: Float64Array | undefined;
  readonly discountedSpend: Float64Array | undefined;
}

interface EventTable {
  readonly customer: Int32Array;
  readonly time: Float64Array;
  readonly day: Int32Array;
  readonly weight: Float64Array;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

function instantOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' || value instanceof Date) return parseInstant(value);
  return undefined;
}

/**
 * Removes float noise (0.30000000000000004 → 0.3): values below 1 000 are rounded to 12 decimals, values below
 * 10 000 000 to 8 decimals (far below a minor currency unit), larger values are returned as they are.
 */
function tidy(x: number): number {
  if (Number.isInteger(x)) return x;
  const magnitude = Math.abs(x);
  if (magnitude < 1e3) return Math.round(x * 1e12) / 1e12;
  if (magnitude < 1e7) return Math.round(x * 1e8) / 1e8;
  return x;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class CustomerIndex {
  private readonly byId = new Map<string, number>();
  private readonly memo = new Map<string, number>();
  constructor(
    ids: readonly string[],
    private readonly idMap: Readonly<Record<string, string>> | undefined,
  ) {
    ids.forEach((id, i) => this.byId.set(id, i));
  }
  lookup(raw: string): number {
    if (this.idMap === undefined) return this.byId.get(raw) ?? UNMATCHED;
    let index = this.memo.get(raw);
    if (index === undefined) {
      const mapped = Object.prototype.hasOwnProperty.call(this.idMap, raw) ? this.idMap[raw]! : raw;
      index = this.byId.get(mapped) ?? UNMATCHED;
      this.memo.set(raw, index);
    }
    return index;
  }
}

function rowsFromRecords(
  transactions: readonly Transaction[],
  index: CustomerIndex,
  clock: LocalClock,
  asOf: number,
  issues: ValidationIssue[],
  rejected: number[],
  root: string,
): RowTable {
  const input: readonly unknown[] = transactions;
  const n = input.length;
  const customer = new Int32Array(n);
  const time = new Float64Array(n);
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const refund = new Uint8Array(n);
  const orderId = new Array<string | undefined>(n);
  const channel = new Array<string | undefined>(n);
  const catStart = new Int32Array(n + 1);
  const catName: string[] = [];
  const catAmount: number[] = [];
  const lineSpend = new Float64Array(n).fill(Number.NaN);
  const discountedSpend = new Float64Array(n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    catStart[i] = catName.length;
    const tx = input[i];
    const path = joinPath(root, i);
    const bad = (field: string, expected: string, value: unknown): void => {
      issues.push(makeIssue(field === '' ? path : joinPath(path, field), expected, value));
    };
    if (!isRecord(tx)) {
      bad('', 'transaction record', tx);
      customer[i] = REJECTED;
      rejected.push(i);
      continue;
    }
    const before = issues.length;
    const id = idOf(tx.customerId);
    if (id === undefined) bad('customerId', 'id (non-empty string or integer)', tx.customerId);
    const at = instantOf(tx.occurredAt);
    if (at === undefined) bad('occurredAt', 'ISO date or date-time', tx.occurredAt);
    if (tx.kind !== 'purchase' && tx.kind !== 'refund') bad('kind', '"purchase" or "refund"', tx.kind);
    const value = tx.amount;
    if (typeof value !== 'number' || !(value >= 0) || value === Number.POSITIVE_INFINITY)
      bad('amount', 'non-negative amount', value);
    if (tx.channel !== undefined && typeof tx.channel !== 'string') bad('channel', 'string', tx.channel);
    if (tx.lines !== undefined && !Array.isArray(tx.lines)) bad('lines', 'array of lines', tx.lines);
    if (issues.length > before) {
      customer[i] = REJECTED;
      rejected.push(i);
      continue;
    }
    time[i] = at!;
    day[i] = clock.dayOf(at!);
    amount[i] = value as number;
    refund[i] = tx.kind === 'refund' ? 1 : 0;
    customer[i] = at! > asOf ? AFTER_AS_OF : index.lookup(id!);
    orderId[i] = idOf(tx.orderId) ?? idOf(tx.id);
    channel[i] = typeof tx.channel === 'string' && tx.channel !== '' ? tx.channel : undefined;
    if (Array.isArray(tx.lines) && tx.lines.length > 0) {
      let spend = 0;
      let discounted = 0;
      const lines: readonly unknown[] = tx.lines;
      for (let j = 0; j < lines.length; j++) {
        const line = lines[j];
        if (
          !isRecord(line) ||
          typeof line.quantity !== 'number' ||
          !Number.isFinite(line.quantity) ||
          typeof line.unitPrice !== 'number' ||
          !(line.unitPrice >= 0 && line.unitPrice < Number.POSITIVE_INFINITY) ||
          (line.discount !== undefined &&
            (typeof line.discount !== 'number' || !(line.discount >= 0 && line.discount < Number.POSITIVE_INFINITY)))
        ) {
          // A bad line is reported and left out of category and discount features; the transaction itself counts.
          issues.push(
            makeIssue(joinPath(joinPath(path, 'lines'), j), 'line { quantity, unitPrice ≥ 0, discount? ≥ 0 }', line),
          );
          continue;
        }
        const discount = typeof line.discount === 'number' ? line.discount : 0;
        const net = Math.max(0, line.quantity * line.unitPrice - discount);
        spend += net;
        if (discount > 0) discounted += net;
        if (typeof line.category === 'string' && line.category !== '') {
          catName.push(line.category);
          catAmount.push(net);
        }
      }
      lineSpend[i] = spend;
      discountedSpend[i] = discounted;
    }
  }
  catStart[n] = catName.length;
  return {
    n,
    customer,
    time,
    hasTime: true,
    day,
    amount,
    refund,
    orderId,
    channel,
    catStart,
    catName,
    catAmount,
    lineSpend,
    discountedSpend,
  };
}

function rowsFromColumns(
  columns: ProfileColumns,
  index: CustomerIndex,
  clock: LocalClock,
  asOf: number,
  asOfDay: number,
  issues: ValidationIssue[],
  rejected: number[],
): RowTable {
  const n = columns.amount.length;
  const lengthIssues: string[] = [];
  const check = (name: string, column: ArrayLike<unknown> | undefined): void => {
    if (column !== undefined && column.length !== n)
      lengthIssues.push(`${name} has ${column.length} rows, amount has ${n}`);
  };
  check('customerId', columns.customerId);
  check('day', columns.day);
  check('occurredAt', columns.occurredAt);
  check('kind', columns.kind);
  check('orderId', columns.orderId);
  check('channel', columns.channel);
  check('category', columns.category);
  check('discountedAmount', columns.discountedAmount);
  if (columns.day === undefined && columns.occurredAt === undefined)
    lengthIssues.push('neither a day nor an occurredAt column');
  if (lengthIssues.length > 0)
    throw new TypeError(`[clientele] invalid transaction columns: ${lengthIssues.join('; ')}`);

  const customer = new Int32Array(n);
  const time = new Float64Array(n);
  const day = new Int32Array(n);
  const ids = columns.customerId;
  const at = columns.occurredAt;
  const days = columns.day;
  const kind = columns.kind;
  const amountColumn = columns.amount;
  const numericIds = n > 0 && typeof ids[0] === 'number';
  const numericMemo = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const a = amountColumn[i]!;
    const t = at === undefined ? Number.NaN : at[i]!;
    const k = kind === undefined ? 0 : kind[i]!;
    let problem: ValidationIssue | undefined;
    if (!(a >= 0 && a < Number.POSITIVE_INFINITY))
      problem = makeIssue(`columns.amount[${i}]`, 'finite non-negative amount', a);
    else if (at !== undefined && !Number.isFinite(t))
      problem = makeIssue(`columns.occurredAt[${i}]`, 'finite epoch milliseconds', t);
    else if (k > KIND_REFUND) problem = makeIssue(`columns.kind[${i}]`, '0 (purchase) or 1 (refund)', k);
    if (problem !== undefined) {
      issues.push(problem);
      rejected.push(i);
      customer[i] = REJECTED;
      continue;
    }
    const d = days === undefined ? clock.dayOf(t) : days[i]!;
    day[i] = d;
    time[i] = at === undefined ? d * MS_PER_DAY : t;
    if (at !== undefined ? t > asOf : d > asOfDay) {
      customer[i] = AFTER_AS_OF;
      continue;
    }
    if (numericIds) {
      const raw = ids[i] as number;
      let c = numericMemo.get(raw);
      if (c === undefined) numericMemo.set(raw, (c = index.lookup(String(raw))));
      customer[i] = c;
    } else customer[i] = index.lookup(String(ids[i]));
  }
  const refund = new Uint8Array(n);
  if (kind !== undefined) for (let i = 0; i < n; i++) refund[i] = kind[i] === KIND_REFUND ? 1 : 0;
  let catStart: Int32Array | undefined;
  const catName: string[] = [];
  const catAmount: number[] = [];
  const category = columns.category;
  if (category !== undefined) {
    catStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      catStart[i] = catName.length;
      const c = category[i];
      if (typeof c === 'string' && c !== '') {
        catName.push(c);
        catAmount.push(amountColumn[i]!);
      }
    }
    catStart[n] = catName.length;
  }
  const discounted = columns.discountedAmount;
  return {
    n,
    customer,
    time,
    hasTime: at !== undefined,
    day,
    amount: amountColumn,
    refund,
    orderId: columns.orderId,
    channel: columns.channel,
    catStart,
    catName,
    catAmount,
    lineSpend: discounted === undefined ? undefined : amountColumn,
    discountedSpend: discounted,
  };
}

function eventsTable(
  events: readonly EngagementEvent[],
  index: CustomerIndex,
  clock: LocalClock,
  asOf: number,
  settings: ProfileSettings,
  issues: ValidationIssue[],
  rejected: number[],
  root: string,
): EventTable {
  const input: readonly unknown[] = events;
  const n = input.length;
  const customer = new Int32Array(n);
  const time = new Float64Array(n);
  const day = new Int32Array(n);
  const weight = new Float64Array(n);
  const weights = settings.engagement.weights;
  const fallback = Object.prototype.hasOwnProperty.call(weights, '*') ? weights['*']! : 1;
  for (let i = 0; i < n; i++) {
    const ev = input[i];
    const path = joinPath(root, i);
    if (!isRecord(ev)) {
      issues.push(makeIssue(path, 'engagement event record', ev));
      rejected.push(i);
      customer[i] = REJECTED;
      continue;
    }
    const id = idOf(ev.customerId);
    const at = instantOf(ev.occurredAt);
    const type = typeof ev.type === 'string' && ev.type.trim() !== '' ? ev.type : undefined;
    if (id === undefined || at === undefined || type === undefined) {
      if (id === undefined)
        issues.push(makeIssue(joinPath(path, 'customerId'), 'id (non-empty string or integer)', ev.customerId));
      if (at === undefined)
        issues.push(makeIssue(joinPath(path, 'occurredAt'), 'ISO date or date-time', ev.occurredAt));
      if (type === undefined) issues.push(makeIssue(joinPath(path, 'type'), 'non-empty string', ev.type));
      rejected.push(i);
      customer[i] = REJECTED;
      continue;
    }
    time[i] = at;
    day[i] = clock.dayOf(at);
    weight[i] = Object.prototype.hasOwnProperty.call(weights, type) ? weights[type]! : fallback;
    customer[i] = at > asOf ? AFTER_AS_OF : index.lookup(id);
  }
  return { customer, time, day, weight };
}

/** Groups row indices by customer (counting sort): rows of customer c are order[start[c]] … order[start[c+1]-1]. */
function groupByCustomer(customerOf: Int32Array, customers: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < customerOf.length; i++) {
    const c = customerOf[i]!;
    if (c >= 0) start[c + 1]!++;
  }
  for (let c = 0; c < customers; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, customers);
  const order = new Int32Array(start[customers]!);
  for (let i = 0; i < customerOf.length; i++) {
    const c = customerOf[i]!;
    if (c >= 0) order[fill[c]!++] = i;
  }
  return { start, order };
}

/** Orders two rows with equal times by kind, order id, channel and amount (input position only for identical rows). */
function compareRowContent(rows: RowTable, a: number, b: number): number {
  if (rows.refund[a] !== rows.refund[b]) return rows.refund[a]! - rows.refund[b]!;
  const oa = String(rows.orderId?.[a] ?? '');
  const ob = String(rows.orderId?.[b] ?? '');
  if (oa !== ob) return oa < ob ? -1 : 1;
  const ca = rows.channel?.[a] ?? '';
  const cb = rows.channel?.[b] ?? '';
  if (ca !== cb) return ca < cb ? -1 : 1;
  if (rows.amount[a] !== rows.amount[b]) return rows.amount[a]! - rows.amount[b]!;
  return a - b;
}

function preference<T extends string | number>(
  counts: Map<T, number>,
  total: number,
  compare: (a: T, b: T) => number,
): Preference<T> | null {
  if (total <= 0 || counts.size === 0) return null;
  let best: T | undefined;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && compare(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return { value: best!, share: tidy(bestCount / total) };
}

/** The most frequent slot of a count array (ties: the first slot) with its share of `total`. */
function indexedPreference<T extends string | number>(
  counts: Int32Array,
  total: number,
  valueOf: (index: number) => T,
): Preference<T> | null {
  if (total <= 0) return null;
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i]! > bestCount) {
      best = i;
      bestCount = counts[i]!;
    }
  }
  return best < 0 ? null : { value: valueOf(best), share: tidy(bestCount / total) };
}

function intervalStats(days: number[]): IntervalStats | null {
  if (days.length < 2) return null;
  const count = days.length - 1;
  const gaps = new Array<number>(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const gap = days[i + 1]! - days[i]!;
    sum += gap;
    // Insertion sort while filling: customers have few intervals.
    let j = i - 1;
    while (j >= 0 && gaps[j]! > gap) {
      gaps[j + 1] = gaps[j]!;
      j--;
    }
    gaps[j + 1] = gap;
  }
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < count; i++) squares += (gaps[i]! - mean) ** 2;
  const p25 = quantileSorted(gaps, 0.25);
  const p75 = quantileSorted(gaps, 0.75);
  return {
    count,
    median: quantileSorted(gaps, 0.5),
    mean: tidy(mean),
    standardDeviation: count > 1 ? tidy(Math.sqrt(squares / (count - 1))) : 0,
    p25,
    p75,
    iqr: p75 - p25,
  };
}

interface CustomerFacts {
  readonly id: string;
  readonly birthDay: number | undefined;
  readonly signupDay: number | undefined;
  readonly customer: Customer;
}

interface ResolvedOptions {
  readonly asOf: number;
  readonly asOfDay: number;
  readonly clock: LocalClock;
  readonly settings: ProfileSettings;
}

function resolveOptions(options: ProfileOptions): ResolvedOptions {
  const asOf = parseInstant(options.asOf);
  if (asOf === undefined) throw new RangeError(`[clientele] invalid asOf: ${String(options.asOf)}`);
  const settingsInput: ProfileSettingsInput = {
    ...(options.ageBands === undefined ? {} : { ageBands: options.ageBands }),
    ...(options.lifecycle === undefined ? {} : { lifecycle: options.lifecycle }),
    ...(options.engagement === undefined ? {} : { engagement: options.engagement }),
    ...(options.categoryTags === undefined ? {} : { categoryTags: options.categoryTags }),
    ...(options.minTagShare === undefined ? {} : { minTagShare: options.minTagShare }),
  };
  const decoded = decodeProfileSettings(settingsInput);
  if (E.isLeft(decoded))
    throw new TypeError(`[clientele] invalid profile settings: ${decoded.left.map((i) => i.message).join('; ')}`);
  const clock = createLocalClock(options.timeZone);
  return { asOf, asOfDay: clock.dayOf(asOf), clock, settings: decoded.right };
}

function customerFacts(
  customers: readonly Customer[],
  clock: LocalClock,
  issues: ValidationIssue[],
  rejected: number[],
): CustomerFacts[] {
  const input: readonly unknown[] = customers;
  const chosen = new Map<string, { facts: CustomerFacts; index: number; updated: number }>();
  const losers: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    const path = joinPath('customers', i);
    if (!isRecord(c)) {
      issues.push(makeIssue(path, 'customer record', c));
      rejected.push(i);
      continue;
    }
    const id = idOf(c.id);
    if (id === undefined) {
      issues.push(makeIssue(joinPath(path, 'id'), 'id (non-empty string or integer)', c.id));
      rejected.push(i);
      continue;
    }
    let birthDay: number | undefined;
    if (c.birthDate !== undefined) {
      const m = typeof c.birthDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(c.birthDate) : null;
      const ms = m === null ? undefined : parseInstant(c.birthDate);
      if (m === null || ms === undefined)
        issues.push(makeIssue(joinPath(path, 'birthDate'), 'ISO date YYYY-MM-DD', c.birthDate));
      else birthDay = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    let signupDay: number | undefined;
    if (c.signupAt !== undefined) {
      const ms = instantOf(c.signupAt);
      if (ms === undefined) issues.push(makeIssue(joinPath(path, 'signupAt'), 'ISO date or date-time', c.signupAt));
      else signupDay = clock.dayOf(ms);
    }
    const facts: CustomerFacts = { id, birthDay, signupDay, customer: c as Customer };
    const updated = instantOf(c.updatedAt) ?? Number.NEGATIVE_INFINITY;
    const previous = chosen.get(id);
    if (previous === undefined) {
      chosen.set(id, { facts, index: i, updated });
      continue;
    }
    // A duplicate id (rare): the later update wins, then the larger serialised content, whatever the input order.
    const content = (value: unknown): string => JSON.stringify(value) ?? '';
    if (updated > previous.updated || (updated === previous.updated && content(c) > content(input[previous.index]))) {
      losers.push(previous.index);
      chosen.set(id, { facts, index: i, updated });
    } else losers.push(i);
  }
  for (const i of losers.sort((a, b) => a - b)) {
    issues.push(
      makeIssue(
        joinPath(joinPath('customers', i), 'id'),
        'a unique customer id (the most recently updated duplicate is used)',
        idOf((input[i] as Record<string, unknown>).id),
      ),
    );
    rejected.push(i);
  }
  rejected.sort((a, b) => a - b);
  return [...chosen.values()].map((v) => v.facts).sort((a, b) => compareStrings(a.id, b.id));
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

interface Internal extends ProfileBatch {
  readonly unmatchedTransactionRows: readonly number[];
  readonly unmatchedEventRows: readonly number[];
}

function derive(
  customers: readonly Customer[],
  transactions: readonly Transaction[] | ProfileColumns,
  events: readonly EngagementEvent[],
  options: ProfileOptions,
): Internal {
  const { asOf, asOfDay, clock, settings } = resolveOptions(options);
  const issues: ValidationIssue[] = [];
  const rejectedCustomers: number[] = [];
  const rejectedTransactions: number[] = [];
  const rejectedEvents: number[] = [];
  const facts = customerFacts(Array.isArray(customers) ? customers : [], clock, issues, rejectedCustomers);
  const index = new CustomerIndex(
    facts.map((f) => f.id),
    options.customerIdMap,
  );
  const rows = Array.isArray(transactions)
    ? rowsFromRecords(transactions, index, clock, asOf, issues, rejectedTransactions, 'transactions')
    : rowsFromColumns(transactions as ProfileColumns, index, clock, asOf, asOfDay, issues, rejectedTransactions);
  const ev = eventsTable(
    Array.isArray(events) ? events : [],
    index,
    clock,
    asOf,
    settings,
    issues,
    rejectedEvents,
    'events',
  );

  const unmatchedTransactionRows: number[] = [];
  let afterTransactions = 0;
  for (let i = 0; i < rows.n; i++) {
    const c = rows.customer[i]!;
    if (c === UNMATCHED) unmatchedTransactionRows.push(i);
    else if (c === AFTER_AS_OF) afterTransactions++;
  }
  const unmatchedEventRows: number[] = [];
  let afterEvents = 0;
  for (let i = 0; i < ev.customer.length; i++) {
    const c = ev.customer[i]!;
    if (c === UNMATCHED) unmatchedEventRows.push(i);
    else if (c === AFTER_AS_OF) afterEvents++;
  }

  const byCustomer = groupByCustomer(rows.customer, facts.length);
  const eventsByCustomer = groupByCustomer(ev.customer, facts.length);
  const orderSeen = new Set<string | number>();
  const weekdayCounts = new Int32Array(7);
  const hourCounts = new Int32Array(24);
  const channelCounts = new Map<string, number>();
  const categorySpend = new Map<string, number>();
  const eventDays = new Set<number>();
  const { lifecycle: thresholds, engagement: engagementRules, ageBands, categoryTags, minTagShare } = settings;
  const tagEntries = new Map(Object.entries(categoryTags));
  const levels = [...engagementRules.levels].sort((a, b) => a.minScore - b.minScore);
  const windowStart = asOfDay - engagementRules.windowDays + 1;

  // Profiles are built in one pass; the lifecycle needs the population cadence and is filled in a second pass.
  const profiles: { -readonly [K in keyof CustomerProfile]: CustomerProfile[K] }[] = [];
  const rhythms: PurchaseRhythm[] = [];
  const ownCadences: number[] = [];
  for (let c = 0; c < facts.length; c++) {
    const fact = facts[c]!;
    const from = byCustomer.start[c]!;
    const to = byCustomer.start[c + 1]!;
    const order = byCustomer.order;
    // Sort this customer's rows by time (insertion sort: a customer has few rows); equal times by content, so the
    // result never depends on input order.
    for (let i = from + 1; i < to; i++) {
      const r = order[i]!;
      const key = rows.time[r]!;
      let j = i - 1;
      for (; j >= from; j--) {
        const other = order[j]!;
        const otherKey = rows.time[other]!;
        if (otherKey < key || (otherKey === key && compareRowContent(rows, other, r) <= 0)) break;
        order[j + 1] = other;
      }
      order[j + 1] = r;
    }
    orderSeen.clear();
    weekdayCounts.fill(0);
    hourCounts.fill(0);
    channelCounts.clear();
    categorySpend.clear();
    let gross = 0;
    let grossC = 0;
    let refunded = 0;
    let refundedC = 0;
    let refunds = 0;
    let orders = 0;
    let channelTotal = 0;
    let lineTotal = 0;
    let discountedTotal = 0;
    let categoryTotal = 0;
    let firstTime = Number.NaN;
    let lastTime = Number.NaN;
    const purchaseDays: number[] = [];
    for (let i = from; i < to; i++) {
      const r = order[i]!;
      const amount = rows.amount[r]!;
      if (rows.refund[r] === 1) {
        const total = refunded + amount;
        refundedC += Math.abs(refunded) >= Math.abs(amount) ? refunded - total + amount : amount - total + refunded;
        refunded = total;
        refunds++;
        continue;
      }
      const total = gross + amount;
      grossC += Math.abs(gross) >= Math.abs(amount) ? gross - total + amount : amount - total + gross;
      gross = total;
      const t = rows.time[r]!;
      const d = rows.day[r]!;
      if (Number.isNaN(firstTime)) firstTime = t;
      lastTime = t;
      if (purchaseDays.length === 0 || purchaseDays[purchaseDays.length - 1] !== d) purchaseDays.push(d);
      let newOrder = true;
      if (rows.orderId !== undefined) {
        const key = rows.orderId[r];
        if (key !== undefined) {
          if (orderSeen.has(key)) newOrder = false;
          else orderSeen.add(key);
        }
      }
      if (newOrder) {
        orders++;
        weekdayCounts[(((d + 3) % 7) + 7) % 7]!++;
        if (rows.hasTime) {
          const hour = clock.hourOf(t);
          hourCounts[hour]!++;
        }
        const channel = rows.channel?.[r];
        if (channel !== undefined && channel !== '') {
          channelCounts.set(channel, (channelCounts.get(channel) ?? 0) + 1);
          channelTotal++;
        }
      }
      if (rows.catStart !== undefined) {
        for (let k = rows.catStart[r]!; k < rows.catStart[r + 1]!; k++) {
          const name = rows.catName[k]!;
          const spend = rows.catAmount[k]!;
          categorySpend.set(name, (categorySpend.get(name) ?? 0) + spend);
          categoryTotal += spend;
        }
      }
      if (rows.lineSpend !== undefined && rows.discountedSpend !== undefined) {
        const spend = rows.lineSpend[r]!;
        if (!Number.isNaN(spend)) {
          lineTotal += spend;
          discountedTotal += rows.discountedSpend[r]!;
        }
      }
    }
    gross += grossC;
    refunded += refundedC;

    // Engagement.
    let score = 0;
    let windowEvents = 0;
    let lastEvent = Number.NaN;
    eventDays.clear();
    for (let i = eventsByCustomer.start[c]!; i < eventsByCustomer.start[c + 1]!; i++) {
      const e = eventsByCustomer.order[i]!;
      const t = ev.time[e]!;
      if (Number.isNaN(lastEvent) || t > lastEvent) lastEvent = t;
      const d = ev.day[e]!;
      if (d >= windowStart) {
        score += ev.weight[e]!;
        windowEvents++;
        eventDays.add(d);
      }
    }
    let level = 'none';
    for (const l of levels) if (score >= l.minScore && score > 0) level = l.level;

    const age = fact.birthDay !== undefined && fact.birthDay <= asOfDay ? completedYears(fact.birthDay, asOfDay) : null;
    let ageBand: string | null = null;
    if (age !== null) {
      for (const band of ageBands) {
        if (age >= band.minAge && (band.maxAge === undefined || age <= band.maxAge)) {
          ageBand = band.label;
          break;
        }
      }
    }
    const firstDay = purchaseDays.length > 0 ? purchaseDays[0]! : undefined;
    const lastDay = purchaseDays.length > 0 ? purchaseDays[purchaseDays.length - 1]! : undefined;
    const startDay =
      fact.signupDay === undefined
        ? firstDay
        : firstDay === undefined
          ? fact.signupDay
          : Math.min(firstDay, fact.signupDay);
    const intervals = intervalStats(purchaseDays);
    if (intervals !== null && intervals.count >= thresholds.minIntervals) ownCadences.push(intervals.median);
    const tags: InterestTag[] = [];
    if (categoryTotal > 0 && tagEntries.size > 0) {
      const tagSpend = new Map<string, number>();
      for (const [category, spend] of categorySpend) {
        for (const tag of tagEntries.get(category) ?? []) tagSpend.set(tag, (tagSpend.get(tag) ?? 0) + spend);
      }
      for (const [tag, spend] of tagSpend) {
        const share = spend / categoryTotal;
        if (share >= minTagShare) tags.push({ tag, share: tidy(share) });
      }
      tags.sort((a, b) => b.share - a.share || compareStrings(a.tag, b.tag));
    }
    const monthsActive = firstDay === undefined ? 0 : Math.max(1, (asOfDay - firstDay) / DAYS_PER_MONTH);
    const lastGap =
      purchaseDays.length >= 2 ? purchaseDays[purchaseDays.length - 1]! - purchaseDays[purchaseDays.length - 2]! : null;
    const daysSinceLastPurchase = lastDay === undefined ? null : asOfDay - lastDay;
    rhythms.push({
      purchaseDays: purchaseDays.length,
      recencyDays: daysSinceLastPurchase,
      daysSinceFirstPurchase: firstDay === undefined ? null : asOfDay - firstDay,
      lastGapDays: lastGap,
      medianIntervalDays: intervals?.median ?? null,
    });
    profiles.push({
      customerId: fact.id,
      asOf,
      age,
      ageBand,
      gender: stringOrNull(fact.customer.gender),
      occupation: stringOrNull(fact.customer.occupation),
      country: stringOrNull(fact.customer.country),
      region: stringOrNull(fact.customer.region),
      tenureDays: startDay === undefined ? null : asOfDay - startDay,
      firstPurchaseAt: Number.isNaN(firstTime) ? null : firstTime,
      lastPurchaseAt: Number.isNaN(lastTime) ? null : lastTime,
      daysSinceLastPurchase,
      orders,
      purchaseDays: purchaseDays.length,
      grossSpend: tidy(gross),
      refundedAmount: tidy(refunded),
      refunds,
      netSpend: tidy(gross - refunded),
      averageOrderValue: orders > 0 ? tidy(gross / orders) : null,
      purchasesPerMonth: orders > 0 ? tidy(orders / monthsActive) : null,
      interPurchaseDays: intervals,
      preferredChannel: preference(channelCounts, channelTotal, compareStrings),
      preferredCategory: categoryTotal > 0 ? preference(categorySpend, categoryTotal, compareStrings) : null,
      preferredWeekday: indexedPreference(weekdayCounts, orders, (i) => WEEKDAYS[i]!),
      preferredHour: rows.hasTime ? indexedPreference(hourCounts, orders, (i) => i) : null,
      priceSensitivity: lineTotal > 0 ? tidy(discountedTotal / lineTotal) : null,
      refundRate: gross > 0 ? tidy(refunded / gross) : null,
      engagement: {
        level,
        score: tidy(score),
        events: windowEvents,
        activeDays: eventDays.size,
        lastEventAt: Number.isNaN(lastEvent) ? null : lastEvent,
        daysSinceLastEvent: Number.isNaN(lastEvent) ? null : asOfDay - clock.dayOf(lastEvent),
      },
      lifecycle: PENDING_LIFECYCLE,
      interestTags: tags,
    });
  }

  ownCadences.sort((a, b) => a - b);
  const populationMedianDays = ownCadences.length > 0 ? quantileSorted(ownCadences, 0.5) : null;
  for (let c = 0; c < profiles.length; c++)
    profiles[c]!.lifecycle = lifecycleStage(rhythms[c]!, thresholds, populationMedianDays);

  const sample = new Set<string>();
  const columnIds: ArrayLike<unknown> = Array.isArray(transactions)
    ? (transactions as readonly unknown[]).map((tx) => (isRecord(tx) ? tx.customerId : undefined))
    : (transactions as ProfileColumns).customerId;
  for (const i of unmatchedTransactionRows) {
    if (sample.size >= 10) break;
    sample.add(String(columnIds[i]));
  }
  return {
    profiles,
    issues,
    rejected: { customers: rejectedCustomers, transactions: rejectedTransactions, events: rejectedEvents },
    unmatched: {
      transactions: unmatchedTransactionRows.length,
      events: unmatchedEventRows.length,
      sampleCustomerIds: [...sample].sort(compareStrings),
    },
    afterAsOf: { transactions: afterTransactions, events: afterEvents },
    cadence: { populationMedianDays, customersWithOwnCadence: ownCadences.length },
    unmatchedTransactionRows,
    unmatchedEventRows,
  };
}

/**
 * Derives the profiles of many customers as of a date, from transaction records or columns
 * ({@link ProfileColumns}, the fast path: identical results for the same data) and engagement events.
 *
 * Features (see {@link CustomerProfile}): age and age band; tenure; first and last purchase; orders, purchase
 * days, gross/net spend, refunds and refund rate, average order value, purchases per month; median, mean, standard
 * deviation and quartiles of the days between purchase days; preferred channel, weekday and hour (share of orders)
 * and category (share of line spend); price sensitivity (share of line spend on discounted lines); engagement level
 * over a window; lifecycle stage relative to the customer's own cadence with the batch's median cadence as the
 * fallback ({@link lifecycleStage}); interest tags from `categoryTags`.
 *
 * Rows and events after `asOf` are ignored and counted; rows of customers not in `customers` are counted
 * (`unmatched`); invalid customers, rows and events are reported with their paths and skipped. Profiles are sorted by
 * customer id; duplicate customer ids keep the most recently updated record (the others are reported). Invalid
 * settings or malformed columns (different lengths, no time column) throw a TypeError.
 *
 * @example
 * ```ts
 * const batch = deriveProfiles(resolution.goldenRecords.map((g) => g.customer), transactions, events, {
 *   asOf: '2024-06-30', customerIdMap: resolution.goldenIdOf, categoryTags: { tea: ['hot drinks'] },
 * });
 * batch.profiles[0]!.lifecycle.stage //=> 'active'
 * ```
 */
export function deriveProfiles(
  customers: readonly Customer[],
  transactions: readonly Transaction[] | ProfileColumns,
  events: readonly EngagementEvent[],
  options: ProfileOptions,
): ProfileBatch {
  const internal = derive(customers, transactions, events, options);
  return {
    profiles: internal.profiles,
    issues: internal.issues,
    rejected: internal.rejected,
    unmatched: internal.unmatched,
    afterAsOf: internal.afterAsOf,
    cadence: internal.cadence,
  };
}

/**
 * Derives one customer's profile as of a date (see {@link deriveProfiles} for the features). Transactions and events
 * must belong to the customer (after `customerIdMap`): others are reported as issues and ignored, as are invalid
 * ones. Without the batch, the lifecycle fallback cadence is `fallbackCadenceDays`.
 *
 * @example
 * ```ts
 * const { profile } = deriveProfile(
 *   { id: 'c1', birthDate: '1988-04-12', signupAt: Date.UTC(2023, 0, 10) },
 *   [
 *     { id: 't1', customerId: 'c1', occurredAt: Date.UTC(2024, 0, 5, 10), kind: 'purchase', amount: 40, currency: 'EUR', channel: 'web' },
 *     { id: 't2', customerId: 'c1', occurredAt: Date.UTC(2024, 1, 4, 19), kind: 'purchase', amount: 60, currency: 'EUR', channel: 'web' },
 *   ],
 *   [],
 *   { asOf: '2024-03-01' },
 * );
 * profile.age //=> 35
 * profile.averageOrderValue //=> 50
 * profile.preferredChannel //=> { value: 'web', share: 1 }
 * ```
 */
export function deriveProfile(
  customer: Customer,
  transactions: readonly Transaction[],
  events: readonly EngagementEvent[],
  options: ProfileOptions,
): ProfileResult {
  const { customerIdMap, ...rest } = options;
  const internal = derive([customer], transactions, events, {
    ...rest,
    ...(customerIdMap === undefined ? {} : { customerIdMap }),
  });
  const issues: ValidationIssue[] = internal.issues.map((issue) =>
    issue.path.startsWith('customers[0]')
      ? {
          ...issue,
          path: issue.path.replace('customers[0]', 'customer'),
          message: issue.message.replace('customers[0]', 'customer'),
        }
      : issue,
  );
  const expected = `the profiled customer's id`;
  for (const i of internal.unmatchedTransactionRows)
    issues.push(makeIssue(`transactions[${i}].customerId`, expected, transactions[i]!.customerId));
  for (const i of internal.unmatchedEventRows)
    issues.push(makeIssue(`events[${i}].customerId`, expected, events[i]!.customerId));
  const profile = internal.profiles[0];
  if (profile === undefined) {
    throw new TypeError(
      `[clientele] deriveProfile needs a customer record with an id: ${issues.map((i) => i.message).join('; ')}`,
    );
  }
  return { profile, issues };
}
