/**
 * Scheduled work, done in time order before an event is processed (and by `tick` events): pending points unlock,
 * holds lapse, lots expire, all points expire after inactivity, scheduled downgrades fall due, tiers are reviewed,
 * birthday windows open. Each piece of work is dated when it fell due, not when it was processed, so the ledger is
 * the same whether the host sends daily ticks or not.
 *
 * @module
 */
import type { Allocation, Lot, Schedule } from './account.js';
import type { Draft } from './draft.js';
import { awardBirthday, type EarningOptions } from './earning.js';
import { lotExpiresAt, nextBirthdayWindow, nextTierReview } from './schedule.js';
import { downgradeDue, reviewTier } from './tiers.js';

type DueKind = 'activate' | 'release' | 'expire' | 'inactivity' | 'downgrade' | 'review' | 'birthday';
const PRIORITY: Record<DueKind, number> = {
  activate: 0,
  release: 1,
  expire: 2,
  inactivity: 3,
  downgrade: 4,
  review: 5,
  birthday: 6,
};

interface LotWork {
  readonly at: number;
  readonly kind: 'activate' | 'expire';
  readonly lotId: string;
}

interface LotState {
  remaining: number;
  pending: boolean;
  expiresAt: number | null;
  readonly orderId: string | undefined;
}

function byTime(a: LotWork, b: LotWork): number {
  return a.at - b.at || PRIORITY[a.kind] - PRIORITY[b.kind] || (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0);
}

/** Inserts into a sorted queue. */
function enqueue(queue: LotWork[], work: LotWork): void {
  let lo = 0;
  let hi = queue.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byTime(queue[mid]!, work) <= 0) lo = mid + 1;
    else hi = mid;
  }
  queue.splice(lo, 0, work);
}

/**
 * Runs every piece of scheduled work due at or before `until`, in time order, adding postings to the draft.
 * Lot work (unlocking, expiry) is queued once from a single scan of the lots; the rare account-level work
 * (inactivity, holds, downgrades, reviews, birthdays) is checked between lot work items. Returns the schedule as
 * it stands afterwards.
 *
 * @example
 * ```ts
 * const schedule = runScheduledWork(draft, event.occurredAt, options);
 * ```
 */
export function runScheduledWork(draft: Draft, until: number, options: EarningOptions): Schedule {
  const program = draft.program;
  const zero = draft.zero;
  let schedule: Schedule = draft.snapshot.schedule;
  const queue: LotWork[] = [];
  // The lots as scheduled work changes them, kept locally so that nothing is applied before the event is done.
  // Only lots with work due get a local state up front; others are looked up when a hold or inactivity needs them.
  const lots = new Map<string, LotState>();
  const start = draft.account;
  const stateOf = (lot: Lot): LotState => {
    let state = lots.get(lot.id);
    if (state === undefined) {
      state = {
        remaining: lot.remaining === zero ? 0 : draft.units(lot.remaining),
        pending: lot.pending,
        expiresAt: lot.expiresAt,
        orderId: lot.orderId,
      };
      lots.set(lot.id, state);
    }
    return state;
  };
  for (const lot of start.lots) {
    if (lot.remaining === zero) continue;
    if (lot.pending && lot.availableAt !== null && lot.availableAt <= until) {
      queue.push({ at: lot.availableAt, kind: 'activate', lotId: lot.id });
      stateOf(lot);
    } else if (lot.expiresAt !== null && lot.expiresAt <= until) {
      queue.push({ at: lot.expiresAt, kind: 'expire', lotId: lot.id });
      stateOf(lot);
    }
  }
  queue.sort(byTime);
  const lotById = (id: string): LotState | undefined => {
    const known = lots.get(id);
    if (known !== undefined) return known;
    const lot = start.lots.find((l) => l.id === id);
    return lot === undefined ? undefined : stateOf(lot);
  };
  const holds = start.holds.slice();
  for (let guard = 0; guard < 1_000_000; guard++) {
    // The earliest account-level work.
    let best: { at: number; kind: DueKind } | undefined;
    const consider = (at: number | null, kind: DueKind): void => {
      if (at === null || at > until) return;
      if (best === undefined || at < best.at || (at === best.at && PRIORITY[kind] < PRIORITY[best.kind]))
        best = { at, kind };
    };
    for (const hold of holds) consider(hold.expiresAt, 'release');
    consider(schedule.inactivityExpiresAt, 'inactivity');
    consider(draft.tier().downgrade?.at ?? null, 'downgrade');
    consider(schedule.tierReviewAt, 'review');
    consider(schedule.birthdayAt, 'birthday');
    const next = queue[0];
    const lotFirst =
      next !== undefined &&
      (best === undefined || next.at < best.at || (next.at === best.at && PRIORITY[next.kind] < PRIORITY[best.kind]));
    if (lotFirst) {
      // All lot work of the same kind at the same instant goes into one posting.
      const batch: LotWork[] = [];
      while (queue.length > 0 && queue[0]!.at === next.at && queue[0]!.kind === next.kind) batch.push(queue.shift()!);
      if (next.kind === 'activate') {
        for (const work of batch) {
          const lot = lots.get(work.lotId);
          if (lot === undefined || !lot.pending || lot.remaining === 0) continue;
          const expiresAt =
            lot.expiresAt ?? (program.pending.expiryFrom === 'activation' ? lotExpiresAt(program, work.at) : null);
          const points = draft.format(lot.remaining);
          draft.post({
            kind: 'activate',
            at: work.at,
            points,
            lotId: work.lotId,
            expiresAt,
            ...(lot.orderId === undefined ? {} : { orderId: lot.orderId }),
          });
          if (draft.explain)
            draft.notes.push(
              `${points} pending points of ${lot.orderId === undefined ? work.lotId : `order ${lot.orderId}`} unlocked at ${new Date(work.at).toISOString()}`,
            );
          lot.pending = false;
          lot.expiresAt = expiresAt;
          if (expiresAt !== null && expiresAt <= until)
            enqueue(queue, { at: expiresAt, kind: 'expire', lotId: work.lotId });
        }
      } else {
        const allocations: Allocation[] = [];
        let total = 0;
        for (const work of batch) {
          const lot = lots.get(work.lotId);
          if (lot === undefined || lot.remaining === 0 || lot.expiresAt !== work.at) continue;
          allocations.push({ lotId: work.lotId, points: draft.format(lot.remaining) });
          total += lot.remaining;
          lot.remaining = 0;
        }
        if (total > 0) {
          draft.post({ kind: 'expire', at: next.at, points: draft.format(total), allocations, reason: 'lot' });
          if (draft.explain)
            draft.notes.push(
              `${draft.format(total)} points of ${allocations.length} lot(s) expired at ${new Date(next.at).toISOString()}`,
            );
        }
      }
      continue;
    }
    if (best === undefined) return schedule;
    const { at, kind } = best;
    switch (kind) {
      case 'release':
        for (let h = holds.length - 1; h >= 0; h--) {
          const hold = holds[h]!;
          if (hold.expiresAt !== at) continue;
          holds.splice(h, 1);
          draft.post({
            kind: 'release',
            at,
            points: hold.points,
            holdId: hold.holdId,
            reverses: hold.postingId,
            allocations: hold.allocations,
            reason: 'expired',
          });
          if (draft.explain)
            draft.notes.push(`hold ${hold.holdId} of ${hold.points} points lapsed at ${new Date(at).toISOString()}`);
          for (const a of hold.allocations) {
            const lot = lotById(a.lotId);
            if (lot === undefined) continue;
            lot.remaining += draft.units(a.points);
            // Released points of a lot past its expiry expire now.
            if (lot.expiresAt !== null && lot.expiresAt <= until && !queue.some((w) => w.lotId === a.lotId)) {
              enqueue(queue, { at: Math.max(lot.expiresAt, at), kind: 'expire', lotId: a.lotId });
            }
          }
        }
        break;
      case 'inactivity': {
        const allocations: Allocation[] = [];
        let total = 0;
        const take = (lotId: string, lot: LotState): void => {
          if (lot.remaining === 0) return;
          allocations.push({ lotId, points: draft.format(lot.remaining) });
          total += lot.remaining;
          lot.remaining = 0;
        };
        const known = new Set<string>();
        for (const source of start.lots) {
          known.add(source.id);
          take(source.id, stateOf(source));
        }
        for (const [lotId, lot] of lots) if (!known.has(lotId)) take(lotId, lot);
        if (total > 0) {
          draft.post({ kind: 'expire', at, points: draft.format(total), allocations, reason: 'inactivity' });
          if (draft.explain)
            draft.notes.push(
              `${draft.format(total)} points expired after ${program.inactivityMonths ?? 0} months without activity`,
            );
        }
        queue.length = 0;
        schedule = { ...schedule, inactivityExpiresAt: null };
        break;
      }
      case 'downgrade':
        downgradeDue(draft);
        break;
      case 'review':
        reviewTier(draft, at);
        schedule = { ...schedule, tierReviewAt: nextTierReview(program, draft.snapshot, at) };
        break;
      case 'birthday': {
        const before = draft.postings.length;
        awardBirthday(draft, at, options);
        for (let i = before; i < draft.postings.length; i++) {
          const p = draft.postings[i]!;
          if (p.kind !== 'earn') continue;
          lots.set(p.id, {
            remaining: draft.units(p.points) - (p.debtRepaid === undefined ? 0 : draft.units(p.debtRepaid)),
            pending: p.lot.pending,
            expiresAt: p.lot.expiresAt,
            orderId: undefined,
          });
          // A birthday lot already past its expiry (a late run) expires in turn.
          if (p.lot.expiresAt !== null && p.lot.expiresAt <= until)
            enqueue(queue, { at: p.lot.expiresAt, kind: 'expire', lotId: p.id });
        }
        schedule = { ...schedule, birthdayAt: nextBirthdayWindow(program, draft.snapshot, at) };
        break;
      }
      default:
        break;
    }
  }
  throw new Error('[clientele] scheduled work did not settle');
}
