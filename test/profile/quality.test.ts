import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/core/index.js';
import { assessQuality } from '../../src/profile/index.js';
import { generateDirtyRecords, shuffled } from './fixtures.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('assessQuality', () => {
  const records: Customer[] = [
    {
      id: 'a',
      email: 'ann@shop.com',
      phone: '+44 20 7946 0018',
      updatedAt: day('2024-06-01'),
      consents: [{ purpose: 'email', status: 'granted' }],
    },
    { id: 'b', email: 'ANN@shop.com', phone: 'n/a', updatedAt: day('2022-01-01') },
    { id: 'c', email: 'test@test.com', birthDate: '1990-02-30' },
    { id: 'd', email: 'bad(at)mail', consents: [{ purpose: 'email', status: 'denied' }] },
    { email: 'no-id@shop.com' } as unknown as Customer,
  ];
  const report = assessQuality(records, { asOf: '2024-06-30', staleAfterDays: 365 });

  it('reports completeness as present and valid shares of usable records', () => {
    expect(report.records).toBe(5);
    expect(report.rejectedRecords).toBe(1);
    expect(report.completeness.find((row) => row.field === 'email')).toEqual({
      field: 'email',
      present: 4,
      valid: 2,
      presentShare: 1,
      validShare: 0.5,
    });
    expect(report.completeness.find((row) => row.field === 'phone')).toEqual({
      field: 'phone',
      present: 2,
      valid: 1,
      presentShare: 0.5,
      validShare: 0.25,
    });
  });

  it('counts invalid values by field and reason with example paths', () => {
    expect(report.invalid).toEqual([
      { field: 'birthDate', code: 'invalid-date', count: 1, examplePaths: ['records[2].birthDate'] },
      { field: 'email', code: 'invalid-email', count: 1, examplePaths: ['records[3].email'] },
      { field: 'phone', code: 'invalid-phone', count: 1, examplePaths: ['records[1].phone'] },
    ]);
    expect(report.junk.map((j) => j.value)).toEqual(['test@test.com']);
    expect(report.issues.map((i) => i.path)).toEqual(['records[4].id']);
  });

  it('finds duplicate clusters, stale records and consent coverage', () => {
    expect(report.duplicates).toMatchObject({
      goldenRecords: 3,
      clustersWithDuplicates: 1,
      recordsInDuplicateClusters: 2,
      duplicateShare: 0.25,
    });
    expect(report.duplicates.sizeHistogram).toEqual([
      { size: 1, clusters: 2 },
      { size: 2, clusters: 1 },
    ]);
    expect(report.stale).toEqual({
      cutoff: day('2023-07-01'),
      count: 1,
      share: 0.25,
      missingUpdatedAt: 2,
      exampleRecordIds: ['b'],
    });
    expect(report.consent).toEqual([{ purpose: 'email', granted: 1, denied: 1, unknown: 0 }]);
  });

  it('gives the same report whatever the record order, apart from example paths', () => {
    const { records: dirty } = generateDirtyRecords({ seed: 11, people: 200 });
    const a = assessQuality(dirty, { asOf: '2024-06-30' });
    const b = assessQuality(shuffled(dirty, 5), { asOf: '2024-06-30' });
    const strip = (r: typeof a) => ({
      ...r,
      invalid: r.invalid.map((row) => ({ ...row, examplePaths: [] })),
      issues: [],
    });
    expect(strip(b)).toEqual(strip(a));
  });
});
