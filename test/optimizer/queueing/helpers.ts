// Shared test helpers.
import { expect } from 'vitest';
import { isValidationError, type ValidationError } from '../../../src/optimizer/index.js';

/** Runs `fn`, asserts it throws a ValidationError whose message names `path`, and returns the error. */
export function expectValidationError(fn: () => unknown, path: string): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isValidationError(caught), `expected a ValidationError naming ${path}`).toBe(true);
  const error = caught as ValidationError;
  expect(error.issues.map((i) => i.path)).toContain(path);
  expect(error.message).toContain(path);
  return error;
}
