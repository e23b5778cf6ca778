import { ValidationError, type Issue } from '../../shared/errors.js';
import { defineRuleSet, type DefineRuleSetOptions } from './defineRuleSet.js';
import type { RuleSet } from './ruleSetModel.js';

/**
 * The non-throwing form of {@link defineRuleSet}, for validating a rule file a user edited:
 * `{ success: true, output }` or `{ success: false, issues }` (as valibot's `safeParse`).
 *
 * @example
 * ```ts
 * import { safeDefineRuleSet } from 'clientele';
 * const outcome = safeDefineRuleSet({ id: 'draft', rules: [{ id: 'r', when: { signal: 'x', op: 'above', value: 1 }, severity: 'watch', points: 1, cause: 'credit' }] });
 * if (!outcome.success) outcome.issues[0]?.path; // 'rules[0].when.op'
 * ```
 * @category Churn
 */
export function safeDefineRuleSet(
  json: unknown,
  options?: DefineRuleSetOptions,
): { readonly success: true; readonly output: RuleSet } | { readonly success: false; readonly issues: readonly Issue[] } {
  try {
    return { success: true, output: defineRuleSet(json, options) };
  } catch (error) {
    if (error instanceof ValidationError) return { success: false, issues: error.issues };
    throw error;
  }
}
