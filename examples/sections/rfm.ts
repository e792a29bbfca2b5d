/**
 * Demo section: RFM segmentation of the generated base — the segment table with revenue shares and recommended
 * actions, Pareto value tiers, segment migration over the last 90 days, segments by acquisition channel, one
 * customer's explanation, and a k-means cross-check.
 */
import type { Customer, Transaction } from '../../src/core/index.js';
import {
  analyze,
  chooseClusterCount,
  explainCustomer,
  kmeans,
  migration,
  score,
  segment,
  segmentSummaryBy,
  summarize,
  valueTiers,
  type SegmentSummaryRow,
} from '../../src/rfm/index.js';
import { fixed, percent, table } from './format.js';

/**
 * The fields of the generated base this section uses (a structural subset of synth's `CustomerBase`).
 *
 * @example
 * ```ts
 * const base: RfmDemoBase = { asOf: Date.UTC(2026, 5, 30), customers: [], transactions: [] };
 * ```
 */
export interface RfmDemoBase {
  readonly asOf: number;
  readonly customers: readonly Customer[];
  readonly transactions: readonly Transaction[];
}

const DAY = 86_400_000;

const money = (value: number | null): string =>
  value === null ? '—' : value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 0 });

function segmentRows(rows: readonly SegmentSummaryRow[]): string[][] {
  return rows.map((r) => [
    r.name,
    String(r.customers),
    percent(r.customerShare),
    money(r.revenue),
    percent(r.revenueShare),
    fixed(r.averageOrderValue),
    fixed(r.meanRecencyDays, 0),
    fixed(r.meanFrequency),
  ]);
}

/**
 * Renders the RFM section of the demo report.
 *
 * @example
 * ```ts
 * process.stdout.write(rfmSection(generateCustomerBase({ seed: 'demo', customers: 20_000, asOf: '2026-06-30' })));
 * ```
 */
export function rfmSection(base: RfmDemoBase): string {
  const out: string[] = [];
  const result = analyze(base.transactions, { asOf: base.asOf });
  const summary = result.segmentation.scoring.summary;
  const { counts, totals } = summary;
  out.push(
    `As of ${summary.asOfDate}: ${totals.customers} customers (${totals.purchasers} with a purchase), ` +
      `${totals.orders} orders, gross ${totals.grossRevenue}, refunds ${totals.refunds}, net ${totals.netRevenue}.`,
    `Rows: ${counts.purchases} purchases, ${counts.refunds} refunds, ${counts.afterAsOf} after asOf (excluded), ` +
      `${counts.rejected} rejected. Scores: 5 levels, quantiles with shared ties; default 11-segment 125-cell map.`,
    '',
  );
  const cuts = result.breakpoints.dimensions.map(
    (d) => `${d.dimension} ${d.cuts.map((c) => fixed(c, 1)).join(' / ')}`,
  );
  out.push(`Cuts (bins closed on the right): ${cuts.join('; ')}`, '');

  out.push(
    table(
      ['Segment', 'Customers', 'Share', 'Revenue', 'Rev. share', 'AOV', 'Mean recency d', 'Mean orders'],
      [...segmentRows(result.segments.rows), ...segmentRows([result.segments.total])],
      [false, true, true, true, true, true, true, true],
    ),
    '',
  );
  out.push('Recommended actions:');
  for (const s of result.segmentation.segments) out.push(`  ${s.name.padEnd(19)} ${s.action ?? ''}`);

  const tiers = valueTiers(summary);
  out.push(
    '',
    'Value tiers by cumulative revenue share (80 / 15 / 5):',
    table(
      ['Tier', 'Customers', 'Share', 'Revenue', 'Rev. share', 'Smallest value'],
      tiers.tiers.map((t) => [
        t.name,
        String(t.customers),
        percent(t.customerShare),
        money(t.value),
        percent(t.valueShare),
        money(t.minValue),
      ]),
      [false, true, true, true, true, true],
    ),
  );

  // Migration: the same transactions segmented 90 days earlier.
  const before = segment(score(summarize(base.transactions, { asOf: base.asOf - 90 * DAY })));
  const moves = migration(before, result.segmentation);
  const t = moves.totals;
  out.push(
    '',
    `Segment migration, ${before.scoring.summary.asOfDate} → ${summary.asOfDate}: ${t.retained} customers in both ` +
      `snapshots, ${t.stayed} stayed (${percent(t.stayed / t.retained)}), ${t.moved} moved; ${t.entrants} new customers.`,
  );
  const name = (id: string | null): string =>
    id === null ? '(unassigned)' : (result.segmentation.segments.find((s) => s.id === id)?.name ?? id);
  out.push(
    table(
      ['From', 'To', 'Customers', 'Rate'],
      moves.flows.slice(0, 8).map((f) => [name(f.from), name(f.to), String(f.customers), percent(f.rate)]),
      [false, false, true, true],
    ),
  );
  const stay = moves.segments.map((s, i) => `${s.name} ${percent(moves.rates[i]![i] ?? null)}`);
  out.push(`Stay rates: ${stay.join(', ')}`);
  const entrants = moves.segments.flatMap((s, i) => (moves.entrants[i]! > 0 ? [`${s.name} ${moves.entrants[i]}`] : []));
  out.push(`New customers entered as: ${entrants.join(', ')}`);

  const byChannel = segmentSummaryBy(result.segmentation, base.customers, { by: 'acquisitionChannel' });
  out.push(
    '',
    'By acquisition channel:',
    table(
      ['Channel', 'Customers', 'Rev. share', 'AOV', 'Champions', 'At Risk'],
      byChannel.groups.map((g) => {
        const share = (id: string): string => percent(g.segments.find((s) => s.segment === id)?.share ?? null);
        return [
          g.group,
          String(g.summary.customers),
          percent(g.summary.revenueShare),
          fixed(g.summary.averageOrderValue),
          share('champions'),
          share('at-risk'),
        ];
      }),
      [false, true, true, true, true, true],
    ),
  );

  const champion = result.customers.find((c) => c.segment === 'champions');
  if (champion !== undefined) {
    const why = explainCustomer(result.segmentation, champion.customerId);
    if (why !== undefined) {
      const parts = why.dimensions.map((d) => {
        const digits = d.dimension === 'monetary' ? 2 : 0;
        const bin = `(${d.lower === null ? '−∞' : fixed(d.lower, digits)}, ${d.upper === null ? '∞' : fixed(d.upper, digits)}]`;
        return `${d.dimension} ${fixed(d.value, digits)} ∈ ${bin} → ${d.score}`;
      });
      out.push(
        '',
        `Why ${String(why.customerId)} is ${why.segment?.name ?? '—'}: ${parts.join('; ')}; cell ${why.cell ?? '—'}.`,
      );
    }
  }

  const choice = chooseClusterCount(summary, { ks: [3, 4, 5, 6], seed: 'demo', sampleSize: 1000 });
  const clusters = kmeans(summary, { k: choice.bestK ?? 4, seed: 'demo' });
  out.push(
    '',
    `k-means cross-check (log1p + standardised R, F, M; silhouette ${choice.candidates
      .map((c) => `k=${c.k} ${fixed(c.silhouette, 2)}`)
      .join(', ')} → k = ${clusters.k}):`,
    table(
      ['Cluster', 'Customers', 'Rev. share', 'Mean recency d', 'Mean orders', 'Mean monetary'],
      clusters.clusters.map((c) => [
        c.profile.name,
        String(c.profile.customers),
        percent(c.profile.revenueShare),
        fixed(c.profile.meanRecencyDays, 0),
        fixed(c.profile.meanFrequency),
        money(c.profile.meanMonetary),
      ]),
      [false, true, true, true, true, true],
    ),
  );
  if (result.warnings.length > 0) out.push('', `Warnings: ${result.warnings.map((w) => w.message).join('; ')}`);
  return out.join('\n');
}
