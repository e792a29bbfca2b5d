/**
 * Demo section: churn early warning on the generated base — risk levels, the top at-risk high-value customers with
 * their reasons and recommended actions, the churn-reason mix from feedback categories, a cohort retention table,
 * a survival summary of time to lapse (Kaplan–Meier, log-rank) and the KPI monitor's latest alerts.
 */
import { isoDateOfDayNumber, type Complaint, type EngagementEvent, type SurveyResponse, type Transaction } from '../../src/core/index.js';
import {
  assessRisk,
  cohortRetention,
  extractSignals,
  kaplanMeier,
  logRank,
  monitorKpis,
  planActions,
  renderReason,
  summarizeChurnReasons,
  survivalAt,
  timeToLapse,
  type KaplanMeierCurve,
  type SignalCode,
} from '../../src/churn/index.js';
import { categorizeFeedback, type Taxonomy } from '../../src/satisfaction/index.js';
import { table } from './format.js';

/**
 * The fields of the generated base this section uses (a structural subset of synth's `CustomerBase`).
 *
 * @example
 * ```ts
 * const base: ChurnDemoBase = { asOf: Date.UTC(2026, 5, 30), transactions: [], surveyResponses: [], complaints: [], engagementEvents: [] };
 * ```
 */
export interface ChurnDemoBase {
  readonly asOf: number;
  readonly transactions: readonly Transaction[];
  readonly surveyResponses: readonly SurveyResponse[];
  readonly complaints: readonly Complaint[];
  readonly engagementEvents: readonly EngagementEvent[];
}

const DAY = 86_400_000;

/** Feedback topics for the churn-reason mix (ids the default reason taxonomy maps to its four reasons). */
const FEEDBACK_TOPICS: Taxonomy = {
  version: 'churn-demo-1',
  categories: [
    { id: 'delivery', label: 'Delivery', keywords: ['delivery', 'shipping', 'parcel', 'late', '快递', '物流'] },
    { id: 'quality', label: 'Product quality', keywords: ['quality', 'broke', 'defective', '质量'] },
    { id: 'service', label: 'Service', keywords: ['staff', 'rude', 'customer service', 'support', '客服'] },
    { id: 'price', label: 'Price', keywords: ['price*', 'expensive', 'cheaper', 'value for money', '价格', '太贵'] },
    { id: 'communication', label: 'Communication', keywords: ['email*', 'newsletter', 'spam', 'no reply', 'information'] },
    { id: 'needs-changed', label: 'Needs changed', keywords: ['no longer need', "don't need", 'moved'] },
  ],
};

const pct = (x: number | null, digits = 0): string => (x === null ? '' : `${(100 * x).toFixed(digits)}%`);
const money = (x: number | null): string => (x === null ? '' : x.toFixed(2));

function survivalLine(label: string, curve: KaplanMeierCurve): string[] {
  const m = curve.median;
  const median = m.time === null ? '> observed' : `${m.time} d [${m.lower ?? '…'}, ${m.upper ?? '…'}]`;
  return [label, String(curve.observations), String(curve.events), median, ...[90, 180, 365, 730].map((t) => pct(survivalAt(curve, t)))];
}

/**
 * Renders the churn section of the demo report.
 *
 * @example
 * ```ts
 * process.stdout.write(churnSection(generateCustomerBase({ seed: 'demo', customers: 2000, asOf: Date.UTC(2026, 5, 30) })));
 * ```
 */
export function churnSection(base: ChurnDemoBase): string {
  const out: string[] = [];
  const asOf = base.asOf;
  const data = {
    transactions: base.transactions,
    surveyResponses: base.surveyResponses,
    complaints: base.complaints,
    engagementEvents: base.engagementEvents,
  };

  // 1. Signals and risk (uncalibrated, no purchase model passed in here; value = net spend of the last 12 months).
  const report = extractSignals(data, { asOf });
  const risk = assessRisk(report, { values: 'spend-last-year' });
  const counts = risk.levelCounts;
  out.push(
    `Scored ${report.customers.length.toLocaleString('en-US')} customers as of ${report.asOf.slice(0, 10)} (cohort gap ${report.cohort.typicalGapDays?.toFixed(0) ?? 'n/a'} days, ${report.cohort.basis}).`,
    `Risk levels: critical ${counts.critical}, high ${counts.high}, medium ${counts.medium}, low ${counts.low}; value at risk (Σ score × 12-month spend) ${risk.valueAtRisk.toFixed(0)}.`,
  );
  const fired = new Map<SignalCode, number>();
  for (const row of report.customers) for (const s of row.signals) fired.set(s.code, (fired.get(s.code) ?? 0) + 1);
  out.push(
    `Signals raised: ${[...fired.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code} ${n}`)
      .join(', ')}.`,
  );

  // 2. Top at-risk high-value customers, their reasons and the recommended action.
  const plan = planActions(risk, { asOf });
  const actionOf = new Map(plan.actions.map((a) => [a.customerId, a.action]));
  const top = risk.customers.filter((c) => c.level === 'high' || c.level === 'critical').slice(0, 10);
  out.push('', 'Top at-risk customers by risk × value:');
  out.push(
    table(
      ['customer', 'level', 'score', '12m spend', 'priority', 'top reasons', 'action'],
      top.map((c) => [
        c.customerId,
        c.level,
        c.score.toFixed(2),
        money(c.value),
        c.priority.toFixed(0),
        c.reasons
          .slice(0, 3)
          .map((r) => r.code)
          .join(', '),
        actionOf.get(c.customerId) ?? '—',
      ]),
      [false, false, true, true, true, false, false],
    ),
  );
  out.push('', 'Why (first three):');
  for (const c of top.slice(0, 3)) {
    out.push(`  ${c.customerId}:`);
    for (const r of c.reasons.slice(0, 3)) out.push(`    • ${renderReason(r)}`);
  }
  out.push(
    '',
    `Action plan (default playbook): ${Object.entries(plan.counts)
      .map(([action, n]) => `${action} ${n}`)
      .join(', ')}; ${plan.unmatched} customers need no action.`,
  );

  // 3. Churn reasons: feedback categories (satisfaction module) mapped to the reason taxonomy.
  const lastYear = [...base.surveyResponses.filter((r) => r.respondedAt > asOf - 365 * DAY && r.respondedAt <= asOf), ...base.complaints.filter((c) => c.openedAt > asOf - 365 * DAY && c.openedAt <= asOf)];
  const feedback = categorizeFeedback(lastYear, { taxonomy: FEEDBACK_TOPICS });
  const categories: Record<string, string[]> = {};
  for (const item of feedback.items ?? []) {
    const id = lastYear[item.index]?.customerId;
    if (id === undefined || item.categories.length === 0) continue;
    (categories[id] ??= []).push(...item.categories);
  }
  const atRisk = risk.customers.filter((c) => c.level === 'high' || c.level === 'critical').map((c) => c.customerId);
  const lost = report.customers.filter((c) => c.daysSinceLastPurchase !== null && c.daysSinceLastPurchase >= 365).map((c) => c.customerId);
  const mix = summarizeChurnReasons(categories, { groups: { 'at risk (high+critical)': atRisk, 'lost (no purchase for 365+ days)': lost } });
  out.push('', 'Churn-reason mix among customers with feedback in the last 12 months:');
  out.push(
    table(
      ['group', 'customers', 'with feedback', 'service quality', 'competitor', 'needs changed', 'communication'],
      mix.groups.map((g) => {
        const share = (code: string): string => pct(g.reasons.find((r) => r.code === code)?.share ?? 0);
        return [g.group, String(g.customers), String(g.withFeedback), share('service-quality'), share('competitor'), share('needs-changed'), share('poor-communication')];
      }),
      [false, true, true, true, true, true, true],
    ),
  );

  // 4. Cohort retention (monthly; null cells = not observable yet, shown blank).
  const cohorts = cohortRetention({ transactions: base.transactions }, { asOf, period: 'month', periods: 7, cohorts: 8 });
  out.push('', `Monthly cohort retention (share of the cohort buying in month k; blank = not complete yet; last complete month ${cohorts.lastCompletePeriod}):`);
  out.push(
    table(
      ['cohort', 'size', ...Array.from({ length: 7 }, (_, k) => `m${k}`)],
      [
        ...cohorts.cohorts.map((c) => [c.cohort, String(c.size), ...c.rates.map((r) => pct(r))]),
        ['average*', '', ...cohorts.average.map((r) => pct(r))],
      ],
      [false, true, true, true, true, true, true, true, true],
    ),
  );
  out.push(
    `* weighted over complete cohorts only. Repeat purchase: ${pct(cohorts.repeatPurchase.ever.rate)} ever, ${pct(cohorts.repeatPurchase.within.rate)} within ${cohorts.repeatPurchase.within.days} days. Churn: ${pct(cohorts.churn.rate, 1)} (${cohorts.churn.definition}).`,
  );

  // 5. Survival of time to lapse (a 180-day gap without purchases), all customers and by complaint history.
  const lapses = timeToLapse({ transactions: base.transactions }, { asOf, lapseDays: 180 });
  const complained = new Set(base.complaints.filter((c) => c.openedAt < asOf).map((c) => c.customerId));
  const withComplaint = lapses.filter((o) => complained.has(o.customerId));
  const without = lapses.filter((o) => !complained.has(o.customerId));
  const all = kaplanMeier(lapses);
  out.push('', 'Time to lapse (no purchase for 180 days), Kaplan–Meier with Greenwood / log-log 95% intervals:');
  out.push(
    table(
      ['group', 'customers', 'lapses', 'median [95% CI]', 'S(90d)', 'S(180d)', 'S(365d)', 'S(730d)'],
      [survivalLine('all', all), survivalLine('complained', kaplanMeier(withComplaint)), survivalLine('never complained', kaplanMeier(without))],
      [false, true, true, true, true, true, true, true],
    ),
  );
  const test = logRank(withComplaint, without);
  out.push(`Log-rank (complained vs not): χ² ${test.statistic.toFixed(2)}, p ${test.pValue < 0.001 ? '< 0.001' : test.pValue.toFixed(3)} (observed ${test.observed.join(' / ')}, expected ${test.expected.map((e) => e.toFixed(1)).join(' / ')}).`);

  // 6. KPI monitor: the latest complete month and its alerts.
  const monitor = monitorKpis({ transactions: base.transactions }, { asOf, periods: 6 });
  const latest = monitor.latestPeriod;
  const value = (name: 'activeCustomers' | 'retention' | 'repurchaseRate' | 'averageOrderValue'): string => {
    const point = monitor.series[name].at(-1)!;
    const v = point.value;
    const text = v === null ? 'n/a' : name === 'activeCustomers' ? String(v) : name === 'averageOrderValue' ? v.toFixed(2) : pct(v, 1);
    return `${text} (${point.status})`;
  };
  out.push(
    '',
    `KPIs ${latest} (band: mean ± 2 sd of the 6 previous months): active ${value('activeCustomers')}, retention ${value('retention')}, repurchase ${value('repurchaseRate')}, AOV ${value('averageOrderValue')}.`,
  );
  const alerts = monitor.alerts.filter((a) => a.period === latest);
  out.push(alerts.length === 0 ? 'No KPI alerts for the latest month.' : alerts.map((a) => `  ! ${a.message}`).join('\n'));
  out.push(`(Data through ${isoDateOfDayNumber(report.asOfDay - 1)}.)`);
  return out.join('\n');
}
