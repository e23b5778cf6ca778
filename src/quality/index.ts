/**
 * `clientele/quality`.
 * @module
 */
export {};
