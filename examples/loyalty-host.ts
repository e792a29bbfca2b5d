/**
 * A runnable in-memory host for `clientele/loyalty`: how an application stores the ledger and runs the engine.
 *
 * Run: `node --import tsx examples/loyalty-host.ts`
 *
 * The "database" below has the same shape as the SQL sketch in docs/loyalty.md:
 * - `postings`: append-only, unique on (member_id, event_key, seq) — the ledger;
 * - `accounts`: one row per member with the serialised account and a version for optimistic concurrency;
 * - `campaign_budget` and `reward_stock`: shared counters updated with conditional writes.
 * Every event is handled in one transaction: load the account, evaluate, insert the postings, update the account
 * only if its version did not move (the conditional debit), update the shared counters only if they stay within
 * bounds, commit. A duplicate delivery is a no-op; a lost race is retried with the fresh account.
 */
import { either as E } from 'fp-ts';
import type { Account, LoyaltyEvent, Posting, Program } from '../src/loyalty/index.js';
import {
  apply,
  balance,
  emptyAccount,
  evaluate,
  EXAMPLE_PROGRAM,
  parseAccount,
  parseProgram,
  serializeAccount,
  tierStatus,
} from '../src/loyalty/index.js';

interface Tables {
  postings: Map<string, { memberId: string; eventKey: string; seq: number; posting: Posting }>;
  accounts: Map<string, { state: string; version: number }>;
  campaignBudget: Map<string, string>;
  rewardStock: Map<string, number>;
  outbox: { memberId: string; event: LoyaltyEvent }[];
}

/** A toy database: each transaction works on a copy and swaps it in on commit (all or nothing). */
class Database {
  private tables: Tables = {
    postings: new Map(),
    accounts: new Map(),
    campaignBudget: new Map(),
    rewardStock: new Map([['mug', 50]]),
    outbox: [],
  };

  transaction<T>(work: (tx: Tables) => T): T {
    const tx: Tables = {
      postings: new Map(this.tables.postings),
      accounts: new Map(this.tables.accounts),
      campaignBudget: new Map(this.tables.campaignBudget),
      rewardStock: new Map(this.tables.rewardStock),
      outbox: [...this.tables.outbox],
    };
    const result = work(tx); // throws → nothing is committed
    this.tables = tx;
    return result;
  }

  read<T>(query: (tables: Tables) => T): T {
    return query(this.tables);
  }
}

class ConflictError extends Error {}

function compile(definition: unknown): Program {
  const result = parseProgram(definition);
  if (E.isLeft(result)) throw new Error(result.left.map((i) => i.message).join('\n'));
  return result.right;
}

const program = compile(EXAMPLE_PROGRAM);
const db = new Database();

function loadAccount(tables: Tables, memberId: string, openedAt: number): { account: Account; version: number } {
  const row = tables.accounts.get(memberId);
  if (row === undefined) return { account: emptyAccount(program, { memberId, openedAt }), version: 0 };
  const parsed = parseAccount(row.state);
  if (E.isLeft(parsed)) throw new Error(`corrupt account ${memberId}: ${parsed.left[0]?.message ?? ''}`);
  return { account: parsed.right, version: row.version };
}

/** Handles one event for one member: the whole host contract in one function. */
function handle(
  memberId: string,
  event: LoyaltyEvent,
  now: number,
  options: { simulateRaceOnce?: boolean } = {},
): string {
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return db.transaction((tx) => {
        const { account, version } = loadAccount(tx, memberId, event.occurredAt);
        const result = evaluate(program, account, event, {
          now,
          campaignBudgetUsed: Object.fromEntries(tx.campaignBudget),
          stockRemaining: Object.fromEntries(tx.rewardStock),
        });
        if (E.isLeft(result)) return `refused (${result.left.code}): ${result.left.message}`;
        const evaluation = result.right;
        if (evaluation.status === 'duplicate') return 'duplicate: already applied, nothing to do';
        // 1. Append the postings; the unique key (member, event key, seq) stops a concurrent duplicate delivery.
        evaluation.postings.forEach((posting, seq) => {
          const key = `${memberId}|${posting.eventKey}|${seq}`;
          if (tx.postings.has(key)) throw new ConflictError('duplicate posting');
          tx.postings.set(key, { memberId, eventKey: posting.eventKey, seq, posting });
        });
        // 2. Conditional write of the account: only if nobody else updated it since we read it.
        if (options.simulateRaceOnce === true && attempt === 1) {
          // Another request (a second checkout) won the race in the meantime.
          const rival = tx.accounts.get(memberId);
          if (rival !== undefined) tx.accounts.set(memberId, { ...rival, version: rival.version + 1 });
        }
        const current = tx.accounts.get(memberId)?.version ?? 0;
        if (current !== version)
          throw new ConflictError(`account ${memberId} moved from version ${version} to ${current}`);
        tx.accounts.set(memberId, {
          state: serializeAccount(apply(account, evaluation.postings)),
          version: version + 1,
        });
        // 3. Shared counters, conditionally: budgets may not overrun, stock may not go below zero.
        for (const usage of evaluation.campaignUsage) {
          tx.campaignBudget.set(
            usage.campaignId,
            String(Number(tx.campaignBudget.get(usage.campaignId) ?? '0') + Number(usage.points)),
          );
        }
        for (const usage of evaluation.stockUsage) {
          const left = (tx.rewardStock.get(usage.rewardId) ?? Number.POSITIVE_INFINITY) - usage.quantity;
          if (left < 0) throw new ConflictError(`reward ${usage.rewardId} out of stock`);
          if (Number.isFinite(left)) tx.rewardStock.set(usage.rewardId, left);
        }
        // 4. Work for other accounts (referrer rewards, incoming transfers) goes to an outbox, same transaction.
        tx.outbox.push(...evaluation.effects);
        return `${evaluation.summary.earned !== '0' ? `+${evaluation.summary.earned}` : ''}${evaluation.summary.spent !== '0' ? ` −${evaluation.summary.spent}` : ''}${evaluation.summary.clawedBack !== '0' ? ` clawback ${evaluation.summary.clawedBack}` : ''} | ${evaluation.explanation.notes.join('; ') || 'no points'}`;
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      console.log(`    conflict (${error.message}), retrying with the fresh account (attempt ${attempt + 1})`);
    }
  }
  return 'gave up after 3 attempts';
}

/** Delivers outbox events to their accounts (a background worker in a real host). */
function drainOutbox(now: number): void {
  const pending = db.read((t) => t.outbox);
  db.transaction((tx) => {
    tx.outbox = [];
  });
  for (const { memberId, event } of pending)
    console.log(`  outbox → ${memberId} ${event.type}: ${handle(memberId, event, now)}`);
}

const now = Date.parse('2024-07-01T00:00:00Z');
const t = (iso: string): number => Date.parse(iso);
const purchase: LoyaltyEvent = {
  type: 'purchase',
  key: 'order-1001',
  occurredAt: t('2024-05-04T10:30:00+02:00'),
  orderId: '1001',
  amount: 43,
  lines: [
    { sku: 'BEANS-1KG', category: 'beans', quantity: 1, unitPrice: 18 },
    { sku: 'CROISSANT', category: 'bakery', quantity: 2, unitPrice: 2.5 },
    { sku: 'GIFT-20', category: 'gift-card', quantity: 1, unitPrice: 20 },
  ],
};

console.log('Coffee Club, in-memory host\n');
console.log(
  `signup:            ${handle('ann', { type: 'signup', key: 'signup-ann', occurredAt: t('2024-05-02T09:00:00+02:00'), birthDate: '1990-06-15', referredBy: 'bob' }, now)}`,
);
console.log(`purchase:          ${handle('ann', purchase, now)}`);
console.log(`same purchase again (webhook retry): ${handle('ann', purchase, now)}`);
drainOutbox(now);
console.log(
  `return window ends: ${handle('ann', { type: 'tick', key: 'tick-2024-05-20', occurredAt: t('2024-05-20T00:00:00+02:00') }, now)}`,
);
console.log(
  `late event:        ${handle('ann', { type: 'custom', key: 'review-late', occurredAt: t('2024-05-10T18:00:00+02:00'), name: 'review' }, now)}`,
);
console.log(
  `refund of a bag:   ${handle('ann', { type: 'refund', key: 'refund-1001', occurredAt: t('2024-05-21T15:00:00+02:00'), orderId: '1001', lines: [{ sku: 'BEANS-1KG', quantity: 1 }] }, now)}`,
);
console.log('redeem a coffee while another checkout races for the same points:');
console.log(
  `  ${handle('ann', { type: 'redeem', key: 'redeem-1', occurredAt: t('2024-05-22T09:00:00+02:00'), rewardId: 'free-coffee' }, now, { simulateRaceOnce: true })}`,
);
console.log(
  `redeem a mug (Gold only): ${handle('ann', { type: 'redeem', key: 'redeem-2', occurredAt: t('2024-05-22T09:05:00+02:00'), rewardId: 'mug' }, now)}`,
);

const ann = db.read((tables) => loadAccount(tables, 'ann', 0).account);
const bob = db.read((tables) => loadAccount(tables, 'bob', 0).account);
console.log('\nbalances on 2024-05-23:');
for (const account of [ann, bob]) {
  const b = balance(program, account, { now: t('2024-05-23T00:00:00+02:00') });
  const status = tierStatus(program, account, { now: t('2024-05-23T00:00:00+02:00') });
  console.log(
    `  ${account.memberId.padEnd(4)} available ${b.available.padStart(4)}  pending ${b.pending.padStart(4)}  tier ${status?.current.id ?? '-'} (${status?.next === null || status === undefined ? 'top tier' : `${status.next.needed} points to ${status.next.id}`})`,
  );
}
const ledger = db.read((tables) => [...tables.postings.values()]);
console.log(`\nledger: ${ledger.length} postings (${[...new Set(ledger.map((p) => p.posting.kind))].join(', ')})`);
// The account is a projection of the ledger: rebuilding it from the stored postings gives the same state.
const rebuilt = apply(
  emptyAccount(program, { memberId: 'ann', openedAt: t('2024-05-02T09:00:00+02:00') }),
  ledger.filter((p) => p.memberId === 'ann').map((p) => p.posting),
);
console.log(
  `account rebuilt from the ledger matches the stored one: ${JSON.stringify(rebuilt.totals) === JSON.stringify(ann.totals)}`,
);
