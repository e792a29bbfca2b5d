import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, decodePlaybook, planActions, type Playbook, type RiskAssessment, type RiskReason } from '../../src/churn/index.js';
import { AS_OF, DAY } from './fixtures.js';

function reason(code: RiskReason['code'], contribution = 1): RiskReason {
  return { code, severity: 'warning', contribution, reasonId: 'loyalty-tier-downgrade', params: {} };
}
function assessment(customerId: string, score: number, value: number | null, reasons: RiskReason[]): RiskAssessment {
  const level = score >= 0.75 ? 'critical' : score >= 0.5 ? 'high' : score >= 0.25 ? 'medium' : 'low';
  return { customerId, score, level, reasons, positiveContribution: 1, otherContribution: 0, value, priority: value === null ? score : score * value };
}

const risks = [
  assessment('vip', 0.8, 5000, [reason('recency-overdue')]),
  assessment('angry', 0.6, 100, [reason('complaint-unresolved'), reason('recency-overdue', 0.5)]),
  assessment('lapsing', 0.55, 900, [reason('frequency-drop')]),
  assessment('mild', 0.3, 50, [reason('engagement-decline')]),
  assessment('fine', 0.05, 3000, []),
];

describe('planActions', () => {
  it('applies the default playbook: service recovery, personal contact for the valuable, offers, coupons', () => {
    const plan = planActions(risks, { asOf: AS_OF });
    expect(plan.actions.map((a) => [a.customerId, a.action, a.ruleId])).toEqual([
      ['vip', 'personal-contact', 'high-value-personal-contact'],
      ['angry', 'service-recovery', 'service-recovery'],
      ['lapsing', 'tailored-offer', 'lapsing-buyer-offer'],
      ['mild', 'coupon', 'win-back-coupon'],
    ]);
    expect(plan.unmatched).toBe(1);
    expect(plan.counts).toEqual({ 'personal-contact': 1, 'tailored-offer': 1, coupon: 1, 'service-recovery': 1 });
    expect(plan.actions[1]!.signals).toEqual(['complaint-unresolved', 'recency-overdue']);
  });

  it('honours cooldowns from earlier actions and falls through to the next rule', () => {
    const plan = planActions(risks, {
      asOf: AS_OF,
      pastActions: [
        { customerId: 'angry', action: 'service-recovery', at: AS_OF - 10 * DAY },
        { customerId: 'mild', action: 'coupon', at: AS_OF - 45 * DAY },
        { customerId: 'vip', action: 'personal-contact', at: AS_OF + 5 * DAY },
      ],
    });
    expect(plan.suppressed).toEqual([
      { customerId: 'angry', action: 'service-recovery', ruleId: 'service-recovery', lastActionAt: '2024-06-21T00:00:00.000Z', availableFrom: '2024-07-21T00:00:00.000Z' },
    ]);
    const angry = plan.actions.find((a) => a.customerId === 'angry')!;
    expect(angry.action).toBe('coupon');
    expect(plan.actions.find((a) => a.customerId === 'mild')!.action).toBe('coupon');
    expect(plan.actions.find((a) => a.customerId === 'vip')!.action).toBe('personal-contact');
  });

  it('matches segments, signal sets, value bounds and several actions per customer', () => {
    const playbook: Playbook = {
      version: 1,
      maxActionsPerCustomer: 2,
      rules: [
        { id: 'seg', action: 'tailored-offer', priority: 2, cooldownDays: 0, when: { segments: ['Champions'], allSignals: ['recency-overdue'] } },
        { id: 'cheap', action: 'coupon', priority: 1, cooldownDays: 0, when: { maxValue: 1000, noneSignals: ['complaint-unresolved'], minScore: 0.2 } },
        { id: 'any', action: 'personal-contact', priority: 3, cooldownDays: 30, cooldownScope: 'any-action', when: { anyFamilies: ['complaints'] } },
      ],
    };
    const plan = planActions(risks, {
      asOf: AS_OF,
      playbook,
      segments: { vip: 'Champions', angry: 'Champions' },
      pastActions: [{ customerId: 'angry', action: 'coupon', at: AS_OF - DAY }],
    });
    expect(plan.actions.map((a) => `${a.customerId}:${a.ruleId}`)).toEqual(['lapsing:cheap', 'mild:cheap', 'vip:seg', 'angry:seg']);
    expect(plan.suppressed.map((s) => `${s.customerId}:${s.ruleId}`)).toEqual(['angry:any']);
  });

  it('decodes playbooks and reports bad rules with their paths', () => {
    expect(decodePlaybook(JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)))).toEqual(E.right(DEFAULT_PLAYBOOK));
    const bad = decodePlaybook({
      version: 1,
      rules: [
        { id: 'x', action: 'gift', priority: 0, cooldownDays: 1, when: { levels: ['urgent'], anySignals: ['nope'] } },
        { id: 'y', action: 'coupon', priority: 1, cooldownDays: 1, when: {}, colour: 'red' },
      ],
    });
    expect(E.isLeft(bad) && bad.left.map((i) => i.path).sort()).toEqual([
      'playbook.rules[0].action',
      'playbook.rules[0].priority',
      'playbook.rules[0].when.anySignals[0]',
      'playbook.rules[0].when.levels[0]',
      'playbook.rules[1].colour',
    ]);
    const dup = decodePlaybook({ version: 1, rules: [1, 2].map(() => ({ id: 'x', action: 'coupon', priority: 1, cooldownDays: 1, when: {} })) });
    expect(E.isLeft(dup) && dup.left[0]!.path).toBe('playbook.rules[1].id');
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (input) => {
        decodePlaybook(input);
        decodePlaybook({ version: 1, rules: [input] });
        decodePlaybook({ version: 1, rules: [{ id: 'x', action: 'coupon', priority: 1, cooldownDays: 1, when: input }] });
      }),
      { numRuns: 300 },
    );
  });
});
