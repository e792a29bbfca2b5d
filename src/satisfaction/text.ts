/**
 * Text folding and keyword matching for feedback categorisation, without user-supplied regular expressions:
 * plain substring search (linear, no ReDoS) with word-boundary checks only where a script separates words with
 * spaces. Chinese, Japanese, Korean, Thai, Lao, Khmer and Myanmar text matches as plain substrings.
 *
 * @module
 */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;
const WHITESPACE = /\s+/gu;

/**
 * Folds text for matching: Unicode NFKC (full-width → half-width, compatibility forms, ligatures), lower case,
 * whitespace runs collapsed to one space, trimmed.
 *
 * @example
 * ```ts
 * foldText('ＤＥＬＩＶＥＲＹ  was  Late') //=> 'delivery was late'
 * foldText('物流\u3000太慢') //=> '物流 太慢' (ideographic space folded)
 * ```
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(WHITESPACE, ' ').trim();
}

/**
 * Whether a character belongs to a word of a script that separates words with spaces (Latin, Cyrillic, Greek,
 * Arabic, digits...): matches next to such characters need a boundary.
 *
 * @example
 * ```ts
 * isSpacedWordChar('a') //=> true
 * isSpacedWordChar('物') //=> false
 * isSpacedWordChar(' ') //=> false
 * ```
 */
export function isSpacedWordChar(char: string): boolean {
  return WORD_CHAR.test(char) && !UNSPACED_SCRIPT.test(char);
}

/**
 * A keyword or phrase ready for matching.
 *
 * @example
 * ```ts
 * compileKeyword('deliver*') //=> { source: 'deliver*', text: 'deliver', prefix: true, boundaryStart: true, boundaryEnd: false }
 * ```
 */
export interface CompiledKeyword {
  /** As written in the taxonomy. */
  readonly source: string;
  /** Folded text searched for. */
  readonly text: string;
  /** Trailing `*` in the source: matches words starting with `text`. */
  readonly prefix: boolean;
  /** Whether a match must not follow a letter or digit of a spaced script. */
  readonly boundaryStart: boolean;
  /** Whether a match must not be followed by a letter or digit of a spaced script. */
  readonly boundaryEnd: boolean;
}

function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const code = text.charCodeAt(index - 1);
  if (code >= 0xdc00 && code <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.charAt(index - 1);
}

function charAt(text: string, index: number): string {
  if (index >= text.length) return '';
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) return text.slice(index, index + 2);
  return text.charAt(index);
}

/**
 * Compiles a keyword: folds it; a trailing `*` means "word starting with" (the only wildcard; it is not a
 * regular expression). Returns `undefined` for a keyword that folds to nothing.
 *
 * @example
 * ```ts
 * compileKeyword('快递')?.boundaryStart //=> false
 * compileKeyword('  ') //=> undefined
 * ```
 */
export function compileKeyword(source: string): CompiledKeyword | undefined {
  const trimmed = source.trim();
  const prefix = trimmed.endsWith('*');
  const text = foldText(prefix ? trimmed.slice(0, -1) : trimmed);
  if (text === '') return undefined;
  const last = text.length >= 2 && text.charCodeAt(text.length - 1) >= 0xdc00 && text.charCodeAt(text.length - 1) <= 0xdfff ? text.slice(-2) : text.slice(-1);
  return {
    source,
    text,
    prefix,
    boundaryStart: isSpacedWordChar(charAt(text, 0)),
    boundaryEnd: !prefix && isSpacedWordChar(last),
  };
}

/**
 * Whether a compiled keyword occurs in already-folded text, respecting word boundaries in spaced scripts.
 * Linear in the text length per keyword (String.prototype.indexOf).
 *
 * @example
 * ```ts
 * containsKeyword('the shipping was slow', compileKeyword('ship')!) //=> false
 * containsKeyword('the shipping was slow', compileKeyword('ship*')!) //=> true
 * containsKeyword('快递太慢了', compileKeyword('快递')!) //=> true
 * ```
 */
export function containsKeyword(folded: string, keyword: CompiledKeyword): boolean {
  const needle = keyword.text;
  let from = 0;
  for (;;) {
    const index = folded.indexOf(needle, from);
    if (index < 0) return false;
    const end = index + needle.length;
    const startOk = !keyword.boundaryStart || !isSpacedWordChar(charBefore(folded, index));
    const endOk = !keyword.boundaryEnd || !isSpacedWordChar(charAt(folded, end));
    if (startOk && endOk) return true;
    from = index + 1;
  }
}
