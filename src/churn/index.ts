/**
 * `clientele/churn`.
 *
 * @module
 */
export {};
