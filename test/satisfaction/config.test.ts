import fc from 'fast-check';
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import {
  decodeComplaintSettings,
  decodeMinimumSampleRule,
  decodeQuadrantThresholds,
  decodeSatisfactionConfig,
  decodeScale,
  decodeTaxonomy,
  optionsFromConfig,
} from '../../src/satisfaction/config.js';
import { npsFromCounts } from '../../src/satisfaction/nps.js';
import { left, right } from './helpers.js';

const DECODERS = [decodeScale, decodeMinimumSampleRule, decodeQuadrantThresholds, decodeComplaintSettings, decodeTaxonomy, decodeSatisfactionConfig];

describe('configuration decoders', () => {
  it('accept valid configuration and return plain copies', () => {
    const input = {
      version: '3',
      level: 0.9,
      minimumSample: { minimumN: 50, smallGroups: 'suppress' },
      npsInterval: 'adjusted-wald',
      npsBreaks: { promoterMin: 9, detractorMax: 6 },
      csatScales: { shop: '1-5', support: { min: 1, max: 7, satisfied: [6, 7] } },
      cesScale: '1-7',
      cesConvention: 'index',
      cesEasy: [6, 7],
      cesDifficult: [1, 2, 3],
      quadrant: { importance: 'mean', performance: 70 },
      complaints: { sla: { firstResponseHours: 8, resolutionHours: 48 }, ageBucketsDays: [1, 7, 30] },
      taxonomy: { version: 't', categories: [{ id: 'delivery', label: 'Delivery', keywords: ['快递', 'deliver*'], exclude: ['no delivery issue'] }] },
    };
    const config = right(decodeSatisfactionConfig(input));
    expect(config).toEqual(input);
    expect(config).not.toBe(input);
    const options = optionsFromConfig(config);
    expect(options.nps).toEqual({ level: 0.9, minimumSample: { minimumN: 50, smallGroups: 'suppress' }, interval: 'adjusted-wald', promoterMin: 9, detractorMax: 6 });
    expect(options.csat.scales).toEqual(input.csatScales);
    expect(options.ces).toMatchObject({ convention: 'index', easy: [6, 7], difficult: [1, 2, 3] });
    expect(options.complaints.sla).toEqual({ firstResponseHours: 8, resolutionHours: 48 });
    expect(options.taxonomy!.categories[0]!.id).toBe('delivery');
    expect(right(npsFromCounts({ promoters: 3, passives: 1, detractors: 1 }, options.nps)).intervalMethod).toBe('adjusted-wald');
    expect(right(decodeScale('0-10'))).toBe('0-10');
  });

  it('report every problem with its path', () => {
    const issues = left(
      decodeSatisfactionConfig({
        level: 1.5,
        minimumSample: { minimumN: -1, basis: 'people' },
        csatScale: { min: 1, max: 5, satisfied: [4, 9] },
        cesConvention: 'median',
        cesEasy: [6, 9],
        cesDifficult: [1, 6],
        quadrant: { performance: 120 },
        complaints: { sla: { firstResponseHours: 0 }, ageBucketsDays: [3, 1] },
        taxonomy: { categories: [{ id: 'a', keywords: ['x'] }, { id: 'a', keywords: [] }] },
        colour: 'red',
      }),
    );
    expect(issues.map((i) => i.path)).toEqual([
      'config.colour',
      'config.level',
      'config.minimumSample.minimumN',
      'config.minimumSample.basis',
      'config.csatScale.satisfied[1]',
      'config.cesConvention',
      'config.cesEasy[1]',
      'config.cesDifficult[1]',
      'config.quadrant.performance',
      'config.complaints.sla.firstResponseHours',
      'config.complaints.ageBucketsDays[1]',
      'config.taxonomy.categories[1].id',
      'config.taxonomy.categories[1].keywords',
    ]);
    expect(issues[1]!.message).toBe('config.level: expected confidence level in (0, 1), received 1.5');
    expect(left(decodeScale('five'))[0]!.path).toBe('scale');
    expect(left(decodeMinimumSampleRule({}))[0]!.path).toBe('minimumSample.minimumN');
    expect(left(decodeTaxonomy({ categories: [{ id: 'a', keywords: ['x'.repeat(201)] }] }))[0]!.path).toBe('taxonomy.categories[0].keywords[0]');
  });

  it('refuse prototype-polluting keys', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "level": 0.9}') as unknown;
    const issues = left(decodeSatisfactionConfig(hostile));
    expect(issues[0]!.path).toBe('config.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(left(decodeTaxonomy({ categories: [{ id: 'a', keywords: ['x'], constructor: 1 }] }))[0]!.path).toBe('taxonomy.categories[0].constructor');
  });

  it('never throw on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true }), (input) => {
        for (const decode of DECODERS) {
          const result: E.Either<unknown, unknown> = decode(input);
          expect(E.isLeft(result) || E.isRight(result)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        for (const decode of DECODERS) decode(input);
        // Wrapped in each key the decoders know, to reach the nested checks.
        for (const key of ['minimumSample', 'csatScale', 'csatScales', 'cesEasy', 'quadrant', 'complaints', 'taxonomy', 'npsBreaks']) {
          expect(() => decodeSatisfactionConfig({ [key]: input })).not.toThrow();
        }
        expect(() => decodeTaxonomy({ categories: [input] })).not.toThrow();
        expect(() => decodeTaxonomy({ categories: [{ id: 'a', keywords: input }] })).not.toThrow();
        expect(() => decodeComplaintSettings({ sla: input, ageBucketsDays: input })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('decoded scales and taxonomies are accepted by the functions that use them', () => {
    fc.assert(
      fc.property(
        fc.record({ min: fc.integer({ min: -5, max: 5 }), span: fc.integer({ min: 1, max: 12 }) }),
        ({ min, span }) => {
          const decoded = decodeScale({ min, max: min + span, ...(span + 1 > 11 ? { satisfied: [min + span] } : {}) });
          expect(E.isRight(decoded)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});
