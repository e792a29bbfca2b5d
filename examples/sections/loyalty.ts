/**
 * Demo section: runs a loyalty programme over the generated base's transactions and reports points issued,
 * redeemed and expired, members per tier, the liability, and what a double-points weekend campaign would have cost.
 */
import { either as E } from 'fp-ts';
import type { Customer, Transaction } from '../../src/core/index.js';
import type { Program, SimulationReport } from '../../src/loyalty/index.js';
import { compareSimulations, parseProgram, simulate } from '../../src/loyalty/index.js';

/** The fields of the generated base this section reads. */
interface DemoBase {
  readonly customers: readonly Customer[];
  readonly transactions: readonly Transaction[];
  readonly asOf: number;
}

/** The demo programme: a general retailer's points scheme in EUR. */
const DEMO_PROGRAM = {
  format: 'clientele.loyalty.program/1',
  id: 'clientele-rewards',
  version: 1,
  name: 'Clientele Rewards',
  effectiveFrom: '2020-01-01',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  points: { decimals: 0, value: '0.01' },
  rounding: { mode: 'floor', scope: 'order' },
  pending: { mode: 'return-window', days: 30 },
  expiry: { lot: { kind: 'after', months: 12, roundTo: 'month' } },
  negativeBalance: 'within-balance',
  caps: { perTransaction: '5000' },
  rules: [
    { id: 'base', kind: 'spend', points: '1', per: '1' },
    { id: 'beauty-x2', kind: 'multiplier', factor: '2', categories: ['beauty'] },
    { id: 'welcome', kind: 'first-purchase', points: '100' },
    {
      id: 'app',
      kind: 'fixed',
      points: '10',
      condition: { channel: ['app'] },
      limit: { period: 'month', maxTimes: 4 },
    },
    { id: 'birthday', kind: 'birthday', points: '100', daysAfter: 14 },
  ],
  tiers: {
    basis: 'points-earned',
    window: { kind: 'calendar-year' },
    downgrade: { mode: 'one-step', graceDays: 30 },
    levels: [
      { id: 'member', name: 'Member', threshold: '0' },
      { id: 'silver', name: 'Silver', threshold: '500', multiplier: '1.25' },
      { id: 'gold', name: 'Gold', threshold: '1500', multiplier: '1.5' },
    ],
  },
  redemption: { minBalance: '500', rewards: [{ id: 'voucher-5', name: '5 EUR voucher', cost: '500', value: '5.00' }] },
} as const;

function compile(definition: unknown): Program {
  const result = parseProgram(definition);
  if (E.isLeft(result)) throw new Error(result.left.map((i) => i.message).join('; '));
  return result.right;
}

/** A stable bucket 0-9 of a member id (FNV-1a), for sampling. */
function sampleBucket(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 10;
}

function pad(text: string, width: number, right = true): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

function int(text: string): string {
  return Number(text).toLocaleString('en-US');
}

/**
 * The loyalty section of the demo report.
 *
 * @example
 * ```ts
 * process.stdout.write(loyaltySection(generateCustomerBase({ seed: 'demo', customers: 2000, asOf })));
 * ```
 */
export function loyaltySection(base: DemoBase): string {
  const program = compile(DEMO_PROGRAM);
  const transactions = base.transactions;
  const members = new Set<string>();
  for (const tx of transactions) members.add(tx.customerId);
  const customers = base.customers.filter((c) => members.has(c.id));
  const history = { transactions, customers };
  const redemption = { whenBalanceReaches: '500', rewardId: 'voucher-5' };
  const report: SimulationReport = simulate(program, history, { asOf: base.asOf, redemption });

  const lines: string[] = [];
  const t = report.totals;
  lines.push(
    `Programme "${DEMO_PROGRAM.name}" (1 point per EUR, beauty ×2, welcome 100, app visits +10, birthday 100,`,
  );
  lines.push(
    'tiers Silver ×1.25 / Gold ×1.5 on points earned per calendar year, 30-day return window, 12-month expiry)',
  );
  lines.push(
    `run over ${transactions.length.toLocaleString('en-US')} transactions of ${t.members.toLocaleString('en-US')} members; members redeem a 5 EUR voucher at 500 points.`,
  );
  lines.push('');
  lines.push(`points issued     ${pad(int(t.issued), 14)}`);
  lines.push(
    `points redeemed   ${pad(int(t.redeemed), 14)}   cost ${pad(Number(t.cost).toLocaleString('en-US', { minimumFractionDigits: 2 }), 12)} ${report.currency}`,
  );
  lines.push(`points expired    ${pad(int(t.expired), 14)}`);
  lines.push(`points clawed back${pad(int(t.clawedBack), 14)}   (refunds)`);
  const refused = Object.entries(report.refused)
    .map(([code, n]) => `${code} ${n.toLocaleString('en-US')}`)
    .join(', ');
  if (refused !== '')
    lines.push(
      `events refused    ${refused}${report.rejectedTransactions > 0 ? `; transactions not convertible ${report.rejectedTransactions}` : ''}`,
    );
  lines.push('');
  lines.push(
    `members per tier at ${new Date(base.asOf).toISOString().slice(0, 10)}: ${Object.entries(t.membersByTier)
      .map(([tier, n]) => `${tier} ${n.toLocaleString('en-US')}`)
      .join(', ')}`,
  );
  const l = report.liability;
  lines.push(
    `liability: ${int(l.outstanding.total)} points outstanding (${int(l.outstanding.pending)} pending) × ${l.pointValue} = ${l.grossValue} ${l.currency}; ` +
      `breakage ${(l.breakage.rate * 100).toFixed(1)}% (${l.breakage.method}) → ${l.liability} ${l.currency}`,
  );
  lines.push('');
  lines.push(
    `${pad('month', 8, false)} ${pad('issued', 10)} ${pad('redeemed', 10)} ${pad('expired', 10)} ${pad('cost EUR', 10)} ${pad('outstanding', 12)} ${pad('members', 8)}  tiers (member/silver/gold)`,
  );
  for (const m of report.months.slice(-12)) {
    const tiers = ['member', 'silver', 'gold'].map((id) => String(m.membersByTier[id] ?? 0)).join('/');
    lines.push(
      `${pad(m.month, 8, false)} ${pad(int(m.issued), 10)} ${pad(int(m.redeemed), 10)} ${pad(int(m.expired), 10)} ${pad(m.cost, 10)} ${pad(int(m.outstanding), 12)} ${pad(String(m.members), 8)}  ${tiers}`,
    );
  }

  // What would a double-points weekend campaign over the last 12 months have cost?
  const lastYear = new Date(base.asOf - 365 * 86_400_000).toISOString().slice(0, 10);
  const weekend = compile({
    ...DEMO_PROGRAM,
    version: 2,
    campaigns: [
      {
        id: 'double-weekend',
        from: lastYear,
        to: new Date(base.asOf).toISOString().slice(0, 10),
        effect: { kind: 'multiplier', factor: '2' },
        condition: { daysOfWeek: [6, 7] },
      },
    ],
  });
  // Both versions run on the same 1-in-10 sample of members (chosen by id), and the differences are scaled up.
  const sampled = [...members].filter((id) => sampleBucket(id) === 0);
  const inSample = new Set(sampled);
  const sample = {
    transactions: transactions.filter((tx) => inSample.has(tx.customerId)),
    customers: customers.filter((c) => inSample.has(c.id)),
  };
  const diff = compareSimulations(
    simulate(program, sample, { asOf: base.asOf, redemption }),
    simulate(weekend, sample, { asOf: base.asOf, redemption }),
  );
  const d = diff.totals.difference;
  const scale = members.size / Math.max(1, sampled.length);
  lines.push('');
  lines.push(
    `What-if: double points on weekends for the last 12 months (programme v2 against v1, ${sampled.length.toLocaleString('en-US')}-member sample scaled ×${scale.toFixed(2)}):`,
  );
  lines.push(
    `  +${Math.round(Number(d.issued) * scale).toLocaleString('en-US')} points issued (×${(diff.totals.issuedRatio ?? 1).toFixed(3)}), +${Math.round(Number(d.redeemed) * scale).toLocaleString('en-US')} redeemed, ` +
      `extra cost ${(Number(d.cost) * scale).toFixed(2)} EUR, liability ${Number(d.liability) >= 0 ? '+' : ''}${(Number(d.liability) * scale).toFixed(2)} EUR`,
  );
  return `${lines.join('\n')}\n`;
}
