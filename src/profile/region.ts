/**
 * Subdivisions (ISO 3166-2): a compact built-in table for the United States, Canada, Australia, Germany, China and
 * the United Kingdom's four nations; well-formed codes of other countries are accepted as written.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { isCountryCode, normalizeCountry, placeNameKey } from './country.js';
import { failure, type NormalizationFailure } from './failure.js';
import { cleanText } from './text.js';

// country|subdivision code|names (English first; local names and abbreviations after)
const TABLE = `
US|AL|Alabama;Ala
US|AK|Alaska
US|AZ|Arizona;Ariz
US|AR|Arkansas;Ark
US|CA|California;Calif;Cal
US|CO|Colorado;Colo
US|CT|Connecticut;Conn
US|DE|Delaware;Del
US|FL|Florida;Fla
US|GA|Georgia
US|HI|Hawaii
US|ID|Idaho
US|IL|Illinois;Ill
US|IN|Indiana;Ind
US|IA|Iowa
US|KS|Kansas;Kan
US|KY|Kentucky
US|LA|Louisiana
US|ME|Maine
US|MD|Maryland
US|MA|Massachusetts;Mass
US|MI|Michigan;Mich
US|MN|Minnesota;Minn
US|MS|Mississippi;Miss
US|MO|Missouri
US|MT|Montana;Mont
US|NE|Nebraska;Neb
US|NV|Nevada;Nev
US|NH|New Hampshire
US|NJ|New Jersey
US|NM|New Mexico
US|NY|New York
US|NC|North Carolina
US|ND|North Dakota
US|OH|Ohio
US|OK|Oklahoma;Okla
US|OR|Oregon;Ore
US|PA|Pennsylvania;Penn
US|RI|Rhode Island
US|SC|South Carolina
US|SD|South Dakota
US|TN|Tennessee;Tenn
US|TX|Texas;Tex
US|UT|Utah
US|VT|Vermont
US|VA|Virginia
US|WA|Washington;Wash
US|WV|West Virginia
US|WI|Wisconsin;Wis
US|WY|Wyoming;Wyo
US|DC|District of Columbia;Washington DC;Washington D.C.
US|AS|American Samoa
US|GU|Guam
US|MP|Northern Mariana Islands
US|PR|Puerto Rico
US|UM|United States Minor Outlying Islands
US|VI|Virgin Islands, U.S.;US Virgin Islands
CA|AB|Alberta
CA|BC|British Columbia;Colombie-Britannique
CA|MB|Manitoba
CA|NB|New Brunswick;Nouveau-Brunswick
CA|NL|Newfoundland and Labrador;Terre-Neuve-et-Labrador;Newfoundland
CA|NS|Nova Scotia;Nouvelle-Écosse
CA|ON|Ontario
CA|PE|Prince Edward Island;Île-du-Prince-Édouard;PEI
CA|QC|Quebec;Québec
CA|SK|Saskatchewan
CA|NT|Northwest Territories;Territoires du Nord-Ouest
CA|NU|Nunavut
CA|YT|Yukon
AU|NSW|New South Wales
AU|QLD|Queensland
AU|SA|South Australia
AU|TAS|Tasmania
AU|VIC|Victoria
AU|WA|Western Australia
AU|ACT|Australian Capital Territory
AU|NT|Northern Territory
DE|BW|Baden-Württemberg
DE|BY|Bayern;Bavaria
DE|BE|Berlin
DE|BB|Brandenburg
DE|HB|Bremen
DE|HH|Hamburg
DE|HE|Hessen;Hesse
DE|MV|Mecklenburg-Vorpommern;Mecklenburg-Western Pomerania
DE|NI|Niedersachsen;Lower Saxony
DE|NW|Nordrhein-Westfalen;North Rhine-Westphalia;NRW
DE|RP|Rheinland-Pfalz;Rhineland-Palatinate
DE|SL|Saarland
DE|SN|Sachsen;Saxony
DE|ST|Sachsen-Anhalt;Saxony-Anhalt
DE|SH|Schleswig-Holstein
DE|TH|Thüringen;Thuringia
CN|AH|Anhui;安徽
CN|BJ|Beijing;北京
CN|CQ|Chongqing;重庆;重慶
CN|FJ|Fujian;福建
CN|GS|Gansu;甘肃;甘肅
CN|GD|Guangdong;广东;廣東
CN|GX|Guangxi;广西;廣西;Guangxi Zhuang
CN|GZ|Guizhou;贵州;貴州
CN|HI|Hainan;海南
CN|HE|Hebei;河北
CN|HL|Heilongjiang;黑龙江;黑龍江
CN|HA|Henan;河南
CN|HB|Hubei;湖北
CN|HN|Hunan;湖南
CN|JS|Jiangsu;江苏;江蘇
CN|JX|Jiangxi;江西
CN|JL|Jilin;吉林
CN|LN|Liaoning;辽宁;遼寧
CN|NM|Nei Mongol;Inner Mongolia;内蒙古;內蒙古
CN|NX|Ningxia;宁夏;寧夏;Ningxia Hui
CN|QH|Qinghai;青海
CN|SN|Shaanxi;陕西;陝西
CN|SD|Shandong;山东;山東
CN|SH|Shanghai;上海
CN|SX|Shanxi;山西
CN|SC|Sichuan;四川
CN|TJ|Tianjin;天津
CN|XJ|Xinjiang;新疆;Xinjiang Uygur
CN|XZ|Xizang;Tibet;西藏
CN|YN|Yunnan;云南;雲南
CN|ZJ|Zhejiang;浙江
CN|HK|Hong Kong;香港
CN|MO|Macao;Macau;澳门;澳門
GB|ENG|England
GB|SCT|Scotland
GB|WLS|Wales;Cymru
GB|NIR|Northern Ireland
`;

interface RegionLookup {
  /** `US-CA` → `US-CA` for every known code. */
  readonly codes: ReadonlySet<string>;
  /** country → (name key or bare subdivision code) → full code. */
  readonly byCountry: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** name key → every full code carrying that name (for lookups without a country). */
  readonly byName: ReadonlyMap<string, readonly string[]>;
}

const CJK_ADMIN_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|特別行政區|省|市)$/u;

function regionKey(name: string): string {
  return placeNameKey(cleanText(name).replace(CJK_ADMIN_SUFFIX, ''));
}

function buildLookup(): RegionLookup {
  const codes = new Set<string>();
  const byCountry = new Map<string, Map<string, string>>();
  const byName = new Map<string, string[]>();
  for (const line of TABLE.split('\n')) {
    if (line === '') continue;
    const [country, sub, names] = line.split('|') as [string, string, string];
    const full = `${country}-${sub}`;
    codes.add(full);
    let map = byCountry.get(country);
    if (map === undefined) byCountry.set(country, (map = new Map<string, string>()));
    map.set(sub.toLowerCase(), full);
    for (const name of names.split(';')) {
      const key = regionKey(name);
      map.set(key, full);
      const list = byName.get(key) ?? [];
      if (!list.includes(full)) list.push(full);
      byName.set(key, list);
    }
  }
  return { codes, byCountry, byName };
}

const LOOKUP: RegionLookup = /* @__PURE__ */ buildLookup();

/**
 * Options of {@link normalizeRegion}.
 *
 * @example
 * ```ts
 * const options: RegionOptions = { country: 'Australia' };
 * ```
 */
export interface RegionOptions {
  /** The record's country (any form {@link normalizeCountry} accepts); disambiguates `WA` and bare codes. */
  readonly country?: string | undefined;
}

/**
 * Normalises a region (state, province, Land...) to an ISO 3166-2 code (`US-CA`). Known subdivisions (United States
 * incl. DC and territories, Canada, Australia, Germany, China, the four UK nations) are recognised by code (`CA`,
 * `US-CA`, `us ca`) or name (`California`, `Bavaria`/`Bayern`, `广东省`), using the country to disambiguate. A
 * well-formed `XX-YYY` code of a valid country outside the table is accepted as written (upper-cased), because the
 * library does not ship the full ISO 3166-2 list.
 *
 * @example
 * ```ts
 * normalizeRegion('California') //=> right('US-CA')
 * normalizeRegion('wa', { country: 'AU' }) //=> right('AU-WA')
 * normalizeRegion('广东省') //=> right('CN-GD')
 * normalizeRegion('fr-idf') //=> right('FR-IDF')
 * normalizeRegion('WA') //=> left({ code: 'ambiguous-region', message: 'matches AU-WA, US-WA: give the country' })
 * ```
 */
export function normalizeRegion(input: string, options: RegionOptions = {}): E.Either<NormalizationFailure, string> {
  if (typeof input !== 'string') return E.left(failure('not-a-string', 'a region must be a string'));
  if (input.length > 200) return E.left(failure('too-long', 'longer than 200 characters'));
  const text = cleanText(input);
  if (text === '') return E.left(failure('empty', 'the region is empty'));
  const countryResult = options.country === undefined ? undefined : normalizeCountry(options.country);
  const country = countryResult !== undefined && E.isRight(countryResult) ? countryResult.right : undefined;
  const coded = /^([A-Za-z]{2})[-\s_]([A-Za-z0-9]{1,3})$/.exec(text);
  if (coded !== null) {
    const full = `${coded[1]!.toUpperCase()}-${coded[2]!.toUpperCase()}`;
    if (LOOKUP.codes.has(full)) return E.right(full);
    if (
      isCountryCode(full.slice(0, 2)) &&
      (country === undefined || country === full.slice(0, 2)) &&
      !LOOKUP.byCountry.has(full.slice(0, 2))
    ) {
      return E.right(full);
    }
  }
  const key = regionKey(text);
  if (country !== undefined) {
    const map = LOOKUP.byCountry.get(country);
    const full = map?.get(key);
    if (full !== undefined) return E.right(full);
    if (map === undefined && /^[A-Za-z0-9]{1,3}$/.test(text)) return E.right(`${country}-${text.toUpperCase()}`);
    return E.left(failure('unknown-region', `not a known subdivision of ${country}`));
  }
  const found = new Set<string>(LOOKUP.byName.get(key) ?? []);
  for (const map of LOOKUP.byCountry.values()) {
    const full = map.get(key);
    if (full !== undefined) found.add(full);
  }
  const all = [...found].sort();
  if (all.length === 1) return E.right(all[0]!);
  if (all.length > 1) return E.left(failure('ambiguous-region', `matches ${all.join(', ')}: give the country`));
  return E.left(failure('unknown-region', 'not a known subdivision name or ISO 3166-2 code'));
}

/**
 * Countries whose subdivisions are all in the built-in table (others keep unrecognised region text as written).
 *
 * @example
 * ```ts
 * REGION_TABLE_COUNTRIES.has('US') //=> true
 * ```
 */
export const REGION_TABLE_COUNTRIES: ReadonlySet<string> = new Set(['US', 'CA', 'AU', 'DE', 'CN']);
