/**
 * The vocabulary and bounds of the rule format: operators a leaf may use and the limits
 * `defineRuleSet` enforces.
 *
 * @module
 */

/** Most rules a rule set may hold. */
export const MAX_RULES = 1000;
/** Deepest nesting of `all` / `any` / `not` (a rule's `when` is at depth 1). */
export const MAX_DEPTH = 16;
/** Most conditions (leaves and groups) in one rule set. */
export const MAX_CONDITIONS = 20_000;
/** Most values in one `in` / `notIn` list. */
export const MAX_LIST = 1000;

/**
 * Comparison operators of a leaf condition. `lt`…`notIn` are the contract of SPEC §3; `between`
 * (inclusive both ends), `known` / `missing` (fire on presence or absence on purpose) and the time
 * windows `within` / `olderThan` (a date signal relative to `asOf`) are extras.
 * @example
 * ```ts
 * import { conditionOperators } from 'clientele';
 * conditionOperators.includes('notIn'); // true
 * ```
 * @category Churn
 */
export const conditionOperators = [
  'lt',
  'lte',
  'gt',
  'gte',
  'eq',
  'neq',
  'in',
  'notIn',
  'between',
  'known',
  'missing',
  'within',
  'olderThan',
] as const;

/**
 * The bounds `defineRuleSet` enforces, so a hostile or runaway rule file fails with a clear error
 * instead of exhausting the stack or memory.
 * @example
 * ```ts
 * import { ruleSetLimits } from 'clientele';
 * [ruleSetLimits.maxRules, ruleSetLimits.maxDepth]; // 1000 16
 * ```
 * @category Churn
 */
export const ruleSetLimits = /* @__PURE__ */ Object.freeze({
  maxRules: MAX_RULES,
  maxDepth: MAX_DEPTH,
  maxConditions: MAX_CONDITIONS,
  maxListValues: MAX_LIST,
});
