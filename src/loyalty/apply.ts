/**
 * `apply`: fold postings into an account. Pure: the account passed in is never changed; a new one is returned.
 *
 * Postings arrive grouped by event (all postings of one evaluation, the `event` header last). A group whose event
 * key the account already holds is skipped (applying the same event twice is a no-op). Postings that do not fit
 * the account (unknown lot, overdrawn lot, group out of time order, missing header) are a broken invariant and
 * throw: they can only come from a bug or from postings edited by hand.
 *
 * @module
 */
import type {
  Account,
  AccountTotals,
  Allocation,
  Hold,
  Lot,
  LotTerms,
  OrderRecord,
  Payment,
  Posting,
  QualificationDay,
  Schedule,
  TierState,
  UsageCounter,
} from './account.js';
import { searchSorted } from './account.js';
import { formatUnits, unitsOf } from './units.js';

type TotalKey = keyof AccountTotals;
const TOTAL_KEYS: readonly TotalKey[] = [
  'earned',
  'available',
  'pending',
  'held',
  'spent',
  'expired',
  'clawedBack',
  'debt',
];

/** The account totals as numbers, parsed on first use and formatted again only when changed. */
class Totals implements Record<TotalKey, number> {
  private parsed = 0;
  private dirty = 0;
  private readonly values = [0, 0, 0, 0, 0, 0, 0, 0];

  constructor(
    private readonly source: AccountTotals,
    private readonly decimals: number,
  ) {}

  private read(index: number): number {
    const bit = 1 << index;
    if ((this.parsed & bit) === 0) {
      this.values[index] = unitsOf(this.source[TOTAL_KEYS[index]!], this.decimals);
      this.parsed |= bit;
    }
    return this.values[index]!;
  }

  private write(index: number, value: number): void {
    this.values[index] = value;
    this.parsed |= 1 << index;
    this.dirty |= 1 << index;
  }

  get earned(): number {
    return this.read(0);
  }
  set earned(v: number) {
    this.write(0, v);
  }
  get available(): number {
    return this.read(1);
  }
  set available(v: number) {
    this.write(1, v);
  }
  get pending(): number {
    return this.read(2);
  }
  set pending(v: number) {
    this.write(2, v);
  }
  get held(): number {
    return this.read(3);
  }
  set held(v: number) {
    this.write(3, v);
  }
  get spent(): number {
    return this.read(4);
  }
  set spent(v: number) {
    this.write(4, v);
  }
  get expired(): number {
    return this.read(5);
  }
  set expired(v: number) {
    this.write(5, v);
  }
  get clawedBack(): number {
    return this.read(6);
  }
  set clawedBack(v: number) {
    this.write(6, v);
  }
  get debt(): number {
    return this.read(7);
  }
  set debt(v: number) {
    this.write(7, v);
  }

  /** The totals as decimal strings (the original object when nothing changed). */
  result(): AccountTotals {
    if (this.dirty === 0) return this.source;
    const s = this.source;
    const d = this.dirty;
    const v = this.values;
    const dec = this.decimals;
    return {
      earned: (d & 1) === 0 ? s.earned : formatUnits(v[0]!, dec),
      available: (d & 2) === 0 ? s.available : formatUnits(v[1]!, dec),
      pending: (d & 4) === 0 ? s.pending : formatUnits(v[2]!, dec),
      held: (d & 8) === 0 ? s.held : formatUnits(v[3]!, dec),
      spent: (d & 16) === 0 ? s.spent : formatUnits(v[4]!, dec),
      expired: (d & 32) === 0 ? s.expired : formatUnits(v[5]!, dec),
      clawedBack: (d & 64) === 0 ? s.clawedBack : formatUnits(v[6]!, dec),
      debt: (d & 128) === 0 ? s.debt : formatUnits(v[7]!, dec),
    };
  }
}

/**
 * A copy of `items` with `value` inserted at `index`, in one allocation of the final size (a copy followed by a
 * `splice` or `push` would allocate twice: the copy has no spare room).
 */
function copyWithInsert<T>(items: readonly T[], index: number, value: T): T[] {
  const n = items.length;
  // Native copies win for appends and long arrays; a plain loop for short arrays.
  if (index === n) return items.concat([value]);
  if (n > 128) return items.slice(0, index).concat([value], items.slice(index));
  const out = new Array<T>(n + 1);
  for (let i = 0; i < index; i++) out[i] = items[i]!;
  out[index] = value;
  for (let i = index; i < n; i++) out[i + 1] = items[i]!;
  return out;
}

/** The total a lot bucket counts in: remaining points are pending or available. */
function totalOf(bucket: 'remaining' | 'held' | 'spent' | 'expired' | 'clawedBack', pending: boolean): TotalKey {
  return bucket === 'remaining' ? (pending ? 'pending' : 'available') : bucket;
}

class Working {
  readonly decimals: number;
  readonly zero: string;
  lots: Lot[];
  lotsCopied = false;
  lotIndex: Map<string, number> | null = null;
  totals: Totals;
  payments: Payment[] | null = null;
  eventKeys: string[] | null = null;
  lastEventAt: number | null;
  lastActivityAt: number | null;
  purchaseCount: number;
  orders: OrderRecord[] | null = null;
  holds: Hold[] | null = null;
  tier: TierState;
  qualification: QualificationDay[] | null = null;
  usage: Record<string, UsageCounter> | null = null;
  schedule: Schedule;
  profile: Account['profile'];
  /** The earliest due instant among the things this call added or changed. */
  dueCandidate = Number.POSITIVE_INFINITY;
  /** Whether the due instant must be recomputed from scratch (scheduled work ran, so old entries may be gone). */
  recompute = false;

  constructor(readonly account: Account) {
    this.decimals = account.decimals;
    this.zero = formatUnits(0, account.decimals);
    this.lots = account.lots as Lot[];
    this.totals = new Totals(account.totals, account.decimals);
    this.lastEventAt = account.lastEventAt;
    this.lastActivityAt = account.lastActivityAt;
    this.purchaseCount = account.purchaseCount;
    this.tier = account.tier;
    this.schedule = account.schedule;
    this.profile = account.profile;
  }

  units(text: string): number {
    return unitsOf(text, this.decimals);
  }

  format(units: number): string {
    return formatUnits(units, this.decimals);
  }

  /** The position of an event key among the applied keys (`searchSorted`: negative when absent). */
  keyPosition(key: string): number {
    return searchSorted(this.eventKeys ?? this.account.eventKeys, key);
  }

  writableLots(): Lot[] {
    if (!this.lotsCopied) {
      this.lots = this.lots.slice();
      this.lotsCopied = true;
    }
    return this.lots;
  }

  private lookups = 0;

  lotPosition(lotId: string): number {
    if (this.lotIndex === null) {
      // A few lookups scan from the newest lot; many lookups in one call build an index once.
      if (++this.lookups <= 16 || this.lots.length <= 64) {
        for (let i = this.lots.length - 1; i >= 0; i--) if (this.lots[i]!.id === lotId) return i;
        throw new Error(`[clientele] apply: unknown lot ${lotId}`);
      }
      this.lotIndex = new Map();
      for (let i = 0; i < this.lots.length; i++) this.lotIndex.set(this.lots[i]!.id, i);
    }
    const index = this.lotIndex.get(lotId);
    if (index === undefined) throw new Error(`[clientele] apply: unknown lot ${lotId}`);
    return index;
  }

  createLot(id: string, eventKey: string, terms: LotTerms, points: number, repaid: number): void {
    if (repaid > points || repaid < 0) throw new Error(`[clientele] apply: debt repaid ${repaid} outside 0…${points}`);
    if (this.lotIndex !== null) this.lotIndex.set(id, this.lots.length);
    const lot: { -readonly [K in keyof Lot]: Lot[K] } = {
      id,
      source: terms.source,
      eventKey,
      earnedAt: terms.earnedAt,
      pending: terms.pending,
      availableAt: terms.availableAt,
      expiresAt: terms.expiresAt,
      earned: this.format(points),
      remaining: repaid === 0 ? this.format(points) : this.format(points - repaid),
      held: this.zero,
      spent: this.zero,
      expired: this.zero,
      clawedBack: repaid === 0 ? this.zero : this.format(repaid),
    };
    if (terms.orderId !== undefined) lot.orderId = terms.orderId;
    if (this.lotsCopied) this.lots.push(lot);
    else {
      this.lots = copyWithInsert(this.lots, this.lots.length, lot);
      this.lotsCopied = true;
    }
    if (terms.pending) this.noteDue(terms.availableAt);
    this.noteDue(terms.expiresAt);
    const t = this.totals;
    t.earned += points;
    if (terms.pending) t.pending += points - repaid;
    else t.available += points - repaid;
    t.clawedBack += repaid;
    t.debt -= repaid;
    if (t.debt < 0) throw new Error('[clientele] apply: debt repaid beyond the debt');
  }

  /** Moves `amount` of a lot from one bucket to another, keeping the totals in step. */
  move(
    lotId: string,
    amount: number,
    from: 'remaining' | 'held' | 'spent',
    to: 'remaining' | 'held' | 'spent' | 'expired' | 'clawedBack',
  ): void {
    if (amount <= 0) throw new Error(`[clientele] apply: allocation of ${amount} units to ${lotId}`);
    const index = this.lotPosition(lotId);
    const lots = this.writableLots();
    const lot = lots[index]!;
    const source = this.units(lot[from]) - amount;
    if (source < 0)
      throw new Error(`[clientele] apply: lot ${lotId} has not enough ${from} for ${this.format(amount)}`);
    const updated = { ...lot, [from]: this.format(source), [to]: this.format(this.units(lot[to]) + amount) };
    lots[index] = updated;
    const t = this.totals;
    t[totalOf(from, lot.pending)] -= amount;
    t[totalOf(to, lot.pending)] += amount;
    if (to === 'remaining') {
      if (lot.pending) this.noteDue(lot.availableAt);
      this.noteDue(lot.expiresAt);
    }
  }

  allocations(
    allocations: readonly Allocation[],
    total: number,
    postingId: string,
    from: 'remaining' | 'held' | 'spent',
    to: 'remaining' | 'held' | 'spent' | 'expired' | 'clawedBack',
  ): void {
    let sum = 0;
    for (const a of allocations) {
      const amount = this.units(a.points);
      sum += amount;
      this.move(a.lotId, amount, from, to);
    }
    if (sum !== total)
      throw new Error(
        `[clientele] apply: allocations of ${postingId} sum to ${this.format(sum)}, not ${this.format(total)}`,
      );
  }

  writableHolds(): Hold[] {
    this.holds ??= this.account.holds.slice();
    return this.holds;
  }

  removeHold(holdId: string): void {
    const holds = this.writableHolds();
    const index = holds.findIndex((h) => h.holdId === holdId);
    if (index < 0) throw new Error(`[clientele] apply: unknown hold ${holdId}`);
    holds.splice(index, 1);
  }

  applyPosting(p: Posting): void {
    const points = this.units(p.points);
    if (points < 0) throw new Error(`[clientele] apply: negative points in ${p.id}`);
    switch (p.kind) {
      case 'event':
        throw new Error('[clientele] apply: unexpected event header');
      case 'earn':
        this.createLot(p.id, p.eventKey, p.lot, points, p.debtRepaid === undefined ? 0 : this.units(p.debtRepaid));
        return;
      case 'activate': {
        const index = this.lotPosition(p.lotId);
        const lots = this.writableLots();
        const lot = lots[index]!;
        if (!lot.pending) throw new Error(`[clientele] apply: lot ${p.lotId} is not pending`);
        const remaining = this.units(lot.remaining);
        if (remaining !== points)
          throw new Error(`[clientele] apply: activation of ${p.lotId} moves ${p.points}, lot holds ${lot.remaining}`);
        lots[index] = { ...lot, pending: false, availableAt: p.at, expiresAt: p.expiresAt };
        this.noteDue(p.expiresAt);
        this.totals.pending -= remaining;
        this.totals.available += remaining;
        return;
      }
      case 'spend':
        if (p.fromHold !== undefined) {
          this.allocations(p.allocations, points, p.id, 'held', 'spent');
          this.removeHold(p.fromHold);
        } else {
          this.allocations(p.allocations, points, p.id, 'remaining', 'spent');
        }
        if (p.orderId !== undefined) {
          (this.payments ??= this.account.payments.slice()).push({
            postingId: p.id,
            orderId: p.orderId,
            allocations: p.allocations,
            restored: [],
          });
        }
        return;
      case 'hold': {
        this.allocations(p.allocations, points, p.id, 'remaining', 'held');
        const holds = this.writableHolds();
        if (holds.some((h) => h.holdId === p.holdId)) throw new Error(`[clientele] apply: hold ${p.holdId} exists`);
        this.noteDue(p.expiresAt);
        holds.push({
          holdId: p.holdId,
          postingId: p.id,
          at: p.at,
          expiresAt: p.expiresAt,
          points: p.points,
          allocations: p.allocations,
          ...(p.rewardId === undefined ? {} : { rewardId: p.rewardId }),
          ...(p.quantity === undefined ? {} : { quantity: p.quantity }),
          ...(p.orderId === undefined ? {} : { orderId: p.orderId }),
          ...(p.orderAmount === undefined ? {} : { orderAmount: p.orderAmount }),
        });
        return;
      }
      case 'release':
        this.allocations(p.allocations, points, p.id, 'held', 'remaining');
        if (p.reason !== 'capture-remainder') this.removeHold(p.holdId);
        return;
      case 'expire':
        this.allocations(p.allocations, points, p.id, 'remaining', 'expired');
        return;
      case 'clawback':
        this.allocations(
          p.allocations,
          points - this.units(p.debt) - this.units(p.forgiven),
          p.id,
          'remaining',
          'clawedBack',
        );
        this.totals.debt += this.units(p.debt);
        return;
      case 'refund': {
        this.allocations(p.allocations, points, p.id, 'spent', 'remaining');
        const payments = (this.payments ??= this.account.payments.slice());
        const index = payments.findIndex((x) => x.postingId === p.reverses);
        if (index < 0) throw new Error(`[clientele] apply: refund ${p.id} reverses unknown payment ${p.reverses}`);
        const payment = payments[index]!;
        const restored = new Map(payment.restored.map((a) => [a.lotId, this.units(a.points)]));
        for (const a of p.allocations) restored.set(a.lotId, (restored.get(a.lotId) ?? 0) + this.units(a.points));
        payments[index] = {
          ...payment,
          restored: [...restored].map(([lotId, units]) => ({ lotId, points: this.format(units) })),
        };
        return;
      }
      case 'transfer':
      case 'convert':
        if (p.lot !== undefined) this.createLot(p.id, p.eventKey, p.lot, points, 0);
        else this.allocations(p.allocations ?? [], points, p.id, 'remaining', 'spent');
        return;
      case 'adjust':
        if (p.lot !== undefined)
          this.createLot(p.id, p.eventKey, p.lot, points, p.debtRepaid === undefined ? 0 : this.units(p.debtRepaid));
        else this.allocations(p.allocations ?? [], points, p.id, 'remaining', 'clawedBack');
        return;
      case 'tier':
        this.tier = {
          current: p.to,
          since: p.to === this.tier.current ? this.tier.since : p.at,
          baseTier: p.periodStart ? p.to : this.tier.baseTier,
          downgrade: p.downgrade,
        };
        this.noteDue(p.downgrade?.at ?? null);
        return;
    }
  }

  /** Registers an event; `position` is `keyPosition(header.eventKey)`, taken before its postings were applied. */
  applyHeader(header: Extract<Posting, { kind: 'event' }>, position: number): void {
    const record = header.record;
    const keys = this.eventKeys ?? this.account.eventKeys;
    if (position >= 0) throw new Error(`[clientele] apply: event ${header.eventKey} applied twice`);
    if (this.eventKeys === null) this.eventKeys = copyWithInsert(keys, -(position + 1), header.eventKey);
    else this.eventKeys.splice(-(position + 1), 0, header.eventKey);
    this.lastEventAt = this.lastEventAt === null ? header.at : Math.max(this.lastEventAt, header.at);
    if (record.activity) this.lastActivityAt = header.at;
    if (record.purchase === true) this.purchaseCount++;
    this.schedule = record.schedule;
    this.noteDue(record.schedule.tierReviewAt);
    this.noteDue(record.schedule.inactivityExpiresAt);
    this.noteDue(record.schedule.birthdayAt);
    const previous = this.account.nextDueAt;
    if (previous !== null && header.at >= previous) this.recompute = true;
    if (record.order !== undefined) {
      const orders = this.orders ?? this.account.orders;
      const id = record.order.orderId;
      let lo = 0;
      let hi = orders.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (orders[mid]!.orderId < id) lo = mid + 1;
        else hi = mid;
      }
      if (orders[lo]?.orderId === id) {
        const writable = (this.orders ??= orders.slice());
        writable[lo] = record.order;
      } else if (this.orders === null) this.orders = copyWithInsert(orders, lo, record.order);
      else this.orders.splice(lo, 0, record.order);
    }
    if (record.qualification !== undefined) {
      const source = this.qualification ?? this.account.qualification;
      const last = source[source.length - 1];
      const first = record.qualification[0];
      // Usually one entry, for the last day or a new day after it: one allocation of the final size.
      const days =
        this.qualification ??
        (record.qualification.length === 1 && first !== undefined && (last === undefined || last.day < first.day)
          ? copyWithInsert(source, source.length, first)
          : source.slice());
      this.qualification = days;
      for (const entry of record.qualification) {
        let lo = 0;
        let hi = days.length;
        if (days.length > 0 && days[days.length - 1]!.day < entry.day) lo = days.length;
        else {
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (days[mid]!.day < entry.day) lo = mid + 1;
            else hi = mid;
          }
        }
        if (days[lo]?.day === entry.day) days[lo] = entry;
        else days.splice(lo, 0, entry);
      }
    }
    if (record.usage !== undefined) {
      const usage = (this.usage ??= { ...this.account.usage });
      for (const u of record.usage) usage[u.key] = { period: u.period, times: u.times, points: u.points };
    }
    if (record.profile !== undefined) this.profile = { ...this.profile, ...record.profile };
  }

  noteDue(at: number | null): void {
    if (at !== null && at < this.dueCandidate) this.dueCandidate = at;
  }

  /**
   * A lower bound of the earliest due instant: exact after scheduled work ran, otherwise the old bound lowered by
   * whatever this call added (a bound left too low only costs one scheduled-work run that finds nothing).
   */
  nextDue(): number | null {
    if (this.recompute)
      return earliestDue(this.lots, this.holds ?? this.account.holds, this.schedule, this.tier, this.zero);
    const next = Math.min(this.account.nextDueAt ?? Number.POSITIVE_INFINITY, this.dueCandidate);
    return next === Number.POSITIVE_INFINITY ? null : next;
  }

  finish(): Account {
    const a = this.account;
    const totals = this.totals.result();
    return {
      format: a.format,
      memberId: a.memberId,
      programId: a.programId,
      decimals: a.decimals,
      openedAt: a.openedAt,
      profile: this.profile,
      totals,
      lots: this.lots,
      payments: this.payments ?? a.payments,
      eventKeys: this.eventKeys ?? a.eventKeys,
      lastEventAt: this.lastEventAt,
      lastActivityAt: this.lastActivityAt,
      purchaseCount: this.purchaseCount,
      orders: this.orders ?? a.orders,
      holds: this.holds ?? a.holds,
      tier: this.tier,
      qualification: this.qualification ?? a.qualification,
      usage: this.usage ?? a.usage,
      schedule: this.schedule,
      nextDueAt: this.nextDue(),
    };
  }
}

/**
 * The earliest instant at which scheduled work falls due: a pending lot unlocking, a lot expiring, a hold lapsing,
 * a tier review, a scheduled downgrade, the inactivity deadline, a birthday window. `null` when nothing is
 * scheduled.
 *
 * @example
 * ```ts
 * earliestDue(account.lots, account.holds, account.schedule, account.tier, '0') === account.nextDueAt //=> true
 * ```
 */
export function earliestDue(
  lots: readonly Lot[],
  holds: readonly Hold[],
  schedule: Schedule,
  tier: TierState,
  zero: string,
): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const lot of lots) {
    if (lot.remaining === zero) continue;
    if (lot.pending && lot.availableAt !== null && lot.availableAt < next) next = lot.availableAt;
    if (lot.expiresAt !== null && lot.expiresAt < next) next = lot.expiresAt;
  }
  for (const hold of holds) if (hold.expiresAt < next) next = hold.expiresAt;
  if (schedule.tierReviewAt !== null && schedule.tierReviewAt < next) next = schedule.tierReviewAt;
  if (schedule.inactivityExpiresAt !== null && schedule.inactivityExpiresAt < next) next = schedule.inactivityExpiresAt;
  if (schedule.birthdayAt !== null && schedule.birthdayAt < next) next = schedule.birthdayAt;
  if (tier.downgrade !== null && tier.downgrade.at < next) next = tier.downgrade.at;
  return next === Number.POSITIVE_INFINITY ? null : next;
}

/**
 * Folds postings (as returned by `evaluate`, `redeem`, `transfer`...) into an account and returns the new account.
 * Groups of postings whose event key the account already holds are skipped, so re-applying is harmless.
 *
 * @example
 * ```ts
 * const evaluation = evaluate(program, account, purchase, { now });
 * if (E.isRight(evaluation)) account = apply(account, evaluation.right.postings);
 * ```
 */
export function apply(account: Account, postings: readonly Posting[]): Account {
  if (postings.length === 0) return account;
  const working = new Working(account);
  let applied = false;
  let start = 0;
  while (start < postings.length) {
    const key = postings[start]!.eventKey;
    let end = start;
    while (end < postings.length && postings[end]!.kind !== 'event') {
      if (postings[end]!.eventKey !== key)
        throw new Error(`[clientele] apply: postings of event ${key} end without their event header`);
      end++;
    }
    const header = postings[end];
    if (header?.kind !== 'event' || header.eventKey !== key) {
      throw new Error(`[clientele] apply: postings of event ${key} end without their event header`);
    }
    const group = postings.slice(start, end + 1);
    if (header.record.postings !== group.length) {
      throw new Error(
        `[clientele] apply: event ${key} has ${group.length} postings, its header says ${header.record.postings}`,
      );
    }
    start = end + 1;
    const position = working.keyPosition(key);
    if (position >= 0) continue;
    if (working.lastEventAt !== null && header.at < working.lastEventAt) {
      throw new Error(
        `[clientele] apply: event ${key} at ${header.at} is earlier than the account's last event (${working.lastEventAt})`,
      );
    }
    for (let i = 0; i < group.length - 1; i++) working.applyPosting(group[i]!);
    working.applyHeader(header, position);
    applied = true;
  }
  return applied ? working.finish() : account;
}

/**
 * Applies postings that are not closed by an event header (the scheduled work an evaluation does before the event
 * itself), without registering an event. Internal to the engine.
 *
 * @example
 * ```ts
 * const afterHousekeeping = applyUnrecorded(account, housekeepingPostings);
 * ```
 */
export function applyUnrecorded(account: Account, postings: readonly Posting[]): Account {
  if (postings.length === 0) return account;
  const working = new Working(account);
  working.recompute = true;
  for (const p of postings) working.applyPosting(p);
  return working.finish();
}
