// Independent parts: queues that share no agent who holds or may be given their skills are simulated apart, a part
// a candidate leaves as it was is not simulated again, each part's confirmation adds runs on its own, and the plan
// is the same on any number of threads.
import { describe, expect, it } from 'vitest';
import { problemParts } from '../../../../src/optimizer/routing/evaluate/components.js';
import { confirmation } from '../../../../src/optimizer/routing/evaluate/confirm.js';
import { evaluate, evaluatePartAsync, runLength } from '../../../../src/optimizer/routing/evaluate/evaluate.js';
import { PlanState } from '../../../../src/optimizer/routing/search/plan-state.js';
import { normalizeOptions, normalizeProblem } from '../../../../src/optimizer/routing/input.js';
import { optimizeRouting, type OptimizeRoutingInput } from '../../../../src/optimizer/index.js';
import { runOptimizeRouting } from '../../../../src/optimizer/routing/run/run-optimize.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

/** Two sites of two queues each; the sites' agents may hold only their own site's queues. */
function twoSites(extra: OptimizeRoutingInput['queues'] = []): OptimizeRoutingInput {
  const site = (s: string, staff: [number, number]) =>
    staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({
        id: `${s}${i}-${k}`,
        skills: { [`${s}${i}`]: 3 } as Record<string, number>,
        eligible: [`${s}0`, `${s}1`],
      })),
    );
  return {
    queues: [
      { id: 'n0', callsPerHour: 60, ahtSeconds: 300, target },
      { id: 'n1', callsPerHour: 100, ahtSeconds: 300, target },
      { id: 's0', callsPerHour: 80, ahtSeconds: 300, target },
      { id: 's1', callsPerHour: 70, ahtSeconds: 300, target },
      ...extra,
    ],
    agents: [...site('n', [7, 8]), ...site('s', [6, 9])],
    constraints: { maxSkillsPerAgent: 2, maxChanges: 20 },
  };
}

describe('problemParts', () => {
  it('splits queues that share no agent, with each part’s agents re-indexed', () => {
    const problem = normalizeProblem(twoSites());
    const parts = problemParts(problem);
    expect(parts.map((p) => p.queues)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(parts[1]?.agents).toHaveLength(15);
    expect(parts[1]?.problem.queues.map((q) => [q.id, q.index])).toEqual([
      ['s0', 0],
      ['s1', 1],
    ]);
    const first = parts[1]?.problem.agents[0];
    expect([first?.id, first?.index, [...(first?.held.keys() ?? [])], [...(first?.eligible ?? [])]]).toEqual([
      's0-0',
      0,
      [0],
      [0, 1],
    ]);
  });

  it('keeps a problem whole when one agent may serve both sites, or when eligibility is not given', () => {
    const bridged = twoSites();
    bridged.agents = bridged.agents.map((a, i) => (i === 0 ? { ...a, eligible: ['n0', 'n1', 's0'] } : a));
    expect(problemParts(normalizeProblem(bridged))).toHaveLength(1);
    const open = twoSites();
    open.agents = open.agents.map(({ eligible: _, ...a }) => a);
    expect(problemParts(normalizeProblem(open))).toHaveLength(1);
  });

  it('puts a queue nobody may serve into the largest part (the first of equals), never a part without agents', () => {
    const parts = problemParts(normalizeProblem(twoSites([{ id: 'x', callsPerHour: 10, ahtSeconds: 300, target }])));
    expect(parts.map((p) => p.queues)).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
  });
});

/** twoSites over a day of four half-hours: each queue's calls per interval instead of a steady rate. */
function twoSitesDay(): OptimizeRoutingInput {
  const steady = twoSites();
  return {
    ...steady,
    queues: steady.queues.map(({ callsPerHour, ...q }) => ({
      ...q,
      demand: { intervalSeconds: 1800, calls: [0.4, 0.6, 0.5, 0.3].map((f) => (f * (callsPerHour ?? 0)) / 0.5 / 2) },
    })),
  };
}

describe('evaluate on parts', () => {
  it('does not simulate again a part whose skills are unchanged, and its figures stay the same', () => {
    const problem = normalizeProblem(twoSites());
    const options = normalizeOptions({}, problem);
    const length = runLength(problem, 20_000, 4);
    const held = problem.agents.map((a) => new Map(a.held));
    const first = evaluate(problem, options, held, length, 5);
    expect(first.simulated).toBe(first.contacts);
    // One north agent also takes n1: only the north part is simulated again.
    const moved = held.map((m, i) => (i === 0 ? new Map([...m, [1, 3]]) : m));
    const second = evaluate(problem, options, moved, length, 5);
    expect(second.simulated).toBeGreaterThan(0);
    expect(second.simulated).toBeLessThan(second.contacts);
    expect(second.queues.slice(2)).toEqual(first.queues.slice(2));
    expect(second.queues[1]?.holders).toBe((first.queues[1]?.holders ?? 0) + 1);
    // The same plan and seed again: nothing simulated, the same figures.
    const again = evaluate(problem, options, moved, length, 5);
    expect(again.simulated).toBe(0);
    expect(again.queues).toEqual(second.queues);
    expect([...again.agentOccupancy]).toEqual([...second.agentOccupancy]);
  });
  it('over a day: a part left as it was keeps its figures in every interval', () => {
    const problem = normalizeProblem(twoSitesDay());
    const options = normalizeOptions({}, problem);
    const length = runLength(problem, 20_000, 4);
    const held = problem.agents.map((a) => new Map(a.held));
    const first = evaluate(problem, options, held, length, 5);
    const moved = held.map((m, i) => (i === 0 ? new Map([...m, [1, 3]]) : m));
    const second = evaluate(problem, options, moved, length, 5);
    expect(first.queues[2]?.intervals).toHaveLength(4);
    expect(second.queues.slice(2)).toEqual(first.queues.slice(2));
    expect(second.simulated).toBeLessThan(second.contacts);
  });
});

describe('optimizeRouting on parts', () => {
  const quick = {
    seed: 2,
    effort: 0.1,
    evaluation: { contactsPerEvaluation: 20_000, confirmContacts: 80_000, searchPatience: 3 },
  } as const;

  it('gives the same plan on 2 threads as on the calling thread, within each site', async () => {
    const here = await runOptimizeRouting(twoSites(), quick);
    const two = await optimizeRouting(twoSites(), { ...quick, threads: 2 });
    expect(here.changes.length).toBeGreaterThan(0);
    expect(two.changes).toEqual(here.changes);
    expect(two.queues).toEqual(here.queues);
    // The plan stays within its sites.
    for (const c of here.changes) expect(c.queueId[0]).toBe(c.agentId[0]);
  }, 120_000);
});

describe('confirmation on parts', () => {
  it('adds runs only to the part whose queue is undecided', async () => {
    const problem = normalizeProblem({
      queues: [
        { id: 'n0', callsPerHour: 60, ahtSeconds: 300, target },
        { id: 's0', callsPerHour: 86, ahtSeconds: 300, target },
      ],
      agents: [
        ...Array.from({ length: 12 }, (_, k) => ({ id: `n${k}`, skills: { n0: 3 }, eligible: ['n0'] })),
        ...Array.from({ length: 10 }, (_, k) => ({ id: `s${k}`, skills: { s0: 3 }, eligible: ['s0'] })),
      ],
    });
    const options = normalizeOptions(
      { acceptance: 'lower95', evaluation: { confirmContacts: 40_000, contactsPerEvaluation: 10_000 } },
      problem,
    );
    const runs = [0, 0];
    const whole: number[] = [];
    const confirm = confirmation(
      problem,
      options,
      async (state, seeds, length, part) => {
        if (part === undefined) whole.push(...seeds);
        else runs[part] = (runs[part] ?? 0) + seeds.length;
        return part === undefined
          ? seeds.map((seed) => evaluate(problem, options, state.assignment(), length, seed))
          : evaluatePartAsync(problem, options, state.assignment(), length, seeds, part);
      },
      true,
    );
    const ev = await confirm.on(new PlanState(problem, 1), 0);
    expect(whole).toEqual([]);
    // The overstaffed north is decided on the first four runs; the south, near its target, takes more.
    expect(runs[0]).toBe(4);
    expect(runs[1]).toBeGreaterThan(4);
    expect(ev.queues[0]?.mean).toBeGreaterThan(0.9);
    expect(ev.queues[1]?.mean).toBeGreaterThan(0.8);
  });
});
