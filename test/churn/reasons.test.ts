import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REASON_TAXONOMY, decodeReasonTaxonomy, reasonOfCategory, summarizeChurnReasons } from '../../src/churn/index.js';

describe('reason taxonomy', () => {
  it('maps categories exactly first, then by keyword, case-insensitively', () => {
    expect(reasonOfCategory('Delivery')).toBe('service-quality');
    expect(reasonOfCategory('too expensive')).toBe('competitor');
    expect(reasonOfCategory('Moved abroad')).toBe('needs-changed');
    expect(reasonOfCategory('newsletter')).toBe('poor-communication');
    expect(reasonOfCategory('weather')).toBeUndefined();
  });

  it('reports the reason mix per group, a customer counting once per reason', () => {
    const summary = summarizeChurnReasons(
      { c1: ['delivery', 'price', 'Delivery'], c2: ['newsletter'], c3: ['price'], c4: ['weather'], c5: [] },
      { groups: { lost: ['c3', 'c4'], atRisk: ['c1', 'c2', 'c5', 'c1'] } },
    );
    expect(summary.groups.map((g) => g.group)).toEqual(['atRisk', 'lost']);
    const atRisk = summary.groups[0]!;
    expect(atRisk).toMatchObject({ customers: 3, withFeedback: 2, unmapped: 0 });
    expect(atRisk.reasons).toEqual([
      { code: 'service-quality', label: 'Service quality', customers: 1, share: 0.5 },
      { code: 'competitor', label: 'Competitor / price', customers: 1, share: 0.5 },
      { code: 'poor-communication', label: 'Poor communication', customers: 1, share: 0.5 },
    ]);
    expect(summary.groups[1]).toMatchObject({ customers: 2, withFeedback: 2, unmapped: 1 });
    expect(summary.unmappedCategories).toEqual([{ category: 'weather', customers: 1 }]);
  });

  it('decodes taxonomies and reports duplicates, empty keywords and the reserved code', () => {
    expect(decodeReasonTaxonomy(JSON.parse(JSON.stringify(DEFAULT_REASON_TAXONOMY)))).toEqual(E.right(DEFAULT_REASON_TAXONOMY));
    const bad = decodeReasonTaxonomy({
      version: 1,
      reasons: [
        { code: 'x', label: 'X', categories: [], keywords: [' '] },
        { code: 'x', label: 'X', categories: [], keywords: [] },
        { code: 'unmapped', label: 'U', categories: [], keywords: [] },
      ],
    });
    expect(E.isLeft(bad) && bad.left.map((i) => i.path)).toEqual([
      'reasonTaxonomy.reasons[0].keywords[0]',
      'reasonTaxonomy.reasons[1].code',
      'reasonTaxonomy.reasons[2].code',
    ]);
    const typo = decodeReasonTaxonomy({ version: 1, reasons: [{ code: 'x', label: 'X', categories: [], keyword: [] }] });
    expect(E.isLeft(typo)).toBe(true);
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (input) => {
        decodeReasonTaxonomy(input);
        decodeReasonTaxonomy({ version: 1, reasons: [input] });
      }),
      { numRuns: 300 },
    );
  });
});
