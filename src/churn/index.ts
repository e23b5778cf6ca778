/**
 * `clientele/churn`.
 * @module
 */
export {};
