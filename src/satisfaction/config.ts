/**
 * Configuration as JSON data: scales, minimum-sample rules, NPS breaks and interval method, CES conventions,
 * quadrant thresholds, complaint SLAs and feedback taxonomies, with io-ts codecs and `decode*` functions built on
 * core `decodeWith` (every issue with its path; never throws; `__proto__`/`constructor`/`prototype` refused).
 *
 * @module
 */
import type { either as E } from 'fp-ts';
import { decodeWith, type ValidationIssue } from '../core/index.js';
import type { CesConvention, CesOptions } from './ces.js';
import type { ComplaintMetricsOptions, ComplaintSla } from './complaints.js';
import {
  checkedCodec,
  nest,
  optionalNumber,
  optionalNumberArray,
  optionalString,
  plainObject,
  type ConfigProblem,
} from './config-checks.js';
import type { CsatOptions } from './csat.js';
import type { KeyDriverOptions, QuadrantThresholds } from './drivers.js';
import type { NpsBreaks, NpsOptions } from './nps.js';
import { resolveScale, scaleProblems, scalePointIndex, type ScaleInput } from './scales.js';
import type { FeedbackCategory, Taxonomy } from './taxonomy.js';
import { compileKeyword } from './text.js';
import type { NetScoreIntervalMethod } from './trinomial.js';
import type { CommonScoreOptions, MinimumSampleRule } from './types.js';

/** Largest number of categories in a taxonomy. */
const MAX_CATEGORIES = 1000;
/** Largest number of keywords (plus exclude phrases) in a taxonomy. */
const MAX_KEYWORDS = 20_000;
/** Longest keyword, in UTF-16 code units. */
const MAX_KEYWORD_LENGTH = 200;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Codec of a scale: `'1-5'` or `{ min, max, step?, direction?, satisfied?, label? }` (unknown keys refused).
 *
 * @example
 * ```ts
 * decodeWith(ScaleCodec, '1-7', 'scale') //=> right('1-7')
 * ```
 */
export const ScaleCodec = checkedCodec<ScaleInput>('scale', scaleProblems, (u) => clone(u as ScaleInput));

function minimumSampleProblems(input: unknown): ConfigProblem[] {
  const { object, problems } = plainObject(input, ['minimumN', 'basis', 'maxMarginOfError', 'smallGroups'], 'minimum-sample rule { minimumN, basis?, maxMarginOfError?, smallGroups? }');
  if (object === undefined) return problems;
  if (object.minimumN === undefined) problems.push({ path: ['minimumN'], expected: 'number ≥ 0 (missing)', value: undefined });
  problems.push(...optionalNumber(object, 'minimumN', (x) => x >= 0, 'number ≥ 0'));
  problems.push(...optionalString(object, 'basis', ['effective', 'responses']));
  problems.push(...optionalNumber(object, 'maxMarginOfError', (x) => x > 0, 'positive number'));
  problems.push(...optionalString(object, 'smallGroups', ['flag', 'suppress']));
  return problems;
}

/**
 * Codec of {@link MinimumSampleRule} (unknown keys refused).
 *
 * @example
 * ```ts
 * decodeWith(MinimumSampleRuleCodec, { minimumN: 30 }, 'rule') //=> right({ minimumN: 30 })
 * ```
 */
export const MinimumSampleRuleCodec = checkedCodec<MinimumSampleRule>('minimum-sample rule', minimumSampleProblems, (u) => clone(u as MinimumSampleRule));

function quadrantProblems(input: unknown): ConfigProblem[] {
  const { object, problems } = plainObject(input, ['importance', 'performance'], 'quadrant thresholds { importance?, performance? }');
  if (object === undefined) return problems;
  if (object.importance !== undefined && object.importance !== 'mean') {
    problems.push(...optionalNumber(object, 'importance', (x) => x >= 0 && x <= 1, "'mean' or a share in [0, 1]"));
  }
  if (object.performance !== undefined && object.performance !== 'mean') {
    problems.push(...optionalNumber(object, 'performance', (x) => x >= 0 && x <= 100, "'mean' or a percent in [0, 100]"));
  }
  return problems;
}

/**
 * Codec of {@link QuadrantThresholds}: `'mean'` or a share in [0, 1] for importance, `'mean'` or a percent in
 * [0, 100] for performance.
 *
 * @example
 * ```ts
 * decodeWith(QuadrantThresholdsCodec, { performance: 120 }, 'quadrant') // left([{ path: 'quadrant.performance', ... }])
 * ```
 */
export const QuadrantThresholdsCodec = checkedCodec<QuadrantThresholds>('quadrant thresholds', quadrantProblems, (u) => clone(u as QuadrantThresholds));

/**
 * Complaint settings as configuration data: SLA targets and backlog age buckets.
 *
 * @example
 * ```ts
 * const settings: ComplaintSettings = { sla: { firstResponseHours: 8, resolutionHours: 72 }, ageBucketsDays: [1, 3, 7, 30] };
 * ```
 */
export interface ComplaintSettings {
  /** SLA targets in hours. */
  readonly sla?: ComplaintSla;
  /** Backlog age bucket boundaries in days, increasing. */
  readonly ageBucketsDays?: readonly number[];
}

function complaintSettingsProblems(input: unknown): ConfigProblem[] {
  const { object, problems } = plainObject(input, ['sla', 'ageBucketsDays'], 'complaint settings { sla?, ageBucketsDays? }');
  if (object === undefined) return problems;
  if (object.sla !== undefined) {
    const sla = plainObject(object.sla, ['firstResponseHours', 'resolutionHours'], 'SLA { firstResponseHours?, resolutionHours? }');
    problems.push(...nest('sla', sla.problems));
    if (sla.object !== undefined) {
      problems.push(...nest('sla', optionalNumber(sla.object, 'firstResponseHours', (x) => x > 0, 'positive number of hours')));
      problems.push(...nest('sla', optionalNumber(sla.object, 'resolutionHours', (x) => x > 0, 'positive number of hours')));
    }
  }
  const buckets = optionalNumberArray(object, 'ageBucketsDays', 100);
  problems.push(...buckets);
  if (buckets.length === 0 && Array.isArray(object.ageBucketsDays)) {
    (object.ageBucketsDays as number[]).forEach((value, i, all) => {
      if (!(value > 0 && (i === 0 || value > all[i - 1]!))) problems.push({ path: ['ageBucketsDays', i], expected: 'positive number greater than the previous one', value });
    });
  }
  return problems;
}

/**
 * Codec of {@link ComplaintSettings}.
 *
 * @example
 * ```ts
 * decodeWith(ComplaintSettingsCodec, { ageBucketsDays: [3, 1] }, 'complaints') // left([{ path: 'complaints.ageBucketsDays[1]', ... }])
 * ```
 */
export const ComplaintSettingsCodec = checkedCodec<ComplaintSettings>('complaint settings', complaintSettingsProblems, (u) => clone(u as ComplaintSettings));

function stringList(value: unknown, key: string, required: boolean, counter: { keywords: number }): ConfigProblem[] {
  if (value === undefined) return required ? [{ path: [key], expected: 'non-empty list of keywords (missing)', value }] : [];
  if (!Array.isArray(value)) return [{ path: [key], expected: 'list of keywords', value }];
  if (required && value.length === 0) return [{ path: [key], expected: 'non-empty list of keywords', value }];
  const problems: ConfigProblem[] = [];
  value.forEach((item: unknown, i) => {
    counter.keywords++;
    if (typeof item !== 'string') problems.push({ path: [key, i], expected: 'keyword string', value: item });
    else if (item.length > MAX_KEYWORD_LENGTH) problems.push({ path: [key, i], expected: `keyword of at most ${MAX_KEYWORD_LENGTH} characters`, value: item });
    else if (compileKeyword(item) === undefined) problems.push({ path: [key, i], expected: 'keyword with at least one character besides spaces and a trailing *', value: item });
  });
  return problems;
}

function taxonomyProblems(input: unknown): ConfigProblem[] {
  const { object, problems } = plainObject(input, ['version', 'categories'], 'taxonomy { version?, categories }');
  if (object === undefined) return problems;
  problems.push(...optionalString(object, 'version'));
  const categories = object.categories;
  if (!Array.isArray(categories)) {
    problems.push({ path: ['categories'], expected: categories === undefined ? 'list of categories (missing)' : 'list of categories', value: categories });
    return problems;
  }
  if (categories.length > MAX_CATEGORIES) return [...problems, { path: ['categories'], expected: `at most ${MAX_CATEGORIES} categories`, value: categories.length }];
  const ids = new Set<string>();
  const counter = { keywords: 0 };
  categories.forEach((category: unknown, i) => {
    const entry = plainObject(category, ['id', 'label', 'keywords', 'exclude'], 'category { id, label?, keywords, exclude? }');
    problems.push(...nest('categories', nest(i, entry.problems)));
    if (entry.object === undefined) return;
    const id = entry.object.id;
    if (!(typeof id === 'string' && id.trim() !== '')) problems.push({ path: ['categories', i, 'id'], expected: 'non-empty string', value: id });
    else if (ids.has(id)) problems.push({ path: ['categories', i, 'id'], expected: 'an id not used by an earlier category', value: id });
    else ids.add(id);
    problems.push(...nest('categories', nest(i, optionalString(entry.object, 'label'))));
    problems.push(...nest('categories', nest(i, stringList(entry.object.keywords, 'keywords', true, counter))));
    problems.push(...nest('categories', nest(i, stringList(entry.object.exclude, 'exclude', false, counter))));
  });
  if (counter.keywords > MAX_KEYWORDS) problems.push({ path: ['categories'], expected: `at most ${MAX_KEYWORDS} keywords in all`, value: counter.keywords });
  return problems;
}

/**
 * Codec of {@link Taxonomy}: unique non-empty ids, at least one usable keyword per category, bounded sizes.
 *
 * @example
 * ```ts
 * decodeWith(TaxonomyCodec, { categories: [{ id: 'price', keywords: ['贵', 'expensive'] }] }, 'taxonomy') // right(...)
 * ```
 */
export const TaxonomyCodec = checkedCodec<Taxonomy>('taxonomy', taxonomyProblems, (u) => {
  const input = u as Taxonomy;
  return {
    ...(input.version === undefined ? {} : { version: input.version }),
    categories: input.categories.map(
      (category): FeedbackCategory => ({
        id: category.id,
        ...(category.label === undefined ? {} : { label: category.label }),
        keywords: [...category.keywords],
        ...(category.exclude === undefined ? {} : { exclude: [...category.exclude] }),
      }),
    ),
  };
});

/**
 * The whole satisfaction configuration as JSON data. Every field is optional; absent fields take the library
 * defaults.
 *
 * @example
 * ```ts
 * const config: SatisfactionConfig = {
 *   version: '3', level: 0.95, minimumSample: { minimumN: 50, smallGroups: 'suppress' }, npsInterval: 'auto',
 *   csatScales: { 'post-purchase': '1-5', support: '1-7' }, cesConvention: 'index',
 *   complaints: { sla: { firstResponseHours: 8 } },
 *   taxonomy: { categories: [{ id: 'delivery', keywords: ['delivery', '快递'] }] },
 * };
 * ```
 */
export interface SatisfactionConfig {
  /** Version label of the configuration. */
  readonly version?: string;
  /** Confidence level of every interval, in (0, 1). Default 0.95. */
  readonly level?: number;
  /** Minimum-sample rule behind `reliable`. Default 30 effective responses, flag. */
  readonly minimumSample?: MinimumSampleRule;
  /** NPS / CES-index interval method. Default `auto`. */
  readonly npsInterval?: NetScoreIntervalMethod;
  /** Effective n below which `auto` uses adjusted-Wald. Default 100. */
  readonly smallSampleThreshold?: number;
  /** NPS category breaks. Default 9 / 6. */
  readonly npsBreaks?: NpsBreaks;
  /** CSAT scale. Default `'1-5'`. */
  readonly csatScale?: ScaleInput;
  /** Named CSAT scales, chosen by each response's `survey`. */
  readonly csatScales?: Readonly<Record<string, ScaleInput>>;
  /** CSAT headline statistic. Default `share`. */
  readonly csatStatistic?: 'share' | 'mean';
  /** CES scale. Default `'1-7'`. */
  readonly cesScale?: ScaleInput;
  /** CES headline convention. Default `mean`. */
  readonly cesConvention?: CesConvention;
  /** CES points counted as easy. */
  readonly cesEasy?: readonly number[];
  /** CES points counted as difficult. */
  readonly cesDifficult?: readonly number[];
  /** CES points counted as agree. */
  readonly cesAgree?: readonly number[];
  /** Scale of the aspect ratings used as key drivers. Default `'1-5'`. */
  readonly driverScale?: ScaleInput;
  /** Importance × performance quadrant thresholds. */
  readonly quadrant?: QuadrantThresholds;
  /** Complaint SLA and backlog settings. */
  readonly complaints?: ComplaintSettings;
  /** Feedback taxonomy. */
  readonly taxonomy?: Taxonomy;
}

const CONFIG_KEYS = [
  'version', 'level', 'minimumSample', 'npsInterval', 'smallSampleThreshold', 'npsBreaks', 'csatScale', 'csatScales',
  'csatStatistic', 'cesScale', 'cesConvention', 'cesEasy', 'cesDifficult', 'cesAgree', 'driverScale', 'quadrant',
  'complaints', 'taxonomy',
];

function configProblems(input: unknown): ConfigProblem[] {
  const { object, problems } = plainObject(input, CONFIG_KEYS, 'satisfaction configuration object');
  if (object === undefined) return problems;
  if (object.version !== undefined && typeof object.version !== 'string') problems.push({ path: ['version'], expected: 'string', value: object.version });
  problems.push(...optionalNumber(object, 'level', (x) => x > 0 && x < 1, 'confidence level in (0, 1)'));
  if (object.minimumSample !== undefined) problems.push(...nest('minimumSample', minimumSampleProblems(object.minimumSample)));
  problems.push(...optionalString(object, 'npsInterval', ['auto', 'wald', 'adjusted-wald']));
  problems.push(...optionalNumber(object, 'smallSampleThreshold', (x) => x >= 0, 'number ≥ 0'));
  if (object.npsBreaks !== undefined) {
    const breaks = plainObject(object.npsBreaks, ['promoterMin', 'detractorMax'], 'NPS breaks { promoterMin, detractorMax }');
    problems.push(...nest('npsBreaks', breaks.problems));
    if (breaks.object !== undefined) {
      const { promoterMin, detractorMax } = breaks.object;
      const valid = Number.isInteger(promoterMin) && Number.isInteger(detractorMax) && (detractorMax as number) >= 0 && (promoterMin as number) <= 10 && (detractorMax as number) < (promoterMin as number);
      if (!valid) problems.push({ path: ['npsBreaks'], expected: 'integers with 0 ≤ detractorMax < promoterMin ≤ 10', value: object.npsBreaks });
    }
  }
  for (const key of ['csatScale', 'cesScale', 'driverScale'] as const) {
    if (object[key] !== undefined) problems.push(...nest(key, scaleProblems(object[key])));
  }
  if (object.csatScales !== undefined) {
    const scales = plainObject(object.csatScales, Object.keys(object.csatScales ?? {}), 'record of named scales');
    problems.push(...nest('csatScales', scales.problems));
    if (scales.object !== undefined) {
      const entries = Object.entries(scales.object);
      if (entries.length === 0) problems.push({ path: ['csatScales'], expected: 'at least one named scale', value: object.csatScales });
      for (const [name, scale] of entries) problems.push(...nest('csatScales', nest(name, scaleProblems(scale))));
    }
  }
  problems.push(...optionalString(object, 'csatStatistic', ['share', 'mean']));
  problems.push(...optionalString(object, 'cesConvention', ['mean', 'index', 'agree']));
  const cesScaleValid = object.cesScale === undefined || scaleProblems(object.cesScale).length === 0;
  const cesScale = cesScaleValid ? resolveScale((object.cesScale as ScaleInput | undefined) ?? '1-7') : undefined;
  for (const key of ['cesEasy', 'cesDifficult', 'cesAgree'] as const) {
    const listProblems = optionalNumberArray(object, key, 1001);
    problems.push(...listProblems);
    if (listProblems.length === 0 && Array.isArray(object[key]) && cesScale !== undefined) {
      (object[key] as number[]).forEach((value, i) => {
        if (scalePointIndex(cesScale, value) < 0) problems.push({ path: [key, i], expected: `a point of the CES scale ${cesScale.label}`, value });
      });
    }
  }
  if (Array.isArray(object.cesEasy) && Array.isArray(object.cesDifficult)) {
    const easy = new Set(object.cesEasy as unknown[]);
    (object.cesDifficult as unknown[]).forEach((value, i) => {
      if (easy.has(value)) problems.push({ path: ['cesDifficult', i], expected: 'a point not also listed as easy', value });
    });
  }
  if (object.quadrant !== undefined) problems.push(...nest('quadrant', quadrantProblems(object.quadrant)));
  if (object.complaints !== undefined) problems.push(...nest('complaints', complaintSettingsProblems(object.complaints)));
  if (object.taxonomy !== undefined) problems.push(...nest('taxonomy', taxonomyProblems(object.taxonomy)));
  return problems;
}

/**
 * Codec of {@link SatisfactionConfig}.
 *
 * @example
 * ```ts
 * decodeWith(SatisfactionConfigCodec, { level: 1.5 }, 'config') // left([{ path: 'config.level', expected: 'confidence level in (0, 1)', ... }])
 * ```
 */
export const SatisfactionConfigCodec = checkedCodec<SatisfactionConfig>('satisfaction configuration', configProblems, (u) => clone(u as SatisfactionConfig));

/**
 * Decodes a scale (`'1-5'` or an object) from untrusted input; issues rooted at `scale`.
 *
 * @example
 * ```ts
 * decodeScale({ min: 1, max: 5, satisfied: [9] })
 * //=> left([{ path: 'scale.satisfied[0]', expected: 'a point of the scale 1-5', received: '9', ... }])
 * ```
 */
export function decodeScale(input: unknown): E.Either<ValidationIssue[], ScaleInput> {
  return decodeWith(ScaleCodec, input, 'scale');
}

/**
 * Decodes a minimum-sample rule; issues rooted at `minimumSample`.
 *
 * @example
 * ```ts
 * decodeMinimumSampleRule({ minimumN: 50, smallGroups: 'suppress' }) //=> right({ minimumN: 50, smallGroups: 'suppress' })
 * ```
 */
export function decodeMinimumSampleRule(input: unknown): E.Either<ValidationIssue[], MinimumSampleRule> {
  return decodeWith(MinimumSampleRuleCodec, input, 'minimumSample');
}

/**
 * Decodes quadrant thresholds; issues rooted at `quadrant`.
 *
 * @example
 * ```ts
 * decodeQuadrantThresholds({ importance: 'mean', performance: 70 }) //=> right({ importance: 'mean', performance: 70 })
 * ```
 */
export function decodeQuadrantThresholds(input: unknown): E.Either<ValidationIssue[], QuadrantThresholds> {
  return decodeWith(QuadrantThresholdsCodec, input, 'quadrant');
}

/**
 * Decodes complaint settings (SLA, age buckets); issues rooted at `complaints`.
 *
 * @example
 * ```ts
 * decodeComplaintSettings({ sla: { firstResponseHours: 0 } })
 * //=> left([{ path: 'complaints.sla.firstResponseHours', expected: 'positive number of hours', ... }])
 * ```
 */
export function decodeComplaintSettings(input: unknown): E.Either<ValidationIssue[], ComplaintSettings> {
  return decodeWith(ComplaintSettingsCodec, input, 'complaints');
}

/**
 * Decodes a feedback taxonomy; issues rooted at `taxonomy`. Keywords are plain strings (no regular
 * expressions), at most 200 characters, 20,000 in all, 1,000 categories.
 *
 * @example
 * ```ts
 * decodeTaxonomy({ categories: [{ id: 'delivery', keywords: ['快递', 'delivery'] }, { id: 'delivery', keywords: [] }] })
 * //=> left([{ path: 'taxonomy.categories[1].id', ... }, { path: 'taxonomy.categories[1].keywords', ... }])
 * ```
 */
export function decodeTaxonomy(input: unknown): E.Either<ValidationIssue[], Taxonomy> {
  return decodeWith(TaxonomyCodec, input, 'taxonomy');
}

/**
 * Decodes the whole satisfaction configuration; issues rooted at `config`.
 *
 * @example
 * ```ts
 * decodeSatisfactionConfig({ level: 0.9, csatScale: '1-7', cesConvention: 'index' })
 * //=> right({ level: 0.9, csatScale: '1-7', cesConvention: 'index' })
 * ```
 */
export function decodeSatisfactionConfig(input: unknown): E.Either<ValidationIssue[], SatisfactionConfig> {
  return decodeWith(SatisfactionConfigCodec, input, 'config');
}

/**
 * Options for every function, derived from a decoded configuration.
 *
 * @example
 * ```ts
 * const options: SatisfactionOptions = optionsFromConfig({ level: 0.9 });
 * options.nps.level //=> 0.9
 * ```
 */
export interface SatisfactionOptions {
  /** Options of `nps`, `npsFromScores`, and trends/breakdowns with `metric: 'nps'`. */
  readonly nps: NpsOptions;
  /** Options of `csat`. */
  readonly csat: CsatOptions;
  /** Options of `ces`. */
  readonly ces: CesOptions;
  /** Options of `keyDrivers`. */
  readonly keyDrivers: KeyDriverOptions;
  /** Options of `complaintMetrics` (add `asOf`). */
  readonly complaints: Omit<ComplaintMetricsOptions, 'asOf'>;
  /** The taxonomy for `categorizeFeedback`, when configured. */
  readonly taxonomy?: Taxonomy;
}

/**
 * Turns a decoded {@link SatisfactionConfig} into the options of each function.
 *
 * @example
 * ```ts
 * const config = decodeSatisfactionConfig(json); // right(...)
 * // const { nps: npsOptions } = optionsFromConfig(config.right);
 * // nps(responses, npsOptions)
 * optionsFromConfig({ npsInterval: 'wald', csatScale: '1-7' }).csat //=> { scale: '1-7' }
 * ```
 */
export function optionsFromConfig(config: SatisfactionConfig): SatisfactionOptions {
  const common: CommonScoreOptions = {
    ...(config.level === undefined ? {} : { level: config.level }),
    ...(config.minimumSample === undefined ? {} : { minimumSample: config.minimumSample }),
  };
  const netScore = {
    ...(config.npsInterval === undefined ? {} : { interval: config.npsInterval }),
    ...(config.smallSampleThreshold === undefined ? {} : { smallSampleThreshold: config.smallSampleThreshold }),
  };
  return {
    nps: { ...common, ...netScore, ...(config.npsBreaks === undefined ? {} : { promoterMin: config.npsBreaks.promoterMin, detractorMax: config.npsBreaks.detractorMax }) },
    csat: {
      ...common,
      ...(config.csatScale === undefined ? {} : { scale: config.csatScale }),
      ...(config.csatScales === undefined ? {} : { scales: config.csatScales }),
      ...(config.csatStatistic === undefined ? {} : { statistic: config.csatStatistic }),
    },
    ces: {
      ...common,
      ...netScore,
      ...(config.cesScale === undefined ? {} : { scale: config.cesScale }),
      ...(config.cesConvention === undefined ? {} : { convention: config.cesConvention }),
      ...(config.cesEasy === undefined ? {} : { easy: config.cesEasy }),
      ...(config.cesDifficult === undefined ? {} : { difficult: config.cesDifficult }),
      ...(config.cesAgree === undefined ? {} : { agree: config.cesAgree }),
    },
    keyDrivers: {
      ...common,
      ...(config.driverScale === undefined ? {} : { driverScale: config.driverScale }),
      ...(config.quadrant === undefined ? {} : { quadrant: config.quadrant }),
    },
    complaints: {
      ...(config.level === undefined ? {} : { level: config.level }),
      ...(config.minimumSample === undefined ? {} : { minimumSample: config.minimumSample }),
      ...(config.complaints?.sla === undefined ? {} : { sla: config.complaints.sla }),
      ...(config.complaints?.ageBucketsDays === undefined ? {} : { ageBucketsDays: config.complaints.ageBucketsDays }),
    },
    ...(config.taxonomy === undefined ? {} : { taxonomy: config.taxonomy }),
  };
}
