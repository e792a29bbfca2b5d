import { describe, expect, it } from 'vitest';
import { categorizeFeedback } from '../../src/satisfaction/feedback.js';
import type { Complaint, SurveyResponse } from '../../src/core/index.js';
import type { Taxonomy } from '../../src/satisfaction/taxonomy.js';

const TAXONOMY: Taxonomy = {
  version: 'v1',
  categories: [
    { id: 'delivery', label: 'Delivery', keywords: ['delivery', 'late', '快递', '物流'] },
    { id: 'service', label: 'Service', keywords: ['rude', 'staff', '客服'] },
    { id: 'quality', label: 'Quality', keywords: ['broken', 'quality', '质量'] },
  ],
};

const JAN = Date.UTC(2024, 0, 10);
const FEB = Date.UTC(2024, 1, 10);

const RESPONSES: SurveyResponse[] = [
  { id: 'a', respondedAt: JAN, nps: 2, comment: 'Delivery was late and staff rude' },
  { id: 'b', respondedAt: JAN, nps: 3, comment: '快递太慢' },
  { id: 'c', respondedAt: JAN, nps: 10, comment: 'Great quality' },
  { id: 'd', respondedAt: FEB, nps: 9, comment: '客服很好' },
  { id: 'e', respondedAt: FEB, nps: 5, comment: 'no idea' },
  { id: 'f', respondedAt: FEB, nps: 8 },
  { id: 'g', respondedAt: FEB, nps: 1, comment: '物流和质量都差' },
];

describe('categorizeFeedback', () => {
  it('counts categories overall, among detractors and per month', () => {
    const result = categorizeFeedback(RESPONSES, { taxonomy: TAXONOMY });
    expect(result.taxonomyVersion).toBe('v1');
    expect(result.withText).toBe(6);
    expect(result.withoutText).toBe(1);
    expect(result.uncategorized).toBe(1);
    expect(result.detractors).toBe(4);
    expect(result.categories.map((c) => [c.category, c.count, c.detractorCount])).toEqual([
      ['delivery', 3, 3],
      ['service', 2, 1],
      ['quality', 2, 1],
    ]);
    const delivery = result.categories[0]!;
    expect(delivery.share).toBeCloseTo(0.5, 12);
    expect(delivery.detractorShare).toBeCloseTo(0.75, 12);
    expect(delivery.lift).toBeCloseTo(1.5, 12);
    expect(delivery.shareInterval.lower).toBeLessThan(0.5);
    expect(delivery.shareInterval.upper).toBeGreaterThan(0.5);
    expect(result.level).toBe(0.95);
    expect(result.topAmongDetractors.map((c) => c.category)).toEqual(['delivery', 'service', 'quality']);
    expect(result.byPeriod.map((p) => [p.period, p.withText, p.counts.map((c) => c.count)])).toEqual([
      ['2024-01', 3, [2, 1, 1]],
      ['2024-02', 3, [1, 1, 1]],
    ]);
    expect(result.items.find((i) => i.id === 'g')!.matches).toEqual([
      { category: 'delivery', keywords: ['物流'] },
      { category: 'quality', keywords: ['质量'] },
    ]);
  });

  it('categorises complaint texts too, and limits the top list', () => {
    const complaints: Complaint[] = [{ id: 'k1', customerId: 'c1', openedAt: FEB, text: 'parcel broken' }];
    const result = categorizeFeedback([...RESPONSES, ...complaints], { taxonomy: TAXONOMY, unit: 'quarter', top: 1, includeItems: false });
    expect(result.categories.find((c) => c.category === 'quality')!.count).toBe(3);
    expect(result.topAmongDetractors).toHaveLength(1);
    expect(result.byPeriod.map((p) => p.period)).toEqual(['2024-Q1']);
    expect(result.items).toEqual([]);
  });

  it('reports malformed items and excludes them', () => {
    const result = categorizeFeedback(
      [null as unknown as SurveyResponse, { id: 'x', respondedAt: Number.NaN, comment: 'late' }, { id: 'y', respondedAt: JAN, comment: 7 as unknown as string }],
      { taxonomy: TAXONOMY },
    );
    expect(result.excluded).toBe(3);
    expect(result.issues.map((i) => i.path)).toEqual(['feedback[0]', 'feedback[1].respondedAt', 'feedback[2].comment']);
  });
});
