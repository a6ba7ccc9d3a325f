// The autopilot's step between two looks at the clock: by the watch from the decision's start, never past the period.
import { describe, expect, it } from 'vitest';
import { nextStep } from '../../../src/workflows/autopilot/autopilot.js';

const MIN = 60_000;

describe('nextStep', () => {
  const began = 1_000_000;
  it('steps by the watch from the decision start, skipping steps the decision outlasted', () => {
    expect(nextStep(began, MIN, began, 5 * MIN)).toBe(began + MIN);
    expect(nextStep(began, MIN, began + MIN, 5 * MIN)).toBe(began + 2 * MIN);
    expect(nextStep(began, MIN, began + 2.5 * MIN, 5 * MIN)).toBe(began + 3 * MIN);
  });

  it('ends at the period, even when the decision outlasted it', () => {
    expect(nextStep(began, 2 * MIN, began + 4.5 * MIN, 5 * MIN)).toBe(began + 5 * MIN);
    expect(nextStep(began, MIN, began + 7 * MIN, 5 * MIN)).toBe(began + 5 * MIN);
    expect(nextStep(began, 5 * MIN, began, 5 * MIN)).toBe(began + 5 * MIN);
  });
});
