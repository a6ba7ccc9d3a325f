// The public shape of optimizeRouting is a contract that checks outside this suite call: fields may be added,
// never renamed or removed. These tests pin the input fields, the result fields and the module boundary.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isValidationError,
  optimizeRouting,
  type OptimizeRoutingInput,
  type OptimizeRoutingResult,
} from '../../../src/optimizer/index.js';

// A short search (few ruin-and-rebuild rounds): these tests check the contract, not the change count.
const fast = {
  evaluation: { contactsPerEvaluation: 40_000, confirmContacts: 150_000, searchPatience: 4 },
  timeLimitMs: 30_000,
} as const;
const target = { serviceLevel: 0.8, withinSeconds: 30 };

function twoQueues(): OptimizeRoutingInput {
  return {
    queues: [
      { id: 'billing', callsPerHour: 110, ahtSeconds: 300, target, patienceSeconds: 180 },
      { id: 'sales', callsPerHour: 40, ahtSeconds: 300, target, patienceSeconds: 180 },
    ],
    agents: [
      ...Array.from({ length: 9 }, (_, i) => ({
        id: `b${i}`,
        skills: { billing: 5, sales: 2 } as Record<string, number>,
        eligible: ['billing', 'sales'],
      })),
      ...Array.from({ length: 14 }, (_, i) => ({ id: `s${i}`, skills: { sales: 3 } as Record<string, number> })),
    ],
    constraints: {
      maxSkillsPerAgent: 2,
      maxChanges: 40,
      maxChangesPerAgent: 1,
      minHoldersPerQueue: 2,
      locked: [{ agentId: 'b0', queueId: 'billing' }],
    },
  };
}

function expectMeasures(m: unknown, withAbandon: boolean): void {
  const x = m as Record<string, unknown>;
  expect(typeof x.serviceLevel).toBe('number');
  expect(Array.isArray(x.ci95) && (x.ci95 as unknown[]).length === 2).toBe(true);
  const [lo, hi] = x.ci95 as [number, number];
  expect(lo).toBeLessThanOrEqual(x.serviceLevel as number);
  expect(hi).toBeGreaterThanOrEqual(x.serviceLevel as number);
  expect(typeof x.asa).toBe('number');
  if (withAbandon) expect(typeof x.abandonRate).toBe('number');
  else expect(x.abandonRate).toBeUndefined();
}

describe('optimizeRouting contract', () => {
  it('takes every documented input field and returns every documented result field', async () => {
    const progress: string[] = [];
    const result: OptimizeRoutingResult = await optimizeRouting(twoQueues(), {
      seed: 1,
      ...fast,
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.phase),
    });
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(['changes', 'agents', 'queues', 'feasible', 'shortfall', 'stats']),
    );
    expect(result.changes.length).toBeGreaterThan(0);
    for (const c of result.changes) {
      expect(Object.keys(c).sort()).toEqual(['action', 'after', 'agentId', 'before', 'queueId', 'reason']);
      expect(['add', 'remove', 'update']).toContain(c.action);
      expect(c.before === null || typeof c.before === 'number').toBe(true);
      expect(c.after === null || typeof c.after === 'number').toBe(true);
      expect(c.reason.length).toBeGreaterThan(0);
    }
    expect(result.agents.map((a) => a.id)).toEqual(twoQueues().agents.map((a) => a.id));
    for (const a of result.agents) expect(typeof a.skills).toBe('object');
    expect(result.queues.map((q) => q.id)).toEqual(['billing', 'sales']);
    for (const q of result.queues) {
      expect(q.target).toEqual(target);
      expectMeasures(q.before, true);
      expectMeasures(q.after, true);
    }
    expect(typeof result.feasible).toBe('boolean');
    for (const s of result.shortfall) expect(Object.keys(s).sort()).toEqual(['agentsMissing', 'intervals', 'queueId']);
    expect(result.lowerBound).toEqual({
      changes: expect.any(Number),
      forced: expect.any(Number),
      note: expect.any(String),
    });
    for (const q of result.queues) {
      // The steady hour is a one-interval horizon: its interval repeats the queue's figures.
      expect(q.intervals).toHaveLength(1);
      expect(q.intervals[0]!.index).toBe(0);
      expect(q.intervals[0]!.after.serviceLevel).toBeCloseTo(q.after.serviceLevel, 10);
      expect(q.intervals[0]!.after.low).toBeLessThanOrEqual(q.intervals[0]!.after.serviceLevel);
      expect(q.worstInterval).toEqual({ index: 0, before: q.before.serviceLevel, after: q.after.serviceLevel });
    }
    for (const k of ['candidatesEvaluated', 'simulatedContacts', 'solverMs', 'simulateMs'] as const)
      expect(result.stats[k]).toBeGreaterThanOrEqual(0);
    expect(result.stats.simulatedContacts).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe('done');

    // The constraints hold: one change per agent, two skills, the locked pair untouched, 2 holders per queue.
    const perAgent = new Map<string, number>();
    for (const c of result.changes) perAgent.set(c.agentId, (perAgent.get(c.agentId) ?? 0) + 1);
    expect(Math.max(...perAgent.values())).toBe(1);
    expect(result.changes.some((c) => c.agentId === 'b0' && c.queueId === 'billing')).toBe(false);
    for (const a of result.agents) expect(Object.keys(a.skills).length).toBeLessThanOrEqual(2);
    for (const q of ['billing', 'sales'])
      expect(result.agents.filter((a) => q in a.skills).length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('a skill key present at proficiency 0 is held: never added again, counted as a holder, kept in the assignment', async () => {
    const input = twoQueues();
    input.agents = input.agents.map((a) =>
      a.id.startsWith('s') && Number(a.id.slice(1)) < 4 ? { ...a, skills: { sales: 3, billing: 0 } } : a,
    );
    const r = await optimizeRouting(input, { seed: 1, ...fast });
    expect(
      r.changes.some(
        (c) => c.action === 'add' && ['s0', 's1', 's2', 's3'].includes(c.agentId) && c.queueId === 'billing',
      ),
    ).toBe(false);
    expect(r.queues.find((q) => q.id === 'billing')?.before.holders).toBe(13);
    for (const id of ['s0', 's1', 's2', 's3']) {
      const kept = r.changes.some((c) => c.agentId === id && c.queueId === 'billing' && c.action === 'remove');
      expect(r.agents.find((a) => a.id === id)?.skills.billing).toBe(kept ? undefined : 0);
    }
  }, 60_000);

  it('minHoldersPerQueue is honoured even when every target is already met', async () => {
    const r = await optimizeRouting(
      {
        queues: [
          { id: 'big', callsPerHour: 60, ahtSeconds: 300, target },
          { id: 'tiny', callsPerHour: 2, ahtSeconds: 300, target },
        ],
        agents: [
          ...Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, skills: { big: 3 } })),
          { id: 't0', skills: { tiny: 3 } },
          { id: 't1', skills: { tiny: 3 } },
        ],
        constraints: { minHoldersPerQueue: 4, maxSkillsPerAgent: 2 },
      },
      { seed: 2, ...fast },
    );
    expect(r.agents.filter((a) => 'tiny' in a.skills).length).toBeGreaterThanOrEqual(4);
    expect(r.changes.filter((c) => c.action === 'add' && c.queueId === 'tiny').length).toBe(2);
    expect(r.feasible).toBe(true);
  }, 60_000);

  it('stops with the signal’s reason when aborted mid-run', async () => {
    const controller = new AbortController();
    const run = optimizeRouting(twoQueues(), {
      seed: 1,
      ...fast,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'screen') controller.abort(new Error('cancelled by the test'));
      },
    });
    await expect(run).rejects.toThrow('cancelled by the test');
  }, 60_000);

  it('validates the contract fields, naming them', async () => {
    const base = twoQueues();
    const cases: Array<[(i: OptimizeRoutingInput) => unknown, string]> = [
      [(i) => ({ ...i, queues: [{ ...i.queues[0], patienceSeconds: -5 }] }), 'queues[0].patienceSeconds'],
      [
        (i) => ({ ...i, queues: [{ ...i.queues[0], target: { serviceLevel: 0.8, withinSeconds: -1 } }] }),
        'queues[0].target.withinSeconds',
      ],
      [(i) => ({ ...i, agents: [{ id: 'x', skills: { billing: 2 }, eligible: 'billing' }] }), 'agents[0].eligible'],
      [(i) => ({ ...i, constraints: { maxChangesPerAgent: -1 } }), 'constraints.maxChangesPerAgent'],
      [(i) => ({ ...i, constraints: { minHoldersPerQueue: 0.5 } }), 'constraints.minHoldersPerQueue'],
      [(i) => ({ ...i, constraints: { maxSkillsPerAgent: 0 } }), 'constraints.maxSkillsPerAgent'],
      [
        (i) => ({ ...i, constraints: { locked: [{ agentId: 'b1', queueId: 'nope' }] } }),
        'constraints.locked[0].queueId',
      ],
      [(i) => ({ ...i, agents: [...i.agents, { id: 'b1', skills: {} }] }), `agents[${base.agents.length}].id`],
    ];
    for (const [make, field] of cases) {
      const error = await optimizeRouting(make(twoQueues()) as OptimizeRoutingInput).catch((e: unknown) => e);
      expect(isValidationError(error), field).toBe(true);
      expect((error as Error).message).toContain(field);
    }
    for (const [options, field] of [
      [{ signal: 'stop' }, 'options.signal'],
      [{ onProgress: 1 }, 'options.onProgress'],
      [{ seed: 1.5 }, 'options.seed'],
    ] as const) {
      const error = await optimizeRouting(base, options as never).catch((e: unknown) => e);
      expect(isValidationError(error), field).toBe(true);
      expect((error as Error).message).toContain(field);
    }
  });

  it('loads the MIP solver only inside optimizeRouting, through a dynamic import', () => {
    const root = join(import.meta.dirname, '../../../src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts')) files.push(path);
      }
    };
    walk(root);
    const mentions = files.filter((f) => /['"]#?highs['"]/.test(readFileSync(f, 'utf8')));
    expect(mentions.map((f) => f.slice(root.length + 1))).toEqual(['optimizer/routing/screen/highs.ts']);
    const source = readFileSync(join(root, 'optimizer/routing/screen/highs.ts'), 'utf8');
    expect(source).toMatch(/import\('#highs'\)/); // the package's import map: highs under Node (package.json "imports")
    expect(source).not.toMatch(/^import .* from 'highs'/m);
    // Only the search phase (loaded on optimizeRouting's first call) reaches the loader: evaluateRouting and the rest of the optimizer never do.
    const loaders = files.filter((f) =>
      /^import (?!type )[^;]*from '[./]*((routing|screen)\/)?highs\.js'/m.test(readFileSync(f, 'utf8')),
    );
    expect(loaders.map((f) => f.slice(root.length + 1))).toEqual(['optimizer/routing/run/run-search.ts']);
  });
});
