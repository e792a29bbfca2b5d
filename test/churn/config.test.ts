import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNAL_CONFIG, decodeSignalConfig, effectiveWeight, SIGNAL_CODES, SIGNAL_FAMILIES } from '../../src/churn/index.js';

describe('DEFAULT_SIGNAL_CONFIG', () => {
  it('has a rule per signal code, is frozen JSON data, and decodes to itself', () => {
    expect(Object.keys(DEFAULT_SIGNAL_CONFIG.signals)).toEqual([...SIGNAL_CODES]);
    expect(Object.keys(SIGNAL_FAMILIES)).toEqual([...SIGNAL_CODES]);
    expect(Object.isFrozen(DEFAULT_SIGNAL_CONFIG.signals['recency-overdue'])).toBe(true);
    expect(JSON.parse(JSON.stringify(DEFAULT_SIGNAL_CONFIG))).toEqual(DEFAULT_SIGNAL_CONFIG);
    expect(decodeSignalConfig(JSON.parse(JSON.stringify(DEFAULT_SIGNAL_CONFIG)))).toEqual(E.right(DEFAULT_SIGNAL_CONFIG));
    expect(decodeSignalConfig({})).toEqual(E.right(DEFAULT_SIGNAL_CONFIG));
  });
});

describe('decodeSignalConfig', () => {
  it('merges partial overrides onto the defaults', () => {
    const result = decodeSignalConfig({ purchases: { recentDays: 60 }, signals: { 'recency-overdue': { threshold: 2 } } });
    expect(E.isRight(result) && result.right.purchases).toEqual({ ...DEFAULT_SIGNAL_CONFIG.purchases, recentDays: 60 });
    expect(E.isRight(result) && result.right.signals['recency-overdue']).toEqual({ ...DEFAULT_SIGNAL_CONFIG.signals['recency-overdue'], threshold: 2 });
  });

  it('reports typos, wrong types and inconsistent rules with their paths', () => {
    const typo = decodeSignalConfig({ signals: { 'recency-overdue': { treshold: 2 } }, purchases: { recentDays: 0 } });
    expect(E.isLeft(typo) && typo.left.map((i) => i.path).sort()).toEqual(['signalConfig.purchases.recentDays', 'signalConfig.signals.recency-overdue.treshold']);
    const unknownSignal = decodeSignalConfig({ signals: { 'no-such-signal': {} } });
    expect(E.isLeft(unknownSignal) && unknownSignal.left[0]!.path).toBe('signalConfig.signals.no-such-signal');
    const flat = decodeSignalConfig({ signals: { 'aov-drop': { rampTo: 0.1 } } });
    expect(E.isLeft(flat) && flat.left[0]!.path).toBe('signalConfig.signals.aov-drop.rampTo');
    const wrongSide = decodeSignalConfig({ signals: { 'model-low-p-alive': { critical: 0.7 } } });
    expect(E.isLeft(wrongSide) && wrongSide.left[0]!.path).toBe('signalConfig.signals.model-low-p-alive.critical');
    const levels = decodeSignalConfig({ risk: { levels: { medium: 0.6 } } });
    expect(E.isLeft(levels) && levels.left[0]!.path).toBe('signalConfig.risk.levels');
    const scale = decodeSignalConfig({ satisfaction: { csatMin: 5, csatMax: 5 }, risk: { modelSupersedes: ['nope'] } });
    expect(E.isLeft(scale) && scale.left.map((i) => i.path)).toEqual(['signalConfig.risk.modelSupersedes[0]']);
    const prototype = decodeSignalConfig(JSON.parse('{"__proto__": {"x": 1}}'));
    expect(E.isLeft(prototype)).toBe(true);
  });

  it('effectiveWeight zeroes disabled rules and the model-superseded heuristics', () => {
    expect(effectiveWeight(DEFAULT_SIGNAL_CONFIG, 'recency-overdue', false)).toBe(2.2);
    expect(effectiveWeight(DEFAULT_SIGNAL_CONFIG, 'recency-overdue', true)).toBe(0);
    expect(effectiveWeight(DEFAULT_SIGNAL_CONFIG, 'engagement-decline', true)).toBe(1.2);
    const off = decodeSignalConfig({ signals: { 'engagement-decline': { enabled: false } } });
    expect(E.isRight(off) && effectiveWeight(off.right, 'engagement-decline', false)).toBe(0);
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (input) => {
        const result = decodeSignalConfig(input);
        expect(E.isLeft(result) || E.isRight(result)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on structured near-misses (fuzz)', () => {
    const value = fc.oneof(fc.double(), fc.integer(), fc.string(), fc.boolean(), fc.constant(null));
    const rule = fc.dictionary(fc.constantFrom('enabled', 'weight', 'rampFrom', 'rampTo', 'threshold', 'critical', 'x'), value);
    const config = fc.record(
      { signals: fc.dictionary(fc.constantFrom(...SIGNAL_CODES, 'bogus'), rule), purchases: fc.dictionary(fc.constantFrom('recentDays', 'baselineDays', 'fallbackGapDays'), value) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (input) => {
        const result = decodeSignalConfig(input);
        if (E.isLeft(result)) for (const issue of result.left) expect(issue.path.startsWith('signalConfig')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
