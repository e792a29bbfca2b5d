/**
 * `clientele`: the root entry re-exports every module as a namespace (`core`, `profile`, `rfm`, `clv`, `loyalty`,
 * `satisfaction`, `churn`, `synth`). Import a subpath such as `clientele/rfm` for the smallest bundles.
 *
 * @module
 */
export * as core from './core/index.js';
export * as profile from './profile/index.js';
export * as rfm from './rfm/index.js';
export * as clv from './clv/index.js';
export * as loyalty from './loyalty/index.js';
export * as satisfaction from './satisfaction/index.js';
export * as churn from './churn/index.js';
export * as synth from './synth/index.js';
