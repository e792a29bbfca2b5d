/**
 * ISO 3166-1 countries: alpha-2, alpha-3, numeric codes, English names and common aliases as one compact table.
 *
 * @module
 */
import { either as E } from 'fp-ts';
import { failure, type NormalizationFailure } from './failure.js';
import { cleanText, stripDiacritics } from './text.js';

// alpha-2|alpha-3|numeric|English name (CLDR);aliases… — all 249 officially assigned ISO 3166-1 codes.
const TABLE = `
AD|AND|020|Andorra
AE|ARE|784|United Arab Emirates;UAE;Emirates
AF|AFG|004|Afghanistan
AG|ATG|028|Antigua & Barbuda;Antigua and Barbuda
AI|AIA|660|Anguilla
AL|ALB|008|Albania
AM|ARM|051|Armenia
AO|AGO|024|Angola
AQ|ATA|010|Antarctica
AR|ARG|032|Argentina
AS|ASM|016|American Samoa
AT|AUT|040|Austria;Österreich
AU|AUS|036|Australia
AW|ABW|533|Aruba
AX|ALA|248|Åland Islands;Aland Islands
AZ|AZE|031|Azerbaijan
BA|BIH|070|Bosnia & Herzegovina;Bosnia and Herzegovina;Bosnia
BB|BRB|052|Barbados
BD|BGD|050|Bangladesh
BE|BEL|056|Belgium;Belgique;België
BF|BFA|854|Burkina Faso
BG|BGR|100|Bulgaria
BH|BHR|048|Bahrain
BI|BDI|108|Burundi
BJ|BEN|204|Benin
BL|BLM|652|St. Barthélemy;Saint Barthélemy
BM|BMU|060|Bermuda
BN|BRN|096|Brunei;Brunei Darussalam
BO|BOL|068|Bolivia;Bolivia (Plurinational State of)
BQ|BES|535|Caribbean Netherlands;Bonaire, Sint Eustatius and Saba;Bonaire
BR|BRA|076|Brazil;Brasil
BS|BHS|044|Bahamas;The Bahamas
BT|BTN|064|Bhutan
BV|BVT|074|Bouvet Island
BW|BWA|072|Botswana
BY|BLR|112|Belarus
BZ|BLZ|084|Belize
CA|CAN|124|Canada
CC|CCK|166|Cocos (Keeling) Islands
CD|COD|180|Congo - Kinshasa;Democratic Republic of the Congo;DR Congo;DRC;Congo (Democratic Republic of the);Congo-Kinshasa
CF|CAF|140|Central African Republic
CG|COG|178|Congo - Brazzaville;Republic of the Congo;Congo;Congo-Brazzaville
CH|CHE|756|Switzerland;Schweiz;Suisse;Svizzera
CI|CIV|384|Côte d’Ivoire;Ivory Coast;Cote d'Ivoire
CK|COK|184|Cook Islands
CL|CHL|152|Chile
CM|CMR|120|Cameroon
CN|CHN|156|China;People's Republic of China;PRC;Mainland China;中国;中华人民共和国;中國
CO|COL|170|Colombia
CR|CRI|188|Costa Rica
CU|CUB|192|Cuba
CV|CPV|132|Cape Verde;Cabo Verde
CW|CUW|531|Curaçao;Curacao
CX|CXR|162|Christmas Island
CY|CYP|196|Cyprus
CZ|CZE|203|Czechia;Czech Republic
DE|DEU|276|Germany;Deutschland;Federal Republic of Germany
DJ|DJI|262|Djibouti
DK|DNK|208|Denmark;Danmark
DM|DMA|212|Dominica
DO|DOM|214|Dominican Republic
DZ|DZA|012|Algeria
EC|ECU|218|Ecuador
EE|EST|233|Estonia
EG|EGY|818|Egypt
EH|ESH|732|Western Sahara
ER|ERI|232|Eritrea
ES|ESP|724|Spain;España
ET|ETH|231|Ethiopia
FI|FIN|246|Finland;Suomi
FJ|FJI|242|Fiji
FK|FLK|238|Falkland Islands;Falkland Islands (Malvinas)
FM|FSM|583|Micronesia;Federated States of Micronesia;Micronesia (Federated States of)
FO|FRO|234|Faroe Islands
FR|FRA|250|France;République française
GA|GAB|266|Gabon
GB|GBR|826|United Kingdom;UK;U.K.;Great Britain;Britain;England;Scotland;Wales;Northern Ireland;United Kingdom of Great Britain and Northern Ireland;英国;英國;イギリス
GD|GRD|308|Grenada
GE|GEO|268|Georgia
GF|GUF|254|French Guiana
GG|GGY|831|Guernsey
GH|GHA|288|Ghana
GI|GIB|292|Gibraltar
GL|GRL|304|Greenland
GM|GMB|270|Gambia;The Gambia
GN|GIN|324|Guinea
GP|GLP|312|Guadeloupe
GQ|GNQ|226|Equatorial Guinea
GR|GRC|300|Greece;Hellas;Ellada
GS|SGS|239|South Georgia & South Sandwich Islands;South Georgia and the South Sandwich Islands
GT|GTM|320|Guatemala
GU|GUM|316|Guam
GW|GNB|624|Guinea-Bissau
GY|GUY|328|Guyana
HK|HKG|344|Hong Kong SAR China;Hong Kong;香港
HM|HMD|334|Heard & McDonald Islands;Heard Island and McDonald Islands
HN|HND|340|Honduras
HR|HRV|191|Croatia
HT|HTI|332|Haiti
HU|HUN|348|Hungary
ID|IDN|360|Indonesia
IE|IRL|372|Ireland;Éire;Republic of Ireland
IL|ISR|376|Israel
IM|IMN|833|Isle of Man
IN|IND|356|India;Bharat
IO|IOT|086|British Indian Ocean Territory
IQ|IRQ|368|Iraq
IR|IRN|364|Iran;Iran (Islamic Republic of);Islamic Republic of Iran
IS|ISL|352|Iceland
IT|ITA|380|Italy;Italia
JE|JEY|832|Jersey
JM|JAM|388|Jamaica
JO|JOR|400|Jordan
JP|JPN|392|Japan;日本;Nippon
KE|KEN|404|Kenya
KG|KGZ|417|Kyrgyzstan
KH|KHM|116|Cambodia
KI|KIR|296|Kiribati
KM|COM|174|Comoros
KN|KNA|659|St. Kitts & Nevis;Saint Kitts and Nevis
KP|PRK|408|North Korea;Democratic People's Republic of Korea;DPRK;Korea (Democratic People's Republic of)
KR|KOR|410|South Korea;Republic of Korea;Korea;Korea (Republic of);대한민국;한국;韩国;韓國
KW|KWT|414|Kuwait
KY|CYM|136|Cayman Islands
KZ|KAZ|398|Kazakhstan
LA|LAO|418|Laos;Lao People's Democratic Republic;Lao PDR
LB|LBN|422|Lebanon
LC|LCA|662|St. Lucia;Saint Lucia
LI|LIE|438|Liechtenstein
LK|LKA|144|Sri Lanka
LR|LBR|430|Liberia
LS|LSO|426|Lesotho
LT|LTU|440|Lithuania
LU|LUX|442|Luxembourg
LV|LVA|428|Latvia
LY|LBY|434|Libya
MA|MAR|504|Morocco
MC|MCO|492|Monaco
MD|MDA|498|Moldova;Republic of Moldova;Moldova (Republic of)
ME|MNE|499|Montenegro
MF|MAF|663|St. Martin;Saint Martin (French part);Saint-Martin
MG|MDG|450|Madagascar
MH|MHL|584|Marshall Islands
MK|MKD|807|North Macedonia;Macedonia;Republic of North Macedonia
ML|MLI|466|Mali
MM|MMR|104|Myanmar (Burma);Myanmar;Burma
MN|MNG|496|Mongolia
MO|MAC|446|Macao SAR China;Macao;Macau;澳门;澳門
MP|MNP|580|Northern Mariana Islands
MQ|MTQ|474|Martinique
MR|MRT|478|Mauritania
MS|MSR|500|Montserrat
MT|MLT|470|Malta
MU|MUS|480|Mauritius
MV|MDV|462|Maldives
MW|MWI|454|Malawi
MX|MEX|484|Mexico;México
MY|MYS|458|Malaysia;马来西亚
MZ|MOZ|508|Mozambique
NA|NAM|516|Namibia
NC|NCL|540|New Caledonia
NE|NER|562|Niger
NF|NFK|574|Norfolk Island
NG|NGA|566|Nigeria
NI|NIC|558|Nicaragua
NL|NLD|528|Netherlands;Holland;The Netherlands;Nederland
NO|NOR|578|Norway;Norge
NP|NPL|524|Nepal
NR|NRU|520|Nauru
NU|NIU|570|Niue
NZ|NZL|554|New Zealand
OM|OMN|512|Oman
PA|PAN|591|Panama
PE|PER|604|Peru
PF|PYF|258|French Polynesia
PG|PNG|598|Papua New Guinea
PH|PHL|608|Philippines
PK|PAK|586|Pakistan
PL|POL|616|Poland;Polska
PM|SPM|666|St. Pierre & Miquelon;Saint Pierre and Miquelon
PN|PCN|612|Pitcairn Islands;Pitcairn
PR|PRI|630|Puerto Rico
PS|PSE|275|Palestinian Territories;Palestine;State of Palestine
PT|PRT|620|Portugal
PW|PLW|585|Palau
PY|PRY|600|Paraguay
QA|QAT|634|Qatar
RE|REU|638|Réunion;Reunion
RO|ROU|642|Romania
RS|SRB|688|Serbia
RU|RUS|643|Russia;Russian Federation;Россия
RW|RWA|646|Rwanda
SA|SAU|682|Saudi Arabia;KSA
SB|SLB|090|Solomon Islands
SC|SYC|690|Seychelles
SD|SDN|729|Sudan
SE|SWE|752|Sweden;Sverige
SG|SGP|702|Singapore;新加坡
SH|SHN|654|St. Helena;Saint Helena;Saint Helena, Ascension and Tristan da Cunha
SI|SVN|705|Slovenia
SJ|SJM|744|Svalbard & Jan Mayen;Svalbard and Jan Mayen
SK|SVK|703|Slovakia
SL|SLE|694|Sierra Leone
SM|SMR|674|San Marino
SN|SEN|686|Senegal
SO|SOM|706|Somalia
SR|SUR|740|Suriname
SS|SSD|728|South Sudan
ST|STP|678|São Tomé & Príncipe;Sao Tome and Principe
SV|SLV|222|El Salvador
SX|SXM|534|Sint Maarten;Sint Maarten (Dutch part)
SY|SYR|760|Syria;Syrian Arab Republic
SZ|SWZ|748|Eswatini;Swaziland
TC|TCA|796|Turks & Caicos Islands;Turks and Caicos Islands
TD|TCD|148|Chad
TF|ATF|260|French Southern Territories
TG|TGO|768|Togo
TH|THA|764|Thailand;ประเทศไทย
TJ|TJK|762|Tajikistan
TK|TKL|772|Tokelau
TL|TLS|626|Timor-Leste;East Timor
TM|TKM|795|Turkmenistan
TN|TUN|788|Tunisia
TO|TON|776|Tonga
TR|TUR|792|Türkiye;Turkey;Turkiye
TT|TTO|780|Trinidad & Tobago;Trinidad and Tobago
TV|TUV|798|Tuvalu
TW|TWN|158|Taiwan;台湾;台灣
TZ|TZA|834|Tanzania;United Republic of Tanzania;Tanzania, United Republic of
UA|UKR|804|Ukraine
UG|UGA|800|Uganda
UM|UMI|581|U.S. Outlying Islands;United States Minor Outlying Islands
US|USA|840|United States;USA;U.S.A.;U.S.;United States of America;America;美国;美國;アメリカ
UY|URY|858|Uruguay
UZ|UZB|860|Uzbekistan
VA|VAT|336|Vatican City;Holy See;Vatican
VC|VCT|670|St. Vincent & Grenadines;Saint Vincent and the Grenadines
VE|VEN|862|Venezuela;Venezuela (Bolivarian Republic of)
VG|VGB|092|British Virgin Islands;Virgin Islands (British)
VI|VIR|850|U.S. Virgin Islands;Virgin Islands (U.S.);US Virgin Islands
VN|VNM|704|Vietnam;Viet Nam;Việt Nam
VU|VUT|548|Vanuatu
WF|WLF|876|Wallis & Futuna;Wallis and Futuna
WS|WSM|882|Samoa
YE|YEM|887|Yemen
YT|MYT|175|Mayotte
ZA|ZAF|710|South Africa
ZM|ZMB|894|Zambia
ZW|ZWE|716|Zimbabwe
`;

/**
 * One ISO 3166-1 country.
 *
 * @example
 * ```ts
 * const gb: IsoCountry = { alpha2: 'GB', alpha3: 'GBR', numeric: '826', name: 'United Kingdom' };
 * ```
 */
export interface IsoCountry {
  /** ISO 3166-1 alpha-2 code, the form stored by this module. */
  readonly alpha2: string;
  /** ISO 3166-1 alpha-3 code. */
  readonly alpha3: string;
  /** ISO 3166-1 numeric code, three digits. */
  readonly numeric: string;
  /** English short name (CLDR). */
  readonly name: string;
}

interface CountryLookup {
  readonly countries: readonly IsoCountry[];
  readonly byCode: ReadonlyMap<string, string>;
  readonly byName: ReadonlyMap<string, string>;
}

/** The lookup key of a country or region name: lower case, accents and punctuation removed, `St.` = `Saint`. */
export function placeNameKey(name: string): string {
  const words = stripDiacritics(cleanText(name).toLowerCase())
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[.,()\-‐/]/g, ' ')
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => (word === 'st' ? 'saint' : word));
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ');
}

function buildLookup(): CountryLookup {
  const countries: IsoCountry[] = [];
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const line of TABLE.split('\n')) {
    if (line === '') continue;
    const [alpha2, alpha3, numeric, names] = line.split('|') as [string, string, string, string];
    const [name, ...aliases] = names.split(';') as [string, ...string[]];
    countries.push(Object.freeze({ alpha2, alpha3, numeric, name }));
    byCode.set(alpha2, alpha2);
    byCode.set(alpha3, alpha2);
    byCode.set(numeric, alpha2);
    for (const alias of [name, ...aliases]) byName.set(placeNameKey(alias), alpha2);
  }
  // Exceptionally reserved codes in everyday use: UK for GB, EL for GR (European Union usage).
  byCode.set('UK', 'GB');
  byCode.set('EL', 'GR');
  return { countries: Object.freeze(countries), byCode, byName };
}

const LOOKUP: CountryLookup = /* @__PURE__ */ buildLookup();

/**
 * All 249 ISO 3166-1 countries, ordered by alpha-2 code.
 *
 * @example
 * ```ts
 * ISO_COUNTRIES.length //=> 249
 * ISO_COUNTRIES.find((c) => c.alpha2 === 'CN')?.alpha3 //=> 'CHN'
 * ```
 */
export const ISO_COUNTRIES: readonly IsoCountry[] = LOOKUP.countries;

/**
 * Normalises a country to its ISO 3166-1 alpha-2 code. Accepts alpha-2 and alpha-3 codes in any case, numeric codes
 * (`826`, `76` padded to `076`), English names and common aliases (`United States of America`, `UK`, `Great Britain`,
 * `Deutschland`, `Czech Republic`, `Türkiye`/`Turkey`, `中国`, `日本`, `대한민국`...), after width folding,
 * accents and punctuation removal (`St. Lucia` = `Saint Lucia`, `Côte d’Ivoire` = `Cote d'Ivoire`).
 *
 * @example
 * ```ts
 * normalizeCountry('gbr') //=> right('GB')
 * normalizeCountry('United States of America') //=> right('US')
 * normalizeCountry('ＣＮ') //=> right('CN')
 * normalizeCountry('中国') //=> right('CN')
 * normalizeCountry('Atlantis') //=> left({ code: 'unknown-country', message: 'not an ISO 3166-1 code or known country name' })
 * ```
 */
export function normalizeCountry(input: string): E.Either<NormalizationFailure, string> {
  if (typeof input !== 'string') return E.left(failure('not-a-string', 'a country must be a string'));
  if (input.length > 200) return E.left(failure('too-long', 'longer than 200 characters'));
  const text = cleanText(input);
  if (text === '') return E.left(failure('empty', 'the country is empty'));
  if (/^[A-Za-z]{2,3}$/.test(text)) {
    const code = LOOKUP.byCode.get(text.toUpperCase());
    if (code !== undefined) return E.right(code);
  }
  if (/^\d{1,3}$/.test(text)) {
    const code = LOOKUP.byCode.get(text.padStart(3, '0'));
    if (code !== undefined) return E.right(code);
  }
  const byName = LOOKUP.byName.get(placeNameKey(text));
  if (byName !== undefined) return E.right(byName);
  return E.left(failure('unknown-country', 'not an ISO 3166-1 code or known country name'));
}

/**
 * Whether a string is an assigned ISO 3166-1 alpha-2 code (exactly, upper case).
 *
 * @example
 * ```ts
 * isCountryCode('GB') //=> true
 * isCountryCode('UK') //=> false
 * ```
 */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && LOOKUP.byCode.get(code) === code;
}
