// The search's work budget: a base plus a share per queue up to 40 queues, twice on a steady hour of few queues.
import { describe, expect, it } from 'vitest';
import { createRun, defaultPatience, workBudget } from '../../../../src/optimizer/routing/run/run-state.js';
import type { OptimizeRoutingInput } from '../../../../src/optimizer/index.js';
import { ValidationError } from '../../../../src/errors/index.js';

describe('workBudget', () => {
  it('grows by 20 evaluations a queue from a base of 200, times the effort', () => {
    expect(workBudget(1, 10, false)).toBe(400);
    expect(workBudget(1, 40, false)).toBe(1_000);
    expect(workBudget(0.25, 20, false)).toBe(150);
  });

  it('doubles on a steady hour of few queues', () => {
    expect(workBudget(1, 6, true)).toBe(640);
    expect(workBudget(1, 10, true)).toBe(800);
  });

  it('stops growing past 40 queues', () => {
    expect(workBudget(1, 41, false)).toBe(1_000);
    expect(workBudget(1, 100, false)).toBe(1_000);
    expect(workBudget(2, 200, false)).toBe(2_000);
  });
});

describe('the search patience', () => {
  const steadyHour: OptimizeRoutingInput = {
    queues: [1, 2].map((i) => ({
      id: `q${i}`,
      callsPerHour: 60,
      ahtSeconds: 300,
      target: { serviceLevel: 0.8, withinSeconds: 30 },
    })),
    agents: [1, 2, 3, 4].map((i) => ({ id: `a${i}`, skills: { [`q${(i % 2) + 1}`]: 3 } })),
  };
  const day: OptimizeRoutingInput = {
    ...steadyHour,
    queues: steadyHour.queues.map(({ callsPerHour: _, ...q }) => ({
      ...q,
      demand: { intervalSeconds: 1800, calls: [20, 40] },
    })),
  };
  const patience = (input: OptimizeRoutingInput, searchPatience?: number) =>
    createRun(input, searchPatience === undefined ? {} : { evaluation: { searchPatience } }, undefined).opts
      .searchPatience;

  it('doubles with the work budget on a steady hour of few queues', () => {
    expect(defaultPatience(false)).toBe(40);
    expect(defaultPatience(true)).toBe(80);
    expect(patience(steadyHour)).toBe(80);
    expect(patience(day)).toBe(40);
  });

  it('is the caller’s when given, 0 included', () => {
    expect(patience(steadyHour, 7)).toBe(7);
    expect(patience(day, 0)).toBe(0);
  });

  it('refuses a value that is not a whole number of rounds, naming the field', () => {
    expect(() => patience(steadyHour, 1.5)).toThrow(/options\.evaluation\.searchPatience/);
    expect(() => patience(steadyHour, -1)).toThrow(ValidationError);
  });
});
