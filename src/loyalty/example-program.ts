/**
 * A complete example programme — the worked example of the guide (docs/loyalty.md), used by the tests, the
 * runnable host example and the demo. Copy it as a starting point.
 *
 * @module
 */

import type { ProgramDefinition } from './program-types.js';

/**
 * "Coffee Club": 1 point per euro (after discounts, tax and shipping excluded, gift cards excluded), beans earn
 * double, a welcome bonus on the first purchase, signup / birthday / review / referral / streak bonuses, double
 * points on June 2024 weekends, points pending for a 14-day return window, each lot expiring 12 months after it
 * unlocks (rounded to the end of the month), a Gold tier at 1 000 points earned in the calendar year (×1.5), a
 * catalogue, paying with points (100 points = 1 EUR, at most half the order), transfers and airline miles.
 *
 * @example
 * ```ts
 * const program = E.getOrElseW(() => { throw new Error('invalid'); })(parseProgram(EXAMPLE_PROGRAM));
 * program.rules.length //=> 8
 * ```
 */
export const EXAMPLE_PROGRAM: ProgramDefinition = {
  format: 'clientele.loyalty.program/1',
  id: 'coffee-club',
  version: 1,
  name: 'Coffee Club',
  effectiveFrom: '2024-01-01',
  timeZone: 'Europe/Paris',
  currency: 'EUR',
  points: { decimals: 0, value: '0.01' },
  rounding: { mode: 'floor', scope: 'order' },
  earningBase: {
    discounts: 'after',
    tax: 'exclude',
    shipping: 'exclude',
    pointsPaid: 'exclude',
    excludeCategories: ['gift-card'],
  },
  pending: { mode: 'return-window', days: 14, expiryFrom: 'activation' },
  expiry: { lot: { kind: 'after', months: 12, roundTo: 'month' }, spendOrder: 'soonest-expiring' },
  negativeBalance: 'within-balance',
  caps: { perTransaction: '2000', perMemberPerMonth: '10000' },
  rules: [
    { id: 'base', kind: 'spend', points: '1', per: '1' },
    { id: 'beans-x2', kind: 'multiplier', factor: '2', categories: ['beans'] },
    { id: 'welcome', kind: 'first-purchase', points: '50' },
    { id: 'signup', kind: 'signup', points: '100' },
    { id: 'birthday', kind: 'birthday', points: '200', daysBefore: 0, daysAfter: 6 },
    { id: 'review', kind: 'custom', eventName: 'review', points: '25', limit: { period: 'month', maxTimes: 2 } },
    { id: 'refer', kind: 'referral', referrerPoints: '300', refereePoints: '100', condition: { minBasket: '20' } },
    { id: 'regular', kind: 'streak', purchases: 3, withinDays: 30, points: '75' },
  ],
  campaigns: [
    {
      id: 'double-weekend',
      name: 'Double points on June weekends',
      from: '2024-06-01',
      to: '2024-07-01',
      effect: { kind: 'multiplier', factor: '2' },
      condition: { daysOfWeek: [6, 7] },
      stacking: 'additive',
      budget: '500000',
    },
  ],
  tiers: {
    basis: 'points-earned',
    window: { kind: 'calendar-year' },
    downgrade: { mode: 'one-step', graceDays: 30 },
    levels: [
      { id: 'green', name: 'Green', threshold: '0' },
      { id: 'gold', name: 'Gold', threshold: '1000', multiplier: '1.5', perks: ['free refill', 'birthday drink'] },
    ],
  },
  redemption: {
    minBalance: '100',
    holdMinutes: 15,
    rewards: [
      {
        id: 'free-coffee',
        name: 'Free coffee',
        cost: '150',
        value: '3.20',
        perMemberLimit: { maxTimes: 4, period: 'month' },
      },
      { id: 'mug', name: 'Club mug', cost: '800', stock: 50, minTier: 'gold', value: '12.00' },
    ],
    payWithPoints: { pointsPerUnit: '100', maxShare: '0.5' },
  },
  transfers: { enabled: true, minPoints: '50' },
  partners: [{ id: 'sky-miles', name: 'Sky Miles', toPartner: { points: '1000', partnerUnits: '250' } }],
};
