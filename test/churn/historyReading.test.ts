import { describe, expect, it } from 'vitest';
import { deriveSignals, evaluateChurnRisk, ValidationError } from '../../src/index.js';
import { errorOf } from '../support/errorOf.js';

const AS_OF = '2026-11-01';

// The history is read in place (no snapshot copy): every hostile shape must still end as a
// ValidationError naming where it was, and every value must be read once.
describe('account histories are read in place, once, and safely', () => {
  it('a getter that throws inside an event is a ValidationError, not the getter’s error', () => {
    const visit = {
      get date(): string {
        throw new Error('boom');
      },
    };
    const error = errorOf(() => deriveSignals({ id: 'X', visits: [visit] }, { asOf: AS_OF }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/cannot be read/);
  });

  it('a revoked proxy as a list is a ValidationError', () => {
    const { proxy, revoke } = Proxy.revocable<unknown[]>([], {});
    revoke();
    expect(() => deriveSignals({ id: 'X', visits: proxy }, { asOf: AS_OF })).toThrow(ValidationError);
  });

  it('a value that changes between reads is read once: the signals see what was validated', () => {
    let reads = 0;
    const visit = {
      get date(): string {
        reads += 1;
        return reads === 1 ? '2026-10-15' : 'not a date';
      },
    };
    const signals = deriveSignals({ id: 'X', visits: [visit] }, { asOf: AS_OF });
    expect(reads).toBe(1);
    expect(signals.values.daysSinceLastVisit).toBe(17);
  });

  it('the answer is the same for a history and its JSON copy', () => {
    const history = {
      id: 'X',
      visits: [{ date: new Date(Date.UTC(2026, 9, 15)) }],
      complaints: [{ openedAt: '2026-01-05', severity: 'high' }],
      relationship: { accountManager: 'Li', managerLeftAt: null, handoverAt: null, internalContacts: 1 },
    };
    const live = evaluateChurnRisk(history, { asOf: AS_OF });
    const copy = evaluateChurnRisk(JSON.parse(JSON.stringify(history)), { asOf: AS_OF });
    expect(JSON.stringify(live)).toBe(JSON.stringify(copy));
  });
});
