// Shared assertions for the planning tests.
import { expect } from 'vitest';
import { isValidationError, type ValidationError } from '../../../src/errors/index.js';

/** Runs `fn`, expects a ValidationError, and returns it; `path` (if given) must be one of its issue paths. */
export function expectValidationError(fn: () => unknown, path?: string): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isValidationError(caught), `expected a ValidationError, got ${String(caught)}`).toBe(true);
  const error = caught as ValidationError;
  if (path !== undefined) expect(error.issues.map((i) => i.path)).toContain(path);
  expect(error.message.length).toBeGreaterThan(0);
  return error;
}
