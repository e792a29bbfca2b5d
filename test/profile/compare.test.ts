import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/core/index.js';
import { compareResolutions, resolveIdentities } from '../../src/profile/index.js';

const records: Customer[] = [
  { id: 'C1', source: 'shop', email: 'ann@shop.com' },
  { id: 'crm-9', source: 'crm', email: 'ann@shop.com', phone: '+44 20 7946 0018' },
  { id: 'S-3', source: 'support', phone: '+44 20 7946 0018' },
  { id: 'X', source: 'shop', email: 'bob@shop.com' },
];

describe('compareResolutions', () => {
  it('reports clusters merged by a looser rule set', () => {
    const before = resolveIdentities(records, { identifiers: [{ identifier: 'email' }] });
    const after = resolveIdentities(records, { identifiers: [{ identifier: 'email' }, { identifier: 'phone' }] });
    const diff = compareResolutions(before, after);
    expect(diff.changes).toEqual([
      { kind: 'merged', before: ['G-C1', 'G-S-3'], after: ['G-C1'], recordIds: ['C1', 'S-3', 'crm-9'] },
    ]);
    expect(diff.goldenIdChanges).toEqual({ 'G-S-3': ['G-C1'] });
    expect(diff.unchanged).toBe(1);
    expect(diff.counts).toEqual({ merged: 1, split: 0, regrouped: 0, rekeyed: 0 });
  });

  it('reports clusters split by a stricter rule set', () => {
    const before = resolveIdentities(records);
    const after = resolveIdentities(records, { identifiers: [{ identifier: 'phone' }] });
    const diff = compareResolutions(before, after);
    expect(diff.changes).toEqual([
      { kind: 'split', before: ['G-C1'], after: ['G-C1', 'G-S-3'], recordIds: ['C1', 'S-3', 'crm-9'] },
    ]);
    expect(diff.goldenIdChanges).toEqual({ 'G-C1': ['G-C1', 'G-S-3'] });
  });

  it('reports regrouped and re-keyed clusters and added or removed records', () => {
    const before = { goldenIdOf: { a: 'G-a', b: 'G-a', c: 'G-c', d: 'G-c', e: 'G-e', f: 'G-f' } };
    const after = { goldenIdOf: { a: 'G-a', c: 'G-a', b: 'G-b', d: 'G-b', e: 'G-e', f: 'G-0', '0': 'G-0' } };
    const diff = compareResolutions(before, after);
    expect(diff.changes).toEqual([
      { kind: 'regrouped', before: ['G-a', 'G-c'], after: ['G-a', 'G-b'], recordIds: ['a', 'b', 'c', 'd'] },
      { kind: 'rekeyed', before: ['G-f'], after: ['G-0'], recordIds: ['f'] },
    ]);
    expect(diff.unchanged).toBe(1);
    expect(diff.addedRecordIds).toEqual(['0']);
    expect(diff.removedRecordIds).toEqual([]);
  });

  it('finds no change between a resolution and itself (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), fc.constantFrom('G-1', 'G-2', 'G-3')),
        (goldenIdOf) => {
          const diff = compareResolutions({ goldenIdOf }, { goldenIdOf });
          expect(diff.changes).toEqual([]);
          expect(diff.unchanged).toBe(new Set(Object.values(goldenIdOf)).size);
        },
      ),
      { numRuns: 200 },
    );
  });
});
