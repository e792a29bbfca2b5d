/**
 * `serializeAccount` / `parseAccount`: an account to JSON text and back, losslessly. Parsing checks the structure
 * (every problem with its path) and the ledger's invariants: every lot balances, totals equal the sums over lots,
 * keys and orders are sorted and unique, the schedule of due work matches the lots.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import type { ValidationIssue } from '../core/index.js';
import { decodeWith, FiniteNumberCodec, makeIssue } from '../core/index.js';
import { ACCOUNT_FORMAT, type Account } from './account.js';
import { earliestDue } from './apply.js';
import { boundedInteger } from './codec-helpers.js';
import { formatUnits, parseUnits } from './units.js';

const Points = t.string;
const Instant = FiniteNumberCodec;
const NullableInstant = t.union([FiniteNumberCodec, t.null]);

const LotCodec = t.intersection([
  t.type({
    id: t.string,
    source: t.keyof({ earn: null, transfer: null, convert: null, adjust: null }),
    eventKey: t.string,
    earnedAt: Instant,
    pending: t.boolean,
    availableAt: NullableInstant,
    expiresAt: NullableInstant,
    earned: Points,
    remaining: Points,
    held: Points,
    spent: Points,
    expired: Points,
    clawedBack: Points,
  }),
  t.partial({ orderId: t.string }),
]);

const AllocationCodec = t.type({ lotId: t.string, points: Points });

const AccountCodec = t.type({
  format: t.literal(ACCOUNT_FORMAT),
  memberId: t.string,
  programId: t.string,
  decimals: boundedInteger(0, 6),
  openedAt: Instant,
  profile: t.type({
    joinedAt: NullableInstant,
    birthDate: t.union([t.string, t.null]),
    referredBy: t.union([t.string, t.null]),
  }),
  totals: t.type({
    earned: Points,
    available: Points,
    pending: Points,
    held: Points,
    spent: Points,
    expired: Points,
    clawedBack: Points,
    debt: Points,
  }),
  lots: t.array(LotCodec),
  payments: t.array(
    t.type({
      postingId: t.string,
      orderId: t.string,
      allocations: t.array(AllocationCodec),
      restored: t.array(AllocationCodec),
    }),
  ),
  eventKeys: t.array(t.string),
  lastEventAt: NullableInstant,
  lastActivityAt: NullableInstant,
  purchaseCount: boundedInteger(0, Number.MAX_SAFE_INTEGER),
  orders: t.array(
    t.type({
      orderId: t.string,
      eventKey: t.string,
      at: Instant,
      day: FiniteNumberCodec,
      amount: t.string,
      status: t.string,
    }),
  ),
  holds: t.array(
    t.type({
      holdId: t.string,
      postingId: t.string,
      at: Instant,
      expiresAt: Instant,
      points: Points,
      allocations: t.array(AllocationCodec),
    }),
  ),
  tier: t.type({
    current: t.union([t.string, t.null]),
    since: Instant,
    baseTier: t.union([t.string, t.null]),
    downgrade: t.union([t.type({ at: Instant, to: t.string }), t.null]),
  }),
  qualification: t.array(
    t.type({ day: FiniteNumberCodec, points: Points, spend: t.string, orders: FiniteNumberCodec }),
  ),
  usage: t.record(t.string, t.type({ period: t.string, times: FiniteNumberCodec, points: Points })),
  schedule: t.type({
    tierReviewAt: NullableInstant,
    inactivityExpiresAt: NullableInstant,
    birthdayAt: NullableInstant,
  }),
  nextDueAt: NullableInstant,
});

/**
 * The account as JSON text (lossless: `parseAccount(serializeAccount(a))` gives back an equal account).
 *
 * @example
 * ```ts
 * const text = serializeAccount(account);
 * await db.query('update loyalty_account set state = $1 where member_id = $2', [text, account.memberId]);
 * ```
 */
export function serializeAccount(account: Account): string {
  return JSON.stringify(account);
}

function checkInvariants(account: Account): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const d = account.decimals;
  const units = (text: string, path: string): number => {
    const u = parseUnits(text, d);
    if (u === undefined || u < 0) {
      issues.push(makeIssue(path, `non-negative points with at most ${d} decimals`, text));
      return 0;
    }
    return u;
  };
  const sums = { earned: 0, available: 0, pending: 0, held: 0, spent: 0, expired: 0, clawedBack: 0 };
  const ids = new Set<string>();
  account.lots.forEach((lot, i) => {
    const path = `account.lots[${i}]`;
    if (ids.has(lot.id)) issues.push(makeIssue(`${path}.id`, 'a unique lot id', lot.id));
    ids.add(lot.id);
    const earned = units(lot.earned, `${path}.earned`);
    const remaining = units(lot.remaining, `${path}.remaining`);
    const held = units(lot.held, `${path}.held`);
    const spent = units(lot.spent, `${path}.spent`);
    const expired = units(lot.expired, `${path}.expired`);
    const clawedBack = units(lot.clawedBack, `${path}.clawedBack`);
    if (earned !== remaining + held + spent + expired + clawedBack) {
      issues.push(makeIssue(path, 'earned = remaining + held + spent + expired + clawedBack', lot));
    }
    sums.earned += earned;
    if (lot.pending) sums.pending += remaining;
    else sums.available += remaining;
    sums.held += held;
    sums.spent += spent;
    sums.expired += expired;
    sums.clawedBack += clawedBack;
  });
  for (const key of Object.keys(sums) as (keyof typeof sums)[]) {
    const expected = formatUnits(sums[key], d);
    if (account.totals[key] !== expected)
      issues.push(makeIssue(`account.totals.${key}`, `the sum over lots, ${expected}`, account.totals[key]));
  }
  units(account.totals.debt, 'account.totals.debt');
  for (let i = 1; i < account.eventKeys.length; i++) {
    if (!(account.eventKeys[i - 1]! < account.eventKeys[i]!))
      issues.push(makeIssue(`account.eventKeys[${i}]`, 'keys sorted and unique', account.eventKeys[i]));
  }
  for (let i = 1; i < account.orders.length; i++) {
    if (!(account.orders[i - 1]!.orderId < account.orders[i]!.orderId))
      issues.push(
        makeIssue(`account.orders[${i}].orderId`, 'orders sorted by id and unique', account.orders[i]!.orderId),
      );
  }
  for (let i = 1; i < account.qualification.length; i++) {
    if (!(account.qualification[i - 1]!.day < account.qualification[i]!.day))
      issues.push(makeIssue(`account.qualification[${i}].day`, 'days ascending', account.qualification[i]!.day));
  }
  account.payments.forEach((p, i) => {
    for (const a of [...p.allocations, ...p.restored])
      if (!ids.has(a.lotId)) issues.push(makeIssue(`account.payments[${i}]`, 'allocations to existing lots', a.lotId));
  });
  account.holds.forEach((h, i) => {
    for (const a of h.allocations)
      if (!ids.has(a.lotId))
        issues.push(makeIssue(`account.holds[${i}].allocations`, 'allocations to existing lots', a.lotId));
  });
  if (issues.length === 0) {
    // The due-work bound must be what apply computes.
    const recomputed = earliestDue(account.lots, account.holds, account.schedule, account.tier, formatUnits(0, d));
    if (recomputed !== null && (account.nextDueAt === null || account.nextDueAt > recomputed)) {
      issues.push(
        makeIssue(
          'account.nextDueAt',
          `an instant at or before the earliest due work, ${String(recomputed)}`,
          account.nextDueAt,
        ),
      );
    }
  }
  return issues;
}

/**
 * Parses an account from JSON text (or an already parsed object): every structural problem with its path, then the
 * ledger invariants (lots balance, totals equal sums over lots, sorted unique keys and orders, consistent due
 * schedule). Never throws.
 *
 * @example
 * ```ts
 * const restored = parseAccount(serializeAccount(account));
 * // right(account equal to the original)
 * parseAccount('{"format":"nope"}') // left([{ path: 'account.format', ... }, ...])
 * ```
 */
export function parseAccount(input: unknown): E.Either<ValidationIssue[], Account> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (error) {
      return E.left([
        makeIssue('account', 'JSON text', error instanceof Error ? `unparsable (${error.message})` : 'unparsable'),
      ]);
    }
  }
  const decoded = decodeWith(AccountCodec, value, 'account');
  if (E.isLeft(decoded)) return decoded;
  const account = decoded.right as unknown as Account;
  try {
    const issues = checkInvariants(account);
    return issues.length > 0 ? E.left(issues) : E.right(account);
  } catch (error) {
    return E.left([
      makeIssue('account', 'a consistent ledger', error instanceof Error ? error.message : 'inconsistent'),
    ]);
  }
}
