import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/shared/index.js';
import {
  defineScorecard,
  potentialValueModel,
  reasons,
  roundForDisplay,
  score,
  type ScoreOptions,
  type ScorecardDefinition,
} from '../../src/scoring/index.js';

const labels = (text: string) => ({ en: text, 'zh-CN': text });
const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max.toNumber()]));
const bottom = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.min.toNumber()]));

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  }
  throw new Error('expected a ValidationError');
}

describe('score: ratings', () => {
  it('accepts numbers, decimal strings and Decimals alike', () => {
    const asNumbers = score(potentialValueModel, { ...top, assetSize: 12.5 });
    const asStrings = score(potentialValueModel, { ...top, assetSize: '12.5' });
    const asDecimals = score(potentialValueModel, { ...top, assetSize: new Decimal('12.5') });
    expect(asNumbers.total.toString()).toBe('92.5');
    expect(JSON.stringify(asStrings)).toBe(JSON.stringify(asNumbers).replace('"raw":12.5', '"raw":"12.5"'));
    expect(asDecimals.total.equals(asNumbers.total)).toBe(true);
  });

  it('rejects every bad rating at once, each with its path', () => {
    const issues = issuesOf(() =>
      score(potentialValueModel, {
        ...top,
        tenure: 6,
        creditRecord: 'good',
        latePayment: Number.NaN,
        extra: 1,
      } as object),
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'ratings.creditRecord',
      'ratings.extra',
      'ratings.latePayment',
      'ratings.tenure',
    ]);
    expect(issues.find((issue) => issue.path === 'ratings.tenure')).toMatchObject({
      expected: expect.stringMatching(/within \[1, 5\]/),
      received: 'number 6',
    });
  });

  it('rejects a missing rating by default and a non-object input', () => {
    const { tenure: _dropped, ...rest } = top;
    expect(issuesOf(() => score(potentialValueModel, rest))[0]).toMatchObject({
      path: 'ratings.tenure',
      received: 'undefined',
    });
    expect(issuesOf(() => score(potentialValueModel, null as never))[0]).toMatchObject({
      path: 'ratings',
      received: 'null',
    });
    expect(issuesOf(() => score(potentialValueModel, { ...top, tenure: null }))[0]!.path).toBe('ratings.tenure');
  });

  it('treats a JSON "__proto__" key as an unknown factor, never as a prototype', () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(top).slice(1)}`) as Record<
      string,
      unknown
    >;
    expect(issuesOf(() => score(potentialValueModel, hostile))[0]!.path).toBe('ratings.__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(score(potentialValueModel, hostile, { ignoreUnknown: true }).total.toString()).toBe('100');
  });

  it('rounds a result for display from the scoring subpath alone', () => {
    const shown = roundForDisplay(score(potentialValueModel, top, { explain: false }), { decimals: 1 });
    expect(shown.total.toString()).toBe('100');
  });

  it('takes explain: true or false only', () => {
    const top = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
    expect(() => score(potentialValueModel, top, { explain: null as never })).toThrow(/options\.explain/);
    expect(() => score(potentialValueModel, top, { explain: 'no' as never })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.explain', code: 'invalid_type' })] }),
    );
    const explained = { explain: true } as ScoreOptions;
    expect(score(potentialValueModel, top, explained).factors).toHaveLength(13);
    const summary = score(potentialValueModel, top, { explain: false });
    expect('factors' in summary).toBe(false);
    expect(() => reasons(summary as never)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'result.factors' })] }),
    );
  });

  it('reads options afresh on every call: one options object changed between calls, an equal literal', () => {
    const rated = { ...top };
    delete (rated as Record<string, unknown>)['tenure'];
    const options: { missing: 'min' | 'exclude' | 'error' } = { missing: 'min' };
    const imputed = score(potentialValueModel, rated, options);
    options.missing = 'exclude';
    const excluded = score(potentialValueModel, rated, options);
    expect(excluded.factors[0]!.status).toBe('excluded');
    expect(imputed.factors[0]!.status).toBe('imputed');
    options.missing = 'error';
    expect(() => score(potentialValueModel, rated, options)).toThrow(ValidationError);
    expect(score(potentialValueModel, rated, { missing: 'min' }).total.toString()).toBe(imputed.total.toString());
  });

  it('names options that cannot be read or bands that are not compiled', () => {
    const throwing = Object.defineProperty({}, 'missing', {
      enumerable: true,
      get() {
        throw new Error('no');
      },
    });
    expect(() => score(potentialValueModel, top, throwing)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'options' })] }),
    );
    expect(() => score(potentialValueModel, top, { bands: { id: 'x' } as never })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.bands', code: 'invalid_type' })] }),
    );
  });

  it('clamps out-of-range ratings only when asked, and says so', () => {
    const result = score(potentialValueModel, { ...top, tenure: 9, assetSize: -3 }, { clamp: true });
    const tenure = result.factors.find((factor) => factor.id === 'tenure')!;
    expect(tenure).toMatchObject({ status: 'clamped', raw: 9 });
    expect(tenure.rating?.toString()).toBe('5');
    expect(result.factors.find((factor) => factor.id === 'assetSize')!.rating?.toString()).toBe('1');
    expect(result.total.toString()).toBe('81');
  });

  it('rejects bad options', () => {
    expect(issuesOf(() => score(potentialValueModel, top, { missing: 'zero' as never }))[0]!.path).toBe(
      'options.missing',
    );
    expect(issuesOf(() => score(potentialValueModel, top, { normalisation: 'z' as never }))[0]!.path).toBe(
      'options.normalisation',
    );
  });
});

describe('score: missing-value policies', () => {
  const { tenure: _t, creditRecord: _c, ...partial } = top;

  it("'min' imputes the minimum, flags it, and reports coverage and bounds", () => {
    const result = score(potentialValueModel, partial, { missing: 'min' });
    expect(result.total.toString()).toBe('87'); // 100 − (5 − 1) − (10 − 1)
    expect(result.complete).toBe(false);
    expect(result.factors[0]).toMatchObject({ status: 'imputed', raw: null });
    expect(result.coverage.toString()).toBe('0.85'); // 1 − 0.3 × 15 / 30
    expect(result.bounds.lower.toString()).toBe('87');
    expect(result.bounds.upper.toString()).toBe('100');
  });

  it("'exclude' drops the factor and renormalises within its category", () => {
    const result = score(potentialValueModel, { ...partial, latePayment: 5 }, { missing: 'exclude' });
    // credit: (5 + 5) / (10 + 5) of 30 points = 20; the rest full: 20 + 50
    expect(result.total.toString()).toBe('90');
    expect(result.factors[0]).toMatchObject({ status: 'excluded', rating: null });
    expect(result.factors[0]!.contribution.toString()).toBe('0');
    expect(result.categories[0]!.maxSum.toString()).toBe('15');
    expect(result.categories[0]!.coverage.toString()).toBe('0.5');
    expect(result.coverage.toString()).toBe('0.85');
    // bounds: the missing factors at their minimum and at their maximum
    expect(result.bounds.lower.toString()).toBe('82'); // credit 1 + 1 + 5 + 5 = 12 of 30, the rest full
    expect(result.bounds.upper.toString()).toBe('95');
    const sum = result.factors.reduce((total, factor) => total.plus(factor.contribution), new Decimal(0));
    expect(sum.equals(result.total)).toBe(true);
  });

  it("'exclude' renormalises across categories when a whole category is missing", () => {
    const onlyInfluence = { assetSize: 20, industry: 10, marketPosition: 10, peerUserBase: 10 };
    const result = score(potentialValueModel, onlyInfluence, { missing: 'exclude' });
    expect(result.total.toString()).toBe('100');
    expect(result.categories.map((category) => category.effectiveWeight.toString())).toEqual(['0', '0', '1']);
    expect(result.coverage.toString()).toBe('0.5');
    expect(result.bounds.lower.toString()).toBe('59'); // 50 + 4 + 5 at minimum
    expect(result.bounds.upper.toString()).toBe('100');
    expect(issuesOf(() => score(potentialValueModel, {}, { missing: 'exclude' }))[0]!.expected).toMatch(
      /at least one rated factor/,
    );
  });
});

describe('score: normalisation', () => {
  it("'minmax' maps the minima to 0 and the maxima to 100", () => {
    expect(score(potentialValueModel, bottom, { normalisation: 'minmax' }).total.toString()).toBe('0');
    expect(score(potentialValueModel, top, { normalisation: 'minmax' }).total.toString()).toBe('100');
    // credit at its midpoint range: (Σr − 4) / 26
    const result = score(
      potentialValueModel,
      { ...top, tenure: 1, creditRecord: 1, latePayment: 1, missedAppointments: 1 },
      { normalisation: 'minmax' },
    );
    expect(result.total.toString()).toBe('70');
    expect(result.normalisation).toBe('minmax');
  });

  it('keeps contributions exact and summing to the total even when they do not terminate', () => {
    const model = defineScorecard({
      id: 'thirds',
      categories: [
        { id: 'a', labels: labels('a'), weight: '0.5', factors: [{ id: 'x', labels: labels('x'), min: 0, max: 3 }] },
        { id: 'b', labels: labels('b'), weight: '0.5', factors: [{ id: 'y', labels: labels('y'), min: 0, max: 3 }] },
      ],
    });
    const result = score(model, { x: 1, y: 2 });
    expect(result.total.toString()).toBe('50');
    expect(result.factors[0]!.contribution.toString()).toBe('16.66666666666666666666666666666666666667');
    const exact = score(model, { x: 1, y: 1 });
    expect(exact.total.toString()).toBe('33.33333333333333333333333333333333333333');
    expect(exact.grade).toBeNull();
  });
});

describe('score: scales from raw measures', () => {
  const definition: ScorecardDefinition = {
    id: 'raw-measures',
    categories: [
      {
        id: 'credit',
        labels: labels('credit'),
        weight: '0.5',
        factors: [
          {
            id: 'tenure',
            labels: labels('days since first deal'),
            min: 1,
            max: 5,
            scale: {
              type: 'bands',
              unit: 'days',
              bands: [
                { interval: '[0, 365)', rating: 1 },
                { interval: '[365, 730)', rating: 2 },
                { interval: '[730, 1825)', rating: 3.5 },
                { interval: '[1825, +inf)', rating: 5 },
              ],
              special: [
                { value: 'unknown', missing: true },
                { value: 'new', rating: 1 },
              ],
            },
          },
          {
            id: 'latePayments',
            labels: labels('late payments'),
            min: 1,
            max: 10,
            scale: { type: 'linear', from: { raw: 0, rating: 10 }, to: { raw: 6, rating: 1 } },
          },
        ],
      },
      {
        id: 'market',
        labels: labels('market'),
        weight: '0.5',
        factors: [
          {
            id: 'industry',
            labels: labels('industry'),
            min: 1,
            max: 10,
            scale: {
              type: 'categorical',
              categories: [
                { value: 'fmcg', rating: 9 },
                { value: 'auto', rating: 8 },
              ],
              default: 4,
            },
          },
          {
            id: 'listed',
            labels: labels('listed company'),
            min: 1,
            max: 10,
            scale: { type: 'boolean', true: 10, false: 3 },
          },
        ],
      },
    ],
  };
  const model = defineScorecard(definition);

  it('maps raw values and explains raw value, rating, rule and contribution', () => {
    const result = score(model, { tenure: 730, latePayments: 2, industry: 'fmcg', listed: false });
    const [tenure, late, industry, listed] = result.factors;
    expect(tenure).toMatchObject({ raw: 730, rule: '[730, 1825) → 3.5' });
    expect(tenure!.rating!.toString()).toBe('3.5');
    expect(late!.rating!.toString()).toBe('7'); // 10 − 2 × 9/6
    expect(industry).toMatchObject({ raw: 'fmcg', rule: '"fmcg" → 9' });
    expect(listed!.rating!.toString()).toBe('3');
    // credit (3.5 + 7) / 15 × 50 = 35; market (9 + 3) / 20 × 50 = 30
    expect(result.total.toString()).toBe('65');
  });

  it('takes band edges exactly as written: 364.999 is band 1, 365 is band 2', () => {
    expect(
      score(model, { tenure: 364.999, latePayments: 0, industry: 'x', listed: true }).factors[0]!.rating!.toString(),
    ).toBe('1');
    expect(
      score(model, { tenure: '365', latePayments: 0, industry: 'x', listed: true }).factors[0]!.rating!.toString(),
    ).toBe('2');
  });

  it('clamps linear scales outside their anchors, in either direction', () => {
    expect(
      score(model, { tenure: 0, latePayments: 60, industry: 'auto', listed: true }).factors[1]!.rating!.toString(),
    ).toBe('1');
    expect(
      score(model, { tenure: 0, latePayments: -5, industry: 'auto', listed: true }).factors[1]!.rating!.toString(),
    ).toBe('10');
  });

  it('uses the categorical default for unlisted codes and named special values', () => {
    const result = score(model, { tenure: 'new', latePayments: 0, industry: 'mining', listed: true });
    expect(result.factors[0]!.rating!.toString()).toBe('1');
    expect(result.factors[2]).toMatchObject({ rule: '"mining" (not listed) → 4' });
    const unknown = score(
      model,
      { tenure: 'unknown', latePayments: 0, industry: 'fmcg', listed: true },
      { missing: 'exclude' },
    );
    expect(unknown.factors[0]!.status).toBe('excluded');
    expect(() => score(model, { tenure: 'unknown', latePayments: 0, industry: 'fmcg', listed: true })).toThrow(
      /ratings\.tenure/,
    );
  });

  it('rejects raw values a scale cannot map, naming the factor', () => {
    expect(
      issuesOf(() => score(model, { tenure: -1, latePayments: 0, industry: 'x', listed: 'yes' })).map(
        (issue) => issue.path,
      ),
    ).toEqual(['ratings.tenure', 'ratings.listed']);
    expect(
      score(model, { tenure: -1, latePayments: 0, industry: 'x', listed: true }, { clamp: true }).factors[0],
    ).toMatchObject({ status: 'clamped' });
  });

  it('describes each scale back as raw intervals, so labels and edges never disagree', () => {
    expect(model.factors[0]!.scale!.rows.map((row) => `${row.raw} → ${row.rating}`)).toEqual([
      '[0, 365) → 1',
      '[365, 730) → 2',
      '[730, 1825) → 3.5',
      '[1825, +inf) → 5',
      '"unknown" → missing',
      '"new" → 1',
    ]);
    expect(model.factors[1]!.scale!.rows.map((row) => row.raw)).toEqual(['(-inf, 0]', '(0, 6)', '[6, +inf)']);
  });
});

describe('reasons', () => {
  it('lists the factors that cost the most points, largest first, ties in model order', () => {
    const result = score(potentialValueModel, { ...top, assetSize: 10, tenure: 1, industry: 6 });
    expect(reasons(result, { k: 3 }).map((reason) => [reason.factorId, reason.shortfall.toString()])).toEqual([
      ['assetSize', '10'],
      ['tenure', '4'],
      ['industry', '4'],
    ]);
    expect(reasons(score(potentialValueModel, top))).toEqual([]);
    expect(reasons(result, { k: 0 })).toEqual([]);
  });
});

describe('results serialise', () => {
  it('to JSON with decimals as strings', () => {
    const json = JSON.parse(JSON.stringify(score(potentialValueModel, { ...top, assetSize: 12.5 }))) as Record<
      string,
      unknown
    >;
    expect(json.total).toBe('92.5');
    expect(json.grade).toBe('A');
    expect((json.factors as { contribution: string }[])[9]!.contribution).toBe('12.5');
  });
});

describe('parseScoreResult and safeScore', () => {
  it('reads a stored result back to an equal result', async () => {
    const { parseScoreResult } = await import('../../src/scoring/index.js');
    for (const result of [
      score(potentialValueModel, { ...top, assetSize: 12.5 }),
      score(potentialValueModel, { tenure: 2, assetSize: 3 }, { missing: 'exclude' }),
    ]) {
      const revived = parseScoreResult(JSON.parse(JSON.stringify(result)));
      expect(revived.total.equals(result.total)).toBe(true);
      expect(Decimal.isDecimal(revived.total)).toBe(true);
      expect(JSON.stringify(revived)).toBe(JSON.stringify(result));
    }
    expect(() => parseScoreResult({ total: 'abc' })).toThrow(ValidationError);
  });

  it('safeScore returns issues instead of throwing', async () => {
    const { safeScore } = await import('../../src/scoring/index.js');
    const bad = safeScore(potentialValueModel, { ...top, tenure: 9 });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues[0]!.path).toBe('ratings.tenure');
    const good = safeScore(potentialValueModel, top);
    expect(good.success && good.output.total.toString()).toBe('100');
  });
});
