/**
 * Earning: the earning base of a purchase, spend / multiplier / bonus rules, campaigns with stacking, rule limits,
 * campaign budgets, rounding (per line or per order, exact), programme-wide caps, debt repayment, pending points and
 * lot expiry — with an explanation of every step.
 *
 * Order of work: each rule's exact points (base × rate × product multiplier × tier multiplier, or fixed points) →
 * rule limits → campaign extras (spend points × (factor − 1), or bonuses) with stacking → campaign budgets and
 * per-member limits → rounding (once per order, or per line and component) → per-transaction cap → per-member
 * day / month / year caps. The granted total is split back over the components by largest remainder so that rule
 * usage and campaign budgets add up exactly.
 *
 * @module
 */
import { Dec } from '../core/index.js';
import { localDay, localFields } from './calendar.js';
import type { CompiledCondition, ConditionContext } from './condition.js';
import type { LotTerms } from './account.js';
import type { Draft, PostingBody } from './draft.js';
import type {
  BaseLineExplanation,
  CampaignExplanation,
  CapExplanation,
  EarningExplanation,
  RuleExplanation,
} from './evaluation-types.js';
import type { EventOf, LoyaltyEvent } from './events.js';
import type { CompiledCampaign, CompiledLimit, CompiledRule, Program, ResolvedEarningBase } from './program.js';
import { birthdayWindow, lotExpiresAt, pendingUntil } from './schedule.js';
import { checkUpgrade, tierLevel } from './tiers.js';
import {
  divideRounded,
  formatUnits,
  imul,
  isign,
  pow10,
  ratio,
  ratioDiv,
  ratioIsZero,
  RATIO_ONE,
  RATIO_ZERO,
  ratioAdd,
  ratioCompare,
  ratioFromDecimal,
  ratioMul,
  ratioOfUnits,
  ratioSub,
  ratioToDecimalString,
  roundRatioToUnits,
  toMinorUnits,
  type Ratio,
} from './units.js';

/**
 * Options that reach the earning step from `evaluate`.
 *
 * @example
 * ```ts
 * const options: EarningOptions = { segments: ['vip'], campaignBudgetUsed: { 'double-weekend': '1200' } };
 * ```
 */
export interface EarningOptions {
  /** Segments the host assigned to the member. */
  readonly segments: readonly string[];
  /** Points each campaign has granted so far across all members (decimal strings). */
  readonly campaignBudgetUsed: Readonly<Record<string, string>>;
}

interface Component {
  readonly source: 'rule' | 'campaign';
  readonly id: string;
  /** Exact points after rule / campaign caps. */
  readonly exact: Ratio;
  readonly explanation: { granted?: string };
}

/** Usage counter keys (`rule:<id>`...) by prefix and id, built once: the same string each time hashes once. */
const USAGE_KEYS = {
  rule: new Map<string, string>(),
  campaign: new Map<string, string>(),
  streak: new Map<string, string>(),
  referral: new Map<string, string>(),
  birthday: new Map<string, string>(),
};

function usageKey(prefix: keyof typeof USAGE_KEYS, id: string): string {
  const cache = USAGE_KEYS[prefix];
  let key = cache.get(id);
  if (key === undefined) {
    if (cache.size >= 10_000) cache.clear();
    key = `${prefix}:${id}`;
    cache.set(id, key);
  }
  return key;
}

function quantityRatio(q: number): Ratio {
  if (Number.isSafeInteger(q)) return { n: q, d: 1 };
  return ratioFromDecimal(new Dec(q).toFixed())!;
}

function minorRatio(amount: number | undefined, exponent: number): Ratio {
  return amount === undefined || amount === 0 ? RATIO_ZERO : { n: toMinorUnits(amount, exponent), d: 1 };
}

function clampZero(r: Ratio): Ratio {
  return isign(r.n) < 0 ? RATIO_ZERO : r;
}

/**
 * Builds the condition context of an event.
 *
 * @example
 * ```ts
 * const context = conditionContext(draft, event, ['vip']);
 * ```
 */
export function conditionContext(
  draft: Draft,
  event: LoyaltyEvent,
  segments: readonly string[],
  at = event.occurredAt,
  eventType: string = event.type,
): ConditionContext {
  const program = draft.program;
  const fields = localFields(program.zone, at);
  const account = draft.snapshot;
  const joined = account.profile.joinedAt ?? account.openedAt;
  const purchase = event.type === 'purchase' ? event : undefined;
  let itemCount = 0;
  if (purchase?.lines !== undefined) for (const line of purchase.lines) itemCount += line.quantity;
  return {
    eventType,
    eventName: event.type === 'custom' ? event.name : undefined,
    at,
    day: fields.day,
    weekday: fields.weekday,
    hour: fields.hour,
    amountMinor: purchase === undefined ? undefined : toMinorUnits(purchase.amount, program.currencyExponent),
    amount: purchase?.amount,
    itemCount,
    orderCount: account.purchaseCount,
    memberDays: Math.floor((at - joined) / 86_400_000),
    channel: 'channel' in event ? event.channel : undefined,
    tier: draft.tier().current,
    segments,
    attributes: 'attributes' in event ? event.attributes : undefined,
  };
}

/** Checks a per-member limit; returns the points still allowed (units, or undefined = unlimited) or a refusal reason. */
function limitRoom(
  draft: Draft,
  key: string,
  limit: CompiledLimit | undefined,
  day: number,
): { room: number | undefined; blocked?: string; used?: number } {
  if (limit === undefined) return { room: undefined };
  const usage = draft.usageOf(key, limit.period, day);
  if (limit.maxTimes !== undefined && usage.times >= limit.maxTimes) {
    return { room: 0, blocked: `limit of ${limit.maxTimes} times per ${limit.period} reached`, used: usage.units };
  }
  if (limit.maxUnits !== undefined) return { room: Math.max(0, limit.maxUnits - usage.units), used: usage.units };
  return { room: undefined, used: usage.units };
}

function capTo(value: Ratio, room: number | undefined, decimals: number): Ratio {
  if (room === undefined) return value;
  const limit = ratioOfUnits(room, decimals);
  return ratioCompare(value, limit) > 0 ? limit : value;
}

function pointsText(value: Ratio): string {
  return ratioToDecimalString(value, 12);
}

/** A decimal string for an explanation, or '' when the draft does not explain. */
function shown(draft: Draft, value: Ratio): string {
  return draft.explain ? ratioToDecimalString(value, 12) : '';
}

interface LineBase {
  readonly sku: string;
  readonly category: string | undefined;
  readonly quantity: Ratio;
  readonly gross: Ratio;
  readonly net: Ratio;
  readonly tax: Ratio | undefined;
  readonly share: Ratio;
  readonly pseudo: boolean;
}

function purchaseLines(program: Program, event: EventOf<'purchase'>): LineBase[] {
  const exponent = program.currencyExponent;
  const lines = event.lines ?? [];
  if (lines.length === 0) {
    const amount = minorRatio(event.amount, exponent);
    return [
      {
        sku: '(order)',
        category: undefined,
        quantity: RATIO_ONE,
        gross: amount,
        net: amount,
        tax: undefined,
        share: RATIO_ONE,
        pseudo: true,
      },
    ];
  }
  const bases = lines.map((line) => {
    const quantity = quantityRatio(line.quantity);
    const gross = ratioMul(minorRatio(line.unitPrice, exponent), quantity);
    const net = clampZero(ratioSub(gross, minorRatio(line.discount, exponent)));
    return { line, quantity, gross, net };
  });
  let totalNet = RATIO_ZERO;
  for (const b of bases) totalNet = ratioAdd(totalNet, b.net);
  return bases.map((b) => ({
    sku: b.line.sku,
    category: b.line.category,
    quantity: b.quantity,
    gross: b.gross,
    net: b.net,
    tax: b.line.tax === undefined ? undefined : minorRatio(b.line.tax, exponent),
    share: ratioIsZero(totalNet) ? ratio(1, bases.length) : ratioDiv(b.net, totalNet),
    pseudo: false,
  }));
}

/** Base of each line (minor units, exact) under a rule's base options; excluded lines get zero. */
function lineValues(
  program: Program,
  event: EventOf<'purchase'>,
  lines: readonly LineBase[],
  base: ResolvedEarningBase,
): { values: Ratio[]; excluded: ('sku' | 'category' | undefined)[]; shipping: Ratio } {
  const exponent = program.currencyExponent;
  const orderDiscount = minorRatio(event.discount, exponent);
  const orderTax = minorRatio(event.tax, exponent);
  const pointsPaid = minorRatio(event.paidWithPoints, exponent);
  const shipping = minorRatio(event.shipping, exponent);
  if (lines.length === 1 && lines[0]!.pseudo) {
    let v = lines[0]!.gross;
    if (base.tax === 'exclude') v = ratioSub(v, orderTax);
    if (base.shipping === 'exclude') v = ratioSub(v, shipping);
    if (base.discounts === 'before') v = ratioAdd(v, orderDiscount);
    if (base.pointsPaid === 'exclude') v = ratioSub(v, pointsPaid);
    return { values: [clampZero(v)], excluded: [undefined], shipping: RATIO_ZERO };
  }
  const lineTaxes = lines.some((l) => l.tax !== undefined);
  const values: Ratio[] = [];
  const excluded: ('sku' | 'category' | undefined)[] = [];
  for (const line of lines) {
    const by = base.excludeSkus.has(line.sku)
      ? 'sku'
      : line.category !== undefined && base.excludeCategories.has(line.category)
        ? 'category'
        : undefined;
    excluded.push(by);
    if (by !== undefined) {
      values.push(RATIO_ZERO);
      continue;
    }
    let v = base.discounts === 'before' ? line.gross : line.net;
    if (base.discounts === 'after' && !ratioIsZero(orderDiscount)) v = ratioSub(v, ratioMul(orderDiscount, line.share));
    if (base.tax === 'include') v = ratioAdd(v, lineTaxes ? (line.tax ?? RATIO_ZERO) : ratioMul(orderTax, line.share));
    if (base.pointsPaid === 'exclude' && !ratioIsZero(pointsPaid)) v = ratioSub(v, ratioMul(pointsPaid, line.share));
    values.push(clampZero(v));
  }
  return { values, excluded, shipping: base.shipping === 'include' ? shipping : RATIO_ZERO };
}

/** The largest product / category multiplier that holds for a line (1 when none). */
function lineMultiplier(
  multipliers: readonly { rule: Extract<CompiledRule, { kind: 'multiplier' }>; ok: boolean }[],
  line: LineBase,
): { factor: Ratio; ruleId?: string } {
  let best: { factor: Ratio; ruleId?: string } = { factor: RATIO_ONE };
  if (line.pseudo && line.sku === '(shipping)') return best;
  for (const m of multipliers) {
    if (!m.ok || !matchesProduct(m.rule, line.sku, line.category)) continue;
    if (ratioCompare(m.rule.factor, best.factor) > 0) best = { factor: m.rule.factor, ruleId: m.rule.id };
  }
  return best;
}

function matchesProduct(
  rule: { skus: ReadonlySet<string> | undefined; categories: ReadonlySet<string> | undefined },
  sku: string,
  category: string | undefined,
): boolean {
  if (rule.skus === undefined && rule.categories === undefined) return true;
  if (rule.skus?.has(sku) === true) return true;
  return category !== undefined && rule.categories?.has(category) === true;
}

/** Failure reasons by the failing leaf's text (the same few texts recur event after event: built once). */
const REASONS = new Map<string, string>();

function testCondition(condition: CompiledCondition | undefined, context: ConditionContext): string | undefined {
  if (condition === undefined || condition.test(context)) return undefined;
  const failing = condition.explain(context) ?? condition.description;
  let reason = REASONS.get(failing);
  if (reason === undefined) {
    if (REASONS.size >= 10_000) REASONS.clear();
    reason = `condition not met: ${failing}`;
    REASONS.set(failing, reason);
  }
  return reason;
}

interface SpendResult {
  readonly rule: Extract<CompiledRule, { kind: 'spend' }>;
  /** Line points before the tier multiplier (exact, unrounded); one entry in steps mode. */
  readonly preTier: Ratio[];
  /** Base of each line (minor units), shipping last when included. */
  readonly values: Ratio[];
  readonly explanation: RuleExplanation & { granted?: string };
}

/**
 * How the points of a purchase are attributed: per order line (spend points with their multipliers and campaign
 * extras, product bonuses) and to the order as a whole (fixed bonuses, shipping, bonus campaigns). Refunds by line
 * claw back the line's share.
 *
 * @example
 * ```ts
 * const attribution: PurchaseAttribution = { granted: 175, lineUnits: [105, 45], orderUnits: 25 };
 * ```
 */
export interface PurchaseAttribution {
  readonly granted: number;
  /** Granted units attributed to each order line (empty for orders without lines). */
  readonly lineUnits: number[];
  readonly orderUnits: number;
}

/**
 * Largest-remainder split of `total` units over exact weights (ties to the earlier weight).
 *
 * @example
 * ```ts
 * splitUnits(10, [{ n: 1, d: 1 }, { n: 1, d: 1 }, { n: 1, d: 1 }]) //=> [4, 3, 3]
 * ```
 */
export function splitUnits(total: number, weights: readonly Ratio[]): number[] {
  if (weights.length === 0) return [];
  if (weights.length === 1) return [total];
  // Fast path: integral weights that already add up to the total.
  let integral = true;
  let sumOfIntegers = 0;
  for (const w of weights) {
    if (w.d !== 1 || typeof w.n !== 'number') {
      integral = false;
      break;
    }
    sumOfIntegers += w.n;
  }
  if (integral && sumOfIntegers === total) return weights.map((w) => w.n as number);
  const numeric = splitUnitsNumeric(total, weights);
  if (numeric !== undefined) return numeric;
  let sum = RATIO_ZERO;
  for (const w of weights) sum = ratioAdd(sum, w);
  if (isign(sum.n) <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const floors: number[] = [];
  const remainders: { i: number; r: Ratio }[] = [];
  let left = total;
  weights.forEach((w, i) => {
    const exact = ratioDiv(ratioMul(w, { n: total, d: 1 }), sum);
    const floor = divideRounded(exact.n, exact.d, 'floor') as number;
    floors.push(floor);
    left -= floor;
    remainders.push({ i, r: ratioSub(exact, { n: floor, d: 1 }) });
  });
  if (left > 0) {
    remainders.sort((a, b) => ratioCompare(b.r, a.r) || a.i - b.i);
    for (let k = 0; left > 0; k = (k + 1) % remainders.length, left--) floors[remainders[k]!.i]! += 1;
  }
  return floors;
}

function gcdOf(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** {@link splitUnits} in safe-integer arithmetic over a common denominator; `undefined` when it would overflow. */
function splitUnitsNumeric(total: number, weights: readonly Ratio[]): number[] | undefined {
  const n = weights.length;
  let common = 1;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (typeof w.n !== 'number' || typeof w.d !== 'number' || w.n < 0) return undefined;
    common = (common / gcdOf(common, w.d)) * w.d;
    if (common > 1e9) return undefined;
  }
  const scaled: number[] = new Array<number>(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    const v = (w.n as number) * (common / (w.d as number));
    if (!Number.isSafeInteger(v)) return undefined;
    scaled[i] = v;
    sum += v;
  }
  if (sum === 0 || !Number.isSafeInteger(sum) || !Number.isSafeInteger(sum * total)) return undefined;
  const floors: number[] = new Array<number>(n);
  const remainders: number[] = new Array<number>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const product = scaled[i]! * total;
    let q = Math.floor(product / sum);
    let r = product - q * sum;
    if (r < 0) {
      q -= 1;
      r += sum;
    } else if (r >= sum) {
      q += 1;
      r -= sum;
    }
    floors[i] = q;
    remainders[i] = r;
    left -= q;
  }
  // The units left (fewer than the number of weights) go to the largest remainders, ties to the earlier weight.
  while (left > 0) {
    let best = 0;
    for (let i = 1; i < n; i++) if (remainders[i]! > remainders[best]!) best = i;
    floors[best]! += 1;
    remainders[best] = -1;
    left--;
  }
  return floors;
}

/** Applies one programme-wide cap: the points left (and the cap's explanation when it bites). */
function capStep(
  caps: CapExplanation[],
  name: CapExplanation['cap'],
  room: number,
  granted: number,
  decimals: number,
): number {
  if (granted <= room) return granted;
  caps.push({
    cap: name,
    limit: formatUnits(room, decimals),
    wanted: formatUnits(granted, decimals),
    granted: formatUnits(Math.max(0, room), decimals),
  });
  return Math.max(0, room);
}

/** Everything a grant needs besides the components. */
interface GrantInput {
  readonly at: number;
  readonly components: Component[];
  readonly rules: RuleExplanation[];
  readonly campaigns: CampaignExplanation[];
  readonly tierId: string | null;
  readonly tierMultiplier: string;
  readonly orderId?: string;
  /** Whether the earned points count as tier qualification (all rule-based earnings do). */
  readonly lineScoped: boolean;
}

/**
 * Rounds, caps and posts an earning made of components; records usage, qualification, campaign usage and the
 * explanation. Returns the granted units.
 */
function grant(draft: Draft, input: GrantInput): number {
  const program = draft.program;
  const decimals = program.decimals;
  const day = localDay(program.zone, input.at);
  let exact = RATIO_ZERO;
  for (const c of input.components) exact = ratioAdd(exact, c.exact);
  const rounded = input.lineScoped
    ? roundRatioToUnits(exact, decimals, 'floor')
    : roundRatioToUnits(exact, decimals, program.roundingMode);
  const caps: CapExplanation[] = [];
  let granted = rounded;
  // Programme-wide caps in order: per transaction, then the member's day, month and year.
  const limits = program.caps;
  if (limits.perTransaction !== undefined)
    granted = capStep(caps, 'per-transaction', limits.perTransaction, granted, decimals);
  if (limits.perMemberPerDay !== undefined)
    granted = capStep(
      caps,
      'per-member-day',
      limits.perMemberPerDay - draft.usageOf('member:day', 'day', day).units,
      granted,
      decimals,
    );
  if (limits.perMemberPerMonth !== undefined)
    granted = capStep(
      caps,
      'per-member-month',
      limits.perMemberPerMonth - draft.usageOf('member:month', 'month', day).units,
      granted,
      decimals,
    );
  if (limits.perMemberPerYear !== undefined)
    granted = capStep(
      caps,
      'per-member-year',
      limits.perMemberPerYear - draft.usageOf('member:year', 'year', day).units,
      granted,
      decimals,
    );
  const components = input.components;
  const shares =
    components.length === 1
      ? [granted]
      : splitUnits(
          granted,
          components.map((c) => toUnitsIfWhole(c.exact, decimals)),
        );
  const earnedBy: string[] = [];
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    const share = shares[i]!;
    if (draft.explain) c.explanation.granted = formatUnits(share, decimals);
    if (c.source === 'rule') {
      // Usage is kept only where a limit reads it (rules with a limit; signup and first purchase count once).
      const rule = program.ruleById.get(c.id);
      if (
        rule !== undefined &&
        (rule.limit !== undefined || rule.kind === 'signup' || rule.kind === 'first-purchase')
      ) {
        draft.addUsage(usageKey('rule', c.id), rule.limit?.period ?? 'lifetime', day, 1, share);
      }
      if (share > 0) earnedBy.push(c.id);
    } else {
      const campaign = program.campaignById.get(c.id);
      if (campaign?.limit !== undefined)
        draft.addUsage(usageKey('campaign', c.id), campaign.limit.period, day, 1, share);
      if (share > 0) {
        draft.campaignUsage.push({ campaignId: c.id, points: formatUnits(share, decimals) });
        earnedBy.push(usageKey('campaign', c.id));
      }
    }
  }
  if (granted > 0) {
    if (program.caps.perMemberPerDay !== undefined) draft.addUsage('member:day', 'day', day, 1, granted);
    if (program.caps.perMemberPerMonth !== undefined) draft.addUsage('member:month', 'month', day, 1, granted);
    if (program.caps.perMemberPerYear !== undefined) draft.addUsage('member:year', 'year', day, 1, granted);
  }
  const debtRepaid = Math.min(draft.debtUnits(), granted);
  // Only purchases wait for the return window or the host; bonuses for other events are available at once.
  const availableAt = input.orderId === undefined ? input.at : pendingUntil(program, input.at);
  const pending =
    input.orderId !== undefined && program.pending.mode !== 'none' && (availableAt === null || availableAt > input.at);
  const expiresAt = pending && program.pending.expiryFrom === 'activation' ? null : lotExpiresAt(program, input.at);
  const grantedText = formatUnits(granted, decimals);
  if (granted > 0) {
    const lot: { -readonly [K in keyof LotTerms]: LotTerms[K] } = {
      source: 'earn',
      earnedAt: input.at,
      pending,
      availableAt,
      expiresAt,
    };
    const body: { -readonly [K in keyof EarnBody]: EarnBody[K] } = {
      kind: 'earn',
      at: input.at,
      points: grantedText,
      lot,
      rules: earnedBy,
    };
    if (input.orderId !== undefined) {
      lot.orderId = input.orderId;
      body.orderId = input.orderId;
    }
    if (debtRepaid > 0) body.debtRepaid = formatUnits(debtRepaid, decimals);
    draft.post(body);
    draft.addQualification(day, granted, 0, 0);
    if (draft.explain)
      draft.notes.push(
        `earned ${grantedText} points${pending ? (availableAt === null ? ' (pending until the host activates them)' : ` (pending until ${new Date(availableAt).toISOString()})`) : ''}${debtRepaid > 0 ? `, ${formatUnits(debtRepaid, decimals)} of them repaying debt` : ''}`,
      );
  }
  const roundedText = formatUnits(rounded, decimals);
  const earning: { -readonly [K in keyof EarningExplanation]: EarningExplanation[K] } = {
    rules: input.rules,
    campaigns: input.campaigns,
    caps,
    tier: { id: input.tierId, multiplier: input.tierMultiplier },
    rounding: {
      mode: program.roundingMode,
      scope: program.roundingScope,
      exact: shown(draft, exact),
      rounded: roundedText,
    },
    wanted: roundedText,
    granted: grantedText,
    pendingUntil: granted > 0 ? (pending ? availableAt : input.at) : null,
    expiresAt: granted > 0 ? expiresAt : null,
  };
  if (debtRepaid > 0) earning.debtRepaid = formatUnits(debtRepaid, decimals);
  draft.earning = earning;
  return granted;
}

type EarnBody = Extract<PostingBody, { kind: 'earn' }>;

/** The rational in point units (`value × 10^decimals`), normalised to denominator 1 when it is whole. */
function toUnitsIfWhole(value: Ratio, decimals: number): Ratio {
  const n = imul(value.n, pow10(decimals));
  const d = value.d;
  if (typeof n === 'number' && typeof d === 'number' && n % d === 0) return { n: n / d, d: 1 };
  return { n, d };
}

function roundLine(value: Ratio, program: Program): Ratio {
  return ratioOfUnits(roundRatioToUnits(value, program.decimals, program.roundingMode), program.decimals);
}

/** Sums a list of exact line values, rounding each first under `line` rounding. */
function scopedSum(values: readonly Ratio[], factor: Ratio, program: Program): Ratio {
  let sum = RATIO_ZERO;
  if (program.roundingScope === 'line') {
    for (const v of values) sum = ratioAdd(sum, roundLine(ratioMul(v, factor), program));
    return sum;
  }
  for (const v of values) sum = ratioAdd(sum, v);
  return ratioMul(sum, factor);
}

/**
 * Earning of a purchase: evaluates every rule and campaign, posts the earn (pending or not), records order-level
 * usage, hands a referral reward to the referrer, and upgrades the tier when the window qualifies.
 *
 * @example
 * ```ts
 * earnPurchase(draft, event, { segments: [], campaignBudgetUsed: {} });
 * ```
 */
export function earnPurchase(draft: Draft, event: EventOf<'purchase'>, options: EarningOptions): PurchaseAttribution {
  const program = draft.program;
  const decimals = program.decimals;
  const exponent = program.currencyExponent;
  const context = conditionContext(draft, event, options.segments);
  const day = context.day;
  const level = tierLevel(program, draft.tier().current);
  const tierFactor = level?.multiplier ?? RATIO_ONE;
  const lines = purchaseLines(program, event);
  const components: Component[] = [];
  const ruleExplanations: RuleExplanation[] = [];

  // Product / category multipliers that hold for this event.
  const multipliers: { rule: Extract<CompiledRule, { kind: 'multiplier' }>; ok: boolean }[] = [];
  for (const rule of program.rules) {
    if (rule.kind !== 'multiplier') continue;
    const reason = testCondition(rule.condition, context);
    multipliers.push({ rule, ok: reason === undefined });
    ruleExplanations.push(
      reason === undefined
        ? { ruleId: rule.id, kind: rule.kind, matched: true, rate: rule.description }
        : { ruleId: rule.id, kind: rule.kind, matched: false, reason },
    );
  }
  const spendResults: SpendResult[] = [];
  const productBonusByLine: Ratio[] = lines.map(() => RATIO_ZERO);
  for (const rule of program.rules) {
    switch (rule.kind) {
      case 'spend': {
        const reason = testCondition(rule.condition, context);
        if (reason !== undefined) {
          ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason });
          break;
        }
        const limit = limitRoom(draft, usageKey('rule', rule.id), rule.limit, day);
        if (limit.blocked !== undefined) {
          ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason: limit.blocked });
          break;
        }
        const { values, excluded, shipping } = lineValues(program, event, lines, rule.base);
        const allLines = ratioIsZero(shipping)
          ? lines
          : [
              ...lines,
              {
                sku: '(shipping)',
                category: undefined,
                quantity: RATIO_ONE,
                gross: shipping,
                net: shipping,
                tax: undefined,
                share: RATIO_ZERO,
                pseudo: true,
              },
            ];
        const allValues = ratioIsZero(shipping) ? values : [...values, shipping];
        let totalBase = RATIO_ZERO;
        for (const v of allValues) totalBase = ratioAdd(totalBase, v);
        const lineExplanations: BaseLineExplanation[] = [];
        let preTier: Ratio[];
        if (rule.steps !== undefined) {
          const steps = divideRounded(
            imul(totalBase.n, rule.steps.perMinor.d),
            imul(totalBase.d, rule.steps.perMinor.n),
            'floor',
          );
          preTier = [ratio(imul(steps, rule.steps.pointsUnits), pow10(decimals))];
          allLines.forEach((line, i) => {
            if (draft.explain)
              lineExplanations.push(
                lineExplanation(line, excluded[i], allValues[i]!, RATIO_ONE, undefined, RATIO_ZERO, exponent),
              );
          });
        } else {
          preTier = allLines.map((line, i) => {
            const m = lineMultiplier(multipliers, line);
            const points = ratioMul(ratioMul(allValues[i]!, rule.ratePerMinor), m.factor);
            if (draft.explain) {
              lineExplanations.push(
                lineExplanation(
                  line,
                  excluded[i],
                  allValues[i]!,
                  m.factor,
                  m.ruleId,
                  program.roundingScope === 'line' ? roundLine(ratioMul(points, tierFactor), program) : points,
                  exponent,
                ),
              );
            }
            return points;
          });
        }
        const exactBeforeCap = scopedSum(preTier, tierFactor, program);
        const capped = capTo(exactBeforeCap, limit.room, decimals);
        const caps: CapExplanation[] =
          capped === exactBeforeCap
            ? []
            : [
                {
                  cap: 'rule-limit',
                  limit: formatUnits(limit.room ?? 0, decimals),
                  wanted: pointsText(exactBeforeCap),
                  granted: pointsText(capped),
                },
              ];
        const explanation: RuleExplanation & { granted?: string } = {
          ruleId: rule.id,
          kind: rule.kind,
          matched: true,
          base: draft.explain ? ratioToDecimalString({ n: totalBase.n, d: imul(totalBase.d, pow10(exponent)) }) : '',
          rate: rule.description,
          lines: lineExplanations,
          tierMultiplier: level?.multiplierText ?? '1',
          exact: shown(draft, exactBeforeCap),
          wanted: shown(draft, capped),
          caps,
        };
        ruleExplanations.push(explanation);
        spendResults.push({ rule, preTier, values: allValues, explanation });
        components.push({ source: 'rule', id: rule.id, exact: capped, explanation });
        break;
      }
      case 'product-bonus': {
        const reason = testCondition(rule.condition, context);
        if (reason !== undefined) {
          ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason });
          break;
        }
        let points = RATIO_ZERO;
        lines.forEach((line, i) => {
          if (line.pseudo || !matchesProduct(rule, line.sku, line.category)) return;
          const linePoints = rule.perUnit ? ratioMul(rule.points, line.quantity) : rule.points;
          productBonusByLine[i] = ratioAdd(productBonusByLine[i]!, linePoints);
          points = ratioAdd(points, linePoints);
        });
        if (ratioIsZero(points)) {
          ruleExplanations.push({
            ruleId: rule.id,
            kind: rule.kind,
            matched: false,
            reason: 'no matching product in the order',
          });
          break;
        }
        fixedComponent(draft, rule, points, day, components, ruleExplanations);
        break;
      }
      case 'fixed': {
        const reason = testCondition(rule.condition, context);
        if (reason !== undefined) ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason });
        else fixedComponent(draft, rule, ratioOfUnits(rule.pointsUnits, decimals), day, components, ruleExplanations);
        break;
      }
      case 'first-purchase': {
        const reason =
          draft.snapshot.purchaseCount > 0 ? 'not the first purchase' : testCondition(rule.condition, context);
        if (reason !== undefined) ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason });
        else fixedComponent(draft, rule, ratioOfUnits(rule.pointsUnits, decimals), day, components, ruleExplanations);
        break;
      }
      case 'referral': {
        const referrer = draft.snapshot.profile.referredBy;
        const done = draft.usageOf(usageKey('referral', rule.id), 'lifetime', day).times > 0;
        const reason =
          referrer === null
            ? 'member was not referred'
            : done
              ? 'referral already completed'
              : testCondition(rule.condition, context);
        if (reason !== undefined) {
          ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason });
          break;
        }
        draft.addUsage(usageKey('referral', rule.id), 'lifetime', day, 1, 0);
        draft.effects.push({
          memberId: referrer!,
          event: {
            type: 'referral-completed',
            key: `referral:${draft.snapshot.memberId}:${rule.id}`,
            occurredAt: event.occurredAt,
            refereeId: draft.snapshot.memberId,
            ruleId: rule.id,
          },
        });
        if (draft.explain)
          draft.notes.push(`referral completed: ${referrer!} is owed the referrer reward of rule ${rule.id}`);
        if (rule.refereeUnits > 0)
          fixedComponent(draft, rule, ratioOfUnits(rule.refereeUnits, decimals), day, components, ruleExplanations);
        else ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: true, exact: '0', wanted: '0' });
        break;
      }
      case 'streak': {
        const reason = testCondition(rule.condition, context);
        if (reason !== undefined) {
          ruleExplanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason });
          break;
        }
        const mark = draft.rawUsage(usageKey('streak', rule.id));
        const lastAward = mark === undefined ? Number.NEGATIVE_INFINITY : Number(mark.period.slice('day:'.length));
        const from = Math.max(day - rule.withinDays! + 1, lastAward + 1);
        // This purchase is not in the qualification totals yet: add one.
        const count = draft.qualificationSum(from, day, 'orders') + 1;
        if (count < rule.purchases!) {
          ruleExplanations.push({
            ruleId: rule.id,
            kind: rule.kind,
            matched: false,
            reason: `${count} of ${rule.purchases!} purchases within ${rule.withinDays!} days`,
          });
          break;
        }
        if (fixedComponent(draft, rule, ratioOfUnits(rule.pointsUnits, decimals), day, components, ruleExplanations)) {
          draft.setUsage(usageKey('streak', rule.id), {
            period: `day:${day}`,
            times: (mark?.times ?? 0) + 1,
            points: draft.zero,
          });
        }
        break;
      }
      default:
        break;
    }
  }

  const campaigns = campaignComponents(draft, context, spendResults, tierFactor, options, components);
  const granted = grant(draft, {
    at: event.occurredAt,
    components,
    rules: ruleExplanations,
    campaigns,
    tierId: draft.tier().current,
    tierMultiplier: level?.multiplierText ?? '1',
    orderId: event.orderId,
    lineScoped: program.roundingScope === 'line',
  });
  return attribute(program, granted, lines, spendResults, productBonusByLine, components, tierFactor);
}

/** Splits the granted units of a purchase over its lines and the order (see {@link PurchaseAttribution}). */
function attribute(
  program: Program,
  granted: number,
  lines: readonly LineBase[],
  spendResults: readonly SpendResult[],
  productBonusByLine: readonly Ratio[],
  components: readonly Component[],
  tierFactor: Ratio,
): PurchaseAttribution {
  const realLines = lines.length === 1 && lines[0]!.pseudo ? 0 : lines.length;
  if (realLines === 0 || granted === 0)
    return { granted, lineUnits: lines.map(() => 0).slice(0, realLines), orderUnits: granted };
  const weights: Ratio[] = [];
  for (let i = 0; i < realLines; i++) weights.push(productBonusByLine[i]!);
  let order = RATIO_ZERO;
  for (const c of components) {
    if (c.source === 'rule') {
      const kind = program.ruleById.get(c.id)?.kind;
      if (kind === 'product-bonus' || kind === 'spend') continue;
    } else if (program.campaignById.get(c.id)?.multiplier !== undefined) continue;
    order = ratioAdd(order, c.exact);
  }
  for (const s of spendResults) {
    let factor = tierFactor;
    for (const c of components) {
      if (c.source !== 'campaign') continue;
      const campaign = program.campaignById.get(c.id);
      if (
        campaign?.multiplier === undefined ||
        (campaign.appliesTo !== undefined && !campaign.appliesTo.has(s.rule.id))
      )
        continue;
      factor = ratioAdd(factor, ratioMul(tierFactor, ratioSub(campaign.multiplier, RATIO_ONE)));
    }
    if (s.preTier.length === 1 && s.values.length !== 1) {
      // Steps mode: the rule's points follow the lines' bases.
      let total = RATIO_ZERO;
      for (const v of s.values) total = ratioAdd(total, v);
      const points = ratioMul(s.preTier[0]!, factor);
      s.values.forEach((v, i) => {
        const part = ratioIsZero(total) ? RATIO_ZERO : ratioMul(points, ratioDiv(v, total));
        if (i < realLines) weights[i] = ratioAdd(weights[i]!, part);
        else order = ratioAdd(order, part);
      });
      continue;
    }
    s.preTier.forEach((p, i) => {
      const part = ratioMul(p, factor);
      if (i < realLines) weights[i] = ratioAdd(weights[i]!, part);
      else order = ratioAdd(order, part);
    });
  }
  if (realLines === 0) return { granted, lineUnits: [], orderUnits: granted };
  if (realLines === 1 && ratioIsZero(order)) return { granted, lineUnits: [granted], orderUnits: 0 };
  const split = splitUnits(
    granted,
    [...weights, order].map((w) => toUnitsIfWhole(w, program.decimals)),
  );
  return { granted, lineUnits: split.slice(0, realLines), orderUnits: split[realLines] ?? 0 };
}

function lineExplanation(
  line: LineBase,
  excludedBy: 'sku' | 'category' | undefined,
  value: Ratio,
  factor: Ratio,
  ruleId: string | undefined,
  points: Ratio,
  exponent: number,
): BaseLineExplanation {
  const explanation: { -readonly [K in keyof BaseLineExplanation]: BaseLineExplanation[K] } = {
    sku: line.sku,
    eligible: excludedBy === undefined,
    base: ratioToDecimalString({ n: value.n, d: imul(value.d, pow10(exponent)) }),
    multiplier: factor === RATIO_ONE ? '1' : ratioToDecimalString(factor),
    points: ratioToDecimalString(points),
  };
  if (line.category !== undefined) explanation.category = line.category;
  if (excludedBy !== undefined) explanation.excludedBy = excludedBy;
  if (ruleId !== undefined) explanation.multiplierRule = ruleId;
  return explanation;
}

/** Adds a fixed-points component after the rule's limit; returns whether anything was added. */
function fixedComponent(
  draft: Draft,
  rule: CompiledRule,
  points: Ratio,
  day: number,
  components: Component[],
  explanations: RuleExplanation[],
): boolean {
  const decimals = draft.program.decimals;
  const implicitOnce = rule.kind === 'signup' || rule.kind === 'first-purchase';
  const limit = implicitOnce && rule.limit === undefined ? { period: 'lifetime' as const, maxTimes: 1 } : rule.limit;
  const room = limitRoom(draft, usageKey('rule', rule.id), limit, day);
  if (room.blocked !== undefined) {
    explanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason: room.blocked });
    return false;
  }
  const capped = capTo(points, room.room, decimals);
  const explanation: RuleExplanation & { granted?: string } = {
    ruleId: rule.id,
    kind: rule.kind,
    matched: true,
    exact: shown(draft, points),
    wanted: shown(draft, capped),
    caps:
      capped === points
        ? []
        : [
            {
              cap: 'rule-limit',
              limit: formatUnits(room.room ?? 0, decimals),
              wanted: pointsText(points),
              granted: pointsText(capped),
            },
          ],
  };
  explanations.push(explanation);
  components.push({ source: 'rule', id: rule.id, exact: capped, explanation });
  return true;
}

/** Campaign selection (stacking) and their components; returns the explanations. */
/** Campaign order: higher priority first, then id. */
function byRank(a: { readonly campaign: CompiledCampaign }, b: { readonly campaign: CompiledCampaign }): number {
  return b.campaign.priority - a.campaign.priority || (a.campaign.id < b.campaign.id ? -1 : 1);
}

function campaignComponents(
  draft: Draft,
  context: ConditionContext,
  spendResults: readonly SpendResult[],
  tierFactor: Ratio,
  options: EarningOptions,
  components: Component[],
): CampaignExplanation[] {
  const program = draft.program;
  if (program.campaigns.length === 0) return [];
  const decimals = program.decimals;
  const explanations: CampaignExplanation[] = [];
  interface Candidate {
    readonly campaign: CompiledCampaign;
    readonly wanted: Ratio;
    readonly capped: Ratio;
    readonly caps: CapExplanation[];
  }
  const candidates: Candidate[] = [];
  for (const campaign of program.campaigns) {
    if (context.at < campaign.from || context.at >= campaign.to) {
      explanations.push({
        campaignId: campaign.id,
        matched: false,
        applied: false,
        stacking: campaign.stacking,
        reason: 'outside the campaign dates',
      });
      continue;
    }
    const reason = testCondition(campaign.condition, context);
    if (reason !== undefined) {
      explanations.push({
        campaignId: campaign.id,
        matched: false,
        applied: false,
        stacking: campaign.stacking,
        reason,
      });
      continue;
    }
    let wanted = RATIO_ZERO;
    if (campaign.multiplier !== undefined) {
      const extra = ratioSub(campaign.multiplier, RATIO_ONE);
      for (const s of spendResults) {
        if (campaign.appliesTo !== undefined && !campaign.appliesTo.has(s.rule.id)) continue;
        wanted = ratioAdd(wanted, scopedSum(s.preTier, ratioMul(tierFactor, extra), program));
      }
      if (isign(wanted.n) < 0) wanted = RATIO_ZERO;
    } else {
      wanted = ratioOfUnits(campaign.bonusUnits ?? 0, decimals);
    }
    const caps: CapExplanation[] = [];
    let capped = wanted;
    const limit = limitRoom(draft, usageKey('campaign', campaign.id), campaign.limit, context.day);
    if (limit.blocked !== undefined) {
      caps.push({
        cap: 'campaign-times',
        limit: String(campaign.limit?.maxTimes ?? 0),
        wanted: pointsText(wanted),
        granted: '0',
      });
      capped = RATIO_ZERO;
    } else if (limit.room !== undefined) {
      const next = capTo(capped, limit.room, decimals);
      if (next !== capped)
        caps.push({
          cap: 'campaign-limit',
          limit: formatUnits(limit.room, decimals),
          wanted: pointsText(capped),
          granted: pointsText(next),
        });
      capped = next;
    }
    if (campaign.budgetUnits !== undefined) {
      const usedText = options.campaignBudgetUsed[campaign.id];
      const used = usedText === undefined ? 0 : draft.units(usedText);
      const room = Math.max(0, campaign.budgetUnits - used);
      const next = capTo(capped, room, decimals);
      if (next !== capped)
        caps.push({
          cap: 'campaign-budget',
          limit: formatUnits(room, decimals),
          wanted: pointsText(capped),
          granted: pointsText(next),
        });
      capped = next;
    }
    candidates.push({ campaign, wanted, capped, caps });
  }
  // Stacking: an exclusive campaign suppresses all others; otherwise every additive campaign, the best of the
  // best-of group and the highest-priority campaign of the priority group apply.
  const applied = new Map<string, string | undefined>();
  // A lone candidate applies whatever its stacking.
  const exclusive =
    candidates.length <= 1 ? undefined : candidates.filter((c) => c.campaign.stacking === 'exclusive').sort(byRank)[0];
  if (candidates.length <= 1) {
    for (const c of candidates) applied.set(c.campaign.id, undefined);
  } else if (exclusive !== undefined) {
    for (const c of candidates)
      applied.set(
        c.campaign.id,
        c === exclusive ? undefined : `suppressed by exclusive campaign ${exclusive.campaign.id}`,
      );
  } else {
    const bestOf = candidates
      .filter((c) => c.campaign.stacking === 'best-of')
      .sort((a, b) => ratioCompare(b.capped, a.capped) || byRank(a, b))[0];
    const priority = candidates.filter((c) => c.campaign.stacking === 'priority').sort(byRank)[0];
    for (const c of candidates) {
      const s = c.campaign.stacking;
      if (s === 'additive') applied.set(c.campaign.id, undefined);
      else if (s === 'best-of')
        applied.set(c.campaign.id, c === bestOf ? undefined : `best-of: ${bestOf!.campaign.id} gives more`);
      else applied.set(c.campaign.id, c === priority ? undefined : `priority: ${priority!.campaign.id} ranks higher`);
    }
  }
  for (const c of candidates) {
    const reason = applied.get(c.campaign.id);
    const explanation: { -readonly [K in keyof CampaignExplanation]: CampaignExplanation[K] } = {
      campaignId: c.campaign.id,
      matched: true,
      applied: reason === undefined,
      stacking: c.campaign.stacking,
      wanted: shown(draft, c.wanted),
      caps: c.caps,
    };
    if (c.campaign.multiplier === undefined) explanation.bonus = formatUnits(c.campaign.bonusUnits ?? 0, decimals);
    else explanation.factor = c.campaign.factorText ?? ratioToDecimalString(c.campaign.multiplier);
    if (reason !== undefined) {
      explanation.reason = reason;
      explanations.push(explanation);
      continue;
    }
    explanations.push(explanation);
    components.push({ source: 'campaign', id: c.campaign.id, exact: c.capped, explanation });
  }
  return explanations;
}

/**
 * Awards fixed-points rules of one kind for a non-purchase event (signup, custom, referral-completed, birthday):
 * conditions, limits, caps, rounding, posting, tier upgrade.
 *
 * @example
 * ```ts
 * earnFixed(draft, event, (rule) => rule.kind === 'signup', 'signup', { segments: [], campaignBudgetUsed: {} });
 * ```
 */
export function earnFixed(
  draft: Draft,
  event: LoyaltyEvent,
  select: (rule: CompiledRule) => boolean,
  options: EarningOptions,
  at = event.occurredAt,
  eventType: string = event.type,
): number {
  const program = draft.program;
  const context = conditionContext(draft, event, options.segments, at, eventType);
  const components: Component[] = [];
  const explanations: RuleExplanation[] = [];
  for (const rule of program.rules) {
    if (!select(rule)) continue;
    // A referral rule's condition qualifies the referee's purchase; the referrer's reward follows from it.
    const reason = rule.kind === 'referral' ? undefined : testCondition(rule.condition, context);
    if (reason !== undefined) {
      explanations.push({ ruleId: rule.id, kind: rule.kind, matched: false, reason });
      continue;
    }
    const units = rule.kind === 'referral' ? rule.referrerUnits : 'pointsUnits' in rule ? rule.pointsUnits : 0;
    if (units > 0)
      fixedComponent(draft, rule, ratioOfUnits(units, program.decimals), context.day, components, explanations);
  }
  if (explanations.length === 0) return 0;
  const level = tierLevel(program, draft.tier().current);
  const granted = grant(draft, {
    at,
    components,
    rules: explanations,
    campaigns: [],
    tierId: draft.tier().current,
    tierMultiplier: level?.multiplierText ?? '1',
    lineScoped: false,
  });
  if (granted > 0) {
    checkUpgrade(draft, at);
  }
  return granted;
}

/**
 * Birthday awards whose window opens at `windowStart` (scheduled work; once per year per rule).
 *
 * @example
 * ```ts
 * awardBirthday(draft, account.schedule.birthdayAt, options);
 * ```
 */
export function awardBirthday(draft: Draft, windowStart: number, options: EarningOptions): void {
  const program = draft.program;
  const birthDate = draft.snapshot.profile.birthDate;
  if (birthDate === null) return;
  const startDay = localDay(program.zone, windowStart);
  const due: { id: string; year: number }[] = [];
  for (const rule of program.rules) {
    if (rule.kind !== 'birthday') continue;
    const year = new Date((startDay + (rule.daysBefore ?? 0)) * 86_400_000).getUTCFullYear();
    const window = birthdayWindow(birthDate, year, rule.daysBefore ?? 0, rule.daysAfter ?? 0);
    if (window.start !== startDay) continue;
    if (draft.rawUsage(usageKey('birthday', rule.id))?.period === String(year)) continue;
    due.push({ id: rule.id, year });
  }
  if (due.length === 0) return;
  const ids = new Set(due.map((r) => r.id));
  const tick: LoyaltyEvent = { type: 'tick', key: draft.event.key, occurredAt: windowStart };
  const granted = earnFixed(draft, tick, (rule) => ids.has(rule.id), options, windowStart, 'birthday');
  for (const { id, year } of due)
    draft.setUsage(usageKey('birthday', id), { period: String(year), times: 1, points: draft.zero });
  if (granted === 0) draft.notes.push('birthday window opened: no points granted');
}
