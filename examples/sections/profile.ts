/**
 * Demo section: customer profiles — duplicates across sources merged into golden records (checked against the
 * generator's truth), one merged cluster with provenance, a data-quality report, lifecycle stages and one sample
 * portrait.
 */
import type { Customer, EngagementEvent, Transaction } from '../../src/core/index.js';
import {
  assessQuality,
  deriveProfiles,
  resolveIdentities,
  type CustomerProfile,
  type GoldenRecord,
  type IdentityResolution,
} from '../../src/profile/index.js';

/**
 * The fields of the generated base this section uses (a structural subset of synth's `CustomerBase`).
 *
 * @example
 * ```ts
 * const base: ProfileDemoBase = { asOf: Date.UTC(2026, 5, 30), customers: [], transactions: [], engagementEvents: [], truth: [] };
 * ```
 */
export interface ProfileDemoBase {
  readonly asOf: number;
  readonly customers: readonly Customer[];
  readonly transactions: readonly Transaction[];
  readonly engagementEvents: readonly EngagementEvent[];
  /** Ground truth: every source record id of each person. */
  readonly truth: readonly { readonly customerId: string; readonly recordIds: readonly string[] }[];
}

function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (right[c] === true ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const int = (n: number): string => n.toLocaleString('en-US');
const percent = (value: number | null): string => (value === null ? '—' : `${(100 * value).toFixed(1)}%`);
const fixed = (value: number | null, digits = 1): string => (value === null ? '—' : value.toFixed(digits));
const date = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '—' : new Date(ms).toISOString().slice(0, 10);

/** Pairwise precision and recall of the merge against the generator's truth. */
function accuracy(
  base: ProfileDemoBase,
  resolution: IdentityResolution,
): { precision: number; recall: number; truePairs: number } {
  const personOf = new Map<string, number>();
  base.truth.forEach((person, i) => {
    for (const id of person.recordIds) personOf.set(id, i);
  });
  let found = 0;
  let wrong = 0;
  for (const golden of resolution.goldenRecords) {
    const ids = golden.recordIds;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        if (personOf.get(ids[i]!) === personOf.get(ids[j]!)) found++;
        else wrong++;
      }
    }
  }
  let truePairs = 0;
  for (const person of base.truth) truePairs += (person.recordIds.length * (person.recordIds.length - 1)) / 2;
  return {
    precision: found + wrong === 0 ? 1 : found / (found + wrong),
    recall: truePairs === 0 ? 1 : found / truePairs,
    truePairs,
  };
}

function mergedExample(resolution: IdentityResolution, byId: ReadonlyMap<string, Customer>): string {
  const golden: GoldenRecord | undefined =
    resolution.goldenRecords.find(
      (g) =>
        g.recordIds.length >= 3 && g.sources.length >= 3 && resolution.conflicts.some((c) => c.goldenId === g.goldenId),
    ) ?? resolution.goldenRecords.find((g) => g.recordIds.length >= 2);
  if (golden === undefined) return '(no duplicates found)';
  const fields = ['email', 'phone', 'name', 'country', 'city', 'birthDate'] as const;
  const rows = golden.recordIds.map((id) => {
    const record = byId.get(id)!;
    return [id, record.source ?? '—', ...fields.map((f) => record[f] ?? '—')];
  });
  const goldenRow = [golden.goldenId, 'golden', ...fields.map((f) => golden.customer[f] ?? '—')];
  const source = table(['record', 'source', ...fields], [...rows, goldenRow], []);
  const provenance = fields
    .filter((f) => golden.provenance[f] !== undefined)
    .map((f) => `${f} ← ${golden.provenance[f]!.recordId} (${golden.provenance[f]!.strategy})`)
    .join('; ');
  const linked = golden.matchedBy.map((m) => `${m.identifier} ${m.key} [${m.recordIds.join(', ')}]`).join('; ');
  return `${source}\n  linked by: ${linked}\n  provenance: ${provenance}`;
}

function portrait(profile: CustomerProfile, golden: GoldenRecord | undefined): string {
  const c = golden?.customer;
  const lines: [string, string][] = [
    [
      'customer',
      `${profile.customerId}${c?.name === undefined ? '' : ` — ${c.name}`} (${golden?.recordIds.length ?? 1} source records)`,
    ],
    ['age / band / gender', `${profile.age ?? '—'} / ${profile.ageBand ?? '—'} / ${profile.gender ?? '—'}`],
    ['country / region', `${profile.country ?? '—'} / ${profile.region ?? '—'}`],
    ['tenure', `${profile.tenureDays ?? '—'} days`],
    ['first / last purchase', `${date(profile.firstPurchaseAt)} / ${date(profile.lastPurchaseAt)}`],
    [
      'orders / net spend / AOV',
      `${profile.orders} / ${fixed(profile.netSpend, 2)} / ${fixed(profile.averageOrderValue, 2)}`,
    ],
    ['purchases per month', fixed(profile.purchasesPerMonth, 2)],
    [
      'days between purchases',
      profile.interPurchaseDays === null
        ? '—'
        : `median ${fixed(profile.interPurchaseDays.median, 0)}, IQR ${fixed(profile.interPurchaseDays.iqr, 0)}, sd ${fixed(profile.interPurchaseDays.standardDeviation, 1)}`,
    ],
    [
      'preferred channel',
      profile.preferredChannel === null
        ? '—'
        : `${profile.preferredChannel.value} (${percent(profile.preferredChannel.share)})`,
    ],
    [
      'preferred category',
      profile.preferredCategory === null
        ? '—'
        : `${profile.preferredCategory.value} (${percent(profile.preferredCategory.share)})`,
    ],
    [
      'preferred weekday / hour',
      `${profile.preferredWeekday?.value ?? '—'} / ${profile.preferredHour === null ? '—' : `${profile.preferredHour.value}:00`}`,
    ],
    ['price sensitivity / refund rate', `${percent(profile.priceSensitivity)} / ${percent(profile.refundRate)}`],
    [
      'engagement',
      `${profile.engagement.level} (score ${fixed(profile.engagement.score, 0)}, ${profile.engagement.activeDays} active days in 90)`,
    ],
    ['lifecycle', `${profile.lifecycle.stage} — ${profile.lifecycle.reason}`],
    ['interest tags', profile.interestTags.map((t) => `${t.tag} ${percent(t.share)}`).join(', ') || '—'],
  ];
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n');
}

/** Maps the generator's product categories to interest tags (a host would supply its own map). */
const CATEGORY_TAGS: Readonly<Record<string, readonly string[]>> = {
  apparel: ['fashion'],
  shoes: ['fashion'],
  accessories: ['fashion'],
  home: ['home & living'],
  beauty: ['self-care'],
  electronics: ['tech'],
  books: ['culture'],
  toys: ['family'],
  sports: ['outdoor & sports'],
  food: ['food & drink'],
};

/**
 * Builds the profile section of the demo report.
 *
 * @example
 * ```ts
 * process.stdout.write(profileSection(generateCustomerBase({ seed: 'demo', customers: 2000, asOf: '2026-06-30' })));
 * ```
 */
export function profileSection(base: ProfileDemoBase): string {
  const out: string[] = [];
  const resolution = resolveIdentities(base.customers, {}, { asOf: base.asOf });
  const stats = resolution.stats;
  const { precision, recall, truePairs } = accuracy(base, resolution);
  out.push('Identity resolution (default rules: external ids, email match key, E.164 phone)');
  out.push(
    table(
      [
        'source records',
        'golden records',
        'with duplicates',
        'largest',
        'conflicts',
        'over-shared keys',
        'junk values',
        'pair precision',
        'pair recall',
      ],
      [
        [
          int(stats.inputRecords),
          int(stats.goldenRecords),
          int(stats.clustersWithDuplicates),
          int(stats.largestCluster),
          int(resolution.conflicts.length),
          int(resolution.overSharedKeys.length),
          int(resolution.blockedValues.reduce((sum, b) => sum + b.recordCount, 0)),
          percent(precision),
          percent(recall),
        ],
      ],
      [true, true, true, true, true, true, true, true, true],
    ),
  );
  out.push(`  (precision/recall over ${int(truePairs)} true duplicate pairs of the generator's truth)`);
  const shared = resolution.overSharedKeys
    .slice(0, 3)
    .map((k) => `${k.identifier} ${k.key} on ${k.recordCount} records`);
  if (shared.length > 0) out.push(`  over-shared (not linked): ${shared.join('; ')}`);

  const byId = new Map(base.customers.map((c) => [c.id, c]));
  out.push('', 'A merged cluster');
  out.push(mergedExample(resolution, byId));

  const quality = assessQuality(base.customers, { asOf: base.asOf, staleAfterDays: 365, resolution });
  out.push('', 'Data quality');
  const completeness = quality.completeness.filter((row) =>
    ['email', 'phone', 'name', 'birthDate', 'country', 'region', 'postalCode', 'updatedAt', 'consents'].includes(
      row.field,
    ),
  );
  out.push(
    table(
      ['field', 'present', 'valid', 'present %', 'valid %'],
      completeness.map((row) => [
        row.field,
        int(row.present),
        int(row.valid),
        percent(row.presentShare),
        percent(row.validShare),
      ]),
      [false, true, true, true, true],
    ),
  );
  out.push(
    table(
      ['invalid field', 'reason', 'count', 'example'],
      quality.invalid.slice(0, 6).map((row) => [row.field, row.code, int(row.count), row.examplePaths[0] ?? '']),
      [false, false, true, false],
    ),
  );
  out.push(
    `  junk identifiers: ${
      quality.junk
        .slice(0, 5)
        .map((j) => `${j.value} ×${j.recordCount}`)
        .join(', ') || 'none'
    }`,
  );
  out.push(
    `  duplicates: ${percent(quality.duplicates.duplicateShare)} of records; stale (not updated for a year): ${int(quality.stale.count)} (${percent(quality.stale.share)}); consent purposes: ${quality.consent.map((c) => `${c.purpose} ${percent(c.granted / Math.max(1, c.granted + c.denied + c.unknown))} granted`).join(', ')}`,
  );

  const goldens = resolution.goldenRecords.map((g) => g.customer);
  const batch = deriveProfiles(goldens, base.transactions, base.engagementEvents, {
    asOf: base.asOf,
    customerIdMap: resolution.goldenIdOf,
    categoryTags: CATEGORY_TAGS,
  });
  out.push('', 'Lifecycle stages (relative to each customer\u2019s own purchase cadence)');
  const stages = ['prospect', 'new', 'active', 'reactivated', 'atRisk', 'lapsed'] as const;
  const counts = stages.map((stage) => batch.profiles.filter((p) => p.lifecycle.stage === stage).length);
  out.push(
    table(
      [...stages],
      [counts.map((n) => `${int(n)} (${percent(n / Math.max(1, batch.profiles.length))})`)],
      stages.map(() => true),
    ),
  );
  out.push(
    `  population median cadence: ${fixed(batch.cadence.populationMedianDays, 0)} days; unmatched transactions: ${int(batch.unmatched.transactions)}`,
  );

  const goldenById = new Map(resolution.goldenRecords.map((g) => [g.goldenId, g]));
  const sample =
    batch.profiles.find(
      (p) =>
        p.lifecycle.stage === 'active' &&
        p.orders >= 6 &&
        (goldenById.get(p.customerId)?.recordIds.length ?? 0) >= 2 &&
        p.age !== null &&
        p.engagement.level !== 'none',
    ) ??
    batch.profiles.find((p) => p.orders >= 3) ??
    batch.profiles[0];
  if (sample !== undefined) {
    out.push('', 'A sample portrait');
    out.push(portrait(sample, goldenById.get(sample.customerId)));
  }
  return `${out.join('\n')}\n`;
}
