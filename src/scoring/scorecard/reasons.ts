import type { Decimal } from 'decimal.js';
import { fail } from '../../shared/errors.js';
import { labelIn } from '../../shared/labelsCore.js';
import { liveResult, message, readMessageOptions, shown, type MessageOptions } from './messages.js';
import type { ScoreResult } from './types.js';

/** "Tenure: 1 point below its maximum (4 of 5)", by locale. */
const REASON = {
  en: '{label}: {shortfall} points below its maximum ({rating} of {max})',
  'zh-CN': '{label}：比满分少 {shortfall} 分（{rating}/{max}）',
  de: '{label}: {shortfall} Punkte unter dem Höchstwert ({rating} von {max})',
};

/** One reason a total is not higher. @category Scorecard */
export interface Reason {
  readonly factorId: string;
  readonly categoryId: string;
  /** Points lost against the factor's maximum. */
  readonly shortfall: Decimal;
  readonly contribution: Decimal;
  readonly maxContribution: Decimal;
  readonly rating: Decimal | null;
  readonly max: Decimal;
  readonly raw: string | number | boolean | null;
  /** The factor's label in the chosen locale (its id when no model is given). */
  readonly label: string;
  /** One line for a reader, in the chosen locale: `'Asset size: 10 points below its maximum (10 of 20)'`. */
  readonly message: string;
}

/** Options of {@link reasons}. @category Scorecard */
export interface ReasonsOptions extends MessageOptions {
  /** How many reasons (default 3). */
  readonly k?: number | undefined;
}

/**
 * The factors that cost the most points against their maximum, largest shortfall first (ties in
 * model order). Excluded factors are skipped: they cost nothing that is known.
 *
 * Each reason carries its factor's `label` and a one-line `message` in the chosen `locale`: pass
 * the `model` the result came from for its labels (ids otherwise). Numbers in messages show at
 * most two decimal places, ties away from zero; the fields stay exact.
 *
 * @param result - A result of `score`, live or read back from its JSON form.
 * @param options - `k`: how many reasons (default 3); `locale` and `model` for labels and messages.
 * @throws {ValidationError} when `result` is not a score result (live or JSON), `k` is not a number
 *   ≥ 0, `locale` is not a BCP 47 tag, or `model` is not the scorecard the result came from.
 * @example
 * ```ts
 * import { potentialValueModel, reasons, score } from 'clientele';
 * const ratings = Object.fromEntries(potentialValueModel.factors.map((factor) => [factor.id, factor.max]));
 * const result = score(potentialValueModel, { ...ratings, assetSize: 5 });
 * reasons(result, { k: 1 })[0]?.factorId; // 'assetSize'
 * reasons(result, { k: 1, model: potentialValueModel, locale: 'zh-CN' })[0]?.message; // '资产规模：比满分少 15 分（5/20）'
 * ```
 * @category Scorecard
 */
export function reasons(given: ScoreResult, options?: ReasonsOptions): Reason[] {
  const result = liveResult(given, 'reasons');
  const { options: read, locale, model } = readMessageOptions(options, result, 'reasons');
  const k = read['k'] ?? 3;
  if (typeof k !== 'number' || !(k >= 0)) fail('options.k', 'a number of reasons ≥ 0', k, 'reasons', 'invalid_value');
  const labels = new Map(model?.factors.map((factor) => [factor.id, factor.labels]));
  return result.factors
    .map((factor, order) => ({ factor, order }))
    .filter(({ factor }) => factor.status !== 'excluded' && factor.shortfall.greaterThan(0))
    .sort((a, b) => b.factor.shortfall.comparedTo(a.factor.shortfall) || a.order - b.order)
    .slice(0, Math.floor(k))
    .map(({ factor }) => {
      const factorLabels = labels.get(factor.id);
      const label = factorLabels ? labelIn(factorLabels, locale) : factor.id;
      const values = {
        label,
        shortfall: shown(factor.shortfall),
        rating: factor.rating ? shown(factor.rating) : '–',
        max: shown(factor.max),
      };
      return {
        factorId: factor.id,
        categoryId: factor.categoryId,
        shortfall: factor.shortfall,
        contribution: factor.contribution,
        maxContribution: factor.maxContribution,
        rating: factor.rating,
        max: factor.max,
        raw: factor.raw,
        label,
        message: message(REASON, locale, values),
      };
    });
}
