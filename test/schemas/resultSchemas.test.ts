/**
 * The published JSON Schemas of stored results (schemas/<result>.json) checked by ajv in draft
 * 2020-12 strict mode: the JSON of live results the library computes validates, and hand-made bad
 * files (wrong types, missing keys, malformed decimal strings) fail both the schema and the
 * result's parseX; files parseX accepts (unknown keys, decimals as numbers) pass the schema too.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { buildJsonSchemas } from '../../scripts/json-schemas.js';
import { churnBatch, results, type Json } from './resultFixtures.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemas = buildJsonSchemas();
const validators = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, ajv.compile(schema)]));

const accepts = (parse: (json: unknown) => unknown, file: unknown): boolean => {
  try {
    parse(file);
    return true;
  } catch (error) {
    if (error instanceof library.ValidationError) return false;
    throw error;
  }
};
/** A copy of the first live result of `name` with one change made by `edit`. */
function edited(name: string, edit: (file: Json) => void): Json {
  const copy = structuredClone(results.find((result) => result.name === name)!.live[0]!);
  edit(copy);
  return copy;
}

describe('result JSON Schemas: live results validate', () => {
  for (const { name, parse, live } of results) {
    it(`${name}: the JSON of live results validates, and ${name} parses it`, () => {
      for (const file of live) {
        const ok = validators[name]!(file);
        expect(validators[name]!.errors ?? [], name).toEqual([]);
        expect(ok).toBe(true);
        expect(accepts(parse, file)).toBe(true);
      }
    });
  }
  it('the fixtures reach the optional parts (record errors, alerts)', () => {
    expect(churnBatch.errors.length).toBe(1);
    expect(churnBatch.results.some((result) => result.alerts.length > 0)).toBe(true);
    expect(edited('scoreSummary', () => {}).nextGrade).not.toBeNull();
    expect(edited('portfolioAssessment', () => {}).errors.length).toBe(1);
    expect(edited('surveyScore', () => {}).errors.length).toBe(1);
    expect(edited('backtestResult', () => {}).set.alerts).toBeGreaterThan(0);
  });
});

type Change = [name: string, what: string, edit: (file: Json) => void];
const changed = ([name, what, edit]: Change) => ({ name, what, file: edited(name, edit) });

const badFiles = (
  [
    ['scoreResult', 'total as a word', (f) => (f.total = 'eighty')],
    ['scoreResult', 'a malformed decimal', (f) => (f.coverage = '1.2.3')],
    ['scoreResult', 'no model', (f) => delete f.model],
    ['scoreResult', 'an unknown status', (f) => (f.factors[0].status = 'x')],
    ['scoreResult', 'complete as a string', (f) => (f.complete = 'yes')],
    ['scoreResult', 'a category without its weight', (f) => delete f.categories[0].weight],
    ['scoreSummary', 'total as a word', (f) => (f.total = 'eighty')],
    ['scoreSummary', 'a malformed decimal', (f) => (f.bounds.upper = '1.2.3')],
    ['scoreSummary', 'no bounds', (f) => delete f.bounds],
    ['scoreSummary', 'an unknown normalisation', (f) => (f.normalisation = 'zscore')],
    ['scoreSummary', 'a next grade without its points', (f) => delete f.nextGrade.points],
    ['scoreSummary', 'grade as a number', (f) => (f.grade = 1)],
    ['churnRiskResult', 'risk as a boolean', (f) => (f.risk = true)],
    ['churnRiskResult', 'no accountId', (f) => delete f.accountId],
    ['churnRiskResult', 'a malformed decimal', (f) => (f.maxRisk = '12,5')],
    ['churnRiskResult', 'signals without values', (f) => delete f.signals.values],
    ['churnRiskBatch', 'results as an object', (f) => (f.results = {})],
    ['churnRiskBatch', 'a result without index', (f) => delete f.results[0].index],
    ['churnRiskBatch', 'an error with a negative index', (f) => (f.errors[0].index = -1)],
    ['churnRiskBatch', 'a malformed decimal in a result', (f) => (f.results[1].risk = '1e')],
    ['portfolioAssessment', 'no summary', (f) => delete f.summary],
    ['portfolioAssessment', 'a count as a string', (f) => (f.summary.accounts = '3')],
    ['portfolioAssessment', 'a malformed decimal', (f) => (f.summary.totalValue = '$1,200')],
    ['portfolioAssessment', 'an issue with an unknown code', (f) => (f.errors[0].issues[0].code = 'oops')],
    ['surveyScore', 'an unknown missing policy', (f) => (f.missing = 'drop')],
    ['surveyScore', 'no overall', (f) => delete f.overall],
    ['surveyScore', 'a malformed decimal', (f) => (f.dimensions[0].mean = '3.5.1')],
    ['surveyScore', 'respondents as a fraction', (f) => (f.respondents = 2.5)],
    ['backtestResult', 'asOf as a string', (f) => (f.asOf = '2026-02-01')],
    ['backtestResult', 'no set', (f) => delete f.set],
    ['backtestResult', 'a malformed decimal', (f) => (f.accountMonths = 'twelve')],
    ['backtestResult', 'a rule without ruleId', (f) => delete f.rules[0].ruleId],
  ] satisfies Change[]
).map(changed);

/** Changes a result's parseX accepts: the schema accepts them too (the schemas are open where the parsers are). */
const acceptedFiles = (
  [
    ['scoreResult', 'an unknown key (dropped)', (f) => (f.note = 'kept aside')],
    ['scoreResult', 'a decimal as a number', (f) => (f.total = 80)],
    ['scoreSummary', 'a decimal as a number', (f) => (f.coverage = 1)],
    ['scoreSummary', "a full result's lines (dropped)", (f) => Object.assign(f, { categories: [], factors: [] })],
    ['churnRiskResult', 'an unknown key (kept)', (f) => (f.reviewedBy = 'ops')],
    ['portfolioAssessment', 'an unknown key (dropped)', (f) => (f.exportedAt = '2026-11-01')],
    ['surveyScore', 'a decimal as a number', (f) => (f.standard = 70)],
    ['backtestResult', 'an unknown key (dropped)', (f) => (f.set.comment = 'baseline')],
  ] satisfies Change[]
).map(changed);

describe('result JSON Schemas: bad files fail the schema, and parseX agrees', () => {
  for (const { name, what, file } of badFiles) {
    it(`${name}: ${what}`, () => {
      expect(validators[name]!(file)).toBe(false);
      expect(accepts(results.find((result) => result.name === name)!.parse, file)).toBe(false);
    });
  }
  for (const { name, what, file } of acceptedFiles) {
    it(`${name}: ${what} passes both`, () => {
      expect(validators[name]!(file)).toBe(true);
      expect(accepts(results.find((result) => result.name === name)!.parse, file)).toBe(true);
    });
  }
  it('a stored summary reads back equal to the live one, and the full result parseScoreResult reads', () => {
    const { potentialValueModel, potentialValueBands, score, parseScoreResult, parseScoreSummary } = library;
    const options = { missing: 'exclude', bands: potentialValueBands } as const;
    const summary = score(potentialValueModel, { tenure: 4, creditRecord: 8 }, { ...options, explain: false });
    const full = score(potentialValueModel, { tenure: 4, creditRecord: 8 }, options);
    expect(parseScoreSummary(JSON.parse(JSON.stringify(summary)))).toEqual({ ...summary });
    const { categories: _lines, factors: _factors, ...rest } = parseScoreResult(JSON.parse(JSON.stringify(full)));
    expect(parseScoreSummary(JSON.parse(JSON.stringify(full)))).toEqual(rest);
    expect(() => parseScoreResult(JSON.parse(JSON.stringify(summary)))).toThrow(/categories/);
    expect(() => parseScoreSummary({ ...JSON.parse(JSON.stringify(summary)), total: 'x' })).toThrow(
      /parseScoreSummary[\s\S]*total/,
    );
  });
  it('every result schema has bad files', () => {
    expect(new Set(badFiles.map((bad) => bad.name))).toEqual(new Set(results.map((result) => result.name)));
  });
});
