/**
 * Demo section: satisfaction scoring on the generated base — NPS / CSAT / CES with intervals, NPS and CSAT by
 * channel and by a customer value tier passed in as data, a monthly NPS trend with significance flags, key drivers
 * with their quadrant, before/after an action date, feedback categories (English and Chinese) and complaint
 * handling metrics.
 */
import { either as E } from 'fp-ts';
import { addMonthsToInstant, isoDateTime, startOfPeriodInstant, type Complaint, type SurveyResponse, type Transaction } from '../../src/core/index.js';
import {
  beforeAfter,
  breakdown,
  categorizeFeedback,
  ces,
  complaintMetrics,
  csat,
  keyDrivers,
  nps,
  trend,
  type BreakdownResult,
  type ComparisonResult,
  type Taxonomy,
} from '../../src/satisfaction/index.js';
import { fixed, table } from './format.js';

/**
 * The fields of the generated base this section uses (a structural subset of synth's `CustomerBase`).
 *
 * @example
 * ```ts
 * const base: SatisfactionDemoBase = { asOf: Date.UTC(2026, 5, 30), transactions: [], surveyResponses: [], complaints: [] };
 * ```
 */
export interface SatisfactionDemoBase {
  readonly asOf: number;
  readonly transactions: readonly Transaction[];
  readonly surveyResponses: readonly SurveyResponse[];
  readonly complaints: readonly Complaint[];
}

const DAY = 86_400_000;

/** Feedback taxonomy of the demo: English keywords and Chinese phrases (matched without word boundaries). */
const TAXONOMY: Taxonomy = {
  version: 'demo-1',
  categories: [
    { id: 'delivery', label: 'Delivery', keywords: ['delivery', 'shipping', 'parcel', 'arrived', 'late', 'tracking', '快递', '物流', '发货', '包裹'] },
    { id: 'quality', label: 'Product quality', keywords: ['quality', 'broke', 'defective', 'material', 'stitching', '质量', '做工', '瑕疵'] },
    { id: 'price', label: 'Price', keywords: ['price*', 'expensive', 'value for money', 'discount*', '价格', '太贵', '性价比', '涨价'] },
    { id: 'service', label: 'Service attitude', keywords: ['staff', 'rude', 'customer service', 'support agent', 'polite', 'unfriendly', '客服', '态度', '服务'] },
    { id: 'after-sales', label: 'After-sales', keywords: ['refund*', 'return*', 'warranty', 'exchange', '退款', '退货', '售后', '退换'] },
    { id: 'website', label: 'Website / app', keywords: ['website', 'app', 'checkout', 'crash*', 'APP', '网站', '闪退', '结账'] },
  ],
};

function ci(interval: { lower: number; upper: number }, digits = 1): string {
  return `[${fixed(interval.lower, digits)}, ${fixed(interval.upper, digits)}]`;
}

function delta(change: ComparisonResult | null, digits = 1): { text: string; p: string; flag: string } {
  if (change === null) return { text: '', p: '', flag: '' };
  const sign = change.difference >= 0 ? '+' : '';
  return { text: `${sign}${fixed(change.difference, digits)}`, p: change.pValue < 0.001 ? '<0.001' : fixed(change.pValue, 3), flag: change.significant ? '*' : '' };
}

function breakdownTable(result: BreakdownResult, scoreLabel: string, digits = 1): string {
  const rows = result.groups.map((g) => {
    const d = delta(g.vsRest, digits);
    return [g.group, String(g.result.n), fixed(g.result.score, digits), ci(g.result.interval, digits), d.text, d.p, `${d.flag}${g.result.reliable ? '' : ' (small)'}`];
  });
  return table(['group', 'n', scoreLabel, '95% CI', 'Δ vs rest', 'p', ''], rows, [false, true, true, false, true, true, false]);
}

/** Spend over the 12 months before asOf per customer, cut into terciles: the "segment attribute passed in as data". */
function valueTiers(transactions: readonly Transaction[], asOf: number): Record<string, string> {
  const spend = new Map<string, number>();
  for (const t of transactions) {
    if (t.occurredAt > asOf || t.occurredAt <= asOf - 365 * DAY) continue;
    const sign = t.kind === 'purchase' ? 1 : -1;
    spend.set(t.customerId, (spend.get(t.customerId) ?? 0) + sign * t.amount);
  }
  const ranked = [...spend.entries()].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const tiers: Record<string, string> = {};
  ranked.forEach(([id], i) => {
    tiers[id] = i < ranked.length / 3 ? '1 top third' : i < (2 * ranked.length) / 3 ? '2 middle third' : '3 bottom third';
  });
  return tiers;
}

/**
 * Renders the satisfaction section of the demo report.
 *
 * @example
 * ```ts
 * process.stdout.write(satisfactionSection(generateCustomerBase({ seed: 'demo', customers: 2000, asOf: Date.UTC(2026, 5, 30) })));
 * ```
 */
export function satisfactionSection(base: SatisfactionDemoBase): string {
  const out: string[] = [];
  const asOf = base.asOf;
  const responses = base.surveyResponses.filter((r) => r.respondedAt <= asOf);
  const postPurchase = responses.filter((r) => r.survey === 'post-purchase');
  const lastYear = postPurchase.filter((r) => r.respondedAt > asOf - 365 * DAY);

  // 1. Headline scores.
  out.push(`Survey responses: ${responses.length.toLocaleString('en-US')} (post-purchase ${postPurchase.length.toLocaleString('en-US')}, support ${(responses.length - postPurchase.length).toLocaleString('en-US')}); last 12 months of post-purchase surveys below.`);
  const headline: string[][] = [];
  const npsResult = nps(lastYear);
  if (E.isRight(npsResult)) {
    const r = npsResult.right;
    headline.push(['NPS (0-10)', String(r.n), fixed(r.score), ci(r.interval), `${r.intervalMethod}; promoters ${fixed(100 * r.shares.promoters)} %, detractors ${fixed(100 * r.shares.detractors)} %`, String(r.excluded)]);
  }
  const csatResult = csat(lastYear);
  if (E.isRight(csatResult)) {
    const r = csatResult.right;
    headline.push(['CSAT % satisfied (4-5 of 1-5)', String(r.n), fixed(r.score), ci(r.interval), `Wilson; mean ${fixed(r.mean?.value ?? Number.NaN, 2)} ${ci(r.mean?.interval ?? r.interval, 2)} (t)`, String(r.excluded)]);
  }
  for (const convention of ['mean', 'index'] as const) {
    const cesResult = ces(lastYear, { convention });
    if (E.isRight(cesResult)) {
      const r = cesResult.right;
      headline.push([`CES ${convention}`, String(r.n), fixed(r.score, convention === 'mean' ? 2 : 1), ci(r.interval, convention === 'mean' ? 2 : 1), r.conventionLabel, String(r.excluded)]);
    }
  }
  out.push(table(['score', 'n', 'value', '95% CI', 'notes', 'excluded'], headline, [false, true, true, false, false, true]));
  out.push('(excluded = responses without that question or with an out-of-scale answer; each one is reported with its path)');

  // 2. By segment attribute.
  out.push('', 'NPS by survey channel (Δ vs rest: z test with summed trinomial variances; * = significant at 5 %):');
  out.push(breakdownTable(breakdown(lastYear, { metric: 'nps', by: { field: 'channel' } }), 'NPS'));
  const tiers = valueTiers(base.transactions, asOf);
  out.push('', 'NPS and CSAT % by customer value tier (12-month spend terciles, passed in as a customer → tier map):');
  out.push(breakdownTable(breakdown(lastYear, { metric: 'nps', by: { map: tiers }, missingGroup: '4 no spend in 12 months' }), 'NPS'));
  out.push('');
  out.push(breakdownTable(breakdown(lastYear, { metric: 'csat', by: { map: tiers }, missingGroup: '4 no spend in 12 months' }), 'CSAT %'));

  // 3. Monthly trend.
  const trendStart = addMonthsToInstant(startOfPeriodInstant(asOf, 'month'), -12);
  const monthly = trend(
    postPurchase.filter((r) => r.respondedAt >= trendStart),
    { metric: 'nps', unit: 'month' },
  );
  out.push('', `Monthly NPS since ${isoDateTime(trendStart).slice(0, 10)} (change vs previous month tested; ${monthly.significantChanges} significant):`);
  out.push(
    table(
      ['month', 'n', 'NPS', '95% CI', 'method', 'Δ', 'p', ''],
      monthly.periods.map((p) => {
        const d = delta(p.change);
        const method = p.result.metric === 'nps' ? p.result.intervalMethod : '';
        return [p.period, String(p.result.n), fixed(p.result.score), ci(p.result.interval), method, d.text, d.p, `${d.flag}${p.result.reliable ? '' : ' (small)'}`];
      }),
      [false, true, true, false, false, true, true, false],
    ),
  );

  // 4. Key drivers.
  const drivers = keyDrivers(lastYear, { outcome: 'nps', drivers: ['productQuality', 'serviceAttitude', 'afterSales'] });
  out.push('', 'Key drivers of the NPS answer (aspects rated 1-5; relative importance = share of R²):');
  if (E.isRight(drivers)) {
    const k = drivers.right;
    out.push(
      table(
        ['driver', 'Pearson r', 'Spearman ρ', 'Shapley %', 'Johnson %', 'mean', 'perf.', 'quadrant'],
        k.drivers.map((d) => [
          d.driver,
          fixed(d.pearson.r, 3),
          fixed(d.spearman.rho, 3),
          fixed(100 * (d.shapley?.share ?? Number.NaN)),
          fixed(100 * d.johnson.share),
          fixed(d.mean, 2),
          fixed(d.performance),
          d.quadrant,
        ]),
        [false, true, true, true, true, true, true, false],
      ),
    );
    out.push(
      `R² ${fixed(k.rSquared, 3)} on ${k.n.toLocaleString('en-US')} complete responses (${k.excluded.toLocaleString('en-US')} without every aspect excluded); ` +
        `Shapley and Johnson ${k.agreement?.sameOrder === true ? 'agree on the order' : 'order the drivers differently'} (max share difference ${fixed(100 * (k.agreement?.maxShareDifference ?? 0))} pts).`,
    );
    out.push(`Quadrant rule: ${k.quadrantThresholds.rule}.`);
  } else out.push(`  not computed: ${drivers.left.message}`);

  // 5. Before / after an action date.
  const actionAt = asOf - 182 * DAY;
  const effect = beforeAfter(postPurchase, { metric: 'csat', actionAt, windowDays: 90, washoutDays: 7 });
  if (E.isRight(effect)) {
    const e = effect.right;
    const d = delta(e.effect);
    out.push(
      '',
      `Before/after an action on ${e.actionAt.slice(0, 10)} (CSAT %, 90-day windows, 7-day washout): before ${fixed(e.before.result.score)} ${ci(e.before.result.interval)} (n ${e.before.result.n}), ` +
        `after ${fixed(e.after.result.score)} ${ci(e.after.result.interval)} (n ${e.after.result.n}); effect ${d.text} pts ${ci(e.effect.interval)}, p ${d.p}${d.flag === '*' ? ' (significant)' : ' (not significant)'}.`,
    );
  }

  // 6. Feedback categories.
  const feedback = categorizeFeedback(lastYear, { taxonomy: TAXONOMY, includeItems: false });
  out.push('', `Feedback categories (${feedback.withText.toLocaleString('en-US')} comments, ${feedback.uncategorized} uncategorised; multi-label):`);
  out.push(
    table(
      ['category', 'comments', 'share %', 'detractor mentions', 'of detractors %', 'lift'],
      feedback.categories.map((c) => [c.label, String(c.count), fixed(100 * c.share), String(c.detractorCount), fixed(100 * c.detractorShare), c.lift === null ? '' : fixed(c.lift, 2)]),
      [false, true, true, true, true, true],
    ),
  );
  out.push(`Top among detractors: ${feedback.topAmongDetractors.slice(0, 3).map((c) => `${c.label} (${c.detractorCount})`).join(', ')}.`);

  // 7. Complaints.
  const windowStart = asOf - 90 * DAY;
  const orders = new Set(
    base.transactions.filter((t) => t.kind === 'purchase' && t.occurredAt > windowStart && t.occurredAt <= asOf).map((t) => t.orderId ?? t.id),
  ).size;
  const complaintsResult = complaintMetrics(base.complaints, { asOf, from: windowStart, orderCount: orders, sla: { firstResponseHours: 24, resolutionHours: 72 } });
  const c = complaintsResult;
  const hours = (value: number | null): string => (value === null ? '–' : fixed(value));
  out.push('', `Complaints opened in the last 90 days: ${c.complaints} on ${orders.toLocaleString('en-US')} orders.`);
  const lines = [
    ['rate per 1,000 orders', c.ratePer1000Orders === null ? '–' : fixed(c.ratePer1000Orders.per1000, 2), c.ratePer1000Orders === null ? '' : `${ci(c.ratePer1000Orders.interval, 2)} exact Poisson`],
    ['first response, hours', `median ${hours(c.firstResponse.medianHours)}, p90 ${hours(c.firstResponse.p90Hours)}`, `n ${c.firstResponse.n}`],
    ['resolution, hours', `median ${hours(c.resolution.medianHours)}, p90 ${hours(c.resolution.p90Hours)}`, `n ${c.resolution.n} resolved`],
    ['SLA breach: first response 24 h', c.sla.firstResponse.breachRate === null ? '–' : `${fixed(c.sla.firstResponse.breachRate.percent)} %`, c.sla.firstResponse.breachRate === null ? '' : `${ci(c.sla.firstResponse.breachRate.interval)} (${c.sla.firstResponse.pending} pending)`],
    ['SLA breach: resolution 72 h', c.sla.resolution.breachRate === null ? '–' : `${fixed(c.sla.resolution.breachRate.percent)} %`, c.sla.resolution.breachRate === null ? '' : `${ci(c.sla.resolution.breachRate.interval)} (${c.sla.resolution.pending} pending)`],
    ['reopen rate', c.reopen.reopenRate === null ? '–' : `${fixed(c.reopen.reopenRate.percent)} %`, `${c.reopen.reopened} of ${c.reopen.resolved} resolved`],
    ['open backlog by age', String(c.backlog.open), c.backlog.buckets.map((b) => `${b.label} ${b.count}`).join(', ')],
  ];
  out.push(table(['metric', 'value', 'detail'], lines, [false, true, false]));
  out.push('', 'Top complaint categories:');
  out.push(
    table(
      ['category', 'complaints', 'share %', 'open', 'median resolution h'],
      c.byCategory.slice(0, 6).map((k) => [k.category, String(k.count), fixed(100 * k.share), String(k.open), hours(k.medianResolutionHours)]),
      [false, true, true, true, true],
    ),
  );
  return out.join('\n');
}
