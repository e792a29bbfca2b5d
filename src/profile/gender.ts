/**
 * Gender values from forms and source systems mapped to a small controlled vocabulary.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { failure, type NormalizationFailure } from './failure.js';
import { cleanText } from './text.js';

/**
 * The stored gender vocabulary.
 *
 * @example
 * ```ts
 * const gender: Gender = 'female';
 * ```
 */
export type Gender = 'female' | 'male' | 'nonbinary' | 'other' | 'undisclosed';

const GENDER_WORDS: Readonly<Record<string, Gender>> = {
  f: 'female',
  female: 'female',
  woman: 'female',
  women: 'female',
  w: 'female',
  weiblich: 'female',
  frau: 'female',
  femme: 'female',
  femenino: 'female',
  mujer: 'female',
  女: 'female',
  女性: 'female',
  여: 'female',
  여성: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  men: 'male',
  männlich: 'male',
  mann: 'male',
  homme: 'male',
  masculino: 'male',
  hombre: 'male',
  男: 'male',
  男性: 'male',
  남: 'male',
  남성: 'male',
  x: 'nonbinary',
  nb: 'nonbinary',
  'non-binary': 'nonbinary',
  nonbinary: 'nonbinary',
  'non binary': 'nonbinary',
  d: 'nonbinary',
  divers: 'nonbinary',
  diverse: 'nonbinary',
  genderqueer: 'nonbinary',
  o: 'other',
  other: 'other',
  其他: 'other',
  u: 'undisclosed',
  unknown: 'undisclosed',
  undisclosed: 'undisclosed',
  'prefer not to say': 'undisclosed',
  'not specified': 'undisclosed',
  'n/a': 'undisclosed',
  na: 'undisclosed',
};

/**
 * Maps a gender value to `female`, `male`, `nonbinary`, `other` or `undisclosed`. Understands one-letter codes
 * (`F`, `M`, `W`, `D`, `X`, `U`) and words in English, German, French, Spanish, Chinese, Japanese and Korean.
 * Anything else is `unknown-gender` (reported, not guessed).
 *
 * @example
 * ```ts
 * normalizeGender(' F ') //=> right('female')
 * normalizeGender('männlich') //=> right('male')
 * normalizeGender('女性') //=> right('female')
 * normalizeGender('blue') //=> left({ code: 'unknown-gender', message: '…' })
 * ```
 */
export function normalizeGender(input: string): E.Either<NormalizationFailure, Gender> {
  if (typeof input !== 'string') return E.left(failure('not-a-string', 'a gender must be a string'));
  const text = cleanText(input).toLowerCase().replace(/\.$/, '');
  if (text === '') return E.left(failure('empty', 'the gender is empty'));
  const gender = Object.prototype.hasOwnProperty.call(GENDER_WORDS, text) ? GENDER_WORDS[text] : undefined;
  return gender === undefined ? E.left(failure('unknown-gender', 'not a recognised gender value')) : E.right(gender);
}
