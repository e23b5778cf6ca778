import { describe, expect, it } from 'vitest';
import { ValidationError, diffAlerts, evaluateChurnRisk } from '../../src/index.js';
import { AS_OF, CRYSTAL_STANDARD, healthyHistory } from './fixtures.js';

const alert = (key: string) => ({ key, ruleId: key.split('::')[1]! });

describe('diffAlerts', () => {
  it('splits alerts into new, ongoing and resolved by stable key', () => {
    const diff = diffAlerts([alert('A::x'), alert('A::y'), alert('B::x')], [alert('A::x'), alert('B::z')]);
    expect(diff.new.map((item) => item.key)).toEqual(['B::z']);
    expect(diff.ongoing.map((item) => item.key)).toEqual(['A::x']);
    expect(diff.resolved.map((item) => item.key)).toEqual(['A::y', 'B::x']);
    expect(diff.stale).toEqual([]);
  });

  it('notifies once: diffing a run against itself gives nothing new', () => {
    const run = [alert('A::x'), alert('B::y')];
    const diff = diffAlerts(run, run);
    expect(diff.new).toEqual([]);
    expect(diff.ongoing).toHaveLength(2);
  });

  it('treats a rule that became unknown, or an account not evaluated, as stale, never resolved', () => {
    const left = {
      ...healthyHistory(),
      relationship: { managerLeftAt: '2026-09-30', handoverAt: null, internalContacts: 1 },
    };
    const before = evaluateChurnRisk(left, { asOf: AS_OF, contactStandard: CRYSTAL_STANDARD });
    const gap = healthyHistory();
    delete gap.relationship;
    const afterGap = evaluateChurnRisk(gap, { asOf: '2026-11-08', contactStandard: CRYSTAL_STANDARD });
    const diff = diffAlerts([before], [afterGap]);
    expect(diff.stale.map((item) => item.key)).toEqual(['ACC-OK::manager-left-no-handover', 'ACC-OK::single-threaded']);
    expect(diff.resolved).toEqual([]);
    expect(diffAlerts([before], []).stale).toHaveLength(2);
    const fixed = evaluateChurnRisk(
      {
        ...healthyHistory(),
        relationship: { managerLeftAt: '2026-09-30', handoverAt: '2026-11-03', internalContacts: 3 },
      },
      { asOf: '2026-11-08', contactStandard: CRYSTAL_STANDARD },
    );
    expect(diffAlerts([before], [fixed]).resolved.map((item) => item.key)).toEqual([
      'ACC-OK::manager-left-no-handover',
      'ACC-OK::single-threaded',
    ]);
  });

  it('holds back new alerts under an active snooze and releases them after it', () => {
    const snoozes = [{ key: 'A::x', until: '2026-11-15', reason: 'client on holiday' }];
    const during = diffAlerts([], [alert('A::x')], { snoozes, asOf: '2026-11-15' });
    expect(during.new).toEqual([]);
    expect(during.snoozed[0]).toMatchObject({ key: 'A::x', snooze: { reason: 'client on holiday' } });
    const after = diffAlerts([], [alert('A::x')], { snoozes, asOf: '2026-11-16' });
    expect(after.new.map((item) => item.key)).toEqual(['A::x']);
    expect(() => diffAlerts([], [], { snoozes })).toThrow(ValidationError);
  });

  it('builds keys from accountId and ruleId when there is no key, and rejects malformed runs', () => {
    const diff = diffAlerts([{ accountId: 'A', ruleId: 'x' }], [{ accountId: 'A', ruleId: 'x' }]);
    expect(diff.ongoing).toHaveLength(1);
    expect(() => diffAlerts('none' as never, [])).toThrow(ValidationError);
    expect(() => diffAlerts([{ ruleId: 'x' }], [])).toThrow(ValidationError);
    expect(() => diffAlerts([null as never], [])).toThrow(ValidationError);
  });
});
