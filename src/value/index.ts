/**
 * `clientele/value`.
 * @module
 */
export {};
