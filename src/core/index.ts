/**
 * `clientele/core`: the shared kernel — time, money, record codecs and validation issues, small statistics,
 * special functions, optimisation and seeded randomness.
 *
 * @module
 */
export * from './issues.js';
export * from './time.js';
export * from './money.js';
export * from './records.js';
export * from './decode.js';
export * from './columnar.js';
export * from './sum.js';
export * from './quantile.js';
export * from './intervals.js';
export * from './special.js';
export * from './optimize.js';
export * from './random.js';
export * from './hyp2f1.js';
export * from './strict-codecs.js';
