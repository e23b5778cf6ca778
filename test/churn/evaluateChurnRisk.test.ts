import { describe, expect, it } from 'vitest';
import { ValidationError, defineRuleSet, evaluateChurnRisk, evaluateChurnRiskBatch } from '../../src/index.js';
import { AS_OF, CRYSTAL_STANDARD, healthyHistory } from './fixtures.js';

describe('evaluateChurnRisk', () => {
  it('refuses a custom rule on a misspelled signal instead of leaving it unknown (issue #17)', () => {
    // a complaint open for ten months: the default rules see it, a misspelled custom rule never would
    const history = {
      ...healthyHistory(),
      complaints: [{ id: 'C9', openedAt: '2026-01-02', resolvedAt: null, severity: 'medium' }],
    };
    const rule = (signal: string) => ({
      id: 'complaint-ten-months',
      when: { signal, op: 'gt', value: 270 },
      severity: 'critical',
      points: 40,
      cause: 'complaint',
    });
    const misspelled = { id: 'custom', rules: [rule('oldestOpenComplaintsDays')] };
    try {
      evaluateChurnRisk(history, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD, ruleSet: misspelled });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]).toMatchObject({
        path: 'rules[0].when.signal',
        expected: expect.stringContaining('did you mean "oldestOpenComplaintDays"?') as unknown,
      });
    }
    const spelled = defineRuleSet({ id: 'custom', rules: [rule('oldestOpenComplaintDays')] });
    const result = evaluateChurnRisk(history, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD, ruleSet: spelled });
    expect(result.fired).toEqual(['complaint-ten-months']);
    expect(result.level).toBe('critical');
  });

  it('raises nothing for a healthy account and decides every rule', () => {
    const result = evaluateChurnRisk(healthyHistory(), { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
    expect(result).toMatchObject({ accountId: 'ACC-OK', asOf: AS_OF, level: 'none', fired: [], unknown: [] });
    expect(result.risk.toString()).toBe('0');
    expect(result.decidedShare.toString()).toBe('1');
    expect(result.ruleSet.id).toBe('clientele.churn.default');
  });

  it('warns of 人走客户走 (seed 000) with evidence, keys and messages in both languages', () => {
    const history = {
      ...healthyHistory(),
      relationship: { accountManager: 'Li Wei', managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 },
    };
    const result = evaluateChurnRisk(history, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
    expect(result.fired).toEqual(['manager-left-no-handover', 'single-threaded']);
    expect(result.level).toBe('critical');
    expect(result.risk.toString()).toBe('30');
    const [left, single] = result.alerts;
    expect(left).toMatchObject({
      key: 'ACC-OK::manager-left-no-handover',
      accountId: 'ACC-OK',
      cause: 'relationship',
      controllable: true,
    });
    expect(left!.message['zh-CN']).toBe('客户经理已离职，尚未完成客户关系对接。');
    expect(left!.signals[0]).toMatchObject({
      name: 'managerDepartedWithoutHandover',
      value: true,
      evidence: { managerLeftAt: '2026-09-30', handoverAt: null },
    });
    expect(single!.message.en).toBe('Only 1 of our staff holds the relationship.');
  });

  it('reports undecided rules with their keys and missing signals, and the risk still possible', () => {
    const history = healthyHistory();
    delete history.relationship;
    const result = evaluateChurnRisk(history, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
    expect(result.unknown).toEqual(['manager-left-no-handover', 'single-threaded']);
    expect(result.undecided[0]).toMatchObject({
      key: 'ACC-OK::manager-left-no-handover',
      missingSignals: ['managerDepartedWithoutHandover'],
    });
    expect(result.possibleRisk.toString()).toBe('30');
    expect(result.signals.readings.internalContacts.reason).toBe('no relationship record');
  });

  it('uses a custom rule set, given compiled or as JSON', () => {
    const ruleSet = defineRuleSet({
      id: 'custom',
      rules: [
        {
          id: 'gap',
          when: { signal: 'lastVisitDate', op: 'olderThan', value: { days: 10 } },
          severity: 'watch',
          points: 1,
          cause: 'relationship',
        },
      ],
    });
    expect(evaluateChurnRisk(healthyHistory(), { asOf: AS_OF, ruleSet }).fired).toEqual(['gap']);
    expect(evaluateChurnRisk(healthyHistory(), { asOf: '2026-10-20', ruleSet }).fired).toEqual([]);
  });

  it('throws on a bad history or asOf', () => {
    expect(() => evaluateChurnRisk({ id: 'X', orders: 'many' }, { asOf: AS_OF })).toThrow(ValidationError);
    expect(() => evaluateChurnRisk(healthyHistory(), { asOf: '01/11/2026' })).toThrow(ValidationError);
  });
});

describe('evaluateChurnRiskBatch', () => {
  it('returns every good result and an error per bad record with index and id, never aborting', () => {
    const histories = [
      healthyHistory(),
      { id: 'BAD-1', spend: [{ period: '2026-10', amount: 'n/a' }] },
      null,
      { ...healthyHistory(), id: 'ACC-2', distress: [{ date: '2026-10-01', kind: 'closure' }] },
      { id: '__proto__' },
    ];
    const { results, errors } = evaluateChurnRiskBatch(histories, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
    expect(results.map((result) => [result.index, result.accountId, result.level])).toEqual([
      [0, 'ACC-OK', 'none'],
      [3, 'ACC-2', 'critical'],
    ]);
    expect(errors.map((error) => [error.index, error.id, error.issues[0]!.path])).toEqual([
      [1, 'BAD-1', 'spend[0].amount'],
      [2, undefined, ''],
      [4, '__proto__', 'id'],
    ]);
  });

  it('accepts any iterable and throws only on invalid options', () => {
    function* histories() {
      yield healthyHistory();
    }
    expect(evaluateChurnRiskBatch(histories(), { asOf: AS_OF }).results).toHaveLength(1);
    expect(() => evaluateChurnRiskBatch([], { asOf: 'soon' })).toThrow(ValidationError);
    expect(() => evaluateChurnRiskBatch(42 as unknown as never[], { asOf: AS_OF })).toThrow(ValidationError);
  });
});
