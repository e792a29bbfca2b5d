/**
 * Seeded synthetic survey data for tests and the benchmark: aspects productQuality / serviceAttitude / afterSales
 * on 1-5 drive a 0-10 NPS answer, CSAT 1-5 and CES 1-7.
 */
import { createRng, type SurveyResponse } from '../../src/core/index.js';

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/**
 * `count` responses. The latent satisfaction z drives every answer; aspects load on it with different strengths
 * (afterSales strongest, productQuality weakest) and the NPS answer depends on the aspects with weights 0.5 / 1 / 1.5.
 */
export function syntheticResponses(count: number, seed: string, options: { readonly start?: number; readonly days?: number } = {}): SurveyResponse[] {
  const rng = createRng(seed);
  const start = options.start ?? Date.UTC(2024, 0, 1);
  const days = options.days ?? 365;
  const channels = ['web', 'app', 'store'];
  const out: SurveyResponse[] = [];
  for (let i = 0; i < count; i++) {
    const z = rng.normal();
    const productQuality = clamp(3.6 + 0.5 * z + 0.9 * rng.normal(), 1, 5);
    const serviceAttitude = clamp(3.4 + 0.6 * z + 0.8 * rng.normal(), 1, 5);
    const afterSales = clamp(3.0 + 0.7 * z + 0.8 * rng.normal(), 1, 5);
    const npsScore = clamp(0.5 * productQuality + 1.0 * serviceAttitude + 1.5 * afterSales - 4 + 1.2 * rng.normal(), 0, 10);
    out.push({
      id: `r${i}`,
      customerId: `c${i % Math.max(1, Math.floor(count / 2))}`,
      respondedAt: start + Math.floor(rng.uniform() * days * 86_400_000),
      channel: channels[i % 3]!,
      nps: npsScore,
      csat: clamp(1 + (npsScore / 10) * 4 + 0.5 * rng.normal(), 1, 5),
      ces: clamp(4 + 1.5 * z + rng.normal(), 1, 7),
      aspects: { productQuality, serviceAttitude, afterSales },
    });
  }
  return out;
}
