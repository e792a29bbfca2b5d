/**
 * `clientele/satisfaction`.
 *
 * @module
 */
export {};
