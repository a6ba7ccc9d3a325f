import { describe, expect, it } from 'vitest';
import {
  isValidationError,
  optimizeRouting,
  type OptimizeProgress,
  type OptimizeRoutingInput,
} from '../../../src/optimizer/index.js';

// A short search (few ruin-and-rebuild rounds): these tests check the contract, not the change count.
const fast = {
  evaluation: { contactsPerEvaluation: 10_000, confirmContacts: 40_000, searchPatience: 4 },
  timeLimitMs: 30_000,
} as const;

// Two busy queues and one with slack: capacity must move from 'slack' to the others.
function instance(): OptimizeRoutingInput {
  const agents = [
    ...Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, skills: { billing: 4 } })),
    ...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, skills: { sales: 4, language_es: 3 } })),
    ...Array.from({ length: 14 }, (_, i) => ({ id: `x${i}`, skills: { slack: 2 } })),
  ];
  return {
    queues: [
      { id: 'billing', callsPerHour: 110, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
      { id: 'sales', callsPerHour: 105, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
      { id: 'slack', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
    ],
    agents,
  };
}

describe('optimizeRouting constraints', () => {
  it('honours skills per agent, changes per agent, locks and eligibility, and keeps non-queue skills', async () => {
    const input = instance();
    input.agents = input.agents.map((a) => (a.id === 'x0' ? { ...a, eligible: ['slack'] } : a));
    input.constraints = { maxSkillsPerAgent: 2, maxChangesPerAgent: 1, locked: [{ agentId: 'x1', queueId: 'slack' }] };
    const r = await optimizeRouting(input, { seed: 3, ...fast });
    expect(r.feasible).toBe(true);
    const perAgent = new Map<string, number>();
    for (const c of r.changes) perAgent.set(c.agentId, (perAgent.get(c.agentId) ?? 0) + 1);
    for (const n of perAgent.values()) expect(n).toBeLessThanOrEqual(1);
    expect(r.changes.some((c) => c.agentId === 'x0')).toBe(false); // eligible only for the queue it holds
    expect(r.changes.some((c) => c.agentId === 'x1' && c.queueId === 'slack')).toBe(false);
    for (const a of r.agents) {
      const queueSkills = Object.keys(a.skills).filter((k) => ['billing', 'sales', 'slack'].includes(k));
      expect(queueSkills.length).toBeLessThanOrEqual(2);
    }
    const s0 = r.agents.find((a) => a.id === 's0');
    expect(s0?.skills.language_es).toBe(3);
    expect(r.changes.length).toBeGreaterThan(0);
    expect(r.changes.every((c) => c.agentId.startsWith('x'))).toBe(true); // donors come from the queue with slack
  }, 60_000);

  it('names the queues it cannot fix within the change budget, with the agents they lack', async () => {
    const input = instance();
    input.constraints = { maxChanges: 1 };
    const r = await optimizeRouting(input, { seed: 3, ...fast });
    expect(r.feasible).toBe(false);
    expect(r.changes.length).toBeLessThanOrEqual(1);
    expect(r.shortfall.length).toBeGreaterThan(0);
    for (const s of r.shortfall) {
      expect(['billing', 'sales']).toContain(s.queueId);
      expect(s.agentsMissing).toBeGreaterThanOrEqual(1);
    }
    expect(r.lowerBound?.changes).toBeGreaterThan(1);
  }, 60_000);

  it('is deterministic for a seed', async () => {
    const a = await optimizeRouting(instance(), { seed: 11, ...fast });
    const b = await optimizeRouting(instance(), { seed: 11, ...fast });
    expect(b.changes).toEqual(a.changes);
    expect(b.queues).toEqual(a.queues);
  }, 60_000);

  it('changes nothing when every target is already met', async () => {
    const input = instance();
    input.queues = input.queues.map((q) => ({ ...q, callsPerHour: 20 }));
    const r = await optimizeRouting(input, { seed: 1, ...fast });
    expect(r.changes).toEqual([]);
    expect(r.feasible).toBe(true);
  }, 60_000);

  it('reports progress and stops on abort', async () => {
    const events: OptimizeProgress[] = [];
    const r = await optimizeRouting(instance(), { seed: 2, ...fast, onProgress: (p) => events.push(p) });
    const phases = events.map((p) => p.phase);
    expect(phases[0]).toBe('simulate');
    expect(phases.at(-1)).toBe('done');
    // The acceptance's confirmation rounds are reported too, between the search and the result.
    expect(phases.filter((p) => p === 'confirm').length).toBeGreaterThan(1);
    // The search's work: never decreasing, one budget throughout, and the result's figures at the end.
    const used = events.map((p) => p.work.used);
    expect(used).toEqual([...used].sort((a, b) => a - b));
    expect(new Set(events.map((p) => p.work.budget))).toEqual(new Set([r.stats.work?.budget]));
    expect(events.at(-1)?.work).toEqual(r.stats.work);
    expect(events.at(-1)?.changes).toBe(r.changes.length);
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    await expect(optimizeRouting(instance(), { signal: controller.signal })).rejects.toThrow('stop now');
  }, 60_000);

  it('rejects bad input with a ValidationError naming the field', async () => {
    const bad: Array<[unknown, string]> = [
      [{ queues: [], agents: [] }, 'queues'],
      [
        {
          ...instance(),
          queues: [{ id: 'q', callsPerHour: -1, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } }],
        },
        'queues[0].callsPerHour',
      ],
      [
        {
          ...instance(),
          queues: [{ id: 'q', callsPerHour: 1, ahtSeconds: 300, target: { serviceLevel: 80, withinSeconds: 30 } }],
        },
        'queues[0].target.serviceLevel',
      ],
      [{ ...instance(), agents: [{ id: 'a', skills: { billing: 7 } }] }, 'agents[0].skills.billing'],
      [{ ...instance(), agents: [{ id: 'a', skills: {}, eligible: ['nope'] }] }, 'agents[0].eligible[0]'],
      [{ ...instance(), constraints: { maxChanges: 1.5 } }, 'constraints.maxChanges'],
      [
        { ...instance(), constraints: { locked: [{ agentId: 'ghost', queueId: 'billing' }] } },
        'constraints.locked[0].agentId',
      ],
    ];
    for (const [input, field] of bad) {
      const error = await optimizeRouting(input as OptimizeRoutingInput).catch((e: unknown) => e);
      expect(isValidationError(error), field).toBe(true);
      expect((error as Error).message).toContain(field);
    }
    await expect(optimizeRouting(instance(), { timeLimitMs: Number.NaN })).rejects.toThrow('options.timeLimitMs');
  });
});
