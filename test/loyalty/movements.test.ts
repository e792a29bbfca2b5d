import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import { apply, balance, convert, transfer } from '../../src/loyalty/index.js';
import { account, at, exampleProgram, purchase, refusal, simpleProgram, step } from './helpers.js';

const p = exampleProgram();
const now = at('2030-01-01T00:00:00Z');
const alice = (() => {
  let a = step(p, account(p, 'alice'), purchase('o1', '2024-03-05T10:00:00Z', 300)).account;
  a = step(p, a, { type: 'tick', key: 't', occurredAt: at('2024-03-20T10:00:00Z') }).account;
  return step(p, a, {
    type: 'adjust',
    key: 'gift',
    occurredAt: at('2024-05-10T10:00:00Z'),
    points: '2000',
    reason: 'goodwill',
  }).account;
})();

describe('transfers', () => {
  it('move points with their original expiry, soonest-expiring first', () => {
    const bob = account(p, 'bob');
    const result = transfer(
      p,
      alice,
      bob,
      { key: 'gift-1', occurredAt: at('2024-06-01T10:00:00Z'), transferId: 'gift-1', points: '500' },
      { now },
    );
    if (E.isLeft(result)) throw new Error(result.left.message);
    const bobAfter = apply(bob, result.right.recipient.postings);
    const aliceLots = alice.lots;
    expect(bobAfter.lots.map((l) => [l.earned, l.expiresAt])).toEqual([
      ['350', aliceLots[0]!.expiresAt], // 300 spend + 50 welcome
      ['150', aliceLots[1]!.expiresAt],
    ]);
    expect(balance(p, apply(alice, result.right.sender.postings), { now: at('2024-06-02T00:00:00Z') }).available).toBe(
      '1850',
    );
    // A retry once both sides are applied is a duplicate on both; a retry after only the sender applied is refused.
    const aliceAfter = apply(alice, result.right.sender.postings);
    const request = { key: 'gift-1', occurredAt: at('2024-06-01T10:00:00Z'), transferId: 'gift-1', points: '500' };
    const retry = transfer(p, aliceAfter, bobAfter, request, { now });
    expect(E.isRight(retry) && [retry.right.sender.status, retry.right.recipient.status]).toEqual([
      'duplicate',
      'duplicate',
    ]);
    const half = transfer(p, aliceAfter, bob, request, { now });
    expect(E.isLeft(half) && half.left.code).toBe('key-reused');
  });

  it('refuse self transfers, small transfers and overdrafts', () => {
    const when = at('2024-06-01T10:00:00Z');
    expect(
      refusal(p, alice, {
        type: 'transfer-out',
        key: 'x',
        occurredAt: when,
        transferId: 'x',
        to: 'alice',
        points: '100',
      }).code,
    ).toBe('same-member');
    expect(
      refusal(p, alice, { type: 'transfer-out', key: 'x', occurredAt: when, transferId: 'x', to: 'bob', points: '10' })
        .code,
    ).toBe('below-minimum');
    expect(
      refusal(p, alice, {
        type: 'transfer-out',
        key: 'x',
        occurredAt: when,
        transferId: 'x',
        to: 'bob',
        points: '9999',
      }).code,
    ).toBe('insufficient-points');
    const closed = simpleProgram();
    expect(
      refusal(closed, account(closed), {
        type: 'transfer-out',
        key: 'x',
        occurredAt: when,
        transferId: 'x',
        to: 'bob',
        points: '1',
      }).code,
    ).toBe('transfers-disabled');
  });
});

describe('partner conversion', () => {
  it('converts whole blocks only', () => {
    const when = at('2024-06-01T10:00:00Z');
    const ok = convert(
      p,
      alice,
      { key: 'm', occurredAt: when, partnerId: 'sky-miles', direction: 'to-partner', points: '2000' },
      { now },
    );
    expect(E.isRight(ok) && [ok.right.partnerUnits, ok.right.summary.spent]).toEqual(['500', '2000']);
    expect(
      refusal(p, alice, {
        type: 'convert',
        key: 'm',
        occurredAt: when,
        partnerId: 'sky-miles',
        direction: 'to-partner',
        points: '1500',
      }).code,
    ).toBe('not-a-whole-block');
    expect(
      refusal(p, alice, {
        type: 'convert',
        key: 'm',
        occurredAt: when,
        partnerId: 'sky-miles',
        direction: 'from-partner',
        partnerUnits: '250',
      }).code,
    ).toBe('conversion-unavailable');
    expect(
      refusal(p, alice, {
        type: 'convert',
        key: 'm',
        occurredAt: when,
        partnerId: 'rail',
        direction: 'to-partner',
        points: '1000',
      }).code,
    ).toBe('unknown-partner');
    const q = simpleProgram({ partners: [{ id: 'rail', fromPartner: { points: '100', partnerUnits: '500' } }] });
    const credited = step(q, account(q), {
      type: 'convert',
      key: 'in',
      occurredAt: when,
      partnerId: 'rail',
      direction: 'from-partner',
      partnerUnits: '1500',
    });
    expect(credited.evaluation.postings[0]).toMatchObject({
      kind: 'convert',
      direction: 'from-partner',
      points: '300',
      partnerUnits: '1500',
    });
  });
});

describe('adjustments', () => {
  it('credit a lot or debit spendable points', () => {
    const when = at('2024-06-01T10:00:00Z');
    const minus = step(p, alice, {
      type: 'adjust',
      key: 'fix',
      occurredAt: when,
      points: '-100',
      reason: 'duplicate order',
    });
    expect(minus.evaluation.postings[0]).toMatchObject({ kind: 'adjust', points: '100', reason: 'duplicate order' });
    expect(minus.account.totals.clawedBack).toBe('100');
    expect(
      refusal(p, alice, { type: 'adjust', key: 'fix', occurredAt: when, points: '-99999', reason: 'x' }).code,
    ).toBe('insufficient-points');
  });
});
