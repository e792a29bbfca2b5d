import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_PROGRAM, parseProgram } from '../../src/loyalty/index.js';

function issuesOf(input: unknown): { path: string; expected: string }[] {
  const result = parseProgram(input);
  if (E.isRight(result)) throw new Error('expected issues');
  return result.left.map((i) => ({ path: i.path, expected: i.expected }));
}

describe('parseProgram', () => {
  it('accepts and compiles the example programme', () => {
    const result = parseProgram(EXAMPLE_PROGRAM);
    expect(E.isRight(result)).toBe(true);
    if (E.isLeft(result)) return;
    const program = result.right;
    expect(program.id).toBe('coffee-club');
    expect(program.decimals).toBe(0);
    expect(program.currencyExponent).toBe(2);
    expect(program.effectiveFrom).toBe(Date.parse('2023-12-31T23:00:00Z')); // midnight in Paris
    expect(program.rules.map((r) => r.kind)).toEqual([
      'spend',
      'multiplier',
      'first-purchase',
      'signup',
      'birthday',
      'custom',
      'referral',
      'streak',
    ]);
    expect(program.tiers?.levels.map((l) => l.threshold)).toEqual([0, 1000]);
    expect(program.campaigns[0]?.from).toBe(Date.parse('2024-05-31T22:00:00Z'));
    expect(program.rewards.mug?.minTierIndex).toBe(1);
  });

  it('normalises amounts given as numbers to decimal strings', () => {
    const result = parseProgram({ ...EXAMPLE_PROGRAM, rules: [{ id: 'base', kind: 'spend', points: 1.5, per: 2 }] });
    expect(E.isRight(result) && result.right.definition.rules[0]).toMatchObject({ points: '1.5', per: '2' });
  });

  it('reports every structural problem with its path', () => {
    const issues = issuesOf({
      ...EXAMPLE_PROGRAM,
      format: 'loyalty/2',
      currency: 'EURO',
      rounding: { mode: 'nearest', scop: 'order' },
      rules: [
        { id: 'base', kind: 'spend', points: '-1' },
        { id: 'bad kind', kind: 'cashback', points: '1' },
        { id: 'x', kind: 'fixed', points: '5', condition: { channel: 'web' } },
      ],
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'program.format',
        'program.currency',
        'program.rounding.mode',
        'program.rounding.scop',
        'program.rules[0].points',
        'program.rules[1].kind',
        'program.rules[2].condition.channel',
      ]),
    );
  });

  it('reports every cross-field problem with its path', () => {
    const issues = issuesOf({
      ...EXAMPLE_PROGRAM,
      timeZone: 'Mars/Olympus',
      effectiveTo: '2023-01-01',
      rules: [
        { id: 'base', kind: 'spend', points: '1' },
        { id: 'base', kind: 'fixed', points: '2.5' },
        { id: 'vip', kind: 'fixed', points: '5', condition: { tier: ['platinum'] } },
      ],
      campaigns: [
        {
          id: 'c',
          from: '2024-06-01',
          to: '2024-05-01',
          effect: { kind: 'multiplier', factor: '2' },
          appliesTo: ['nope'],
        },
      ],
      tiers: {
        ...EXAMPLE_PROGRAM.tiers,
        levels: [
          { id: 'green', threshold: '10' },
          { id: 'gold', threshold: '5' },
        ],
      },
      redemption: {
        ...EXAMPLE_PROGRAM.redemption,
        payWithPoints: { pointsPerUnit: '100', minShare: '0.6', maxShare: '0.5' },
      },
    });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'program.timeZone',
        'program.rules[1].id',
        'program.rules[1].points',
        'program.rules[2].condition',
        'program.campaigns[0].to',
        'program.campaigns[0].appliesTo[0]',
        'program.tiers.levels[0].threshold',
        'program.tiers.levels[1].threshold',
        'program.redemption.payWithPoints.maxShare',
      ]),
    );
  });

  it('refuses __proto__ keys and never throws on arbitrary input', () => {
    expect(E.isLeft(parseProgram(JSON.parse('{"__proto__": {"x": 1}}')))).toBe(true);
    expect(
      E.isLeft(parseProgram({ ...EXAMPLE_PROGRAM, rules: [{ id: '__proto__', kind: 'fixed', points: '1' }] })),
    ).toBe(true);
    fc.assert(
      fc.property(fc.anything(), (input) => {
        parseProgram(input);
      }),
      { numRuns: 200 },
    );
    const mutate = fc.record({ key: fc.constantFrom(...Object.keys(EXAMPLE_PROGRAM)), value: fc.jsonValue() });
    fc.assert(
      fc.property(mutate, ({ key, value }) => {
        const result = parseProgram({ ...EXAMPLE_PROGRAM, [key]: value });
        if (E.isLeft(result)) for (const issue of result.left) expect(issue.path.startsWith('program')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
