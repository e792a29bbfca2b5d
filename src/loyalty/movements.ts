/**
 * Points moving in and out without a purchase: transfers between members (the receiving lots keep the original
 * expiry), conversions to and from partner currencies in whole blocks, and manual adjustments.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { Dec } from '../core/index.js';
import { allocateOver, spendableUnits, spendOrder } from './allocation.js';
import type { Draft } from './draft.js';
import type { Refusal } from './evaluation-types.js';
import type { EventOf } from './events.js';
import { lotExpiresAt } from './schedule.js';
import { parseUnits } from './units.js';

function refuse(draft: Draft, code: Refusal['code'], message: string): E.Either<Refusal, never> {
  return E.left({ code, message, eventKey: draft.event.key });
}

function pointsOf(draft: Draft, text: string): E.Either<Refusal, number> {
  const units = parseUnits(text, draft.program.decimals);
  return units === undefined
    ? refuse(draft, 'invalid-event', `points ${text} have more than ${draft.program.decimals} decimals`)
    : E.right(units);
}

/**
 * The sending side of a transfer: debits the sender (spend order) and hands the receiving side (a `transfer-in`
 * event carrying each source lot's earning time and expiry) to the host as an effect.
 *
 * @example
 * ```ts
 * processTransferOut(draft, { type: 'transfer-out', key: 't-1', occurredAt, transferId: 't-1', to: 'm-2', points: '300' })
 * ```
 */
export function processTransferOut(draft: Draft, event: EventOf<'transfer-out'>): E.Either<Refusal, void> {
  const program = draft.program;
  if (!program.transfers.enabled) return refuse(draft, 'transfers-disabled', 'this programme does not allow transfers');
  if (event.to === draft.account.memberId)
    return refuse(draft, 'same-member', 'a member cannot transfer points to themselves');
  const units = pointsOf(draft, event.points);
  if (E.isLeft(units)) return units;
  const amount = units.right;
  if (amount < program.transfers.minUnits)
    return refuse(draft, 'below-minimum', `transfers start at ${draft.format(program.transfers.minUnits)} points`);
  if (program.transfers.maxUnits !== undefined && amount > program.transfers.maxUnits) {
    return refuse(
      draft,
      'above-maximum',
      `transfers are limited to ${draft.format(program.transfers.maxUnits)} points`,
    );
  }
  const at = event.occurredAt;
  const account = draft.account;
  const spendable = spendableUnits(account, at);
  if (spendable < amount)
    return refuse(draft, 'insufficient-points', `needs ${event.points} points, ${draft.format(spendable)} available`);
  const { allocations } = allocateOver(account, spendOrder(program, account, at), amount);
  draft.post({
    kind: 'transfer',
    at,
    points: draft.format(amount),
    direction: 'out',
    transferId: event.transferId,
    counterparty: event.to,
    allocations,
  });
  const lots = allocations.map((a) => {
    const lot = account.lots.find((l) => l.id === a.lotId)!;
    return { points: a.points, earnedAt: lot.earnedAt, expiresAt: lot.expiresAt };
  });
  draft.effects.push({
    memberId: event.to,
    event: {
      type: 'transfer-in',
      key: `transfer:${event.transferId}:in`,
      occurredAt: at,
      transferId: event.transferId,
      from: account.memberId,
      lots,
    },
  });
  draft.activity = true;
  if (draft.explain) draft.notes.push(`transferred ${draft.format(amount)} points to ${event.to}`);
  return E.right(undefined);
}

/**
 * The receiving side of a transfer: one lot per source lot, with the source's earning time and expiry.
 *
 * @example
 * ```ts
 * processTransferIn(draft, effect.event)
 * ```
 */
export function processTransferIn(draft: Draft, event: EventOf<'transfer-in'>): E.Either<Refusal, void> {
  if (event.from === draft.account.memberId)
    return refuse(draft, 'same-member', 'a member cannot receive their own transfer');
  const parsed: number[] = [];
  for (const lot of event.lots) {
    const units = pointsOf(draft, lot.points);
    if (E.isLeft(units)) return units;
    parsed.push(units.right);
  }
  let total = 0;
  event.lots.forEach((lot, i) => {
    total += parsed[i]!;
    draft.post({
      kind: 'transfer',
      at: event.occurredAt,
      points: draft.format(parsed[i]!),
      direction: 'in',
      transferId: event.transferId,
      counterparty: event.from,
      lot: {
        source: 'transfer',
        earnedAt: lot.earnedAt,
        pending: false,
        availableAt: event.occurredAt,
        expiresAt: lot.expiresAt,
      },
    });
  });
  draft.activity = true;
  if (draft.explain)
    draft.notes.push(
      `received ${draft.format(total)} points from ${event.from} in ${event.lots.length} lot(s), original expiry kept`,
    );
  return E.right(undefined);
}

/**
 * A conversion to a partner currency (points debited in whole blocks) or from it (partner units credited in whole
 * blocks as a new lot with the programme's expiry).
 *
 * @example
 * ```ts
 * processConvert(draft, { type: 'convert', key: 'c-1', occurredAt, partnerId: 'sky-miles', direction: 'to-partner', points: '2000' })
 * ```
 */
export function processConvert(draft: Draft, event: EventOf<'convert'>): E.Either<Refusal, void> {
  const program = draft.program;
  const partner = Object.prototype.hasOwnProperty.call(program.partners, event.partnerId)
    ? program.partners[event.partnerId]
    : undefined;
  if (partner === undefined) return refuse(draft, 'unknown-partner', `no partner ${event.partnerId}`);
  const at = event.occurredAt;
  if (event.direction === 'to-partner') {
    const block = partner.toPartner;
    if (block === undefined)
      return refuse(draft, 'conversion-unavailable', `points cannot be converted to ${partner.id}`);
    if (event.points === undefined) return refuse(draft, 'invalid-event', 'a conversion to a partner gives points');
    const units = pointsOf(draft, event.points);
    if (E.isLeft(units)) return units;
    const amount = units.right;
    if (amount % block.pointsUnits !== 0) {
      return refuse(
        draft,
        'not-a-whole-block',
        `conversions to ${partner.id} go in blocks of ${draft.format(block.pointsUnits)} points`,
      );
    }
    const spendable = spendableUnits(draft.account, at);
    if (spendable < amount)
      return refuse(draft, 'insufficient-points', `needs ${event.points} points, ${draft.format(spendable)} available`);
    const { allocations } = allocateOver(draft.account, spendOrder(program, draft.account, at), amount);
    const partnerUnits = new Dec(block.partnerUnits).times(amount / block.pointsUnits).toFixed();
    draft.post({
      kind: 'convert',
      at,
      points: draft.format(amount),
      direction: 'to-partner',
      partnerId: partner.id,
      partnerUnits,
      allocations,
    });
    draft.partnerUnits = partnerUnits;
    draft.activity = true;
    if (draft.explain)
      draft.notes.push(`converted ${draft.format(amount)} points into ${partnerUnits} ${partner.name}`);
  } else {
    const block = partner.fromPartner;
    if (block === undefined)
      return refuse(draft, 'conversion-unavailable', `${partner.id} units cannot be converted into points`);
    if (event.partnerUnits === undefined)
      return refuse(draft, 'invalid-event', 'a conversion from a partner gives partnerUnits');
    const blocks = new Dec(event.partnerUnits).div(block.partnerUnits);
    if (!blocks.isInteger() || blocks.isZero()) {
      return refuse(
        draft,
        'not-a-whole-block',
        `conversions from ${partner.id} go in blocks of ${block.partnerUnits} units`,
      );
    }
    const amount = blocks.toNumber() * block.pointsUnits;
    if (!Number.isSafeInteger(amount)) return refuse(draft, 'above-maximum', 'conversion too large');
    draft.post({
      kind: 'convert',
      at,
      points: draft.format(amount),
      direction: 'from-partner',
      partnerId: partner.id,
      partnerUnits: event.partnerUnits,
      lot: { source: 'convert', earnedAt: at, pending: false, availableAt: at, expiresAt: lotExpiresAt(program, at) },
    });
    draft.partnerUnits = event.partnerUnits;
    draft.activity = true;
    if (draft.explain)
      draft.notes.push(`converted ${event.partnerUnits} ${partner.name} into ${draft.format(amount)} points`);
  }
  return E.right(undefined);
}

/**
 * A manual adjustment: positive amounts create a lot (repaying debt first), negative ones debit spendable points.
 *
 * @example
 * ```ts
 * processAdjust(draft, { type: 'adjust', key: 'adj-1', occurredAt, points: '-50', reason: 'goodwill reversal' })
 * ```
 */
export function processAdjust(draft: Draft, event: EventOf<'adjust'>): E.Either<Refusal, void> {
  const program = draft.program;
  const units = parseUnits(event.points, program.decimals);
  if (units === undefined || units === 0)
    return refuse(
      draft,
      'invalid-event',
      `adjustment ${event.points} must be non-zero with at most ${program.decimals} decimals`,
    );
  const at = event.occurredAt;
  if (units > 0) {
    const repaid = Math.min(draft.debtUnits(), units);
    draft.post({
      kind: 'adjust',
      at,
      points: draft.format(units),
      reason: event.reason,
      lot: { source: 'adjust', earnedAt: at, pending: false, availableAt: at, expiresAt: lotExpiresAt(program, at) },
      ...(repaid > 0 ? { debtRepaid: draft.format(repaid) } : {}),
    });
    if (draft.explain) draft.notes.push(`adjusted +${draft.format(units)} points: ${event.reason}`);
  } else {
    const amount = -units;
    const spendable = spendableUnits(draft.account, at);
    if (spendable < amount)
      return refuse(
        draft,
        'insufficient-points',
        `cannot remove ${draft.format(amount)} points, ${draft.format(spendable)} available`,
      );
    const { allocations } = allocateOver(draft.account, spendOrder(program, draft.account, at), amount);
    draft.post({ kind: 'adjust', at, points: draft.format(amount), reason: event.reason, allocations });
    if (draft.explain) draft.notes.push(`adjusted −${draft.format(amount)} points: ${event.reason}`);
  }
  return E.right(undefined);
}
