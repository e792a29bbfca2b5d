/**
 * Email addresses: a normalised stored form and a separate provider-aware match key.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { failure, type NormalizationFailure } from './failure.js';
import { foldWidth, isPrintableAscii } from './text.js';

/**
 * How one mailbox provider aliases addresses. Used only to build match keys: the stored address is never rewritten.
 *
 * @example
 * ```ts
 * const gmail: EmailProviderRule = {
 *   domains: ['gmail.com', 'googlemail.com'], canonicalDomain: 'gmail.com', ignoreDots: true, tagSeparator: '+',
 * };
 * ```
 */
export interface EmailProviderRule {
  /** Domains served by this rule (lower case). */
  readonly domains: readonly string[];
  /** Domain written into the match key; defaults to the address's own domain. */
  readonly canonicalDomain?: string;
  /** Dots in the local part are ignored by the provider (Gmail). */
  readonly ignoreDots?: boolean;
  /** Sub-address separator: everything from it to the `@` is a tag the provider ignores (`+` for most). */
  readonly tagSeparator?: string;
}

/**
 * The built-in provider rules: Gmail (dots and `+tags` ignored, `googlemail.com` = `gmail.com`), and `+tag`
 * sub-addressing for Microsoft (outlook.com, hotmail.com, live.com, msn.com), Apple iCloud (icloud.com, me.com,
 * mac.com, each its own namespace), Fastmail and Proton. Yahoo's `-` disposable addresses are not folded: their base
 * name differs from the account name. Sources: Gmail help "dots don't matter"; the `normalize-email` npm package and
 * the `email-normalize` PyPI provider table (anchors §4).
 *
 * @example
 * ```ts
 * DEFAULT_EMAIL_PROVIDERS[0]!.canonicalDomain //=> 'gmail.com'
 * ```
 */
export const DEFAULT_EMAIL_PROVIDERS: readonly EmailProviderRule[] = Object.freeze([
  { domains: ['gmail.com', 'googlemail.com'], canonicalDomain: 'gmail.com', ignoreDots: true, tagSeparator: '+' },
  { domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'], tagSeparator: '+' },
  { domains: ['icloud.com', 'me.com', 'mac.com'], tagSeparator: '+' },
  { domains: ['fastmail.com', 'fastmail.fm'], tagSeparator: '+' },
  { domains: ['protonmail.com', 'proton.me', 'pm.me'], tagSeparator: '+' },
]);

/**
 * Options of {@link emailMatchKey}.
 *
 * @example
 * ```ts
 * const options: EmailMatchKeyOptions = { providers: [...DEFAULT_EMAIL_PROVIDERS, { domains: ['example-mail.com'], tagSeparator: '-' }] };
 * ```
 */
export interface EmailMatchKeyOptions {
  /** Provider alias rules; default {@link DEFAULT_EMAIL_PROVIDERS}. */
  readonly providers?: readonly EmailProviderRule[];
}

const MAX_EMAIL_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;
const ASCII_LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const ASCII_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Normalises an email address for storage: Unicode width folding (a full-width `＠` typed on a CJK keyboard becomes
 * `@`), trimming, an optional `mailto:` prefix or `<…>` wrapper removed, lower case (the local part is case-sensitive
 * in RFC 5321, but lower-casing is standard practice and every major provider ignores case). Then validates: one `@`,
 * a dot-atom local part of at most 64 characters (internationalised letters allowed, RFC 6531), a domain of at least
 * two labels with an alphabetic or punycode top-level label, at most 254 characters in total. Quoted local parts and
 * IP-literal domains are refused.
 *
 * @example
 * ```ts
 * normalizeEmail('  Ann.Lee+News@Example.COM ') //=> right('ann.lee+news@example.com')
 * normalizeEmail('ａｎｎ＠ｅｘａｍｐｌｅ．ｃｏｍ') //=> right('ann@example.com')
 * normalizeEmail('ann@localhost') //=> left({ code: 'invalid-email', message: 'the domain needs a dot and a top-level label' })
 * ```
 */
export function normalizeEmail(input: string): E.Either<NormalizationFailure, string> {
  if (typeof input !== 'string') return E.left(failure('not-a-string', 'an email address must be a string'));
  let text = foldWidth(input).trim();
  if (text.length > 4 * MAX_EMAIL_LENGTH)
    return E.left(failure('too-long', `longer than ${MAX_EMAIL_LENGTH} characters`));
  if (/^mailto:/i.test(text)) text = text.slice(7).trim();
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  if (text === '') return E.left(failure('empty', 'the address is empty'));
  const address = text.toLowerCase();
  if (address.length > MAX_EMAIL_LENGTH)
    return E.left(failure('too-long', `longer than ${MAX_EMAIL_LENGTH} characters`));
  const at = address.indexOf('@');
  if (at < 0) return E.left(failure('invalid-email', 'missing "@"'));
  if (address.includes('@', at + 1)) return E.left(failure('invalid-email', 'more than one "@"'));
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local === '') return E.left(failure('invalid-email', 'empty local part'));
  if (local.length > MAX_LOCAL_LENGTH)
    return E.left(failure('invalid-email', `local part longer than ${MAX_LOCAL_LENGTH} characters`));
  // Printable ASCII (lower-cased): ASCII_LOCAL_PART accepts exactly what LOCAL_PART does, without Unicode classes.
  if (isPrintableAscii(address)) {
    if (!ASCII_LOCAL_PART.test(local))
      return E.left(failure('invalid-email', 'invalid characters or dots in the local part'));
    if (!domain.includes('.')) return E.left(failure('invalid-email', 'the domain needs a dot and a top-level label'));
    if (domain.length > 253 || !ASCII_DOMAIN.test(domain)) return E.left(failure('invalid-email', 'invalid domain'));
    return E.right(address);
  }
  if (!LOCAL_PART.test(local)) return E.left(failure('invalid-email', 'invalid characters or dots in the local part'));
  const labels = domain.split('.');
  if (labels.length < 2) return E.left(failure('invalid-email', 'the domain needs a dot and a top-level label'));
  for (const label of labels) {
    if (!DOMAIN_LABEL.test(label)) return E.left(failure('invalid-email', 'invalid domain label'));
  }
  if (!TOP_LEVEL.test(labels[labels.length - 1]!)) return E.left(failure('invalid-email', 'invalid top-level domain'));
  return E.right(address);
}

/**
 * Folds an already normalised address with provider rules (internal hot path of {@link emailMatchKey}).
 */
export function foldEmailAliases(address: string, providers: readonly EmailProviderRule[]): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  let rule: EmailProviderRule | undefined;
  for (const candidate of providers) {
    if (candidate.domains.includes(domain)) {
      rule = candidate;
      break;
    }
  }
  if (rule === undefined) return address;
  let local = address.slice(0, at);
  if (rule.tagSeparator !== undefined && rule.tagSeparator !== '') {
    const tag = local.indexOf(rule.tagSeparator);
    if (tag > 0) local = local.slice(0, tag);
  }
  if (rule.ignoreDots === true) local = local.replaceAll('.', '');
  if (local === '') return address;
  return `${local}@${rule.canonicalDomain ?? domain}`;
}

/**
 * The key used to match email addresses across records: {@link normalizeEmail}, then provider aliases folded —
 * for Gmail dots and `+tags` are dropped and `googlemail.com` becomes `gmail.com`; for the other built-in providers
 * `+tags` are dropped. Use it for matching only; store the normalised address.
 *
 * @example
 * ```ts
 * emailMatchKey('A.N.N.Lee+shop@GoogleMail.com') //=> right('annlee@gmail.com')
 * emailMatchKey('ann.lee+shop@example.com') //=> right('ann.lee+shop@example.com')
 * emailMatchKey('ann+x@outlook.com') //=> right('ann@outlook.com')
 * ```
 */
export function emailMatchKey(
  input: string,
  options: EmailMatchKeyOptions = {},
): E.Either<NormalizationFailure, string> {
  const normalized = normalizeEmail(input);
  if (E.isLeft(normalized)) return normalized;
  return E.right(foldEmailAliases(normalized.right, options.providers ?? DEFAULT_EMAIL_PROVIDERS));
}
