/**
 * `clientele/profile`.
 *
 * @module
 */
export {};
