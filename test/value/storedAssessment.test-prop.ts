import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { renderReport, valueMatrixChart } from '../../src/charts/index.js';
import { assessPortfolio, parsePortfolioAssessment, potentialValueModel, ValidationError } from '../../src/index.js';

/** Issue 21: a portfolio assessment stored as JSON reads back and gives the live answers. */
const stored = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

const factorIds = potentialValueModel.factors.map((factor) => factor.id);
const account = fc.record({
  ratings: fc.tuple(
    ...potentialValueModel.factors.map((factor) =>
      fc.integer({ min: Math.ceil(factor.min.toNumber()), max: Math.floor(factor.max.toNumber()) }),
    ),
  ),
  margin: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constant('not a number')),
});

function assess(accounts: { ratings: number[]; margin: number | string }[]) {
  return assessPortfolio(
    accounts.map((item, index) => ({
      id: `acct-${index}`,
      ratings: Object.fromEntries(factorIds.map((id, at) => [id, item.ratings[at]])),
      margin: item.margin,
    })),
    { valuation: { discountRate: 0.1, retention: 0.8 } },
  );
}

describe('portfolio assessments read back from JSON', () => {
  test.prop([fc.array(account, { minLength: 1, maxLength: 6 })], { numRuns: 20 })(
    'parsePortfolioAssessment re-serialises the JSON form byte-identically and revives decimals',
    (accounts) => {
      const live = assess(accounts);
      const text = JSON.stringify(live);
      const revived = parsePortfolioAssessment(JSON.parse(text));
      expect(JSON.stringify(revived)).toBe(text);
      expect(revived.summary.totalValue.eq(live.summary.totalValue)).toBe(true);
      for (const [index, result] of revived.results.entries())
        expect(result.current.value.eq(live.results[index]!.current.value)).toBe(true);
    },
    60_000,
  );

  test.prop([fc.array(account, { minLength: 1, maxLength: 6 })], { numRuns: 10 })(
    'renderReport and valueMatrixChart give the same output for the live, JSON and revived forms',
    (accounts) => {
      const live = assess(accounts);
      const json = stored(live);
      const options = { asOf: '2026-06-30' };
      const report = renderReport(live, options);
      expect(renderReport(json as never, options)).toBe(report);
      expect(renderReport(parsePortfolioAssessment(json), options)).toBe(report);
      expect(valueMatrixChart(json as never)).toBe(valueMatrixChart(live));
    },
    60_000,
  );

  test.prop([fc.constantFrom('summary.totalValue', 'results', 'errors')], { numRuns: 3 })(
    'a stored assessment with a broken field is a ValidationError naming its path',
    (field) => {
      const json = stored(assess([{ ratings: potentialValueModel.factors.map((f) => f.max.toNumber()), margin: 10 }]));
      const [first, second] = field.split('.') as [string, string | undefined];
      if (second === undefined) (json as Record<string, unknown>)[first] = 'broken';
      else (json as Record<string, Record<string, unknown>>)[first]![second] = 'broken';
      let error: unknown;
      try {
        parsePortfolioAssessment(json);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues.map((issue) => issue.path)).toContain(field);
    },
  );
});
