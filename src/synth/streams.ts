/**
 * Independent random streams derived from one seed, one per concern (purchases, the decline phase before dropout,
 * profiles, lines, surveys, complaints, engagement). Each concern draws only from its own stream, so switching one
 * output off (or producing only the columnar transactions) never changes what the others contain.
 *
 * @module
 */
import { createRng, type Rng } from '../core/index.js';

/**
 * The concerns that own a random stream.
 *
 * @example
 * ```ts
 * const name: StreamName = 'purchases';
 * ```
 */
export type StreamName = 'purchases' | 'decline' | 'profiles' | 'lines' | 'surveys' | 'complaints' | 'engagement';

/**
 * The random stream of one concern for a seed. Number and string seeds never collide (`1` and `'1'` differ).
 *
 * @example
 * ```ts
 * const a = streamFor(42, 'purchases').uniform();
 * const b = streamFor(42, 'purchases').uniform();
 * a === b //=> true
 * ```
 */
export function streamFor(seed: number | string, name: StreamName): Rng {
  const key = typeof seed === 'number' ? `n${seed}` : `s${seed}`;
  return createRng(`clientele/synth:${name}:${key}`);
}
