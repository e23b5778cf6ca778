import { describe, expect, it } from 'vitest';
import {
  ValidationError,
  compareSurveyGroups,
  defineInstrument,
  importancePerformanceAnalysis,
  measureServqualGaps,
  prepareSurvey,
  scoreSurvey,
  serviceQualityInstrument,
  surveyReliability,
  validateSurveyResponse,
} from '../../src/index.js';
import { small, smallDefinition } from './fixtures.js';

const responses = [
  // reliability: r1, r2, r3 (reverse: 2 → 4); attitude: a1, a2, a3
  {
    id: 'acme',
    group: 'external-client',
    period: '2026-Q2',
    answers: { r1: 4, r2: 5, r3: 2, a1: 5, a2: 4, a3: 3, 'r1.e': 5, 'r2.e': 5, 'a1.e': 5, 'a2.e': 4 },
  },
  {
    id: 'bolt',
    group: 'external-client',
    period: '2026-Q2',
    answers: { r1: 3, r2: 3, r3: 3, a1: 4, a2: 4, a3: 4, 'r1.e': 5, 'r2.e': 4, 'a1.e': 4, 'a2.e': 5 },
  },
  {
    id: 'cole',
    group: 'internal-customer',
    period: '2026-Q3',
    answers: { r1: 2, r2: null, r3: 5, a1: 3, a2: 2, a3: 2, 'r1.e': 4 },
  },
];

describe('prepareSurvey', () => {
  it('keeps every good respondent and reports each bad one with index, id, item and expectation', () => {
    const data = prepareSurvey(small, [
      ...responses,
      { id: 'dash', answers: { r1: 6, zz: 3, a1: 2.5 } },
      { id: 'acme', answers: {} },
      { answers: { r1: 3 } },
      { id: 'echo', group: 'board', answers: {}, importance: { reliability: 50, attitude: 40 } },
      'not a response',
    ]);
    expect(data.results.map((r) => r.id)).toEqual(['acme', 'bolt', 'cole']);
    expect(data.errors.map((e) => [e.index, e.id])).toEqual([
      [3, 'dash'],
      [4, 'acme'],
      [5, undefined],
      [6, 'echo'],
      [7, undefined],
    ]);
    const dash = data.errors[0]!;
    expect(dash.issues.map((i) => i.path)).toEqual(['answers.r1', 'answers.zz', 'answers.a1']);
    expect(dash.issues[0]!.expected).toBe('an answer from 1 to 5');
    expect(dash.issues[2]!.expected).toBe('a whole number from 1 to 5');
    expect(data.errors[1]!.issues[0]!.expected).toMatch(/not used before/);
    expect(data.errors[3]!.issues.map((i) => i.path)).toEqual(['group', 'importance']);
    expect(data.results[2]).toMatchObject({
      answered: 5,
      expectationsAnswered: 1,
      group: 'internal-customer',
      period: '2026-Q3',
    });
  });
  it('accepts decimals when the scale allows them, and numeric strings', () => {
    const slider = defineInstrument({
      ...smallDefinition,
      scale: { min: 0, max: 10, decimals: 1 },
      importance: undefined,
    });
    const data = prepareSurvey(slider, [
      { id: 'x', answers: { r1: 7.5, r2: '8.2', r3: 10 } },
      { id: 'y', answers: { r1: 7.25 } },
    ]);
    expect(data.results.length).toBe(1);
    expect(data.errors[0]!.issues[0]!.expected).toMatch(/at most 1 decimals/);
    const score = scoreSurvey(slider, data, { missing: 'pairwise' });
    // reverse r3: 0 + 10 − 10 = 0; mean of 7.5, 8.2, 0 = 5.2333…
    expect(score.dimensions[0]!.mean!.toFixed(4)).toBe('5.2333');
  });
  it('rejects a non-array and an instrument that was not compiled', () => {
    expect(() => prepareSurvey(small, {} as unknown as unknown[])).toThrow(ValidationError);
    expect(() => prepareSurvey(smallDefinition as never, [])).toThrow(ValidationError);
  });
});

describe('scoreSurvey', () => {
  it('scores dimensions under the default (pairwise) policy: respondents complete on the dimension', () => {
    const score = scoreSurvey(small, responses);
    const [reliability, attitude] = score.dimensions;
    // acme (4+5+4)/3 = 13/3, bolt 3; cole skipped r2
    expect(reliability!.n).toBe(2);
    expect(reliability!.mean!.toFixed(10)).toBe('3.6666666667');
    expect(attitude!.n).toBe(3);
    // acme 4, bolt 4, cole 7/3 → mean 31/9
    expect(attitude!.mean!.toFixed(10)).toBe('3.4444444444');
    expect(attitude!.index!.toFixed(6)).toBe('61.111111');
    expect(score.respondents).toBe(3);
    expect(score.missing).toBe('pairwise');
  });
  it('counts top-2 and bottom-2 boxes over the counted answers', () => {
    const attitude = scoreSurvey(small, responses).dimensions[1]!;
    // answers 5,4,3 | 4,4,4 | 3,2,2 → top (≥4): 5; bottom (≤2): 2; of 9
    expect(attitude.answers).toBe(9);
    expect(attitude.topBoxShare!.toFixed(6)).toBe('0.555556');
    expect(attitude.bottomBoxShare!.toFixed(6)).toBe('0.222222');
    const topOne = scoreSurvey(small, responses, { boxes: 1 }).dimensions[1]!;
    expect(topOne.topBoxShare!.toFixed(6)).toBe('0.111111');
  });
  it('listwise keeps only respondents complete on every item', () => {
    const score = scoreSurvey(small, responses, { missing: 'listwise' });
    expect(score.dimensions.map((d) => d.n)).toEqual([2, 2]);
    expect(score.dimensions[1]!.mean!.toString()).toBe('4');
  });
  it('a minimum share prorates: cole answered 2 of 3 reliability items', () => {
    const score = scoreSurvey(small, responses, { missing: { minimumShare: '0.6' } });
    const reliability = score.dimensions[0]!;
    expect(reliability.n).toBe(3);
    // acme 13/3, bolt 3, cole (2 + reversed 5 → 1)/2 = 1.5 → mean (13/3 + 3 + 1.5)/3 = 53/18
    expect(reliability.mean!.toFixed(10)).toBe('2.9444444444');
    const strict = scoreSurvey(small, responses, { missing: { minimumShare: 0.7 } });
    expect(strict.dimensions[0]!.n).toBe(2);
  });
  it('weights the overall index by importance and reports the weights and coverage', () => {
    const score = scoreSurvey(small, responses);
    // reliability index (11/3 − 1)/4·100 = 200/3; attitude (31/9 − 1)/4·100 = 550/9
    // overall = 0.75·200/3 + 0.25·550/9 = 50 + 15.2777… = 65.2777…
    expect(score.overall.index!.toFixed(8)).toBe('65.27777778');
    expect(score.overall.weighted).toBe(true);
    expect(score.overall.coverage.toString()).toBe('1');
    expect(score.weakestFirst).toEqual(['attitude', 'reliability']);
  });
  it('exact index boundaries: a mean of exactly 3.4 on 1–5 is exactly 60, not below standard', () => {
    const answers = (values: number[]) => ({ a1: values[0], a2: values[1], a3: values[2] });
    const score = scoreSurvey(small, [
      { id: '1', answers: answers([3, 3, 4]) },
      { id: '2', answers: answers([4, 3, 3]) },
      { id: '3', answers: answers([4, 4, 3]) },
      { id: '4', answers: answers([3, 3, 3]) },
      { id: '5', answers: answers([4, 3, 4]) },
    ]);
    expect(score.dimensions[1]!.mean!.toString()).toBe('3.4');
    expect(score.dimensions[1]!.index!.toString()).toBe('60');
    expect(score.dimensions[1]!.belowStandard).toBe(false);
  });
  it('filters by group and by period', () => {
    expect(scoreSurvey(small, responses, { where: { group: 'internal-customer' } }).dimensions[1]!.n).toBe(1);
    expect(scoreSurvey(small, responses, { where: { period: '2026-Q2' } }).respondents).toBe(2);
  });
  it('reports unscored dimensions with a reason and leaves them out of the overall index', () => {
    const score = scoreSurvey(small, [{ id: 'x', answers: { a1: 5, a2: 5, a3: 5 } }]);
    expect(score.dimensions[0]).toMatchObject({ n: 0, mean: null, index: null });
    expect(score.dimensions[0]!.reason).toBeDefined();
    expect(score.overall.index!.toString()).toBe('100');
    expect(score.overall.coverage.toString()).toBe('0.25');
    expect(score.weakestFirst).toEqual(['attitude', 'reliability']);
    expect(JSON.stringify(score)).not.toContain('NaN');
  });
  it('passes validation errors through and rejects data prepared with another instrument', () => {
    expect(scoreSurvey(small, [...responses, { id: 'bad', answers: { r1: 0 } }]).errors).toHaveLength(1);
    const other = prepareSurvey(serviceQualityInstrument, []);
    expect(() => scoreSurvey(small, other)).toThrow(/another instrument/);
    expect(() => scoreSurvey(small, responses, { boxes: 9 })).toThrow(ValidationError);
    expect(() => scoreSurvey(small, responses, { missing: { minimumShare: 0 } })).toThrow(ValidationError);
  });
  it('prepared data gives the same scores as raw responses', () => {
    const data = prepareSurvey(small, responses);
    expect(JSON.stringify(scoreSurvey(small, data))).toBe(JSON.stringify(scoreSurvey(small, responses)));
  });
});

describe('measureServqualGaps', () => {
  it('computes item, dimension and overall gaps with SERVPERF beside them', () => {
    const gaps = measureServqualGaps(small, responses, { missing: { minimumShare: 0.5 } });
    const r1 = gaps.items.find((item) => item.item === 'r1')!;
    // acme 4−5, bolt 3−5, cole 2−4 → mean −5/3
    expect(r1.n).toBe(3);
    expect(r1.gap!.toFixed(6)).toBe('-1.666667');
    const [reliability, attitude] = gaps.dimensions;
    // per respondent over paired items: acme (4+5 − 10)/2 = −0.5, bolt (6 − 9)/2 = −1.5, cole (2 − 4)/1 = −2
    expect(reliability!.gap!.toFixed(6)).toBe('-1.333333');
    expect(reliability!.pairedItems).toBe(2);
    // attitude: acme (9 − 9)/2 = 0, bolt (8 − 9)/2 = −0.5; cole has no attitude expectations
    expect(attitude!.n).toBe(2);
    expect(attitude!.gap!.toString()).toBe('-0.25');
    // SERVPERF on the same respondents and items: acme (5 + 4)/2, bolt (4 + 4)/2
    expect(attitude!.perception!.toString()).toBe('4.25');
    expect(gaps.weakestFirst).toEqual(['reliability', 'attitude']);
  });
  it('weights per respondent, then averages (instrument importance 75/25)', () => {
    const gaps = measureServqualGaps(small, responses, { missing: { minimumShare: 0.5 } });
    // acme 0.75·−0.5 + 0.25·0 = −0.375; bolt 0.75·−1.5 + 0.25·−0.5 = −1.25; cole only reliability: −2
    expect(gaps.overall.weightedGap!.toFixed(10)).toBe((-(0.375 + 1.25 + 2) / 3).toFixed(10));
    // unweighted: acme −0.25, bolt −1, cole −2
    expect(gaps.overall.gap!.toFixed(10)).toBe('-1.0833333333');
    expect(gaps.overall.weightsFrom).toBe('instrument');
  });
  it('uses the respondents’ own 100-point allocations when given', () => {
    const own = responses.map((r) => ({ ...r, importance: { reliability: 20, attitude: 80 } }));
    const gaps = measureServqualGaps(small, own, { missing: { minimumShare: 0.5 } });
    // acme 0.2·−0.5 = −0.1; bolt 0.2·−1.5 + 0.8·−0.5 = −0.7; cole −2
    expect(gaps.overall.weightedGap!.toFixed(10)).toBe((-(0.1 + 0.7 + 2) / 3).toFixed(10));
    expect(gaps.overall.weightsFrom).toBe('respondents');
  });
});

describe('importancePerformanceAnalysis', () => {
  const four = defineInstrument({
    ...smallDefinition,
    importance: undefined,
    dimensions: ['w', 'x', 'y', 'z'].map((id) => ({
      id,
      labels: { en: id, 'zh-CN': id },
      items: [{ id: `${id}1`, text: { en: id, 'zh-CN': id } }],
    })),
  });
  const answers = { w1: 5, x1: 2, y1: 4, z1: 1 };
  it('places dimensions in quadrants around the data means', () => {
    // importance: w .4, x .3, y .2, z .1 (mean .25); performance index w 100, x 25, y 75, z 0 (mean 50)
    const ipa = importancePerformanceAnalysis(four, [{ id: 'a', answers, importance: { w: 40, x: 30, y: 20, z: 10 } }]);
    expect(ipa.importanceSource).toBe('respondents');
    expect(ipa.crosshair.importance.toString()).toBe('0.25');
    expect(ipa.crosshair.performance.toString()).toBe('50');
    expect(ipa.quadrants).toEqual({
      'keep-up-the-good-work': ['w'],
      'concentrate-here': ['x'],
      'possible-overkill': ['y'],
      'low-priority': ['z'],
    });
  });
  it('decides ties exactly and towards action: on both lines is "concentrate here"', () => {
    const ipa = importancePerformanceAnalysis(four, [{ id: 'a', answers: { w1: 3, x1: 3, y1: 3, z1: 3 } }], {
      importance: { w: 1, x: 1, y: 1, z: 1 },
    });
    expect(ipa.dimensions.map((d) => d.quadrant)).toEqual([
      'concentrate-here',
      'concentrate-here',
      'concentrate-here',
      'concentrate-here',
    ]);
  });
  it('splits at the scale midpoint or a given point on request', () => {
    const importance = { w: 4, x: 3, y: 2, z: 1 };
    const midpoint = importancePerformanceAnalysis(four, [{ id: 'a', answers }], { importance, crosshair: 'midpoint' });
    expect(midpoint.crosshair.performance.toString()).toBe('50');
    expect(midpoint.crosshair.importance.toString()).toBe('0.25');
    // given importance is normalised to shares: w .4, x .3, y .2, z .1
    expect(midpoint.dimensions[0]!.importance.toString()).toBe('0.4');
    const given = importancePerformanceAnalysis(four, [{ id: 'a', answers }], {
      importance,
      crosshair: { importance: 0.25, performance: 80 },
    });
    expect(given.quadrants).toEqual({
      'keep-up-the-good-work': ['w'],
      'concentrate-here': ['x'],
      'possible-overkill': [],
      'low-priority': ['y', 'z'],
    });
  });
  it('uses the instrument importance, or says none is available', () => {
    expect(importancePerformanceAnalysis(small, responses).importanceSource).toBe('instrument');
    expect(() => importancePerformanceAnalysis(four, [{ id: 'a', answers }])).toThrow(ValidationError);
    expect(() => importancePerformanceAnalysis(four, [{ id: 'a', answers }], { importance: { w: 1 } })).toThrow(
      ValidationError,
    );
  });
});

describe('compareSurveyGroups', () => {
  const row = (id: string, period: string, a: number[]) => ({
    id,
    period,
    answers: { a1: a[0], a2: a[1], a3: a[2], r1: 3, r2: 3, r3: 3 },
  });
  const data = [
    row('1', 'Q2', [4, 4, 5]),
    row('2', 'Q2', [5, 5, 4]),
    row('3', 'Q2', [4, 5, 5]),
    row('4', 'Q3', [3, 2, 3]),
    row('5', 'Q3', [2, 3, 2]),
    row('6', 'Q3', [3, 3, 3]),
  ];
  it('gives the exact difference and a Welch interval, weakest first', () => {
    const result = compareSurveyGroups(small, data, { by: 'period', baseline: 'Q2', comparison: 'Q3' });
    expect(result.dimensions.map((d) => d.dimension)).toEqual(['attitude', 'reliability']);
    const attitude = result.dimensions[0]!;
    // Q2 means 13/3, 14/3, 14/3 → 41/9; Q3 8/3, 7/3, 3 → 8/3; difference −17/9
    expect(attitude.difference!.toFixed(8)).toBe('-1.88888889');
    expect(attitude.direction).toBe('worse');
    expect(attitude.ci.upper!).toBeLessThan(0);
    expect(result.dimensions[1]!.direction).toBeNull();
    expect(result.dimensions[1]!.reason).toMatch(/varies/);
  });
  it('compares respondent groups', () => {
    const result = compareSurveyGroups(small, responses, {
      by: 'group',
      baseline: 'external-client',
      comparison: 'internal-customer',
    });
    expect(result.dimensions.find((d) => d.dimension === 'attitude')!.comparison.n).toBe(1);
  });
  it('rejects a missing "by"', () => {
    expect(() => compareSurveyGroups(small, data, { by: 'month' as 'period', baseline: 'a', comparison: 'b' })).toThrow(
      ValidationError,
    );
  });
});

describe('surveyReliability', () => {
  it('computes alpha per dimension on reverse-coded answers and names flagged items', () => {
    const rows = [
      [5, 5, 1],
      [4, 4, 2],
      [2, 3, 4],
      [1, 2, 5],
      [3, 3, 3],
    ];
    const result = surveyReliability(
      small,
      rows.map((r, i) => ({ id: String(i), answers: { r1: r[0], r2: r[1], r3: r[2] } })),
    );
    const reliability = result.dimensions[0]!;
    // r3 is reverse-coded, so the reversed column agrees with r1 and r2: alpha is high
    expect(reliability.alpha!).toBeGreaterThan(0.9);
    expect(reliability.itemIds).toEqual(['r1', 'r2', 'r3']);
    expect(result.dimensions[1]!.alpha).toBeNull();
    expect(result.dimensions[1]!.reason).toBe('fewer than two respondents');
  });
});

describe('validateSurveyResponse (single-record form)', () => {
  it('returns the response normalised, answers as given and exact', () => {
    const response = validateSurveyResponse(small, {
      id: 7,
      group: 'internal-customer',
      answers: { r3: 2, 'r1.e': 5 },
      importance: { reliability: 40, attitude: 60 },
    });
    expect(response.id).toBe('7');
    expect(response.answers['r3']!.toString()).toBe('2');
    expect(response.answers['r1.e']!.toString()).toBe('5');
    expect(response.answers['a1']).toBeNull();
    expect(response.importance!['attitude']!.toString()).toBe('0.6');
  });
  it('throws every problem with its path', () => {
    try {
      validateSurveyResponse(small, { id: 'x', answers: { r1: 0, nope: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toEqual(['answers.r1', 'answers.nope']);
    }
  });
});

describe('overall n', () => {
  it('counts the respondents who counted for at least one dimension', () => {
    expect(scoreSurvey(small, responses).overall.n).toBe(3);
    expect(scoreSurvey(small, responses, { missing: 'listwise' }).overall.n).toBe(2);
  });
});
