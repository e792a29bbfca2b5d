import fc from 'fast-check';
import { either as E } from 'fp-ts';
import { describe, expect, it } from 'vitest';
import {
  cellCode,
  cellIndex,
  cellScores,
  compileSegmentMap,
  decodeSegmentMap,
  DEFAULT_SEGMENT_MAP,
  renameSegments,
  RF_GRID_SEGMENT_MAP,
  validateSegmentMap,
  type RuleSegmentMap,
} from '../../src/rfm/index.js';

/** The classic 11-segment range table of the R `rfm` vignette (rsquaredacademy), applied first-match. */
const CLASSIC_R_TABLE: RuleSegmentMap = {
  type: 'rules',
  name: 'rsquaredacademy-rfm-vignette',
  levels: 5,
  dimensions: ['recency', 'frequency', 'monetary'],
  segments: [
    'Champions',
    'Loyal Customers',
    'Potential Loyalist',
    'New Customers',
    'Promising',
    'Need Attention',
    'About To Sleep',
    'At Risk',
    "Can't Lose Them",
    'Hibernating',
    'Lost',
  ].map((name) => ({ id: name, name })),
  rules: [
    { segment: 'Champions', ranges: { recency: [4, 5], frequency: [4, 5], monetary: [4, 5] } },
    { segment: 'Loyal Customers', ranges: { recency: [2, 5], frequency: [3, 5], monetary: [3, 5] } },
    { segment: 'Potential Loyalist', ranges: { recency: [3, 5], frequency: [1, 3], monetary: [1, 3] } },
    { segment: 'New Customers', ranges: { recency: [4, 5], frequency: [1, 1], monetary: [1, 1] } },
    { segment: 'Promising', ranges: { recency: [3, 4], frequency: [1, 1], monetary: [1, 1] } },
    { segment: 'Need Attention', ranges: { recency: [2, 3], frequency: [2, 3], monetary: [2, 3] } },
    { segment: 'About To Sleep', ranges: { recency: [2, 3], frequency: [1, 2], monetary: [1, 2] } },
    { segment: 'At Risk', ranges: { recency: [1, 2], frequency: [2, 5], monetary: [2, 5] } },
    { segment: "Can't Lose Them", ranges: { recency: [1, 1], frequency: [4, 5], monetary: [4, 5] } },
    { segment: 'Hibernating', ranges: { recency: [1, 2], frequency: [1, 2], monetary: [1, 2] } },
    { segment: 'Lost', ranges: { recency: [1, 2], frequency: [1, 2], monetary: [1, 2] } },
  ],
};

describe('DEFAULT_SEGMENT_MAP', () => {
  it('is the complete 11-segment 125-cell lookup: a partition', () => {
    expect(DEFAULT_SEGMENT_MAP.segments.map((s) => s.name)).toEqual([
      'Champions',
      'Loyal',
      'Potential Loyalist',
      'New Customers',
      'Promising',
      'Need Attention',
      'About To Sleep',
      'At Risk',
      "Can't Lose Them",
      'Hibernating',
      'Lost',
    ]);
    expect(DEFAULT_SEGMENT_MAP.segments.map((s) => s.cells.length)).toEqual([7, 8, 24, 7, 16, 8, 8, 22, 8, 11, 6]);
    expect(validateSegmentMap(DEFAULT_SEGMENT_MAP)).toEqual({
      isPartition: true,
      cells: 125,
      coveredCells: 125,
      uncoveredCount: 0,
      uncoveredCells: [],
      overlapCount: 0,
      overlaps: [],
      unreachableEntries: [],
      unusedSegments: [],
    });
  });

  it('has a description, a recommended action and a value category for every segment', () => {
    for (const s of DEFAULT_SEGMENT_MAP.segments) {
      expect(s.description).toMatch(/\w/);
      expect(s.action).toMatch(/\w/);
      expect(['high-value', 'potential', 'ordinary', 'at-risk']).toContain(s.category);
    }
    const actionOf = (id: string): string => DEFAULT_SEGMENT_MAP.segments.find((s) => s.id === id)!.action!;
    expect(actionOf('champions')).toMatch(/dedicated service.*early access/i);
    expect(actionOf('potential-loyalist')).toMatch(/conversion offers/i);
    expect(actionOf('need-attention')).toMatch(/promotions/i);
    expect(actionOf('at-risk')).toMatch(/win-back/i);
  });

  it('maps the well-known cells', () => {
    const compiled = compileSegmentMap(DEFAULT_SEGMENT_MAP);
    const at = (code: string): string =>
      compiled.segments[compiled.cellSegment[cellIndex(Array.from(code, Number), 5)]!]!.id;
    expect(at('555')).toBe('champions');
    expect(at('111')).toBe('lost');
    expect(at('155')).toBe('cant-lose-them');
    expect(at('511')).toBe('new-customers');
    expect(at('231')).toBe('about-to-sleep');
  });

  it('is frozen and round-trips through JSON and the decoder', () => {
    expect(Object.isFrozen(DEFAULT_SEGMENT_MAP.segments[0]!.cells)).toBe(true);
    expect(decodeSegmentMap(JSON.parse(JSON.stringify(DEFAULT_SEGMENT_MAP)))).toEqual(E.right(DEFAULT_SEGMENT_MAP));
  });
});

describe('RF_GRID_SEGMENT_MAP', () => {
  it('is a partition of the 25 recency × frequency cells', () => {
    const report = validateSegmentMap(RF_GRID_SEGMENT_MAP);
    expect(report.isPartition).toBe(true);
    expect(report.cells).toBe(25);
    expect(RF_GRID_SEGMENT_MAP.segments).toHaveLength(10);
  });
});

describe('validateSegmentMap', () => {
  it('finds the 36 gaps and 4 unreachable rules of the classic R rfm range table', () => {
    const report = validateSegmentMap(CLASSIC_R_TABLE);
    expect(report.isPartition).toBe(false);
    expect(report.uncoveredCount).toBe(36);
    expect(report.uncoveredCells).toEqual([
      '113',
      '114',
      '115',
      '131',
      '141',
      '151',
      '213',
      '214',
      '215',
      '231',
      '241',
      '251',
      '314',
      '315',
      '324',
      '325',
      '341',
      '342',
      '351',
      '352',
      '414',
      '415',
      '424',
      '425',
      '441',
      '442',
      '451',
      '452',
      '514',
      '515',
      '524',
      '525',
      '541',
      '542',
      '551',
      '552',
    ]);
    expect(report.unreachableEntries).toEqual([
      { index: 3, segment: 'New Customers' },
      { index: 4, segment: 'Promising' },
      { index: 8, segment: "Can't Lose Them" },
      { index: 10, segment: 'Lost' },
    ]);
    expect(report.unusedSegments).toEqual(['New Customers', 'Promising', "Can't Lose Them", 'Lost']);
    expect(report.overlaps.find((o) => o.cell === '444')).toEqual({
      cell: '444',
      entries: [0, 1],
      segments: ['Champions', 'Loyal Customers'],
    });
  });

  it('reports overlaps and unreachable entries of a cell map', () => {
    const report = validateSegmentMap({
      type: 'cells',
      name: 'overlapping',
      levels: 2,
      dimensions: ['recency', 'frequency'],
      segments: [
        { id: 'a', name: 'A', cells: ['11', '12', '21'] },
        { id: 'b', name: 'B', cells: ['12', '21'] },
        { id: 'c', name: 'C', cells: [] },
      ],
    });
    expect(report).toMatchObject({
      isPartition: false,
      uncoveredCells: ['22'],
      overlapCount: 2,
      unreachableEntries: [
        { index: 1, segment: 'b' },
        { index: 2, segment: 'c' },
      ],
      unusedSegments: ['b', 'c'],
    });
  });
});

describe('decodeSegmentMap', () => {
  it('reports misspelt keys in a shared map at their paths', () => {
    const map = JSON.parse(JSON.stringify(DEFAULT_SEGMENT_MAP)) as Record<string, unknown>;
    (map.segments as Record<string, unknown>[])[0]!.acton = 'call';
    map.verison = '2';
    const result = decodeSegmentMap(map);
    expect(E.isLeft(result) && result.left.map((issue) => issue.path).sort()).toEqual(['segmentMap.segments[0].acton', 'segmentMap.verison']);
  });

  it('returns every issue with its path', () => {
    const result = decodeSegmentMap({
      type: 'rules',
      name: 'bad',
      levels: 5,
      dimensions: ['recency', 'frequency', 'recency'],
      segments: [
        { id: 'a', name: 'A' },
        { id: 'a', name: 'Again' },
      ],
      rules: [
        { segment: 'missing', ranges: { recency: [1, 6] } },
        { segment: 'a', ranges: { monetary: [1, 2], frequency: [3, 2] } },
      ],
    });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual([
      'segmentMap.dimensions[2]',
      'segmentMap.segments[1].id',
      'segmentMap.rules[0].segment',
      'segmentMap.rules[0].ranges.recency',
      'segmentMap.rules[1].ranges.monetary',
      'segmentMap.rules[1].ranges.frequency',
    ]);
  });

  it('checks cell codes against levels and dimensions', () => {
    const result = decodeSegmentMap({
      type: 'cells',
      name: 'x',
      levels: 5,
      dimensions: ['recency', 'frequency'],
      segments: [{ id: 'a', name: 'A', cells: ['55', '56', '5', 'ab'] }],
    });
    expect(E.isLeft(result) && result.left.map((i) => [i.path, i.expected])).toEqual([
      ['segmentMap.segments[0].cells[1]', '2 digits 1..5'],
      ['segmentMap.segments[0].cells[2]', '2 digits 1..5'],
      ['segmentMap.segments[0].cells[3]', '2 digits 1..5'],
    ]);
  });

  it('reports structural problems with paths', () => {
    expect(decodeSegmentMap('nope')).toEqual(E.left([expect.objectContaining({ path: 'segmentMap' })]));
    expect(decodeSegmentMap({ type: 'grid' })).toEqual(E.left([expect.objectContaining({ path: 'segmentMap.type' })]));
    const result = decodeSegmentMap({ type: 'cells', name: '', levels: 12, dimensions: ['x'], segments: [{ id: 1 }] });
    expect(E.isLeft(result) && result.left.map((i) => i.path)).toEqual([
      'segmentMap.name',
      'segmentMap.levels',
      'segmentMap.dimensions[0]',
      'segmentMap.segments[0].id',
      'segmentMap.segments[0].name',
      'segmentMap.segments[0].cells',
    ]);
    const polluted = decodeSegmentMap(
      JSON.parse(JSON.stringify({ ...DEFAULT_SEGMENT_MAP, x: 1 }).replace('"x":1', '"__proto__":{}')),
    );
    expect(E.isLeft(polluted) && polluted.left.map((i) => i.path)).toEqual(['segmentMap.__proto__']);
  });

  it('never throws on arbitrary input (fuzz)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = decodeSegmentMap(input);
        expect(E.isLeft(result) || E.isRight(result)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const mutated = fc.record({
      type: fc.constantFrom('cells', 'rules', 'other'),
      name: fc.oneof(fc.string(), fc.integer()),
      levels: fc.oneof(fc.integer({ min: -2, max: 25 }), fc.double()),
      dimensions: fc.array(fc.constantFrom('recency', 'frequency', 'monetary', 'engagement', 'x')),
      segments: fc.array(
        fc.record({ id: fc.string(), name: fc.string(), cells: fc.array(fc.string({ maxLength: 4 })) }),
      ),
      rules: fc.array(
        fc.record({
          segment: fc.string(),
          ranges: fc.dictionary(fc.string(), fc.tuple(fc.double(), fc.integer({ min: -1, max: 8 }))),
        }),
      ),
    });
    fc.assert(
      fc.property(mutated, (input) => {
        const result = decodeSegmentMap(input);
        if (E.isRight(result)) expect(validateSegmentMap(result.right).cells).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cells and renaming', () => {
  it('cell index, scores and codes round-trip', () => {
    expect(cellIndex([2, 1, 3], 5)).toBe(27);
    expect(cellScores(27, 5, 3)).toEqual([2, 1, 3]);
    expect(cellCode(27, 5, 3)).toBe('213');
    expect(cellCode(cellIndex([2, 10, 3], 12), 12, 3)).toBe('2-10-3');
    for (let cell = 0; cell < 125; cell++) expect(cellIndex(cellScores(cell, 5, 3), 5)).toBe(cell);
  });

  it('renames segments without touching ids or cells', () => {
    const renamed = renameSegments(DEFAULT_SEGMENT_MAP, { lost: 'Verloren' });
    expect(renamed.segments.find((s) => s.id === 'lost')?.name).toBe('Verloren');
    expect(renamed.segments[0]).toBe(DEFAULT_SEGMENT_MAP.segments[0]);
    expect(DEFAULT_SEGMENT_MAP.segments.find((s) => s.id === 'lost')?.name).toBe('Lost');
    expect(() => renameSegments(DEFAULT_SEGMENT_MAP, { nobody: 'x' })).toThrow(/no segment nobody/);
  });
});
