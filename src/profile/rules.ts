/**
 * Identity-resolution rules as data: identifiers with priority and limits, junk lists, survivorship per field.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import * as t from 'io-ts';
import {
  NonEmptyStringCodec,
  PositiveIntegerCodec,
  decodeWith,
  makeIssue,
  type ValidationIssue,
} from '../core/index.js';
import { DEFAULT_BLOCK_LISTS, MAX_GLOB_LENGTH, type BlockList, type BlockLists } from './blocklist.js';
import { DEFAULT_EMAIL_PROVIDERS, type EmailProviderRule } from './email.js';

/**
 * The identifier types records are linked by:
 * - `externalId`: external ids (`externalIds: { crm: 'A-17' }` → `crm:A-17`) and each record's own
 *   `source:(sourceRecordId ?? id)`, so an id naming another source's record links to it;
 * - `email`: the email match key (Gmail dots and `+tags` folded);
 * - `phone`: the E.164 number;
 * - `nameBirthDate`: name match key and birth date together (off by default);
 * - `namePostalCode`: name match key, country and postal code together (off by default).
 *
 * Records sharing an `id` are always the same source record (versions of it) and are always linked.
 *
 * @example
 * ```ts
 * const type: IdentifierType = 'email';
 * ```
 */
export type IdentifierType = 'externalId' | 'email' | 'phone' | 'nameBirthDate' | 'namePostalCode';

/**
 * Every {@link IdentifierType}.
 *
 * @example
 * ```ts
 * IDENTIFIER_TYPES //=> ['externalId', 'email', 'phone', 'nameBirthDate', 'namePostalCode']
 * ```
 */
export const IDENTIFIER_TYPES: readonly IdentifierType[] = Object.freeze([
  'externalId',
  'email',
  'phone',
  'nameBirthDate',
  'namePostalCode',
]);

/**
 * One identifier in the priority list.
 *
 * @example
 * ```ts
 * const rule: IdentifierRule = { identifier: 'phone', maxRecordsPerKey: 5, maxValuesPerCluster: 3 };
 * ```
 */
export interface IdentifierRule {
  /** The identifier type. */
  readonly identifier: IdentifierType;
  /**
   * A key value shared by more records than this (a shop's own phone number, a shared family email) stops linking
   * and is reported in `overSharedKeys`.
   */
  readonly maxRecordsPerKey: number;
  /**
   * Segment-style limit: at most this many distinct values of this identifier in one cluster. A link that would
   * exceed it is refused and reported in `refusedLinks`. Absent: no limit.
   */
  readonly maxValuesPerCluster?: number;
  /** For `externalId`: only these id types link (absent: every type). */
  readonly namespaces?: readonly string[];
}

/**
 * How a golden record picks a field's value among a cluster's records:
 * - `mostRecent`: from the record with the latest `updatedAt` (Salesforce Data Cloud "LastUpdated", AWS "RECENCY");
 * - `sourcePriority`: from the first source in the priority list, then most recent within it ("SourceSequence");
 * - `mostFrequent`: the value most records carry ("MostFrequent"), ties to the most recent;
 * - `firstNonEmpty`: the value recorded first (earliest `updatedAt`; records without it last);
 * - `longest`: the longest value (in code points), ties to the most recent;
 * - `smallest` / `largest`: the least / greatest value (numbers numerically, text by code units), e.g. the earliest
 *   `signupAt`.
 *
 * Remaining ties go to the record with the smallest id, so results never depend on input order.
 *
 * @example
 * ```ts
 * const strategy: SurvivorshipStrategy = 'sourcePriority';
 * ```
 */
export type SurvivorshipStrategy =
  'mostRecent' | 'sourcePriority' | 'mostFrequent' | 'firstNonEmpty' | 'longest' | 'smallest' | 'largest';

/**
 * The survivorship rule of one field.
 *
 * @example
 * ```ts
 * const rule: SurvivorshipRule = { strategy: 'sourcePriority', sourcePriority: ['crm', 'shop'], ignoreEmpty: true };
 * ```
 */
export interface SurvivorshipRule {
  /** The strategy. */
  readonly strategy: SurvivorshipStrategy;
  /**
   * Skip records whose value is empty (default `true`, Data Cloud's `shouldIgnoreEmptyValue`). With `false`, an empty
   * value on the winning record (e.g. the most recent one) leaves the golden field empty.
   */
  readonly ignoreEmpty?: boolean;
  /** Source order for `sourcePriority` (overrides the rules' `sourcePriority`). */
  readonly sourcePriority?: readonly string[];
}

/**
 * The scalar fields of a golden record that survivorship decides.
 *
 * @example
 * ```ts
 * const field: GoldenField = 'postalCode';
 * ```
 */
export type GoldenField = (typeof GOLDEN_FIELDS)[number];

/**
 * Every {@link GoldenField}, in output order.
 *
 * @example
 * ```ts
 * GOLDEN_FIELDS[0] //=> 'email'
 * ```
 */
export const GOLDEN_FIELDS = Object.freeze([
  'email',
  'phone',
  'name',
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'occupation',
  'country',
  'region',
  'city',
  'postalCode',
  'acquisitionChannel',
  'signupAt',
] as const);

/**
 * Complete identity-resolution rules (what {@link decodeResolutionRules} returns and results echo).
 *
 * @example
 * ```ts
 * const rules: ResolutionRules = { ...DEFAULT_RESOLUTION_RULES, sourcePriority: ['crm', 'shop', 'support'] };
 * ```
 */
export interface ResolutionRules {
  /** Rules format version. */
  readonly version: 1;
  /** Identifiers in priority order (first = highest); types not listed do not link. */
  readonly identifiers: readonly IdentifierRule[];
  /** Junk identifier values that never link (per identifier type; a supplied list replaces that type's default). */
  readonly blocked: BlockLists;
  /** Source order used by `sourcePriority` survivorship and as a tie-break (unlisted sources come last). */
  readonly sourcePriority: readonly string[];
  /** Survivorship: a default rule and per-field rules (`email`, `attributes`, `attributes.tier`, `externalIds`...). */
  readonly survivorship: {
    /** Rule of every field without its own. */
    readonly default: SurvivorshipRule;
    /** Rules per field: golden fields, `externalIds`, `attributes` (all attributes) or `attributes.<name>`. */
    readonly fields: Readonly<Record<string, SurvivorshipRule>>;
  };
  /**
   * Fields that survive together from one record (decided by the rule of the group's first field), so a golden
   * address never mixes the city of one record with the postal code of another.
   */
  readonly fieldGroups: readonly (readonly GoldenField[])[];
  /** Region for phone numbers without `+country` on records without a valid country. */
  readonly defaultRegion?: string;
  /** Phone validation level (`possible` accepts fictitious numbers of a valid length). */
  readonly phoneValidation: 'valid' | 'possible';
  /** Email provider alias rules for email match keys. */
  readonly emailProviders: readonly EmailProviderRule[];
  /** Prefix of golden ids: golden id = prefix + the smallest source record id of the cluster. */
  readonly goldenIdPrefix: string;
  /** External-id type → namespace (source) it refers to, beyond the naming convention (`shopCustomerId` → `shop`). */
  readonly externalIdNamespaces: Readonly<Record<string, string>>;
}

/**
 * Partial rules as a host writes them: every top-level key optional, missing keys taken from
 * {@link DEFAULT_RESOLUTION_RULES}; `blocked` and `survivorship` are merged key by key.
 *
 * @example
 * ```ts
 * const input: ResolutionRulesInput = { identifiers: [{ identifier: 'email' }], sourcePriority: ['crm'] };
 * ```
 */
export interface ResolutionRulesInput {
  /** Rules format version (1). */
  readonly version?: 1;
  /** Identifiers in priority order; `maxRecordsPerKey` defaults per type ({@link DEFAULT_MAX_RECORDS_PER_KEY}). */
  readonly identifiers?: readonly (Pick<IdentifierRule, 'identifier'> & Partial<Omit<IdentifierRule, 'identifier'>>)[];
  /** Block lists per identifier type; each given list replaces that type's default list. */
  readonly blocked?: Partial<BlockLists>;
  /** Source order for `sourcePriority` survivorship and tie-breaks. */
  readonly sourcePriority?: readonly string[];
  /** Survivorship; `fields` are merged over the default per-field rules. */
  readonly survivorship?: {
    /** Rule of every field without its own. */
    readonly default?: SurvivorshipRule;
    /** Rules per field (merged over the defaults). */
    readonly fields?: Readonly<Record<string, SurvivorshipRule>>;
  };
  /** Fields that survive together (replaces the default groups). */
  readonly fieldGroups?: readonly (readonly GoldenField[])[];
  /** Region for phone numbers without `+country` on records without a valid country. */
  readonly defaultRegion?: string;
  /** Phone validation level. */
  readonly phoneValidation?: 'valid' | 'possible';
  /** Email provider alias rules. */
  readonly emailProviders?: readonly EmailProviderRule[];
  /** Prefix of golden ids. */
  readonly goldenIdPrefix?: string;
  /** External-id type → namespace (source) it refers to. */
  readonly externalIdNamespaces?: Readonly<Record<string, string>>;
}

/**
 * Default `maxRecordsPerKey` per identifier type.
 *
 * @example
 * ```ts
 * DEFAULT_MAX_RECORDS_PER_KEY.email //=> 10
 * ```
 */
export const DEFAULT_MAX_RECORDS_PER_KEY: Readonly<Record<IdentifierType, number>> = Object.freeze({
  externalId: 10,
  email: 10,
  phone: 5,
  nameBirthDate: 10,
  namePostalCode: 10,
});

/**
 * The default rules: link by external id, then email, then phone (name-based identifiers off); a key shared by more
 * than 10 records (5 for phones) stops linking; default block lists; survivorship most recent (empty values
 * ignored), with birth date and gender most frequent, sign-up date the earliest, acquisition channel the first
 * recorded; names and addresses survive as groups; golden ids `G-` + smallest record id.
 *
 * @example
 * ```ts
 * DEFAULT_RESOLUTION_RULES.identifiers.map((rule) => rule.identifier) //=> ['externalId', 'email', 'phone']
 * ```
 */
export const DEFAULT_RESOLUTION_RULES: ResolutionRules = Object.freeze({
  version: 1,
  identifiers: [
    { identifier: 'externalId', maxRecordsPerKey: DEFAULT_MAX_RECORDS_PER_KEY.externalId },
    { identifier: 'email', maxRecordsPerKey: DEFAULT_MAX_RECORDS_PER_KEY.email },
    { identifier: 'phone', maxRecordsPerKey: DEFAULT_MAX_RECORDS_PER_KEY.phone },
  ],
  blocked: DEFAULT_BLOCK_LISTS,
  sourcePriority: [],
  survivorship: {
    default: { strategy: 'mostRecent', ignoreEmpty: true },
    fields: {
      birthDate: { strategy: 'mostFrequent', ignoreEmpty: true },
      gender: { strategy: 'mostFrequent', ignoreEmpty: true },
      signupAt: { strategy: 'smallest', ignoreEmpty: true },
      acquisitionChannel: { strategy: 'firstNonEmpty', ignoreEmpty: true },
    },
  },
  fieldGroups: [
    ['name', 'firstName', 'lastName'],
    ['country', 'region', 'city', 'postalCode'],
  ],
  phoneValidation: 'valid',
  emailProviders: DEFAULT_EMAIL_PROVIDERS,
  goldenIdPrefix: 'G-',
  externalIdNamespaces: {},
} satisfies ResolutionRules);

const boundedString = (max: number): t.Type<string> =>
  new t.Type<string, string, unknown>(
    `string of at most ${max} characters`,
    (u): u is string => typeof u === 'string' && u.length <= max,
    (u, c) => (typeof u === 'string' && u.length <= max ? t.success(u) : t.failure(u, c)),
    (a) => a,
  );

const SafePatternCodec = t.union(
  [
    t.type({ kind: t.literal('glob'), pattern: boundedString(MAX_GLOB_LENGTH) }),
    t.type({ kind: t.literal('onlyCharacters'), characters: boundedString(200) }),
    t.type({ kind: t.literal('repeatedCharacter'), minLength: PositiveIntegerCodec }),
    t.type({ kind: t.literal('sequentialDigits'), minLength: PositiveIntegerCodec }),
  ],
  'safe pattern (glob, onlyCharacters, repeatedCharacter or sequentialDigits)',
);
const BlockListCodec = t.type({ exact: t.array(boundedString(512)), patterns: t.array(SafePatternCodec) });
const IdentifierTypeCodec = t.keyof(
  { externalId: null, email: null, phone: null, nameBirthDate: null, namePostalCode: null },
  'identifier type',
);
const StrategyCodec = t.keyof(
  {
    mostRecent: null,
    sourcePriority: null,
    mostFrequent: null,
    firstNonEmpty: null,
    longest: null,
    smallest: null,
    largest: null,
  },
  'survivorship strategy',
);
const SurvivorshipRuleCodec = t.intersection([
  t.type({ strategy: StrategyCodec }),
  t.partial({ ignoreEmpty: t.boolean, sourcePriority: t.array(t.string) }),
]);
const GoldenFieldCodec = t.keyof(
  Object.fromEntries(GOLDEN_FIELDS.map((f) => [f, null])) as Record<GoldenField, null>,
  'golden field',
);
function isSurvivorshipFieldKey(key: string): boolean {
  return (
    (GOLDEN_FIELDS as readonly string[]).includes(key) ||
    key === 'externalIds' ||
    key === 'attributes' ||
    /^attributes\.[^.]{1,200}$/.test(key)
  );
}

const EmailProviderCodec = t.intersection([
  t.type({ domains: t.array(NonEmptyStringCodec) }),
  t.partial({ canonicalDomain: NonEmptyStringCodec, ignoreDots: t.boolean, tagSeparator: boundedString(4) }),
]);

/** Codec of {@link ResolutionRulesInput}. */
export const ResolutionRulesInputCodec = t.partial({
  version: t.literal(1),
  identifiers: t.array(
    t.intersection([
      t.type({ identifier: IdentifierTypeCodec }),
      t.partial({
        maxRecordsPerKey: PositiveIntegerCodec,
        maxValuesPerCluster: PositiveIntegerCodec,
        namespaces: t.array(NonEmptyStringCodec),
      }),
    ]),
  ),
  blocked: t.partial({
    all: BlockListCodec,
    email: BlockListCodec,
    phone: BlockListCodec,
    externalId: BlockListCodec,
    name: BlockListCodec,
  }),
  sourcePriority: t.array(t.string),
  survivorship: t.partial({ default: SurvivorshipRuleCodec, fields: t.record(t.string, SurvivorshipRuleCodec) }),
  fieldGroups: t.array(t.array(GoldenFieldCodec)),
  defaultRegion: new t.Type<string, string, unknown>(
    'ISO 3166-1 alpha-2 region',
    (u): u is string => typeof u === 'string',
    (u, c) => (typeof u === 'string' && /^[A-Za-z]{2}$/.test(u) ? t.success(u.toUpperCase()) : t.failure(u, c)),
    (a) => a,
  ),
  phoneValidation: t.keyof({ valid: null, possible: null }),
  emailProviders: t.array(EmailProviderCodec),
  goldenIdPrefix: boundedString(32),
  externalIdNamespaces: t.record(t.string, NonEmptyStringCodec),
});

function crossChecks(input: t.TypeOf<typeof ResolutionRulesInputCodec>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  (input.identifiers ?? []).forEach((rule, i) => {
    if (seen.has(rule.identifier))
      issues.push(
        makeIssue(`rules.identifiers[${i}].identifier`, 'each identifier type at most once', rule.identifier),
      );
    seen.add(rule.identifier);
    if (rule.namespaces !== undefined && rule.identifier !== 'externalId') {
      issues.push(
        makeIssue(
          `rules.identifiers[${i}].namespaces`,
          'namespaces only on the externalId identifier',
          rule.namespaces,
        ),
      );
    }
  });
  const grouped = new Set<string>();
  (input.fieldGroups ?? []).forEach((group, i) => {
    group.forEach((field, j) => {
      if (grouped.has(field))
        issues.push(makeIssue(`rules.fieldGroups[${i}][${j}]`, 'each field in at most one group', field));
      grouped.add(field);
    });
  });
  return issues;
}

function withDefaults(input: t.TypeOf<typeof ResolutionRulesInputCodec>): ResolutionRules {
  const d = DEFAULT_RESOLUTION_RULES;
  const blocked: Record<keyof BlockLists, BlockList> = { ...d.blocked };
  for (const key of ['all', 'email', 'phone', 'externalId', 'name'] as const) {
    const list = input.blocked?.[key];
    if (list !== undefined) blocked[key] = list;
  }
  const defaultRegion = input.defaultRegion ?? d.defaultRegion;
  return {
    version: 1,
    identifiers:
      input.identifiers?.map((rule) => ({
        identifier: rule.identifier,
        maxRecordsPerKey: rule.maxRecordsPerKey ?? DEFAULT_MAX_RECORDS_PER_KEY[rule.identifier],
        ...(rule.maxValuesPerCluster === undefined ? {} : { maxValuesPerCluster: rule.maxValuesPerCluster }),
        ...(rule.namespaces === undefined ? {} : { namespaces: rule.namespaces }),
      })) ?? d.identifiers,
    blocked,
    sourcePriority: input.sourcePriority ?? d.sourcePriority,
    survivorship: {
      default: input.survivorship?.default ?? d.survivorship.default,
      fields:
        input.survivorship?.fields === undefined
          ? d.survivorship.fields
          : { ...d.survivorship.fields, ...input.survivorship.fields },
    },
    fieldGroups: input.fieldGroups ?? d.fieldGroups,
    ...(defaultRegion === undefined ? {} : { defaultRegion }),
    phoneValidation: input.phoneValidation ?? d.phoneValidation,
    emailProviders: input.emailProviders ?? d.emailProviders,
    goldenIdPrefix: input.goldenIdPrefix ?? d.goldenIdPrefix,
    externalIdNamespaces: input.externalIdNamespaces ?? d.externalIdNamespaces,
  };
}

function survivorshipKeyIssues(input: unknown): ValidationIssue[] {
  try {
    const fields = (input as { survivorship?: { fields?: unknown } } | null | undefined)?.survivorship?.fields;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return [];
    return Object.keys(fields)
      .filter((key) => !isSurvivorshipFieldKey(key))
      .map((key) =>
        makeIssue(
          `rules.survivorship.fields.${key}`,
          'golden field, externalIds, attributes or attributes.<name>',
          key,
        ),
      );
  } catch {
    return [];
  }
}

/**
 * Decodes untrusted identity-resolution rules (e.g. from a JSON config file) into complete {@link ResolutionRules}:
 * every issue is reported with its path (`rules.identifiers[1].maxRecordsPerKey`); missing keys take the defaults.
 * Never throws.
 *
 * @example
 * ```ts
 * decodeResolutionRules({ identifiers: [{ identifier: 'email', maxRecordsPerKey: 5 }] })
 * //=> right({ ...DEFAULT_RESOLUTION_RULES, identifiers: [{ identifier: 'email', maxRecordsPerKey: 5 }] })
 * decodeResolutionRules({ identifiers: [{ identifier: 'fax' }] })
 * //=> left([{ path: 'rules.identifiers[0].identifier', expected: 'identifier type', received: '"fax"', ... }])
 * ```
 */
export function decodeResolutionRules(input: unknown): E.Either<ValidationIssue[], ResolutionRules> {
  const decoded = decodeWith(ResolutionRulesInputCodec, input === undefined ? {} : input, 'rules');
  const keyIssues = survivorshipKeyIssues(input);
  if (E.isLeft(decoded)) return E.left([...decoded.left, ...keyIssues]);
  const issues = [...keyIssues, ...crossChecks(decoded.right)];
  return issues.length > 0 ? E.left(issues) : E.right(withDefaults(decoded.right));
}

/**
 * Completes typed rules with the defaults; throws a `TypeError` when they are invalid (a programming error — use
 * {@link decodeResolutionRules} for untrusted configuration).
 *
 * @example
 * ```ts
 * completeResolutionRules({ sourcePriority: ['crm'] }).identifiers.length //=> 3
 * ```
 */
export function completeResolutionRules(input: ResolutionRulesInput = {}): ResolutionRules {
  const decoded = decodeResolutionRules(input);
  if (E.isLeft(decoded)) {
    throw new TypeError(
      `[clientele] invalid resolution rules: ${decoded.left.map((issue) => issue.message).join('; ')}`,
    );
  }
  return decoded.right;
}
