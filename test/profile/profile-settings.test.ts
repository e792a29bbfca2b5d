import { either as E } from 'fp-ts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIFECYCLE_THRESHOLDS,
  DEFAULT_PROFILE_SETTINGS,
  decodeProfileSettings,
} from '../../src/profile/index.js';

describe('decodeProfileSettings', () => {
  it('merges partial settings over the defaults', () => {
    expect(decodeProfileSettings({ lifecycle: { basis: 'days', atRiskAfter: 60, lapsedAfter: 180 } })).toEqual(
      E.right({
        ...DEFAULT_PROFILE_SETTINGS,
        lifecycle: { ...DEFAULT_LIFECYCLE_THRESHOLDS, basis: 'days', atRiskAfter: 60, lapsedAfter: 180 },
      }),
    );
    expect(decodeProfileSettings(undefined)).toEqual(E.right(DEFAULT_PROFILE_SETTINGS));
  });

  it('reports every issue with its path', () => {
    const result = decodeProfileSettings({
      minTagShare: 2,
      ageBands: [{ label: '', minAge: -1 }],
      lifecycle: { basis: 'weeks' },
    });
    expect(E.isLeft(result) && result.left.map((i) => i.path).sort()).toEqual([
      'settings.ageBands[0].label',
      'settings.ageBands[0].minAge',
      'settings.lifecycle.basis',
      'settings.minTagShare',
    ]);
  });

  it('checks bands and thresholds for consistency', () => {
    const result = decodeProfileSettings({
      ageBands: [{ label: 'x', minAge: 30, maxAge: 20 }],
      lifecycle: { atRiskAfter: 5, lapsedAfter: 3 },
    });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual([
      'settings.ageBands[0].maxAge',
      'settings.lifecycle.atRiskAfter',
    ]);
  });

  it('never throws on arbitrary JSON (fuzz)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void decodeProfileSettings(value)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            ageBands: fc.jsonValue(),
            lifecycle: fc.jsonValue(),
            engagement: fc.jsonValue(),
            categoryTags: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        (value) => void decodeProfileSettings(value),
      ),
      { numRuns: 200 },
    );
  });
});
