import { z } from 'zod';
import { FORBIDDEN_KEYS, numericSchema } from '../../shared/schema.js';
import { dateJsonSchema, nonNegativeJsonSchema, numericJsonSchema, withJsonSchema } from '../../shared/jsonSchema.js';
import { tryDecimal } from '../../shared/numeric.js';
import { parseMonth, tryInstant } from '../../shared/dates.js';

/** Most entries in any one list of an account history (spend periods, orders, visits, …). */
export const MAX_HISTORY_EVENTS = 100_000;

/** A date: an ISO date or date-time string, or a valid `Date`. @internal */
export const dateSchema = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ z.custom<string | Date>((value) => tryInstant(value) !== undefined, {
    error: 'an ISO date (YYYY-MM-DD or date-time) or a valid Date',
  }),
  dateJsonSchema,
);
const monthSchema = /* @__PURE__ */ z
  .string({ error: 'a month "YYYY-MM"' })
  .refine((value) => parseMonth(value) !== undefined, { error: 'a month "YYYY-MM"' });
/** A number ≥ 0 (a number, decimal string or Decimal). @internal */
export const nonNegative = /* @__PURE__ */ withJsonSchema(
  /* @__PURE__ */ numericSchema.refine((value) => !tryDecimal(value)!.isNegative(), { error: 'a number ≥ 0' }),
  nonNegativeJsonSchema,
);
const textSchema = /* @__PURE__ */ z.string().min(1).max(200);
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(MAX_HISTORY_EVENTS, { error: `at most ${MAX_HISTORY_EVENTS} entries` });

/** Complaint severities; `high` and `critical` count as severe.  * @example
 * ```ts
 * import { complaintSeverities } from 'clientele';
 * complaintSeverities.at(-1); // 'critical'
 * ```
@category Churn */
export const complaintSeverities = ['low', 'medium', 'high', 'critical'] as const;

/** Kinds of distress in the client's own business (seed 003: 客户自身经营问题, 拆迁, 倒闭).  * @example
 * ```ts
 * import { distressKinds } from 'clientele';
 * distressKinds.includes('closure'); // true
 * ```
@category Churn */
export const distressKinds = [
  'losses',
  'layoffs',
  'credit-downgrade',
  'restructuring',
  'relocation',
  'closure',
  'other',
] as const;

/**
 * Schema of an account's history, the input of `deriveSignals`. Every list is optional: a list
 * that is absent makes its signals unknown; an empty list is a known "nothing happened".
 *
 * - `spend`: spend per calendar month (`{ period: 'YYYY-MM', amount }`); a month that is not
 *   listed is unknown, so record zero months explicitly. Entries for the same month are added.
 * - `orders`, `visits`, `calls`: dated events.
 * - `complaints`: `openedAt`, `resolvedAt` (absent or `null` while open), `severity`.
 * - `invoices` (`id`, `dueAt`, `amount`) and `payments` (`invoiceId`, `date`, `amount`).
 * - `competitor`: purchases from competitors and share-of-wallet observations (0–1).
 * - `relationship`: the account manager, when they left (`null`: still there), when the handover
 *   was completed (`null`: none), how many people at the client we are in touch with.
 * - `quality`: service-quality scores per month and dimension (0–100, as the quality module's index).
 * - `distress`: events in the client's own business (losses, relocation, closure, …).
 *
 * Events after `asOf` are ignored by `deriveSignals`, so a history can be replayed as of any date.
 * @example
 * ```ts
 * import { accountHistorySchema } from 'clientele';
 * const ok = accountHistorySchema.safeParse({ id: 'ACME', visits: [{ date: '2026-10-15' }] }).success; // true
 * const bad = accountHistorySchema.safeParse({ id: 'ACME', visits: [{ date: '2026-02-30' }] }).success; // false
 * [ok, bad];
 * ```
 * @category Churn
 */
export const accountHistorySchema = /* @__PURE__ */ z
  .object({
    id: textSchema.refine((id) => !FORBIDDEN_KEYS.has(id), {
      error: 'an id other than __proto__, constructor or prototype',
    }),
    name: z.string().max(500).optional(),
    industry: textSchema.optional(),
    since: dateSchema.optional(),
    spend: list(z.object({ period: monthSchema, amount: nonNegative }).strict()).optional(),
    orders: list(z.object({ date: dateSchema, amount: nonNegative.optional() }).strict()).optional(),
    visits: list(z.object({ date: dateSchema, by: textSchema.optional() }).strict()).optional(),
    calls: list(z.object({ date: dateSchema, by: textSchema.optional() }).strict()).optional(),
    complaints: list(
      z
        .object({
          id: textSchema.optional(),
          openedAt: dateSchema,
          resolvedAt: dateSchema.nullable().optional(),
          severity: z.enum(complaintSeverities).optional(),
          topic: z.string().max(500).optional(),
        })
        .strict(),
    ).optional(),
    invoices: list(
      z.object({ id: textSchema, issuedAt: dateSchema.optional(), dueAt: dateSchema, amount: nonNegative }).strict(),
    ).optional(),
    payments: list(z.object({ invoiceId: textSchema, date: dateSchema, amount: nonNegative }).strict()).optional(),
    competitor: z
      .object({
        purchases: list(
          z.object({ date: dateSchema, amount: nonNegative.optional(), competitor: textSchema.optional() }).strict(),
        ).optional(),
        shareOfWallet: list(
          z
            .object({
              period: monthSchema,
              share: withJsonSchema(
                /* @__PURE__ */ numericSchema.refine(
                  (value) => {
                    const share = tryDecimal(value)!;
                    return !share.isNegative() && share.lte(1);
                  },
                  { error: 'a share from 0 to 1' },
                ),
                numericJsonSchema,
              ),
            })
            .strict(),
        ).optional(),
      })
      .strict()
      .optional(),
    relationship: z
      .object({
        accountManager: textSchema.optional(),
        managerLeftAt: dateSchema.nullable().optional(),
        handoverAt: dateSchema.nullable().optional(),
        /** How many of OUR staff hold the relationship (我方对接人数; seed 000 单线联络). */
        internalContacts: z.number().int().min(0).max(1_000_000).optional(),
        /** How many people at the client we are in touch with. */
        clientContacts: z.number().int().min(0).max(1_000_000).optional(),
      })
      .strict()
      .optional(),
    quality: list(z.object({ period: monthSchema, dimension: textSchema, score: numericSchema }).strict()).optional(),
    distress: list(
      z.object({ date: dateSchema, kind: z.enum(distressKinds), note: z.string().max(500).optional() }).strict(),
    ).optional(),
  })
  .strict();

/** An account history as callers write it. @category Churn */
export type AccountHistory = z.input<typeof accountHistorySchema>;
