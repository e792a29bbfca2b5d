/**
 * The internal shape every score (NPS, CSAT, CES) is computed through: validate responses once into typed rows,
 * add rows into a vector of sums, turn sums into a result. Trends, breakdowns and before/after comparisons reuse
 * the same rows for each group.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import type { ValidationIssue } from '../core/index.js';
import { SumVector } from './sums.js';
import type { SatisfactionRefusal } from './types.js';

/**
 * A validated set of responses for one score.
 *
 * @example
 * ```ts
 * // const engine: ScoreEngine<NpsResult> = prepareNps(responses, {});
 * // const result = engine.finish(engine.sum(), engine.excluded, engine.issues);
 * ```
 */
export interface ScoreEngine<R> {
  /** Number of sum slots. */
  readonly width: number;
  /** Number of valid rows. */
  readonly rows: number;
  /** Input index of each valid row. */
  readonly recordIndex: Int32Array;
  /** Responses left out. */
  readonly excluded: number;
  /** Their issues. */
  readonly issues: readonly ValidationIssue[];
  /** Sums the given rows (all rows when omitted) into the score's sufficient statistics (slot 0 counts rows). */
  sum(rows?: ArrayLike<number>): Float64Array;
  /** Builds a result from sums whose count (slot 0) is at least 1. */
  finish(sums: Float64Array, excluded: number, issues: readonly ValidationIssue[]): R;
}

/**
 * Sums rows with a per-row accumulation function into compensated sums (the generic `sum` of an engine).
 *
 * @example
 * ```ts
 * sumWith(2, 3, undefined, (row, acc) => { acc.add(0, 1); acc.add(1, row); }) // Float64Array [3, 3]
 * ```
 */
export function sumWith(width: number, rowCount: number, rows: ArrayLike<number> | undefined, addRow: (row: number, acc: SumVector) => void): Float64Array {
  const acc = new SumVector(width);
  if (rows === undefined) for (let row = 0; row < rowCount; row++) addRow(row, acc);
  else for (let i = 0; i < rows.length; i++) addRow(rows[i]!, acc);
  return acc.values();
}

/**
 * Scores every valid row of an engine, or refuses with `no-valid-responses` (naming the score, e.g. `NPS`) when no
 * row is valid: the common tail of `nps`, `csat` and `ces`.
 *
 * @example
 * ```ts
 * // scoreAll(prepareNps(responses, {}), 'NPS') // right(NpsResult) or left({ code: 'no-valid-responses', ... })
 * ```
 */
export function scoreAll<R>(engine: ScoreEngine<R>, scoreName: string): E.Either<SatisfactionRefusal, R> {
  if (engine.rows === 0) return refuseNoValidResponses(scoreName, engine.excluded, engine.issues);
  return E.right(engine.finish(engine.sum(), engine.excluded, engine.issues));
}

/**
 * The `no-valid-responses` refusal of a score (e.g. `NPS`) with the responses left out and their issues.
 *
 * @example
 * ```ts
 * refuseNoValidResponses('NPS', 2, issues) // left({ code: 'no-valid-responses', message: 'no valid NPS score among 2 responses', ... })
 * ```
 */
export function refuseNoValidResponses(
  scoreName: string,
  excluded: number,
  issues: readonly ValidationIssue[],
): E.Either<SatisfactionRefusal, never> {
  return E.left({
    code: 'no-valid-responses',
    message: excluded === 0 ? 'no responses to score' : `no valid ${scoreName} score among ${excluded} responses`,
    excluded,
    issues,
  });
}
