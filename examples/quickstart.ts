/**
 * `npm run demo`: generates a customer base (about 20k customers and 200k transactions) and prints a readable report
 * from every module. Each step reports its progress and how long it took.
 *
 * Options: `npm run demo -- --customers 5000 --seed demo-2`.
 */
import { generateCustomerBase } from '../src/synth/index.js';
import { churnSection } from './sections/churn.js';
import { clvSection } from './sections/clv.js';
import { loyaltySection } from './sections/loyalty.js';
import { profileSection } from './sections/profile.js';
import { rfmSection } from './sections/rfm.js';
import { satisfactionSection } from './sections/satisfaction.js';
import { synthSection } from './sections/synth.js';

function argument(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

const customers = Number(argument('customers', '20000'));
const seed = argument('seed', 'clientele-demo');
const asOf = Date.parse(argument('as-of', '2026-06-30T00:00:00Z'));

function step<T>(label: string, run: () => T): T {
  process.stderr.write(`▸ ${label}… `);
  const start = performance.now();
  const result = run();
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(`done in ${seconds.toFixed(2)} s\n`);
  return result;
}

const base = step(`generating ${customers.toLocaleString('en-US')} customers (seed "${seed}")`, () =>
  generateCustomerBase({ seed, customers, asOf }),
);

const sections: [string, (b: typeof base) => string][] = [
  ['Generated base', synthSection],
  ['Customer profiles', profileSection],
  ['RFM segmentation', rfmSection],
  ['Customer-lifetime value', clvSection],
  ['Loyalty programme', loyaltySection],
  ['Satisfaction', satisfactionSection],
  ['Churn early warning', churnSection],
];

const rule = '═'.repeat(100);
process.stdout.write(`\nclientele demo report — as of ${new Date(base.asOf).toISOString().slice(0, 10)}\n`);
for (const [title, render] of sections) {
  const text = step(title.toLowerCase(), () => render(base));
  process.stdout.write(`\n${rule}\n ${title}\n${rule}\n${text.trimEnd()}\n`);
}
