import { ValidationError } from '../../src/index.js';

/** The ValidationError `task` throws; any other error is rethrown, and no error at all fails the test. */
export function errorOf(task: () => unknown): ValidationError {
  try {
    task();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}
