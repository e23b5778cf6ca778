/**
 * One place that sends a per-customer question to the right model's formula, with the checks a
 * discrete-time model (BG/BB) adds: whole numbers of opportunities.
 *
 * @module
 */
import { fail } from '../../../shared/errors.js';
import type { TransactionModelParameters } from '../types.js';
import {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedRepeatPurchases,
  bgBbProbabilityAlive,
  bgBbPurchaseCountProbability,
} from './bgBb.js';
import {
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedRepeatPurchases,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
} from './bgNbd.js';
import { finiteResult } from './models.js';
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedRepeatPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
} from './paretoNbd.js';

/** A history as the formulas read it. */
export interface History {
  readonly x: number;
  readonly tx: number;
  readonly T: number;
}

function whole(value: number, path: string, context: string): void {
  if (!Number.isInteger(value))
    fail(path, 'a whole number of transaction opportunities (the model is BG/BB)', value, context);
}

function wholeHistory(history: History, path: string, context: string): void {
  whole(history.tx, `${path}.recency`, context);
  whole(history.T, `${path}.T`, context);
}

/** P(alive) under any purchase-count model. */
export function aliveProbability(
  model: TransactionModelParameters,
  history: History,
  context: string,
  path = 'customer',
): number {
  const { x, tx, T } = history;
  if (model.kind === 'bg-nbd') return finiteResult(bgNbdProbabilityAlive(model, x, tx, T), context, 'P(alive)');
  if (model.kind === 'pareto-nbd') return finiteResult(paretoNbdProbabilityAlive(model, x, tx, T), context, 'P(alive)');
  wholeHistory(history, path, context);
  return finiteResult(bgBbProbabilityAlive(model, x, tx, T), context, 'P(alive)');
}

/** E[Y(t) | history] under any purchase-count model. */
export function conditionalExpectation(
  model: TransactionModelParameters,
  history: History,
  t: number,
  context: string,
  path = 'customer',
  tPath = 't',
): number {
  const { x, tx, T } = history;
  if (model.kind === 'bg-nbd')
    return finiteResult(bgNbdConditionalExpectedPurchases(model, x, tx, T, t), context, 'the expected purchases');
  if (model.kind === 'pareto-nbd')
    return finiteResult(paretoNbdConditionalExpectedPurchases(model, x, tx, T, t), context, 'the expected purchases');
  wholeHistory(history, path, context);
  whole(t, tPath, context);
  return finiteResult(bgBbConditionalExpectedPurchases(model, x, tx, T, t), context, 'the expected purchases');
}

/** E[X(t)] for a customer just acquired, under any purchase-count model. */
export function repeatExpectation(model: TransactionModelParameters, t: number, context: string): number {
  if (model.kind === 'bg-nbd') return finiteResult(bgNbdExpectedRepeatPurchases(model, t), context, 'E[X(t)]');
  if (model.kind === 'pareto-nbd') return finiteResult(paretoNbdExpectedRepeatPurchases(model, t), context, 'E[X(t)]');
  whole(t, 't', context);
  return finiteResult(bgBbExpectedRepeatPurchases(model, t), context, 'E[X(t)]');
}

/** P(X(t) = n) for a customer just acquired, under any purchase-count model (t > 0). */
export function countProbability(model: TransactionModelParameters, n: number, t: number, context: string): number {
  if (model.kind === 'bg-nbd') return finiteResult(bgNbdPurchaseCountProbability(model, n, t), context, 'P(X(t) = n)');
  if (model.kind === 'pareto-nbd')
    return finiteResult(paretoNbdPurchaseCountProbability(model, n, t), context, 'P(X(t) = n)');
  whole(t, 't', context);
  return finiteResult(bgBbPurchaseCountProbability(model, n, t), context, 'P(X(t) = n)');
}
