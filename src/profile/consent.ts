/**
 * Consent per purpose: many recorded decisions in, one current state per purpose out.
 *
 * @module
 */
import { parseInstant, type Consent, type DateInput } from '../core/index.js';

/**
 * The current consent for one purpose. `collected: false` means no decision was ever recorded for the purpose
 * (Segment's "never collected"), as opposed to a recorded `unknown` answer.
 *
 * @example
 * ```ts
 * const state: ConsentState = {
 *   purpose: 'email-marketing', status: 'denied', collected: true, at: Date.UTC(2024, 4, 2), source: 'crm', decisions: 2,
 * };
 * ```
 */
export interface ConsentState {
  /** The purpose, as recorded (trimmed). */
  readonly purpose: string;
  /** The winning decision's status; `unknown` when never collected. */
  readonly status: 'granted' | 'denied' | 'unknown';
  /** Whether any decision was recorded for this purpose (up to `asOf`). */
  readonly collected: boolean;
  /** When the winning decision was made (epoch ms), when known. */
  readonly at?: number;
  /** Where the winning decision was recorded, when known. */
  readonly source?: string;
  /** How many decisions were considered for this purpose. */
  readonly decisions: number;
}

/**
 * Options of {@link resolveConsents}.
 *
 * @example
 * ```ts
 * const options: ConsentOptions = { asOf: '2024-06-30', purposes: ['email-marketing', 'sms'] };
 * ```
 */
export interface ConsentOptions {
  /** Decisions dated after this instant are ignored (not yet made as of then). */
  readonly asOf?: DateInput;
  /** Purposes to report even when never collected (then `status: 'unknown'`, `collected: false`). */
  readonly purposes?: readonly string[];
}

const STATUS_RANK = { denied: 0, unknown: 1, granted: 2 } as const;

/**
 * Whether decision `a` beats decision `b`: the later `at` wins (a decision without a date is older than any dated
 * one); at equal times the more restrictive status wins (`denied` over `unknown` over `granted`); then the source
 * that sorts first, so the result never depends on input order.
 */
function beats(a: Consent, b: Consent): boolean {
  const at = a.at ?? Number.NEGATIVE_INFINITY;
  const bt = b.at ?? Number.NEGATIVE_INFINITY;
  if (at !== bt) return at > bt;
  if (a.status !== b.status) return STATUS_RANK[a.status] < STATUS_RANK[b.status];
  return (a.source ?? '') < (b.source ?? '');
}

/**
 * Resolves recorded consent decisions to the current state per purpose, by a documented rule: **the latest decision
 * wins**; a decision without a date counts as older than every dated one; decisions at the same instant resolve to
 * the most restrictive status (`denied` > `unknown` > `granted`); decisions after `asOf` are ignored. Purposes listed
 * in `options.purposes` but never decided are reported as `unknown` with `collected: false`. Output is sorted by
 * purpose and does not depend on input order.
 *
 * @example
 * ```ts
 * resolveConsents([
 *   { purpose: 'email', status: 'granted', at: Date.UTC(2024, 0, 5), source: 'shop' },
 *   { purpose: 'email', status: 'denied', at: Date.UTC(2024, 4, 2), source: 'crm' },
 * ], { purposes: ['sms'] })
 * //=> [
 * //   { purpose: 'email', status: 'denied', collected: true, at: 1714608000000, source: 'crm', decisions: 2 },
 * //   { purpose: 'sms', status: 'unknown', collected: false, decisions: 0 },
 * // ]
 * ```
 */
export function resolveConsents(consents: readonly Consent[], options: ConsentOptions = {}): ConsentState[] {
  let asOf = Number.POSITIVE_INFINITY;
  if (options.asOf !== undefined) {
    const parsed = parseInstant(options.asOf);
    if (parsed === undefined) throw new RangeError(`[clientele] invalid asOf: ${String(options.asOf)}`);
    asOf = parsed;
  }
  const winners = new Map<string, { decision: Consent; count: number }>();
  for (const consent of consents) {
    const purpose = consent.purpose.trim();
    if (purpose === '' || (consent.at !== undefined && consent.at > asOf)) continue;
    const current = winners.get(purpose);
    if (current === undefined) winners.set(purpose, { decision: consent, count: 1 });
    else {
      current.count++;
      if (beats(consent, current.decision)) current.decision = consent;
    }
  }
  const states: ConsentState[] = [];
  for (const [purpose, { decision, count }] of winners) {
    states.push({
      purpose,
      status: decision.status,
      collected: true,
      ...(decision.at === undefined ? {} : { at: decision.at }),
      ...(decision.source === undefined ? {} : { source: decision.source }),
      decisions: count,
    });
  }
  for (const purpose of options.purposes ?? []) {
    const trimmed = purpose.trim();
    if (!winners.has(trimmed)) states.push({ purpose: trimmed, status: 'unknown', collected: false, decisions: 0 });
  }
  return states.sort((a, b) => (a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0));
}

/**
 * The winning decision per purpose by the {@link resolveConsents} rule (no `asOf`), as the decision objects
 * themselves, sorted by purpose — for decisions already in normalised form (trimmed purposes), so golden records can
 * share them instead of copying (internal).
 *
 * @example
 * ```ts
 * latestDecisions([
 *   { purpose: 'sms', status: 'granted', at: 1 },
 *   { purpose: 'email', status: 'denied', at: 2 },
 *   { purpose: 'sms', status: 'denied', at: 3 },
 * ]) //=> [{ purpose: 'email', status: 'denied', at: 2 }, { purpose: 'sms', status: 'denied', at: 3 }]
 * ```
 */
export function latestDecisions(consents: readonly Consent[]): Consent[] {
  const winners = new Map<string, Consent>();
  for (const consent of consents) {
    const purpose = consent.purpose.trim();
    if (purpose === '') continue;
    const current = winners.get(purpose);
    if (current === undefined || beats(consent, current)) winners.set(purpose, consent);
  }
  const latest = new Array<Consent>(winners.size);
  let i = 0;
  for (const decision of winners.values()) latest[i++] = decision;
  return latest.sort((a, b) => (a.purpose < b.purpose ? -1 : a.purpose > b.purpose ? 1 : 0));
}

/**
 * Whether the customer's current consent for a purpose is `granted` (by the {@link resolveConsents} rule); `false`
 * for denied, unknown and never collected.
 *
 * @example
 * ```ts
 * hasConsent([{ purpose: 'sms', status: 'granted', at: Date.UTC(2024, 0, 1) }], 'sms') //=> true
 * hasConsent([], 'sms') //=> false
 * ```
 */
export function hasConsent(
  consents: readonly Consent[],
  purpose: string,
  options: Pick<ConsentOptions, 'asOf'> = {},
): boolean {
  const state = resolveConsents(consents, options).find((s) => s.purpose === purpose.trim());
  return state?.status === 'granted';
}
