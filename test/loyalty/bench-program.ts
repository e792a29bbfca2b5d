/**
 * The benchmark's loyalty programme parts, shared by bench/loyalty.bench.ts and the regression test: nine earning
 * rules (spend, category multipliers, first purchase, basket bonus, channel bonus with a monthly limit, product
 * bonus, a lunch-hour condition, a streak) and a three-level tier ladder on points earned.
 */
export const BENCH_RULES = [
  { id: 'base', kind: 'spend', points: '1', per: '1' },
  { id: 'coffee-x2', kind: 'multiplier', factor: '2', categories: ['coffee'] },
  { id: 'tea-x3', kind: 'multiplier', factor: '3', categories: ['tea'], condition: { daysOfWeek: [1] } },
  { id: 'welcome', kind: 'first-purchase', points: '50' },
  { id: 'big-basket', kind: 'fixed', points: '20', condition: { minBasket: '100' } },
  { id: 'app', kind: 'fixed', points: '5', condition: { channel: ['app'] }, limit: { period: 'month', maxTimes: 4 } },
  { id: 'beans-bonus', kind: 'product-bonus', points: '10', skus: ['BEANS-1KG'] },
  {
    id: 'lunch',
    kind: 'fixed',
    points: '3',
    condition: { all: [{ hours: { from: 11, to: 14 } }, { channel: ['store'] }] },
  },
  { id: 'streak', kind: 'streak', purchases: 3, withinDays: 30, points: '30' },
];

export const BENCH_TIERS = {
  basis: 'points-earned',
  window: { kind: 'calendar-year' },
  downgrade: { mode: 'one-step', graceDays: 30 },
  levels: [
    { id: 'member', threshold: '0' },
    { id: 'silver', threshold: '500', multiplier: '1.25' },
    { id: 'gold', threshold: '2000', multiplier: '1.5' },
  ],
};

