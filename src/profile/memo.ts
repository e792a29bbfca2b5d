/**
 * Per-batch caches of pure normalisers. Internal to the profile module.
 */

/**
 * A string-keyed cache that switches itself off when it does not pay: after `sample` lookups with fewer than
 * `minHitRate` of them hits (values that are mostly distinct, such as phone numbers), it drops its entries and
 * reports `enabled === false`, so callers stop building keys and call the normaliser directly. The cached function
 * must be pure: results are the same with or without the cache.
 */
export class AdaptiveCache<T> {
  /** False once the cache has switched itself off. */
  enabled = true;
  private readonly entries = new Map<string, T>();
  private lookups = 0;
  private hits = 0;

  constructor(
    private readonly sample = 8192,
    private readonly minHitRate = 0.25,
  ) {}

  /** The cached value, or undefined (also counts the lookup towards the hit rate). */
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.hits++;
    if (++this.lookups === this.sample && this.hits < this.minHitRate * this.sample) {
      this.enabled = false;
      this.entries.clear();
    }
    return value;
  }

  /** Stores a value while the cache is enabled. */
  set(key: string, value: T): void {
    if (this.enabled) this.entries.set(key, value);
  }
}

/** A per-batch memo of a pure normaliser: values such as countries, regions, first names and birth dates repeat. */
export function memo<T>(fn: (value: string) => T): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let result = cache.get(value);
    if (result === undefined) {
      result = fn(value);
      cache.set(value, result);
    }
    return result;
  };
}

/** Like {@link memo}, through an {@link AdaptiveCache}: for values that may turn out mostly distinct. */
export function adaptiveMemo<T>(fn: (value: string) => T, sample?: number, minHitRate?: number): (value: string) => T {
  const cache = new AdaptiveCache<T>(sample, minHitRate);
  return (value) => {
    if (!cache.enabled) return fn(value);
    let result = cache.get(value);
    if (result === undefined) {
      result = fn(value);
      cache.set(value, result);
    }
    return result;
  };
}
