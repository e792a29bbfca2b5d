/**
 * Complaints: opened after some purchases (more often when the experience is poor, e.g. after refunds or shortly
 * before dropout) and around some refunds, with first-response and resolution times (some never answered or never
 * resolved, some reopened), category, channel, severity, the order concerned and a description in the person's
 * language.
 *
 * Per purchase: P(complaint) = min(0.5, complaintRate · e^{−1.2·(experience − 0.3)}), experience without complaints
 * (see experience.ts). Per refund: 25 % open a `returns` (60 %) or `product quality` (40 %) complaint. Times are
 * log-normal: first response median 3 h (σ 1.2), resolution median 30 h after it (σ 1.3), each reopening adds a
 * median 48 h (σ 1); 3 % are never answered, 6 % never resolved; 10 % are reopened once, 2 % twice.
 *
 * @module
 */
import { MS_PER_DAY, type Complaint, type Rng } from '../core/index.js';
import { baseExperience, fadeLengthMs, type ExperienceHistory } from './experience.js';
import { COMPLAINT_TEXTS, fillTemplate, type ComplaintCategory } from './feedback-templates.js';
import { sequenceId, syntheticOrderId } from './ids.js';
import type { ResolvedSynthOptions } from './options.js';
import { NAME_CHINESE, type PurchaseSimulation } from './purchases.js';
import { streamFor } from './streams.js';

/**
 * One complaint as the experience model sees it.
 *
 * @example
 * ```ts
 * const event: ComplaintEvent = { complaintId: 'K0000001', openedAt: 0, resolvedAt: Infinity, category: 'delivery' };
 * ```
 */
export interface ComplaintEvent {
  /** Id of the complaint record. */
  readonly complaintId: string;
  /** Opening instant. */
  readonly openedAt: number;
  /** Final resolution instant (`Infinity` when never resolved; may lie after `asOf`). */
  readonly resolvedAt: number;
  /** Category. */
  readonly category: ComplaintCategory;
}

/**
 * Complaints of a whole base: the records (observed by `asOf`) and, per person, the events the experience model uses.
 *
 * @example
 * ```ts
 * const { records, perCustomer } = simulateComplaints(sim, config, ids);
 * perCustomer[0]!.length // complaints of the first person
 * ```
 */
export interface ComplaintSimulation {
  /** Complaint records, grouped by person, in opening order. */
  readonly records: Complaint[];
  /** Per person, their complaints opened by `asOf`. */
  readonly perCustomer: readonly (readonly ComplaintEvent[])[];
}

const CATEGORIES: readonly ComplaintCategory[] = ['delivery', 'product quality', 'billing', 'service attitude', 'website', 'returns'];
const CATEGORY_WEIGHTS: readonly number[] = [35, 25, 12, 13, 8, 7];
const CHANNELS: readonly string[] = ['email', 'phone', 'chat', 'store', 'social'];
const CHANNEL_WEIGHTS: readonly number[] = [35, 25, 25, 10, 5];
const REFUND_COMPLAINT_SHARE = 0.25;
const HOUR_MS = 3_600_000;
const NO_COMPLAINTS: readonly ComplaintEvent[] = [];

/**
 * The refund instants of person `i` in a simulation.
 *
 * @example
 * ```ts
 * refundTimesOf(sim, 0) //=> [] or the instants of person 0's refunds
 * ```
 */
export function refundTimesOf(sim: PurchaseSimulation, i: number): number[] {
  const times: number[] = [];
  for (let row = sim.rowStart[i]!; row < sim.rowStart[i + 1]!; row++) if (sim.kind[row] === 1) times.push(sim.occurredAt[row]!);
  return times;
}

function logNormalHours(rng: Rng, medianHours: number, sigma: number): number {
  return Math.max(1 / 60, medianHours * Math.exp(sigma * rng.normal())) * HOUR_MS;
}

const toSecond = (ms: number): number => Math.round(ms / 1000) * 1000;

interface Candidate {
  openedAt: number;
  category: ComplaintCategory;
  row: number;
  experience: number;
}

/**
 * Generates the complaints of every person of a simulation from the `complaints` stream.
 *
 * @example
 * ```ts
 * const config = resolveSynthOptions({ seed: 1, customers: 100, asOf: '2025-01-01' });
 * const sim = simulatePurchases(config);
 * simulateComplaints(sim, config, canonicalCustomerIds(100)).records.length // about 1.5-3 % of orders
 * ```
 */
export function simulateComplaints(sim: PurchaseSimulation, config: ResolvedSynthOptions, customerIds: readonly string[]): ComplaintSimulation {
  const rng = streamFor(config.seed, 'complaints');
  const asOf = config.asOf;
  const records: Complaint[] = [];
  const perCustomer: (readonly ComplaintEvent[])[] = new Array<readonly ComplaintEvent[]>(sim.customers);
  for (let i = 0; i < sim.customers; i++) {
    const history: ExperienceHistory = {
      satisfaction: sim.latent.satisfaction[i]!,
      dropoutAt: sim.latent.dropoutAt[i]!,
      fadeMs: fadeLengthMs(config, sim.latent.dropoutAt[i]!, sim.latent.declineStartAt[i]!),
      refundTimes: refundTimesOf(sim, i),
      complaints: NO_COMPLAINTS,
    };
    const candidates: Candidate[] = [];
    for (let row = sim.rowStart[i]!; row < sim.rowStart[i + 1]!; row++) {
      const at = sim.occurredAt[row]!;
      if (sim.kind[row] === 0) {
        const experience = baseExperience(history, at);
        const probability = Math.min(0.5, config.complaintRate * Math.exp(-1.2 * (experience - 0.3)));
        if (rng.uniform() < probability) {
          const category = CATEGORIES[rng.weightedIndex(CATEGORY_WEIGHTS)]!;
          candidates.push({ openedAt: toSecond(at + (0.5 + 9.5 * rng.uniform()) * MS_PER_DAY), category, row, experience });
        }
      } else if (rng.uniform() < REFUND_COMPLAINT_SHARE) {
        const purchaseRow = sim.refundOf[row]!;
        const category: ComplaintCategory = rng.uniform() < 0.6 ? 'returns' : 'product quality';
        const openedAt = toSecond(Math.max(sim.occurredAt[purchaseRow]!, at - 3 * rng.uniform() * MS_PER_DAY));
        candidates.push({ openedAt, category, row: purchaseRow, experience: baseExperience(history, at) });
      }
    }
    if (candidates.length === 0) {
      perCustomer[i] = NO_COMPLAINTS;
      continue;
    }
    candidates.sort((x, y) => x.openedAt - y.openedAt || x.row - y.row);
    const events: ComplaintEvent[] = [];
    const chinese = sim.nameCulture[i] === NAME_CHINESE;
    for (const candidate of candidates) {
      // Draw every attribute before deciding what is observed, so the stream does not depend on asOf cut-offs.
      const answered = rng.uniform() >= 0.03;
      const firstResponseAt = toSecond(candidate.openedAt + logNormalHours(rng, 3, 1.2));
      const resolvable = answered && rng.uniform() >= 0.06;
      let resolvedAt = toSecond(firstResponseAt + logNormalHours(rng, 30, 1.3));
      const reopenDraw = rng.uniform();
      const reopenCount = reopenDraw < 0.02 ? 2 : reopenDraw < 0.1 ? 1 : 0;
      for (let k = 0; k < reopenCount; k++) resolvedAt = toSecond(resolvedAt + logNormalHours(rng, 48, 1));
      const severityScore = rng.uniform() - 0.3 * candidate.experience;
      const severity = severityScore < 0.45 ? 'low' : severityScore < 0.85 ? 'medium' : severityScore < 1 ? 'high' : 'critical';
      const channel = CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS)]!;
      const language = chinese && rng.uniform() < 0.85 ? 'zh' : 'en';
      const orderId = syntheticOrderId(sim.orderNumber[candidate.row]!);
      const template = rng.pick(COMPLAINT_TEXTS[candidate.category][language]);
      const days = Math.max(1, Math.round((candidate.openedAt - sim.occurredAt[candidate.row]!) / MS_PER_DAY));
      if (candidate.openedAt > asOf) continue;
      const finalResolution = resolvable ? resolvedAt : Number.POSITIVE_INFINITY;
      const complaintId = sequenceId('K', records.length + 1);
      events.push({ complaintId, openedAt: candidate.openedAt, resolvedAt: finalResolution, category: candidate.category });
      const record: Complaint = {
        id: complaintId,
        customerId: customerIds[i]!,
        openedAt: candidate.openedAt,
        category: candidate.category,
        channel,
        severity,
        orderId,
        text: fillTemplate(template, { order: orderId, days }),
      };
      const withTimes: Complaint =
        answered && firstResponseAt <= asOf
          ? finalResolution <= asOf
            ? { ...record, firstResponseAt, resolvedAt: finalResolution, reopenCount }
            : { ...record, firstResponseAt }
          : record;
      records.push(withTimes);
    }
    perCustomer[i] = events.length === 0 ? NO_COMPLAINTS : events;
  }
  return { records, perCustomer };
}
