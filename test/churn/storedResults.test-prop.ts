import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ValidationError } from '../../src/shared/index.js';
import {
  churnReport,
  diffAlerts,
  evaluateChurnRisk,
  evaluateChurnRiskBatch,
  parseChurnRiskBatch,
  parseChurnRiskResult,
  type AccountHistory,
} from '../../src/churn/index.js';
import { Decimal } from 'decimal.js';
import { AS_OF, healthyHistory } from './fixtures.js';
import { errorOf } from '../support/errorOf.js';

/** Issue 21: churn results stored as JSON work wherever the live ones do. */
const stored = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const troubles = fc.record({
  drop: fc.integer({ min: 0, max: 100 }),
  managerLeft: fc.boolean(),
  noVisits: fc.boolean(),
  distress: fc.boolean(),
  unknownQuality: fc.boolean(),
});

type Trouble = { drop: number; managerLeft: boolean; noVisits: boolean; distress: boolean; unknownQuality: boolean };

function history(index: number, trouble: Trouble | undefined): AccountHistory {
  const base = healthyHistory();
  if (trouble === undefined) return { ...base, id: `A${index}` };
  return {
    ...base,
    id: `A${index}`,
    spend: base.spend!.map((entry, at) =>
      at >= 15 ? { ...entry, amount: (10_000 * (100 - trouble.drop)) / 100 } : entry,
    ),
    visits: trouble.noVisits ? [] : base.visits!,
    relationship: { ...base.relationship!, managerLeftAt: trouble.managerLeft ? '2026-09-01' : null },
    distress: trouble.distress ? [{ date: '2026-10-01', kind: 'closure' }] : [],
    ...(trouble.unknownQuality ? { quality: [] } : {}),
  } as AccountHistory;
}

const portfolio = fc.array(fc.option(troubles, { nil: undefined }), { minLength: 1, maxLength: 4 });

describe('churn results read back from JSON', () => {
  test.prop([portfolio], { numRuns: 12 })(
    'parseChurnRiskResult and parseChurnRiskBatch re-serialise the JSON form byte-identically',
    (accounts) => {
      const batch = evaluateChurnRiskBatch(
        accounts.map((trouble, index) => history(index, trouble)),
        { asOf: AS_OF },
      );
      const text = JSON.stringify(batch);
      expect(JSON.stringify(parseChurnRiskBatch(JSON.parse(text)))).toBe(text);
      for (const result of batch.results) {
        const one = JSON.stringify(result);
        const revived = parseChurnRiskResult(JSON.parse(one));
        expect(JSON.stringify(revived)).toBe(one);
        expect(revived.risk.eq(result.risk)).toBe(true);
      }
    },
    60_000,
  );

  test.prop([portfolio, portfolio], { numRuns: 12 })(
    'diffAlerts(JSON forms) equals diffAlerts(live runs) (decimals revived), for runs of results and batch runs',
    (before, after) => {
      const run = (accounts: typeof before) =>
        accounts.map((trouble, index) => evaluateChurnRisk(history(index, trouble), { asOf: AS_OF }));
      const previous = run(before);
      const current = run(after);
      // the same alerts in each list, with decimals revived; the evidence and signal readings inside an
      // alert are kept as read (their JSON), so those compare by their text
      const same = (a: ReturnType<typeof diffAlerts>, b: ReturnType<typeof diffAlerts>) => {
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        const strip = (diff: typeof a) =>
          Object.values(diff).map((list: readonly object[]) =>
            list.map((alert) => ({ ...alert, signals: null, evidence: null })),
          );
        expect(strip(a)).toEqual(strip(b));
      };
      same(diffAlerts(stored(previous) as never, stored(current) as never), diffAlerts(previous, current));
      const batch = (accounts: typeof before) =>
        evaluateChurnRiskBatch(
          accounts.map((trouble, index) => history(index, trouble)),
          { asOf: AS_OF },
        );
      const [a, b] = [batch(before), batch(after)];
      same(diffAlerts(stored(a) as never, stored(b) as never), diffAlerts(a, b));
      same(diffAlerts(a, b), diffAlerts(previous, current));
    },
    60_000,
  );

  it('malformed runs, alerts, snoozes and options are ValidationErrors naming the path', () => {
    const result = stored(evaluateChurnRisk({ ...healthyHistory(), distress: [] }, { asOf: AS_OF })) as {
      alerts: unknown[];
    };
    result.alerts = [null];
    expect(errorOf(() => diffAlerts([result as never], [])).issues[0]!.path).toBe('previous[0].alerts[0]');
    expect(errorOf(() => diffAlerts({ results: 5 } as never, [])).issues[0]!.path).toBe('previous.results');
    expect(errorOf(() => diffAlerts([], [], { snoozes: 'x' } as never)).issues[0]!.path).toBe('snoozes');
    expect(errorOf(() => diffAlerts([], [], { snoozes: [null], asOf: AS_OF } as never)).issues[0]!.path).toBe(
      'snoozes[0].key',
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => diffAlerts([], [], proxy)).toThrow(ValidationError);
    expect(() => diffAlerts(proxy as never, [])).toThrow(ValidationError);
    expect(errorOf(() => parseChurnRiskResult({ ...result, alerts: [], risk: 'high' })).issues[0]!.path).toBe('risk');
  });

  test.prop([fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 5 })])(
    'churnReport of accounts read back from JSON (Decimals as strings, Dates as ISO text) equals the live report',
    (revenues) => {
      const accounts = revenues.map((revenue, index) => ({
        id: `A${index}`,
        revenue: new Decimal(revenue),
        losses: index % 2 === 0 ? [{ date: new Date(Date.UTC(2026, 2, 1)), cause: 'competitor' }] : [],
      }));
      const options = { from: '2026-01-01', to: '2026-06-30' };
      expect(churnReport(stored(accounts) as never, options)).toEqual(churnReport(accounts, options));
    },
  );
});
