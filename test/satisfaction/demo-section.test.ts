import { describe, expect, it } from 'vitest';
import type { Complaint, Transaction } from '../../src/core/index.js';
import { satisfactionSection } from '../../examples/sections/satisfaction.js';
import { syntheticResponses } from './fixtures.js';

const DAY = 86_400_000;
const ASOF = Date.UTC(2024, 11, 31);

describe('demo section', () => {
  it('renders every part of the satisfaction report from a small base', () => {
    const comments = ['Delivery was late', '快递太慢了', 'Great quality', '价格太贵了。', 'The app crashes', 'ok'];
    const surveyResponses = syntheticResponses(1500, 'demo').map((r, i) => ({ ...r, survey: 'post-purchase', ...(i % 3 === 0 ? { comment: comments[i % comments.length]! } : {}) }));
    const transactions: Transaction[] = Array.from({ length: 600 }, (_, i) => ({
      id: `t${i}`,
      customerId: `c${i % 750}`,
      occurredAt: ASOF - (i % 300) * DAY,
      kind: 'purchase',
      amount: 10 + (i % 17) * 5,
      currency: 'EUR',
    }));
    const complaints: Complaint[] = Array.from({ length: 60 }, (_, i) => ({
      id: `k${i}`,
      customerId: `c${i}`,
      openedAt: ASOF - (i + 1) * DAY,
      firstResponseAt: ASOF - (i + 1) * DAY + (i % 30) * 3_600_000,
      ...(i % 4 === 0 ? {} : { resolvedAt: ASOF - (i + 1) * DAY + (i % 5) * 86_400_000 }),
      category: ['delivery', 'returns', 'billing'][i % 3]!,
    }));
    const text = satisfactionSection({ asOf: ASOF, surveyResponses, transactions, complaints });
    for (const heading of ['NPS (0-10)', 'NPS by survey channel', 'value tier', 'Monthly NPS', 'Key drivers', 'Before/after', 'Feedback categories', 'Top complaint categories']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain('afterSales');
    expect(text).not.toContain('NaN');
  });
});
