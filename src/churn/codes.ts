/**
 * The churn signal catalogue: every signal code, the family it belongs to, and the order of the feature columns.
 *
 * @module
 */

/**
 * Every signal the early-warning scan can raise, in the fixed column order of {@link SignalReport.strengths}.
 *
 * @example
 * ```ts
 * SIGNAL_CODES.indexOf('recency-overdue') //=> 0
 * SIGNAL_CODES.length //=> 18
 * ```
 */
export const SIGNAL_CODES = [
  'recency-overdue',
  'frequency-drop',
  'spend-drop',
  'aov-drop',
  'satisfaction-drop',
  'promoter-to-detractor',
  'low-satisfaction',
  'complaint-spike',
  'complaint-unresolved',
  'complaint-slow-resolution',
  'engagement-decline',
  'engagement-silent',
  'loyalty-points-expiring',
  'loyalty-tier-downgrade',
  'loyalty-no-redemption',
  'model-low-p-alive',
  'model-purchase-drop',
  'model-dropout-risk',
] as const;

/**
 * A signal code, e.g. `recency-overdue` or `complaint-unresolved`.
 *
 * @example
 * ```ts
 * const code: SignalCode = 'engagement-decline';
 * ```
 */
export type SignalCode = (typeof SIGNAL_CODES)[number];

/**
 * The family a signal belongs to (what kind of evidence it reads).
 *
 * @example
 * ```ts
 * const family: SignalFamily = 'engagement';
 * ```
 */
export type SignalFamily =
  | 'recency'
  | 'frequency'
  | 'spend'
  | 'satisfaction'
  | 'complaints'
  | 'engagement'
  | 'loyalty'
  | 'model';

/**
 * The family of each signal code.
 *
 * @example
 * ```ts
 * SIGNAL_FAMILIES['aov-drop'] //=> 'spend'
 * ```
 */
export const SIGNAL_FAMILIES: Readonly<Record<SignalCode, SignalFamily>> = Object.freeze({
  'recency-overdue': 'recency',
  'frequency-drop': 'frequency',
  'spend-drop': 'spend',
  'aov-drop': 'spend',
  'satisfaction-drop': 'satisfaction',
  'promoter-to-detractor': 'satisfaction',
  'low-satisfaction': 'satisfaction',
  'complaint-spike': 'complaints',
  'complaint-unresolved': 'complaints',
  'complaint-slow-resolution': 'complaints',
  'engagement-decline': 'engagement',
  'engagement-silent': 'engagement',
  'loyalty-points-expiring': 'loyalty',
  'loyalty-tier-downgrade': 'loyalty',
  'loyalty-no-redemption': 'loyalty',
  'model-low-p-alive': 'model',
  'model-purchase-drop': 'model',
  'model-dropout-risk': 'model',
});

const CODE_INDEX: ReadonlyMap<string, number> = new Map(SIGNAL_CODES.map((code, i) => [code, i]));
const COLUMNS = Object.freeze(Object.fromEntries(SIGNAL_CODES.map((code, i) => [code, i])) as Record<SignalCode, number>);

/**
 * Whether a string is a known signal code.
 *
 * @example
 * ```ts
 * isSignalCode('spend-drop') //=> true
 * isSignalCode('nope') //=> false
 * ```
 */
export function isSignalCode(value: string): value is SignalCode {
  return CODE_INDEX.has(value);
}

/**
 * The column of a signal code in the strength matrix.
 *
 * @example
 * ```ts
 * signalColumn('frequency-drop') //=> 1
 * ```
 */
export function signalColumn(code: SignalCode): number {
  return COLUMNS[code];
}
