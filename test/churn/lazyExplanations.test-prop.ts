/**
 * The fast paths of the churn rules give exactly what the eager, explained evaluation gives:
 * `evaluateRules` (evidence, messages and missing signals computed when read) serialises
 * byte-identically to an eager evaluation written here the way the library built results before
 * explanations became lazy; `evaluateChurnRisk` alerts likewise; `decideRulesColumns` decides as
 * `decideRules` on the same values; `decideRules` agrees with `evaluateRules` on records mixing
 * numbers, booleans, decimal strings and missing values.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  decideRules,
  decideRulesColumns,
  defaultChurnRuleSet,
  defineRuleSet,
  evaluateRules,
  type RuleSet,
} from '../../src/index.js';
import { compiledRuleSetOf } from '../../src/churn/rules/defineRuleSet.js';
import { explainCondition, type ChurnConditionEvidence } from '../../src/churn/rules/explainCondition.js';
import { renderMessage } from '../../src/churn/rules/renderMessage.js';
import { readSlots } from '../../src/churn/rules/resolveRuleSet.js';
import { recordArbitrary, ruleSetArbitrary } from '../arbitraries/churn.js';

const LEVELS = ['none', 'watch', 'warning', 'critical'];

/** The eager evaluation: every alert's evidence and both messages built at once, as plain frozen objects. */
function eager(ruleSet: RuleSet, record: Record<string, unknown>): unknown {
  const compiled = compiledRuleSetOf(ruleSet)!;
  const slots = new Array<unknown>(compiled.slotNames.length);
  readSlots(compiled, record, slots, true);
  const valueOf = (signal: string) => slots[compiled.slotIndex[signal] ?? -1];
  const fired: string[] = [];
  const unknown: string[] = [];
  const clear: string[] = [];
  const alerts: unknown[] = [];
  const undecided: unknown[] = [];
  let risk = compiled.maxRisk.minus(compiled.maxRisk);
  let pending = risk;
  let level = 0;
  ruleSet.rules.forEach((rule, index) => {
    const evidence: ChurnConditionEvidence[] = [];
    const outcome = explainCondition(compiled.trees[index]!, slots, Number.NaN, evidence);
    const { id: ruleId, severity, points, cause } = rule;
    if (outcome === 1) {
      fired.push(ruleId);
      risk = risk.plus(points);
      level = Math.max(level, compiled.ranks[index]!);
      const message = {
        en: renderMessage(rule.message.en, valueOf),
        'zh-CN': renderMessage(rule.message['zh-CN'], valueOf),
      };
      alerts.push({
        ruleId,
        severity,
        points,
        cause,
        controllable: rule.controllable,
        message,
        title: rule.title,
        evidence,
      });
    } else if (outcome === 2) {
      unknown.push(ruleId);
      pending = pending.plus(points);
      const missingSignals = [...new Set(evidence.filter((item) => item.actual === null).map((item) => item.signal))];
      undecided.push({ ruleId, severity, points, cause, missingSignals, evidence });
    } else clear.push(ruleId);
  });
  return {
    ruleSet: { id: ruleSet.id, version: ruleSet.version, fingerprint: ruleSet.fingerprint },
    fired,
    unknown,
    clear,
    risk,
    possibleRisk: risk.plus(pending),
    maxRisk: compiled.maxRisk,
    decidedShare: compiled.decidedShares[fired.length + clear.length],
    level: LEVELS[level],
    alerts,
    undecided,
  };
}

const BOOLEAN_SIGNALS = defaultChurnRuleSet.signals.filter((name) =>
  defaultChurnRuleSet.rules.some((rule) => JSON.stringify(rule.when).includes(`"${name}","op":"eq","value":true`)),
);

/** Records over the default rule set's signals: numbers, booleans where the rules want them, missing values. */
const defaultRecord = fc.record(
  Object.fromEntries(
    defaultChurnRuleSet.signals.map((name) => [
      name,
      BOOLEAN_SIGNALS.includes(name)
        ? fc.option(fc.boolean())
        : fc.option(fc.integer({ min: -300, max: 30_000 }).map((n) => n / 100)),
    ]),
  ) as Record<string, fc.Arbitrary<unknown>>,
  { requiredKeys: [] },
);

describe('churn fast paths: laws', () => {
  test.prop([ruleSetArbitrary, fc.array(recordArbitrary, { minLength: 1, maxLength: 5 })])(
    'evaluateRules with lazy explanations serialises byte-identically to the eager evaluation',
    (json, records) => {
      const ruleSet = defineRuleSet(json);
      for (const record of records)
        expect(JSON.stringify(evaluateRules(ruleSet, record))).toBe(JSON.stringify(eager(ruleSet, record)));
    },
  );

  test.prop([fc.array(defaultRecord, { minLength: 1, maxLength: 5 })])(
    'the default rules: lazy evaluateRules equals the eager evaluation, read in any order',
    (records) => {
      for (const record of records) {
        const result = evaluateRules(defaultChurnRuleSet, record);
        // reading one part first must not change the others
        for (const alert of result.alerts) void alert.evidence;
        expect(JSON.stringify(result)).toBe(JSON.stringify(eager(defaultChurnRuleSet, record)));
      }
    },
  );

  test.prop([fc.array(defaultRecord, { minLength: 1, maxLength: 700 })])(
    'decideRulesColumns decides exactly as decideRules on the same values (booleans as 1 / 0, NaN unknown)',
    (records) => {
      const columns = Object.fromEntries(
        defaultChurnRuleSet.signals.map((name) => [
          name,
          Float64Array.from(records, (record) => {
            const value = record[name];
            return value === null || value === undefined ? Number.NaN : Number(value);
          }),
        ]),
      );
      const rows = decideRules(defaultChurnRuleSet, records);
      const fromColumns = decideRulesColumns(defaultChurnRuleSet, columns);
      expect(Array.from(fromColumns.decisions)).toEqual(Array.from(rows.decisions));
      expect(Array.from(fromColumns.levels)).toEqual(Array.from(rows.levels));
    },
  );

  const mixed = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer({ min: -10, max: 10 }).map((n) => n / 2),
    fc.integer({ min: -10, max: 10 }).map((n) => String(n / 2)),
  );
  test.prop([
    ruleSetArbitrary,
    fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), mixed), { maxLength: 600 }),
  ])(
    'decideRules agrees with evaluateRules on records mixing numbers, booleans, decimal strings and gaps',
    (json, records) => {
      const ruleSet = defineRuleSet(json);
      const batch = decideRules(ruleSet, records);
      const failed = new Set(batch.errors.map((error) => error.index));
      records.forEach((record, index) => {
        let single: ReturnType<typeof evaluateRules> | undefined;
        try {
          single = evaluateRules(ruleSet, record);
        } catch {
          single = undefined;
        }
        expect(failed.has(index)).toBe(single === undefined);
        if (single === undefined) return;
        const expected = batch.ruleIds.map((id) =>
          single.fired.includes(id) ? 1 : single.unknown.includes(id) ? -1 : 0,
        );
        const width = batch.ruleIds.length;
        expect(Array.from(batch.decisions.subarray(index * width, (index + 1) * width))).toEqual(expected);
        expect(batch.levelOf(index)).toBe(single.level);
      });
    },
  );
});
