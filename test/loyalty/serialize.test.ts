import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAccount, serializeAccount } from '../../src/loyalty/index.js';
import { account, at, exampleProgram, purchase, runAll } from './helpers.js';

const p = exampleProgram();
const rich = runAll(p, account(p), [
  { type: 'signup', key: 's', occurredAt: at('2024-05-02T07:00:00Z'), birthDate: '1990-06-15' },
  purchase('o1', '2024-05-04T10:00:00Z', 43, { lines: [{ sku: 'B', category: 'beans', quantity: 1, unitPrice: 43 }] }),
  { type: 'tick', key: 't', occurredAt: at('2024-05-20T00:00:00Z') },
  { type: 'hold', key: 'h', occurredAt: at('2024-05-21T00:00:00Z'), holdId: 'h1', rewardId: 'free-coffee' },
]).account;

describe('serializeAccount / parseAccount', () => {
  it('round-trips losslessly', () => {
    const text = serializeAccount(rich);
    const back = parseAccount(text);
    expect(back).toEqual(E.right(rich));
    expect(parseAccount(JSON.parse(text))).toEqual(E.right(rich));
  });

  it('detects broken invariants with paths', () => {
    const broken = JSON.parse(serializeAccount(rich)) as {
      lots: { remaining: string }[];
      totals: { available: string };
      eventKeys: string[];
      nextDueAt: number;
    };
    broken.lots[0]!.remaining = '999';
    broken.eventKeys.reverse();
    broken.nextDueAt = 1;
    const result = parseAccount(broken);
    const paths = E.isLeft(result) ? result.left.map((i) => i.path) : [];
    expect(paths).toEqual(
      expect.arrayContaining(['account.lots[0]', 'account.totals.available', 'account.eventKeys[1]']),
    );
    expect(E.isLeft(parseAccount('{not json'))).toBe(true);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        parseAccount(input);
      }),
      { numRuns: 200 },
    );
    const base = JSON.parse(serializeAccount(rich)) as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.jsonValue(), (key, value) => {
        parseAccount({ ...base, [key]: value });
      }),
      { numRuns: 300 },
    );
  });
});
