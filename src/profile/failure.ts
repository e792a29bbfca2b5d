/**
 * Why a value could not be normalised: a machine-readable code and a readable sentence.
 *
 * @module
 */

/**
 * The reasons a normaliser refuses a value. Codes are stable and meant for grouping in reports
 * (`assessQuality` counts invalid values by code).
 *
 * @example
 * ```ts
 * const code: NormalizationCode = 'invalid-email';
 * ```
 */
export type NormalizationCode =
  | 'not-a-string'
  | 'wrong-type'
  | 'forbidden-key'
  | 'empty'
  | 'too-long'
  | 'invalid-email'
  | 'invalid-phone'
  | 'no-letters'
  | 'unknown-country'
  | 'unknown-region'
  | 'ambiguous-region'
  | 'invalid-date'
  | 'ambiguous-date'
  | 'future-date'
  | 'implausible-date'
  | 'placeholder-date'
  | 'unknown-gender'
  | 'invalid-instant'
  | 'blocked';

/**
 * A refused value: the `Either` left of every normaliser.
 *
 * @example
 * ```ts
 * const failure: NormalizationFailure = { code: 'invalid-email', message: 'missing "@"' };
 * ```
 */
export interface NormalizationFailure {
  /** Stable machine-readable reason. */
  readonly code: NormalizationCode;
  /** Human-readable detail. */
  readonly message: string;
}

/** Builds a failure (internal helper). */
export function failure(code: NormalizationCode, message: string): NormalizationFailure {
  return { code, message };
}
