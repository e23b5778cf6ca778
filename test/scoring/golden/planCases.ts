/**
 * Before/after cases for the scorecard plan: the JSON of score results, column scores and
 * generated SQL for the presets, a model with every scale type and a few hundred random models
 * (fixed seed). `plan.golden.test.ts` compares their digests with the ones recorded before the
 * four copies of the scoring arithmetic became one plan.
 */
import fc from 'fast-check';
import {
  defineScorecard,
  keyAccountSelectionModel,
  potentialValueBands,
  potentialValueModel,
  score,
  scoreColumns,
  type ScoreOptions,
  type Scorecard,
  type ScorecardDefinition,
} from '../../../src/scoring/index.js';
import { toSql } from '../../../src/sql/index.js';
import { everyScaleScorecard, factorsOf, ratingsFor, scorecardDefinition } from '../../arbitraries/scorecard.js';

/** One model with a scale of every type and its own grade bands. */
const scaled = defineScorecard(everyScaleScorecard);

const scaledRatings: Record<string, unknown>[] = [
  { tenure: 0, latePayments: 0, industry: 'fmcg', exclusive: true, marketPosition: 10 },
  { tenure: 400, latePayments: 3, industry: "o'brien", exclusive: false, marketPosition: 1 },
  { tenure: 730, latePayments: 2.5, industry: 'other', exclusive: true, marketPosition: 5.5 },
  { tenure: 10000, latePayments: 99, industry: 'fmcg', exclusive: false, marketPosition: '7.25' },
  { tenure: 12, latePayments: 1, industry: 'auto', exclusive: true },
];

type Case = readonly [name: string, compute: () => unknown];

const attempt = (compute: () => unknown): unknown => {
  try {
    return compute();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), issues: (error as { issues?: unknown }).issues };
  }
};

function scoreCases(name: string, model: Scorecard, ratings: readonly Record<string, unknown>[]): Case[] {
  const bands = model.grades ?? potentialValueBands;
  const optionSets: ScoreOptions[] = [
    { bands },
    { bands, normalisation: 'minmax' },
    { bands, normalisation: 'ratio', clamp: true },
    { bands, missing: 'min' },
    { bands, missing: 'exclude', normalisation: 'minmax' },
  ];
  const cases: Case[] = [];
  ratings.forEach((record, r) => {
    optionSets.forEach((options, o) => cases.push([`${name} score ${r} options ${o}`, () => attempt(() => score(model, record, options))]));
  });
  const columns: Record<string, unknown[]> = Object.fromEntries(model.factorIds.map((id) => [id, ratings.map((record) => record[id])]));
  optionSets.slice(0, 3).forEach((options, o) => {
    const { missing, ...columnOptions } = options;
    void missing;
    cases.push([`${name} columns options ${o}`, () => attempt(() => {
      const result = scoreColumns(model, columns, columnOptions);
      return {
        numerators: Array.from(result.numerators, (n) => (Number.isNaN(n) ? 'NaN' : n)),
        denominator: result.denominator,
        grades: Array.from(result.grades),
        totals: ratings.map((_, i) => result.total(i)),
        gradeIds: ratings.map((_, i) => result.grade(i)),
        errors: result.errors,
      };
    })]);
  });
  return cases;
}

function sqlCases(name: string, model: Scorecard): Case[] {
  const bands = model.grades ?? potentialValueBands;
  const variants = [
    { dialect: 'duckdb', table: 'accounts', bands },
    { dialect: 'postgres', table: ['crm', 'accounts'], bands, missing: 'min', clamp: true, keep: ['id'] },
    { dialect: 'bigquery', table: 'accounts', bands: null, normalisation: 'minmax' },
    { dialect: 'snowflake', table: 'accounts', bands, ratingScale: 2, totalScale: 4 },
    { dialect: 'spark', table: 'accounts', bands, missing: 'exclude' },
  ] as const;
  return variants.map((options, v) => [`${name} sql ${v}`, () => attempt(() => {
    const query = toSql(model, options as never);
    return { text: query.text, params: query.params, columns: query.columns, totals: query.totals, inline: query.inline() };
  })]);
}

/** Ratings with more decimals than the integer path takes, as strings, and one out of range. */
function awkwardRatings(definition: ScorecardDefinition): Record<string, unknown>[] {
  const factors = factorsOf(definition);
  const between = Object.fromEntries(factors.map((factor) => [factor.id, ((factor.min + factor.max) / 3).toFixed(9)]));
  const outside = Object.fromEntries(factors.map((factor, i) => [factor.id, i === 0 ? factor.max + 1 : factor.min]));
  const missing = Object.fromEntries(factors.slice(1).map((factor) => [factor.id, factor.max]));
  return [between, outside, missing];
}

/** Every case, in a fixed order. */
export function planCases(randomModels = 240): Case[] {
  const cases: Case[] = [];
  const seedRatings = (definition: ScorecardDefinition, seed: number): Record<string, unknown>[] => [
    ...fc.sample(ratingsFor(definition), { numRuns: 3, seed }),
    ...awkwardRatings(definition),
  ];
  for (const [name, model] of [['potentialValue', potentialValueModel], ['keyAccount', keyAccountSelectionModel]] as const) {
    const definition = model.toJSON() as unknown as ScorecardDefinition;
    cases.push(...scoreCases(name, model, seedRatings(definition, 7)), ...sqlCases(name, model));
  }
  cases.push(...scoreCases('scaled', scaled, scaledRatings), ...sqlCases('scaled', scaled));
  const definitions = fc.sample(scorecardDefinition, { numRuns: randomModels, seed: 1111 });
  definitions.forEach((definition, m) => {
    const model = defineScorecard({ ...definition, id: `generated-${m}` });
    cases.push(...scoreCases(`random ${m}`, model, seedRatings(definition, m)), ...sqlCases(`random ${m}`, model));
  });
  return cases;
}
