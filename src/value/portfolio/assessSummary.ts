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
import { DecimalDigits, RoundedSum } from '../internal/roundedSum.js';
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

/**
 * Totals, the weights shares use (negative values weigh 0), one shared sort, and each account's
 * grade index. Every sum is the decimal running sum decimal.js would hold, computed on the
 * values' digits read once (`roundedSum.ts`).
 */
function rankValues(values: readonly Decimal[], grader: ValueGrader) {
  const digits = new DecimalDigits(values);
  const total = new RoundedSum();
  let hasNegative = false;
  for (let index = 0; index < values.length; index++) {
    total.addAt(digits, index);
    if (digits.isNegative(index)) hasNegative = true;
  }
  const totalValue = total.toDecimal();
  const weights = hasNegative ? values.map((value) => (value.isNegative() ? ZERO : value)) : values;
  const weightDigits = hasNegative ? new DecimalDigits(weights) : digits;
  const positiveTotal = hasNegative ? weightDigits.total().toDecimal() : totalValue;
  // one sort serves the grader, Pareto and the top-N shares (values and weights sort alike unless
  // some values are negative, and then only quantile grading needs their own order)
  const order = largestFirst(weights, weightDigits);
  const gradeIndex =
    grader.method === 'cumulativeShare'
      ? assignGrades(weights, positiveTotal, grader, order, weightDigits)
      : assignGrades(values, positiveTotal, grader, grader.method === 'quantiles' && !hasNegative ? order : undefined);
  return { totalValue, weights, weightDigits, digits, positiveTotal, order, gradeIndex };
}

/** Accounts per cell and count and value per class, for accounts already placed in the matrix. */
function countAccounts(
  kept: KeptAccounts,
  digits: DecimalDigits,
  gradeIndex: ArrayLike<number>,
  positiveTotal: Decimal,
  settings: AssessmentSettings,
) {
  const cells = Object.fromEntries(
    valueGrades.map((row) => [row, Object.fromEntries(valueGrades.map((column) => [column, 0]))]),
  ) as Record<ValueGrade, Record<ValueGrade, number>>;
  const classTotals = new Map(settings.matrix.classes.map((item) => [item.id, { count: 0, value: new RoundedSum() }]));
  const grades = settings.grader.grades.map((grade) => grade.id as ValueGrade);
  const { lookup } = settings.matrix;
  const n = kept.values.length;
  for (let k = 0; k < n; k++) {
    const currentGrade = grades[gradeIndex[k]!]!;
    const potentialGrade = kept.potentialGrades[k]!;
    cells[currentGrade][potentialGrade]++;
    const totals = classTotals.get(lookup[currentGrade][potentialGrade].customerClass)!;
    totals.count++;
    totals.value.addAt(digits, k);
  }
  const byClass: ClassSummary[] = settings.matrix.classes.map((item) => {
    const totals = classTotals.get(item.id)!;
    const value = totals.value.toDecimal();
    return {
      customerClass: item.id,
      segment: item.segment,
      labels: item.labels,
      count: totals.count,
      accountShare: n === 0 ? ZERO : new ExactDecimal(totals.count).div(n),
      value,
      valueShare: positiveTotal.isZero() ? ZERO : value.div(positiveTotal),
    };
  });
  return { cells, byClass };
}

/** Grades every kept account across the portfolio, places it in the matrix and summarises the portfolio. */
export function gradeAccounts(kept: KeptAccounts, settings: AssessmentSettings): GradedAccounts {
  const ranked = rankValues(kept.values, settings.grader);
  const { totalValue, weights, positiveTotal, order, gradeIndex } = ranked;
  const n = kept.values.length;
  const { cells, byClass } = countAccounts(kept, ranked.digits, gradeIndex, positiveTotal, settings);
  let pareto: PortfolioAssessmentSummary['pareto'] = null;
  let concentration: PortfolioAssessmentSummary['concentration'] = null;
  if (!positiveTotal.isZero()) {
    const { count, covered } = coverTarget(
      weights,
      order,
      settings.targetShare.times(positiveTotal),
      ranked.weightDigits,
    );
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
