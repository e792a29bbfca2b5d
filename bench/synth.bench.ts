/**
 * Benchmarks of `clientele/synth`:
 * - the record form at 20k customers (≈ 170k transactions with the default decline phase, plus profiles, surveys, complaints, events);
 * - the columnar fast path at 100k customers (≈ 0.85M transaction rows with the decline phase), target ≤ 3 s;
 * - the columnar fast path at 1M customers (≈ 8.5M rows), once, for the modules that benchmark on 10M rows.
 *
 * Besides the harness's wall-clock median, each case prints the median CPU time of this process per run, which is
 * the steadier figure on a shared machine.
 *
 * Run: `node --import tsx bench/synth.bench.ts` or `npm run bench -- synth`.
 */
import { generateCustomerBase, generateTransactionColumns } from '../src/synth/index.js';
import { measure } from './harness.js';

const asOf = '2025-01-01';

/** Runs `fn` through the harness and prints the median CPU milliseconds per run and a summary line. */
function bench(name: string, fn: () => string, options: { runs: number; warmup: number; targetMs?: number }): void {
  const cpu: number[] = [];
  let summary = '';
  measure(
    name,
    () => {
      const start = process.cpuUsage();
      summary = fn();
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
    },
    options,
  );
  const timed = cpu.slice(options.warmup).sort((a, b) => a - b);
  const median = timed[Math.floor((timed.length - 1) / 2)]!;
  process.stdout.write(`  cpu median ${median.toFixed(0)} ms; ${summary}\n`);
}

bench(
  'synth: record form, 20k customers (≈170k transactions)',
  () => {
    const base = generateCustomerBase({ seed: 'bench', customers: 20_000, asOf });
    const others = base.customers.length + base.surveyResponses.length + base.complaints.length + base.engagementEvents.length;
    return `${base.transactions.length} transactions, ${others} other records`;
  },
  { runs: 5, warmup: 1, targetMs: 2000 },
);

bench(
  'synth: columnar fast path, 100k customers (≈0.85M rows)',
  () => `${generateTransactionColumns({ seed: 'bench', customers: 100_000, asOf }).columns.amount.length} rows`,
  { runs: 5, warmup: 1, targetMs: 3000 },
);

bench(
  'synth: columnar fast path, 1M customers (≈8.5M rows)',
  () => `${generateTransactionColumns({ seed: 'bench', customers: 1_000_000, asOf }).columns.amount.length} rows`,
  { runs: 1, warmup: 0 },
);
