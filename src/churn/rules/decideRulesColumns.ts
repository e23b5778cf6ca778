import { describeValue, fail, makeIssue, ValidationError, type Issue } from '../../shared/errors.js';
import { readingInput } from '../../shared/input.js';
import { resolveRuleSet } from './resolveRuleSet.js';
import { BLOCK, kernelOutput, runProgram } from './ruleProgram.js';
import { finishBatch, startBatch, type RuleDecisions } from './ruleDecisions.js';
import type { RuleSetLike } from './ruleSetModel.js';

/**
 * Signal values by column for {@link decideRulesColumns}: one `Float64Array` per signal, all of one
 * length (one entry per record). Numbers as they are, booleans as `1` / `0`, unknown as `NaN`.
 * @category Churn
 */
export type ChurnSignalColumns = Readonly<Record<string, Float64Array>>;

/**
 * {@link decideRules} for data already in columns (a typed-array table, a DuckDB or Arrow result):
 * every rule decided a column at a time over the given arrays, nothing read record by record.
 * Covers rules on numbers (thresholds, `between`, numeric lists), booleans and `known` /
 * `missing`; a rule set with a rule on dates, categories or a time window needs {@link decideRules}.
 * A signal without a column is unknown for every record; columns no rule reads are ignored.
 *
 * @param ruleSet - A rule set from {@link defineRuleSet} (or its JSON).
 * @param columns - Signal name → `Float64Array` (`NaN` = unknown, booleans as 1 / 0), all of one length.
 * @throws {ValidationError} when a column is not a `Float64Array`, the lengths differ, no column is
 * given, or a rule needs values a number column cannot hold (dates, categories, time windows).
 * @example
 * ```ts
 * import { decideRulesColumns, defaultChurnRuleSet } from 'clientele';
 * const columns = { spendChange: Float64Array.of(-0.6, 0.1, NaN), singleThreaded: Float64Array.of(0, 1, NaN) };
 * const { levelOf } = decideRulesColumns(defaultChurnRuleSet, columns);
 * [levelOf(0), levelOf(1), levelOf(2)]; // ['critical', 'watch', 'none']
 * ```
 * @category Churn
 */
export function decideRulesColumns(ruleSet: RuleSetLike, columns: ChurnSignalColumns): RuleDecisions {
  const { model, compiled } = resolveRuleSet(ruleSet, 'decideRulesColumns');
  const { program, slotNames } = compiled;
  const issues: Issue[] = [];
  program.vector.forEach((covered, rule) => {
    if (covered === 0)
      issues.push(
        makeIssue(
          `ruleSet.rules[${rule}].when`,
          'a condition on numbers, booleans or presence (use decideRules for dates, categories and time windows)',
          JSON.stringify(model.rules[rule]!.when).slice(0, 80),
          'invalid_value',
        ),
      );
  });
  if (issues.length > 0) throw new ValidationError(issues, 'decideRulesColumns');
  const { arrays, length } = readColumns(columns, slotNames);
  // a signal without a column reads as unknown throughout
  const nothing = arrays.includes(undefined) ? new Float64Array(length).fill(Number.NaN) : EMPTY;
  const views = arrays.map((column) => column ?? nothing);
  const batch = startBatch(compiled, length);
  const kernels = kernelOutput(batch, program);
  for (let first = 0; first < length; first += BLOCK)
    runProgram(program, views, first, first, Math.min(BLOCK, length - first), kernels);
  return finishBatch(batch, model, length);
}

const EMPTY = /* @__PURE__ */ new Float64Array(0);

function readColumns(
  columns: ChurnSignalColumns,
  slotNames: readonly string[],
): { arrays: (Float64Array | undefined)[]; length: number } {
  return readingInput('columns', 'decideRulesColumns', () => {
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns))
      fail('columns', 'an object of Float64Array columns', columns, 'decideRulesColumns', 'invalid_type');
    let length = -1;
    const arrays = slotNames.map((name) => {
      if (!Object.prototype.hasOwnProperty.call(columns, name)) return undefined;
      const column = columns[name];
      if (!(column instanceof Float64Array))
        fail(`columns.${name}`, 'a Float64Array', column, 'decideRulesColumns', 'invalid_type');
      if (length >= 0 && column.length !== length)
        throw new ValidationError(
          [makeIssue(`columns.${name}`, `a column of ${length} values`, describeValue(column.length), 'inconsistent')],
          'decideRulesColumns',
        );
      length = column.length;
      return column;
    });
    if (length < 0) fail('columns', 'at least one column a rule reads', columns, 'decideRulesColumns', 'missing');
    return { arrays, length };
  });
}
