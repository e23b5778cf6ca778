/**
 * Under `exactOptionalPropertyTypes` a consumer may pass `{ key: undefined }` for any optional
 * setting of the outcomes module: each is read as absent, so the result is the one without it.
 */
import { describe, expect, it } from 'vitest';
import * as outcome from '../../src/outcomes/index.js';
import { potentialValueModel, score } from '../../src/scoring/index.js';
import { monthlyOrders, orderGapRules, REPLAY_DATES } from './fixtures.js';
import { json, unset } from '../support/explicitUndefined.js';

describe('outcome settings given as undefined are absent', () => {
  it('backtestRules', () => {
    const histories = [
      { id: 'A', since: '2020-01-01', orders: monthlyOrders('2025-06', '2026-03') },
      { id: 'B', since: '2020-01-01', orders: monthlyOrders('2025-06', '2026-07') },
    ];
    const outcomes = [{ accountId: 'A', lostAt: '2026-06-15' }];
    const settings = { asOf: REPLAY_DATES };
    const loose = { ...settings, ...unset('horizonDays', 'tierPolicy', 'contactStandard') };
    expect(json(outcome.backtestRules(orderGapRules(60), histories, outcomes, loose))).toEqual(
      json(outcome.backtestRules(orderGapRules(60), histories, outcomes, settings)),
    );
  });

  it('compareScores and overrideScore', () => {
    const ratings = Object.fromEntries(potentialValueModel.factorIds.map((id) => [id, 1]));
    const before = score(potentialValueModel, ratings);
    const after = score(potentialValueModel, { ...ratings, assetSize: 15, tenure: 1.1 });
    expect(json(outcome.compareScores(before, after, unset('deadBand', 'observedAt', 'asOf', 'maxAgeDays')))).toEqual(
      json(outcome.compareScores(before, after)),
    );
    const override = { grade: 'A', reason: 'framework deal', author: 'Li Na', expiresAt: '2027-03-31' };
    expect(
      json(
        outcome.overrideScore({ total: '62', grade: 'B' }, { ...override, total: undefined }, { asOf: '2026-11-01' }),
      ),
    ).toEqual(json(outcome.overrideScore({ total: '62', grade: 'B' }, override, { asOf: '2026-11-01' })));
  });

  it('discrimination, gradeOutcomes and populationStability', () => {
    const scores = [0.7, 0.9, 0.5, 0.6, 0.3];
    const events = [1, 1, 1, 0, 0];
    expect(json(outcome.discrimination(scores, events, unset('riskier', 'groups', 'cuts')))).toEqual(
      json(outcome.discrimination(scores, events)),
    );
    const grades = ['A', 'A', 'B', 'B', 'C', 'C'];
    const lost = [0, 0, 0, 1, 1, 1];
    expect(json(outcome.gradeOutcomes(grades, lost, unset('order', 'z')))).toEqual(
      json(outcome.gradeOutcomes(grades, lost)),
    );
    expect(
      json(outcome.populationStability([25, 25, 25, 25], [10, 20, 30, 40], unset('bins', 'emptyBins', 'epsilon'))),
    ).toEqual(json(outcome.populationStability([25, 25, 25, 25], [10, 20, 30, 40])));
  });
});
