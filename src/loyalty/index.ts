/**
 * `clientele/loyalty`.
 *
 * @module
 */
export {};
