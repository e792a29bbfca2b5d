/** Shared test helpers for the satisfaction module. */
import { either as E } from 'fp-ts';
import type { SurveyResponse } from '../../src/core/index.js';

/** Unwraps a Right or fails the test with the Left. */
export function right<L, R>(value: E.Either<L, R>): R {
  if (E.isLeft(value)) throw new Error(`expected right, got left ${JSON.stringify(value.left)}`);
  return value.right;
}

/** Unwraps a Left or fails the test. */
export function left<L, R>(value: E.Either<L, R>): L {
  if (E.isRight(value)) throw new Error('expected left, got right');
  return value.left;
}

/** A survey response with defaults. */
export function response(id: number, fields: Partial<SurveyResponse> = {}): SurveyResponse {
  return { id: `s${id}`, respondedAt: Date.UTC(2024, 0, 15), ...fields };
}

/** Responses with the given NPS scores, in order. */
export function npsResponses(scores: readonly number[], at = Date.UTC(2024, 0, 15)): SurveyResponse[] {
  return scores.map((nps, i) => ({ id: `s${i}`, respondedAt: at, nps }));
}

/** `count` copies of a score. */
export function repeat(score: number, count: number): number[] {
  return new Array<number>(count).fill(score);
}

/** A deterministic Fisher–Yates shuffle driven by a seed (mulberry32). */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
