/**
 * Preparation of recency-frequency data for maximum-likelihood fitting (library-private): validation, time-unit
 * resolution, compression to weighted unique rows, grouping by x and tables of the distinct ages, so that the
 * likelihoods evaluate each logarithm once per distinct value instead of once per customer.
 *
 * @module
 */
import { compressRecencyFrequency, screenRecencyFrequency, type PurchaseData } from './data.js';
import type { RejectedRows } from './row-screening.js';
import { rankValues } from './ranks.js';
import { timeUnitName, type TimeUnit } from './units.js';

/** Compressed, grouped recency-frequency data of the valid rows, with the rejected rows and their issues. */
export interface PreparedData extends RejectedRows {
  /** Rows sorted by x, then T, then tx. */
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Rows of group g are groupStart[g] … groupStart[g + 1] − 1; groupX[g] is their x. */
  readonly groupStart: Int32Array;
  readonly groupX: Float64Array;
  /** Distinct T values and each row's index into them. */
  readonly ages: Float64Array;
  readonly tIndex: Int32Array;
  /** Distinct tx values and each row's index into them. */
  readonly recencies: Float64Array;
  readonly txIndex: Int32Array;
  /** Sum of weights. */
  readonly observations: number;
  /** Σ w·x / Σ w·T (or 1/mean T when there are no repeat purchases): a scale for starting points. */
  readonly meanRate: number;
  /** Weighted mean T. */
  readonly meanAge: number;
  readonly timeUnit: TimeUnit;
}

function sameUnit(a: TimeUnit, b: TimeUnit): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.days === b.days;
}

/** The data's time unit, checked against an explicit one; throws when neither is known or they differ. */
export function resolveTimeUnit(dataUnit: TimeUnit | undefined, optionUnit: TimeUnit | undefined): TimeUnit {
  if (dataUnit !== undefined && optionUnit !== undefined && !sameUnit(dataUnit, optionUnit)) {
    throw new RangeError(
      `[clientele] the data are in ${timeUnitName(dataUnit)} but options.timeUnit is ${timeUnitName(optionUnit)}`,
    );
  }
  const unit = dataUnit ?? optionUnit;
  if (unit === undefined) {
    throw new RangeError(
      '[clientele] the time unit of the data is unknown: pass options.timeUnit or a calibration summary',
    );
  }
  return unit;
}

/**
 * Screens the rows (invalid ones are left out and reported in `rejected`/`issues`), resolves the time unit
 * (throwing on a conflict or when it is unknown), compresses and groups the valid rows.
 */
export function prepareFit(data: PurchaseData, timeUnit: TimeUnit | undefined): PreparedData {
  const screened = screenRecencyFrequency(data);
  const unit = resolveTimeUnit(screened.valid.timeUnit, timeUnit);
  const c = compressRecencyFrequency(screened.valid);
  const starts: number[] = [];
  const xs: number[] = [];
  for (let i = 0; i < c.x.length; i++) {
    if (i === 0 || c.x[i] !== c.x[i - 1]) {
      starts.push(i);
      xs.push(c.x[i]!);
    }
  }
  starts.push(c.x.length);
  let observations = 0;
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < c.x.length; i++) {
    observations += c.weight[i]!;
    purchases += c.weight[i]! * c.x[i]!;
    exposure += c.weight[i]! * c.T[i]!;
  }
  const meanAge = observations > 0 ? exposure / observations : 0;
  const meanRate = purchases > 0 && exposure > 0 ? purchases / exposure : 1 / Math.max(meanAge, 1);
  const ages = rankValues(c.T);
  const recencies = rankValues(c.tx);
  return {
    x: c.x,
    tx: c.tx,
    T: c.T,
    weight: c.weight,
    groupStart: Int32Array.from(starts),
    groupX: Float64Array.from(xs),
    ages: ages.table,
    tIndex: ages.rank,
    recencies: recencies.table,
    txIndex: recencies.rank,
    observations,
    meanRate,
    meanAge: meanAge > 0 ? meanAge : 1,
    timeUnit: unit,
    rejected: screened.rejected,
    issues: screened.issues,
  };
}
