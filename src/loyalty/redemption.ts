/**
 * Redemption: catalogue rewards (cost, stock, per-member limits, minimum tier), paying with points (rate, minimum
 * and maximum share of the order), the minimum balance to redeem, and holds that reserve points at checkout and are
 * captured, released, or lapse.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { Allocation } from './account.js';
import { allocateOver, spendableUnits, spendOrder } from './allocation.js';
import { localDay } from './calendar.js';
import type { Draft } from './draft.js';
import type { Refusal } from './evaluation-types.js';
import type { EventOf } from './events.js';
import type { CompiledReward } from './program.js';
import { tierIndex } from './tiers.js';
import {
  divideRounded,
  formatUnits,
  imul,
  parseUnits,
  pow10,
  ratio,
  ratioCompare,
  toMinorUnits,
  type Ratio,
} from './units.js';

/**
 * Options of the redemption steps.
 *
 * @example
 * ```ts
 * const options: RedemptionOptions = { stockRemaining: { 'free-coffee': 12 } };
 * ```
 */
export interface RedemptionOptions {
  /** Units of each reward still in stock (host-maintained). Without an entry, the catalogue's `stock` is assumed. */
  readonly stockRemaining?: Readonly<Record<string, number>>;
}

function refuse(draft: Draft, code: Refusal['code'], message: string): E.Either<Refusal, never> {
  return E.left({ code, message, eventKey: draft.event.key });
}

/** Checks a reward request; returns the cost in units. */
function checkReward(
  draft: Draft,
  rewardId: string,
  quantity: number,
  options: RedemptionOptions,
): E.Either<Refusal, { reward: CompiledReward; cost: number }> {
  const program = draft.program;
  const reward = Object.prototype.hasOwnProperty.call(program.rewards, rewardId)
    ? program.rewards[rewardId]
    : undefined;
  if (reward === undefined) return refuse(draft, 'unknown-reward', `no reward ${rewardId} in the catalogue`);
  if (reward.minTierIndex !== undefined && program.tiers !== undefined) {
    if (tierIndex(program.tiers, draft.tier().current) < reward.minTierIndex) {
      return refuse(
        draft,
        'tier-too-low',
        `reward ${rewardId} needs tier ${reward.minTier ?? ''} or higher (member is ${draft.tier().current ?? 'untiered'})`,
      );
    }
  }
  const stock = options.stockRemaining?.[rewardId] ?? reward.stock;
  if (stock !== undefined && stock < quantity)
    return refuse(draft, 'out-of-stock', `reward ${rewardId} has ${stock} left, ${quantity} requested`);
  if (reward.perMemberLimit !== undefined) {
    const day = localDay(program.zone, draft.event.occurredAt);
    const used = draft.usageOf(`reward:${rewardId}`, reward.perMemberLimit.period, day).times;
    if (used + quantity > reward.perMemberLimit.maxTimes) {
      return refuse(
        draft,
        'member-limit-reached',
        `reward ${rewardId} can be redeemed ${reward.perMemberLimit.maxTimes} times per ${reward.perMemberLimit.period} (${used} used)`,
      );
    }
  }
  return E.right({ reward, cost: reward.costUnits * quantity });
}

/** Checks the minimum balance and sufficiency, and allocates a debit in spend order. */
function debit(draft: Draft, units: number): E.Either<Refusal, Allocation[]> {
  const account = draft.account;
  const at = draft.event.occurredAt;
  const spendable = spendableUnits(account, at);
  if (spendable < draft.program.minBalanceUnits) {
    return refuse(
      draft,
      'below-min-balance',
      `redeeming needs a balance of at least ${draft.format(draft.program.minBalanceUnits)} points (${draft.format(spendable)} available)`,
    );
  }
  if (spendable < units)
    return refuse(
      draft,
      'insufficient-points',
      `needs ${draft.format(units)} points, ${draft.format(spendable)} available`,
    );
  const { allocations, shortfall } = allocateOver(account, spendOrder(draft.program, account, at), units);
  if (shortfall > 0) throw new Error('[clientele] allocation fell short of the spendable balance');
  return E.right(allocations);
}

function recordReward(draft: Draft, reward: CompiledReward, quantity: number): void {
  const day = localDay(draft.program.zone, draft.event.occurredAt);
  draft.addUsage(
    `reward:${reward.id}`,
    reward.perMemberLimit?.period ?? 'lifetime',
    day,
    quantity,
    reward.costUnits * quantity,
  );
  draft.stockUsage.push({ rewardId: reward.id, quantity });
}

/**
 * A catalogue redemption: reward checks, minimum balance, sufficient points, spend in spend order.
 *
 * @example
 * ```ts
 * processRedeem(draft, { type: 'redeem', key: 'r-1', occurredAt, rewardId: 'free-coffee' }, {})
 * ```
 */
export function processRedeem(
  draft: Draft,
  event: EventOf<'redeem'>,
  options: RedemptionOptions,
): E.Either<Refusal, void> {
  const quantity = event.quantity ?? 1;
  const checked = checkReward(draft, event.rewardId, quantity, options);
  if (E.isLeft(checked)) return checked;
  const { reward, cost } = checked.right;
  const allocations = debit(draft, cost);
  if (E.isLeft(allocations)) return allocations;
  draft.post({
    kind: 'spend',
    at: event.occurredAt,
    points: draft.format(cost),
    purpose: 'reward',
    allocations: allocations.right,
    rewardId: reward.id,
    quantity,
    ...(event.orderId === undefined ? {} : { orderId: event.orderId }),
  });
  recordReward(draft, reward, quantity);
  draft.activity = true;
  if (draft.explain) draft.notes.push(`redeemed ${quantity} × ${reward.id} for ${draft.format(cost)} points`);
  return E.right(undefined);
}

/** The discount (minor units) bought by `units` points and the points it actually costs. */
function paymentTerms(draft: Draft, units: number): { discountMinor: number; charged: number } {
  const program = draft.program;
  const pwp = program.payWithPoints!;
  // discount = points / pointsPerUnit, floored to the minor unit; charge = ceil(discount × pointsPerUnit) in units.
  const decimals = program.decimals;
  const exponent = program.currencyExponent;
  const discountMinor = divideRounded(
    imul(imul(units, pwp.pointsPerUnit.d), pow10(exponent)),
    imul(pwp.pointsPerUnit.n, pow10(decimals)),
    'floor',
  ) as number;
  const charged = divideRounded(
    imul(imul(discountMinor, pwp.pointsPerUnit.n), pow10(decimals)),
    imul(pwp.pointsPerUnit.d, pow10(exponent)),
    'ceiling',
  ) as number;
  return { discountMinor, charged };
}

function checkShare(draft: Draft, discountMinor: number, orderAmount: number): E.Either<Refusal, void> {
  const program = draft.program;
  const pwp = program.payWithPoints!;
  const orderMinor = toMinorUnits(orderAmount, program.currencyExponent);
  // share = discount / order; compare with min and max exactly.
  if (orderMinor === 0) return refuse(draft, 'share-above-maximum', 'the order amount is zero');
  const paid = ratio(discountMinor, orderMinor);
  if (ratioCompare(paid, pwp.minShare) < 0)
    return refuse(draft, 'share-below-minimum', `points must pay at least ${share(pwp.minShare)} of the order`);
  if (ratioCompare(paid, pwp.maxShare) > 0)
    return refuse(draft, 'share-above-maximum', `points may pay at most ${share(pwp.maxShare)} of the order`);
  return E.right(undefined);
}

function share(r: Ratio): string {
  return `${((Number(r.n) / Number(r.d)) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

function checkPayment(
  draft: Draft,
  pointsText: string,
  orderAmount: number | undefined,
): E.Either<Refusal, { charged: number; discountMinor: number }> {
  const program = draft.program;
  const pwp = program.payWithPoints;
  if (pwp === undefined)
    return refuse(draft, 'pay-with-points-disabled', 'this programme does not let members pay with points');
  const units = parseUnits(pointsText, program.decimals);
  if (units === undefined)
    return refuse(draft, 'invalid-event', `points ${pointsText} have more than ${program.decimals} decimals`);
  if (units < pwp.minPointsUnits)
    return refuse(
      draft,
      'below-min-points',
      `paying with points needs at least ${draft.format(pwp.minPointsUnits)} points`,
    );
  const terms = paymentTerms(draft, units);
  if (terms.discountMinor === 0)
    return refuse(draft, 'below-min-points', `${pointsText} points buy less than the currency's minor unit`);
  if (orderAmount !== undefined) {
    const ok = checkShare(draft, terms.discountMinor, orderAmount);
    if (E.isLeft(ok)) return ok;
  }
  return E.right(terms);
}

/**
 * Paying part of an order with points: the discount is the points divided by the rate, floored to the minor unit;
 * only the points that discount costs are charged; the share of the order must be within bounds.
 *
 * @example
 * ```ts
 * processPayWithPoints(draft, { type: 'pay-with-points', key: 'p-1', occurredAt, orderId: '1002', orderAmount: 40, points: '1000' })
 * ```
 */
export function processPayWithPoints(draft: Draft, event: EventOf<'pay-with-points'>): E.Either<Refusal, void> {
  const terms = checkPayment(draft, event.points, event.orderAmount);
  if (E.isLeft(terms)) return terms;
  const allocations = debit(draft, terms.right.charged);
  if (E.isLeft(allocations)) return allocations;
  const discount = formatUnits(terms.right.discountMinor, draft.program.currencyExponent);
  draft.post({
    kind: 'spend',
    at: event.occurredAt,
    points: draft.format(terms.right.charged),
    purpose: 'payment',
    allocations: allocations.right,
    orderId: event.orderId,
    discount,
  });
  draft.discount = discount;
  draft.activity = true;
  if (draft.explain)
    draft.notes.push(
      `paid ${discount} ${draft.program.currency} of order ${event.orderId} with ${draft.format(terms.right.charged)} points`,
    );
  return E.right(undefined);
}

/**
 * A hold: reserves points for a reward or a payment until captured, released, or lapsed (`minutes`, default the
 * programme's `holdMinutes`).
 *
 * @example
 * ```ts
 * processHold(draft, { type: 'hold', key: 'h-1', occurredAt, holdId: 'h-1', points: '500', orderId: '1002', orderAmount: 40 }, {})
 * ```
 */
export function processHold(draft: Draft, event: EventOf<'hold'>, options: RedemptionOptions): E.Either<Refusal, void> {
  if (draft.account.holds.some((h) => h.holdId === event.holdId))
    return refuse(draft, 'hold-exists', `hold ${event.holdId} is already active`);
  let units: number;
  let discount: string | undefined;
  if (event.rewardId !== undefined) {
    const checked = checkReward(draft, event.rewardId, event.quantity ?? 1, options);
    if (E.isLeft(checked)) return checked;
    units = checked.right.cost;
  } else {
    if (event.points === undefined) return refuse(draft, 'invalid-event', 'a hold needs a rewardId or points');
    const terms = checkPayment(draft, event.points, event.orderAmount);
    if (E.isLeft(terms)) return terms;
    units = terms.right.charged;
    discount = formatUnits(terms.right.discountMinor, draft.program.currencyExponent);
  }
  const allocations = debit(draft, units);
  if (E.isLeft(allocations)) return allocations;
  const expiresAt = event.occurredAt + (event.minutes ?? draft.program.holdMinutes) * 60_000;
  draft.post({
    kind: 'hold',
    at: event.occurredAt,
    points: draft.format(units),
    holdId: event.holdId,
    allocations: allocations.right,
    expiresAt,
    ...(event.rewardId === undefined ? {} : { rewardId: event.rewardId, quantity: event.quantity ?? 1 }),
    ...(event.orderId === undefined ? {} : { orderId: event.orderId }),
    ...(event.orderAmount === undefined
      ? {}
      : {
          orderAmount: formatUnits(
            toMinorUnits(event.orderAmount, draft.program.currencyExponent),
            draft.program.currencyExponent,
          ),
        }),
  });
  if (discount !== undefined) draft.discount = discount;
  draft.activity = true;
  if (draft.explain) draft.notes.push(`held ${draft.format(units)} points until ${new Date(expiresAt).toISOString()}`);
  return E.right(undefined);
}

/**
 * Capturing a hold (all of it, or `points` of it; the rest is released).
 *
 * @example
 * ```ts
 * processCapture(draft, { type: 'capture', key: 'c-1', occurredAt, holdId: 'h-1' })
 * ```
 */
export function processCapture(draft: Draft, event: EventOf<'capture'>): E.Either<Refusal, void> {
  const hold = draft.account.holds.find((h) => h.holdId === event.holdId);
  if (hold === undefined) return refuse(draft, 'unknown-hold', `no active hold ${event.holdId} (it may have lapsed)`);
  const held = draft.units(hold.points);
  let amount = held;
  if (event.points !== undefined) {
    const requested = parseUnits(event.points, draft.program.decimals);
    if (requested === undefined)
      return refuse(draft, 'invalid-event', `points ${event.points} have more than ${draft.program.decimals} decimals`);
    if (requested > held)
      return refuse(
        draft,
        'above-maximum',
        `hold ${hold.holdId} reserves ${hold.points} points, ${event.points} requested`,
      );
    amount = requested;
  }
  const taken: Allocation[] = [];
  const rest: Allocation[] = [];
  let left = amount;
  for (const a of hold.allocations) {
    const units = draft.units(a.points);
    const take = Math.min(units, left);
    if (take > 0) taken.push({ lotId: a.lotId, points: draft.format(take) });
    if (units - take > 0) rest.push({ lotId: a.lotId, points: draft.format(units - take) });
    left -= take;
  }
  const at = event.occurredAt;
  if (rest.length > 0) {
    draft.post({
      kind: 'release',
      at,
      points: draft.format(held - amount),
      holdId: hold.holdId,
      reverses: hold.postingId,
      allocations: rest,
      reason: 'capture-remainder',
    });
  }
  let discount: string | undefined;
  if (hold.rewardId === undefined && draft.program.payWithPoints !== undefined) {
    discount = formatUnits(paymentTerms(draft, amount).discountMinor, draft.program.currencyExponent);
  }
  draft.post({
    kind: 'spend',
    at,
    points: draft.format(amount),
    purpose: hold.rewardId === undefined ? 'payment' : 'reward',
    allocations: taken,
    fromHold: hold.holdId,
    ...(hold.rewardId === undefined ? {} : { rewardId: hold.rewardId, quantity: hold.quantity ?? 1 }),
    ...(hold.orderId === undefined ? {} : { orderId: hold.orderId }),
    ...(discount === undefined ? {} : { discount }),
  });
  if (hold.rewardId !== undefined) {
    const reward = draft.program.rewards[hold.rewardId];
    if (reward !== undefined) recordReward(draft, reward, hold.quantity ?? 1);
  }
  if (discount !== undefined) draft.discount = discount;
  draft.activity = true;
  if (draft.explain)
    draft.notes.push(
      `captured ${draft.format(amount)} of ${hold.points} held points${rest.length > 0 ? `, released ${draft.format(held - amount)}` : ''}`,
    );
  return E.right(undefined);
}

/**
 * Releasing a hold (payment failed, checkout abandoned).
 *
 * @example
 * ```ts
 * processRelease(draft, { type: 'release', key: 'x-1', occurredAt, holdId: 'h-1' })
 * ```
 */
export function processRelease(draft: Draft, event: EventOf<'release'>): E.Either<Refusal, void> {
  const hold = draft.account.holds.find((h) => h.holdId === event.holdId);
  if (hold === undefined) return refuse(draft, 'unknown-hold', `no active hold ${event.holdId} (it may have lapsed)`);
  draft.post({
    kind: 'release',
    at: event.occurredAt,
    points: hold.points,
    holdId: hold.holdId,
    reverses: hold.postingId,
    allocations: hold.allocations,
    reason: 'released',
  });
  if (draft.explain) draft.notes.push(`released hold ${hold.holdId} of ${hold.points} points`);
  return E.right(undefined);
}
