/**
 * Which lots a debit consumes: spendable lots (unlocked, not expired, with points left) in the programme's spend
 * order — soonest-expiring first (lots without expiry last), or oldest first (`fifo`); ties by earning time, then
 * creation order.
 *
 * @module
 */
import type { Account, Allocation, Lot } from './account.js';
import type { Program } from './program.js';
import { formatUnits, unitsOf } from './units.js';

/**
 * Whether a lot can be spent at an instant: unlocked, not expired, with points left.
 *
 * @example
 * ```ts
 * isSpendable(lot, Date.UTC(2024, 5, 1), 0) //=> true
 * ```
 */
export function isSpendable(lot: Lot, at: number, decimals: number): boolean {
  if (lot.pending) return false;
  if (lot.expiresAt !== null && lot.expiresAt <= at) return false;
  return unitsOf(lot.remaining, decimals) > 0;
}

/**
 * Indices of the spendable lots in spend order.
 *
 * @example
 * ```ts
 * spendOrder(program, account, now) //=> [2, 0, 1]
 * ```
 */
export function spendOrder(program: Program, account: Account, at: number): number[] {
  const lots = account.lots;
  const candidates: number[] = [];
  for (let i = 0; i < lots.length; i++) if (isSpendable(lots[i]!, at, account.decimals)) candidates.push(i);
  const fifo = program.spendOrder === 'fifo';
  candidates.sort((a, b) => {
    const la = lots[a]!;
    const lb = lots[b]!;
    if (!fifo) {
      const ea = la.expiresAt ?? Number.POSITIVE_INFINITY;
      const eb = lb.expiresAt ?? Number.POSITIVE_INFINITY;
      if (ea !== eb) return ea < eb ? -1 : 1;
    }
    return la.earnedAt - lb.earnedAt || a - b;
  });
  return candidates;
}

/**
 * Spendable points of an account at an instant, in point units.
 *
 * @example
 * ```ts
 * spendableUnits(account, now) //=> 1250
 * ```
 */
export function spendableUnits(account: Account, at: number): number {
  let total = 0;
  for (const lot of account.lots)
    if (isSpendable(lot, at, account.decimals)) total += unitsOf(lot.remaining, account.decimals);
  return total;
}

/**
 * Allocates a debit of `units` over lot indices in order; returns the allocations and what could not be covered.
 *
 * @example
 * ```ts
 * allocateOver(account, [2, 0], 500) //=> { allocations: [{ lotId: 'b#0', points: '300' }, { lotId: 'a#0', points: '200' }], shortfall: 0 }
 * ```
 */
export function allocateOver(
  account: Account,
  order: readonly number[],
  units: number,
): { allocations: Allocation[]; shortfall: number } {
  const allocations: Allocation[] = [];
  let left = units;
  for (const index of order) {
    if (left <= 0) break;
    const lot = account.lots[index]!;
    const remaining = unitsOf(lot.remaining, account.decimals);
    if (remaining <= 0) continue;
    const take = Math.min(remaining, left);
    allocations.push({ lotId: lot.id, points: formatUnits(take, account.decimals) });
    left -= take;
  }
  return { allocations, shortfall: left };
}
