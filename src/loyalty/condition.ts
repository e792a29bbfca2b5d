/**
 * The condition language of earning rules and campaigns: a small declarative tree, decoded with every problem
 * reported at its path and compiled once into closures. No `eval`, no user functions; trees are limited to
 * {@link CONDITION_LIMITS} (depth, node count, list length).
 *
 * @module
 */
import * as t from 'io-ts';
import { parseDecimal, parseInstant } from '../core/index.js';
import { errorAt } from './codec-helpers.js';
import type { Zone } from './calendar.js';
import { toMinorUnits } from './units.js';

/**
 * A scalar a condition compares with.
 *
 * @example
 * ```ts
 * const value: ConditionScalar = 'web';
 * ```
 */
export type ConditionScalar = string | number | boolean;

/**
 * A field of the evaluation context a condition can read:
 * - `amount` (order amount, major units), `itemCount` (sum of line quantities), `orderCount` (purchases before this
 *   one), `memberDays` (whole days since the member joined), `hour` (0-23, programme time zone), `weekday` (1 = Monday … 7);
 * - `channel`, `tier` (current tier id), `eventType` (`purchase`, `custom`...), `eventName` (custom events);
 * - `attributes.<name>`: an attribute of the event.
 *
 * @example
 * ```ts
 * const field: ConditionField = 'attributes.store';
 * ```
 */
export type ConditionField =
  | 'amount'
  | 'itemCount'
  | 'orderCount'
  | 'memberDays'
  | 'hour'
  | 'weekday'
  | 'channel'
  | 'tier'
  | 'eventType'
  | 'eventName'
  | `attributes.${string}`;

/**
 * Comparison operators of a field condition.
 *
 * @example
 * ```ts
 * const op: ComparisonOperator = 'gte';
 * ```
 */
export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

/**
 * A condition, as JSON. Exactly one form per node:
 * `{ all: [...] }`, `{ any: [...] }`, `{ not: c }`, `{ field, op, value }`, `{ field, in: [...] }`,
 * `{ field, notIn: [...] }`, `{ field, between: [low, high] }` (inclusive), `{ dateWindow: { from?, to? } }`
 * (event time, `from` inclusive, `to` exclusive, zone-less values in the programme's time zone),
 * `{ daysOfWeek: [1..7] }` (ISO, Monday = 1), `{ hours: { from, to } }` (local hours `[from, to)`, wrapping past
 * midnight when `from > to`), `{ channel: [...] }`, `{ tier: [...] }`, `{ segment: [...] }` (any of the segments the
 * host supplies), `{ minBasket: "20" }` (order amount ≥ value).
 *
 * @example
 * ```ts
 * const weekendWeb: ConditionDefinition = {
 *   all: [{ daysOfWeek: [6, 7] }, { channel: ['web', 'app'] }, { minBasket: '20' }],
 * };
 * ```
 */
export type ConditionDefinition =
  | AllCondition
  | AnyCondition
  | NotCondition
  | ComparisonCondition
  | InCondition
  | NotInCondition
  | BetweenCondition
  | DateWindowCondition
  | DaysOfWeekCondition
  | HoursCondition
  | ChannelCondition
  | TierCondition
  | SegmentCondition
  | MinBasketCondition;

/**
 * `{ all: [...] }`: true when every child is true.
 *
 * @example
 * ```ts
 * const c: AllCondition = { all: [{ channel: ['web'] }, { minBasket: '20' }] };
 * ```
 */
export interface AllCondition {
  /** The children, all of which must hold (1 to {@link CONDITION_LIMITS}.maxNodes). */
  readonly all: readonly ConditionDefinition[];
}

/**
 * `{ any: [...] }`: true when at least one child is true.
 *
 * @example
 * ```ts
 * const c: AnyCondition = { any: [{ channel: ['web'] }, { tier: ['gold'] }] };
 * ```
 */
export interface AnyCondition {
  /** The children, one of which must hold. */
  readonly any: readonly ConditionDefinition[];
}

/**
 * `{ not: c }`: the negation of its child.
 *
 * @example
 * ```ts
 * const c: NotCondition = { not: { channel: ['marketplace'] } };
 * ```
 */
export interface NotCondition {
  /** The negated condition. */
  readonly not: ConditionDefinition;
}

/**
 * `{ field, op, value }`: compares a field of the context with a constant (numbers numerically, strings exactly).
 *
 * @example
 * ```ts
 * const c: ComparisonCondition = { field: 'itemCount', op: 'gte', value: 3 };
 * ```
 */
export interface ComparisonCondition {
  /** The field read. */
  readonly field: ConditionField;
  /** The comparison. */
  readonly op: ComparisonOperator;
  /** The constant compared with. */
  readonly value: ConditionScalar;
}

/**
 * `{ field, in: [...] }`: the field equals one of the values.
 *
 * @example
 * ```ts
 * const c: InCondition = { field: 'attributes.store', in: ['paris-1', 'lyon-2'] };
 * ```
 */
export interface InCondition {
  /** The field read. */
  readonly field: ConditionField;
  /** The accepted values. */
  readonly in: readonly ConditionScalar[];
}

/**
 * `{ field, notIn: [...] }`: the field equals none of the values (a missing field is "not in").
 *
 * @example
 * ```ts
 * const c: NotInCondition = { field: 'channel', notIn: ['marketplace'] };
 * ```
 */
export interface NotInCondition {
  /** The field read. */
  readonly field: ConditionField;
  /** The refused values. */
  readonly notIn: readonly ConditionScalar[];
}

/**
 * `{ field, between: [low, high] }`: `low <= field <= high` (both ends inclusive).
 *
 * @example
 * ```ts
 * const c: BetweenCondition = { field: 'amount', between: [50, 100] };
 * ```
 */
export interface BetweenCondition {
  /** The field read. */
  readonly field: ConditionField;
  /** The inclusive bounds. */
  readonly between: readonly [ConditionScalar, ConditionScalar];
}

/**
 * `{ dateWindow: { from?, to? } }`: the event time is in `[from, to)`; zone-less values are read in the programme's
 * time zone.
 *
 * @example
 * ```ts
 * const c: DateWindowCondition = { dateWindow: { from: '2024-06-01', to: '2024-07-01' } };
 * ```
 */
export interface DateWindowCondition {
  /** The window. */
  readonly dateWindow: DateWindow;
}

/**
 * A window of time, `from` inclusive, `to` exclusive; either end may be open.
 *
 * @example
 * ```ts
 * const june: DateWindow = { from: '2024-06-01', to: '2024-07-01' };
 * ```
 */
export interface DateWindow {
  /** First instant (ISO date / date-time, or epoch milliseconds). */
  readonly from?: string | number;
  /** Instant after the window (ISO date / date-time, or epoch milliseconds). */
  readonly to?: string | number;
}

/**
 * `{ daysOfWeek: [...] }`: the local day of the week (ISO, Monday = 1 … Sunday = 7) is one of the listed days.
 *
 * @example
 * ```ts
 * const weekend: DaysOfWeekCondition = { daysOfWeek: [6, 7] };
 * ```
 */
export interface DaysOfWeekCondition {
  /** Accepted ISO days of the week. */
  readonly daysOfWeek: readonly number[];
}

/**
 * `{ hours: { from, to } }`: the local hour is in `[from, to)`, wrapping past midnight when `from > to`.
 *
 * @example
 * ```ts
 * const happyHour: HoursCondition = { hours: { from: 16, to: 18 } };
 * ```
 */
export interface HoursCondition {
  /** The hour range. */
  readonly hours: HourRange;
}

/**
 * A range of local hours `[from, to)`.
 *
 * @example
 * ```ts
 * const night: HourRange = { from: 22, to: 6 };
 * ```
 */
export interface HourRange {
  /** First hour (0-23). */
  readonly from: number;
  /** Hour after the range (0-24). */
  readonly to: number;
}

/**
 * `{ channel: [...] }`: the event's channel is one of the listed channels.
 *
 * @example
 * ```ts
 * const online: ChannelCondition = { channel: ['web', 'app'] };
 * ```
 */
export interface ChannelCondition {
  /** Accepted channels. */
  readonly channel: readonly string[];
}

/**
 * `{ tier: [...] }`: the member's current tier is one of the listed tier ids.
 *
 * @example
 * ```ts
 * const gold: TierCondition = { tier: ['gold'] };
 * ```
 */
export interface TierCondition {
  /** Accepted tier ids (checked against the programme's tiers). */
  readonly tier: readonly string[];
}

/**
 * `{ segment: [...] }`: the host-supplied segments of the member include at least one of the listed segments.
 *
 * @example
 * ```ts
 * const lapsed: SegmentCondition = { segment: ['at-risk', 'lapsed'] };
 * ```
 */
export interface SegmentCondition {
  /** Accepted segments. */
  readonly segment: readonly string[];
}

/**
 * `{ minBasket: "20" }`: the order amount (major units, decimal string) is at least the value.
 *
 * @example
 * ```ts
 * const c: MinBasketCondition = { minBasket: '20' };
 * ```
 */
export interface MinBasketCondition {
  /** Minimum order amount, a decimal string. */
  readonly minBasket: string;
}

/**
 * Bounds of a condition tree (see {@link CONDITION_LIMITS}).
 *
 * @example
 * ```ts
 * const limits: ConditionLimits = CONDITION_LIMITS;
 * ```
 */
export interface ConditionLimits {
  /** Maximum nesting depth. */
  readonly maxDepth: number;
  /** Maximum number of nodes in a tree. */
  readonly maxNodes: number;
  /** Maximum length of a list (children, values, channels...). */
  readonly maxListLength: number;
}

/**
 * Bounds of a condition tree: nesting depth 8, at most 200 nodes, lists of at most 1 000 values.
 *
 * @example
 * ```ts
 * CONDITION_LIMITS.maxDepth //=> 8
 * ```
 */
export const CONDITION_LIMITS: ConditionLimits = Object.freeze({ maxDepth: 8, maxNodes: 200, maxListLength: 1000 });

const FORMS = [
  'all',
  'any',
  'not',
  'field',
  'dateWindow',
  'daysOfWeek',
  'hours',
  'channel',
  'tier',
  'segment',
  'minBasket',
] as const;
const OPERATORS: readonly ComparisonOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'];
const NUMERIC_FIELDS = new Set(['amount', 'itemCount', 'orderCount', 'memberDays', 'hour', 'weekday']);
const STRING_FIELDS = new Set(['channel', 'tier', 'eventType', 'eventName']);

function isField(u: unknown): u is ConditionField {
  if (typeof u !== 'string') return false;
  if (NUMERIC_FIELDS.has(u) || STRING_FIELDS.has(u)) return true;
  return /^attributes\.[A-Za-z0-9_.-]{1,64}$/.test(u);
}

function isScalar(u: unknown): u is ConditionScalar {
  return typeof u === 'string' || typeof u === 'boolean' || (typeof u === 'number' && Number.isFinite(u));
}

interface DecodeState {
  nodes: number;
  readonly errors: t.ValidationError[];
}

function isObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

function decodeNode(u: unknown, c: t.Context, path: readonly string[], depth: number, state: DecodeState): void {
  const fail = (keys: readonly string[], expected: string, value: unknown): void => {
    state.errors.push(errorAt(c, [...path, ...keys], expected, value));
  };
  state.nodes++;
  if (state.nodes === CONDITION_LIMITS.maxNodes + 1)
    fail([], `a condition tree of at most ${CONDITION_LIMITS.maxNodes} nodes`, '…');
  if (depth > CONDITION_LIMITS.maxDepth) {
    fail([], `a condition nested at most ${CONDITION_LIMITS.maxDepth} levels deep`, u);
    return;
  }
  if (!isObject(u)) {
    fail([], 'condition object', u);
    return;
  }
  const keys = Object.keys(u);
  const forms = keys.filter((k) => (FORMS as readonly string[]).includes(k));
  if (forms.length !== 1) {
    fail([], `exactly one of ${FORMS.join(', ')}`, u);
    return;
  }
  const form = forms[0]!;
  const allowedKeys: Record<string, readonly string[]> = { field: ['field', 'op', 'value', 'in', 'notIn', 'between'] };
  const allowed = allowedKeys[form] ?? [form];
  for (const key of keys) if (!allowed.includes(key)) fail([key], `no such field in a ${form} condition`, u[key]);
  const list = (
    key: string,
    value: unknown,
    check: (item: unknown) => boolean,
    expected: string,
    minLength = 1,
  ): void => {
    if (!Array.isArray(value) || value.length < minLength || value.length > CONDITION_LIMITS.maxListLength) {
      fail([key], `array of ${minLength} to ${CONDITION_LIMITS.maxListLength} ${expected}`, value);
      return;
    }
    value.forEach((item, i) => {
      if (!check(item)) fail([key, String(i)], expected, item);
    });
  };
  switch (form) {
    case 'all':
    case 'any': {
      const children = u[form];
      if (!Array.isArray(children) || children.length === 0 || children.length > CONDITION_LIMITS.maxNodes) {
        fail([form], 'non-empty array of conditions', children);
        return;
      }
      children.forEach((child, i) => {
        decodeNode(child, c, [...path, form, String(i)], depth + 1, state);
      });
      return;
    }
    case 'not':
      decodeNode(u.not, c, [...path, 'not'], depth + 1, state);
      return;
    case 'field': {
      if (!isField(u.field)) {
        fail(['field'], `a field: ${[...NUMERIC_FIELDS, ...STRING_FIELDS].join(', ')} or attributes.<name>`, u.field);
        return;
      }
      const numeric = NUMERIC_FIELDS.has(u.field);
      const scalarOk = (v: unknown): boolean => (numeric ? typeof v === 'number' && Number.isFinite(v) : isScalar(v));
      const scalarName = numeric ? 'finite number' : 'string, number or boolean';
      const tests = ['op', 'in', 'notIn', 'between'].filter((k) => k in u);
      if (tests.length !== 1) {
        fail([], 'exactly one of op (with value), in, notIn, between', u);
        return;
      }
      const test = tests[0]!;
      if (test === 'op') {
        if (!OPERATORS.includes(u.op as ComparisonOperator)) fail(['op'], `one of: ${OPERATORS.join(', ')}`, u.op);
        if (!scalarOk(u.value)) fail(['value'], scalarName, u.value);
        if (u.field === 'amount' && typeof u.value === 'number' && u.value < 0)
          fail(['value'], 'non-negative amount', u.value);
      } else if (test === 'between') {
        const range = u.between;
        if (!Array.isArray(range) || range.length !== 2 || !scalarOk(range[0]) || !scalarOk(range[1])) {
          fail(['between'], `[low, high] of ${scalarName}`, range);
        } else if (typeof range[0] === typeof range[1] && (range[0] as number) > (range[1] as number)) {
          fail(['between'], 'low ≤ high', range);
        }
      } else {
        list(test, u[test], scalarOk, scalarName);
      }
      if ('value' in u && test !== 'op') fail(['value'], 'value only with op', u.value);
      return;
    }
    case 'dateWindow': {
      const window = u.dateWindow;
      if (!isObject(window)) {
        fail(['dateWindow'], 'object { from?, to? }', window);
        return;
      }
      for (const key of Object.keys(window)) {
        if (key !== 'from' && key !== 'to') fail(['dateWindow', key], 'no such field (allowed: from, to)', window[key]);
      }
      if (window.from === undefined && window.to === undefined)
        fail(['dateWindow'], 'at least one of from, to', window);
      for (const key of ['from', 'to'] as const) {
        const v = window[key];
        if (v !== undefined && ((typeof v !== 'string' && typeof v !== 'number') || parseInstant(v) === undefined)) {
          fail(['dateWindow', key], 'ISO date or date-time, or epoch ms', v);
        }
      }
      return;
    }
    case 'daysOfWeek':
      list(
        'daysOfWeek',
        u.daysOfWeek,
        (d) => Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 7,
        'ISO weekday 1-7',
      );
      return;
    case 'hours': {
      const hours = u.hours;
      if (!isObject(hours)) {
        fail(['hours'], 'object { from, to }', hours);
        return;
      }
      for (const key of Object.keys(hours)) {
        if (key !== 'from' && key !== 'to') fail(['hours', key], 'no such field (allowed: from, to)', hours[key]);
      }
      if (!Number.isInteger(hours.from) || (hours.from as number) < 0 || (hours.from as number) > 23)
        fail(['hours', 'from'], 'hour 0-23', hours.from);
      if (!Number.isInteger(hours.to) || (hours.to as number) < 0 || (hours.to as number) > 24)
        fail(['hours', 'to'], 'hour 0-24', hours.to);
      if (hours.from === hours.to) fail(['hours'], 'from ≠ to', hours);
      return;
    }
    case 'channel':
    case 'tier':
    case 'segment':
      list(form, u[form], (s) => typeof s === 'string' && s !== '', 'non-empty string');
      return;
    case 'minBasket': {
      const value = u.minBasket;
      const d = typeof value === 'string' || typeof value === 'number' ? parseDecimal(value) : undefined;
      if (d === undefined || d.isNegative()) fail(['minBasket'], 'non-negative decimal amount', value);
      return;
    }
  }
}

function normalise(u: unknown): ConditionDefinition {
  const node = u as Record<string, unknown>;
  if ('all' in node) return { all: (node.all as unknown[]).map(normalise) };
  if ('any' in node) return { any: (node.any as unknown[]).map(normalise) };
  if ('not' in node) return { not: normalise(node.not) };
  if ('minBasket' in node) return { minBasket: parseDecimal(node.minBasket)!.toFixed() };
  return JSON.parse(JSON.stringify(node)) as ConditionDefinition;
}

/**
 * Codec of {@link ConditionDefinition}: every problem reported with its path, depth/size bounded, amounts
 * normalised to decimal strings.
 *
 * @example
 * ```ts
 * decodeWith(ConditionCodec, { any: [{ channel: ['web'] }, { minBasket: 50 }] }, 'condition')
 * //=> right({ any: [{ channel: ['web'] }, { minBasket: '50' }] })
 * ```
 */
export const ConditionCodec = new t.Type<ConditionDefinition, unknown, unknown>(
  'condition',
  (u): u is ConditionDefinition => {
    const state: DecodeState = { nodes: 0, errors: [] };
    decodeNode(u, [], [], 1, state);
    return state.errors.length === 0;
  },
  (u, c) => {
    const state: DecodeState = { nodes: 0, errors: [] };
    decodeNode(u, c, [], 1, state);
    return state.errors.length > 0 ? t.failures(state.errors) : t.success(normalise(u));
  },
  (a) => a,
);

/**
 * What a compiled condition reads: one object per event, built by the engine.
 *
 * @example
 * ```ts
 * const context: ConditionContext = {
 *   eventType: 'purchase', at: Date.UTC(2024, 4, 4, 10), day: 19847, weekday: 6, hour: 10, amountMinor: 2500,
 *   amount: 25, itemCount: 2, orderCount: 3, memberDays: 120, tier: 'silver', segments: ['vip'],
 * };
 * ```
 */
export interface ConditionContext {
  /** The event type. */
  readonly eventType: string;
  /** Custom event name. */
  readonly eventName?: string | undefined;
  /** Event instant (epoch ms). */
  readonly at: number;
  /** Local day number in the programme's time zone. */
  readonly day: number;
  /** ISO weekday 1-7 in the programme's time zone. */
  readonly weekday: number;
  /** Local hour 0-23. */
  readonly hour: number;
  /** Order amount in minor units (purchases). */
  readonly amountMinor?: number | undefined;
  /** Order amount in major units (purchases). */
  readonly amount?: number | undefined;
  /** Sum of line quantities. */
  readonly itemCount: number;
  /** Purchases before this event. */
  readonly orderCount: number;
  /** Whole days since the member joined. */
  readonly memberDays?: number | undefined;
  /** Sales channel. */
  readonly channel?: string | undefined;
  /** Current tier id. */
  readonly tier: string | null;
  /** Segments the host assigned to the member. */
  readonly segments: readonly string[];
  /** Event attributes. */
  readonly attributes?: Readonly<Record<string, string | number | boolean | null>> | undefined;
}

/**
 * A compiled condition: `test` decides, `explain` names the first failing leaf (or `undefined` when it holds).
 *
 * @example
 * ```ts
 * const condition = compileCondition({ channel: ['web'] }, { zone: makeZone('UTC'), currencyExponent: 2 });
 * condition.explain({ ...context, channel: 'store' }) //=> 'channel in [web]'
 * ```
 */
export interface CompiledCondition {
  /** Whether the condition holds for a context. */
  readonly test: (context: ConditionContext) => boolean;
  /** A short description of the first failing leaf at its path, or `undefined` when the condition holds. */
  readonly explain: (context: ConditionContext) => string | undefined;
  /** The condition in words. */
  readonly description: string;
}

/**
 * Options of {@link compileCondition}.
 *
 * @example
 * ```ts
 * const options: CompileConditionOptions = { zone: makeZone('Europe/Paris'), currencyExponent: 2 };
 * ```
 */
export interface CompileConditionOptions {
  /** The programme's time zone (date windows given without an offset are read in it). */
  readonly zone: Zone;
  /** Decimal places of the programme currency (minimum baskets are compared in minor units). */
  readonly currencyExponent: number;
}

function readField(field: ConditionField, context: ConditionContext): ConditionScalar | null | undefined {
  switch (field) {
    case 'amount':
      return context.amount;
    case 'itemCount':
      return context.itemCount;
    case 'orderCount':
      return context.orderCount;
    case 'memberDays':
      return context.memberDays;
    case 'hour':
      return context.hour;
    case 'weekday':
      return context.weekday;
    case 'channel':
      return context.channel;
    case 'tier':
      return context.tier;
    case 'eventType':
      return context.eventType;
    case 'eventName':
      return context.eventName;
    default:
      return context.attributes?.[field.slice('attributes.'.length)];
  }
}

function compare(left: ConditionScalar, op: ComparisonOperator, right: ConditionScalar): boolean {
  if (op === 'eq') return left === right;
  if (op === 'ne') return left !== right;
  if (typeof left !== typeof right || typeof left === 'boolean') return false;
  switch (op) {
    case 'lt':
      return left < right;
    case 'lte':
      return left <= right;
    case 'gt':
      return left > right;
    default:
      return left >= right;
  }
}

function leaf(description: string, test: (context: ConditionContext) => boolean): CompiledCondition {
  return { test, explain: (context) => (test(context) ? undefined : description), description };
}

function showList(values: readonly ConditionScalar[]): string {
  const shown = values.slice(0, 8).map(String).join(', ');
  return values.length > 8 ? `[${shown}, … ${values.length - 8} more]` : `[${shown}]`;
}

/**
 * Compiles a decoded condition into closures. Amount comparisons (`amount` field, `minBasket`) are exact in minor
 * units.
 *
 * @example
 * ```ts
 * const lunch = compileCondition({ hours: { from: 11, to: 14 } }, { zone: makeZone('Europe/Paris'), currencyExponent: 2 });
 * lunch.test(context) // true between 11:00 and 13:59 Paris time
 * ```
 */
export function compileCondition(
  definition: ConditionDefinition,
  options: CompileConditionOptions,
  path = 'condition',
): CompiledCondition {
  const node = definition as unknown as Record<string, unknown>;
  if ('all' in node) {
    const children = (node.all as ConditionDefinition[]).map((c, i) =>
      compileCondition(c, options, `${path}.all[${i}]`),
    );
    return {
      test: (context) => {
        for (let i = 0; i < children.length; i++) if (!children[i]!.test(context)) return false;
        return true;
      },
      explain: (context) => {
        for (const child of children) {
          const reason = child.explain(context);
          if (reason !== undefined) return reason;
        }
        return undefined;
      },
      description: `all of (${children.map((c) => c.description).join('; ')})`,
    };
  }
  if ('any' in node) {
    const children = (node.any as ConditionDefinition[]).map((c, i) =>
      compileCondition(c, options, `${path}.any[${i}]`),
    );
    const description = `any of (${children.map((c) => c.description).join('; ')})`;
    const test = (context: ConditionContext): boolean => {
      for (let i = 0; i < children.length; i++) if (children[i]!.test(context)) return true;
      return false;
    };
    return { test, explain: (context) => (test(context) ? undefined : `${path}: ${description}`), description };
  }
  if ('not' in node) {
    const child = compileCondition(node.not as ConditionDefinition, options, `${path}.not`);
    const description = `not (${child.description})`;
    const test = (context: ConditionContext): boolean => !child.test(context);
    return { test, explain: (context) => (test(context) ? undefined : `${path}: ${description}`), description };
  }
  if ('minBasket' in node) {
    const minimum = toMinorUnits(parseDecimal(node.minBasket)!.toNumber(), options.currencyExponent);
    return leaf(
      `${path}: order amount ≥ ${String(node.minBasket)}`,
      (context) => context.amountMinor !== undefined && context.amountMinor >= minimum,
    );
  }
  if ('channel' in node || 'tier' in node || 'segment' in node) {
    const key = 'channel' in node ? 'channel' : 'tier' in node ? 'tier' : 'segment';
    const values = new Set(node[key] as string[]);
    const description = `${path}: ${key} in ${showList([...values])}`;
    if (key === 'segment') {
      return leaf(description, (context) => {
        for (const s of context.segments) if (values.has(s)) return true;
        return false;
      });
    }
    if (key === 'tier') return leaf(description, (context) => context.tier !== null && values.has(context.tier));
    return leaf(description, (context) => context.channel !== undefined && values.has(context.channel));
  }
  if ('daysOfWeek' in node) {
    const days = new Set(node.daysOfWeek as number[]);
    return leaf(`${path}: weekday in ${showList([...days])}`, (context) => days.has(context.weekday));
  }
  if ('hours' in node) {
    const { from, to } = node.hours as { from: number; to: number };
    const description = `${path}: local hour in [${from}, ${to})`;
    return from < to
      ? leaf(description, (context) => context.hour >= from && context.hour < to)
      : leaf(description, (context) => context.hour >= from || context.hour < to);
  }
  if ('dateWindow' in node) {
    const window = node.dateWindow as { from?: string | number; to?: string | number };
    const from =
      window.from === undefined
        ? Number.NEGATIVE_INFINITY
        : parseInstant(window.from, { timeZone: options.zone.name })!;
    const to =
      window.to === undefined ? Number.POSITIVE_INFINITY : parseInstant(window.to, { timeZone: options.zone.name })!;
    return leaf(
      `${path}: event time in [${String(window.from ?? '…')}, ${String(window.to ?? '…')})`,
      (context) => context.at >= from && context.at < to,
    );
  }
  const field = node.field as ConditionField;
  const read = (context: ConditionContext): ConditionScalar | null | undefined => readField(field, context);
  const amountField = field === 'amount';
  const toComparable = (v: ConditionScalar): ConditionScalar =>
    amountField && typeof v === 'number' ? toMinorUnits(v, options.currencyExponent) : v;
  const readComparable = amountField ? (context: ConditionContext) => context.amountMinor : read;
  if ('op' in node) {
    const op = node.op as ComparisonOperator;
    const value = toComparable(node.value as ConditionScalar);
    return leaf(`${path}: ${field} ${op} ${String(node.value)}`, (context) => {
      const v = readComparable(context);
      return v !== undefined && v !== null && compare(v, op, value);
    });
  }
  if ('between' in node) {
    const [low, high] = (node.between as ConditionScalar[]).map(toComparable) as [ConditionScalar, ConditionScalar];
    return leaf(`${path}: ${field} between ${showList(node.between as ConditionScalar[])}`, (context) => {
      const v = readComparable(context);
      return v !== undefined && v !== null && compare(v, 'gte', low) && compare(v, 'lte', high);
    });
  }
  const negate = 'notIn' in node;
  const values = new Set(((negate ? node.notIn : node.in) as ConditionScalar[]).map(toComparable));
  return leaf(
    `${path}: ${field} ${negate ? 'not in' : 'in'} ${showList((negate ? node.notIn : node.in) as ConditionScalar[])}`,
    (context) => {
      const v = readComparable(context);
      const found = v !== undefined && v !== null && values.has(v);
      return negate ? !found : found;
    },
  );
}

/**
 * Lists the tier ids a condition refers to (for validating them against the programme's tiers).
 *
 * @example
 * ```ts
 * referencedTiers({ any: [{ tier: ['gold'] }, { field: 'tier', op: 'eq', value: 'silver' }] }) //=> ['gold', 'silver']
 * ```
 */
export function referencedTiers(definition: ConditionDefinition): string[] {
  const node = definition as unknown as Record<string, unknown>;
  if ('all' in node) return (node.all as ConditionDefinition[]).flatMap(referencedTiers);
  if ('any' in node) return (node.any as ConditionDefinition[]).flatMap(referencedTiers);
  if ('not' in node) return referencedTiers(node.not as ConditionDefinition);
  if ('tier' in node) return [...(node.tier as string[])];
  if (node.field === 'tier') {
    const values =
      'op' in node
        ? [node.value]
        : 'in' in node
          ? (node.in as unknown[])
          : 'notIn' in node
            ? (node.notIn as unknown[])
            : [];
    return values.filter((v): v is string => typeof v === 'string');
  }
  return [];
}
