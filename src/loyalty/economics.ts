/**
 * Programme economics: breakage estimated from history by earning cohort, and the liability of outstanding points.
 *
 * Liability = outstanding points × point value × (1 − expected breakage). Breakage — the share of points that
 * expire unredeemed — is estimated the way actuaries estimate it for loyalty and gift-card programmes (CAS,
 * Gault, Llaguno & Ménard, "Loyalty Rewards and Gift Card Programs: Basic Actuarial Estimation Techniques"): from
 * cohorts of points earned in the same period that have (almost) fully resolved, as expired ÷ (redeemed + expired);
 * immature cohorts take that ultimate rate. No anchor engine offers this forecast.
 *
 * @module
 */
import type { Decimal } from '../core/index.js';
import { Dec, isoDateOfDayNumber, roundToCurrency } from '../core/index.js';
import type { Account } from './account.js';
import { localDay } from './calendar.js';
import type { Program } from './program.js';
import { formatUnits, unitsOf } from './units.js';

/**
 * Options of {@link estimateBreakage} and {@link liability}.
 *
 * @example
 * ```ts
 * const options: BreakageOptions = { asOf: Date.UTC(2026, 5, 30), cohort: 'year', matureOutstandingShare: 0.05 };
 * ```
 */
export interface BreakageOptions {
  /** The instant to measure at (epoch ms). */
  readonly asOf: number;
  /** Cohort length (default `year`). */
  readonly cohort?: 'month' | 'quarter' | 'year';
  /** A cohort is mature when at most this share of its net issued points is still outstanding (default 0.05). */
  readonly matureOutstandingShare?: number;
}

/**
 * One earning cohort's history (points as decimal strings; shares as numbers).
 *
 * @example
 * ```ts
 * const cohort: BreakageCohort = {
 *   cohort: '2023', issued: '1000', redeemed: '600', expired: '350', outstanding: '50', resolvedShare: 0.95,
 *   observedBreakage: 0.368421, mature: true,
 * };
 * ```
 */
export interface BreakageCohort {
  /** The cohort key (`2024`, `2024-Q2`, `2024-05`). */
  readonly cohort: string;
  /** Points earned net of clawbacks. */
  readonly issued: string;
  /** Points spent (redeemed, paid, transferred, converted). */
  readonly redeemed: string;
  /** Points expired (lots past their expiry at `asOf` included). */
  readonly expired: string;
  /** Points still outstanding at `asOf` (available, pending or held). */
  readonly outstanding: string;
  /** (redeemed + expired) ÷ issued. */
  readonly resolvedShare: number;
  /** expired ÷ (redeemed + expired), or null when nothing resolved yet. */
  readonly observedBreakage: number | null;
  /** Whether the cohort is mature (at most the mature share outstanding). */
  readonly mature: boolean;
}

/**
 * A breakage estimate: the rate applied to outstanding points, how it was obtained, and the cohorts.
 *
 * @example
 * ```ts
 * const estimate: BreakageEstimate = { rate: 0.3684, method: 'mature-cohorts', cohorts: [] };
 * ```
 */
export interface BreakageEstimate {
  /** Expected share of outstanding points that will expire unredeemed (0…1). */
  readonly rate: number;
  /**
   * `mature-cohorts` (pooled over mature cohorts), `all-resolved` (no mature cohort yet: pooled over every resolved
   * point — biased low, since early redemptions resolve first), `none` (nothing resolved: 0), `override`.
   */
  readonly method: 'mature-cohorts' | 'all-resolved' | 'none' | 'override';
  /** The cohorts, in order. */
  readonly cohorts: readonly BreakageCohort[];
}

/**
 * Running totals of one earning cohort, in point units.
 *
 * @example
 * ```ts
 * const cohort: CohortTotals = { issued: 1000, redeemed: 600, expired: 350, outstanding: 50 };
 * ```
 */
export interface CohortTotals {
  /** Points earned net of clawbacks (units). */
  issued: number;
  /** Points spent (units). */
  redeemed: number;
  /** Points expired (lots past their expiry at `asOf` included). */
  expired: number;
  /** Points outstanding (available, pending, held). */
  outstanding: number;
}

function cohortKey(program: Program, earnedAt: number, length: 'month' | 'quarter' | 'year'): string {
  const iso = isoDateOfDayNumber(localDay(program.zone, earnedAt));
  if (length === 'year') return iso.slice(0, 4);
  if (length === 'month') return iso.slice(0, 7);
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * What the economics need from a set of accounts, gathered one account at a time (simulations add each member's
 * account when done with it, so they never hold every account in memory).
 *
 * @example
 * ```ts
 * const totals = new EconomicsTotals(program, { asOf });
 * for (const account of accounts) totals.add(account);
 * liabilityOf(program, totals, { asOf });
 * ```
 */
export class EconomicsTotals {
  /** Point flows per earning cohort key, in point units. */
  readonly cohorts = new Map<string, CohortTotals>();
  /** Spendable points outstanding at `asOf`, in point units. */
  available = 0;
  /** Pending points outstanding at `asOf`, in point units. */
  pending = 0;
  /** Held points outstanding at `asOf`, in point units. */
  held = 0;
  /** Clawback debt, in point units. */
  debt = 0;

  constructor(
    private readonly program: Program,
    private readonly options: BreakageOptions,
  ) {}

  /** Adds one account's lots (cohorts, outstanding points) and debt. */
  add(account: Account): void {
    const { program, options } = this;
    const length = options.cohort ?? 'year';
    const d = account.decimals;
    const zero = formatUnits(0, d);
    const inactive =
      account.schedule.inactivityExpiresAt !== null && account.schedule.inactivityExpiresAt <= options.asOf;
    this.debt += unitsOf(account.totals.debt, d);
    for (const lot of account.lots) {
      const key = cohortKey(program, lot.earnedAt, length);
      let c = this.cohorts.get(key);
      if (c === undefined) {
        c = { issued: 0, redeemed: 0, expired: 0, outstanding: 0 };
        this.cohorts.set(key, c);
      }
      const remaining = lot.remaining === zero ? 0 : unitsOf(lot.remaining, d);
      const held = lot.held === zero ? 0 : unitsOf(lot.held, d);
      const open = remaining + held;
      const lapsed = inactive || (lot.expiresAt !== null && lot.expiresAt <= options.asOf);
      c.issued += unitsOf(lot.earned, d) - (lot.clawedBack === zero ? 0 : unitsOf(lot.clawedBack, d));
      c.redeemed += lot.spent === zero ? 0 : unitsOf(lot.spent, d);
      c.expired += (lot.expired === zero ? 0 : unitsOf(lot.expired, d)) + (lapsed ? open : 0);
      c.outstanding += lapsed ? 0 : open;
      if (lapsed) continue;
      this.held += held;
      if (lot.pending && (lot.availableAt === null || lot.availableAt > options.asOf)) this.pending += remaining;
      else this.available += remaining;
    }
  }
}

function totalsOf(program: Program, accounts: readonly Account[], options: BreakageOptions): EconomicsTotals {
  const totals = new EconomicsTotals(program, options);
  for (const account of accounts) totals.add(account);
  return totals;
}

/**
 * Breakage from gathered totals (see {@link estimateBreakage}).
 *
 * @example
 * ```ts
 * breakageOf(program, totals, { asOf }).rate //=> 0.31
 * ```
 */
/**
 * Estimates breakage from the accounts' lots, grouped by earning cohort.
 *
 * @example
 * ```ts
 * estimateBreakage(program, accounts, { asOf: Date.UTC(2026, 5, 30) }).rate //=> 0.31
 * ```
 */
export function estimateBreakage(
  program: Program,
  accounts: readonly Account[],
  options: BreakageOptions,
): BreakageEstimate {
  return breakageOf(program, totalsOf(program, accounts, options), options);
}

/**
 * Breakage from gathered totals (see {@link estimateBreakage}).
 *
 * @example
 * ```ts
 * breakageOf(program, totals, { asOf }).rate //=> 0.31
 * ```
 */
export function breakageOf(program: Program, totals: EconomicsTotals, options: BreakageOptions): BreakageEstimate {
  const matureShare = options.matureOutstandingShare ?? 0.05;
  const cohorts = totals.cohorts;
  const keys = [...cohorts.keys()].sort();
  let matureExpired = 0;
  let matureResolved = 0;
  let allExpired = 0;
  let allResolved = 0;
  const rows: BreakageCohort[] = keys.map((key) => {
    const c = cohorts.get(key)!;
    const resolved = c.redeemed + c.expired;
    const mature = c.issued > 0 && c.outstanding <= matureShare * c.issued;
    if (mature) {
      matureExpired += c.expired;
      matureResolved += resolved;
    }
    allExpired += c.expired;
    allResolved += resolved;
    return {
      cohort: key,
      issued: formatUnits(c.issued, program.decimals),
      redeemed: formatUnits(c.redeemed, program.decimals),
      expired: formatUnits(c.expired, program.decimals),
      outstanding: formatUnits(c.outstanding, program.decimals),
      resolvedShare: c.issued > 0 ? resolved / c.issued : 0,
      observedBreakage: resolved > 0 ? c.expired / resolved : null,
      mature,
    };
  });
  if (matureResolved > 0) return { rate: matureExpired / matureResolved, method: 'mature-cohorts', cohorts: rows };
  if (allResolved > 0) return { rate: allExpired / allResolved, method: 'all-resolved', cohorts: rows };
  return { rate: 0, method: 'none', cohorts: rows };
}

/**
 * Options of {@link liability}.
 *
 * @example
 * ```ts
 * const options: LiabilityOptions = { asOf: Date.UTC(2026, 5, 30), breakage: 0.25 };
 * ```
 */
export interface LiabilityOptions extends BreakageOptions {
  /** A breakage rate (0…1) to use instead of the estimate. */
  readonly breakage?: number;
}

/**
 * The liability of a set of accounts at `asOf`, in the programme currency (decimal strings rounded half-even to the
 * minor unit; points as decimal strings).
 *
 * @example
 * ```ts
 * const report: LiabilityReport = liability(program, accounts, { asOf });
 * report.liability //=> '1234.56'
 * ```
 */
export interface LiabilityReport {
  /** When (epoch ms). */
  readonly asOf: number;
  /** ISO 4217 currency. */
  readonly currency: string;
  /** Currency value of one point. */
  readonly pointValue: string;
  /** Points outstanding (available, pending, held). */
  readonly outstanding: {
    /** Spendable points. */
    readonly available: string;
    /** Points locked until they unlock. */
    readonly pending: string;
    /** Points reserved by holds. */
    readonly held: string;
    /** available + pending + held. */
    readonly total: string;
  };
  /** Clawback debt owed by members (points; not netted against the liability). */
  readonly debt: string;
  /** outstanding × point value. */
  readonly grossValue: string;
  /** The breakage estimate. */
  readonly breakage: BreakageEstimate;
  /** Outstanding points expected to expire unredeemed. */
  readonly expectedBreakagePoints: string;
  /** Σ over cohorts of outstanding × point value × (1 − cohort breakage). */
  readonly liability: string;
  /** Per earning cohort. */
  readonly byCohort: readonly {
    /** The cohort key (`2024`, `2024-Q2`, `2024-05`). */
    readonly cohort: string;
    /** Points outstanding (available, pending, held). */
    readonly outstanding: string;
    /** Breakage rate applied to the cohort. */
    readonly breakageRate: number;
    /** Liability (currency decimal string). */
    readonly liability: string;
  }[];
}

/**
 * Liability of outstanding points: outstanding × point value × (1 − expected breakage), cohort by cohort (mature
 * cohorts use their own observed breakage, the others the pooled estimate), with breakage estimated from the
 * accounts' history unless `breakage` is given. Expired-but-unposted lots count as expired at `asOf`.
 *
 * @example
 * ```ts
 * liability(program, accounts, { asOf: Date.UTC(2026, 5, 30) })
 * //=> { outstanding: { total: '1520300', ... }, grossValue: '15203.00', breakage: { rate: 0.31, ... }, liability: '10490.07', ... }
 * ```
 */
export function liability(program: Program, accounts: readonly Account[], options: LiabilityOptions): LiabilityReport {
  return liabilityOf(program, totalsOf(program, accounts, options), options);
}

/**
 * {@link liability} from gathered totals.
 *
 * @example
 * ```ts
 * liabilityOf(program, totals, { asOf }).liability //=> '10490.07'
 * ```
 */
export function liabilityOf(program: Program, totals: EconomicsTotals, options: LiabilityOptions): LiabilityReport {
  const base = breakageOf(program, totals, options);
  const estimate: BreakageEstimate =
    options.breakage === undefined ? base : { ...base, rate: options.breakage, method: 'override' };
  const cohorts = totals.cohorts;
  const decimals = program.decimals;
  const { available, pending, held, debt } = totals;
  const total = available + pending + held;
  const value = new Dec(program.pointValueText);
  const points = (units: number): Decimal => new Dec(units).div(new Dec(10).pow(decimals));
  const money = (amount: Decimal): string =>
    roundToCurrency(amount, program.currency).toFixed(program.currencyExponent);
  const matureRates = new Map(
    estimate.cohorts.map((c) => [
      c.cohort,
      c.mature && estimate.method !== 'override' ? (c.observedBreakage ?? estimate.rate) : estimate.rate,
    ]),
  );
  let liabilityTotal = new Dec(0);
  let breakagePoints = new Dec(0);
  const byCohort = [...cohorts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, c]) => {
      const rate = matureRates.get(key) ?? estimate.rate;
      const outstanding = points(c.outstanding);
      const owed = outstanding.times(value).times(new Dec(1).minus(rate));
      liabilityTotal = liabilityTotal.plus(owed);
      breakagePoints = breakagePoints.plus(outstanding.times(rate));
      return {
        cohort: key,
        outstanding: formatUnits(c.outstanding, decimals),
        breakageRate: rate,
        liability: money(owed),
      };
    });
  return {
    asOf: options.asOf,
    currency: program.currency,
    pointValue: program.pointValueText,
    outstanding: {
      available: formatUnits(available, decimals),
      pending: formatUnits(pending, decimals),
      held: formatUnits(held, decimals),
      total: formatUnits(total, decimals),
    },
    debt: formatUnits(debt, decimals),
    grossValue: money(points(total).times(value)),
    breakage: estimate,
    expectedBreakagePoints: breakagePoints.toDecimalPlaces(decimals, Dec.ROUND_HALF_EVEN).toFixed(decimals),
    liability: money(liabilityTotal),
    byCohort,
  };
}
