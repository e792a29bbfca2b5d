import { describe, expect, it } from 'vitest';
import { baseExperience, experienceAt, preDropoutFade, type ExperienceHistory } from '../../src/synth/experience.js';

const DAY = 86_400_000;
const calm: ExperienceHistory = { satisfaction: 0.4, dropoutAt: 1000 * DAY, fadeMs: 40 * DAY, refundTimes: [], complaints: [] };

describe('preDropoutFade', () => {
  it('rises linearly over the window before dropout and stays at 1 after it', () => {
    expect(preDropoutFade(100, 40, 50)).toBe(0);
    expect(preDropoutFade(100, 40, 60)).toBe(0);
    expect(preDropoutFade(100, 40, 80)).toBe(0.5);
    expect(preDropoutFade(100, 40, 100)).toBe(1);
    expect(preDropoutFade(100, 40, 500)).toBe(1);
    expect(preDropoutFade(100, 0, 99)).toBe(0);
  });
});

describe('experience', () => {
  it('is the latent satisfaction when nothing happened', () => {
    expect(baseExperience(calm, 10 * DAY)).toBe(0.4);
    expect(experienceAt(calm, 10 * DAY)).toBe(0.4);
  });

  it('falls before dropout', () => {
    expect(baseExperience(calm, 980 * DAY)).toBeCloseTo(0.4 - 0.6 * 0.5, 12);
    expect(baseExperience(calm, 1001 * DAY)).toBeCloseTo(-0.2, 12);
  });

  it('drops after a refund and recovers', () => {
    const refunded = { ...calm, refundTimes: [100 * DAY] };
    expect(baseExperience(refunded, 99 * DAY)).toBe(0.4);
    expect(baseExperience(refunded, 100 * DAY)).toBeCloseTo(0.1, 12);
    expect(baseExperience(refunded, 160 * DAY)).toBeCloseTo(0.4 - 0.3 * Math.exp(-1), 12);
  });

  it('drops strongly while a complaint is open, less after resolution', () => {
    const complaint = { ...calm, complaints: [{ openedAt: 100 * DAY, resolvedAt: 110 * DAY }] };
    expect(experienceAt(complaint, 99 * DAY)).toBe(0.4);
    expect(experienceAt(complaint, 105 * DAY)).toBeCloseTo(-0.3, 12);
    expect(experienceAt(complaint, 110 * DAY)).toBeCloseTo(0.4 - 0.45, 12);
    expect(experienceAt(complaint, 200 * DAY)).toBeCloseTo(0.4 - 0.45 * Math.exp(-1), 12);
    expect(baseExperience(complaint, 105 * DAY)).toBe(0.4);
    const never = { ...calm, complaints: [{ openedAt: 100 * DAY, resolvedAt: Number.POSITIVE_INFINITY }] };
    expect(experienceAt(never, 900 * DAY)).toBeCloseTo(-0.3, 12);
  });
});
