/**
 * The order life cycle: purchase (earning + order record), partial refund by amount or by line, full cancellation
 * (proportional clawback that references the original award, pending points first, negative-balance policy, spent
 * points given back), and early activation of pending points.
 *
 * Clawbacks are cumulative: after each refund the order's clawed-back total is `round(awarded × refunded share)`,
 * so partial refunds that add up to the whole order claw back exactly what a cancellation would.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { Dec } from '../core/index.js';
import type { Allocation, OrderRecord } from './account.js';
import { findOrder } from './account.js';
import { allocateOver, spendOrder } from './allocation.js';
import { localDay } from './calendar.js';
import type { Draft } from './draft.js';
import { earnPurchase, type EarningOptions } from './earning.js';
import type { Refusal } from './evaluation-types.js';
import type { EventOf } from './events.js';
import { lotExpiresAt } from './schedule.js';
import { checkRefundRevert, checkUpgrade } from './tiers.js';
import {
  divideRounded,
  formatUnits,
  imul,
  RATIO_ONE,
  RATIO_ZERO,
  ratio,
  ratioAdd,
  ratioCompare,
  ratioDiv,
  ratioFromDecimal,
  ratioIsZero,
  ratioMul,
  toMinorUnits,
  unitsOf,
  type Ratio,
} from './units.js';

function refuse(draft: Draft, code: Refusal['code'], message: string): E.Either<Refusal, never> {
  return E.left({ code, message, eventKey: draft.event.key });
}

/**
 * A purchase: refuses a second purchase of the same order id, earns, records the order and its qualification, and
 * upgrades the tier when the window qualifies.
 *
 * @example
 * ```ts
 * processPurchase(draft, event, options) //=> right(undefined)
 * ```
 */
export function processPurchase(
  draft: Draft,
  event: EventOf<'purchase'>,
  options: EarningOptions,
): E.Either<Refusal, void> {
  const program = draft.program;
  if (findOrder(draft.snapshot, event.orderId) !== undefined) {
    return refuse(draft, 'order-exists', `order ${event.orderId} was already recorded by another event`);
  }
  const attribution = earnPurchase(draft, event, options);
  const granted = attribution.granted;
  let earnPosting: { id: string } | undefined;
  for (const p of draft.postings) if (p.kind === 'earn') earnPosting = p;
  const exponent = program.currencyExponent;
  const amountMinor = toMinorUnits(event.amount, exponent);
  const day = localDay(program.zone, event.occurredAt);
  draft.addQualification(day, 0, amountMinor, 1);
  draft.purchase = true;
  draft.activity = true;
  draft.order = {
    orderId: event.orderId,
    eventKey: event.key,
    at: event.occurredAt,
    day,
    amount: formatUnits(amountMinor, exponent),
    lines: (event.lines ?? []).map((line) => ({
      sku: line.sku,
      quantity: line.quantity,
      net: lineNet(line, exponent),
    })),
    awarded: formatUnits(granted, program.decimals),
    earnPostingId: granted > 0 && earnPosting !== undefined ? earnPosting.id : null,
    lineAwards: attribution.lineUnits.map((u) => formatUnits(u, program.decimals)),
    orderAward: formatUnits(attribution.orderUnits, program.decimals),
    refundedAmount: formatUnits(0, exponent),
    refundedQuantities: (event.lines ?? []).map(() => 0),
    clawedBack: formatUnits(0, program.decimals),
    restored: formatUnits(0, program.decimals),
    status: 'open',
  };
  checkUpgrade(draft, event.occurredAt);
  return E.right(undefined);
}

/** A line's net amount (quantity × unit price − discount, at least 0) as a currency decimal string. */
function lineNet(line: { quantity: number; unitPrice: number; discount?: number }, exponent: number): string {
  const price = toMinorUnits(line.unitPrice, exponent);
  const discount = line.discount === undefined ? 0 : toMinorUnits(line.discount, exponent);
  if (Number.isSafeInteger(line.quantity)) {
    const gross = price * line.quantity;
    if (Number.isSafeInteger(gross)) return formatUnits(Math.max(0, gross - discount), exponent);
  }
  const net = Dec.max(0, new Dec(price).times(line.quantity).minus(discount)).div(new Dec(10).pow(exponent));
  return net.toFixed();
}

function decimalRatio(value: string | number): Ratio {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { n: value, d: 1 };
  return (
    (typeof value === 'string' ? ratioFromDecimal(value) : undefined) ?? ratioFromDecimal(new Dec(value).toFixed())!
  );
}

/** `refunded / quantity` as an exact rational. */
function quantityShare(refunded: number, quantity: number): Ratio {
  return ratioDiv(decimalRatio(refunded), decimalRatio(quantity));
}

/** The refunded share of an order (0…1, exact). */
function refundedShare(order: OrderRecord, refundedAmount: string, refundedQuantities: readonly number[]): Ratio {
  let share: Ratio = RATIO_ZERO;
  const amount = decimalRatio(order.amount);
  const refunded = decimalRatio(refundedAmount);
  if (!ratioIsZero(amount)) share = ratioDiv(refunded, amount);
  else if (!ratioIsZero(refunded)) share = RATIO_ONE;
  let totalNet: Ratio = RATIO_ZERO;
  for (const line of order.lines) totalNet = ratioAdd(totalNet, decimalRatio(line.net));
  order.lines.forEach((line, i) => {
    const q = refundedQuantities[i] ?? 0;
    if (q === 0) return;
    const part = ratioIsZero(totalNet) ? ratio(1, order.lines.length) : ratioDiv(decimalRatio(line.net), totalNet);
    share = ratioAdd(share, ratioMul(part, quantityShare(q, line.quantity)));
  });
  return ratioCompare(share, RATIO_ONE) >= 0 ? RATIO_ONE : share;
}

/**
 * The cumulative clawback of an order after refunds: each line's award in proportion to its refunded quantity (plus
 * any share refunded by amount), the order-level award in proportion to the refunded value.
 */
function clawbackTarget(
  draft: Draft,
  order: OrderRecord,
  refundedAmount: string,
  refundedQuantities: readonly number[],
  valueShare: Ratio,
): number {
  if (order.lineAwards.length === 0) return shareOf(draft.units(order.awarded), valueShare);
  const amount = decimalRatio(order.amount);
  const amountShare: Ratio = ratioIsZero(amount) ? RATIO_ZERO : ratioDiv(decimalRatio(refundedAmount), amount);
  let target: Ratio = ratioMul({ n: draft.units(order.orderAward), d: 1 }, valueShare);
  order.lines.forEach((line, i) => {
    const award = draft.units(order.lineAwards[i] ?? '0');
    if (award === 0) return;
    let fraction = ratioAdd(quantityShare(refundedQuantities[i] ?? 0, line.quantity), amountShare);
    if (ratioCompare(fraction, RATIO_ONE) > 0) fraction = RATIO_ONE;
    target = ratioAdd(target, ratioMul({ n: award, d: 1 }, fraction));
  });
  return divideRounded(target.n, target.d, 'half-even') as number;
}

function shareOf(units: number, share: Ratio): number {
  return divideRounded(imul(units, share.n), share.d, 'half-even') as number;
}

/**
 * A refund (by amount or by lines) or a cancellation: proportional, cumulative clawback of the order's award under
 * the negative-balance policy, spent points given back, qualification reduced, an upgrade reverted when the
 * window no longer reaches it.
 *
 * @example
 * ```ts
 * processRefund(draft, { type: 'refund', key: 'r-1', occurredAt, orderId: '1001', amount: 10 })
 * ```
 */
export function processRefund(draft: Draft, event: EventOf<'refund'> | EventOf<'cancel'>): E.Either<Refusal, void> {
  const program = draft.program;
  const order = findOrder(draft.snapshot, event.orderId);
  if (order === undefined)
    return refuse(draft, 'unknown-order', `order ${event.orderId} is not recorded on this account`);
  if (order.status === 'refunded' || order.status === 'cancelled') {
    return refuse(draft, 'order-closed', `order ${event.orderId} is already ${order.status}`);
  }
  const exponent = program.currencyExponent;
  let refundedAmount = new Dec(order.refundedAmount);
  const refundedQuantities = order.refundedQuantities.slice();
  if (event.type === 'cancel') {
    refundedAmount = new Dec(order.amount);
    for (let i = 0; i < refundedQuantities.length; i++) refundedQuantities[i] = 0;
  } else {
    if ((event.amount === undefined) === (event.lines === undefined)) {
      return refuse(draft, 'unknown-line', 'a refund gives either an amount or lines');
    }
    if (event.amount !== undefined) {
      refundedAmount = refundedAmount.plus(new Dec(formatUnits(toMinorUnits(event.amount, exponent), exponent)));
    }
    for (const refunded of event.lines ?? []) {
      let left = new Dec(refunded.quantity);
      order.lines.forEach((line, i) => {
        if (left.isZero() || line.sku !== refunded.sku) return;
        const room = new Dec(line.quantity).minus(refundedQuantities[i]!);
        if (room.lessThanOrEqualTo(0)) return;
        const take = Dec.min(room, left);
        refundedQuantities[i] = new Dec(refundedQuantities[i]!).plus(take).toNumber();
        left = left.minus(take);
      });
      if (!left.isZero())
        return refuse(
          draft,
          'unknown-line',
          `order ${order.orderId} has no ${refunded.quantity} more unrefunded units of ${refunded.sku}`,
        );
    }
  }
  const previous = refundedShare(order, order.refundedAmount, order.refundedQuantities);
  const share: Ratio =
    event.type === 'cancel' ? RATIO_ONE : refundedShare(order, refundedAmount.toFixed(), refundedQuantities);
  const overAmount = refundedAmount.greaterThan(order.amount);
  if (overAmount || ratioCompare(share, RATIO_ONE) > 0) {
    return refuse(
      draft,
      'refund-exceeds-order',
      `refunds of order ${order.orderId} would exceed its amount ${order.amount}`,
    );
  }
  const full = ratioCompare(share, RATIO_ONE) === 0;
  const awarded = draft.units(order.awarded);
  const alreadyClawed = draft.units(order.clawedBack);
  const clawTarget = full ? awarded : clawbackTarget(draft, order, refundedAmount.toFixed(), refundedQuantities, share);
  const claw = Math.max(0, clawTarget - alreadyClawed);
  const at = event.occurredAt;
  if (claw > 0) clawback(draft, order, claw, at);
  const restored = restoreSpent(draft, order, share, full, at);

  // Tier qualification of the purchase day.
  const amountMinor = unitsOf(order.amount, exponent);
  const spendBefore = shareOf(amountMinor, previous);
  const spendAfter = full ? amountMinor : shareOf(amountMinor, share);
  const wasClosed = ratioCompare(previous, RATIO_ONE) === 0;
  draft.addQualification(order.day, -claw, -(spendAfter - spendBefore), full && !wasClosed ? -1 : 0);
  draft.order = {
    ...order,
    refundedAmount:
      event.type === 'cancel'
        ? order.refundedAmount
        : formatUnits(toMinorUnits(refundedAmount.toNumber(), exponent), exponent),
    refundedQuantities,
    clawedBack: draft.format(alreadyClawed + claw),
    restored: draft.format(draft.units(order.restored) + restored),
    status: event.type === 'cancel' ? 'cancelled' : full ? 'refunded' : 'partially-refunded',
  };
  if (draft.explain)
    draft.notes.push(
      `${event.type === 'cancel' ? 'order cancelled' : `refund: ${ratioPercent(share)} of the order refunded`}; ${draft.format(claw)} points clawed back${restored > 0 ? `, ${draft.format(restored)} spent points given back` : ''}`,
    );
  checkRefundRevert(draft, at);
  return E.right(undefined);
}

function ratioPercent(share: Ratio): string {
  return `${new Dec(share.n.toString()).div(share.d.toString()).times(100).toDecimalPlaces(2).toFixed()}%`;
}

/** Posts a clawback of `units` for an order: its own lot first, then (by policy) other lots, then debt or forgiveness. */
function clawback(draft: Draft, order: OrderRecord, units: number, at: number): void {
  const program = draft.program;
  const account = draft.account;
  const policy = program.negativeBalance;
  const allocations: Allocation[] = [];
  let left = units;
  const lotIndex = order.earnPostingId === null ? -1 : account.lots.findIndex((l) => l.id === order.earnPostingId);
  if (lotIndex >= 0) {
    const lot = account.lots[lotIndex]!;
    const remaining = draft.units(lot.remaining);
    const usable = lot.expiresAt !== null && lot.expiresAt <= at ? 0 : remaining;
    if (usable > 0 && (lot.pending || policy !== 'pending-only')) {
      const take = Math.min(usable, left);
      allocations.push({ lotId: lot.id, points: draft.format(take) });
      left -= take;
    }
  }
  let debt = 0;
  let forgiven = 0;
  if (left > 0 && policy !== 'pending-only') {
    const others = spendOrder(program, account, at).filter((i) => i !== lotIndex);
    const more = allocateOver(account, others, left);
    allocations.push(...more.allocations);
    left = more.shortfall;
    debt = left;
  } else {
    forgiven = left;
  }
  draft.post({
    kind: 'clawback',
    at,
    points: draft.format(units),
    reverses: order.earnPostingId,
    orderId: order.orderId,
    allocations,
    debt: draft.format(debt),
    forgiven: draft.format(forgiven),
  });
  if (debt > 0) draft.notes.push(`${draft.format(debt)} points of the clawback recorded as debt`);
  if (forgiven > 0)
    draft.notes.push(`${draft.format(forgiven)} points not clawed back (pending-only policy, points already active)`);
}

/** Gives back, in proportion to the refunded share, the points the member spent on the order. Returns the units. */
function restoreSpent(draft: Draft, order: OrderRecord, share: Ratio, full: boolean, at: number): number {
  const payments = draft.snapshot.payments.filter((p) => p.orderId === order.orderId);
  if (payments.length === 0) return 0;
  let spent = 0;
  for (const p of payments) for (const a of p.allocations) spent += draft.units(a.points);
  const target = full ? spent : shareOf(spent, share);
  let left = target - draft.units(order.restored);
  let total = 0;
  for (let s = payments.length - 1; s >= 0 && left > 0; s--) {
    const payment = payments[s]!;
    const already = new Map(payment.restored.map((a) => [a.lotId, draft.units(a.points)]));
    const allocations: Allocation[] = [];
    let amount = 0;
    for (let i = payment.allocations.length - 1; i >= 0 && left > 0; i--) {
      const a = payment.allocations[i]!;
      const room = draft.units(a.points) - (already.get(a.lotId) ?? 0);
      if (room <= 0) continue;
      const take = Math.min(room, left);
      allocations.push({ lotId: a.lotId, points: draft.format(take) });
      left -= take;
      amount += take;
    }
    if (amount > 0) {
      draft.post({
        kind: 'refund',
        at,
        points: draft.format(amount),
        reverses: payment.postingId,
        orderId: order.orderId,
        allocations,
      });
      total += amount;
    }
  }
  return total;
}

/**
 * Early (or host-driven) activation of an order's pending points.
 *
 * @example
 * ```ts
 * processActivate(draft, { type: 'activate', key: 'a-1', occurredAt, orderId: '1001' })
 * ```
 */
export function processActivate(draft: Draft, event: EventOf<'activate'>): E.Either<Refusal, void> {
  const account = draft.account;
  const order = findOrder(account, event.orderId);
  if (order === undefined)
    return refuse(draft, 'unknown-order', `order ${event.orderId} is not recorded on this account`);
  const lot = order.earnPostingId === null ? undefined : account.lots.find((l) => l.id === order.earnPostingId);
  if (lot === undefined || !lot.pending || draft.units(lot.remaining) === 0) {
    return refuse(draft, 'nothing-pending', `order ${event.orderId} has no pending points`);
  }
  const expiresAt =
    lot.expiresAt ??
    (draft.program.pending.expiryFrom === 'activation' ? lotExpiresAt(draft.program, event.occurredAt) : null);
  draft.post({
    kind: 'activate',
    at: event.occurredAt,
    points: lot.remaining,
    lotId: lot.id,
    expiresAt,
    orderId: order.orderId,
  });
  if (draft.explain) draft.notes.push(`activated ${lot.remaining} pending points of order ${order.orderId}`);
  return E.right(undefined);
}
