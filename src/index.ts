/**
 * clientele: exact, explainable customer-relationship analytics for agencies and B2B account
 * businesses. The root re-exports every module; import a subpath (`clientele/scoring`,
 * `clientele/value`, `clientele/churn`, `clientele/quality`, `clientele/sql`, `clientele/outcomes`,
 * `clientele/charts`) to load just one.
 *
 * @packageDocumentation
 */
export * from './shared/index.js';
export * from './scoring/index.js';
export * from './scoring/schemas.js';
// shadows clientele/scoring's compiled-only forms: from the root, score also compiles a JSON model
export { score } from './scoring/scorecard/score.js';
export { safeScore } from './scoring/scorecard/safeScore.js';
export * from './value/index.js';
export * from './churn/index.js';
export * from './quality/index.js';
export * from './sql/index.js';
export * from './charts/index.js';
export * from './outcomes/index.js';
