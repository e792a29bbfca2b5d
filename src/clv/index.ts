/**
 * `clientele/clv`.
 *
 * @module
 */
export {};
