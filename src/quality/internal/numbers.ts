/**
 * Reading plain numeric samples for the statistics functions.
 * @module
 */
import { ValidationError, describeValue, joinPath, makeIssue, type Issue } from '../../shared/errors.js';
import { tryDecimal } from '../../shared/numeric.js';
import { readInput } from '../../shared/input.js';

/**
 * Reads a sample: an array of finite numbers (or numeric strings / Decimals), `null` and
 * `undefined` skipped as missing. Every bad entry is reported, each with its index.
 */
export function readSample(given: unknown, path: string, context: string): number[] {
  const values = readInput(given, path, context);
  if (!Array.isArray(values))
    throw new ValidationError([makeIssue(path, 'an array of numbers', describeValue(values), 'invalid_type')], context);
  const out: number[] = [];
  const issues: Issue[] = [];
  for (let index = 0; index < values.length; index++) {
    const value: unknown = values[index];
    if (value === null || value === undefined) continue;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) out.push(value);
      else issues.push(makeIssue(joinPath(path, index), 'a finite number or null', describeValue(value)));
      continue;
    }
    const decimal = tryDecimal(value);
    if (decimal === undefined)
      issues.push(makeIssue(joinPath(path, index), 'a finite number or null', describeValue(value)));
    else out.push(decimal.toNumber());
  }
  if (issues.length > 0) throw new ValidationError(issues, context);
  return out;
}

/** Mean and sample variance (n − 1) by a two-pass sum, so large offsets lose no digits. */
export function meanAndVariance(values: ArrayLike<number>, count = values.length): { mean: number; variance: number } {
  let total = 0;
  for (let i = 0; i < count; i++) total += values[i]!;
  const mean = total / count;
  let squares = 0;
  let drift = 0;
  for (let i = 0; i < count; i++) {
    const deviation = values[i]! - mean;
    squares += deviation * deviation;
    drift += deviation;
  }
  // the second sum corrects the mean's rounding (Chan, Golub & LeVeque's corrected two-pass form)
  const variance = count > 1 ? (squares - (drift * drift) / count) / (count - 1) : Number.NaN;
  return { mean: mean + drift / count, variance: Math.max(variance, 0) };
}
