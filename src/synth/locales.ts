/**
 * Country data the generator draws profiles from: names (with romanisations for Chinese and Japanese), regions with
 * ISO 3166-2 codes, cities with postal codes and landline area codes, mobile prefixes, e-mail domains, languages and
 * a fixed UTC offset for shopping hours. Phone numbers are built to be valid for their country (checked with
 * libphonenumber in the tests).
 *
 * @module
 */

/**
 * A name in its own script and its Latin spelling (the same for Latin-script names).
 *
 * @example
 * ```ts
 * const name: LocalName = { native: '王', latin: 'Wang' };
 * ```
 */
export interface LocalName {
  /** The name as written in the person's script. */
  readonly native: string;
  /** The Latin spelling (pinyin, Hepburn romaji), with diacritics where the language has them. */
  readonly latin: string;
}

/**
 * How postal codes of a city look: a numeric range (`width` digits, optional `dash` position), British outward codes
 * with a random inward code, or Dutch four digits plus two letters.
 *
 * @example
 * ```ts
 * const berlin: PostalFormat = { kind: 'numeric', from: 10115, to: 14199, width: 5 };
 * ```
 */
export type PostalFormat =
  | { readonly kind: 'numeric'; readonly from: number; readonly to: number; readonly width: number; readonly dash?: number }
  | { readonly kind: 'gb'; readonly outward: readonly string[] }
  | { readonly kind: 'nl'; readonly from: number; readonly to: number };

/**
 * A city with its postal codes and the landline numbering of its stores.
 *
 * @example
 * ```ts
 * const city: CityData = { name: 'Berlin', latin: 'Berlin', postal: { kind: 'numeric', from: 10115, to: 14199, width: 5 }, area: '30', subscriberDigits: 8 };
 * ```
 */
export interface CityData {
  /** City name as locals write it. */
  readonly name: string;
  /** Latin spelling. */
  readonly latin: string;
  /** Postal code format. */
  readonly postal: PostalFormat;
  /** Landline area code (national significant digits, without trunk prefix; Italian codes keep their 0). */
  readonly area: string;
  /** Digits of a landline subscriber number after the area code. */
  readonly subscriberDigits: number;
  /** Digits a landline subscriber number may start with (default 2-8). */
  readonly subscriberLead?: string;
}

/**
 * A first-level subdivision with its ISO 3166-2 code.
 *
 * @example
 * ```ts
 * const region: RegionData = { name: 'Bayern', latin: 'Bavaria', code: 'DE-BY', weight: 2, cities: [] };
 * ```
 */
export interface RegionData {
  /** Name as locals write it. */
  readonly name: string;
  /** English / Latin name. */
  readonly latin: string;
  /** ISO 3166-2 code. */
  readonly code: string;
  /** Relative share of the country's customers. */
  readonly weight: number;
  /** Cities of the region. */
  readonly cities: readonly CityData[];
}

/**
 * Everything the generator knows about a country.
 *
 * @example
 * ```ts
 * COUNTRIES[0]!.code //=> 'DE'
 * ```
 */
export interface CountryData {
  /** ISO 3166-1 alpha-2 code. */
  readonly code: string;
  /** Spellings other systems use (English name, own name). */
  readonly names: readonly string[];
  /** Relative share of the customer base. */
  readonly weight: number;
  /** Fixed offset of local time from UTC in hours (no daylight saving; shapes shopping hours only). */
  readonly utcOffsetHours: number;
  /** Main language (BCP 47 primary tag). */
  readonly language: string;
  /** International calling code. */
  readonly callingCode: string;
  /** National trunk prefix ('' when numbers are dialled as they are). */
  readonly trunk: string;
  /** Mobile prefixes (national significant digits) with the number of digits that follow. */
  readonly mobile: readonly (readonly [prefix: string, digits: number])[];
  /** Name script: Latin, Chinese (family name first, no space) or Japanese (family name first). */
  readonly script: 'latin' | 'zh' | 'ja';
  /** Female given names. */
  readonly femaleNames: readonly LocalName[];
  /** Male given names. */
  readonly maleNames: readonly LocalName[];
  /** Family names. */
  readonly familyNames: readonly LocalName[];
  /** Titles and honorifics (prefixes for Latin names, suffixes for Chinese and Japanese ones). */
  readonly honorifics: { readonly female: string; readonly male: string; readonly other: string };
  /** E-mail domains with relative weights. */
  readonly emailDomains: readonly (readonly [domain: string, weight: number])[];
  /** Regions. */
  readonly regions: readonly RegionData[];
}

const latin = (names: string): LocalName[] => names.split(',').map((n) => ({ native: n.trim(), latin: n.trim() }));
const paired = (pairs: string): LocalName[] =>
  pairs.split(',').map((pair) => {
    const [native, romanised] = pair.trim().split(':');
    return { native: native!, latin: romanised! };
  });
const num = (from: number, to: number, width: number, dash?: number): PostalFormat =>
  dash === undefined ? { kind: 'numeric', from, to, width } : { kind: 'numeric', from, to, width, dash };
const city = (
  name: string,
  latinName: string,
  postal: PostalFormat,
  area: string,
  subscriberDigits: number,
  subscriberLead?: string,
): CityData => ({ name, latin: latinName, postal, area, subscriberDigits, ...(subscriberLead === undefined ? {} : { subscriberLead }) });

/**
 * The countries of generated customers, in a fixed order (the order is part of the seeded output).
 *
 * @example
 * ```ts
 * COUNTRIES.map((c) => c.code) //=> ['DE', 'FR', 'GB', 'NL', 'ES', 'IT', 'US', 'CN', 'JP']
 * ```
 */
export const COUNTRIES: readonly CountryData[] = [
  {
    code: 'DE',
    names: ['Germany', 'Deutschland'],
    weight: 28,
    utcOffsetHours: 1,
    language: 'de',
    callingCode: '49',
    trunk: '0',
    mobile: [['151', 8], ['152', 8], ['157', 8], ['160', 7], ['170', 7], ['171', 7], ['172', 7], ['175', 7], ['176', 8], ['177', 8], ['178', 8], ['179', 7]],
    script: 'latin',
    femaleNames: latin('Anna,Maria,Sophie,Laura,Julia,Lena,Katharina,Sarah,Lisa,Hannah,Johanna,Sabine,Petra,Claudia,Monika,Ursula,Jana,Franziska,Charlotte,Emilia'),
    maleNames: latin('Thomas,Michael,Andreas,Stefan,Jan,Lukas,Jonas,Felix,Maximilian,Alexander,Jürgen,Klaus,Wolfgang,Matthias,Tobias,Florian,Sebastian,Paul,Leon,Uwe'),
    familyNames: latin(
      'Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,Bauer,Richter,Klein,Wolf,Schröder,Neumann,Schwarz,Zimmermann,Braun,Krüger,Hofmann,Hartmann,Lange,Schmitt,Werner,Krause,Meier,Lehmann,Köhler,Weiß,Jäger,Groß',
    ),
    honorifics: { female: 'Frau', male: 'Herr', other: 'Dr.' },
    emailDomains: [['gmail.com', 30], ['web.de', 20], ['gmx.de', 20], ['t-online.de', 10], ['outlook.com', 10], ['yahoo.de', 5], ['icloud.com', 5]],
    regions: [
      { name: 'Berlin', latin: 'Berlin', code: 'DE-BE', weight: 5, cities: [city('Berlin', 'Berlin', num(10115, 14199, 5), '30', 8)] },
      {
        name: 'Bayern',
        latin: 'Bavaria',
        code: 'DE-BY',
        weight: 6,
        cities: [city('München', 'Munich', num(80331, 81929, 5), '89', 8), city('Nürnberg', 'Nuremberg', num(90402, 90491, 5), '911', 7)],
      },
      { name: 'Hamburg', latin: 'Hamburg', code: 'DE-HH', weight: 3, cities: [city('Hamburg', 'Hamburg', num(20095, 22769, 5), '40', 8)] },
      {
        name: 'Nordrhein-Westfalen',
        latin: 'North Rhine-Westphalia',
        code: 'DE-NW',
        weight: 7,
        cities: [city('Köln', 'Cologne', num(50667, 51149, 5), '221', 7), city('Düsseldorf', 'Dusseldorf', num(40210, 40629, 5), '211', 7)],
      },
      { name: 'Hessen', latin: 'Hesse', code: 'DE-HE', weight: 3, cities: [city('Frankfurt am Main', 'Frankfurt', num(60306, 60599, 5), '69', 8)] },
    ],
  },
  {
    code: 'FR',
    names: ['France', 'République française'],
    weight: 14,
    utcOffsetHours: 1,
    language: 'fr',
    callingCode: '33',
    trunk: '0',
    mobile: [['61', 7], ['62', 7], ['64', 7], ['65', 7], ['66', 7], ['67', 7], ['68', 7], ['73', 7], ['75', 7], ['76', 7], ['77', 7], ['78', 7]],
    script: 'latin',
    femaleNames: latin('Marie,Camille,Léa,Chloé,Manon,Emma,Inès,Sarah,Julie,Claire,Nathalie,Isabelle,Sophie,Céline,Élodie,Aurélie,Juliette,Louise,Anaïs,Margaux'),
    maleNames: latin('Jean,Pierre,Nicolas,Julien,Thomas,Antoine,Lucas,Hugo,Louis,Mathieu,François,Philippe,Olivier,Sébastien,Théo,Maxime,Alexandre,Guillaume,Étienne,Rémi'),
    familyNames: latin(
      'Martin,Bernard,Dubois,Thomas,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Lefèvre,Michel,Garcia,David,Bertrand,Roux,Vincent,Fournier,Morel,Girard,André,Mercier,Dupont,Lambert,Bonnet,François',
    ),
    honorifics: { female: 'Mme', male: 'M.', other: 'Dr' },
    emailDomains: [['gmail.com', 35], ['orange.fr', 20], ['free.fr', 15], ['hotmail.fr', 15], ['laposte.net', 10], ['outlook.fr', 5]],
    regions: [
      { name: 'Île-de-France', latin: 'Ile-de-France', code: 'FR-IDF', weight: 6, cities: [city('Paris', 'Paris', num(75001, 75020, 5), '1', 8)] },
      { name: 'Auvergne-Rhône-Alpes', latin: 'Auvergne-Rhone-Alpes', code: 'FR-ARA', weight: 3, cities: [city('Lyon', 'Lyon', num(69001, 69009, 5), '4', 8)] },
      {
        name: "Provence-Alpes-Côte d'Azur",
        latin: "Provence-Alpes-Cote d'Azur",
        code: 'FR-PAC',
        weight: 3,
        cities: [city('Marseille', 'Marseille', num(13001, 13016, 5), '4', 8), city('Nice', 'Nice', num(6000, 6300, 5), '4', 8)],
      },
      { name: 'Occitanie', latin: 'Occitania', code: 'FR-OCC', weight: 2, cities: [city('Toulouse', 'Toulouse', num(31000, 31500, 5), '5', 8)] },
    ],
  },
  {
    code: 'GB',
    names: ['United Kingdom', 'UK', 'Great Britain'],
    weight: 12,
    utcOffsetHours: 0,
    language: 'en',
    callingCode: '44',
    trunk: '0',
    mobile: [['7400', 6], ['7411', 6], ['7456', 6], ['7522', 6], ['7710', 6], ['7712', 6], ['7780', 6], ['7812', 6], ['7900', 6], ['7920', 6], ['7956', 6], ['7981', 6]],
    script: 'latin',
    femaleNames: latin('Olivia,Amelia,Isla,Emily,Sophie,Jessica,Charlotte,Lucy,Hannah,Grace,Chloe,Ella,Emma,Sarah,Rebecca,Laura,Rachel,Katie,Megan,Zoe'),
    maleNames: latin('Oliver,George,Harry,Jack,Jacob,Charlie,Thomas,James,William,Daniel,Matthew,David,Andrew,Christopher,Michael,Joseph,Samuel,Benjamin,Ryan,Liam'),
    familyNames: latin(
      "Smith,Jones,Williams,Taylor,Brown,Davies,Evans,Wilson,Thomas,Johnson,Roberts,Robinson,Thompson,Wright,Walker,White,Edwards,Hughes,Green,Hall,Lewis,Harris,Clarke,Patel,Jackson,Wood,Turner,Cooper,Hill,O'Brien,McDonald",
    ),
    honorifics: { female: 'Mrs', male: 'Mr', other: 'Dr' },
    emailDomains: [['gmail.com', 35], ['hotmail.co.uk', 20], ['outlook.com', 15], ['btinternet.com', 10], ['yahoo.co.uk', 10], ['icloud.com', 10]],
    regions: [
      {
        name: 'England',
        latin: 'England',
        code: 'GB-ENG',
        weight: 8,
        cities: [
          city('London', 'London', { kind: 'gb', outward: ['E1', 'N1', 'NW3', 'SE1', 'SW1A', 'SW11', 'W1D', 'WC2N', 'EC1A'] }, '20', 8, '378'),
          city('Manchester', 'Manchester', { kind: 'gb', outward: ['M1', 'M2', 'M4', 'M14', 'M20'] }, '161', 7),
          city('Birmingham', 'Birmingham', { kind: 'gb', outward: ['B1', 'B2', 'B5', 'B15', 'B30'] }, '121', 7, '234567'),
        ],
      },
      {
        name: 'Scotland',
        latin: 'Scotland',
        code: 'GB-SCT',
        weight: 2,
        cities: [
          city('Edinburgh', 'Edinburgh', { kind: 'gb', outward: ['EH1', 'EH3', 'EH8', 'EH10'] }, '131', 7),
          city('Glasgow', 'Glasgow', { kind: 'gb', outward: ['G1', 'G2', 'G12', 'G41'] }, '141', 7),
        ],
      },
      { name: 'Wales', latin: 'Wales', code: 'GB-WLS', weight: 1, cities: [city('Cardiff', 'Cardiff', { kind: 'gb', outward: ['CF10', 'CF11', 'CF24'] }, '29', 8, '2')] },
    ],
  },
  {
    code: 'NL',
    names: ['Netherlands', 'Nederland', 'The Netherlands'],
    weight: 8,
    utcOffsetHours: 1,
    language: 'nl',
    callingCode: '31',
    trunk: '0',
    mobile: [['61', 7], ['62', 7], ['64', 7], ['65', 7]],
    script: 'latin',
    femaleNames: latin('Emma,Julia,Sophie,Lotte,Anna,Sanne,Lisa,Fleur,Eva,Iris,Femke,Anouk,Noor,Lieke,Marloes,Inge,Esther,Ilse,Maud,Roos'),
    maleNames: latin('Daan,Sem,Lucas,Jesse,Thijs,Bram,Ruben,Lars,Niels,Sven,Jeroen,Bas,Joost,Pieter,Wouter,Martijn,Koen,Tim,Stijn,Rick'),
    familyNames: latin(
      'de Jong,Jansen,de Vries,van den Berg,van Dijk,Bakker,Janssen,Visser,Smit,Meijer,de Boer,Mulder,de Groot,Bos,Vos,Peters,Hendriks,van Leeuwen,Dekker,Brouwer,de Wit,Dijkstra,Smits,de Graaf,van der Meer',
    ),
    honorifics: { female: 'Mevr.', male: 'Dhr.', other: 'Dr.' },
    emailDomains: [['gmail.com', 35], ['hotmail.nl', 20], ['ziggo.nl', 15], ['kpnmail.nl', 10], ['outlook.com', 15], ['live.nl', 5]],
    regions: [
      { name: 'Noord-Holland', latin: 'North Holland', code: 'NL-NH', weight: 4, cities: [city('Amsterdam', 'Amsterdam', { kind: 'nl', from: 1011, to: 1109 }, '20', 7)] },
      {
        name: 'Zuid-Holland',
        latin: 'South Holland',
        code: 'NL-ZH',
        weight: 4,
        cities: [
          city('Rotterdam', 'Rotterdam', { kind: 'nl', from: 3011, to: 3089 }, '10', 7),
          city('Den Haag', 'The Hague', { kind: 'nl', from: 2491, to: 2599 }, '70', 7),
        ],
      },
      { name: 'Utrecht', latin: 'Utrecht', code: 'NL-UT', weight: 2, cities: [city('Utrecht', 'Utrecht', { kind: 'nl', from: 3511, to: 3585 }, '30', 7)] },
    ],
  },
  {
    code: 'ES',
    names: ['Spain', 'España'],
    weight: 8,
    utcOffsetHours: 1,
    language: 'es',
    callingCode: '34',
    trunk: '',
    mobile: [['6', 8]],
    script: 'latin',
    femaleNames: latin('María,Lucía,Sofía,Martina,Paula,Julia,Carmen,Laura,Marta,Ana,Elena,Isabel,Cristina,Raquel,Nuria,Alba,Irene,Sara,Andrea,Pilar'),
    maleNames: latin('Hugo,Martín,Lucas,Mateo,Daniel,Pablo,Alejandro,Álvaro,Javier,Sergio,Carlos,José,Antonio,Manuel,David,Jorge,Adrián,Diego,Raúl,Iván'),
    familyNames: latin(
      'García,Rodríguez,González,Fernández,López,Martínez,Sánchez,Pérez,Gómez,Martín,Jiménez,Ruiz,Hernández,Díaz,Moreno,Muñoz,Álvarez,Romero,Alonso,Gutiérrez,Navarro,Torres,Domínguez,Vázquez,Ramos',
    ),
    honorifics: { female: 'Sra.', male: 'Sr.', other: 'Dr.' },
    emailDomains: [['gmail.com', 40], ['hotmail.es', 25], ['yahoo.es', 15], ['outlook.es', 15], ['telefonica.net', 5]],
    regions: [
      { name: 'Comunidad de Madrid', latin: 'Madrid', code: 'ES-MD', weight: 4, cities: [city('Madrid', 'Madrid', num(28001, 28055, 5), '91', 7)] },
      { name: 'Cataluña', latin: 'Catalonia', code: 'ES-CT', weight: 4, cities: [city('Barcelona', 'Barcelona', num(8001, 8042, 5), '93', 7)] },
      { name: 'Comunidad Valenciana', latin: 'Valencia', code: 'ES-VC', weight: 2, cities: [city('València', 'Valencia', num(46001, 46026, 5), '96', 7)] },
      { name: 'Andalucía', latin: 'Andalusia', code: 'ES-AN', weight: 2, cities: [city('Sevilla', 'Seville', num(41001, 41020, 5), '95', 7)] },
    ],
  },
  {
    code: 'IT',
    names: ['Italy', 'Italia'],
    weight: 8,
    utcOffsetHours: 1,
    language: 'it',
    callingCode: '39',
    trunk: '',
    mobile: [['320', 7], ['328', 7], ['333', 7], ['339', 7], ['340', 7], ['347', 7], ['348', 7], ['349', 7], ['366', 7], ['389', 7]],
    script: 'latin',
    femaleNames: latin('Giulia,Sofia,Aurora,Alice,Ginevra,Emma,Giorgia,Beatrice,Chiara,Francesca,Martina,Sara,Valentina,Federica,Elena,Silvia,Laura,Anna,Paola,Alessia'),
    maleNames: latin('Leonardo,Francesco,Alessandro,Lorenzo,Mattia,Andrea,Gabriele,Riccardo,Tommaso,Marco,Luca,Giuseppe,Giovanni,Antonio,Matteo,Davide,Stefano,Paolo,Roberto,Simone'),
    familyNames: latin(
      'Rossi,Russo,Ferrari,Esposito,Bianchi,Romano,Colombo,Ricci,Marino,Greco,Bruno,Gallo,Conti,De Luca,Mancini,Costa,Giordano,Rizzo,Lombardi,Moretti,Barbieri,Fontana,Santoro,Mariani,Rinaldi',
    ),
    honorifics: { female: 'Sig.ra', male: 'Sig.', other: 'Dott.' },
    emailDomains: [['gmail.com', 40], ['libero.it', 20], ['hotmail.it', 15], ['virgilio.it', 10], ['yahoo.it', 10], ['alice.it', 5]],
    regions: [
      { name: 'Lazio', latin: 'Lazio', code: 'IT-62', weight: 3, cities: [city('Roma', 'Rome', num(118, 199, 5), '06', 8)] },
      { name: 'Lombardia', latin: 'Lombardy', code: 'IT-25', weight: 4, cities: [city('Milano', 'Milan', num(20121, 20162, 5), '02', 8)] },
      { name: 'Campania', latin: 'Campania', code: 'IT-72', weight: 2, cities: [city('Napoli', 'Naples', num(80121, 80147, 5), '081', 7)] },
      { name: 'Piemonte', latin: 'Piedmont', code: 'IT-21', weight: 2, cities: [city('Torino', 'Turin', num(10121, 10156, 5), '011', 7)] },
    ],
  },
  {
    code: 'US',
    names: ['United States', 'USA', 'United States of America'],
    weight: 8,
    utcOffsetHours: -6,
    language: 'en',
    callingCode: '1',
    trunk: '1',
    mobile: [['212', 7], ['347', 7], ['415', 7], ['646', 7], ['312', 7], ['617', 7], ['206', 7], ['213', 7], ['310', 7]],
    script: 'latin',
    femaleNames: latin('Emily,Jessica,Ashley,Sarah,Jennifer,Amanda,Elizabeth,Megan,Hannah,Olivia,Madison,Abigail,Ava,Mia,Emma,Samantha,Lauren,Rachel,Nicole,Brittany'),
    maleNames: latin('Michael,Christopher,Matthew,Joshua,David,James,Daniel,Robert,John,Joseph,Andrew,Ryan,Brandon,Jason,Justin,William,Ethan,Noah,Tyler,Kevin'),
    familyNames: latin(
      'Smith,Johnson,Williams,Brown,Jones,Garcia,Miller,Davis,Rodriguez,Martinez,Hernandez,Lopez,Gonzalez,Wilson,Anderson,Thomas,Taylor,Moore,Jackson,Martin,Lee,Nguyen,Kim,Chen,Clark',
    ),
    honorifics: { female: 'Ms.', male: 'Mr.', other: 'Dr.' },
    emailDomains: [['gmail.com', 45], ['yahoo.com', 15], ['outlook.com', 15], ['icloud.com', 15], ['aol.com', 5], ['hotmail.com', 5]],
    regions: [
      { name: 'New York', latin: 'New York', code: 'US-NY', weight: 3, cities: [city('New York', 'New York', num(10001, 10282, 5), '212', 7)] },
      {
        name: 'California',
        latin: 'California',
        code: 'US-CA',
        weight: 4,
        cities: [
          city('San Francisco', 'San Francisco', num(94102, 94134, 5), '415', 7),
          city('Los Angeles', 'Los Angeles', num(90001, 90089, 5), '213', 7),
        ],
      },
      { name: 'Illinois', latin: 'Illinois', code: 'US-IL', weight: 2, cities: [city('Chicago', 'Chicago', num(60601, 60661, 5), '312', 7)] },
      { name: 'Massachusetts', latin: 'Massachusetts', code: 'US-MA', weight: 1, cities: [city('Boston', 'Boston', num(2108, 2137, 5), '617', 7)] },
      { name: 'Washington', latin: 'Washington', code: 'US-WA', weight: 1, cities: [city('Seattle', 'Seattle', num(98101, 98199, 5), '206', 7)] },
    ],
  },
  {
    code: 'CN',
    names: ['China', '中国', "People's Republic of China"],
    weight: 9,
    utcOffsetHours: 8,
    language: 'zh',
    callingCode: '86',
    trunk: '0',
    mobile: [['130', 8], ['135', 8], ['136', 8], ['138', 8], ['139', 8], ['150', 8], ['152', 8], ['158', 8], ['177', 8], ['186', 8], ['188', 8], ['199', 8]],
    script: 'zh',
    femaleNames: paired('芳:Fang,娜:Na,敏:Min,静:Jing,丽:Li,艳:Yan,娟:Juan,霞:Xia,秀英:Xiuying,桂英:Guiying,婷:Ting,雪:Xue,慧:Hui,晶:Jing,欣怡:Xinyi,梓涵:Zihan'),
    maleNames: paired('伟:Wei,强:Qiang,磊:Lei,军:Jun,洋:Yang,勇:Yong,杰:Jie,涛:Tao,明:Ming,超:Chao,刚:Gang,平:Ping,浩然:Haoran,子轩:Zixuan,宇:Yu,鹏:Peng'),
    familyNames: paired(
      '王:Wang,李:Li,张:Zhang,刘:Liu,陈:Chen,杨:Yang,黄:Huang,赵:Zhao,吴:Wu,周:Zhou,徐:Xu,孙:Sun,马:Ma,朱:Zhu,胡:Hu,郭:Guo,何:He,林:Lin,罗:Luo,高:Gao',
    ),
    honorifics: { female: '女士', male: '先生', other: '博士' },
    emailDomains: [['qq.com', 35], ['163.com', 25], ['126.com', 10], ['gmail.com', 10], ['sina.com', 10], ['outlook.com', 10]],
    regions: [
      { name: '北京市', latin: 'Beijing', code: 'CN-BJ', weight: 3, cities: [city('北京', 'Beijing', num(100000, 102600, 6), '10', 8, '234567')] },
      { name: '上海市', latin: 'Shanghai', code: 'CN-SH', weight: 3, cities: [city('上海', 'Shanghai', num(200000, 202100, 6), '21', 8, '234567')] },
      {
        name: '广东省',
        latin: 'Guangdong',
        code: 'CN-GD',
        weight: 3,
        cities: [city('广州', 'Guangzhou', num(510000, 511400, 6), '20', 8, '234567'), city('深圳', 'Shenzhen', num(518000, 518100, 6), '755', 8, '234567')],
      },
      { name: '浙江省', latin: 'Zhejiang', code: 'CN-ZJ', weight: 2, cities: [city('杭州', 'Hangzhou', num(310000, 311100, 6), '571', 8, '234567')] },
    ],
  },
  {
    code: 'JP',
    names: ['Japan', '日本'],
    weight: 5,
    utcOffsetHours: 9,
    language: 'ja',
    callingCode: '81',
    trunk: '0',
    mobile: [['90', 8], ['80', 8], ['70', 8]],
    script: 'ja',
    femaleNames: paired('花子:Hanako,陽子:Yōko,恵子:Keiko,美咲:Misaki,由美:Yumi,愛:Ai,直美:Naomi,裕子:Yūko,さくら:Sakura,結衣:Yui'),
    maleNames: paired('太郎:Tarō,健:Ken,翔:Shō,大輔:Daisuke,誠:Makoto,拓也:Takuya,浩:Hiroshi,学:Manabu,蓮:Ren,悠真:Yūma'),
    familyNames: paired('佐藤:Satō,鈴木:Suzuki,高橋:Takahashi,田中:Tanaka,伊藤:Itō,渡辺:Watanabe,山本:Yamamoto,中村:Nakamura,小林:Kobayashi,加藤:Katō,吉田:Yoshida,山田:Yamada'),
    honorifics: { female: '様', male: '様', other: '様' },
    emailDomains: [['gmail.com', 35], ['yahoo.co.jp', 25], ['docomo.ne.jp', 15], ['icloud.com', 15], ['ezweb.ne.jp', 10]],
    regions: [
      { name: '東京都', latin: 'Tokyo', code: 'JP-13', weight: 4, cities: [city('東京', 'Tokyo', num(1000001, 1900000, 7, 3), '3', 8)] },
      { name: '大阪府', latin: 'Osaka', code: 'JP-27', weight: 2, cities: [city('大阪', 'Osaka', num(5300001, 5900000, 7, 3), '6', 8)] },
      { name: '神奈川県', latin: 'Kanagawa', code: 'JP-14', weight: 2, cities: [city('横浜', 'Yokohama', num(2200001, 2470000, 7, 3), '45', 7)] },
      { name: '愛知県', latin: 'Aichi', code: 'JP-23', weight: 1, cities: [city('名古屋', 'Nagoya', num(4500001, 4690000, 7, 3), '52', 7)] },
    ],
  },
];

/**
 * Cumulative country weights (normalised to end at 1), aligned with {@link COUNTRIES}, for fast sampling.
 *
 * @example
 * ```ts
 * COUNTRY_CUMULATIVE_WEIGHTS[COUNTRY_CUMULATIVE_WEIGHTS.length - 1] //=> 1
 * ```
 */
export const COUNTRY_CUMULATIVE_WEIGHTS: readonly number[] = (() => {
  const total = COUNTRIES.reduce((sum, c) => sum + c.weight, 0);
  let running = 0;
  return COUNTRIES.map((c, i) => {
    running += c.weight;
    return i === COUNTRIES.length - 1 ? 1 : running / total;
  });
})();

/**
 * Occupations (English labels) and their relative weights for working-age adults.
 *
 * @example
 * ```ts
 * OCCUPATIONS.includes('engineer') //=> true
 * ```
 */
export const OCCUPATIONS: readonly string[] = [
  'office employee',
  'manager',
  'self-employed',
  'teacher',
  'engineer',
  'nurse',
  'sales associate',
  'civil servant',
  'IT specialist',
  'craftsperson',
  'physician',
  'homemaker',
  'artist',
  'unemployed',
];

/**
 * Acquisition channels of a person's first purchase with relative weights.
 *
 * @example
 * ```ts
 * ACQUISITION_CHANNELS[0] //=> ['organic search', 25]
 * ```
 */
export const ACQUISITION_CHANNELS: readonly (readonly [channel: string, weight: number])[] = [
  ['organic search', 25],
  ['paid search', 20],
  ['social', 15],
  ['referral', 10],
  ['email', 5],
  ['marketplace', 10],
  ['store', 10],
  ['affiliate', 5],
];

/**
 * Consent purposes with the probabilities of granted and denied (the rest is unknown) at signup.
 *
 * @example
 * ```ts
 * CONSENT_PURPOSES.map((p) => p.purpose) //=> ['email-marketing', 'sms-marketing', 'profiling', 'third-party-sharing']
 * ```
 */
export const CONSENT_PURPOSES: readonly { readonly purpose: string; readonly granted: number; readonly denied: number }[] = [
  { purpose: 'email-marketing', granted: 0.55, denied: 0.3 },
  { purpose: 'sms-marketing', granted: 0.25, denied: 0.5 },
  { purpose: 'profiling', granted: 0.45, denied: 0.35 },
  { purpose: 'third-party-sharing', granted: 0.1, denied: 0.7 },
];

/**
 * Junk e-mail addresses people and clerks type to get past a form.
 *
 * @example
 * ```ts
 * JUNK_EMAILS[0] //=> 'test@test.com'
 * ```
 */
export const JUNK_EMAILS: readonly string[] = ['test@test.com', 'noemail@noemail.com', 'none@none.com', 'a@a.com', 'no@email.com', 'xxx@xxx.com'];

/**
 * Junk phone values (all-zero or dummy digits, placeholders).
 *
 * @example
 * ```ts
 * JUNK_PHONES[0] //=> '000000'
 * ```
 */
export const JUNK_PHONES: readonly string[] = ['000000', '0000000000', '123456', '1234567890', '-', 'n/a', '0'];
