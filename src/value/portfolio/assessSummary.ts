/**
 * The second pass of `assessPortfolio`, shared by the array and the streaming form: one sort of
 * the kept values serves the grader, Pareto and the top-N shares; the grades place each account in
 * the matrix; the summary counts cells and classes and adds Pareto and concentration. Accounts are
 * built one at a time from the kept facts, so the streaming form never holds them all.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { ExactDecimal, ZERO } from '../../shared/numeric.js';
import { valueGrades, type ValueClassification, type ValueGrade } from '../matrix/defineValueMatrix.js';
import { coverTarget } from '../internal/portfolioCore.js';
import { largestFirst } from '../internal/values.js';
import { assignGrades } from '../value/gradeValues.js';
import type { ValueGrader } from '../value/defineValueGrader.js';
import { concentrationOf } from './concentrationRisk.js';
import type { AssessmentSettings, KeptAccounts } from './assessAccounts.js';
import type { AssessedAccount, ClassSummary, PortfolioAssessmentSummary } from './assessTypes.js';

/** The kept accounts graded: the summary, and each account's current grade and matrix cell. */
export interface GradedAccounts {
  readonly kept: KeptAccounts;
  readonly summary: PortfolioAssessmentSummary;
  /** Index into the grader's grades of the k-th kept account's current value. */
  readonly gradeIndex: ArrayLike<number>;
  readonly settings: AssessmentSettings;
}

/** The k-th kept account's current grade and its cell of the matrix. */
function placeAccount(
  kept: KeptAccounts,
  gradeIndex: ArrayLike<number>,
  settings: AssessmentSettings,
  k: number,
): { currentGrade: ValueGrade; classification: ValueClassification } {
  const currentGrade = settings.grader.grades[gradeIndex[k]!]!.id as ValueGrade;
  return { currentGrade, classification: settings.matrix.lookup[currentGrade][kept.potentialGrades[k]!] };
}

/** Totals, the weights shares use (negative values weigh 0), one shared sort, and each account's grade index. */
function rankValues(values: readonly Decimal[], grader: ValueGrader) {
  let totalValue = ZERO;
  let hasNegative = false;
  for (const value of values) {
    totalValue = totalValue.plus(value);
    if (value.isNegative() && !value.isZero()) hasNegative = true;
  }
  const weights = hasNegative ? values.map((value) => (value.isNegative() ? ZERO : value)) : values;
  const positiveTotal = hasNegative ? weights.reduce((total, weight) => total.plus(weight), ZERO) : totalValue;
  // one sort serves the grader, Pareto and the top-N shares (values and weights sort alike unless
  // some values are negative, and then only quantile grading needs their own order)
  const order = largestFirst(weights);
  const gradeIndex =
    grader.method === 'cumulativeShare'
      ? assignGrades(weights, positiveTotal, grader, order)
      : assignGrades(values, positiveTotal, grader, grader.method === 'quantiles' && !hasNegative ? order : undefined);
  return { totalValue, weights, positiveTotal, order, gradeIndex };
}

/** Accounts per cell and count and value per class, for accounts already placed in the matrix. */
function countAccounts(
  kept: KeptAccounts,
  gradeIndex: ArrayLike<number>,
  positiveTotal: Decimal,
  settings: AssessmentSettings,
) {
  const cells = Object.fromEntries(
    valueGrades.map((row) => [row, Object.fromEntries(valueGrades.map((column) => [column, 0]))]),
  ) as Record<ValueGrade, Record<ValueGrade, number>>;
  const classTotals = new Map(settings.matrix.classes.map((item) => [item.id, { count: 0, value: ZERO }]));
  const grades = settings.grader.grades.map((grade) => grade.id as ValueGrade);
  const { lookup } = settings.matrix;
  const n = kept.values.length;
  for (let k = 0; k < n; k++) {
    const currentGrade = grades[gradeIndex[k]!]!;
    const potentialGrade = kept.potentialGrades[k]!;
    cells[currentGrade][potentialGrade]++;
    const totals = classTotals.get(lookup[currentGrade][potentialGrade].customerClass)!;
    totals.count++;
    totals.value = totals.value.plus(kept.values[k]!);
  }
  const byClass: ClassSummary[] = settings.matrix.classes.map((item) => {
    const totals = classTotals.get(item.id)!;
    return {
      customerClass: item.id,
      segment: item.segment,
      labels: item.labels,
      count: totals.count,
      accountShare: n === 0 ? ZERO : new ExactDecimal(totals.count).div(n),
      value: totals.value,
      valueShare: positiveTotal.isZero() ? ZERO : totals.value.div(positiveTotal),
    };
  });
  return { cells, byClass };
}

/** Grades every kept account across the portfolio, places it in the matrix and summarises the portfolio. */
export function gradeAccounts(kept: KeptAccounts, settings: AssessmentSettings): GradedAccounts {
  const { totalValue, weights, positiveTotal, order, gradeIndex } = rankValues(kept.values, settings.grader);
  const n = kept.values.length;
  const { cells, byClass } = countAccounts(kept, gradeIndex, positiveTotal, settings);
  let pareto: PortfolioAssessmentSummary['pareto'] = null;
  let concentration: PortfolioAssessmentSummary['concentration'] = null;
  if (!positiveTotal.isZero()) {
    const { count, covered } = coverTarget(weights, order, settings.targetShare.times(positiveTotal));
    pareto = {
      targetShare: settings.targetShare,
      count,
      accountShare: new ExactDecimal(count).div(n),
      valueShare: covered.div(positiveTotal),
    };
    concentration = concentrationOf(weights, order, positiveTotal, settings.top, settings.edition);
  }
  const summary = { accounts: n, failed: kept.errors.length, totalValue, byClass, cells, pareto, concentration };
  return { kept, summary, gradeIndex, settings };
}

/** The k-th kept account, assessed. */
export function assessedAccount(graded: GradedAccounts, k: number): AssessedAccount {
  const { kept } = graded;
  const { currentGrade, classification } = placeAccount(kept, graded.gradeIndex, graded.settings, k);
  return {
    index: kept.indices[k]!,
    id: kept.ids[k],
    potential: { score: kept.scores[k]!, grade: kept.potentialGrades[k]! },
    current: { value: kept.values[k]!, grade: currentGrade },
    customerClass: classification.customerClass,
    segment: classification.segment,
    classification,
  };
}
