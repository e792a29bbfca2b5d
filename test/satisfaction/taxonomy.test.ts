import { describe, expect, it } from 'vitest';
import { compileTaxonomy, matchCategories, type Taxonomy } from '../../src/satisfaction/taxonomy.js';

const TAXONOMY: Taxonomy = {
  version: 't1',
  categories: [
    { id: 'delivery', label: 'Delivery', keywords: ['delivery', 'deliver*', 'late', 'courier', '快递', '物流', '配送'] },
    { id: 'service', label: 'Service', keywords: ['customer service', 'rude', 'staff', '客服', '态度'], exclude: ['not rude'] },
    { id: 'price', keywords: ['expensive', 'price', '太贵', '价格'] },
  ],
};

describe('taxonomy matching', () => {
  it('is multi-label, names the matching keywords and keeps taxonomy order', () => {
    const match = matchCategories('快递太慢，而且价格太贵！The courier was RUDE.', TAXONOMY);
    expect(match.categories).toEqual(['delivery', 'service', 'price']);
    expect(match.matches).toEqual([
      { category: 'delivery', keywords: ['courier', '快递'] },
      { category: 'service', keywords: ['rude'] },
      { category: 'price', keywords: ['太贵', '价格'] },
    ]);
  });

  it('applies exclude phrases and returns nothing for empty text', () => {
    expect(matchCategories('staff were not rude at all', TAXONOMY).categories).toEqual([]);
    expect(matchCategories('   ', TAXONOMY).categories).toEqual([]);
  });

  it('compiles once and accepts the compiled form', () => {
    const compiled = compileTaxonomy(TAXONOMY);
    expect(compiled.version).toBe('t1');
    expect(compiled.categories[2]!.label).toBe('price');
    expect(compileTaxonomy(compiled)).toBe(compiled);
    expect(matchCategories('Delivered late', compiled).categories).toEqual(['delivery']);
    expect(JSON.parse(JSON.stringify(compiled))).toEqual(compiled);
  });

  it('rejects broken taxonomies passed in code', () => {
    expect(() => compileTaxonomy({ categories: [{ id: 'a', keywords: ['x'] }, { id: 'a', keywords: ['y'] }] })).toThrow(/duplicate/);
    expect(() => compileTaxonomy({ categories: [{ id: 'a', keywords: ['  '] }] })).toThrow(/no usable keyword/);
  });
});
