/**
 * Survey responses that follow each person's experience: post-purchase surveys (NPS 0-10, CSAT 1-5, aspect ratings
 * 1-5 for productQuality / serviceAttitude / afterSales, sometimes CES) and support surveys after a resolved
 * complaint (CSAT, CES 1-7 where 7 = very easy, service aspects, sometimes NPS), with free-text comments in English or
 * Chinese whose topic and tone match the scores.
 *
 * Scores (N = standard normal noise, e = experience at the response, o = the person's aspect offsets ~ N(0, 0.3²),
 * pen = penalties of complaints opened in the 60 days before, by category):
 *   u_quality = e + o_q + 0.35N − pen_q,  u_service = e + o_s + 0.35N − pen_s,  u_afterSales = e + o_a + 0.35N − pen_a
 *   u = 0.45·u_quality + 0.30·u_service + 0.25·u_afterSales + 0.25N − pen_overall
 *   NPS = round(8.0 + 2.8u) ∈ [0, 10], CSAT = round(4.0 + 1.5u + 0.3N) ∈ [1, 5],
 *   aspect = round(3.7 + 1.4·u_aspect) ∈ [1, 5], CES = round(5.2 + 0.8(u_service + u_afterSales) + 0.4N) ∈ [1, 7].
 *
 * @module
 */
import { MS_PER_DAY, type Rng, type SurveyResponse } from '../core/index.js';
import type { ComplaintEvent, ComplaintSimulation } from './complaints.js';
import { refundTimesOf } from './complaints.js';
import { experienceAt, fadeLengthMs, type ExperienceHistory } from './experience.js';
import { COMMENT_TEMPLATES, fillTemplate, NEUTRAL_COMMENTS, type CommentTopic, type ComplaintCategory } from './feedback-templates.js';
import { sequenceId, syntheticOrderId } from './ids.js';
import type { ResolvedSynthOptions } from './options.js';
import { NAME_CHINESE, type PurchaseSimulation } from './purchases.js';
import { streamFor } from './streams.js';

const CHANNELS: readonly string[] = ['email', 'in-app', 'sms', 'web'];
const CHANNEL_WEIGHTS: readonly number[] = [60, 25, 10, 5];
const RESPONSIVENESS_CONCENTRATION = 4;
const SUPPORT_SURVEY_SHARE = 0.35;
const RECENT_COMPLAINT_MS = 60 * MS_PER_DAY;
const EXTRA_POSITIVE_TOPICS: readonly CommentTopic[] = ['delivery', 'price', 'website'];

const TOPIC_OF_COMPLAINT: Readonly<Record<ComplaintCategory, CommentTopic>> = {
  delivery: 'delivery',
  'product quality': 'product quality',
  billing: 'price',
  'service attitude': 'service attitude',
  returns: 'after-sales',
  website: 'website',
};

const ASPECT_TOPICS: readonly CommentTopic[] = ['product quality', 'service attitude', 'after-sales'];

const clampRound = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));

interface Candidate {
  readonly at: number;
  readonly kind: 'post-purchase' | 'support';
  readonly orderNumber: number;
  readonly complaintId: string;
}

interface Scores {
  readonly u: number;
  readonly aspects: readonly [number, number, number];
  readonly recentCategory: ComplaintCategory | undefined;
}

function latentScores(rng: Rng, history: ExperienceHistory, complaints: readonly ComplaintEvent[], offsets: readonly number[], at: number): Scores {
  const e = experienceAt(history, at);
  let penQuality = 0;
  let penService = 0;
  let penAfterSales = 0;
  let penOverall = 0;
  let recentCategory: ComplaintCategory | undefined;
  for (const complaint of complaints) {
    if (complaint.openedAt > at || at - complaint.openedAt > RECENT_COMPLAINT_MS) continue;
    recentCategory = complaint.category;
    if (complaint.category === 'product quality') penQuality += 0.5;
    else if (complaint.category === 'service attitude') penService += 0.5;
    else if (complaint.category === 'returns') penAfterSales += 0.5;
    else penOverall += 0.3;
  }
  const quality = e + offsets[0]! + 0.35 * rng.normal() - penQuality;
  const service = e + offsets[1]! + 0.35 * rng.normal() - penService;
  const afterSales = e + offsets[2]! + 0.35 * rng.normal() - penAfterSales;
  const u = 0.45 * quality + 0.3 * service + 0.25 * afterSales + 0.25 * rng.normal() - penOverall;
  return { u, aspects: [quality, service, afterSales], recentCategory };
}

function comment(rng: Rng, tone: 'negative' | 'neutral' | 'positive', scores: Scores, language: 'en' | 'zh'): string {
  const [q, s, a] = scores.aspects;
  const lowest = q <= s && q <= a ? 0 : s <= a ? 1 : 2;
  const highest = q >= s && q >= a ? 0 : s >= a ? 1 : 2;
  const negativeTopic = (): CommentTopic =>
    scores.recentCategory !== undefined && rng.uniform() < 0.7
      ? TOPIC_OF_COMPLAINT[scores.recentCategory]
      : rng.uniform() < 0.35
        ? rng.pick(EXTRA_POSITIVE_TOPICS)
        : ASPECT_TOPICS[lowest]!;
  const positiveTopic = (): CommentTopic => (rng.uniform() < 0.35 ? rng.pick(EXTRA_POSITIVE_TOPICS) : ASPECT_TOPICS[highest]!);
  const days = 5 + rng.integer(10);
  const text = (topic: CommentTopic, sentiment: 'positive' | 'negative'): string =>
    fillTemplate(rng.pick(COMMENT_TEMPLATES[topic][sentiment][language]), { days });
  if (tone === 'negative') return text(negativeTopic(), 'negative');
  if (tone === 'positive') return text(positiveTopic(), 'positive');
  if (rng.uniform() < 0.5) return rng.pick(NEUTRAL_COMMENTS[language]);
  const separator = language === 'zh' ? '' : ' ';
  return `${text(positiveTopic(), 'positive')}${separator}${text(negativeTopic(), 'negative')}`;
}

/**
 * Generates the survey responses of every person from the `surveys` stream.
 *
 * @example
 * ```ts
 * const config = resolveSynthOptions({ seed: 1, customers: 100, asOf: '2025-01-01' });
 * const sim = simulatePurchases(config);
 * const ids = canonicalCustomerIds(100);
 * simulateSurveys(sim, config, ids, simulateComplaints(sim, config, ids)).length // ≈ 8 % of orders
 * ```
 */
export function simulateSurveys(
  sim: PurchaseSimulation,
  config: ResolvedSynthOptions,
  customerIds: readonly string[],
  complaints: ComplaintSimulation,
): SurveyResponse[] {
  const rng = streamFor(config.seed, 'surveys');
  const asOf = config.asOf;
  const m = config.surveyResponseRate;
  const out: SurveyResponse[] = [];
  for (let i = 0; i < sim.customers; i++) {
    const responsiveness = m <= 0 ? 0 : m >= 1 ? 1 : rng.beta(RESPONSIVENESS_CONCENTRATION * m, RESPONSIVENESS_CONCENTRATION * (1 - m));
    const offsets = [0.3 * rng.normal(), 0.3 * rng.normal(), 0.3 * rng.normal()];
    const ownComplaints = complaints.perCustomer[i]!;
    const candidates: Candidate[] = [];
    for (let row = sim.rowStart[i]!; row < sim.rowStart[i + 1]!; row++) {
      if (sim.kind[row] !== 0) continue;
      const at = Math.round((sim.occurredAt[row]! + (1 + 9 * rng.uniform()) * MS_PER_DAY) / 1000) * 1000;
      if (rng.uniform() < responsiveness && at <= asOf) {
        candidates.push({ at, kind: 'post-purchase', orderNumber: sim.orderNumber[row]!, complaintId: '' });
      }
    }
    for (const complaint of ownComplaints) {
      const at = Math.round((complaint.resolvedAt + 3 * rng.uniform() * MS_PER_DAY) / 1000) * 1000;
      if (rng.uniform() < SUPPORT_SURVEY_SHARE && at <= asOf) {
        candidates.push({ at, kind: 'support', orderNumber: 0, complaintId: complaint.complaintId });
      }
    }
    if (candidates.length === 0) continue;
    candidates.sort((x, y) => x.at - y.at || (x.kind === y.kind ? 0 : x.kind === 'post-purchase' ? -1 : 1));
    const refundTimes = refundTimesOf(sim, i);
    const history: ExperienceHistory = {
      satisfaction: sim.latent.satisfaction[i]!,
      dropoutAt: sim.latent.dropoutAt[i]!,
      fadeMs: fadeLengthMs(config, sim.latent.dropoutAt[i]!, sim.latent.declineStartAt[i]!),
      refundTimes,
      complaints: ownComplaints,
    };
    const chinese = sim.nameCulture[i] === NAME_CHINESE;
    const customerId = customerIds[i]!;
    for (const candidate of candidates) {
      const scores = latentScores(rng, history, ownComplaints, offsets, candidate.at);
      const [q, s, a] = scores.aspects;
      const aspectScore = (x: number): number => clampRound(3.7 + 1.4 * x, 1, 5);
      const ces = clampRound(5.2 + 0.8 * (s + a) + 0.4 * rng.normal(), 1, 7);
      const csat = clampRound(4.0 + 1.5 * scores.u + 0.3 * rng.normal(), 1, 5);
      const nps = clampRound(8.0 + 2.8 * scores.u, 0, 10);
      const channel = CHANNELS[rng.weightedIndex(CHANNEL_WEIGHTS)]!;
      const language = chinese && rng.uniform() < 0.85 ? 'zh' : 'en';
      const base = { id: sequenceId('S', out.length + 1), customerId, respondedAt: candidate.at, survey: candidate.kind, channel };
      let response: SurveyResponse;
      let tone: 'negative' | 'neutral' | 'positive';
      if (candidate.kind === 'post-purchase') {
        const hadTrouble = refundTimes.some((t) => t <= candidate.at) || ownComplaints.some((c) => c.openedAt <= candidate.at);
        const withAfterSales = hadTrouble || rng.uniform() < 0.4;
        const withCsat = rng.uniform() >= 0.05;
        const withCes = rng.uniform() < 0.5;
        response = {
          ...base,
          nps,
          ...(withCsat ? { csat } : {}),
          ...(withCes ? { ces } : {}),
          aspects: withAfterSales
            ? { productQuality: aspectScore(q), serviceAttitude: aspectScore(s), afterSales: aspectScore(a) }
            : { productQuality: aspectScore(q), serviceAttitude: aspectScore(s) },
          attributes: { orderId: syntheticOrderId(candidate.orderNumber) },
        };
        tone = nps <= 6 ? 'negative' : nps <= 8 ? 'neutral' : 'positive';
      } else {
        const withNps = rng.uniform() < 0.3;
        response = {
          ...base,
          ...(withNps ? { nps } : {}),
          csat,
          ces,
          aspects: { serviceAttitude: aspectScore(s), afterSales: aspectScore(a) },
          attributes: { complaintId: candidate.complaintId },
        };
        tone = csat <= 2 ? 'negative' : csat === 3 ? 'neutral' : 'positive';
      }
      const commentChance = Math.min(1, config.commentRate * (tone === 'neutral' ? 0.7 : 1.2));
      if (rng.uniform() < commentChance) response = { ...response, comment: comment(rng, tone, scores, language) };
      out.push(response);
    }
  }
  return out;
}
