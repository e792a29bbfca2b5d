/**
 * Golden records: one value per field chosen from a cluster's records by survivorship rules, with provenance and
 * conflicts.
 *
 * @module
 */
import type { Consent, Customer } from '../core/index.js';
import { latestDecisions, resolveConsents } from './consent.js';
import {
  GOLDEN_FIELDS,
  type GoldenField,
  type ResolutionRules,
  type SurvivorshipRule,
  type SurvivorshipStrategy,
} from './rules.js';
import { codePointLength } from './text.js';

/**
 * Where a golden field's value came from.
 *
 * @example
 * ```ts
 * const provenance: FieldProvenance = { recordId: 'crm-17', source: 'crm', updatedAt: Date.UTC(2024, 4, 2), strategy: 'mostRecent' };
 * ```
 */
export interface FieldProvenance {
  /** The source record the value was taken from. */
  readonly recordId: string;
  /** That record's source, when it names one. */
  readonly source?: string;
  /** That record's `updatedAt`, when known (epoch ms). */
  readonly updatedAt?: number;
  /** The survivorship strategy that chose it. */
  readonly strategy: SurvivorshipStrategy;
}

/**
 * A field on which a cluster's records disagree (two or more distinct non-empty values).
 *
 * @example
 * ```ts
 * const conflict: FieldConflict = {
 *   goldenId: 'G-C0000001', field: 'phone', chosen: '+442079460018',
 *   values: [{ value: '+442079460018', recordIds: ['C0000001'] }, { value: '+447700900123', recordIds: ['crm-0000001'] }],
 * };
 * ```
 */
export interface FieldConflict {
  /** The golden record. */
  readonly goldenId: string;
  /** The field (`email`, `externalIds.crm`, `attributes.tier`...). */
  readonly field: string;
  /** The surviving value (absent when the winning record had none and empty values were not ignored). */
  readonly chosen?: string | number | boolean;
  /** Each distinct value with the records carrying it, values sorted. */
  readonly values: readonly {
    /** One distinct value. */
    readonly value: string | number | boolean;
    /** The records carrying it, sorted. */
    readonly recordIds: readonly string[];
  }[];
}

/** A cluster member as survivorship sees it (internal). */
export interface SurvivorshipMember {
  readonly id: string;
  readonly source: string | undefined;
  readonly updatedAt: number | undefined;
  readonly customer: Customer;
  /** Fields holding blocked (junk) values: treated as empty. */
  readonly blockedFields: ReadonlySet<string> | undefined;
  /** Canonical tie-break between records sharing an id. */
  readonly tiebreak: string;
}

/** The golden record of one cluster (internal result of {@link buildGoldenRecord}). */
export interface GoldenParts {
  readonly customer: Customer;
  readonly provenance: Record<string, FieldProvenance>;
  readonly conflicts: FieldConflict[];
}

type Scalar = string | number | boolean;

function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Survivorship context for one resolution (internal). */
export class Survivorship {
  private readonly sourceRanks = new Map<readonly string[], Map<string, number>>();
  /** The rule of each golden field (a grouped field takes its group's rule) and the field units in order. */
  private readonly units: {
    readonly fields: readonly GoldenField[];
    /** Positions of `fields` in {@link GOLDEN_FIELDS}. */
    readonly indices: readonly number[];
    readonly rule: SurvivorshipRule;
  }[] = [];
  private readonly fieldRule = new Map<GoldenField, SurvivorshipRule>();
  /** The strategy of each of {@link GOLDEN_FIELDS}, in that order. */
  private readonly goldenStrategies: SurvivorshipStrategy[] = [];
  private readonly ruleCache = new Map<string, SurvivorshipRule>();

  constructor(private readonly rules: ResolutionRules) {
    const grouped = new Set<string>();
    for (const group of rules.fieldGroups) {
      this.units.push({
        fields: group,
        indices: group.map((f) => GOLDEN_FIELDS.indexOf(f)),
        rule: this.ruleOf(group[0]!),
      });
      for (const f of group) grouped.add(f);
    }
    GOLDEN_FIELDS.forEach((f, index) => {
      if (!grouped.has(f)) this.units.push({ fields: [f], indices: [index], rule: this.ruleOf(f) });
    });
    for (const unit of this.units) for (const f of unit.fields) this.fieldRule.set(f, unit.rule);
    for (const f of GOLDEN_FIELDS) this.goldenStrategies.push(this.fieldRule.get(f)!.strategy);
  }

  private rankOf(list: readonly string[], source: string | undefined): number {
    let ranks = this.sourceRanks.get(list);
    if (ranks === undefined) {
      ranks = new Map(list.map((s, i) => [s, i]));
      this.sourceRanks.set(list, ranks);
    }
    return source === undefined ? Number.MAX_SAFE_INTEGER : (ranks.get(source) ?? Number.MAX_SAFE_INTEGER - 1);
  }

  /** Most recent first, then source priority, then smallest id: the universal tie-break order. */
  private compareRecent(a: SurvivorshipMember, b: SurvivorshipMember): number {
    const ua = a.updatedAt ?? Number.NEGATIVE_INFINITY;
    const ub = b.updatedAt ?? Number.NEGATIVE_INFINITY;
    if (ua !== ub) return ub > ua ? 1 : -1;
    const ra = this.rankOf(this.rules.sourcePriority, a.source);
    const rb = this.rankOf(this.rules.sourcePriority, b.source);
    if (ra !== rb) return ra - rb;
    if (a.id !== b.id) return a.id < b.id ? -1 : 1;
    return a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0;
  }

  private valueOf(member: SurvivorshipMember, field: string): Scalar | undefined {
    if (member.blockedFields?.has(field) === true) return undefined;
    let value: unknown = (member.customer as Record<string, unknown>)[field];
    if (value === undefined) {
      if (field.startsWith('attributes.')) value = member.customer.attributes?.[field.slice(11)];
      else if (field.startsWith('externalIds.')) value = member.customer.externalIds?.[field.slice(12)];
    }
    if (value === undefined || value === null || value === '') return undefined;
    return value as Scalar;
  }

  ruleOf(field: string): SurvivorshipRule {
    let rule = this.ruleCache.get(field);
    if (rule === undefined) this.ruleCache.set(field, (rule = this.findRule(field)));
    return rule;
  }

  private findRule(field: string): SurvivorshipRule {
    const fields = this.rules.survivorship.fields;
    if (field.startsWith('attributes.')) return fields[field] ?? fields.attributes ?? this.rules.survivorship.default;
    if (field.startsWith('externalIds.')) return fields.externalIds ?? this.rules.survivorship.default;
    return fields[field] ?? this.rules.survivorship.default;
  }

  /**
   * Chooses the winning member for a group of fields (one field or a field group); `columns[k][i]` is member i's value
   * of the group's field k (undefined when empty or blocked). `recency[i]` is member i's position in the
   * most-recent-first order, the final tie-break of every strategy. Returns the member index, or -1.
   */
  private winner(
    members: readonly SurvivorshipMember[],
    recency: readonly number[],
    columns: readonly (readonly (Scalar | undefined)[])[],
    rule: SurvivorshipRule,
  ): number {
    const ignoreEmpty =
      rule.ignoreEmpty !== false ||
      rule.strategy === 'smallest' ||
      rule.strategy === 'largest' ||
      rule.strategy === 'longest';
    const lead = columns[0]!;
    const isEmpty = (i: number): boolean => {
      for (const column of columns) if (column[i] !== undefined) return false;
      return true;
    };
    let best = -1;
    let bestKey = 0;
    let bestValue: Scalar | undefined;
    let counts: Map<string, number> | undefined;
    let keys: string[] | undefined;
    if (rule.strategy === 'mostFrequent') {
      counts = new Map();
      keys = new Array<string>(members.length);
      for (let i = 0; i < members.length; i++) {
        let key: string;
        if (columns.length === 1) {
          const value = lead[i];
          key = value === undefined ? '' : `${typeof value}:${String(value)}`;
        } else {
          key = '';
          for (const column of columns) key += `${JSON.stringify(column[i] ?? null)},`;
        }
        keys[i] = key;
        if (ignoreEmpty && isEmpty(i)) continue;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const sourceList = rule.sourcePriority ?? this.rules.sourcePriority;
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      if (ignoreEmpty && isEmpty(i)) continue;
      // Primary key of the strategy, smaller is better; ties go to the more recent record.
      let key = 0;
      let value: Scalar | undefined;
      switch (rule.strategy) {
        case 'mostRecent':
          key = 0;
          break;
        case 'sourcePriority':
          key = this.rankOf(sourceList, m.source);
          break;
        case 'firstNonEmpty':
          key = m.updatedAt ?? Number.POSITIVE_INFINITY;
          break;
        case 'longest': {
          let length = 0;
          for (const column of columns) {
            const v = column[i];
            if (v !== undefined) length += codePointLength(String(v));
          }
          key = -length;
          break;
        }
        case 'mostFrequent':
          key = -(counts!.get(keys![i]!) ?? 0);
          break;
        case 'smallest':
        case 'largest':
          value = lead[i];
          if (value === undefined) continue;
          break;
      }
      if (best < 0) {
        best = i;
        bestKey = key;
        bestValue = value;
        continue;
      }
      let better: boolean;
      if (rule.strategy === 'smallest' || rule.strategy === 'largest') {
        const c = compareScalars(value!, bestValue!) * (rule.strategy === 'smallest' ? 1 : -1);
        better = c < 0 || (c === 0 && recency[i]! < recency[best]!);
      } else better = key < bestKey || (key === bestKey && recency[i]! < recency[best]!);
      if (better) {
        best = i;
        bestKey = key;
        bestValue = value;
      }
    }
    return best;
  }

  /** The conflict of one field, `column[i]` being member i's value (see {@link Survivorship.winner}). */
  private static conflictOf(
    goldenId: string,
    members: readonly SurvivorshipMember[],
    column: readonly (Scalar | undefined)[],
    field: string,
    chosen: Scalar | undefined,
  ): FieldConflict | undefined {
    let first: Scalar | undefined;
    let distinct = false;
    for (const value of column) {
      if (value === undefined) continue;
      if (first === undefined) first = value;
      else if (value !== first) {
        distinct = true;
        break;
      }
    }
    if (!distinct) return undefined;
    // Distinct values (same type and value; values are finite, so `===` is string equality), first-seen order.
    const values: { value: Scalar; recordIds: string[] }[] = [];
    // Large clusters: a map (SameValueZero, i.e. `===` here) keeps this linear.
    const byValue = members.length > 32 ? new Map<Scalar, { value: Scalar; recordIds: string[] }>() : undefined;
    for (let i = 0; i < members.length; i++) {
      const value = column[i];
      if (value === undefined) continue;
      const id = members[i]!.id;
      let entry: { value: Scalar; recordIds: string[] } | undefined;
      if (byValue !== undefined) entry = byValue.get(value);
      else
        for (let v = 0; v < values.length; v++) {
          const candidate = values[v]!;
          if (candidate.value === value) {
            entry = candidate;
            break;
          }
        }
      if (entry === undefined) {
        entry = { value, recordIds: [id] };
        values.push(entry);
        byValue?.set(value, entry);
      } else if (!entry.recordIds.includes(id)) entry.recordIds.push(id);
    }
    values.sort((a, b) => compareScalars(a.value, b.value));
    // Exact-size arrays (see `slice`): conflicts are kept by the hundred thousand.
    for (const v of values) if (v.recordIds.length > 1) v.recordIds = v.recordIds.slice().sort();
    const exact = values.slice();
    return chosen === undefined ? { goldenId, field, values: exact } : { goldenId, field, chosen, values: exact };
  }

  /** Every member's value of a field (undefined when empty or blocked). */
  private column(members: readonly SurvivorshipMember[], field: string): (Scalar | undefined)[] {
    const column = new Array<Scalar | undefined>(members.length);
    for (let i = 0; i < members.length; i++) column[i] = this.valueOf(members[i]!, field);
    return column;
  }

  /** Every member's value of `container.key` (`field`), undefined when empty or blocked. */
  private static containerColumn(
    members: readonly SurvivorshipMember[],
    container: 'externalIds' | 'attributes',
    key: string,
    field: string,
  ): (Scalar | undefined)[] {
    const column = new Array<Scalar | undefined>(members.length);
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      const entries = m.customer[container] as Readonly<Record<string, Scalar | null>> | undefined;
      const value = entries?.[key];
      column[i] =
        value === undefined || value === null || value === '' || m.blockedFields?.has(field) === true
          ? undefined
          : value;
    }
    return column;
  }

  private provenanceOf(
    member: Pick<SurvivorshipMember, 'id' | 'source' | 'updatedAt'> | Customer,
    strategy: SurvivorshipStrategy,
  ): FieldProvenance {
    // One literal per shape (keys in output order): no property-array growth, smaller objects.
    const recordId = member.id;
    const { source, updatedAt } = member;
    if (source !== undefined)
      return updatedAt !== undefined ? { recordId, strategy, source, updatedAt } : { recordId, strategy, source };
    return updatedAt !== undefined ? { recordId, strategy, updatedAt } : { recordId, strategy };
  }

  /**
   * The golden record of a single-record cluster: its normalised values, junk (`blocked` fields) removed (fast path;
   * no conflicts).
   */
  buildSingle(
    goldenId: string,
    record: Customer,
    blocked: ReadonlySet<string> | undefined,
  ): Pick<GoldenParts, 'customer' | 'provenance'> {
    const out: Record<string, unknown> = { id: goldenId };
    const provenance: Record<string, FieldProvenance> = {};
    const byStrategy: Partial<Record<SurvivorshipStrategy, FieldProvenance>> = {};
    const customer = record as Record<string, unknown>;
    for (let f = 0; f < GOLDEN_FIELDS.length; f++) {
      const field = GOLDEN_FIELDS[f]!;
      const value = customer[field];
      if (value === undefined || value === null || value === '' || blocked?.has(field) === true) continue;
      out[field] = value;
      const strategy = this.goldenStrategies[f]!;
      provenance[field] = byStrategy[strategy] ??= this.provenanceOf(record, strategy);
    }
    if (record.externalIds !== undefined)
      this.copySingleContainer(record, blocked, 'externalIds', 'externalIds.', out, provenance, byStrategy);
    if (record.attributes !== undefined)
      this.copySingleContainer(record, blocked, 'attributes', 'attributes.', out, provenance, byStrategy);
    const consents = record.consents;
    if (consents !== undefined && consents.length > 0) out.consents = goldenConsents(consents);
    if (record.updatedAt !== undefined) out.updatedAt = record.updatedAt;
    return { customer: out as Customer, provenance };
  }

  /** The golden field name and rule strategy of each container key (`attributes` + `tier`), cached. */
  private readonly containerFields = {
    externalIds: new Map<string, { readonly field: string; readonly strategy: SurvivorshipStrategy }>(),
    attributes: new Map<string, { readonly field: string; readonly strategy: SurvivorshipStrategy }>(),
  };

  /**
   * Copies a single record's `externalIds` / `attributes` into its golden record, skipping empty and blocked values;
   * the record's own object is kept when nothing is skipped (its keys are already sorted by the normaliser).
   */
  private copySingleContainer(
    record: Customer,
    blocked: ReadonlySet<string> | undefined,
    container: 'externalIds' | 'attributes',
    prefix: string,
    out: Record<string, unknown>,
    provenance: Record<string, FieldProvenance>,
    byStrategy: Partial<Record<SurvivorshipStrategy, FieldProvenance>>,
  ): void {
    const values = record[container] as Readonly<Record<string, Scalar | null>>;
    const keys = Object.keys(values);
    if (keys.length > 1) keys.sort();
    const fields = this.containerFields[container];
    let kept = 0;
    let copy: Record<string, Scalar> | undefined;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      let entry = fields.get(key);
      if (entry === undefined) {
        const field = prefix + key;
        fields.set(key, (entry = { field, strategy: this.ruleOf(field).strategy }));
      }
      const value = values[key];
      if (value === undefined || value === null || value === '' || blocked?.has(entry.field) === true) {
        // Something is skipped: copy the entries kept so far.
        if (copy === undefined) {
          copy = {};
          for (let j = 0; j < k; j++) copy[keys[j]!] = values[keys[j]!]!;
        }
        continue;
      }
      if (copy !== undefined) copy[key] = value;
      kept++;
      provenance[entry.field] = byStrategy[entry.strategy] ??= this.provenanceOf(record, entry.strategy);
    }
    if (kept > 0) out[container] = copy ?? values;
  }

  /**
   * Builds the golden record of a cluster. `members` are sorted by id; `goldenId` becomes the customer's `id`.
   */
  build(goldenId: string, members: readonly SurvivorshipMember[]): GoldenParts {
    if (members.length === 1) {
      const single = this.buildSingle(goldenId, members[0]!.customer, members[0]!.blockedFields);
      return { customer: single.customer, provenance: single.provenance, conflicts: [] };
    }
    const order = members.map((_, i) => i).sort((a, b) => this.compareRecent(members[a]!, members[b]!));
    const recency = new Array<number>(members.length);
    order.forEach((memberIndex, position) => (recency[memberIndex] = position));

    const out: Record<string, unknown> = { id: goldenId };
    const provenance: Record<string, FieldProvenance> = {};
    const conflicts: FieldConflict[] = [];
    // Each golden field's values, read once per member; arrays indexed by position in GOLDEN_FIELDS.
    const fieldCount = GOLDEN_FIELDS.length;
    const columns = new Array<(Scalar | undefined)[]>(fieldCount);
    for (let f = 0; f < fieldCount; f++) columns[f] = this.column(members, GOLDEN_FIELDS[f]!);
    const values = new Array<Scalar | undefined>(fieldCount);
    const provenanceOfField = new Array<FieldProvenance | undefined>(fieldCount);
    const provenanceCache = new Array<Partial<Record<SurvivorshipStrategy, FieldProvenance>> | undefined>(
      members.length,
    );
    const provenanceFor = (index: number, strategy: SurvivorshipStrategy): FieldProvenance => {
      let byStrategy = provenanceCache[index];
      if (byStrategy === undefined) provenanceCache[index] = byStrategy = {};
      return (byStrategy[strategy] ??= this.provenanceOf(members[index]!, strategy));
    };
    for (const unit of this.units) {
      const indices = unit.indices;
      const unitColumns = indices.length === 1 ? [columns[indices[0]!]!] : indices.map((index) => columns[index]!);
      const win = this.winner(members, recency, unitColumns, unit.rule);
      if (win < 0) continue;
      for (let k = 0; k < indices.length; k++) {
        const value = unitColumns[k]![win];
        if (value === undefined) continue;
        const index = indices[k]!;
        values[index] = value;
        provenanceOfField[index] = provenanceFor(win, unit.rule.strategy);
      }
    }
    for (let f = 0; f < fieldCount; f++) {
      const field = GOLDEN_FIELDS[f]!;
      const value = values[f];
      if (value !== undefined) {
        out[field] = value;
        provenance[field] = provenanceOfField[f]!;
      }
      const conflict = Survivorship.conflictOf(goldenId, members, columns[f]!, field, value);
      if (conflict !== undefined) conflicts.push(conflict);
    }

    for (const [container, prefix] of [
      ['externalIds', 'externalIds.'],
      ['attributes', 'attributes.'],
    ] as const) {
      const keys = new Set<string>();
      for (const m of members) {
        const entries = m.customer[container];
        if (entries !== undefined) for (const key of Object.keys(entries)) keys.add(key);
      }
      if (keys.size === 0) continue;
      const merged: Record<string, Scalar> = {};
      let any = false;
      for (const key of [...keys].sort()) {
        const field = prefix + key;
        const rule = this.ruleOf(field);
        const column = Survivorship.containerColumn(members, container, key, field);
        const win = this.winner(members, recency, [column], rule);
        const value = win < 0 ? undefined : column[win];
        if (value !== undefined) {
          merged[key] = value;
          any = true;
          provenance[field] = provenanceFor(win, rule.strategy);
        }
        const conflict = Survivorship.conflictOf(goldenId, members, column, field, value);
        if (conflict !== undefined) conflicts.push(conflict);
      }
      if (any) out[container] = merged;
    }

    const decisions: Consent[] = [];
    for (const m of members)
      if (m.customer.consents !== undefined) for (const c of m.customer.consents) decisions.push(c);
    if (decisions.length > 0) out.consents = goldenConsents(decisions);
    let updatedAt: number | undefined;
    for (const m of members)
      if (m.updatedAt !== undefined && (updatedAt === undefined || m.updatedAt > updatedAt)) updatedAt = m.updatedAt;
    if (updatedAt !== undefined) out.updatedAt = updatedAt;
    return { customer: out as Customer, provenance, conflicts };
  }
}

/** The current decision per purpose ({@link resolveConsents}) as consent records, sorted by purpose. */
function goldenConsents(decisions: readonly Consent[]): readonly Consent[] {
  // Fast path: one decision per purpose, already sorted — the decisions are their own current states.
  let distinctSorted = true;
  for (let i = 1; i < decisions.length && distinctSorted; i++)
    distinctSorted = decisions[i - 1]!.purpose < decisions[i]!.purpose;
  let clean = true;
  for (let i = 0; i < decisions.length && clean; i++) {
    const purpose = decisions[i]!.purpose;
    clean = purpose !== '' && purpose === purpose.trim();
  }
  if (clean && distinctSorted) return decisions;
  if (clean) {
    // One decision per purpose, unsorted: the same decisions (normalised consents, already in output form) sorted.
    const sorted = decisions.slice().sort((a, b) => (a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0));
    let distinct = true;
    for (let i = 1; i < sorted.length && distinct; i++) distinct = sorted[i - 1]!.purpose !== sorted[i]!.purpose;
    if (distinct) return sorted;
    // Several decisions per purpose: the winning decision objects (normalised consents, already in output form).
    return latestDecisions(decisions);
  }
  return resolveConsents(decisions).map((state) => {
    const consent: { purpose: string; status: Consent['status']; at?: number; source?: string } = {
      purpose: state.purpose,
      status: state.status,
    };
    if (state.at !== undefined) consent.at = state.at;
    if (state.source !== undefined) consent.source = state.source;
    return consent;
  });
}
