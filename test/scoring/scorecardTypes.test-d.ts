/**
 * Types that catch mistakes: a model known at compile time (a preset, or `defineScorecard` on a
 * literal) keys ratings by its factor ids and types grades by its grade ids; a model of unknown
 * shape takes any object. Each `@ts-expect-error` fails the type check if the mistake compiles.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createScorer,
  defineScorecard,
  fakeBigAccountModel,
  keyAccountSelectionModel,
  potentialValueBands,
  potentialValueModel,
  safeScore,
  score,
  scoreEach,
  scorePortfolio,
  type FakeBigAccountFactorId,
  type KeyAccountFactorId,
  type PotentialValueFactorId,
  type PotentialValueGrade,
  type Scorecard,
  type ScoreOptions,
  type ScoreResult,
  type ScoreSummary,
} from '../../src/scoring/index.js';
import {
  defaultChurnRules,
  defineRuleSet,
  diffAlerts,
  evaluateChurnRisk,
  type ChurnAlert,
  type RuleSet,
} from '../../src/churn/index.js';
import type { JsonObject } from '../../src/shared/index.js';
import { score as rootScore } from '../../src/index.js';

// What `import model from './model.json'` gives under resolveJsonModule: every string, number and
// boolean widened (a variable declared without `as const` is typed the same way).
const jsonModel = {
  id: 'from-file',
  version: '1.0.0',
  normalisation: 'ratio',
  categories: [
    {
      id: 'usage',
      labels: { en: 'Usage', de: 'Nutzung' },
      weight: 1,
      factors: [
        {
          id: 'seats',
          min: 1,
          max: 5,
          scale: { type: 'linear', from: { raw: 0, rating: 1 }, to: { raw: 50, rating: 5 } },
        },
        {
          id: 'region',
          min: 0,
          max: 1,
          scale: { type: 'boolean', true: 1, false: 0, special: [{ value: '?', missing: true }] },
        },
      ],
    },
  ],
};

const full = { tenure: 4, creditRecord: 8 } as const;

describe('ratings keyed by the model', () => {
  it('a preset takes its own factor ids and refuses a typo', () => {
    score(potentialValueModel, full, { missing: 'min' });
    // @ts-expect-error: 'tenur' is not a factor of potentialValueModel
    score(potentialValueModel, { tenur: 4 });
    // @ts-expect-error: no key in common with the model's factors
    safeScore(potentialValueModel, { ternure: 4, credit: 3 } as { ternure: number; credit: number });
    expectTypeOf(potentialValueModel.factorIds).toEqualTypeOf<readonly PotentialValueFactorId[]>();
    expectTypeOf(keyAccountSelectionModel.factorIds).toEqualTypeOf<readonly KeyAccountFactorId[]>();
    expectTypeOf(fakeBigAccountModel.factorIds).toEqualTypeOf<readonly FakeBigAccountFactorId[]>();
  });

  it('a literal model passed to defineScorecard carries its ids without `as const`', () => {
    const model = defineScorecard({
      id: 'tiny',
      grades: {
        id: 'tiny-grades',
        domain: '[0, 100]',
        bands: [
          { id: 'good', labels: { en: 'Good', 'zh-CN': '好' }, interval: '[50, 100]' },
          { id: 'poor', labels: { en: 'Poor', 'zh-CN': '差' }, interval: '[0, 50)' },
        ],
      },
      categories: [
        { id: 'money', weight: '0.6', factors: [{ id: 'spend', min: 1, max: 10 }] },
        { id: 'fit', weight: '0.4', factors: [{ id: 'fit', min: 1, max: 5 }] },
      ],
    });
    expectTypeOf(model).toEqualTypeOf<Scorecard<'spend' | 'fit', 'good' | 'poor'>>();
    expectTypeOf(score(model, { spend: 5, fit: 5 }).grade).toEqualTypeOf<'good' | 'poor' | null>();
    // @ts-expect-error: 'spnd' is not a factor of the model
    score(model, { spnd: 5, fit: 5 });
  });

  it('`as const` literals are accepted too', () => {
    const definition = {
      id: 'frozen',
      categories: [{ id: 'all', weight: 1, factors: [{ id: 'only', min: 0, max: 1 }] }],
    } as const;
    const model = defineScorecard(definition);
    expectTypeOf(model.factorIds).toEqualTypeOf<readonly 'only'[]>();
  });

  it('a mistake in a literal definition is a compile error at the mistake', () => {
    defineScorecard({
      id: 'typo',
      // @ts-expect-error: not a normalisation
      normalisation: 'ratoi',
      categories: [{ id: 'all', weight: 1, factors: [{ id: 'only', min: 0, max: 1 }] }],
    });
  });

  it('a JSON file imported with resolveJsonModule is accepted as a model of unknown shape', () => {
    const model = defineScorecard(jsonModel);
    expectTypeOf(model).toEqualTypeOf<Scorecard>();
    score(model, { anything: 1 });
  });

  it('labels in any locale with en, in scorecards, their scales and grade bands', () => {
    const model = defineScorecard({
      id: 'intl',
      labels: { en: 'Potential', de: 'Potenzial' },
      grades: {
        id: 'g',
        domain: '[0, 100]',
        labels: { en: 'Grades', ja: '等級' },
        bands: [
          { id: 'hi', interval: '[50, 100]', labels: { en: 'High', de: 'Hoch' } },
          { id: 'lo', interval: '[0, 50)' },
        ],
      },
      categories: [
        {
          id: 'all',
          weight: 1,
          labels: { en: 'All', de: 'Alle' },
          factors: [
            {
              id: 'size',
              min: 1,
              max: 2,
              labels: { en: 'Size', ja: '規模' },
              scale: {
                type: 'categorical',
                categories: [{ value: 'big', rating: 2, labels: { en: 'Big', de: 'Groß' } }],
              },
            },
          ],
        },
      ],
    });
    expectTypeOf(model.factorIds).toEqualTypeOf<readonly 'size'[]>();
    defineScorecard({
      id: 'no-en',
      // @ts-expect-error: en is required (the fallback locale)
      labels: { de: 'Potenzial' },
      categories: [{ id: 'all', weight: 1, factors: [{ id: 'only', min: 0, max: 1 }] }],
    });
  });

  it('a JSON file with a mistake in its shape is left to the run-time check (one ValidationError)', () => {
    // `factrs` for `factors`: what a misspelt JSON file imports as
    const misspelt = JSON.parse('{}') as {
      id: string;
      categories: { id: string; weight: number; factrs: { id: string; min: number; max: number }[] }[];
    };
    expectTypeOf(defineScorecard(misspelt)).toEqualTypeOf<Scorecard>();
    const noCategories = JSON.parse('{}') as { id: string; version: string };
    expectTypeOf(defineScorecard(noCategories)).toEqualTypeOf<Scorecard>();
    // a literal (its id written in the code) is still checked at compile time
    // @ts-expect-error: a literal without categories
    defineScorecard({ id: 'literal' });
    // @ts-expect-error: no id at all is a compile error either way
    defineScorecard(JSON.parse('{}') as { categories: [] });
  });

  it('a model of unknown shape takes any object', () => {
    const loaded: Scorecard = potentialValueModel;
    score(loaded, { whatever: 1 });
    // @ts-expect-error: clientele/scoring's score takes compiled models only
    score(potentialValueModel.toJSON(), { whatever: 1 });
    rootScore(potentialValueModel.toJSON(), { whatever: 1 });
    expectTypeOf(score(loaded, {}).grade).toEqualTypeOf<string | null>();
  });
});

describe('grade unions from the model', () => {
  it('the preset grades A to D', () => {
    const result = score(potentialValueModel, full);
    expectTypeOf(result.grade).toEqualTypeOf<PotentialValueGrade | null>();
    expectTypeOf(result).toExtend<ScoreResult>();
    expectTypeOf(result.factors[0]!.id).toEqualTypeOf<PotentialValueFactorId>();
  });

  it('options.bands decides the grades: null grades nothing, other bands their own ids', () => {
    expectTypeOf(score(potentialValueModel, full, { bands: null }).grade).toEqualTypeOf<null>();
    expectTypeOf(
      score(potentialValueModel, full, { bands: potentialValueBands }).grade,
    ).toEqualTypeOf<PotentialValueGrade | null>();
  });

  it('the batch forms carry the unions', () => {
    const portfolio = scorePortfolio(potentialValueModel, [{ id: 'a', ratings: full }]);
    expectTypeOf(portfolio.summary.grades).toEqualTypeOf<Readonly<Record<PotentialValueGrade, number>>>();
    for (const outcome of scoreEach(potentialValueModel, [])) {
      if (outcome.ok) expectTypeOf(outcome.result.grade).toEqualTypeOf<PotentialValueGrade | null>();
    }
    const scoreOne = createScorer(potentialValueModel);
    const outcome = scoreOne({}, 0);
    if (outcome.ok) expectTypeOf(outcome.result.grade).toEqualTypeOf<PotentialValueGrade | null>();
    const safe = safeScore(potentialValueModel, full);
    if (safe.success) expectTypeOf(safe.output.grade).toEqualTypeOf<PotentialValueGrade | null>();
  });
});

describe('inference without explicit type arguments', () => {
  it('diffAlerts infers the alert type from the runs', () => {
    const run = [evaluateChurnRisk({} as never, {} as never)];
    expectTypeOf(diffAlerts(run, run).new).toEqualTypeOf<readonly ChurnAlert[]>();
    const bare = [{ key: 'A::x', ruleId: 'x', note: 'kept' }];
    expectTypeOf(diffAlerts(bare, bare).resolved[0]!.note).toEqualTypeOf<string>();
  });
});

describe('defineRuleSet checks a literal against the typed input', () => {
  const base = defaultChurnRules.rules[0]!;
  const rule = { ...base, id: 'spend-drop', when: { signal: 'spendChange', op: 'lte', value: -0.2 } } as const;

  it('a literal that fits is accepted; a misspelt key or operator is a compile error', () => {
    defineRuleSet({ id: 'mini', rules: [rule] });
    // @ts-expect-error: 'rulez' is not a key of a rule set
    defineRuleSet({ id: 'mini', rulez: [rule] });
    // @ts-expect-error: 'lower' is not an operator
    defineRuleSet({ id: 'mini', rules: [{ ...rule, when: { signal: 'spendChange', op: 'lower', value: 0 } }] });
  });

  it('a JSON file (widened strings) or a value of unknown shape is left to the run-time check', () => {
    const fromFile = {
      id: 'file',
      rules: [{ id: 'r', when: { signal: 's', op: 'lte', value: 1 }, severity: 'watch', points: 1, cause: 'x' }],
    };
    expectTypeOf(defineRuleSet(fromFile)).toEqualTypeOf<RuleSet>();
    expectTypeOf(defineRuleSet(JSON.parse('{}') as JsonObject)).toEqualTypeOf<RuleSet>();
  });
});

describe('explain: false', () => {
  const ratings = { tenure: 3 };
  it('gives a summary without the lines, typed as such in every form', () => {
    const summary = score(potentialValueModel, ratings, { missing: 'min', explain: false });
    expectTypeOf(summary).toEqualTypeOf<ScoreSummary<PotentialValueFactorId, PotentialValueGrade>>();
    expectTypeOf(summary.grade).toEqualTypeOf<PotentialValueGrade | null>();
    // @ts-expect-error: a summary has no lines
    void summary.factors;
    for (const outcome of scoreEach(potentialValueModel, [{ ratings }], { missing: 'min', explain: false }))
      if (outcome.ok)
        expectTypeOf(outcome.result).toEqualTypeOf<ScoreSummary<PotentialValueFactorId, PotentialValueGrade>>();
    const portfolio = scorePortfolio(potentialValueModel, [{ ratings }], { missing: 'min', explain: false });
    expectTypeOf(portfolio.results[0]!.result).not.toHaveProperty('factors');
    const scoreOne = createScorer(potentialValueModel, { missing: 'min', explain: false });
    const one = scoreOne({ ratings }, 0);
    if (one.ok) expectTypeOf(one.result).not.toHaveProperty('categories');
    const safe = safeScore(potentialValueModel, ratings, { missing: 'min', explain: false });
    if (safe.success) expectTypeOf(safe.output).not.toHaveProperty('factors');
  });

  it('leaves every other call a full result, options typed as ScoreOptions included', () => {
    const options: ScoreOptions = { missing: 'min' };
    expectTypeOf(score(potentialValueModel, ratings, options)).toHaveProperty('factors');
    expectTypeOf(score(potentialValueModel, ratings, { missing: 'min' })).toEqualTypeOf<
      ScoreResult<PotentialValueFactorId, PotentialValueGrade>
    >();
    const flag = Math.random() > 0.5;
    // @ts-expect-error: only the literal false, so the result's type is known where the call is written
    score(potentialValueModel, ratings, { missing: 'min', explain: flag });
  });
});
