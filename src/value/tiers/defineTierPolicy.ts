import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { copyLabels, type Labels } from '../../shared/labels.js';
import { labelsInputSchema } from '../internal/labels.js';
import { modelKind, type ModelIdentity, type SafeResult } from '../../shared/model.js';
import { ExactDecimal, ONE, ZERO, toDecimal, tryDecimal, type Numeric } from '../../shared/numeric.js';
import { ALWAYS, addIssue, idSchema, modelNumericSchema, versionSchema } from '../../shared/schema.js';

/** The periods a contact standard can be stated per. @category Tiers */
export type TierContactPeriod = 'week' | 'month' | 'quarter' | 'halfYear' | 'year';

/**
 * Days per period: a year is 365.25 days (the Julian year, so leap years average out), a month a
 * twelfth of it (30.4375), a quarter 91.3125, a half year 182.625, a week 7.
 * @category Tiers
 */
export const contactPeriodDays: Readonly<Record<TierContactPeriod, Decimal>> = /* @__PURE__ */ Object.freeze({
  week: new ExactDecimal(7),
  month: new ExactDecimal('30.4375'),
  quarter: new ExactDecimal('91.3125'),
  halfYear: new ExactDecimal('182.625'),
  year: new ExactDecimal('365.25'),
});

const frequencySchema = /* @__PURE__ */ z
  .object({
    times: z
      .number({ error: 'a whole number of contacts' })
      .int({ error: 'a whole number of contacts' })
      .min(1)
      .max(1000),
    per: z.enum(['week', 'month', 'quarter', 'halfYear', 'year']),
  })
  .strict();

const tierSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    labels: labelsInputSchema,
    /** A group of tiers, e.g. `key-account` or `commercial` (channels in seed 003). */
    group: idSchema.optional(),
    /** Lowest monthly spend of the tier (inclusive). */
    minMonthlySpend: modelNumericSchema,
    /** Monthly spend from which the tier no longer applies (exclusive); absent: no upper bound. */
    maxMonthlySpend: modelNumericSchema.optional(),
    /** Required visits (上门走访), or `null` when none are required. */
    visits: frequencySchema.nullable().optional(),
    /** Required proactive calls (主动电话联系), or `null` when none are required. */
    calls: frequencySchema.nullable().optional(),
    /** Discount granted to the tier, a fraction in [0, 1). */
    discount: modelNumericSchema.optional(),
  })
  .strict();

/**
 * The JSON form of a tier policy: spend bands (monthly spend, `[min, max)`) mapped to tiers, each
 * with a contact standard (visits and calls per period) and optionally a discount.
 * Bands must not overlap; gaps are allowed (spend in a gap has no tier).
 * @category Tiers
 */
export const tierPolicySchema = /* @__PURE__ */ z
  .object({
    // the JSON Schema an editor reads; defineX ignores it
    $schema: z.string().optional(),
    id: idSchema,
    version: versionSchema,
    labels: labelsInputSchema.optional(),
    /** Currency of the spend bands, informational (e.g. `CNY`). */
    currency: z.string().min(1).max(8).optional(),
    tiers: z.array(tierSchema).min(1, { error: 'at least one tier' }),
  })
  .strict()
  .superRefine(checkTiers, ALWAYS);

type LooseTier = {
  readonly id?: unknown;
  readonly minMonthlySpend?: unknown;
  readonly maxMonthlySpend?: unknown;
  readonly discount?: unknown;
};

/** One tier's own numbers: spend ≥ 0, max above min, discount in [0, 1); its band when it has a minimum. */
function checkTier(tier: LooseTier, index: number, ctx: z.RefinementCtx): Decimal | undefined {
  const min = tryDecimal(tier.minMonthlySpend);
  const max = tier.maxMonthlySpend === undefined ? null : tryDecimal(tier.maxMonthlySpend);
  if (min !== undefined && min.isNegative() && !min.isZero())
    addIssue(ctx, ['tiers', index, 'minMonthlySpend'], 'a spend ≥ 0', tier.minMonthlySpend);
  if (min !== undefined && max && max.lte(min))
    addIssue(
      ctx,
      ['tiers', index, 'maxMonthlySpend'],
      `a spend above minMonthlySpend (${min.toFixed()})`,
      tier.maxMonthlySpend,
    );
  const discount = tier.discount === undefined ? undefined : tryDecimal(tier.discount);
  if (discount && (discount.lt(ZERO) || discount.gte(ONE)))
    addIssue(ctx, ['tiers', index, 'discount'], 'a discount in [0, 1)', tier.discount);
  return min;
}

/**
 * The checks across tiers (unique ids, each tier's numbers, bands that do not overlap). They run
 * beside field errors (one parse reports every mistake) and skip what is not well formed.
 */
function checkTiers(definition: { readonly tiers?: unknown }, ctx: z.RefinementCtx): void {
  const tiers: readonly (LooseTier | null)[] = Array.isArray(definition.tiers) ? definition.tiers : [];
  const ids = new Set<unknown>();
  const bands: { index: number; min: Decimal; max: Decimal | null }[] = [];
  tiers.forEach((tier, index) => {
    if (typeof tier !== 'object' || tier === null) return;
    if (typeof tier.id === 'string' && ids.has(tier.id))
      addIssue(ctx, ['tiers', index, 'id'], 'a tier id not used before', tier.id, 'duplicate');
    ids.add(tier.id);
    const min = checkTier(tier, index, ctx);
    const max = tier.maxMonthlySpend === undefined ? null : tryDecimal(tier.maxMonthlySpend);
    if (min !== undefined && max !== undefined) bands.push({ index, min, max });
  });
  const sorted = [...bands].sort((a, b) => a.min.cmp(b.min) || a.index - b.index);
  for (let k = 1; k < sorted.length; k++) {
    const previous = sorted[k - 1]!;
    const current = sorted[k]!;
    if (previous.max === null || previous.max.gt(current.min)) {
      addIssue(
        ctx,
        ['tiers', current.index, 'minMonthlySpend'],
        `a band that does not overlap tier ${JSON.stringify(tiers[previous.index]!.id)}`,
        tiers[current.index]!.minMonthlySpend,
        'inconsistent',
      );
    }
  }
}

/** The JSON form of a tier policy (input). @category Tiers */
export type TierPolicyDefinition = z.input<typeof tierPolicySchema>;

/** A contact frequency: `times` contacts per `per`. @category Tiers */
export interface TierContactFrequency {
  readonly times: number;
  readonly per: TierContactPeriod;
}

/**
 * A tier's contact standard, with the day intervals it implies.
 * @category Tiers
 */
export interface TierContactStandard {
  readonly visits: TierContactFrequency | null;
  readonly calls: TierContactFrequency | null;
  /** Longest allowed gap between visits in days (period days / times), `null` when visits are not required. */
  readonly visitEveryDays: Decimal | null;
  /** Longest allowed gap between calls in days, `null` when calls are not required. */
  readonly callEveryDays: Decimal | null;
  /** Required visits per 365.25-day year (0 when none). */
  readonly visitsPerYear: Decimal;
  /** Required calls per 365.25-day year (0 when none). */
  readonly callsPerYear: Decimal;
}

/**
 * A compiled tier: what {@link TierPolicy.tierFor} returns.
 * @category Tiers
 */
export interface TierResult {
  /** The tier id. */
  readonly id: string;
  /** The tier id again, under the name other modules read. */
  readonly tier: string;
  readonly labels: Labels;
  readonly group: string | null;
  /** 1 for the tier with the highest spend band, 2 for the next, … */
  readonly rank: number;
  readonly minMonthlySpend: Decimal;
  readonly maxMonthlySpend: Decimal | null;
  readonly contact: TierContactStandard;
  /** The tier's discount, `null` when the policy states none. */
  readonly discount: Decimal | null;
}

/**
 * A compiled, frozen tier policy.
 * @category Tiers
 */
export interface TierPolicy extends ModelIdentity<'tierPolicy', z.output<typeof tierPolicySchema>> {
  readonly labels: Labels | undefined;
  readonly currency: string | undefined;
  /** Tiers from the highest spend band down. */
  readonly tiers: readonly TierResult[];
  /** The tier whose band holds `monthlySpend` (`min ≤ spend < max`), or `null` in a gap / below every band. */
  tierFor(monthlySpend: Numeric): TierResult | null;
  /** The tier with this id, or `undefined`. */
  tierById(id: string): TierResult | undefined;
}

function standard(visits: TierContactFrequency | null, calls: TierContactFrequency | null): TierContactStandard {
  const every = (frequency: TierContactFrequency | null): Decimal | null =>
    frequency === null ? null : contactPeriodDays[frequency.per].div(frequency.times);
  const perYear = (frequency: TierContactFrequency | null): Decimal =>
    frequency === null ? ZERO : contactPeriodDays.year.div(contactPeriodDays[frequency.per]).times(frequency.times);
  return Object.freeze({
    visits: visits === null ? null : Object.freeze({ ...visits }),
    calls: calls === null ? null : Object.freeze({ ...calls }),
    visitEveryDays: every(visits),
    callEveryDays: every(calls),
    visitsPerYear: perYear(visits),
    callsPerYear: perYear(calls),
  });
}

interface CompiledTierPolicy {
  /** Tiers by ascending minimum spend. */
  readonly ascending: readonly TierResult[];
  readonly byId: ReadonlyMap<string, TierResult>;
}

/** The last band whose min ≤ spend (binary search), if spend is also below its max. */
function findTier(ascending: readonly TierResult[], spend: Decimal): TierResult | null {
  let low = 0;
  let high = ascending.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (ascending[middle]!.minMonthlySpend.lte(spend)) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return null;
  const tier = ascending[found]!;
  return tier.maxMonthlySpend === null || spend.lt(tier.maxMonthlySpend) ? tier : null;
}

const tierPolicies = /* @__PURE__ */ modelKind({
  kind: 'tierPolicy',
  context: 'defineTierPolicy',
  schema: tierPolicySchema,
  normalise: (parsed) => {
    const normalisedTiers = parsed.tiers.map((tier) => {
      const normal: z.output<typeof tierPolicySchema>['tiers'][number] = {
        id: tier.id,
        labels: copyLabels(tier.labels),
        minMonthlySpend: toDecimal(tier.minMonthlySpend).toFixed(),
        visits: tier.visits ? { times: tier.visits.times, per: tier.visits.per } : null,
        calls: tier.calls ? { times: tier.calls.times, per: tier.calls.per } : null,
      };
      if (tier.group !== undefined) normal.group = tier.group;
      if (tier.maxMonthlySpend !== undefined) normal.maxMonthlySpend = toDecimal(tier.maxMonthlySpend).toFixed();
      if (tier.discount !== undefined) normal.discount = toDecimal(tier.discount).toFixed();
      return normal;
    });
    const normalised: z.output<typeof tierPolicySchema> = {
      id: parsed.id,
      version: parsed.version,
      tiers: normalisedTiers,
    };
    if (parsed.labels) normalised.labels = copyLabels(parsed.labels);
    if (parsed.currency !== undefined) normalised.currency = parsed.currency;
    return normalised;
  },
  compile: (parsed, normalised) => {
    const ascending = normalised.tiers
      .map((tier, index) => ({ tier, index, min: new ExactDecimal(tier.minMonthlySpend) }))
      .sort((a, b) => a.min.cmp(b.min) || a.index - b.index);
    const count = ascending.length;
    const compiledAscending: TierResult[] = ascending.map(({ tier, min }, position) =>
      Object.freeze({
        id: tier.id,
        tier: tier.id,
        labels: Object.freeze({ ...tier.labels }),
        group: tier.group ?? null,
        rank: count - position,
        minMonthlySpend: min,
        maxMonthlySpend: tier.maxMonthlySpend === undefined ? null : new ExactDecimal(tier.maxMonthlySpend),
        contact: standard(tier.visits ?? null, tier.calls ?? null),
        discount: tier.discount === undefined ? null : new ExactDecimal(tier.discount),
      }),
    );
    const byId = new Map(compiledAscending.map((tier) => [tier.id, tier]));
    return {
      fields: {
        labels: normalised.labels,
        currency: parsed.currency,
        tiers: Object.freeze([...compiledAscending].reverse()),
      },
      compiled: { ascending: compiledAscending, byId },
    };
  },
  methods: {
    tierFor: (compiled: CompiledTierPolicy, monthlySpend: Numeric): TierResult | null =>
      findTier(compiled.ascending, toDecimal(monthlySpend, 'monthlySpend')),
    tierById: (compiled: CompiledTierPolicy, id: string): TierResult | undefined => compiled.byId.get(id),
  },
});

/**
 * Validates and compiles a tier policy (seed 003, 第6篇: accounts tiered by monthly spend, each
 * tier with its own visit and call standard). The compiled policy finds an account's tier in
 * O(log n) with `tierFor(monthlySpend)`.
 *
 * @throws {ValidationError} on duplicate tier ids, overlapping bands, `max ≤ min`, a negative
 *   band, a discount outside [0, 1), or a bad contact frequency.
 * @example
 * ```ts
 * import { defineTierPolicy } from 'clientele';
 * const policy = defineTierPolicy({
 *   id: 'simple',
 *   version: '1',
 *   tiers: [
 *     {
 *       id: 'key',
 *       labels: { en: 'Key account', 'zh-CN': '大客户' },
 *       minMonthlySpend: 3000,
 *       visits: { times: 2, per: 'quarter' },
 *       calls: { times: 1, per: 'month' },
 *     },
 *     {
 *       id: 'standard',
 *       labels: { en: 'Standard', 'zh-CN': '普通客户' },
 *       minMonthlySpend: 0,
 *       maxMonthlySpend: 3000,
 *       calls: { times: 1, per: 'quarter' },
 *     },
 *   ],
 * });
 * policy.tierFor(3000)?.id; // 'key'
 * policy.tierFor(2999.99)?.contact.visitEveryDays; // null
 * policy.tierFor(5000)?.contact.visitEveryDays?.toString(); // '45.65625'
 * ```
 * @category Tiers
 */
export function defineTierPolicy(definition: TierPolicyDefinition): TierPolicy {
  return tierPolicies.define(definition, undefined);
}

/**
 * The non-throwing form of {@link defineTierPolicy}: `{ success: true, output }` or
 * `{ success: false, issues }` with every problem found.
 * @example
 * ```ts
 * import { safeDefineTierPolicy } from 'clientele';
 * safeDefineTierPolicy({ id: 'p', version: '1', tiers: [] }).success; // false
 * ```
 * @category Tiers
 */
export function safeDefineTierPolicy(definition: unknown): SafeResult<TierPolicy> {
  return tierPolicies.safeDefine(definition, undefined);
}

/**
 * True for tier policies compiled by {@link defineTierPolicy} (never for a look-alike object).
 * @example
 * ```ts
 * import { isTierPolicy, telecomTierPolicy } from 'clientele';
 * isTierPolicy(telecomTierPolicy); // true
 * ```
 * @category Tiers
 */
export function isTierPolicy(value: unknown): value is TierPolicy {
  return tierPolicies.is(value);
}
