/**
 * `clientele/synth`.
 *
 * @module
 */
export {};
