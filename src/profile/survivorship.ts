/**
 * Golden records: one value per field chosen from a cluster's records by survivorship rules, with provenance and
 * conflicts.
 *
 * @module
 */
import type { Consent, Customer } from '../core/index.js';
import { resolveConsents } from './consent.js';
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
  private readonly units: { readonly fields: readonly GoldenField[]; readonly rule: SurvivorshipRule }[] = [];
  private readonly fieldRule = new Map<GoldenField, SurvivorshipRule>();

  constructor(private readonly rules: ResolutionRules) {
    const grouped = new Set<string>();
    for (const group of rules.fieldGroups) {
      this.units.push({ fields: group, rule: this.ruleOf(group[0]!) });
      for (const f of group) grouped.add(f);
    }
    for (const f of GOLDEN_FIELDS) if (!grouped.has(f)) this.units.push({ fields: [f], rule: this.ruleOf(f) });
    for (const unit of this.units) for (const f of unit.fields) this.fieldRule.set(f, unit.rule);
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
    const fields = this.rules.survivorship.fields;
    if (field.startsWith('attributes.')) return fields[field] ?? fields.attributes ?? this.rules.survivorship.default;
    if (field.startsWith('externalIds.')) return fields.externalIds ?? this.rules.survivorship.default;
    return fields[field] ?? this.rules.survivorship.default;
  }

  private isEmpty(member: SurvivorshipMember, fields: readonly string[]): boolean {
    for (const f of fields) if (this.valueOf(member, f) !== undefined) return false;
    return true;
  }

  /**
   * Chooses the winning record for a group of fields (one field or a field group). `recency[i]` is member i's
   * position in the most-recent-first order, the final tie-break of every strategy.
   */
  private winner(
    members: readonly SurvivorshipMember[],
    recency: readonly number[],
    fields: readonly string[],
    rule: SurvivorshipRule,
  ): SurvivorshipMember | undefined {
    const ignoreEmpty =
      rule.ignoreEmpty !== false ||
      rule.strategy === 'smallest' ||
      rule.strategy === 'largest' ||
      rule.strategy === 'longest';
    const lead = fields[0]!;
    let best = -1;
    let bestKey = 0;
    let bestValue: Scalar | undefined;
    let counts: Map<string, number> | undefined;
    const tupleKey = (m: SurvivorshipMember): string => {
      if (fields.length === 1) {
        const value = this.valueOf(m, lead);
        return value === undefined ? '' : `${typeof value}:${String(value)}`;
      }
      let key = '';
      for (const f of fields) key += `${JSON.stringify(this.valueOf(m, f) ?? null)},`;
      return key;
    };
    if (rule.strategy === 'mostFrequent') {
      counts = new Map();
      for (const m of members) {
        if (ignoreEmpty && this.isEmpty(m, fields)) continue;
        const key = tupleKey(m);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const sourceList = rule.sourcePriority ?? this.rules.sourcePriority;
    for (let i = 0; i < members.length; i++) {
      const m = members[i]!;
      if (ignoreEmpty && this.isEmpty(m, fields)) continue;
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
          for (const f of fields) {
            const v = this.valueOf(m, f);
            if (v !== undefined) length += codePointLength(String(v));
          }
          key = -length;
          break;
        }
        case 'mostFrequent':
          key = -(counts!.get(tupleKey(m)) ?? 0);
          break;
        case 'smallest':
        case 'largest':
          value = this.valueOf(m, lead);
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
    return best < 0 ? undefined : members[best];
  }

  private conflictOf(
    goldenId: string,
    members: readonly SurvivorshipMember[],
    field: string,
    chosen: Scalar | undefined,
  ): FieldConflict | undefined {
    let first: Scalar | undefined;
    let distinct = false;
    for (const m of members) {
      const value = this.valueOf(m, field);
      if (value === undefined) continue;
      if (first === undefined) first = value;
      else if (value !== first) {
        distinct = true;
        break;
      }
    }
    if (!distinct) return undefined;
    const byValue = new Map<string, { value: Scalar; recordIds: string[] }>();
    for (const m of members) {
      const value = this.valueOf(m, field);
      if (value === undefined) continue;
      const key = `${typeof value}:${String(value)}`;
      const entry = byValue.get(key);
      if (entry === undefined) byValue.set(key, { value, recordIds: [m.id] });
      else if (!entry.recordIds.includes(m.id)) entry.recordIds.push(m.id);
    }
    const values = [...byValue.values()].sort((a, b) => compareScalars(a.value, b.value));
    for (const v of values) v.recordIds.sort();
    return { goldenId, field, ...(chosen === undefined ? {} : { chosen }), values };
  }

  private provenanceOf(member: SurvivorshipMember, strategy: SurvivorshipStrategy): FieldProvenance {
    const provenance: { recordId: string; source?: string; updatedAt?: number; strategy: SurvivorshipStrategy } = {
      recordId: member.id,
      strategy,
    };
    if (member.source !== undefined) provenance.source = member.source;
    if (member.updatedAt !== undefined) provenance.updatedAt = member.updatedAt;
    return provenance;
  }

  /** The golden record of a single-record cluster: its normalised values, junk removed (fast path). */
  private buildSingle(goldenId: string, m: SurvivorshipMember): GoldenParts {
    const out: Record<string, unknown> = { id: goldenId };
    const provenance: Record<string, FieldProvenance> = {};
    const byStrategy = new Map<SurvivorshipStrategy, FieldProvenance>();
    const provenanceFor = (strategy: SurvivorshipStrategy): FieldProvenance => {
      let p = byStrategy.get(strategy);
      if (p === undefined) byStrategy.set(strategy, (p = this.provenanceOf(m, strategy)));
      return p;
    };
    const customer = m.customer as Record<string, unknown>;
    for (const field of GOLDEN_FIELDS) {
      const value = customer[field];
      if (value === undefined || value === null || value === '' || m.blockedFields?.has(field) === true) continue;
      out[field] = value;
      provenance[field] = provenanceFor(this.fieldRule.get(field)!.strategy);
    }
    for (const [container, prefix] of [
      ['externalIds', 'externalIds.'],
      ['attributes', 'attributes.'],
    ] as const) {
      const values = m.customer[container];
      if (values === undefined) continue;
      let copy: Record<string, Scalar> | undefined;
      for (const key of Object.keys(values).sort()) {
        const field = prefix + key;
        const value = this.valueOf(m, field);
        if (value === undefined) continue;
        (copy ??= {})[key] = value;
        provenance[field] = provenanceFor(this.ruleOf(field).strategy);
      }
      if (copy !== undefined) out[container] = copy;
    }
    const consents = m.customer.consents;
    if (consents !== undefined && consents.length > 0) out.consents = goldenConsents(consents);
    if (m.updatedAt !== undefined) out.updatedAt = m.updatedAt;
    return { customer: out as Customer, provenance, conflicts: [] };
  }

  /**
   * Builds the golden record of a cluster. `members` are sorted by id; `goldenId` becomes the customer's `id`.
   */
  build(goldenId: string, members: readonly SurvivorshipMember[]): GoldenParts {
    if (members.length === 1) return this.buildSingle(goldenId, members[0]!);
    const order = members.map((_, i) => i).sort((a, b) => this.compareRecent(members[a]!, members[b]!));
    const recency = new Array<number>(members.length);
    order.forEach((memberIndex, position) => (recency[memberIndex] = position));

    const out: Record<string, unknown> = { id: goldenId };
    const provenance: Record<string, FieldProvenance> = {};
    const conflicts: FieldConflict[] = [];
    const values = new Map<GoldenField, Scalar>();
    const provenanceOfField = new Map<GoldenField, FieldProvenance>();
    const provenanceCache = new Map<SurvivorshipMember, Map<SurvivorshipStrategy, FieldProvenance>>();
    const provenanceFor = (member: SurvivorshipMember, strategy: SurvivorshipStrategy): FieldProvenance => {
      let byStrategy = provenanceCache.get(member);
      if (byStrategy === undefined)
        provenanceCache.set(member, (byStrategy = new Map<SurvivorshipStrategy, FieldProvenance>()));
      let p = byStrategy.get(strategy);
      if (p === undefined) byStrategy.set(strategy, (p = this.provenanceOf(member, strategy)));
      return p;
    };
    for (const unit of this.units) {
      const win = this.winner(members, recency, unit.fields, unit.rule);
      if (win === undefined) continue;
      for (const field of unit.fields) {
        const value = this.valueOf(win, field);
        if (value === undefined) continue;
        values.set(field, value);
        provenanceOfField.set(field, provenanceFor(win, unit.rule.strategy));
      }
    }
    for (const field of GOLDEN_FIELDS) {
      const value = values.get(field);
      if (value !== undefined) {
        out[field] = value;
        provenance[field] = provenanceOfField.get(field)!;
      }
      const conflict = this.conflictOf(goldenId, members, field, value);
      if (conflict !== undefined) conflicts.push(conflict);
    }

    for (const [container, prefix] of [
      ['externalIds', 'externalIds.'],
      ['attributes', 'attributes.'],
    ] as const) {
      const keys = new Set<string>();
      for (const m of members) for (const key of Object.keys(m.customer[container] ?? {})) keys.add(key);
      if (keys.size === 0) continue;
      const merged: Record<string, Scalar> = {};
      let any = false;
      for (const key of [...keys].sort()) {
        const field = prefix + key;
        const rule = this.ruleOf(field);
        const win = this.winner(members, recency, [field], rule);
        const value = win === undefined ? undefined : this.valueOf(win, field);
        if (value !== undefined && win !== undefined) {
          merged[key] = value;
          any = true;
          provenance[field] = provenanceFor(win, rule.strategy);
        }
        const conflict = this.conflictOf(goldenId, members, field, value);
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
  if (distinctSorted && decisions.every((d) => d.purpose === d.purpose.trim() && d.purpose !== '')) return decisions;
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
