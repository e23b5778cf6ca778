/**
 * Generated models the SQL text tests compile: scorecards with a categorical factor of arbitrary
 * codes (the bound text values), rule sets over number, text and date signals, and value matrices.
 */
import fc from 'fast-check';
import { defineRuleSet, type ChurnCondition, type RuleSet } from '../../src/churn/index.js';
import { defineScorecard, potentialValueBands, type Scorecard } from '../../src/scoring/index.js';
import { defineValueMatrix, valueGrades, type ValueGrade, type ValueMatrix } from '../../src/value/index.js';
import { scorecardDefinition } from '../arbitraries/scorecard.js';

/**
 * A generated scorecard with potentialValueBands' grades, a dotted first category id, and its first
 * factor made categorical over one to three arbitrary codes.
 */
export const scorecardWithCodes: fc.Arbitrary<Scorecard> = fc
  .tuple(scorecardDefinition, fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 3 }))
  .map(([definition, values]) => {
    const first = definition.categories[0]!.factors[0]!;
    return defineScorecard({
      ...definition,
      grades: potentialValueBands,
      categories: definition.categories.map((category, c) => ({
        ...category,
        id: c === 0 ? 'c-0.x' : category.id,
        factors: category.factors.map((factor) =>
          factor === first
            ? {
                ...factor,
                scale: {
                  type: 'categorical' as const,
                  categories: values.map((value) => ({ value, rating: factor.max })),
                },
              }
            : factor,
        ),
      })),
    });
  });

/** One leaf over a number, a category or a date signal of the built-in churn catalogue. */
const textLeaf: fc.Arbitrary<ChurnCondition> = fc.oneof(
  fc.record({
    signal: fc.constant('spendChange'),
    op: fc.constantFrom('lt', 'gte', 'eq' as const),
    value: fc.integer({ min: -40, max: 40 }).map((n) => n / 8),
  }),
  fc.record({
    signal: fc.constant('tier'),
    op: fc.constantFrom('in', 'notIn' as const),
    value: fc.uniqueArray(
      fc.string({ minLength: 1, maxLength: 6 }).map((text) => `t${text}`),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({ signal: fc.constant('lastOrderDate'), op: fc.constant('gt' as const), value: fc.constant('2026-03-01') }),
  fc.record({
    signal: fc.constant('lastOrderDate'),
    op: fc.constantFrom('within', 'olderThan' as const),
    value: fc.constant({ months: 2 }),
  }),
) as fc.Arbitrary<ChurnCondition>;

/** A two-rule set: one `all` or `any` group of one to four leaves, and the negation of its first leaf. */
export const ruleSetOfLeaves: fc.Arbitrary<RuleSet> = fc
  .tuple(fc.array(textLeaf, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([leaves, any]) =>
    defineRuleSet({
      id: 'text',
      rules: [
        {
          id: 'r',
          when: any ? { any: leaves } : { all: leaves },
          severity: 'watch',
          points: '0.125',
          cause: 'competitor',
        },
        { id: 's', when: { not: leaves[0]! }, severity: 'critical', points: 2, cause: 'competitor' },
      ],
    }),
  );

const labels = (text: string) => ({ en: text, 'zh-CN': text });

/** The value matrix whose 16 cells (current-major) hold classes `k0`–`k2` by index. */
export function matrixOfCells(cells: readonly number[]): ValueMatrix {
  const classes = ['k0', 'k1', 'k2'].map((id) => ({
    id,
    segment: `segment-${id}`,
    labels: labels(id),
    strategy: labels(id),
  }));
  const row = (current: ValueGrade) =>
    Object.fromEntries(
      valueGrades.map((potential, p) => [potential, `k${cells[valueGrades.indexOf(current) * 4 + p]!}`]),
    ) as Record<ValueGrade, string>;
  return defineValueMatrix({
    id: 'generated',
    version: '1',
    classes,
    cells: { A: row('A'), B: row('B'), C: row('C'), D: row('D') },
  });
}

/** Sixteen cells of classes 0–2, for {@link matrixOfCells}. */
export const matrixCells: fc.Arbitrary<number[]> = fc.array(fc.integer({ min: 0, max: 2 }), {
  minLength: 16,
  maxLength: 16,
});
