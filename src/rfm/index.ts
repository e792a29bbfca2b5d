/**
 * `clientele/rfm`.
 *
 * @module
 */
export {};
