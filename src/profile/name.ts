/**
 * Personal names: a cleaned display form and a match key without titles, case, accents or width differences.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { failure, type NormalizationFailure } from './failure.js';
import { cleanText, containsCjk, isPrintableAscii, stripDiacritics } from './text.js';

/**
 * Titles and honorifics removed from match keys, as data: `prefixes` before a Latin-script name (compared without
 * dots, case-insensitively), `suffixes` after it, `cjkSuffixes` written straight after a Chinese, Japanese or Korean
 * name (`王先生`, `田中様`, `김민수 님`).
 *
 * @example
 * ```ts
 * const titles: NameTitles = { prefixes: ['mr', 'dr'], suffixes: ['jr'], cjkSuffixes: ['先生'] };
 * ```
 */
export interface NameTitles {
  /** Titles before the name: `mr`, `mrs`, `dr`, `herr`, `mme`... */
  readonly prefixes: readonly string[];
  /** Post-nominals after the name: `jr`, `iii`, `phd`... */
  readonly suffixes: readonly string[];
  /** Honorific suffixes of CJK names: `先生`, `女士`, `さん`, `様`, `씨`, `님`... */
  readonly cjkSuffixes: readonly string[];
}

/**
 * The built-in titles: English, German, French, Spanish, Italian and Dutch courtesy titles and ranks; common
 * generational and academic post-nominals; Chinese, Japanese and Korean honorific suffixes. `Don` and a bare `M` are
 * deliberately absent (common first name; an initial).
 *
 * @example
 * ```ts
 * DEFAULT_NAME_TITLES.prefixes.includes('mrs') //=> true
 * ```
 */
export const DEFAULT_NAME_TITLES: NameTitles = Object.freeze({
  prefixes: Object.freeze([
    'mr',
    'mrs',
    'ms',
    'miss',
    'mx',
    'mstr',
    'master',
    'dr',
    'doctor',
    'prof',
    'professor',
    'sir',
    'dame',
    'lord',
    'lady',
    'rev',
    'revd',
    'reverend',
    'fr',
    'pastor',
    'rabbi',
    'imam',
    'capt',
    'captain',
    'col',
    'gen',
    'lt',
    'maj',
    'hon',
    'herr',
    'frau',
    'hr',
    'fräulein',
    'frl',
    'mme',
    'mlle',
    'mmes',
    'sr',
    'sra',
    'srta',
    'sig',
    'sig.ra',
    'sigra',
    'dott',
    'dhr',
    'mevr',
  ]),
  suffixes: Object.freeze([
    'jr',
    'jnr',
    'sr',
    'snr',
    'ii',
    'iii',
    'iv',
    'phd',
    'md',
    'dds',
    'esq',
    'mba',
    'cpa',
    'obe',
    'mbe',
    'cbe',
    'kbe',
    'dbe',
    'qc',
    'kc',
  ]),
  cjkSuffixes: Object.freeze([
    '先生',
    '女士',
    '小姐',
    '太太',
    '夫人',
    '同志',
    '老师',
    '老師',
    'さん',
    'さま',
    '様',
    '殿',
    '君',
    'くん',
    'ちゃん',
    '氏',
    '씨',
    '님',
  ]),
});

/**
 * A name in its two forms.
 *
 * @example
 * ```ts
 * const name: NormalizedName = { display: 'Ann Lee', matchKey: 'ann lee' };
 * ```
 */
export interface NormalizedName {
  /** For showing and storing: width-folded, whitespace collapsed, all-upper/all-lower Latin names title-cased. */
  readonly display: string;
  /** For matching only: lower case, accents and titles removed, `Last, First` reordered, tokens sorted (Latin) or joined without spaces (CJK). */
  readonly matchKey: string;
}

/**
 * Options of {@link normalizeName}.
 *
 * @example
 * ```ts
 * const options: NameOptions = { titles: { ...DEFAULT_NAME_TITLES, prefixes: [...DEFAULT_NAME_TITLES.prefixes, 'dipl'] } };
 * ```
 */
export interface NameOptions {
  /** Titles stripped from the match key; default {@link DEFAULT_NAME_TITLES}. */
  readonly titles?: NameTitles;
}

const MAX_NAME_LENGTH = 256;
const LOWER_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'dos',
  'das',
  'bin',
  'binti',
  'al',
  'ter',
  'ten',
  'zu',
]);

const ROMAN_NUMERAL = /^(?:i{1,3}|iv|vi{0,3}|ix|x)$/;

function caseWord(word: string, first: boolean, ascii: boolean): string {
  const hasUpper = ascii ? /[A-Z]/.test(word) : /[\p{Lu}\p{Lt}]/u.test(word);
  const hasLower = ascii ? /[a-z]/.test(word) : /\p{Ll}/u.test(word);
  // Mixed-case words (McDonald, DeVito) and caseless scripts are kept as written.
  if (hasUpper === hasLower) return word;
  const lower = word.toLowerCase();
  if (!first && LOWER_PARTICLES.has(lower)) return lower;
  if (!first && ROMAN_NUMERAL.test(lower.replace(/[.,]/g, ''))) return word.toUpperCase();
  return ascii
    ? lower.replace(/(^|[-'.])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase())
    : lower.replace(/(^|[-'’.])(\p{L})/gu, (_, sep: string, letter: string) => {
        // Letters whose upper case is several characters (Greek with iota subscript) stay as they are.
        const upper = letter.toUpperCase();
        return sep + (Array.from(upper).length === 1 ? upper : letter);
      });
}

function displayCase(text: string, ascii: boolean): string {
  const words = text.split(' ');
  for (let i = 0; i < words.length; i++) words[i] = caseWord(words[i]!, i === 0, ascii);
  return words.join(' ');
}

function stripCjkSuffix(token: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    if (token.length > suffix.length && token.endsWith(suffix)) return token.slice(0, -suffix.length);
  }
  return token;
}

interface CompiledTitles {
  readonly prefixes: ReadonlySet<string>;
  readonly suffixes: ReadonlySet<string>;
  readonly cjkSuffixes: readonly string[];
}

// Memo of title sets per (immutable) titles object: a pure cache, invisible in results.
const compiledTitles = new WeakMap<NameTitles, CompiledTitles>();

function compile(titles: NameTitles): CompiledTitles {
  let compiled = compiledTitles.get(titles);
  if (compiled === undefined) {
    compiled = {
      prefixes: new Set(titles.prefixes.map((t) => t.toLowerCase().replace(/\./g, ''))),
      suffixes: new Set(titles.suffixes.map((t) => t.toLowerCase().replace(/\./g, ''))),
      cjkSuffixes: [...titles.cjkSuffixes].sort((a, b) => b.length - a.length),
    };
    compiledTitles.set(titles, compiled);
  }
  return compiled;
}

/** The match key of an already display-normalised name; '' when nothing but titles remains. */
export function nameMatchKeyOf(display: string, titles: NameTitles): string {
  const { prefixes, suffixes, cjkSuffixes } = compile(titles);
  const ascii = isPrintableAscii(display);
  let text = display.toLowerCase();
  if (!ascii) text = stripDiacritics(text);
  if (text.includes(',')) {
    const comma = text.split(',');
    if (comma.length === 2) {
      const after = comma[1]!.replace(/[.\s]/g, '');
      text = suffixes.has(after) || after === '' ? comma[0]! : `${comma[1]!} ${comma[0]!}`;
    }
  }
  text = text.replace(/['’`]/g, '').replace(/[.,"‘“”()\-‐‑_]/g, ' ');
  let tokens = text.split(' ').filter((token) => token !== '');
  while (tokens.length > 1 && prefixes.has(tokens[0]!)) tokens.shift();
  while (tokens.length > 1 && suffixes.has(tokens[tokens.length - 1]!)) tokens.pop();
  if (!ascii && tokens.length > 0 && containsCjk(text)) {
    tokens = tokens.filter((token) => !cjkSuffixes.includes(token));
    if (tokens.length === 0) return '';
    tokens[tokens.length - 1] = stripCjkSuffix(tokens[tokens.length - 1]!, cjkSuffixes);
    if (tokens.every((token) => containsCjk(token))) return tokens.join('');
  }
  if (tokens.length === 1 && (prefixes.has(tokens[0]!) || suffixes.has(tokens[0]!))) return '';
  return tokens.sort().join(' ');
}

/** The display form only (no match key), for fields such as `firstName` (internal). */
export function normalizeNameDisplay(input: string): E.Either<NormalizationFailure, string> {
  if (typeof input !== 'string') return E.left(failure('not-a-string', 'a name must be a string'));
  if (input.length > 4 * MAX_NAME_LENGTH)
    return E.left(failure('too-long', `longer than ${MAX_NAME_LENGTH} characters`));
  const cleaned = cleanText(isPrintableAscii(input) ? input : input.replace(/\p{Cc}/gu, ' '));
  const ascii = isPrintableAscii(cleaned);
  if (cleaned === '') return E.left(failure('empty', 'the name is empty'));
  if (cleaned.length > MAX_NAME_LENGTH) return E.left(failure('too-long', `longer than ${MAX_NAME_LENGTH} characters`));
  if (ascii ? !/[A-Za-z]/.test(cleaned) : !/\p{L}/u.test(cleaned))
    return E.left(failure('no-letters', 'a name needs at least one letter'));
  // Case mapping can decompose characters (İ → i + U+0307): recompose so the result is a fixed point.
  return E.right(ascii ? displayCase(cleaned, true) : displayCase(cleaned, false).normalize('NFKC'));
}

/**
 * Normalises a personal name. Display form: Unicode NFKC width folding (full-width `Ｊｏｈｎ` → `John`, half-width
 * katakana `ﾀﾅｶ` → `タナカ`, the ideographic space → a space), zero-width characters removed, whitespace collapsed,
 * and every word written entirely in upper or lower case title-cased (`ANN O'BRIEN` → `Ann O'Brien`; particles such
 * as `van` stay lower case and Roman numerals upper case after the first word); mixed-case words (`McDonald`) are
 * kept as written. Match key: lower case, accents removed (`José` →
 * `jose`, `ß` → `ss`), apostrophes dropped (`O'Brien` = `OBrien`), other punctuation read as a space, `Last, First` reordered, titles and honorifics removed (see
 * {@link DEFAULT_NAME_TITLES}), then Latin tokens sorted (so `Lee Ann` and `Ann Lee` match) and CJK names joined
 * without spaces (`王 小明` = `王小明`).
 *
 * @example
 * ```ts
 * normalizeName('  DR.  ann   LEE ') //=> right({ display: 'Dr. Ann Lee', matchKey: 'ann lee' })
 * normalizeName('Lee, Ann') //=> right({ display: 'Lee, Ann', matchKey: 'ann lee' })
 * normalizeName('Ｊｏｓé\u3000Ｇａｒｃíａ') //=> right({ display: 'José García', matchKey: 'garcia jose' })
 * normalizeName('王 小明先生') //=> right({ display: '王 小明先生', matchKey: '王小明' })
 * normalizeName('1234') //=> left({ code: 'no-letters', message: 'a name needs at least one letter' })
 * ```
 */
export function normalizeName(
  input: string,
  options: NameOptions = {},
): E.Either<NormalizationFailure, NormalizedName> {
  const displayed = normalizeNameDisplay(input);
  if (E.isLeft(displayed)) return displayed;
  const display = displayed.right;
  const matchKey = nameMatchKeyOf(display, options.titles ?? DEFAULT_NAME_TITLES);
  if (matchKey === '') return E.left(failure('empty', 'the name holds only a title'));
  return E.right({ display, matchKey });
}
