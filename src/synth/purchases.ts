/**
 * The purchase process: per person latent parameters, BG/NBD purchases with Gamma-Gamma order values, refunds, and
 * the true dropout time, written straight into growable typed arrays (no per-row objects, dates or strings). Both
 * the record form and the columnar form are built from this one simulation, so they always hold the same rows.
 *
 * Per person, in this order, from the `purchases` stream: country, name culture, λ ~ Gamma(r, α) per day,
 * p ~ Beta(a, b), ν ~ Gamma(q, γ), latent satisfaction, refund propensity, preferred shopping hour, acquisition time
 * (uniform over the window). The first purchase happens at acquisition; repeat purchases follow at Exponential(λ)
 * gaps; after each repeat purchase the person drops out with probability p. Purchases are re-timed within their
 * local calendar day to the person's shopping hour (the day, and so the process, is unchanged).
 *
 * Decline phase (unless `declinePhase: false`), from the separate `decline` stream so that the process above is
 * drawn exactly as without it: per person a phase length D ~ Uniform(minDays, maxDays) ending at the dropout time;
 * each purchase at time t inside the phase (x = (t − start)/D) is kept with probability purchaseRateFloor^x (an
 * independent thinning, so the purchase rate decays exponentially from λ to purchaseRateFloor·λ: a constant share
 * lost per day) and its value is multiplied by spendFloor^x (a refund of it shrinks in proportion; a refund of a
 * removed purchase goes with it). The first purchase (acquisition) is always kept.
 *
 * @module
 */
import { currencyExponent, MS_PER_DAY, type Rng } from '../core/index.js';
import { COUNTRIES, COUNTRY_CUMULATIVE_WEIGHTS } from './locales.js';
import { indexOfCumulative } from './catalog.js';
import { expectedPurchaseStatistics } from './expected.js';
import type { DeclinePhaseParameters, ResolvedSynthOptions } from './options.js';
import { streamFor } from './streams.js';
import type { LatentColumns } from './types.js';

/** Name culture of a person: 0 Latin-script names of the country, 1 Chinese, 2 Japanese. */
export const NAME_LATIN = 0;
/** Chinese names (see {@link NAME_LATIN}). */
export const NAME_CHINESE = 1;
/** Japanese names (see {@link NAME_LATIN}). */
export const NAME_JAPANESE = 2;

/**
 * The simulated purchase history of a whole base: transaction rows grouped by person (persons in index order, rows
 * in time order within a person) plus the latent per-person truth.
 *
 * @example
 * ```ts
 * const sim = simulatePurchases(resolveSynthOptions({ seed: 1, customers: 100, asOf: '2025-01-01' }));
 * sim.rowStart[1]! - sim.rowStart[0]! // rows of the first person
 * ```
 */
export interface PurchaseSimulation {
  /** Number of persons. */
  readonly customers: number;
  /** Number of transaction rows (purchases and refunds observed by `asOf`). */
  readonly rows: number;
  /** Person index of each row. */
  readonly customerIndex: Uint32Array;
  /** Instant (epoch ms, whole seconds) of each row. */
  readonly occurredAt: Float64Array;
  /** UTC day number of each row. */
  readonly day: Int32Array;
  /** Amount of each row in major units (rounded to the currency's minor unit). */
  readonly amount: Float64Array;
  /** 0 purchase, 1 refund. */
  readonly kind: Uint8Array;
  /** Order number of each row (a refund carries its purchase's order number). */
  readonly orderNumber: Uint32Array;
  /** Row of the refunded purchase for refunds, −1 for purchases. */
  readonly refundOf: Int32Array;
  /** Rows of person i are `rowStart[i]` to `rowStart[i + 1] − 1`. */
  readonly rowStart: Uint32Array;
  /** Latent truth per person. */
  readonly latent: LatentColumns;
  /** Index into {@link COUNTRIES} per person. */
  readonly country: Uint8Array;
  /** Name culture per person ({@link NAME_LATIN}, {@link NAME_CHINESE}, {@link NAME_JAPANESE}). */
  readonly nameCulture: Uint8Array;
}

/** Latest dropout instant reported: `asOf` + 100 years stands for "never within any horizon of interest". */
const DROPOUT_HORIZON_DAYS = 36_500;
/** Concentration of the per-person refund propensity Beta(κm, κ(1−m)). */
const REFUND_CONCENTRATION = 8;
/** Share of persons in Latin-script countries with Chinese names. */
const CHINESE_DIASPORA_SHARE = 0.03;

/**
 * Latent satisfaction in [−1, 1]: tanh(0.35 + 0.7·z − 1.5·(p − E[p])), z ~ N(0, 1): people likely to drop out
 * are a little less satisfied on average.
 *
 * @example
 * ```ts
 * latentSatisfaction(0, 0.14, 0.14) //≈ 0.336
 * ```
 */
export function latentSatisfaction(z: number, dropoutProbability: number, meanDropoutProbability: number): number {
  return Math.tanh(0.35 + 0.7 * z - 1.5 * (dropoutProbability - meanDropoutProbability));
}

function preferredHour(rng: Rng): number {
  const u = rng.uniform();
  const centre = u < 0.5 ? 20.5 : u < 0.75 ? 12.5 : u < 0.9 ? 9 : 23;
  return centre + 0.7 * rng.normal();
}

interface Buffers {
  customerIndex: Uint32Array;
  occurredAt: Float64Array;
  amount: Float64Array;
  kind: Uint8Array;
  orderNumber: Uint32Array;
  refundOf: Int32Array;
}

function allocate(capacity: number): Buffers {
  return {
    customerIndex: new Uint32Array(capacity),
    occurredAt: new Float64Array(capacity),
    amount: new Float64Array(capacity),
    kind: new Uint8Array(capacity),
    orderNumber: new Uint32Array(capacity),
    refundOf: new Int32Array(capacity),
  };
}

function grow(old: Buffers, used: number, needed: number): Buffers {
  const next = allocate(Math.max(needed, Math.ceil(old.amount.length * 1.5) + 1024));
  next.customerIndex.set(old.customerIndex.subarray(0, used));
  next.occurredAt.set(old.occurredAt.subarray(0, used));
  next.amount.set(old.amount.subarray(0, used));
  next.kind.set(old.kind.subarray(0, used));
  next.orderNumber.set(old.orderNumber.subarray(0, used));
  next.refundOf.set(old.refundOf.subarray(0, used));
  return next;
}

/** Per-person scratch rows, reused across persons. */
class Scratch {
  time = new Float64Array(64);
  minor = new Float64Array(64);
  kind = new Uint8Array(64);
  ref = new Int32Array(64);
  order = new Int32Array(64);
  global = new Int32Array(64);
  orderNo = new Uint32Array(64);
  /** Value of each row before the decline phase (scratch space of decline()). */
  before = new Float64Array(64);
  count = 0;

  push(time: number, minor: number, kind: number, ref: number): number {
    if (this.count === this.time.length) this.enlarge();
    const i = this.count++;
    this.time[i] = time;
    this.minor[i] = minor;
    this.kind[i] = kind;
    this.ref[i] = ref;
    return i;
  }

  private enlarge(): void {
    const size = this.time.length * 2;
    const copy = <T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.time = copy(this.time, (n) => new Float64Array(n));
    this.minor = copy(this.minor, (n) => new Float64Array(n));
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.ref = copy(this.ref, (n) => new Int32Array(n));
    this.order = new Int32Array(size);
    this.global = new Int32Array(size);
    this.orderNo = new Uint32Array(size);
    this.before = new Float64Array(size);
  }

  /**
   * Applies the decline phase [start, end] to the rows (insertion order: each refund after its purchase): thins the
   * purchases inside it (never the earliest, the acquisition), shrinks the kept ones and their refunds, drops the refunds
   * of removed purchases, and compacts the rows. Uses `order` as scratch space (sort() rewrites it).
   */
  decline(rng: Rng, phase: DeclinePhaseParameters, start: number, end: number): void {
    const { time, minor, kind, ref, before } = this;
    const moved = this.order;
    const length = end - start;
    // The acquisition is the earliest purchase (re-timing within a day can put a later-drawn purchase first).
    let first = 0;
    for (let i = 1; i < this.count; i++) if (kind[i] === 0 && time[i]! < time[first]!) first = i;
    let w = 0;
    for (let i = 0; i < this.count; i++) {
      let value = minor[i]!;
      before[i] = value;
      if (kind[i] === 0) {
        if (i !== first && time[i]! > start) {
          const x = length > 0 ? Math.min(1, (time[i]! - start) / length) : 1;
          if (rng.uniform() >= Math.pow(phase.purchaseRateFloor, x)) {
            moved[i] = -1;
            continue;
          }
          value = Math.max(1, Math.round(value * Math.pow(phase.spendFloor, x)));
        }
      } else {
        const purchase = ref[i]!;
        const target = moved[purchase]!;
        if (target < 0) {
          moved[i] = -1;
          continue;
        }
        const original = before[purchase]!;
        const after = minor[target]!;
        if (after !== original) {
          value = value >= original || after < 2 ? after : Math.min(after - 1, Math.max(1, Math.round((value * after) / original)));
        }
      }
      moved[i] = w;
      time[w] = time[i]!;
      ref[w] = kind[i] === 0 ? -1 : moved[ref[i]!]!;
      kind[w] = kind[i]!;
      minor[w] = value;
      w++;
    }
    this.count = w;
  }

  /** Sorts row positions by (time, purchase before refund, insertion order) into `order` (insertion sort). */
  sort(): void {
    const { time, kind, order } = this;
    for (let i = 0; i < this.count; i++) {
      let j = i - 1;
      while (j >= 0) {
        const o = order[j]!;
        const later = time[o]! > time[i]! || (time[o] === time[i] && (kind[o]! > kind[i]! || (kind[o] === kind[i] && o > i)));
        if (!later) break;
        order[j + 1] = o;
        j--;
      }
      order[j + 1] = i;
    }
  }
}

/** What recording one purchase needs to know about the person. */
interface PersonProcess {
  readonly rng: Rng;
  readonly scratch: Scratch;
  readonly asOf: number;
  readonly offsetMs: number;
  readonly hourCentre: number;
  readonly nu: number;
  readonly spendShape: number;
  readonly minor: number;
  readonly refundP: number;
  readonly partialShare: number;
}

/**
 * Records a purchase at process time `processTime`: re-timed to the person's shopping hour within the same local day
 * (kept as is, to the second, if that would pass `asOf`), a Gamma(p, ν) order value in minor units, and maybe a refund
 * 1 + Exponential(mean 7) days later (observed only by `asOf`), partial with probability `partialShare`.
 */
function addPurchase(person: PersonProcess, processTime: number): void {
  const { rng, scratch, asOf, offsetMs, minor } = person;
  const localDay = Math.floor((processTime + offsetMs) / MS_PER_DAY);
  let hour = (person.hourCentre + 1.5 * rng.normal()) % 24;
  if (hour < 0) hour += 24;
  const moved = localDay * MS_PER_DAY + Math.round(hour * 3600) * 1000 - offsetMs;
  const at = moved <= asOf ? moved : Math.floor(processTime / 1000) * 1000;
  const amountMinor = Math.max(1, Math.round(rng.gamma(person.spendShape, person.nu) * minor));
  const index = scratch.push(at, amountMinor, 0, -1);
  if (person.refundP > 0 && rng.uniform() < person.refundP) {
    const refundAt = at + Math.round((1 + rng.exponential(1 / 7)) * 86_400) * 1000;
    const partial = amountMinor >= 2 && rng.uniform() < person.partialShare;
    const refundMinor = partial ? Math.min(amountMinor - 1, Math.max(1, Math.round(amountMinor * (0.15 + 0.7 * rng.uniform())))) : amountMinor;
    if (refundAt <= asOf) scratch.push(refundAt, refundMinor, 1, index);
  }
}

/**
 * Runs the purchase process for every person of a base.
 *
 * @example
 * ```ts
 * const sim = simulatePurchases(resolveSynthOptions({ seed: 'x', customers: 1000, asOf: '2025-01-01' }));
 * sim.rows / sim.customers //≈ 10.4 (purchases and refunds)
 * ```
 */
export function simulatePurchases(config: ResolvedSynthOptions): PurchaseSimulation {
  const rng = streamFor(config.seed, 'purchases');
  const declinePhase = config.declinePhase;
  const declineRng = declinePhase === false ? undefined : streamFor(config.seed, 'decline');
  const n = config.customers;
  const asOf = config.asOf;
  const windowMs = config.acquisitionWindowDays * MS_PER_DAY;
  const { r, alpha, a, b } = config.purchaseProcess;
  const spend = config.spend;
  const minor = 10 ** currencyExponent(config.currency);
  const meanP = a / (a + b);
  const refundMean = config.refundRate;
  const partialShare = config.partialRefundShare;
  const horizon = asOf + DROPOUT_HORIZON_DAYS * MS_PER_DAY;

  const expected = expectedPurchaseStatistics(config.purchaseProcess, config.acquisitionWindowDays).purchasesPerCustomer;
  const perPerson = Number.isFinite(expected) ? Math.min(expected, 1000) : 16;
  let buffers = allocate(Math.min(2 ** 28, Math.ceil(n * perPerson * (1 + refundMean) * 1.1) + 1024));
  let rows = 0;
  let orderCounter = 0;
  const rowStart = new Uint32Array(n + 1);
  const acquiredAt = new Float64Array(n);
  const dropoutAt = new Float64Array(n);
  const declineStartAt = new Float64Array(n);
  const purchaseRatePerDay = new Float64Array(n);
  const dropoutProbability = new Float64Array(n);
  const meanSpend = new Float64Array(n);
  const satisfaction = new Float64Array(n);
  const alive = new Uint8Array(n);
  const country = new Uint8Array(n);
  const nameCulture = new Uint8Array(n);
  const scratch = new Scratch();

  for (let i = 0; i < n; i++) {
    const c = indexOfCumulative(COUNTRY_CUMULATIVE_WEIGHTS, rng.uniform());
    const countryData = COUNTRIES[c]!;
    const diaspora = rng.uniform() < CHINESE_DIASPORA_SHARE;
    const culture = countryData.script === 'zh' || (countryData.script === 'latin' && diaspora) ? NAME_CHINESE : countryData.script === 'ja' ? NAME_JAPANESE : NAME_LATIN;
    const offsetMs = countryData.utcOffsetHours * 3_600_000;
    const lambda = rng.gamma(r, alpha);
    const p = rng.beta(a, b);
    const nu = rng.gamma(spend.q, spend.gamma);
    const sat = latentSatisfaction(rng.normal(), p, meanP);
    const refundP =
      refundMean <= 0 ? 0 : refundMean >= 1 ? 1 : rng.beta(REFUND_CONCENTRATION * refundMean, REFUND_CONCENTRATION * (1 - refundMean));
    const hourCentre = preferredHour(rng);

    const person: PersonProcess = { rng, scratch, asOf, offsetMs, hourCentre, nu, spendShape: spend.p, minor, refundP, partialShare };
    scratch.count = 0;
    let t = asOf - rng.uniform() * windowMs;
    addPurchase(person, t);
    let droppedAtPurchase = false;
    let dropout = horizon;
    if (lambda > 0 && Number.isFinite(lambda)) {
      for (;;) {
        t += rng.exponential(lambda) * MS_PER_DAY;
        if (t > asOf) {
          // Alive at asOf: only the dropout time is needed now. Dropout comes at this purchase with probability p,
          // otherwise after K ~ 1 + Geometric(p) further purchases, i.e. a Gamma(K, λ) time later.
          if (!(p > 0)) dropout = horizon;
          else if (rng.uniform() < p) dropout = Math.ceil(t);
          else dropout = Math.ceil(t + rng.gamma(1 + rng.geometric(p), lambda) * MS_PER_DAY);
          break;
        }
        addPurchase(person, t);
        if (rng.uniform() < p) {
          droppedAtPurchase = true;
          break;
        }
      }
    }

    let dropoutTime = Math.min(dropout, horizon);
    if (droppedAtPurchase) {
      dropoutTime = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < scratch.count; k++) if (scratch.kind[k] === 0 && scratch.time[k]! > dropoutTime) dropoutTime = scratch.time[k]!;
    }
    let declineStart = dropoutTime;
    if (declineRng !== undefined && declinePhase !== false) {
      const days = declinePhase.minDays + (declinePhase.maxDays - declinePhase.minDays) * declineRng.uniform();
      declineStart = dropoutTime - days * MS_PER_DAY;
      if (declineStart < asOf) scratch.decline(declineRng, declinePhase, declineStart, dropoutTime);
    }

    scratch.sort();
    const order = scratch.order;
    const count = scratch.count;
    if (rows + count > buffers.amount.length) buffers = grow(buffers, rows, rows + count);
    let firstPurchase = Number.POSITIVE_INFINITY;
    for (let k = 0; k < count; k++) {
      const local = order[k]!;
      scratch.global[local] = rows + k;
      if (scratch.kind[local] === 0) {
        scratch.orderNo[local] = ++orderCounter;
        const at = scratch.time[local]!;
        if (at < firstPurchase) firstPurchase = at;
      }
    }
    for (let k = 0; k < count; k++) {
      const local = order[k]!;
      const row = rows + k;
      const isRefund = scratch.kind[local] === 1;
      buffers.customerIndex[row] = i;
      buffers.occurredAt[row] = scratch.time[local]!;
      buffers.amount[row] = scratch.minor[local]! / minor;
      buffers.kind[row] = isRefund ? 1 : 0;
      const purchaseLocal = isRefund ? scratch.ref[local]! : local;
      buffers.orderNumber[row] = scratch.orderNo[purchaseLocal]!;
      buffers.refundOf[row] = isRefund ? scratch.global[purchaseLocal]! : -1;
    }
    rows += count;
    rowStart[i + 1] = rows;

    acquiredAt[i] = firstPurchase;
    dropoutAt[i] = dropoutTime;
    declineStartAt[i] = declineStart;
    alive[i] = dropoutTime > asOf ? 1 : 0;
    purchaseRatePerDay[i] = lambda;
    dropoutProbability[i] = p;
    meanSpend[i] = spend.p / nu;
    satisfaction[i] = sat;
    country[i] = c;
    nameCulture[i] = culture;
  }

  const occurredAt = buffers.occurredAt.slice(0, rows);
  const day = new Int32Array(rows);
  for (let k = 0; k < rows; k++) day[k] = Math.floor(occurredAt[k]! / MS_PER_DAY);
  return {
    customers: n,
    rows,
    customerIndex: buffers.customerIndex.slice(0, rows),
    occurredAt,
    day,
    amount: buffers.amount.slice(0, rows),
    kind: buffers.kind.slice(0, rows),
    orderNumber: buffers.orderNumber.slice(0, rows),
    refundOf: buffers.refundOf.slice(0, rows),
    rowStart,
    latent: { acquiredAt, dropoutAt, declineStartAt, alive, purchaseRatePerDay, dropoutProbability, meanSpend, satisfaction },
    country,
    nameCulture,
  };
}
