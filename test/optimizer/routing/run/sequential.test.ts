// Which runs confirm sequentially (more runs while a verdict is undecided), and so also prune what the
// acceptance's repair overshot: few queues on a steady hour, or parts of few queues each. On many queues judged
// at once a take-back passes at the noise margin and the next fresh runs send the plan back to repair.
import { describe, expect, it } from 'vitest';
import { createRun } from '../../../../src/optimizer/routing/run/run-state.js';
import type { OptimizeRoutingInput } from '../../../../src/optimizer/routing/types.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

/** `queues` queues in `sites` sites whose agents may serve their own site's queues only. */
function centre(queues: number, sites = 1, day = false): OptimizeRoutingInput {
  const ids = Array.from({ length: queues }, (_, q) => `q${q}`);
  const siteOf = (q: number) => q % sites;
  return {
    queues: ids.map((id) => ({
      id,
      ahtSeconds: 300,
      target,
      ...(day ? { demand: { intervalSeconds: 1800, calls: [20, 30] } } : { callsPerHour: 40 }),
    })),
    agents: ids.flatMap((id, q) =>
      [0, 1, 2].map((k) => ({
        id: `${id}-a${k}`,
        skills: { [id]: 3 },
        eligible: ids.filter((_, p) => siteOf(p) === siteOf(q)),
      })),
    ),
  };
}

describe('sequential confirmation', () => {
  it('holds for a steady hour of 15 queues or fewer, and for parts of 15 or fewer', () => {
    expect(createRun(centre(6), {}, undefined).sequential).toBe(true);
    expect(createRun(centre(15), {}, undefined).sequential).toBe(true);
    expect(createRun(centre(40, 4), {}, undefined).sequential).toBe(true);
  });

  it('does not hold for more queues judged at once, nor over a day', () => {
    expect(createRun(centre(16), {}, undefined).sequential).toBe(false);
    expect(createRun(centre(40, 2), {}, undefined).sequential).toBe(false);
    expect(createRun(centre(6, 1, true), {}, undefined).sequential).toBe(false);
  });
});
