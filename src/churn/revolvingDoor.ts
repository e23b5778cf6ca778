/**
 * The revolving door (seed 000, 旋转门效应): accounts won and lost in a period, net revenue retention
 * and what replacing the lost accounts costs. Part of `churnReport`.
 * @module
 */
import type { Decimal } from 'decimal.js';
import { fail } from '../shared/errors.js';
import { ExactDecimal, toDecimal, type Numeric } from '../shared/numeric.js';

/**
 * The revolving-door part of a churn report.
 * @category Churn
 */
export interface RevolvingDoor {
  /** Accounts whose `gainedAt` falls in the period (not in the churn base). */
  readonly newAccounts: number;
  /** Accounts of the base that left entirely in the period (= `churnedAccounts`). */
  readonly lostAccounts: number;
  /** newAccounts − lostAccounts. */
  readonly netAccounts: number;
  /** Σ `endRevenue` of the base accounts ÷ their revenue base; `null` unless every base account has `endRevenue` (or
   * for a zero base). */
  readonly netRevenueRetention: Decimal | null;
  /** How many times keeping an account it costs to win one; default 5 (seed 000). */
  readonly replacementCostMultiple: Decimal;
  /** lostAccounts × costToKeep × replacementCostMultiple; `null` without `costToKeep`. */
  readonly replacementCost: Decimal | null;
}

/** The revolving-door options of `churnReport`. @category Churn */
export interface RevolvingDoorOptions {
  /** What keeping one account costs over the period (service, visits); turns on `replacementCost`. */
  readonly costToKeep?: Numeric | undefined;
  /**
   * Cost of winning a new account as a multiple of keeping one; default 5: seed 000 says
   * "争取一位新客户旳成本大概比维持一位老客户旳成本多5倍" (winning a client costs about 5× keeping one).
   */
  readonly replacementCostMultiple?: Numeric | undefined;
}

/** Reads the options' revolving-door part once, so a bad value fails the call. */
export function readRevolvingDoorOptions(options: RevolvingDoorOptions): {
  costToKeep: Decimal | null;
  multiple: Decimal;
} {
  const read = (value: Numeric | undefined, path: string): Decimal | null => {
    if (value === undefined) return null;
    const number = toDecimal(value, path);
    if (number.isNegative()) fail(path, 'a number ≥ 0', value, 'churnReport', 'out_of_range');
    return number;
  };
  return {
    costToKeep: read(options.costToKeep, 'costToKeep'),
    multiple: read(options.replacementCostMultiple, 'replacementCostMultiple') ?? new ExactDecimal(5),
  };
}

/** The revolving door from the counts churnReport gathered. */
export function revolvingDoor(
  counts: {
    newAccounts: number;
    lostAccounts: number;
    revenueBase: Decimal;
    endRevenue: Decimal;
    baseWithoutEnd: number;
  },
  options: { costToKeep: Decimal | null; multiple: Decimal },
): RevolvingDoor {
  const { newAccounts, lostAccounts, revenueBase, endRevenue, baseWithoutEnd } = counts;
  return {
    newAccounts,
    lostAccounts,
    netAccounts: newAccounts - lostAccounts,
    netRevenueRetention: baseWithoutEnd > 0 || revenueBase.isZero() ? null : endRevenue.div(revenueBase),
    replacementCostMultiple: options.multiple,
    replacementCost:
      options.costToKeep === null ? null : options.costToKeep.times(lostAccounts).times(options.multiple),
  };
}
