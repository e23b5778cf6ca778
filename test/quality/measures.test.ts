import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  customerEffortScore,
  customerSatisfactionScore,
  deriveQualitySignals,
  measureComplaints,
  netPromoterScore,
  scoreSurvey,
  serviceQualityInstrument,
} from '../../src/index.js';

describe('netPromoterScore', () => {
  it('counts promoters (9–10), passives (7–8) and detractors (0–6); score unrounded', () => {
    const nps = netPromoterScore([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
    expect(nps).toMatchObject({ score: 20, promoters: 5, passives: 2, detractors: 3, n: 10 });
    // SE = 100·√((0.5 + 0.3 − 0.2²)/10)
    expect(nps.standardError).toBeCloseTo(100 * Math.sqrt((0.5 + 0.3 - 0.04) / 10), 12);
    expect(nps.scale).toEqual({ min: 0, max: 10 });
  });
  it('keeps the score unrounded (1 promoter, 2 detractors of 3 → −33.33…)', () => {
    expect(netPromoterScore([9, 0, 6]).score).toBeCloseTo(-100 / 3, 12);
  });
  it('skips missing answers and handles the empty case without NaN', () => {
    expect(netPromoterScore([null, 10, undefined]).n).toBe(1);
    expect(netPromoterScore([])).toMatchObject({ score: null, n: 0, standardError: null });
  });
  it('rejects answers that are not whole numbers from 0 to 10, naming each', () => {
    try {
      netPromoterScore([10, 11, 7.5, -1]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual([
        'answers[1]',
        'answers[2]',
        'answers[3]',
      ]);
    }
  });
});

describe('customerSatisfactionScore and customerEffortScore', () => {
  it('CSAT is the share of satisfied answers, stored with its scale', () => {
    expect(customerSatisfactionScore([5, 4, 3, 4, 2])).toMatchObject({
      score: 60,
      satisfied: 3,
      n: 5,
      scale: { min: 1, max: 5 },
      satisfiedFrom: 4,
    });
    const seven = customerSatisfactionScore([7, 6, 5, 1], { scale: { min: 1, max: 7 }, satisfiedFrom: 5 });
    expect(seven).toMatchObject({ score: 75, satisfiedFrom: 5, scale: { min: 1, max: 7 } });
  });
  it('CES is a mean with easy and hard shares on 1–7', () => {
    expect(customerEffortScore([7, 6, 5, 2, 7])).toMatchObject({ mean: 5.4, easyShare: 60, hardShare: 20, n: 5 });
  });
  it('rejects answers off the scale and bad scales', () => {
    expect(() => customerSatisfactionScore([6])).toThrow(ValidationError);
    expect(() => customerSatisfactionScore([3], { satisfiedFrom: 9 })).toThrow(ValidationError);
    expect(() => customerEffortScore([1], { scale: { min: 5, max: 1 } })).toThrow(ValidationError);
  });
});

describe('measureComplaints (seed 000: 70% come back, an unhappy client tells 5–8 others)', () => {
  const complaints = [
    { id: 'c1', openedAt: '2026-10-01', resolvedAt: '2026-10-03', resolvedWell: true },
    { id: 'c2', openedAt: '2026-10-05', resolvedAt: '2026-10-20', resolvedWell: false },
    { id: 'c3', openedAt: '2026-10-25' },
    { id: 'c4', openedAt: '2026-09-01', resolvedAt: null },
    { id: 'c5', openedAt: '2026-10-10', resolvedAt: '2026-10-17', resolvedWell: true },
    { id: 'c6', openedAt: '2026-10-20', resolvedAt: '2026-11-05' },
  ];
  const m = measureComplaints(complaints, { asOf: '2026-11-01', slaDays: 7 });
  it('counts open and resolved; a resolution after asOf is still open on asOf', () => {
    expect(m).toMatchObject({ total: 6, open: 3, resolved: 3 });
    expect(m.resolutionRate!.toString()).toBe('0.5');
  });
  it('ages open complaints as of the date', () => {
    // c3: 7 days, c4: 61 days, c6: 12 days
    expect(m.openAge).toMatchObject({ n: 3, median: 12, max: 61 });
    expect(m.signals).toEqual({ openComplaints: 3, oldestOpenComplaintDays: 61 });
  });
  it('summarises time to resolution with median and a type-7 percentile', () => {
    // 2, 15, 7 days → sorted 2, 7, 15; p90 = 7 + 0.8·8 = 13.4
    expect(m.timeToResolution.median).toBe(7);
    expect(m.timeToResolution.percentile.value).toBeCloseTo(13.4, 12);
    expect(m.timeToResolution.mean).toBe(8);
  });
  it('counts SLA breaches; exactly the SLA is not a breach', () => {
    expect(m.sla).toMatchObject({ days: 7, breachedOpen: 2, breachedResolved: 1, breachedIds: ['c2', 'c4', 'c6'] });
    expect(m.sla.breachRate!.toString()).toBe('0.5');
  });
  it('applies the seed’s 70% return rate and 5–8 word of mouth', () => {
    expect(m.resolvedWell).toBe(2);
    expect(m.expectedReturningClients.toString()).toBe('1.4');
    // unhappy: 3 open + 1 resolved badly
    expect(m.wordOfMouth).toEqual({ unhappyClients: 4, reachLow: 20, reachHigh: 32 });
  });
  it('reports bad records and never aborts', () => {
    const result = measureComplaints(
      [
        ...complaints,
        { id: 'x1', openedAt: '2026-13-01' },
        { id: 'x2', openedAt: '2026-10-10', resolvedAt: '2026-10-01' },
        { id: 'x3', openedAt: '2026-12-01' },
      ],
      { asOf: '2026-11-01' },
    );
    expect(result.total).toBe(6);
    expect(result.errors.map((e) => [e.index, e.id, e.issues[0]!.path])).toEqual([
      [6, 'x1', 'openedAt'],
      [7, 'x2', 'resolvedAt'],
      [8, 'x3', 'openedAt'],
    ]);
  });
  it('requires asOf and reads date-times with offsets deterministically', () => {
    expect(() => measureComplaints([], {} as { asOf: string })).toThrow(ValidationError);
    const timed = measureComplaints([{ id: 't', openedAt: '2026-10-31T12:00:00+08:00' }], {
      asOf: '2026-11-01T04:00:00Z',
    });
    expect(timed.openAge.max).toBe(1);
  });
});

describe('deriveQualitySignals', () => {
  const all = (value: number) =>
    Object.fromEntries(serviceQualityInstrument.items.map((item) => [item.id, item.reverse ? 6 - value : value]));
  it('reads the overall index, the weakest dimension and the change', () => {
    const before = scoreSurvey(serviceQualityInstrument, [{ id: 'a', answers: all(4) }]);
    const now = scoreSurvey(serviceQualityInstrument, [{ id: 'a', answers: { ...all(3), 'facilities.tools': 1 } }]);
    const signals = deriveQualitySignals(now, { previous: before });
    expect(signals.weakestDimension).toBe('facilities');
    // facilities: (1 + 3 + 3)/3 = 7/3 → index 33.33…
    expect(signals.lowestQualityScore!.toFixed(4)).toBe('33.3333');
    expect(signals.qualityFalling).toBe(true);
    expect(signals.qualityBelowStandard).toBe(true);
    expect(signals.dimensionsBelowStandard[0]).toBe('facilities');
    expect(signals.fallingDimensions).toContain('facilities');
  });
  it('says unknown (null) without a previous survey', () => {
    const now = scoreSurvey(serviceQualityInstrument, [{ id: 'a', answers: all(4) }]);
    expect(deriveQualitySignals(now)).toMatchObject({
      qualityChange: null,
      qualityFalling: null,
      qualityBelowStandard: false,
    });
  });
});
