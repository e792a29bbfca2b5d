import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../src/core/index.js';
import { COMMENT_TEMPLATES, NEUTRAL_COMMENTS } from '../../src/synth/feedback-templates.js';
import { DAY, mean, sharedBase } from './fixtures.js';

describe('survey responses', () => {
  const base = sharedBase();
  const truth = new Map(base.truth.map((t) => [t.customerId, t]));
  const npsOf = (rs: readonly SurveyResponse[]): number[] => rs.filter((r) => r.nps !== undefined).map((r) => r.nps!);

  it('use the scales NPS 0-10, CSAT 1-5, CES 1-7 and aspects 1-5 in whole numbers', () => {
    const bad = base.surveyResponses.filter((r) => {
      const inScale = (x: number | undefined, lo: number, hi: number): boolean => x === undefined || (Number.isInteger(x) && x >= lo && x <= hi);
      const aspects = Object.entries(r.aspects ?? {});
      return (
        !inScale(r.nps, 0, 10) ||
        !inScale(r.csat, 1, 5) ||
        !inScale(r.ces, 1, 7) ||
        aspects.some(([key, v]) => !['productQuality', 'serviceAttitude', 'afterSales'].includes(key) || !inScale(v, 1, 5))
      );
    });
    expect(bad).toEqual([]);
    const kinds = new Set(base.surveyResponses.map((r) => r.survey));
    expect([...kinds].sort()).toEqual(['post-purchase', 'support']);
    expect(base.surveyResponses.every((r) => r.survey !== 'post-purchase' || (r.nps !== undefined && r.aspects?.productQuality !== undefined))).toBe(true);
    expect(base.surveyResponses.every((r) => r.survey !== 'support' || (r.csat !== undefined && r.ces !== undefined))).toBe(true);
  });

  it('give a plausible NPS (promoters ≈ 45 %, detractors ≈ 20 %)', () => {
    const scores = npsOf(base.surveyResponses);
    const promoters = scores.filter((s) => s >= 9).length / scores.length;
    const detractors = scores.filter((s) => s <= 6).length / scores.length;
    expect(promoters).toBeGreaterThan(0.35);
    expect(promoters).toBeLessThan(0.6);
    expect(detractors).toBeGreaterThan(0.12);
    expect(detractors).toBeLessThan(0.32);
  });

  it('follow the latent satisfaction', () => {
    const low = npsOf(base.surveyResponses.filter((r) => truth.get(r.customerId!)!.satisfaction < 0));
    const high = npsOf(base.surveyResponses.filter((r) => truth.get(r.customerId!)!.satisfaction > 0.5));
    expect(mean(low)).toBeLessThan(mean(high) - 1.5);
  });

  it('are lower after a complaint or a refund and in the weeks before dropout', () => {
    const complaintsBy = new Map<string, number[]>();
    for (const c of base.complaints) complaintsBy.set(c.customerId, [...(complaintsBy.get(c.customerId) ?? []), c.openedAt]);
    const refundsBy = new Map<string, number[]>();
    for (const t of base.transactions) if (t.kind === 'refund') refundsBy.set(t.customerId, [...(refundsBy.get(t.customerId) ?? []), t.occurredAt]);
    const recent = (times: readonly number[] | undefined, at: number): boolean => (times ?? []).some((t) => t <= at && at - t < 30 * DAY);
    const post = base.surveyResponses.filter((r) => r.survey === 'post-purchase');
    const afterTrouble = npsOf(post.filter((r) => recent(complaintsBy.get(r.customerId!), r.respondedAt) || recent(refundsBy.get(r.customerId!), r.respondedAt)));
    const untroubled = npsOf(post.filter((r) => !(complaintsBy.get(r.customerId!) ?? []).some((t) => t <= r.respondedAt) && !(refundsBy.get(r.customerId!) ?? []).some((t) => t <= r.respondedAt)));
    expect(afterTrouble.length).toBeGreaterThan(30);
    expect(mean(afterTrouble)).toBeLessThan(mean(untroubled) - 0.7);
    const nearDropout = npsOf(post.filter((r) => {
      const d = truth.get(r.customerId!)!.dropoutAt - r.respondedAt;
      return d >= -30 * DAY && d <= 30 * DAY;
    }));
    expect(mean(nearDropout)).toBeLessThan(mean(untroubled) - 0.5);
  });

  it('drive the overall score by the aspects (product quality weighs most)', () => {
    const rows = base.surveyResponses.filter((r) => r.survey === 'post-purchase' && r.aspects?.afterSales !== undefined);
    const corr = (xs: number[], ys: number[]): number => {
      const mx = mean(xs);
      const my = mean(ys);
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      xs.forEach((x, i) => {
        sxy += (x - mx) * (ys[i]! - my);
        sxx += (x - mx) ** 2;
        syy += (ys[i]! - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    const nps = rows.map((r) => r.nps!);
    const quality = corr(rows.map((r) => r.aspects!.productQuality!), nps);
    const afterSales = corr(rows.map((r) => r.aspects!.afterSales!), nps);
    expect(quality).toBeGreaterThan(0.5);
    expect(quality).toBeGreaterThan(afterSales);
  });

  it('carry comments in English and Chinese whose tone matches the score', () => {
    const commented = base.surveyResponses.filter((r) => r.comment !== undefined);
    expect(commented.length / base.surveyResponses.length).toBeGreaterThan(0.3);
    const chinese = commented.filter((r) => /[\u4e00-\u9fff]/.test(r.comment!));
    expect(chinese.length / commented.length).toBeGreaterThan(0.05);
    expect(chinese.length / commented.length).toBeLessThan(0.2);
    const texts = (tone: 'positive' | 'negative'): string[] =>
      Object.values(COMMENT_TEMPLATES).flatMap((t) => [...t[tone].en, ...t[tone].zh]).map((s) => s.replace('{days}', ''));
    const starts = (comment: string, list: readonly string[]): boolean => list.some((t) => comment.startsWith(t.split('{')[0]!.slice(0, 12)));
    const positives = commented.filter((r) => r.survey === 'post-purchase' && starts(r.comment!, texts('positive')) && !starts(r.comment!, texts('negative')));
    const negatives = commented.filter((r) => r.survey === 'post-purchase' && starts(r.comment!, texts('negative')));
    expect(mean(npsOf(negatives))).toBeLessThan(6.5);
    expect(mean(npsOf(positives))).toBeGreaterThan(7.5);
    expect(commented.every((r) => !r.comment!.includes('{'))).toBe(true);
    const neutral = new Set([...NEUTRAL_COMMENTS.en, ...NEUTRAL_COMMENTS.zh]);
    expect(commented.some((r) => neutral.has(r.comment!))).toBe(true);
  });

  it('link to the order or the complaint they are about', () => {
    const orders = new Set(base.transactions.map((t) => t.orderId));
    const complaints = new Set(base.complaints.map((c) => c.id));
    const broken = base.surveyResponses.filter((r) =>
      r.survey === 'post-purchase' ? !orders.has(String(r.attributes?.orderId)) : !complaints.has(String(r.attributes?.complaintId)),
    );
    expect(broken).toEqual([]);
  });
});
