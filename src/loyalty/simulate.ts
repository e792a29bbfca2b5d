/**
 * `simulate`: run a programme version over historical transactions and events and report points issued, redeemed,
 * expired and clawed back, their cost, members per tier, per month, and the liability at the end;
 * `compareSimulations`: two versions side by side ("what does doubling the weekend multiplier cost?").
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { Customer, Decimal, Transaction } from '../core/index.js';
import { Dec, isoDateOfDayNumber, roundToCurrency } from '../core/index.js';
import type { Account, Posting } from './account.js';
import { emptyAccount } from './account.js';
import { apply } from './apply.js';
import { spendableUnits } from './allocation.js';
import { localDay, startOfLocalDay } from './calendar.js';
import { evaluate } from './evaluate.js';
import { eventsFromTransactions, type LoyaltyEvent } from './events.js';
import { EconomicsTotals, liabilityOf, type LiabilityReport } from './economics.js';
import type { Program } from './program.js';
import { tierAsOf } from './tiers.js';
import { formatUnits, parseUnits, unitsOf } from './units.js';
import { addMonthsToDay, civilFromDays, daysFromCivil } from '../core/index.js';

/**
 * The history a simulation runs over: core transactions (purchases and refunds naming their purchase), customers
 * (signups, birth dates) and any other loyalty events (each with `memberId`).
 *
 * @example
 * ```ts
 * const history: SimulationHistory = { transactions: base.transactions, customers: base.customers };
 * ```
 */
export interface SimulationHistory {
  /** Core transactions (purchases, and refunds naming their purchase in `refundOf`). */
  readonly transactions?: readonly Transaction[];
  /** Customers (signup time, birth date). */
  readonly customers?: readonly Customer[];
  /** Other loyalty events, each with `memberId`. */
  readonly events?: readonly LoyaltyEvent[];
}

/**
 * Options of {@link simulate}.
 *
 * @example
 * ```ts
 * const options: SimulateOptions = { asOf: Date.UTC(2026, 5, 30), redemption: { whenBalanceReaches: '500', rewardId: 'voucher-5' } };
 * ```
 */
export interface SimulateOptions {
  /** End of the simulation (epoch ms): later events are ignored, expiry and reviews are brought up to it. */
  readonly asOf: number;
  /**
   * A redemption behaviour to assume (histories rarely contain redemptions): after each purchase, a member whose
   * spendable balance reaches `whenBalanceReaches` redeems `rewardId` once.
   */
  readonly redemption?: AssumedRedemption;
  /** Cohort length of the breakage estimate (default `year`). */
  readonly cohort?: 'month' | 'quarter' | 'year';
  /** A breakage rate (0…1) for the liability instead of the estimate. */
  readonly breakage?: number;
}

/**
 * One month of a simulation (points as decimal strings, cost in currency).
 *
 * @example
 * ```ts
 * const month: SimulationMonth = {
 *   month: '2025-03', issued: '120400', redeemed: '50000', expired: '3200', clawedBack: '900', cost: '500.00',
 *   outstanding: '310200', members: 5120, membersByTier: { member: 4800, gold: 320 },
 * };
 * ```
 */
export interface SimulationMonth {
  /** The month (`YYYY-MM`). */
  readonly month: string;
  /** Points issued. */
  readonly issued: string;
  /** Points redeemed. */
  readonly redeemed: string;
  /** Points expired. */
  readonly expired: string;
  /** Points clawed back. */
  readonly clawedBack: string;
  /** Cost of the redemptions: reward values, payment discounts, or points × point value. */
  readonly cost: string;
  /** Issued − redeemed − expired − clawed back, cumulated to the month's end. */
  readonly outstanding: string;
  /** Members enrolled by the month's end. */
  readonly members: number;
  /** Members per tier at the month's end. */
  readonly membersByTier: Readonly<Record<string, number>>;
}

/**
 * A redemption behaviour {@link simulate} assumes: after each purchase, a member whose spendable balance reaches
 * `whenBalanceReaches` redeems `rewardId` once.
 *
 * @example
 * ```ts
 * const behaviour: AssumedRedemption = { whenBalanceReaches: '500', rewardId: 'voucher-5' };
 * ```
 */
export interface AssumedRedemption {
  /** Spendable balance that triggers a redemption (decimal string). */
  readonly whenBalanceReaches: string;
  /** The reward redeemed. */
  readonly rewardId: string;
}

/**
 * The totals of a simulation over the whole run.
 *
 * @example
 * ```ts
 * report.totals.membersByTier //=> { green: 18210, gold: 1790 }
 * ```
 */
export interface SimulationTotals {
  /** Points issued. */
  readonly issued: string;
  /** Points redeemed. */
  readonly redeemed: string;
  /** Points expired. */
  readonly expired: string;
  /** Points clawed back. */
  readonly clawedBack: string;
  /** Cost in currency (decimal string). */
  readonly cost: string;
  /** Members. */
  readonly members: number;
  /** Members per tier at `asOf`. */
  readonly membersByTier: Readonly<Record<string, number>>;
}

/**
 * The report of {@link simulate}.
 *
 * @example
 * ```ts
 * const report: SimulationReport = simulate(program, history, { asOf });
 * report.totals.issued //=> '3120400'
 * ```
 */
export interface SimulationReport {
  /** The programme. */
  readonly programId: string;
  /** Its version. */
  readonly version: number;
  /** When (epoch ms). */
  readonly asOf: number;
  /** ISO 4217 currency. */
  readonly currency: string;
  /** Per month. */
  readonly months: readonly SimulationMonth[];
  /** Over the whole run. */
  readonly totals: SimulationTotals;
  /** Liability at `asOf`. */
  readonly liability: LiabilityReport;
  /** Events the programme refused, by code (for example refunds of orders before the programme started). */
  readonly refused: Readonly<Record<string, number>>;
  /** Transactions that could not become events (refunds without a known purchase, other currencies). */
  readonly rejectedTransactions: number;
}

interface MonthTotals {
  issued: number;
  redeemed: number;
  expired: number;
  clawedBack: number;
  cost: Decimal;
  members: number;
  tiers: Map<string, number>;
}

/**
 * Runs a programme over a history, member by member (each member's events in time order), and aggregates per month
 * in the programme's time zone. Deterministic. Time-driven work (expiry, reviews) is brought up to each month's
 * end for members who have some due, so months show expiries when they happen.
 *
 * @example
 * ```ts
 * const report = simulate(program, { transactions, customers }, {
 *   asOf: Date.UTC(2026, 5, 30), redemption: { whenBalanceReaches: '500', rewardId: 'voucher-5' },
 * });
 * report.months.at(-1) //=> { month: '2026-06', issued: '…', membersByTier: { member: …, gold: … } }
 * ```
 */
export function simulate(program: Program, history: SimulationHistory, options: SimulateOptions): SimulationReport {
  const { byMember, rejected } = eventsFromTransactions(history.transactions ?? [], {
    ...(history.customers === undefined ? {} : { customers: history.customers }),
    currency: program.currency,
  });
  const perMember = new Map<string, LoyaltyEvent[]>();
  for (const [memberId, events] of Object.entries(byMember)) perMember.set(memberId, events.slice());
  for (const event of history.events ?? []) {
    if (event.memberId === undefined) continue;
    const list = perMember.get(event.memberId) ?? [];
    list.push(event);
    perMember.set(event.memberId, list);
  }
  const asOf = options.asOf;
  const zone = program.zone;
  const decimals = program.decimals;
  const months = new Map<string, MonthTotals>();
  const monthOf = (at: number): string => isoDateOfDayNumber(localDay(zone, at)).slice(0, 7);
  const bucket = (key: string): MonthTotals => {
    let m = months.get(key);
    if (m === undefined) {
      m = { issued: 0, redeemed: 0, expired: 0, clawedBack: 0, cost: new Dec(0), members: 0, tiers: new Map() };
      months.set(key, m);
    }
    return m;
  };
  const pointValue = new Dec(program.pointValueText);
  const refused: Record<string, number> = {};
  const economics = new EconomicsTotals(program, {
    asOf: options.asOf,
    ...(options.cohort === undefined ? {} : { cohort: options.cohort }),
  });
  let memberCount = 0;
  const threshold =
    options.redemption === undefined ? undefined : parseUnits(options.redemption.whenBalanceReaches, decimals);
  const asOfMonthStart = startOfMonth(program, asOf);
  // Month boundaries (local midnights of each 1st) and their keys, computed once.
  const monthEnds = new Map<number, { next: number; key: string }>();
  const monthAfter = (end: number): { next: number; key: string } => {
    let entry = monthEnds.get(end);
    if (entry === undefined) {
      entry = { next: nextMonthStart(program, end), key: monthOf(end - 1) };
      monthEnds.set(end, entry);
    }
    return entry;
  };
  const monthKeys = new Map<number, string>();
  const monthOfPosting = (at: number): string => {
    const day = localDay(zone, at);
    let key = monthKeys.get(day);
    if (key === undefined) {
      key = isoDateOfDayNumber(day).slice(0, 7);
      monthKeys.set(day, key);
    }
    return key;
  };
  const record = (p: Posting): void => {
    const units = unitsOf(p.points, decimals);
    if (units === 0) return;
    const m = bucket(monthOfPosting(p.at));
    switch (p.kind) {
      case 'earn':
        m.issued += units;
        // Debt repaid out of new points is when a clawback's shortfall is actually recovered.
        if (p.debtRepaid !== undefined) m.clawedBack += unitsOf(p.debtRepaid, decimals);
        break;
      case 'adjust':
      case 'convert':
        if ('lot' in p && p.lot !== undefined) {
          m.issued += units;
          if (p.kind === 'adjust' && p.debtRepaid !== undefined) m.clawedBack += unitsOf(p.debtRepaid, decimals);
        } else if (p.kind === 'convert') {
          m.redeemed += units;
          m.cost = m.cost.plus(new Dec(units).div(new Dec(10).pow(decimals)).times(pointValue));
        } else m.clawedBack += units;
        break;
      case 'spend': {
        m.redeemed += units;
        const reward = p.rewardId === undefined ? undefined : program.rewards[p.rewardId];
        if (reward?.value !== undefined) m.cost = m.cost.plus(new Dec(reward.value).times(p.quantity ?? 1));
        else if (p.discount !== undefined) m.cost = m.cost.plus(p.discount);
        else m.cost = m.cost.plus(new Dec(units).div(new Dec(10).pow(decimals)).times(pointValue));
        break;
      }
      case 'refund':
        m.redeemed -= units;
        break;
      case 'expire':
        m.expired += units;
        break;
      case 'clawback':
        // Points taken from lots now; the debt part counts when it is repaid.
        m.clawedBack += units - unitsOf(p.forgiven, decimals) - unitsOf(p.debt, decimals);
        break;
      default:
        break;
    }
  };
  const memberIds = [...perMember.keys()].sort();
  for (const memberId of memberIds) {
    const events = perMember.get(memberId)!.filter((e) => e.occurredAt <= asOf);
    if (events.length === 0) continue;
    events.sort((a, b) => a.occurredAt - b.occurredAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let account = emptyAccount(program, { memberId, openedAt: events[0]!.occurredAt });
    const applyAccepted = (postings: readonly Posting[]): void => {
      account = apply(account, postings);
      for (const p of postings) record(p);
    };
    let monthEnd = nextMonthStart(program, events[0]!.occurredAt);
    const closeMonth = (end: number): void => {
      // Expiry, unlocking and birthday bonuses are dated when due whenever they are processed; the tier at the
      // month's end is read as if the tier work due by then had run.
      const m = bucket(monthAfter(end).key);
      m.members++;
      const tier = tierAsOf(program, account, end - 1) ?? 'none';
      m.tiers.set(tier, (m.tiers.get(tier) ?? 0) + 1);
    };
    const run = (event: LoyaltyEvent): boolean => {
      const result = evaluate(program, account, event, { now: asOf, explain: false });
      if (E.isLeft(result)) {
        refused[result.left.code] = (refused[result.left.code] ?? 0) + 1;
        return false;
      }
      if (result.right.status === 'accepted') applyAccepted(result.right.postings);
      return true;
    };
    for (const event of events) {
      while (event.occurredAt >= monthEnd) {
        closeMonth(monthEnd);
        monthEnd = monthAfter(monthEnd).next;
      }
      const accepted = run(event);
      if (accepted && event.type === 'purchase' && threshold !== undefined && options.redemption !== undefined) {
        if (spendableNow(account, event.occurredAt) >= Math.max(threshold, 1)) {
          run({
            type: 'redeem',
            key: `sim:redeem:${event.key}`,
            occurredAt: event.occurredAt,
            rewardId: options.redemption.rewardId,
          });
        }
      }
    }
    while (monthEnd <= asOfMonthStart) {
      closeMonth(monthEnd);
      monthEnd = monthAfter(monthEnd).next;
    }
    if (account.nextDueAt !== null && account.nextDueAt <= asOf) {
      const tick = evaluate(
        program,
        account,
        { type: 'tick', key: `sim:tick:${asOf}`, occurredAt: asOf },
        { now: asOf, explain: false },
      );
      if (E.isRight(tick) && tick.right.status === 'accepted') applyAccepted(tick.right.postings);
    }
    // The running month (up to asOf) counts the member too.
    const last = bucket(monthOf(asOf));
    last.members++;
    const tier = account.tier.current ?? 'none';
    last.tiers.set(tier, (last.tiers.get(tier) ?? 0) + 1);
    economics.add(account);
    memberCount++;
  }
  const keys = [...months.keys()].sort();
  let outstanding = 0;
  const money = (d: Decimal): string => roundToCurrency(d, program.currency).toFixed(program.currencyExponent);
  const f = (u: number): string => formatUnits(u, decimals);
  const totals = { issued: 0, redeemed: 0, expired: 0, clawedBack: 0, cost: new Dec(0) };
  const monthRows: SimulationMonth[] = keys.map((key) => {
    const m = months.get(key)!;
    outstanding += m.issued - m.redeemed - m.expired - m.clawedBack;
    totals.issued += m.issued;
    totals.redeemed += m.redeemed;
    totals.expired += m.expired;
    totals.clawedBack += m.clawedBack;
    totals.cost = totals.cost.plus(m.cost);
    return {
      month: key,
      issued: f(m.issued),
      redeemed: f(m.redeemed),
      expired: f(m.expired),
      clawedBack: f(m.clawedBack),
      cost: money(m.cost),
      outstanding: f(outstanding),
      members: m.members,
      membersByTier: Object.fromEntries(
        [...m.tiers.entries()].sort(([a], [b]) => tierOrder(program, a) - tierOrder(program, b)),
      ),
    };
  });
  const lastMonth = monthRows[monthRows.length - 1];
  return {
    programId: program.id,
    version: program.version,
    asOf,
    currency: program.currency,
    months: monthRows,
    totals: {
      issued: f(totals.issued),
      redeemed: f(totals.redeemed),
      expired: f(totals.expired),
      clawedBack: f(totals.clawedBack),
      cost: money(totals.cost),
      members: memberCount,
      membersByTier: lastMonth?.membersByTier ?? {},
    },
    liability: liabilityOf(program, economics, {
      asOf,
      ...(options.cohort === undefined ? {} : { cohort: options.cohort }),
      ...(options.breakage === undefined ? {} : { breakage: options.breakage }),
    }),
    refused,
    rejectedTransactions: rejected.length,
  };
}

/** Spendable points: the running total when nothing fell due since the last event, a scan of the lots otherwise. */
function spendableNow(account: Account, at: number): number {
  if (account.nextDueAt === null || account.nextDueAt > at) return unitsOf(account.totals.available, account.decimals);
  return spendableUnits(account, at);
}

function tierOrder(program: Program, id: string): number {
  const index = program.tiers?.levels.findIndex((l) => l.id === id) ?? -1;
  return index < 0 ? Number.MAX_SAFE_INTEGER : index;
}

function startOfMonth(program: Program, at: number): number {
  const { year, month } = civilFromDays(localDay(program.zone, at));
  return startOfLocalDay(program.zone, daysFromCivil(year, month, 1));
}

function nextMonthStart(program: Program, at: number): number {
  const { year, month } = civilFromDays(localDay(program.zone, at));
  return startOfLocalDay(program.zone, addMonthsToDay(daysFromCivil(year, month, 1), 1));
}

/**
 * Differences between two simulations (b − a), month by month and in total.
 *
 * @example
 * ```ts
 * const diff: SimulationComparison = compareSimulations(current, doubledWeekend);
 * diff.totals.difference.cost //=> '1520.40'
 * ```
 */
export interface SimulationComparison {
  /** Report a. */
  readonly a: ProgramVersionRef;
  /** Report b. */
  readonly b: ProgramVersionRef;
  /** Per month. */
  readonly months: readonly MonthComparison[];
  /** Over the whole run. */
  readonly totals: TotalsComparison;
  /** Liability at `asOf`. */
  readonly liability: LiabilityComparison;
}

/**
 * A programme and its version.
 *
 * @example
 * ```ts
 * const ref: ProgramVersionRef = { programId: 'coffee-club', version: 2 };
 * ```
 */
export interface ProgramVersionRef {
  /** The programme id. */
  readonly programId: string;
  /** Its version. */
  readonly version: number;
}

/**
 * Differences b − a of the point flows and their cost.
 *
 * @example
 * ```ts
 * const d: SimulationDifference = { issued: '1200', redeemed: '0', expired: '-40', clawedBack: '12', cost: '11.60' };
 * ```
 */
export interface SimulationDifference {
  /** Points issued. */
  readonly issued: string;
  /** Points redeemed. */
  readonly redeemed: string;
  /** Points expired. */
  readonly expired: string;
  /** Points clawed back. */
  readonly clawedBack: string;
  /** Cost in currency (decimal string). */
  readonly cost: string;
}

/**
 * One month of two simulations side by side.
 *
 * @example
 * ```ts
 * comparison.months[0]?.difference.issued //=> '1200'
 * ```
 */
export interface MonthComparison {
  /** The month (`YYYY-MM`). */
  readonly month: string;
  /** Report a (`null`: the month is not in report a). */
  readonly a: SimulationMonth | null;
  /** Report b. */
  readonly b: SimulationMonth | null;
  /** b − a. */
  readonly difference: SimulationDifference;
}

/**
 * The totals of two simulations side by side.
 *
 * @example
 * ```ts
 * comparison.totals.issuedRatio //=> 1.21
 * ```
 */
export interface TotalsComparison {
  /** Report a. */
  readonly a: SimulationTotals;
  /** Report b. */
  readonly b: SimulationTotals;
  /** b − a, liability included. */
  readonly difference: SimulationDifference & {
    /** Liability at `asOf`. */
    readonly liability: string;
  };
  /** b's issued points ÷ a's (null when a issued none). */
  readonly issuedRatio: number | null;
}

/**
 * The liabilities of two simulations at `asOf`.
 *
 * @example
 * ```ts
 * const l: LiabilityComparison = { a: '4210.50', b: '5102.10', difference: '891.60' };
 * ```
 */
export interface LiabilityComparison {
  /** Liability of a. */
  readonly a: string;
  /** Liability of b. */
  readonly b: string;
  /** b − a. */
  readonly difference: string;
}

function minus(b: string | undefined, a: string | undefined): string {
  return new Dec(b ?? '0').minus(a ?? '0').toFixed();
}

/**
 * Compares two simulation reports (b − a) month by month and in total: issued, redeemed, expired, clawed back,
 * cost and liability.
 *
 * @example
 * ```ts
 * const current = simulate(programV1, history, { asOf });
 * const proposal = simulate(programV2, history, { asOf });
 * compareSimulations(current, proposal).totals.difference.issued //=> '182000'
 * ```
 */
export function compareSimulations(a: SimulationReport, b: SimulationReport): SimulationComparison {
  const monthsA = new Map(a.months.map((m) => [m.month, m]));
  const monthsB = new Map(b.months.map((m) => [m.month, m]));
  const keys = [...new Set([...monthsA.keys(), ...monthsB.keys()])].sort();
  const issuedA = new Dec(a.totals.issued);
  return {
    a: { programId: a.programId, version: a.version },
    b: { programId: b.programId, version: b.version },
    months: keys.map((month) => {
      const ma = monthsA.get(month) ?? null;
      const mb = monthsB.get(month) ?? null;
      return {
        month,
        a: ma,
        b: mb,
        difference: {
          issued: minus(mb?.issued, ma?.issued),
          redeemed: minus(mb?.redeemed, ma?.redeemed),
          expired: minus(mb?.expired, ma?.expired),
          clawedBack: minus(mb?.clawedBack, ma?.clawedBack),
          cost: minus(mb?.cost, ma?.cost),
        },
      };
    }),
    totals: {
      a: a.totals,
      b: b.totals,
      difference: {
        issued: minus(b.totals.issued, a.totals.issued),
        redeemed: minus(b.totals.redeemed, a.totals.redeemed),
        expired: minus(b.totals.expired, a.totals.expired),
        clawedBack: minus(b.totals.clawedBack, a.totals.clawedBack),
        cost: minus(b.totals.cost, a.totals.cost),
        liability: minus(b.liability.liability, a.liability.liability),
      },
      issuedRatio: issuedA.isZero() ? null : new Dec(b.totals.issued).div(issuedA).toNumber(),
    },
    liability: {
      a: a.liability.liability,
      b: b.liability.liability,
      difference: minus(b.liability.liability, a.liability.liability),
    },
  };
}
