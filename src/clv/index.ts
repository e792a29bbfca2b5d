/**
 * `clientele/clv`: customer-lifetime value and "buy till you die" models.
 *
 * @module
 */
export * from './units.js';
export * from './fit.js';
