/**
 * Internal: merge-join of two ascending customer-id columns (as every summary holds them).
 *
 * @module
 * @internal
 */

type Key = number | string;

interface SideKeys {
  readonly keys: readonly Key[];
  /** `order[r]` = index in the column of the r-th key in join order. */
  readonly order: Int32Array;
}

function sideKeys(ids: Float64Array | readonly string[], asStrings: boolean): SideKeys {
  const n = ids.length;
  const identity = Int32Array.from({ length: n }, (_, i) => i);
  if (!asStrings || !(ids instanceof Float64Array)) return { keys: Array.from(ids as ArrayLike<Key>), order: identity };
  // Numeric ids joined with string ids: compare decimal strings, which sort differently from numbers.
  const texts = Array.from(ids, (id) => String(id));
  const order = identity.sort((x, y) => (texts[x]! < texts[y]! ? -1 : texts[x]! > texts[y]! ? 1 : 0));
  return { keys: Array.from(order, (i) => texts[i]!), order };
}

/**
 * Pairs `[indexInA, indexInB]` in ascending id order, -1 where a customer is missing on one side. Ids of the same
 * type are compared natively; numeric ids joined with string ids are compared as decimal strings.
 *
 * @example
 * ```ts
 * joinCustomerIds(['a', 'c'], ['b', 'c']).pairs //=> [[0, -1], [-1, 0], [1, 1]]
 * ```
 */
export function joinCustomerIds(
  a: Float64Array | readonly string[],
  b: Float64Array | readonly string[],
): { pairs: [number, number][]; asStrings: boolean } {
  const asStrings = !(a instanceof Float64Array && b instanceof Float64Array);
  const ka = sideKeys(a, asStrings);
  const kb = sideKeys(b, asStrings);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < ka.keys.length || j < kb.keys.length) {
    if (j >= kb.keys.length || (i < ka.keys.length && ka.keys[i]! < kb.keys[j]!)) pairs.push([ka.order[i++]!, -1]);
    else if (i >= ka.keys.length || kb.keys[j]! < ka.keys[i]!) pairs.push([-1, kb.order[j++]!]);
    else pairs.push([ka.order[i++]!, kb.order[j++]!]);
  }
  return { pairs, asStrings };
}
