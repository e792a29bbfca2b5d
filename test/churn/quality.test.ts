/**
 * Quality on a synthetic base with ground truth (clientele/synth): BG/NBD purchases with a 60-120-day decline phase
 * before dropout (purchases, spend, engagement and experience fade), satisfaction and complaints driven by experience.
 * Signals are taken 90 days before the base's asOf, so both the truth (who drops out in the next 90 days) and
 * observable labels (who buys again) are known.
 */
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNTH_PARAMETERS, generateCustomerBase } from '../../src/synth/index.js';
import { areaUnderRoc, assessRisk, extractSignals, fitRiskModel, labelLapses, type ChurnData } from '../../src/churn/index.js';

const DAY = 86_400_000;
const END = Date.UTC(2026, 5, 30);
const SCORE_AT = END - 90 * DAY;
const base = generateCustomerBase({ seed: 'churn-quality', customers: 6000, asOf: END });
const records = {
  transactions: base.transactions,
  surveyResponses: base.surveyResponses,
  complaints: base.complaints,
  engagementEvents: base.engagementEvents,
};
// The generator's population parameters stand in for a BG/NBD model fitted by clientele/clv (daily time unit).
const model: ChurnData['model'] = { kind: 'bg-nbd', params: DEFAULT_SYNTH_PARAMETERS.purchaseProcess, timeUnitDays: 1, horizonDays: 90 };
const truth = new Map(base.truth.map((t) => [t.customerId, t]));

/** AUC among customers truly alive at SCORE_AT of "drops out within the next 90 days". */
function truthAuc(scores: ReadonlyMap<string, number>): number {
  const s: number[] = [];
  const y: number[] = [];
  for (const [id, score] of scores) {
    const t = truth.get(id);
    if (t === undefined || !(t.dropoutAt > SCORE_AT)) continue;
    s.push(score);
    y.push(t.dropoutAt <= END ? 1 : 0);
  }
  return areaUnderRoc(s, y);
}

describe('quality on a synthetic base', () => {
  const withModel = extractSignals({ ...records, model }, { asOf: SCORE_AT });
  const risk = assessRisk(withModel);
  const defaultScores = new Map(risk.customers.map((c) => [c.customerId, c.score]));

  it('the default score with a purchase model ranks true dropouts of the next 90 days with AUC of at least 0.75', () => {
    // The bar. Measured (docs/churn.md): 0.755-0.775 over three seeds and two base sizes; the model's dropout
    // risk alone reaches 0.69-0.71, the engagement, satisfaction and complaint signals of the decline phase add the rest.
    const column = withModel.codes.indexOf('model-dropout-risk');
    const dropoutOnly = new Map(withModel.customers.map((c, i) => [c.customerId, withModel.strengths[i * withModel.codes.length + column]!]));
    const modelOnly = truthAuc(dropoutOnly);
    const auc = truthAuc(defaultScores);
    expect(modelOnly).toBeGreaterThan(0.66);
    expect(auc).toBeGreaterThanOrEqual(0.75);
    expect(auc).toBeGreaterThan(modelOnly + 0.03);
  });

  it('weights calibrated on labelled history (who lapsed in an earlier period) rank the later dropouts better still', () => {
    // Labelled history: customers active 270 days before the scoring date and whether they lapsed within 90 days of it
    // (what a host knows of its past, e.g. from closed accounts or a win-back team's records). Out of time: the
    // weights are fitted on that earlier period and judged on the later one.
    const fitAt = SCORE_AT - 270 * DAY;
    const past = extractSignals({ ...records, model }, { asOf: fitAt });
    const labels: Record<string, boolean> = {};
    for (const t of base.truth) if (t.acquiredAt <= fitAt && t.dropoutAt > fitAt) labels[t.customerId] = t.dropoutAt <= fitAt + 90 * DAY;
    const fitted = fitRiskModel(past, labels, { seed: 1 });
    expect(E.isRight(fitted)).toBe(true);
    if (E.isLeft(fitted)) return;
    expect(fitted.right.calibrated.auc).toBeGreaterThan(fitted.right.uncalibrated.auc);
    const calibrated = assessRisk(withModel, { model: fitted.right.model });
    const calibratedAuc = truthAuc(new Map(calibrated.customers.map((c) => [c.customerId, c.score])));
    expect(calibratedAuc).toBeGreaterThan(truthAuc(defaultScores) + 0.01);
  });

  it('without a model, the heuristic score predicts who will not buy in the next 90 days', () => {
    const heuristic = assessRisk(extractSignals(records, { asOf: SCORE_AT }));
    const labels = labelLapses({ transactions: base.transactions }, { asOf: SCORE_AT, horizonDays: 90 });
    const s: number[] = [];
    const y: boolean[] = [];
    for (const c of heuristic.customers) {
      const label = labels[c.customerId];
      if (label === undefined) continue;
      s.push(c.score);
      y.push(label);
    }
    expect(areaUnderRoc(s, y)).toBeGreaterThan(0.75);
  });

  it('calibration on observable lapse labels (final purchase) beats the uncalibrated weights on its own holdout', () => {
    const fitAt = SCORE_AT - 270 * DAY;
    const past = extractSignals({ ...records, model }, { asOf: fitAt });
    const labels = labelLapses({ transactions: base.transactions }, { asOf: fitAt, horizonDays: 90, definition: 'final-purchase', followUpDays: 180 });
    const fitted = fitRiskModel(past, labels, { seed: 1 });
    expect(E.isRight(fitted)).toBe(true);
    if (E.isLeft(fitted)) return;
    expect(fitted.right.calibrated.auc).toBeGreaterThan(fitted.right.uncalibrated.auc);
    expect(fitted.right.calibrated.brierScore).toBeLessThan(fitted.right.uncalibrated.brierScore);
  });
});
