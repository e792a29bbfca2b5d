import { describe, expect, it } from 'vitest';
import { keyDrivers } from '../../src/satisfaction/drivers.js';
import type { SurveyResponse } from '../../src/core/index.js';
import { shapleyByPermutations } from './brute-force.js';
import { syntheticResponses } from './fixtures.js';
import { MTCARS, RWA_RAW } from './mtcars.js';
import { left, right, shuffle } from './helpers.js';

const RESPONSES = syntheticResponses(3000, 'drivers');

describe('keyDrivers', () => {
  it('finds the planted importance order, with Shapley and Johnson agreeing', () => {
    const result = right(keyDrivers(RESPONSES, { outcome: 'nps' }));
    expect(result.drivers.map((d) => d.driver)).toEqual(['afterSales', 'serviceAttitude', 'productQuality']);
    expect(result.drivers.map((d) => d.rank)).toEqual([1, 2, 3]);
    expect(result.importanceMethod).toBe('shapley');
    expect(result.agreement!.sameOrder).toBe(true);
    expect(result.agreement!.rankCorrelation).toBe(1);
    expect(result.agreement!.maxShareDifference).toBeLessThan(0.05);
    expect(result.rSquared).toBeGreaterThan(0.3);
    const shares = result.drivers.map((d) => d.importance);
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    for (const driver of result.drivers) {
      expect(driver.pearson.r).toBeGreaterThan(0);
      expect(driver.pearson.significant).toBe(true);
      expect(driver.spearman.rho).toBeGreaterThan(0);
      expect(driver.direction).toBe('positive');
      expect(driver.johnson.weight).toBeGreaterThan(0);
      expect(driver.pearson.interval.lower).toBeLessThan(driver.pearson.r);
    }
    expect(result.n).toBe(3000);
    expect(result.reliable).toBe(true);
  });

  it('places drivers in the importance × performance quadrant with documented thresholds', () => {
    const result = right(keyDrivers(RESPONSES));
    const byName = Object.fromEntries(result.drivers.map((d) => [d.driver, d]));
    // afterSales: most important, lowest mean → fix first; productQuality: least important, best rated → maintain.
    expect(byName.afterSales!.quadrant).toBe('fix-first');
    expect(byName.productQuality!.quadrant).toBe('maintain');
    expect(result.quadrantThresholds.importance).toBeCloseTo(1 / 3, 12);
    expect(result.quadrantThresholds.rule).toContain('(1/k)');
    const mean = result.drivers.reduce((s, d) => s + d.performance, 0) / 3;
    expect(result.quadrantThresholds.performance).toBeCloseTo(mean, 10);
    const fixed = right(keyDrivers(RESPONSES, { quadrant: { importance: 0, performance: 0 } }));
    expect(fixed.drivers.every((d) => d.quadrant === 'keep-up')).toBe(true);
    const low = right(keyDrivers(RESPONSES, { quadrant: { importance: 1, performance: 100 } }));
    expect(low.drivers.every((d) => d.quadrant === 'low-priority')).toBe(true);
  });

  it('reproduces the published relative weights from aspect-rated responses (mtcars as a survey)', () => {
    const responses: SurveyResponse[] = MTCARS.map((row, i) => ({
      id: `car${i}`,
      respondedAt: 0,
      aspects: { mpg: row[0], cyl: row[1], disp: row[2], hp: row[3], wt: row[4] },
    }));
    const result = right(
      keyDrivers(responses, {
        outcome: { aspect: 'mpg' },
        outcomeScale: { min: 0, max: 50, step: 0.1, satisfied: { from: 30, to: 50 } },
        drivers: ['cyl', 'disp', 'hp', 'wt'],
        driverScales: {
          cyl: '0-10',
          disp: { min: 0, max: 500, step: 0.1, satisfied: { from: 0, to: 100 }, direction: 'lower-is-better' },
          hp: { min: 0, max: 400, satisfied: { from: 0, to: 100 }, direction: 'lower-is-better' },
          wt: { min: 0, max: 10, step: 0.001, satisfied: { from: 0, to: 2 }, direction: 'lower-is-better' },
        },
      }),
    );
    const byName = Object.fromEntries(result.drivers.map((d) => [d.driver, d]));
    ['cyl', 'disp', 'hp', 'wt'].forEach((name, j) => { expect(byName[name]!.johnson.weight).toBeCloseTo(RWA_RAW[j]!, 6); });
    const reference = shapleyByPermutations(MTCARS.map((r) => r[0]), [1, 2, 3, 4].map((j) => MTCARS.map((r) => r[j]!)));
    ['cyl', 'disp', 'hp', 'wt'].forEach((name, j) => { expect(byName[name]!.shapley!.value).toBeCloseTo(reference[j]!, 9); });
    expect(result.drivers.every((d) => d.direction === 'negative')).toBe(true);
    expect(result.reliable).toBe(false);
  });

  it('does not depend on response order', () => {
    const a = right(keyDrivers(RESPONSES.slice(0, 500)));
    const b = right(keyDrivers(shuffle(RESPONSES.slice(0, 500), 3)));
    a.drivers.forEach((d, i) => {
      expect(b.drivers[i]!.driver).toBe(d.driver);
      expect(b.drivers[i]!.importance).toBeCloseTo(d.importance, 10);
      expect(b.drivers[i]!.spearman.rho).toBeCloseTo(d.spearman.rho, 10);
    });
  });

  it('reports incomplete responses, drops constant drivers and refuses impossible analyses', () => {
    const responses: SurveyResponse[] = [
      ...RESPONSES.slice(0, 50).map((r) => ({ ...r, aspects: { ...r.aspects, packaging: 3 } })),
      { id: 'bad1', respondedAt: 0, nps: 9, aspects: { productQuality: 6, serviceAttitude: 3, afterSales: 3, packaging: 3 } },
      { id: 'bad2', respondedAt: 0, aspects: { productQuality: 3, serviceAttitude: 3, afterSales: 3, packaging: 3 } },
      { id: 'bad3', respondedAt: 0, nps: 9, aspects: { productQuality: 3, serviceAttitude: 3, packaging: 3 } },
    ];
    const result = right(keyDrivers(responses));
    expect(result.excluded).toBe(3);
    expect(result.issues.map((i) => i.path)).toEqual(['responses[50].aspects.productQuality', 'responses[51].nps', 'responses[52].aspects.afterSales']);
    expect(result.droppedDrivers).toEqual([{ driver: 'packaging', reason: 'constant rating in every complete response' }]);
    expect(result.drivers).toHaveLength(3);
    expect(left(keyDrivers(RESPONSES.slice(0, 4))).code).toBe('too-few-responses');
    const constant = RESPONSES.slice(0, 20).map((r) => ({ ...r, nps: 8 }));
    expect(left(keyDrivers(constant)).code).toBe('constant-outcome');
    expect(left(keyDrivers([{ id: 'a', respondedAt: 0, nps: 1 }])).code).toBe('no-drivers');
  });

  it('falls back to Johnson alone above the Shapley limit and supports weights', () => {
    const johnsonOnly = right(keyDrivers(RESPONSES, { maxShapleyDrivers: 2 }));
    expect(johnsonOnly.importanceMethod).toBe('johnson');
    expect(johnsonOnly.agreement).toBeNull();
    expect(johnsonOnly.shapleyNote).toContain('3 drivers > maxShapleyDrivers 2');
    expect(johnsonOnly.drivers[0]!.shapley).toBeNull();
    const weighted = RESPONSES.slice(0, 400).map((r, i) => ({ ...r, weight: i % 2 === 0 ? 2 : 1 }));
    const result = right(keyDrivers(weighted, { outcome: 'csat' }));
    expect(result.effectiveN).toBeLessThan(400);
    expect(result.outcome).toBe('csat');
    expect(() => keyDrivers(RESPONSES, { maxShapleyDrivers: 2, importance: 'shapley' })).toThrow(/\[clientele\]/);
  });
});
