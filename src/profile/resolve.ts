/**
 * Identity resolution: source records from many systems → clusters (union of match keys, with identifier priority,
 * junk blocking and limits) → golden records with provenance, conflicts and a source-record → golden-id map.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { makeIssue, type Customer, type DateInput, type ValidationIssue } from '../core/index.js';
import { createCustomerNormalizer, type BlockedValue, type NormalizedCustomer } from './customer.js';
import {
  completeResolutionRules,
  type IdentifierRule,
  type IdentifierType,
  type ResolutionRules,
  type ResolutionRulesInput,
} from './rules.js';
import { Survivorship, type FieldConflict, type FieldProvenance, type SurvivorshipMember } from './survivorship.js';
import { DisjointSets } from './union-find.js';

/**
 * Why records were linked: an identifier key they share.
 *
 * @example
 * ```ts
 * const evidence: MatchEvidence = { identifier: 'email', key: 'annlee@gmail.com', recordIds: ['C0000001', 'crm-0000001'] };
 * ```
 */
export interface MatchEvidence {
  /** The identifier type. */
  readonly identifier: IdentifierType;
  /** The shared key (normalised value). */
  readonly key: string;
  /** The records of this cluster carrying it, sorted. */
  readonly recordIds: readonly string[];
}

/**
 * A golden record: the resolved customer of one cluster.
 *
 * @example
 * ```ts
 * const golden: GoldenRecord = {
 *   goldenId: 'G-C0000001', recordIds: ['C0000001', 'crm-0000001'], sources: ['crm', 'shop'],
 *   customer: { id: 'G-C0000001', email: 'ann.lee@gmail.com', phone: '+442079460018', country: 'GB' },
 *   provenance: { email: { recordId: 'crm-0000001', source: 'crm', updatedAt: 1714608000000, strategy: 'mostRecent' } },
 *   matchedBy: [{ identifier: 'email', key: 'annlee@gmail.com', recordIds: ['C0000001', 'crm-0000001'] }],
 * };
 * ```
 */
export interface GoldenRecord {
  /** Deterministic id: the rules' prefix + the smallest source record id of the cluster. */
  readonly goldenId: string;
  /** Source record ids of the cluster, distinct, sorted. */
  readonly recordIds: readonly string[];
  /** Distinct sources of the cluster, sorted. */
  readonly sources: readonly string[];
  /** The golden customer (`id` = `goldenId`), ready for the other modules. */
  readonly customer: Customer;
  /** Provenance per surviving field (`email`, `externalIds.crm`, `attributes.tier`...). */
  readonly provenance: Readonly<Record<string, FieldProvenance>>;
  /** The shared keys that linked the cluster's records (empty for a single record). */
  readonly matchedBy: readonly MatchEvidence[];
}

/**
 * A key shared by more records than its identifier's `maxRecordsPerKey`: it linked nothing.
 *
 * @example
 * ```ts
 * const key: OverSharedKey = { identifier: 'phone', key: '+442079460000', recordCount: 412, limit: 10, sampleRecordIds: ['C0000007'] };
 * ```
 */
export interface OverSharedKey {
  /** The identifier type. */
  readonly identifier: IdentifierType;
  /** The shared key (normalised value). */
  readonly key: string;
  /** Records carrying the key. */
  readonly recordCount: number;
  /** The limit it exceeded. */
  readonly limit: number;
  /** Up to 10 of those records, smallest ids first. */
  readonly sampleRecordIds: readonly string[];
}

/**
 * A junk identifier value found on records (aggregated per identifier and value).
 *
 * @example
 * ```ts
 * const summary: BlockedValueSummary = { identifier: 'email', value: 'test@test.com', rule: 'exact test@test.com', recordCount: 37, sampleRecordIds: ['C0000042'] };
 * ```
 */
export interface BlockedValueSummary {
  /** Identifier type of the value. */
  readonly identifier: BlockedValue['identifier'];
  /** The normalised junk value. */
  readonly value: string;
  /** The block-list entry that matched. */
  readonly rule: string;
  /** Distinct records carrying it. */
  readonly recordCount: number;
  /** Up to 10 of those records, smallest ids first. */
  readonly sampleRecordIds: readonly string[];
}

/**
 * A link refused because it would exceed an identifier's `maxValuesPerCluster`.
 *
 * @example
 * ```ts
 * const refused: RefusedLink = {
 *   identifier: 'phone', key: '+442079460018', recordIds: ['C0000001', 'C0000950'],
 *   reason: 'the cluster would hold 2 distinct email values (limit 1)',
 * };
 * ```
 */
export interface RefusedLink {
  /** The identifier whose shared key would have linked the records. */
  readonly identifier: IdentifierType;
  /** The shared key. */
  readonly key: string;
  /** The record the cluster was anchored on and the record that was not linked. */
  readonly recordIds: readonly [string, string];
  /** Which limit the link would have exceeded. */
  readonly reason: string;
}

/**
 * Counts describing a resolution.
 *
 * @example
 * ```ts
 * const stats: ResolutionStats = {
 *   inputRecords: 10, validRecords: 9, rejectedRecords: 1, goldenRecords: 6, clustersWithDuplicates: 2,
 *   recordsInDuplicateClusters: 5, largestCluster: 3, linkingKeys: { externalId: 1, email: 2, phone: 1 },
 * };
 * ```
 */
export interface ResolutionStats {
  /** Records given. */
  readonly inputRecords: number;
  /** Records used (normalised, possibly with dropped fields). */
  readonly validRecords: number;
  /** Records rejected (not an object or no usable id). */
  readonly rejectedRecords: number;
  /** Clusters (golden records). */
  readonly goldenRecords: number;
  /** Clusters with two or more distinct source records. */
  readonly clustersWithDuplicates: number;
  /** Source records (distinct ids) in those clusters. */
  readonly recordsInDuplicateClusters: number;
  /** Distinct source records in the largest cluster. */
  readonly largestCluster: number;
  /** Per identifier type in the rules: keys that linked two or more records. */
  readonly linkingKeys: Readonly<Partial<Record<IdentifierType, number>>>;
}

/**
 * The result of {@link resolveIdentities}. Plain JSON-serialisable data.
 *
 * @example
 * ```ts
 * const { goldenRecords, goldenIdOf, conflicts } = resolveIdentities(records);
 * goldenIdOf['crm-0000001'] //=> 'G-C0000001'
 * ```
 */
export interface IdentityResolution {
  /** The complete rules used. */
  readonly rules: ResolutionRules;
  /** One golden record per cluster, sorted by golden id. */
  readonly goldenRecords: readonly GoldenRecord[];
  /** Source record id → golden id, for every valid record (re-key transactions with it). */
  readonly goldenIdOf: Readonly<Record<string, string>>;
  /** Fields on which merged records disagree, by golden id then field. */
  readonly conflicts: readonly FieldConflict[];
  /** Keys that stopped linking because too many records share them. */
  readonly overSharedKeys: readonly OverSharedKey[];
  /** Junk identifier values found, by identifier then value. */
  readonly blockedValues: readonly BlockedValueSummary[];
  /** Links refused by `maxValuesPerCluster` limits, in processing order. */
  readonly refusedLinks: readonly RefusedLink[];
  /** Problems with paths (`records[3].id`, `records[5].phone`), in input order: rejected records and dropped field values. */
  readonly issues: readonly ValidationIssue[];
  /** Input indices of records that could not be used at all (not an object, no id), ascending. */
  readonly rejected: readonly number[];
  /** Summary counts. */
  readonly stats: ResolutionStats;
}

/**
 * Options of {@link resolveIdentities}.
 *
 * @example
 * ```ts
 * const options: ResolveOptions = { asOf: '2024-06-30', path: 'crmExport' };
 * ```
 */
export interface ResolveOptions {
  /** Reference instant for birth-date plausibility checks (dates after it are dropped as `future-date`). */
  readonly asOf?: DateInput;
  /** Root of issue paths; default `records`. */
  readonly path?: string;
}

const RELEASED: NormalizedCustomer = Object.freeze({
  customer: { id: '' },
  matchKeys: { externalIds: [] },
  fieldIssues: [],
  blocked: [],
});

/** Shared empty evidence list of single-record clusters (results are read-only). */
const NO_EVIDENCE: readonly MatchEvidence[] = Object.freeze([]);

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const NO_KEYS: readonly string[] = Object.freeze([]);

/**
 * The set's strings sorted, in an array of exactly that size (arrays grown by `push` keep spare capacity; results
 * hold hundreds of thousands of small arrays).
 */
function sortedArray(values: ReadonlySet<string>): string[] {
  const array = new Array<string>(values.size);
  let i = 0;
  for (const value of values) array[i++] = value;
  return array.sort(compareStrings);
}

function keysOf(rule: IdentifierRule, n: NormalizedCustomer): readonly string[] {
  const keys = n.matchKeys;
  switch (rule.identifier) {
    case 'externalId': {
      const namespaces = rule.namespaces;
      if (namespaces === undefined) return keys.externalIds;
      return keys.externalIds.filter((key) => namespaces.includes(key.slice(0, key.indexOf(':'))));
    }
    case 'email':
      return keys.email === undefined ? NO_KEYS : [keys.email];
    case 'phone':
      return keys.phone === undefined ? NO_KEYS : [keys.phone];
    case 'nameBirthDate':
      return keys.name === undefined || n.customer.birthDate === undefined
        ? NO_KEYS
        : [`${keys.name}|${n.customer.birthDate}`];
    case 'namePostalCode':
      return keys.name === undefined || n.customer.postalCode === undefined
        ? NO_KEYS
        : [`${keys.name}|${n.customer.country ?? ''}|${n.customer.postalCode.replace(/\s+/g, '')}`];
  }
}

/** The single key of a one-key identifier (email, phone, name-based), or undefined; externalId returns undefined. */
function singleKeyOf(rule: IdentifierRule, n: NormalizedCustomer): string | undefined {
  switch (rule.identifier) {
    case 'email':
      return n.matchKeys.email;
    case 'phone':
      return n.matchKeys.phone;
    case 'externalId':
      return undefined;
    default:
      return keysOf(rule, n)[0];
  }
}

/**
 * True when the first external key of a record is its own `source:id` key (the normaliser puts it first unless it is
 * junk) and the record is "simple": no `sourceRecordId` and an id no other record has — then only a key ending in the
 * record's id can equal its own key.
 */
function hasSimpleOwnKey(record: NormalizedCustomer, duplicatedIds: ReadonlySet<string>): boolean {
  const customer = record.customer;
  if (customer.source === undefined || customer.sourceRecordId !== undefined || duplicatedIds.has(customer.id))
    return false;
  // Keys from `externalIds`: one per entry, except blocked ones; the own key is present when there is one more.
  let fromExternalIds = 0;
  if (customer.externalIds !== undefined) {
    for (const type in customer.externalIds)
      if (Object.prototype.hasOwnProperty.call(customer.externalIds, type)) fromExternalIds++;
    for (const b of record.blocked) if (b.identifier === 'externalId') fromExternalIds--;
  }
  return record.matchKeys.externalIds.length === fromExternalIds + 1;
}

const BLOCKED_FIELDS: Readonly<Record<BlockedValue['identifier'], readonly string[]>> = {
  email: ['email'],
  phone: ['phone'],
  name: ['name', 'firstName', 'lastName'],
  externalId: [],
};

/**
 * Resolves customer records from many sources into golden records.
 *
 * 1. Every record is normalised ({@link normalizeCustomer}); records without an object shape or a usable `id` are
 *    rejected and reported, bad field values are dropped and reported, junk identifiers are kept on the record but
 *    link nothing (`blockedValues`).
 * 2. Records sharing an `id` are versions of one source record and are always linked. Then, identifier by identifier
 *    in priority order, records sharing a key are linked (union-find), unless more than `maxRecordsPerKey` records
 *    share it (`overSharedKeys`); with `maxValuesPerCluster` limits, links are tried in a canonical order (priority,
 *    key, record id) and a link that would exceed a limit is refused (`refusedLinks`). Links are transitive: A–B by
 *    email and B–C by phone put A, B and C in one cluster.
 * 3. Each cluster gets a golden id (prefix + its smallest record id) and a golden record by the survivorship rules,
 *    with provenance per field and the conflicts found.
 *
 * The result does not depend on the order of the input records (apart from the `records[i]` paths of issues), and
 * every valid record maps to exactly one golden id. Rules are checked first: invalid typed rules throw a TypeError
 * (decode untrusted configuration with {@link decodeResolutionRules}).
 *
 * @example
 * ```ts
 * const result = resolveIdentities([
 *   { id: 'C1', source: 'shop', email: 'Ann.Lee@gmail.com', updatedAt: Date.UTC(2024, 0, 5) },
 *   { id: 'crm-9', source: 'crm', email: 'annlee+news@googlemail.com', phone: '020 7946 0018', country: 'GB', updatedAt: Date.UTC(2024, 4, 2) },
 *   { id: 'S-3', source: 'support', phone: '+44 20 7946 0018' },
 * ]);
 * result.goldenRecords.length //=> 1
 * result.goldenIdOf //=> { C1: 'G-C1', 'crm-9': 'G-C1', 'S-3': 'G-C1' }
 * result.goldenRecords[0]!.customer.email //=> 'annlee+news@googlemail.com' (most recent)
 * ```
 */
export function resolveIdentities(
  records: readonly Customer[],
  rules: ResolutionRulesInput = {},
  options: ResolveOptions = {},
): IdentityResolution {
  return resolveDetailed(records, rules, options, false).resolution;
}

/** A resolution plus each input record's normalised form (internal, for quality reports). */
export interface DetailedResolution {
  readonly resolution: IdentityResolution;
  /** Per input index: the normalised record, or undefined when rejected (empty unless asked to keep them). */
  readonly normalized: readonly (NormalizedCustomer | undefined)[];
}

/** {@link resolveIdentities} keeping the normalised records (internal). */
export function resolveDetailed(
  records: readonly Customer[],
  rules: ResolutionRulesInput = {},
  options: ResolveOptions = {},
  keepNormalized = true,
): DetailedResolution {
  const complete = completeResolutionRules(rules);
  const root = options.path ?? 'records';
  const normalize = createCustomerNormalizer({
    defaultRegion: complete.defaultRegion,
    phoneValidation: complete.phoneValidation,
    emailProviders: complete.emailProviders,
    blocked: complete.blocked,
    asOf: options.asOf,
    externalIdNamespaces: complete.externalIdNamespaces,
  });

  // 1. Normalise.
  const issues: ValidationIssue[] = [];
  const rejected: number[] = [];
  // Valid records: their normalised form and input index (parallel arrays, no wrapper objects).
  const valid: NormalizedCustomer[] = [];
  const inputIndex: number[] = [];
  const input: readonly unknown[] = Array.isArray(records) ? records : [];
  if (!Array.isArray(records)) issues.push(makeIssue(root, 'array of customer records', records));
  for (let i = 0; i < input.length; i++) {
    const result = normalize(input[i], root, i);
    if (E.isLeft(result)) {
      rejected.push(i);
      for (const issue of result.left) issues.push(issue);
    } else {
      valid.push(result.right);
      inputIndex.push(i);
      for (const issue of result.right.fieldIssues) issues.push(issue);
    }
  }
  const n = valid.length;
  const ids = valid.map((v) => v.customer.id);
  const sets = new DisjointSets(n);

  // Canonical tie-break between records sharing an id (rare): their normalised content.
  const tiebreaks = new Array<string>(n).fill('');
  const firstOfId = new Map<string, number>();
  const duplicatedIds = new Set<string>();
  for (let r = 0; r < n; r++) {
    const previous = firstOfId.get(ids[r]!);
    if (previous === undefined) firstOfId.set(ids[r]!, r);
    else duplicatedIds.add(ids[r]!);
  }
  if (duplicatedIds.size > 0) {
    for (let r = 0; r < n; r++) if (duplicatedIds.has(ids[r]!)) tiebreaks[r] = JSON.stringify(valid[r]!.customer);
  }

  // 2. Link.
  const limited = complete.identifiers.filter((rule) => rule.maxValuesPerCluster !== undefined);
  const constrained = limited.length > 0;
  let rank: Int32Array | undefined;
  let valueSets: Map<number, Set<string>>[] = [];
  if (constrained) {
    const order = Array.from({ length: n }, (_, r) => r).sort(
      (a, b) => compareStrings(ids[a]!, ids[b]!) || compareStrings(tiebreaks[a]!, tiebreaks[b]!),
    );
    rank = new Int32Array(n);
    order.forEach((r, position) => (rank![r] = position));
    valueSets = limited.map((rule) => {
      const map = new Map<number, Set<string>>();
      for (let r = 0; r < n; r++) {
        const keys = keysOf(rule, valid[r]!);
        if (keys.length > 0) map.set(r, new Set(keys));
      }
      return map;
    });
  }
  const refusedLinks: RefusedLink[] = [];
  const mergeSets = (winner: number, loser: number): void => {
    for (const map of valueSets) {
      const a = map.get(winner);
      const b = map.get(loser);
      if (b === undefined) continue;
      if (a === undefined) map.set(winner, b);
      else if (a.size >= b.size) for (const v of b) a.add(v);
      else {
        for (const v of a) b.add(v);
        map.set(winner, b);
      }
      map.delete(loser);
    }
  };
  const forceLink = (a: number, b: number): void => {
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) return;
    const r = sets.union(ra, rb);
    if (constrained) mergeSets(r, r === ra ? rb : ra);
  };
  const tryLink = (a: number, b: number, rule: IdentifierRule, key: string): boolean => {
    const ra = sets.find(a);
    const rb = sets.find(b);
    if (ra === rb) return true;
    for (let l = 0; l < limited.length; l++) {
      const map = valueSets[l]!;
      const sa = map.get(ra);
      const sb = map.get(rb);
      if (sa === undefined || sb === undefined) continue;
      let size = sa.size;
      for (const v of sb) if (!sa.has(v)) size++;
      const limit = limited[l]!.maxValuesPerCluster!;
      if (size > limit) {
        refusedLinks.push({
          identifier: rule.identifier,
          key,
          recordIds: [ids[a]!, ids[b]!],
          reason: `the cluster would hold ${size} distinct ${limited[l]!.identifier} values (limit ${limit})`,
        });
        return false;
      }
    }
    const r = sets.union(ra, rb);
    mergeSets(r, r === ra ? rb : ra);
    return true;
  };

  if (duplicatedIds.size > 0)
    for (let r = 0; r < n; r++) {
      const first = firstOfId.get(ids[r]!)!;
      if (first !== r) forceLink(first, r);
    }

  const overShared: (OverSharedKey & { priority: number })[] = [];
  const evidenceGroups: { identifier: IdentifierType; key: string; members: number[] }[] = [];
  const linkingKeys: Partial<Record<IdentifierType, number>> = {};
  complete.identifiers.forEach((rule, priority) => {
    const slotOf = new Map<string, number>();
    const slotKeys: string[] = [];
    const slotFirst: number[] = [];
    const slotLast: number[] = [];
    const slotMembers: (number[] | undefined)[] = [];
    // Slot of each distinct key: its first record, its last record (to skip a record's repeated key) and, once a
    // second record carries it, all its records.
    const addKey = (key: string, r: number): void => {
      const slot = slotOf.get(key);
      if (slot === undefined) {
        slotOf.set(key, slotKeys.length);
        slotKeys.push(key);
        slotFirst.push(r);
        slotLast.push(r);
        slotMembers.push(undefined);
      } else if (slotLast[slot] !== r) {
        slotLast[slot] = r;
        const members = slotMembers[slot];
        if (members === undefined) slotMembers[slot] = [slotFirst[slot]!, r];
        else members.push(r);
      }
    };
    if (rule.identifier === 'externalId' && rule.namespaces === undefined) {
      // Each record naming its source carries its own key `source:id`, almost always unique. Those of "simple" records
      // (own key present, no sourceRecordId, id not shared) are left out of the map unless some other key ends in the
      // record's id — the only way another key can equal it — which spares a million map entries.
      const simpleOwn = new Uint8Array(n);
      for (let r = 0; r < n; r++) {
        const record = valid[r]!;
        const keys = record.matchKeys.externalIds;
        let k = 0;
        if (hasSimpleOwnKey(record, duplicatedIds)) {
          simpleOwn[r] = 1;
          k = 1;
        }
        for (; k < keys.length; k++) addKey(keys[k]!, r);
      }
      const endings = new Set<string>();
      for (const key of slotKeys) endings.add(key.slice(key.lastIndexOf(':') + 1));
      for (let r = 0; r < n; r++) {
        if (simpleOwn[r] === 0) continue;
        const id = ids[r]!;
        if (!endings.has(id) && !id.includes(':')) continue;
        const key = valid[r]!.matchKeys.externalIds[0]!;
        const slot = slotOf.get(key);
        if (slot === undefined) addKey(key, r);
        else if (slotFirst[slot] !== r && slotMembers[slot]?.includes(r) !== true) {
          // Not next to the record's other keys: check it is not already a member.
          slotLast[slot] = -1;
          addKey(key, r);
        }
      }
    } else if (rule.identifier === 'externalId') {
      for (let r = 0; r < n; r++) {
        const keys = keysOf(rule, valid[r]!);
        for (let k = 0; k < keys.length; k++) addKey(keys[k]!, r);
      }
    } else {
      for (let r = 0; r < n; r++) {
        const key = singleKeyOf(rule, valid[r]!);
        if (key !== undefined) addKey(key, r);
      }
    }
    let linking = 0;
    const groups: { key: string; members: number[] }[] = [];
    for (let slot = 0; slot < slotKeys.length; slot++) {
      const members = slotMembers[slot];
      if (members === undefined) continue;
      const key = slotKeys[slot]!;
      if (members.length > rule.maxRecordsPerKey) {
        overShared.push({
          identifier: rule.identifier,
          key,
          recordCount: members.length,
          limit: rule.maxRecordsPerKey,
          sampleRecordIds: [...new Set(members.map((m) => ids[m]!))].sort(compareStrings).slice(0, 10),
          priority,
        });
        continue;
      }
      groups.push({ key, members });
    }
    if (constrained) {
      groups.sort((a, b) => compareStrings(a.key, b.key));
      for (const group of groups) {
        group.members.sort((a, b) => rank![a]! - rank![b]!);
        let pending = group.members;
        while (pending.length >= 2) {
          const anchor = pending[0]!;
          const rest: number[] = [];
          for (let i = 1; i < pending.length; i++)
            if (!tryLink(anchor, pending[i]!, rule, group.key)) rest.push(pending[i]!);
          pending = rest;
        }
      }
    } else {
      for (const group of groups) {
        const anchor = group.members[0]!;
        for (let i = 1; i < group.members.length; i++) forceLink(anchor, group.members[i]!);
      }
    }
    for (const group of groups) {
      const distinctIds = new Set(group.members.map((m) => ids[m]!));
      if (distinctIds.size >= 2) linking++;
      evidenceGroups.push({ identifier: rule.identifier, key: group.key, members: group.members });
    }
    linkingKeys[rule.identifier] = linking;
  });

  // 3. Clusters and golden records.
  // Clusters numbered by first record; members (ascending) in one flat list by counting sort.
  const rootOf = new Int32Array(n);
  const clusterOfRoot = new Int32Array(n).fill(-1);
  let clusterCount = 0;
  for (let r = 0; r < n; r++) {
    const rep = sets.find(r);
    rootOf[r] = rep;
    if (clusterOfRoot[rep] === -1) clusterOfRoot[rep] = clusterCount++;
  }
  const clusterStart = new Int32Array(clusterCount + 1);
  for (let r = 0; r < n; r++) clusterStart[clusterOfRoot[rootOf[r]!]! + 1]!++;
  for (let c = 0; c < clusterCount; c++) clusterStart[c + 1]! += clusterStart[c]!;
  const memberList = new Int32Array(n);
  const nextSlot = clusterStart.slice(0, clusterCount);
  for (let r = 0; r < n; r++) memberList[nextSlot[clusterOfRoot[rootOf[r]!]!]!++] = r;
  const clusterEvidence: (MatchEvidence[] | undefined)[] = new Array<MatchEvidence[] | undefined>(clusterCount);
  for (const group of evidenceGroups) {
    if (!constrained) {
      // Without per-cluster limits every linking group lies inside one cluster.
      const c = clusterOfRoot[rootOf[group.members[0]!]!]!;
      const distinct = new Set<string>();
      for (const m of group.members) distinct.add(ids[m]!);
      if (distinct.size < 2) continue;
      (clusterEvidence[c] ??= []).push({
        identifier: group.identifier,
        key: group.key,
        recordIds: sortedArray(distinct),
      });
      continue;
    }
    const byCluster = new Map<number, Set<string>>();
    for (const m of group.members) {
      const c = clusterOfRoot[rootOf[m]!]!;
      let idsOf = byCluster.get(c);
      if (idsOf === undefined) byCluster.set(c, (idsOf = new Set()));
      idsOf.add(ids[m]!);
    }
    for (const [c, idsOf] of byCluster) {
      if (idsOf.size < 2) continue;
      const list = clusterEvidence[c] ?? (clusterEvidence[c] = []);
      list.push({ identifier: group.identifier, key: group.key, recordIds: sortedArray(idsOf) });
    }
  }

  const survivorship = new Survivorship(complete);
  const identifierOrder = new Map(complete.identifiers.map((rule, i) => [rule.identifier, i]));
  const blockedFieldsOf = (normalized: NormalizedCustomer): ReadonlySet<string> | undefined => {
    if (normalized.blocked.length === 0) return undefined;
    const fields = new Set<string>();
    for (const b of normalized.blocked) {
      for (const f of BLOCKED_FIELDS[b.identifier]) fields.add(f);
      if (b.identifier === 'externalId') fields.add(b.field);
    }
    return fields;
  };
  const blockedAgg = new Map<
    string,
    { summary: Omit<BlockedValueSummary, 'sampleRecordIds' | 'recordCount'>; ids: Set<string> }
  >();
  for (const v of valid) {
    for (const b of v.blocked) {
      const key = `${b.identifier}\u0000${b.value}`;
      let entry = blockedAgg.get(key);
      if (entry === undefined)
        blockedAgg.set(
          key,
          (entry = { summary: { identifier: b.identifier, value: b.value, rule: b.rule }, ids: new Set() }),
        );
      entry.ids.add(v.customer.id);
    }
  }
  const blockedValues: BlockedValueSummary[] = [...blockedAgg.values()]
    .map(({ summary, ids: idSet }) => {
      const sorted = [...idSet].sort(compareStrings);
      return { ...summary, recordCount: sorted.length, sampleRecordIds: sorted.slice(0, 10) };
    })
    .sort((a, b) => compareStrings(a.identifier, b.identifier) || compareStrings(a.value, b.value));

  // One golden record per cluster, built in its final form; `conflictsOf[c]` holds the cluster's conflicts.
  const built = new Array<GoldenRecord>(clusterCount);
  const conflictsOf = new Array<readonly FieldConflict[] | undefined>(clusterCount);
  // Smallest record id per cluster: golden ids are the prefix + it, so they sort alike (without building flat strings).
  const smallestIds = new Array<string>(clusterCount);
  const prefix = complete.goldenIdPrefix;
  // Single-source lists are shared between golden records (results are read-only).
  const sourceLists = new Map<string, readonly string[]>();
  const noSources: readonly string[] = Object.freeze([]);
  for (let c = 0; c < clusterCount; c++) {
    const start = clusterStart[c]!;
    const end = clusterStart[c + 1]!;
    if (end - start === 1) {
      // Fast path (most clusters): the golden record is the normalised record with junk removed.
      const r = memberList[start]!;
      const normalized = valid[r]!;
      const customer = normalized.customer;
      const goldenId = prefix + customer.id;
      const parts = survivorship.buildSingle(goldenId, customer, blockedFieldsOf(normalized));
      if (!keepNormalized) valid[r] = RELEASED;
      const source = customer.source;
      let sources = noSources;
      if (source !== undefined) {
        sources = sourceLists.get(source) ?? noSources;
        if (sources === noSources) sourceLists.set(source, (sources = Object.freeze([source])));
      }
      smallestIds[c] = customer.id;
      built[c] = {
        goldenId,
        recordIds: [customer.id],
        sources,
        customer: parts.customer,
        provenance: parts.provenance,
        matchedBy: NO_EVIDENCE,
      };
      continue;
    }
    const members: number[] = [];
    for (let i = start; i < end; i++) members.push(memberList[i]!);
    const survivors: SurvivorshipMember[] = members.map((r) => {
      const normalized = valid[r]!;
      const customer = normalized.customer;
      return {
        id: customer.id,
        source: customer.source,
        updatedAt: customer.updatedAt,
        customer,
        blockedFields: blockedFieldsOf(normalized),
        tiebreak: tiebreaks[r]!,
      };
    });
    survivors.sort((a, b) => compareStrings(a.id, b.id) || compareStrings(a.tiebreak, b.tiebreak));
    const recordIds: string[] = [];
    const sources = new Set<string>();
    for (const s of survivors) {
      if (recordIds[recordIds.length - 1] !== s.id) recordIds.push(s.id);
      if (s.source !== undefined) sources.add(s.source);
    }
    const goldenId = prefix + recordIds[0]!;
    const parts = survivorship.build(goldenId, survivors);
    // The normalised records are not part of the result: let them go as soon as their cluster is built (peak memory).
    if (!keepNormalized) for (const r of members) valid[r] = RELEASED;
    const evidenceList = clusterEvidence[c];
    const evidence = evidenceList === undefined ? [] : evidenceList.slice();
    evidence.sort(
      (a, b) => identifierOrder.get(a.identifier)! - identifierOrder.get(b.identifier)! || compareStrings(a.key, b.key),
    );
    smallestIds[c] = recordIds[0]!;
    built[c] = {
      goldenId,
      recordIds: recordIds.slice(),
      sources: sortedArray(sources),
      customer: parts.customer,
      provenance: parts.provenance,
      matchedBy: evidence,
    };
    if (parts.conflicts.length > 0) conflictsOf[c] = parts.conflicts;
  }
  const clusterOrder = Array.from({ length: clusterCount }, (_, c) => c).sort((a, b) =>
    compareStrings(smallestIds[a]!, smallestIds[b]!),
  );

  const goldenIdOf = Object.create(null) as Record<string, string>;
  const conflicts: FieldConflict[] = [];
  const goldenRecords: GoldenRecord[] = new Array<GoldenRecord>(clusterCount);
  let clustersWithDuplicates = 0;
  let recordsInDuplicateClusters = 0;
  let largestCluster = 0;
  for (let g = 0; g < clusterCount; g++) {
    const c = clusterOrder[g]!;
    const record = built[c]!;
    goldenRecords[g] = record;
    const recordIds = record.recordIds;
    const goldenId = record.goldenId;
    for (let i = 0; i < recordIds.length; i++) goldenIdOf[recordIds[i]!] = goldenId;
    const clusterConflicts = conflictsOf[c];
    if (clusterConflicts !== undefined) for (const conflict of clusterConflicts) conflicts.push(conflict);
    const size = recordIds.length;
    if (size >= 2) {
      clustersWithDuplicates++;
      recordsInDuplicateClusters += size;
    }
    if (size > largestCluster) largestCluster = size;
  }

  overShared.sort((a, b) => a.priority - b.priority || compareStrings(a.key, b.key));
  const normalizedByInput = new Array<NormalizedCustomer | undefined>(keepNormalized ? input.length : 0);
  if (keepNormalized) for (let r = 0; r < n; r++) normalizedByInput[inputIndex[r]!] = valid[r];
  const resolution: IdentityResolution = {
    rules: complete,
    goldenRecords,
    goldenIdOf,
    conflicts,
    overSharedKeys: overShared.map((o) => ({
      identifier: o.identifier,
      key: o.key,
      recordCount: o.recordCount,
      limit: o.limit,
      sampleRecordIds: o.sampleRecordIds,
    })),
    blockedValues,
    refusedLinks,
    issues,
    rejected,
    stats: {
      inputRecords: input.length,
      validRecords: n,
      rejectedRecords: rejected.length,
      goldenRecords: goldenRecords.length,
      clustersWithDuplicates,
      recordsInDuplicateClusters,
      largestCluster,
      linkingKeys,
    },
  };
  return { resolution, normalized: normalizedByInput };
}
