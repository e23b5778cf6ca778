/**
 * Reading single-question answers (CSAT, CES) on a declared scale.
 * @module
 */
import { ValidationError, describeValue, fail, joinPath, makeIssue, type Issue } from '../../shared/errors.js';

export interface SimpleScale {
  readonly min: number;
  readonly max: number;
}

export function readSimpleScale(scale: unknown, context: string, fallback: SimpleScale): SimpleScale {
  if (scale === undefined) return fallback;
  if (typeof scale !== 'object' || scale === null)
    fail('options.scale', 'an object { min, max }', scale, context, 'invalid_type');
  const { min, max } = scale as { min?: unknown; max?: unknown };
  if (typeof min !== 'number' || !Number.isInteger(min)) fail('options.scale.min', 'an integer', min, context);
  if (typeof max !== 'number' || !Number.isInteger(max) || max <= min)
    fail('options.scale.max', `an integer > ${min}`, max, context);
  return { min, max };
}

/** Whole-number answers within the scale; `null`/`undefined` skipped; every bad answer reported. */
export function readAnswers(answers: unknown, scale: SimpleScale, context: string): number[] {
  if (!Array.isArray(answers))
    fail('answers', `an array of answers from ${scale.min} to ${scale.max}`, answers, context, 'invalid_type');
  const issues: Issue[] = [];
  const out: number[] = [];
  answers.forEach((value: unknown, index) => {
    if (value === null || value === undefined) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < scale.min || value > scale.max) {
      issues.push(
        makeIssue(
          joinPath('answers', index),
          `a whole number from ${scale.min} to ${scale.max} or null`,
          describeValue(value),
        ),
      );
      return;
    }
    out.push(value);
  });
  if (issues.length > 0) throw new ValidationError(issues, context);
  return out;
}
