/**
 * Comparing two resolutions of the same records (for example after changing the rules): which clusters merged,
 * split or were regrouped, so hosts can re-key their data.
 *
 * @module
 */

/**
 * One change between two resolutions, found as a connected group of old and new clusters sharing records:
 * - `merged`: several old clusters became one new cluster;
 * - `split`: one old cluster became several new clusters;
 * - `regrouped`: several old clusters exchanged records with several new clusters;
 * - `rekeyed`: the same records under another golden id (the smallest record id changed, e.g. a record was added).
 *
 * @example
 * ```ts
 * const change: ClusterChange = { kind: 'merged', before: ['G-C1', 'G-crm-9'], after: ['G-C1'], recordIds: ['C1', 'crm-9'] };
 * ```
 */
export interface ClusterChange {
  /** What happened to the group. */
  readonly kind: 'merged' | 'split' | 'regrouped' | 'rekeyed';
  /** Golden ids before, sorted. */
  readonly before: readonly string[];
  /** Golden ids after, sorted. */
  readonly after: readonly string[];
  /** The records involved (present in both resolutions), sorted. */
  readonly recordIds: readonly string[];
}

/**
 * The result of {@link compareResolutions}.
 *
 * @example
 * ```ts
 * const diff: ResolutionDiff = {
 *   unchanged: 120, changes: [], goldenIdChanges: {}, addedRecordIds: [], removedRecordIds: [],
 *   counts: { merged: 0, split: 0, regrouped: 0, rekeyed: 0 },
 * };
 * ```
 */
export interface ResolutionDiff {
  /** Clusters with the same records and golden id in both. */
  readonly unchanged: number;
  /** Every other cluster group, ordered by its smallest record id. */
  readonly changes: readonly ClusterChange[];
  /** Old golden id → new golden ids, for every old golden id that no longer names the same records. */
  readonly goldenIdChanges: Readonly<Record<string, readonly string[]>>;
  /** Records only in the new resolution, sorted. */
  readonly addedRecordIds: readonly string[];
  /** Records only in the old resolution, sorted. */
  readonly removedRecordIds: readonly string[];
  /** Number of changes per kind. */
  readonly counts: Readonly<Record<ClusterChange['kind'], number>>;
}

/**
 * What {@link compareResolutions} needs from a resolution: its source record → golden id map (an
 * `IdentityResolution` qualifies).
 *
 * @example
 * ```ts
 * const mapping: ResolutionMapping = { goldenIdOf: { C1: 'G-C1', 'crm-9': 'G-C1' } };
 * ```
 */
export interface ResolutionMapping {
  /** Source record id → golden id. */
  readonly goldenIdOf: Readonly<Record<string, string>>;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares two resolutions of (mostly) the same records. Old and new clusters that share a record are connected;
 * each connected group is unchanged (one old, one new, same golden id and same records), `rekeyed`, `merged`,
 * `split` or `regrouped`. Records present on one side only are listed and do not count as changes by themselves
 * (a cluster that only gained new records keeps its id and is unchanged when no old record moved). The result is
 * deterministic: groups ordered by smallest record id, ids sorted.
 *
 * @example
 * ```ts
 * const before = resolveIdentities(records, { identifiers: [{ identifier: 'email' }] });
 * const after = resolveIdentities(records, { identifiers: [{ identifier: 'email' }, { identifier: 'phone' }] });
 * compareResolutions(before, after).changes
 * //=> [{ kind: 'merged', before: ['G-C1', 'G-S-3'], after: ['G-C1'], recordIds: ['C1', 'S-3', 'crm-9'] }]
 * ```
 */
export function compareResolutions(before: ResolutionMapping, after: ResolutionMapping): ResolutionDiff {
  const oldMap = before.goldenIdOf;
  const newMap = after.goldenIdOf;
  const hasOwn = (map: Readonly<Record<string, string>>, key: string): boolean =>
    Object.prototype.hasOwnProperty.call(map, key);
  const addedRecordIds = Object.keys(newMap)
    .filter((id) => !hasOwn(oldMap, id))
    .sort(compareStrings);
  const removedRecordIds = Object.keys(oldMap)
    .filter((id) => !hasOwn(newMap, id))
    .sort(compareStrings);

  // Union-find over golden ids: node names are 'o:' + old id and 'n:' + new id.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const add = (x: string): void => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const common: string[] = [];
  for (const id of Object.keys(oldMap)) {
    if (!hasOwn(newMap, id)) continue;
    common.push(id);
    const a = `o:${oldMap[id]!}`;
    const b = `n:${newMap[id]!}`;
    add(a);
    add(b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, { olds: Set<string>; news: Set<string>; records: string[] }>();
  for (const id of common) {
    const root = find(`o:${oldMap[id]!}`);
    let group = groups.get(root);
    if (group === undefined) groups.set(root, (group = { olds: new Set(), news: new Set(), records: [] }));
    group.olds.add(oldMap[id]!);
    group.news.add(newMap[id]!);
    group.records.push(id);
  }
  // An old cluster that lost records to "removed" only, or a new one that gained "added" records only, is still the
  // same group; membership differences outside the common records do not make a change by themselves.
  let unchanged = 0;
  const changes: ClusterChange[] = [];
  const goldenIdChanges: Record<string, readonly string[]> = Object.create(null) as Record<string, readonly string[]>;
  const counts = { merged: 0, split: 0, regrouped: 0, rekeyed: 0 };
  for (const group of groups.values()) {
    const olds = [...group.olds].sort(compareStrings);
    const news = [...group.news].sort(compareStrings);
    let kind: ClusterChange['kind'] | undefined;
    if (olds.length === 1 && news.length === 1) kind = olds[0] === news[0] ? undefined : 'rekeyed';
    else if (news.length === 1) kind = 'merged';
    else if (olds.length === 1) kind = 'split';
    else kind = 'regrouped';
    if (kind === undefined) {
      unchanged++;
      continue;
    }
    counts[kind]++;
    changes.push({ kind, before: olds, after: news, recordIds: group.records.sort(compareStrings) });
    for (const old of olds) {
      if (news.length === 1 && news[0] === old) continue;
      goldenIdChanges[old] = news;
    }
  }
  changes.sort((a, b) => compareStrings(a.recordIds[0]!, b.recordIds[0]!));
  const sortedChanges: Record<string, readonly string[]> = Object.create(null) as Record<string, readonly string[]>;
  for (const key of Object.keys(goldenIdChanges).sort(compareStrings)) sortedChanges[key] = goldenIdChanges[key]!;
  return { unchanged, changes, goldenIdChanges: sortedChanges, addedRecordIds, removedRecordIds, counts };
}
