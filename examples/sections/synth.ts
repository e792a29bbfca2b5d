/**
 * Demo section "Generated base": what the synthetic base holds — persons and their source records, transactions and
 * refunds, survey responses, complaints, engagement events, and the share of persons still alive at `asOf`.
 */
import type { Complaint, Customer, EngagementEvent, SurveyResponse, Transaction } from '../../src/core/index.js';

/** The fields of the generated base this section reads. */
interface DemoBase {
  readonly asOf: number;
  readonly customers: readonly Customer[];
  readonly transactions: readonly Transaction[];
  readonly surveyResponses: readonly SurveyResponse[];
  readonly complaints: readonly Complaint[];
  readonly engagementEvents: readonly EngagementEvent[];
  readonly truth: readonly { readonly alive: boolean; readonly recordIds: readonly string[]; readonly dropoutAt: number }[];
}

const DAY = 86_400_000;
const count = (n: number): string => n.toLocaleString('en-US');
const percent = (part: number, whole: number): string => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);
const money = (x: number): string => x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  // First and last columns left-aligned, numbers in between right-aligned.
  const last = widths.length - 1;
  return rows
    .map((r) => r.map((cell, c) => (c === 0 || c === last ? cell.padEnd(c === last ? 0 : widths[c]!) : cell.padStart(widths[c]!))).join('   '))
    .join('\n');
}

/**
 * Renders the "Generated base" section of the demo report.
 *
 * @example
 * ```ts
 * process.stdout.write(synthSection(generateCustomerBase({ seed: 'demo', customers: 2000, asOf: '2025-01-01' })));
 * ```
 */
export function synthSection(base: DemoBase): string {
  const persons = base.truth.length;
  const bySource = new Map<string, number>();
  for (const c of base.customers) bySource.set(c.source ?? '(none)', (bySource.get(c.source ?? '(none)') ?? 0) + 1);
  const duplicated = base.truth.filter((t) => t.recordIds.length > 1).length;

  let purchases = 0;
  let refunds = 0;
  let sales = 0;
  let refunded = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of base.transactions) {
    if (t.kind === 'purchase') {
      purchases++;
      sales += t.amount;
    } else {
      refunds++;
      refunded += t.amount;
    }
    first = Math.min(first, t.occurredAt);
    last = Math.max(last, t.occurredAt);
  }
  const currency = base.transactions[0]?.currency ?? '';
  const withComment = base.surveyResponses.filter((r) => r.comment !== undefined).length;
  const openComplaints = base.complaints.filter((c) => c.resolvedAt === undefined).length;
  const alive = base.truth.filter((t) => t.alive).length;
  const leavingSoon = base.truth.filter((t) => t.dropoutAt > base.asOf && t.dropoutAt <= base.asOf + 90 * DAY).length;

  const rows: string[][] = [
    ['', 'count', 'detail'],
    ['persons (true customers)', count(persons), `${percent(duplicated, persons)} with records in several sources`],
    ['source records', count(base.customers.length), [...bySource].map(([s, n]) => `${s} ${count(n)}`).join(', ')],
    ['purchases', count(purchases), `${(purchases / Math.max(1, persons)).toFixed(1)} per person, ${money(sales)} ${currency}`],
    ['refunds', count(refunds), `${percent(refunds, purchases)} of purchases, ${money(refunded)} ${currency}`],
    ['survey responses', count(base.surveyResponses.length), `${percent(withComment, base.surveyResponses.length)} with a comment`],
    ['complaints', count(base.complaints.length), `${((1000 * base.complaints.length) / Math.max(1, purchases)).toFixed(1)} per 1,000 orders, ${count(openComplaints)} unresolved`],
    ['engagement events', count(base.engagementEvents.length), `${(base.engagementEvents.length / Math.max(1, persons)).toFixed(1)} per person`],
    ['alive at as-of (truth)', count(alive), `${percent(alive, persons)}; ${count(leavingSoon)} drop out within 90 days`],
  ];
  const span =
    base.transactions.length === 0
      ? 'no transactions'
      : `transactions from ${new Date(first).toISOString().slice(0, 10)} to ${new Date(last).toISOString().slice(0, 10)}`;
  return `${table(rows)}\n\n${span}; as of ${new Date(base.asOf).toISOString().slice(0, 10)}\n`;
}
