/**
 * Bounds on lifetime-model input whose cost grows with its magnitude (a sum over every purchase
 * count up to the largest, or over every transaction opportunity), checked before any fitting so
 * that an absurd value is a `ValidationError`, not a call that never returns.
 *
 * @module
 */
import { fail } from '../../shared/errors.js';
import type { HistoryColumns } from './internal/histories.js';

/** Most repeat purchases of one customer, and most transaction opportunities (BG/BB) or purchases asked about. */
export const LIFETIME_MAX_COUNT = 10_000;

/** Throws unless every frequency (and, for BG/BB, every number of opportunities T) is within the bound. */
export function checkHistoryLimits(columns: HistoryColumns, context: string, opportunities = false): void {
  for (let i = 0; i < columns.frequency.length; i += 1) {
    if (columns.frequency[i]! > LIFETIME_MAX_COUNT)
      fail('customers', `frequencies of at most ${LIFETIME_MAX_COUNT} repeat purchases`, columns.frequency[i], context);
    if (opportunities && columns.age[i]! > LIFETIME_MAX_COUNT)
      fail('customers', `at most ${LIFETIME_MAX_COUNT} transaction opportunities (T)`, columns.age[i], context);
  }
}
