/**
 * Small argument checks shared by the quality module's public functions.
 * @module
 */
import { fail } from '../../shared/errors.js';

/** Throws unless `value` is a finite number strictly between 0 and 1. */
export function checkProbability(value: unknown, path: string, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    fail(path, 'a number strictly between 0 and 1', value, context);
  }
  return value;
}

/** Throws unless `value` is a finite number > 0 (degrees of freedom may be fractional, as in Welch's test). */
export function checkDegreesOfFreedom(value: unknown, path: string, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(path, 'a finite number > 0', value, context);
  }
  return value;
}

/** Throws unless `value` is a finite number. */
export function checkFinite(value: unknown, path: string, context: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'a finite number', value, context);
  return value;
}

/** Reads an optional confidence level (default 0.95). */
export function readLevel(options: unknown, context: string, path = 'options.level'): number {
  if (options === undefined || options === null) return 0.95;
  if (typeof options !== 'object') fail('options', 'an options object', options, context);
  const level = (options as { level?: unknown }).level;
  if (level === undefined) return 0.95;
  return checkProbability(level, path, context);
}
