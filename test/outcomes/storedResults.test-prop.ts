import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { ValidationError } from '../../src/shared/index.js';
import { potentialValueModel, score } from '../../src/scoring/index.js';
import { backtestRules, compareBacktests, compareScores, parseBacktestResult } from '../../src/outcomes/index.js';
import { monthlyOrders, orderGapRules, REPLAY_DATES } from './fixtures.js';
import { errorOf } from '../support/errorOf.js';

/** Issue 21: backtests and scores stored as JSON compare as the live results do. */
const stored = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const portfolio = fc.array(
  fc.record({
    lastOrder: fc.integer({ min: 0, max: 9 }),
    lostIn: fc.option(fc.integer({ min: 1, max: 11 }), { nil: undefined }),
  }),
  { minLength: 1, maxLength: 5 },
);
const month = (offset: number) => {
  const index = 2025 * 12 + 9 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

function backtest(accounts: readonly { lastOrder: number; lostIn: number | undefined }[], gap: number) {
  const histories = accounts.map((account, index) => ({
    id: `A${index}`,
    since: '2020-01-01',
    orders: monthlyOrders('2025-01', month(account.lastOrder)),
  }));
  const outcomes = accounts.map((account, index) => ({
    accountId: `A${index}`,
    lostAt: account.lostIn === undefined ? null : `${month(account.lostIn + 3)}-15`,
  }));
  return backtestRules(orderGapRules(gap), histories, outcomes, { asOf: REPLAY_DATES });
}

describe('stored outcomes results', () => {
  test.prop([portfolio, fc.constantFrom(30, 60, 90), fc.constantFrom(30, 60, 90)], { numRuns: 25 })(
    'compareBacktests(JSON forms) deep-equals compareBacktests(live); parseBacktestResult re-serialises ' +
      'byte-identically',
    (accounts, gapA, gapB) => {
      const baseline = backtest(accounts, gapA);
      const candidate = backtest(accounts, gapB);
      expect(compareBacktests(stored(baseline), stored(candidate))).toEqual(compareBacktests(baseline, candidate));
      const text = JSON.stringify(baseline);
      expect(JSON.stringify(parseBacktestResult(JSON.parse(text)))).toBe(text);
    },
  );

  test.prop([fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 15 })])(
    'compareScores(JSON forms) deep-equals compareScores(live)',
    (a, b) => {
      const base = Object.fromEntries(potentialValueModel.factorIds.map((id) => [id, 1]));
      const before = score(potentialValueModel, { ...base, assetSize: a });
      const after = score(potentialValueModel, { ...base, assetSize: b });
      expect(compareScores(stored(before), stored(after))).toEqual(compareScores(before, after));
    },
  );

  it('junk is a ValidationError naming the argument, never a TypeError', () => {
    expect(errorOf(() => compareBacktests(7, 8)).issues[0]!.path).toBe('baseline');
    const good = stored(backtest([{ lastOrder: 3, lostIn: 2 }], 60)) as { set: { precision: unknown } };
    const bad = stored(good) as { set: { precision: unknown } };
    bad.set.precision = 'high';
    expect(errorOf(() => compareBacktests(good, bad)).issues[0]).toMatchObject({ path: 'candidate.set.precision' });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(() => compareBacktests(good, proxy)).toThrow(ValidationError);
    expect(() => compareScores(proxy, proxy)).toThrow(ValidationError);
  });
});
