import { describe, expect, it } from 'vitest';
import {
  churnReport,
  defaultChurnRules,
  defineRuleSet,
  deriveSignals,
  diffAlerts,
  evaluateChurnRisk,
  evaluateRules,
  safeDefineRuleSet,
  type KeyedAlert,
} from '../../src/index.js';
import { AS_OF, CRYSTAL_STANDARD, healthyHistory } from './fixtures.js';

/** Every optional setting and input key of the churn functions: an explicit `undefined` is absent. */
describe('churn: an explicit undefined is an absent optional key', () => {
  const when = { signal: 'spendChange', op: 'lt', value: 0 };
  const rule = { id: 'r', when, severity: 'critical', points: 40, cause: 'relationship' };

  it('defineRuleSet: options and the file keys', () => {
    const plain = defineRuleSet({ id: 'x', rules: [rule] });
    const spelled = defineRuleSet(
      {
        id: 'x',
        version: undefined,
        labels: undefined,
        description: undefined,
        signals: undefined,
        checkSignals: undefined,
        rules: [
          {
            ...rule,
            message: undefined,
            title: undefined,
            controllable: undefined,
            description: undefined,
            source: undefined,
          },
        ],
      },
      { catalogue: undefined, checkSignals: undefined },
    );
    expect(spelled.fingerprint).toBe(plain.fingerprint);
    expect(spelled.toJSON()).toEqual(plain.toJSON());
    // the signal check stays on: checkSignals undefined is not false
    const unknown = { id: 'y', rules: [{ ...rule, when: { signal: 'nope', op: 'known', value: undefined } }] };
    expect(safeDefineRuleSet(unknown, { checkSignals: undefined }).success).toBe(false);
    expect(safeDefineRuleSet(defaultChurnRules, { catalogue: undefined, checkSignals: undefined }).success).toBe(true);
  });

  it('evaluateRules, deriveSignals and evaluateChurnRisk', () => {
    const rules = defineRuleSet({ id: 'x', rules: [rule] });
    expect(JSON.stringify(evaluateRules(rules, { spendChange: -1 }, { asOf: undefined, locale: undefined }))).toBe(
      JSON.stringify(evaluateRules(rules, { spendChange: -1 })),
    );
    const history = healthyHistory();
    const derive = (extra: object) => JSON.stringify(deriveSignals(history, { asOf: AS_OF, ...extra }));
    expect(
      derive({ tierPolicy: undefined, keyAccountList: undefined, contactStandard: undefined, lifetime: undefined }),
    ).toBe(derive({}));
    expect(derive({ contactStandard: { visitEveryDays: 45, callEveryDays: undefined } })).toBe(
      derive({ contactStandard: { visitEveryDays: CRYSTAL_STANDARD.visitEveryDays } }),
    );
    const risk = (extra: object) => JSON.stringify(evaluateChurnRisk(history, { asOf: AS_OF, ...extra }));
    expect(risk({ ruleSet: undefined, tierPolicy: undefined, contactStandard: undefined, locale: undefined })).toBe(
      risk({}),
    );
  });

  it('diffAlerts: options, alert keys and a batch run', () => {
    const alert: KeyedAlert = { accountId: 'ACME', ruleId: 'r' };
    const plain = diffAlerts([alert], [{ ...alert, key: 'ACME::s' }]);
    expect(
      diffAlerts([{ ...alert, key: undefined }], [{ ...alert, key: 'ACME::s' }], {
        snoozes: undefined,
        asOf: undefined,
      }),
    ).toEqual(plain);
    // an alert inside a result with an explicit accountId: undefined takes the result's account
    const run = [{ accountId: 'ACME', alerts: [{ ruleId: 'r', accountId: undefined }], undecided: undefined }];
    const diff = diffAlerts({ results: run, errors: undefined }, run);
    expect(diff.ongoing).toHaveLength(1);
    expect(diff.new).toHaveLength(0);
  });

  it('churnReport: the revolving-door costs', () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const telecomHalfYear = [
      { id: 'A', revenue: 100, losses: [{ date: '2026-03-01', cause: 'credit' }] },
      { id: 'B', revenue: 300 },
    ];
    expect(
      JSON.stringify(
        churnReport(telecomHalfYear, { ...period, costToKeep: undefined, replacementCostMultiple: undefined }),
      ),
    ).toBe(JSON.stringify(churnReport(telecomHalfYear, period)));
  });
});
