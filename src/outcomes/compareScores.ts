import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import { readingInput } from '../shared/input.js';
import { daysBetween, readInstant, formatDay, type DateInput } from '../shared/dates.js';
import { toDecimal } from '../shared/numeric.js';
import { fromDecimal, subtract } from '../shared/rational.js';
import { attribute } from './attribute.js';

/** Options of {@link compareScores}. @category Outcomes */
export interface CompareScoresOptions {
  /** Moves of the total (and of a factor) no larger than this many points are not reported as changes. Default `0.5`.
   * */
  readonly deadBand?: number | string | Decimal | undefined;
  /** When each factor's input was last observed, by factor id; with `asOf` and `maxAgeDays`, older inputs are stale. */
  readonly observedAt?: Readonly<Record<string, DateInput>> | undefined;
  readonly asOf?: DateInput | undefined;
  /** Inputs observed more than this many days before `asOf` are stale. Default 365. */
  readonly maxAgeDays?: number | undefined;
}

/** One factor's line of a {@link ScoreComparison}. @category Outcomes */
export interface FactorChange {
  readonly id: string;
  readonly previousRating: Decimal | null;
  readonly currentRating: Decimal | null;
  readonly previousContribution: Decimal;
  readonly currentContribution: Decimal;
  /** `currentContribution − previousContribution`: the points of the change this factor explains. */
  readonly change: Decimal;
  /** `true` when |change| exceeds the dead band. */
  readonly moved: boolean;
  readonly previousStatus: string;
  readonly currentStatus: string;
}

/** The result of {@link compareScores}: why a score changed. @category Outcomes */
export interface ScoreComparison {
  readonly previousTotal: Decimal;
  readonly currentTotal: Decimal;
  /**
   * `currentTotal − previousTotal`; the factors' changes add up to it exactly. Exact whenever the
   * contributions' differences terminate within 36 decimal places (every scorecard with decimal
   * weights and ratings); otherwise rounded to 36 places, with the factors' parts rounded by the
   * largest-remainder method so that they still add up to it exactly.
   */
  readonly change: Decimal;
  /** `true` when |change| exceeds the dead band or the grade changed. */
  readonly changed: boolean;
  readonly deadBand: Decimal;
  readonly grade: { readonly from: string | null; readonly to: string | null; readonly changed: boolean };
  /** Every factor, in model order. */
  readonly factors: readonly FactorChange[];
  /** The ids of the factors that moved beyond the dead band, largest move first. */
  readonly drivers: readonly string[];
  /** Factors whose input is missing now (imputed or excluded), and whether it was present before. */
  readonly missing: readonly { readonly id: string; readonly newly: boolean }[];
  /** Factors whose input is older than `maxAgeDays` at `asOf` (needs `observedAt` and `asOf`). */
  readonly stale: readonly { readonly id: string; readonly observedAt: string; readonly ageDays: number }[];
}

interface ReadFactor {
  readonly id: string;
  readonly rating: Decimal | null;
  readonly contribution: Decimal;
  readonly status: string;
}

/**
 * Why did my score change: the change of a scorecard total between two `score` results of the
 * same model (live or read back from JSON), attributed exactly to each factor — the factors'
 * changes add up to the change — with the grade transition, inputs that went missing or stale,
 * and a dead band so trivial moves are not reported as changes.
 *
 * A factor's share of the change is the change of its contribution (the weighted-sum scorecard of
 * seed 002 is additive in its factors, so the attribution is exact and needs no Shapley averaging).
 *
 * @example
 * ```ts
 * import { compareScores } from 'clientele/outcomes';
 * import { potentialValueModel, score } from 'clientele/scoring';
 * const ratings = Object.fromEntries(potentialValueModel.factorIds.map((id) => [id, 1]));
 * const before = score(potentialValueModel, ratings);
 * const after = score(potentialValueModel, { ...ratings, assetSize: 15 });
 * const why = compareScores(before, after);
 * why.drivers; // ['assetSize']
 * why.change.eq(why.factors.find((factor) => factor.id === 'assetSize')!.change); // true: the only factor that moved
 * ```
 * @throws {ValidationError} when either argument is not a score result, the two come from
 *   different models (fingerprints), or an option is invalid.
 * @category Outcomes
 */
export function compareScores(
  previous: unknown,
  current: unknown,
  options: CompareScoresOptions = {},
): ScoreComparison {
  return readingInput('previous', 'compareScores', () => {
    const deadBand = toDecimal(options.deadBand ?? '0.5', 'options.deadBand');
    if (deadBand.isNeg()) fail('options.deadBand', 'points ≥ 0', options.deadBand, 'compareScores');
    const before = readResult(previous, 'previous');
    const after = readResult(current, 'current');
    if (before.fingerprint !== after.fingerprint)
      fail(
        'current.model.fingerprint',
        `a result of the same model as previous (${before.fingerprint})`,
        after.fingerprint,
        'compareScores',
      );
    if (
      before.factors.length !== after.factors.length ||
      before.factors.some((factor, index) => factor.id !== after.factors[index]!.id)
    ) {
      fail(
        'current.factors',
        'the same factors as previous, in the same order',
        after.factors.map((factor) => factor.id).join(', '),
        'compareScores',
      );
    }
    const exact = after.factors.map((factor, index) =>
      subtract(fromDecimal(factor.contribution), fromDecimal(before.factors[index]!.contribution)),
    );
    const { parts, total: change } = attribute(exact);
    const factors = after.factors.map((factor, index) => {
      const old = before.factors[index]!;
      const change = parts[index]!;
      return Object.freeze({
        id: factor.id,
        previousRating: old.rating,
        currentRating: factor.rating,
        previousContribution: old.contribution,
        currentContribution: factor.contribution,
        change,
        moved: change.abs().gt(deadBand),
        previousStatus: old.status,
        currentStatus: factor.status,
      });
    });
    const grade = { from: before.grade, to: after.grade, changed: before.grade !== after.grade };
    const drivers = factors
      .filter((f) => f.moved)
      .sort((a, b) => b.change.abs().comparedTo(a.change.abs()))
      .map((f) => f.id);
    const absent = (status: string) => status === 'imputed' || status === 'excluded';
    const missing = factors
      .filter((f) => absent(f.currentStatus))
      .map((f) => Object.freeze({ id: f.id, newly: !absent(f.previousStatus) }));
    return Object.freeze({
      previousTotal: before.total,
      currentTotal: after.total,
      change,
      changed: change.abs().gt(deadBand) || grade.changed,
      deadBand,
      grade: Object.freeze(grade),
      factors: Object.freeze(factors),
      drivers: Object.freeze(drivers),
      missing: Object.freeze(missing),
      stale: Object.freeze(staleInputs(after.factors, options)),
    });
  });
}

function readResult(
  result: unknown,
  path: string,
): { fingerprint: string; total: Decimal; grade: string | null; factors: ReadFactor[] } {
  if (typeof result !== 'object' || result === null) fail(path, 'a score result', result, 'compareScores');
  const { model, total, grade, factors } = result as {
    model?: { fingerprint?: unknown } | undefined;
    total?: unknown;
    grade?: unknown;
    factors?: unknown;
  };
  // each path names a level that exists in the input: a missing model is reported at `.model`
  if (typeof model !== 'object' || model === null)
    fail(`${path}.model`, 'the model reference { id, version, fingerprint }', model, 'compareScores');
  const fingerprint = model.fingerprint;
  if (typeof fingerprint !== 'string')
    fail(`${path}.model.fingerprint`, "the model's fingerprint", fingerprint, 'compareScores');
  if (grade !== null && grade !== undefined && typeof grade !== 'string')
    fail(`${path}.grade`, 'a grade id or null', grade, 'compareScores');
  if (!Array.isArray(factors)) fail(`${path}.factors`, 'the result’s factor lines', factors, 'compareScores');
  return {
    fingerprint,
    total: toDecimal(total, `${path}.total`),
    grade: grade ?? null,
    factors: Array.from(factors as unknown[], (factor: unknown, index) => {
      const where = `${path}.factors[${index}]`;
      if (typeof factor !== 'object' || factor === null) fail(where, 'a factor line', factor, 'compareScores');
      const line = factor as { id?: unknown; rating?: unknown; contribution?: unknown; status?: unknown };
      if (typeof line.id !== 'string') fail(`${where}.id`, 'a factor id', line.id, 'compareScores');
      return {
        id: line.id,
        rating: line.rating === null || line.rating === undefined ? null : toDecimal(line.rating, `${where}.rating`),
        contribution: toDecimal(line.contribution, `${where}.contribution`),
        status: typeof line.status === 'string' ? line.status : 'rated',
      };
    }),
  };
}

function staleInputs(
  factors: readonly ReadFactor[],
  options: CompareScoresOptions,
): { id: string; observedAt: string; ageDays: number }[] {
  if (options.observedAt === undefined) return [];
  if (options.asOf === undefined)
    fail('options.asOf', 'the date to judge staleness at (with observedAt)', undefined, 'compareScores');
  const asOf = readInstant(options.asOf, 'options.asOf', 'compareScores');
  const maxAge = options.maxAgeDays ?? 365;
  if (!Number.isInteger(maxAge) || maxAge < 0)
    fail('options.maxAgeDays', 'a whole number of days ≥ 0', maxAge, 'compareScores');
  const stale: { id: string; observedAt: string; ageDays: number }[] = [];
  for (const factor of factors) {
    if (!Object.prototype.hasOwnProperty.call(options.observedAt, factor.id)) continue;
    const observed = readInstant(options.observedAt[factor.id], `options.observedAt.${factor.id}`, 'compareScores');
    const ageDays = daysBetween(observed, asOf);
    if (ageDays > maxAge) stale.push(Object.freeze({ id: factor.id, observedAt: formatDay(observed), ageDays }));
  }
  return stale;
}
