/**
 * Internal text helpers shared by the normalisers: width folding, whitespace, diacritics.
 *
 * @module
 */

const NON_ASCII_OR_CONTROL = /[^\x20-\x7e]/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const WHITESPACE_RUN = /\s+/g;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

/** True when the string holds only printable ASCII (then NFKC cannot change it). */
export function isPrintableAscii(text: string): boolean {
  return !NON_ASCII_OR_CONTROL.test(text);
}

/**
 * Unicode NFKC folding: full-width Latin letters and digits become ASCII (`Ｊｏｈｎ` → `John`), half-width katakana
 * become full-width (`ﾀﾅｶ` → `タナカ`), the ideographic space U+3000 becomes a space, ligatures split. Zero-width
 * characters and soft hyphens are removed. Printable ASCII is returned as is (fast path).
 */
export function foldWidth(text: string): string {
  if (isPrintableAscii(text)) return text;
  return text.normalize('NFKC').replace(ZERO_WIDTH, '');
}

/** Trims and collapses every run of whitespace to one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(WHITESPACE_RUN, ' ').trim();
}

/**
 * True when `text.trim() !== ''`, without trimming when the first character is visible ASCII (the common case).
 */
export function isNonBlankText(text: string): boolean {
  const first = text.length === 0 ? 0 : text.charCodeAt(0);
  if (first > 32 && first < 127) return true;
  return text.trim() !== '';
}

/**
 * True when `text` is printable ASCII without leading, trailing or repeated spaces — so {@link cleanText} returns it
 * unchanged — and, for `letterCase` `lower` / `upper`, holds no ASCII letter of the other case (so `toLowerCase` /
 * `toUpperCase` return it unchanged too). A cheap check that spares a memo lookup for values already clean.
 */
export function isCleanAscii(text: string, letterCase: 'any' | 'lower' | 'upper' = 'any'): boolean {
  const n = text.length;
  if (n === 0 || text.charCodeAt(0) === 0x20 || text.charCodeAt(n - 1) === 0x20) return false;
  const lowFrom = letterCase === 'lower' ? 0x41 : letterCase === 'upper' ? 0x61 : 0x100;
  let previous = 0;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e || (code === 0x20 && previous === 0x20) || (code >= lowFrom && code < lowFrom + 26))
      return false;
    previous = code;
  }
  return true;
}

/** Width folding then whitespace collapsing: the basic clean-up of every free-text field. */
export function cleanText(text: string): string {
  return collapseWhitespace(foldWidth(text));
}

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
const SPECIAL_LETTER_PATTERN = /[ßẞæÆœŒøØłŁđĐðÐþÞı]/g;

/**
 * Removes Latin/Greek/Cyrillic combining diacritics (`José` → `Jose`) and folds a few letters without a
 * decomposition (`ß` → `ss`, `ø` → `o`). Only the combining block U+0300–U+036F is removed, so Japanese voicing
 * marks (`ガ`) and Hangul are untouched.
 */
export function stripDiacritics(text: string): string {
  if (isPrintableAscii(text)) return text;
  return text
    .normalize('NFD')
    .replace(COMBINING_DIACRITICS, '')
    .normalize('NFC')
    .replace(SPECIAL_LETTER_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/** True for characters of the CJK scripts (Han, Hiragana, Katakana, Hangul). */
export function isCjkCharacter(ch: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch);
}

/** True when the string contains at least one CJK character. */
export function containsCjk(text: string): boolean {
  return /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text);
}

/** Number of Unicode code points (not UTF-16 units). */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}
