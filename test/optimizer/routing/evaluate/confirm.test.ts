// The confirmation's runs: each round draws its own, a plan judged again on a round is not re-run, and a plan can be
// judged on several rounds' runs pooled (a rejected plan that no repair changed is judged that way, not accepted
// on the first draw that passes).
import { describe, expect, it } from 'vitest';
import { confirmation, planKey } from '../../../../src/optimizer/routing/evaluate/confirm.js';
import { evaluate, type Evaluation } from '../../../../src/optimizer/routing/evaluate/evaluate.js';
import { normalizeOptions, normalizeProblem } from '../../../../src/optimizer/routing/input.js';
import { PlanState } from '../../../../src/optimizer/routing/search/plan-state.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

function setting() {
  const problem = normalizeProblem({
    queues: [
      { id: 'a', callsPerHour: 60, ahtSeconds: 300, target },
      { id: 'b', callsPerHour: 90, ahtSeconds: 300, target },
    ],
    agents: [
      ...Array.from({ length: 7 }, (_, k) => ({ id: `a${k}`, skills: { a: 3 } })),
      ...Array.from({ length: 9 }, (_, k) => ({ id: `b${k}`, skills: { b: 3 } })),
    ],
    constraints: { maxSkillsPerAgent: 2 },
  });
  const options = normalizeOptions({ evaluation: { confirmContacts: 40_000, contactsPerEvaluation: 10_000 } }, problem);
  const runs: number[] = [];
  const confirm = confirmation(
    problem,
    options,
    async (state, seeds, length) => {
      runs.push(...seeds);
      return seeds.map((seed) => evaluate(problem, options, state.assignment(), length, seed));
    },
    true,
  );
  return { problem, confirm, runs };
}

const meanOf = (e: Evaluation, q: number): number => e.queues[q]!.mean;
const widthOf = (e: Evaluation, q: number): number => e.queues[q]!.halfWidth;

describe('confirmation', () => {
  it('draws other runs on every round, and does not re-run a plan judged again on a round', async () => {
    const { problem, confirm, runs } = setting();
    const plan = new PlanState(problem, 1);
    expect(confirm.has(plan, 0)).toBe(false);
    const first = await confirm.on(plan, 0);
    const drawn = runs.length;
    expect(drawn).toBeGreaterThanOrEqual(4);
    expect(confirm.has(plan, 0)).toBe(true);
    expect(confirm.has(plan, 1)).toBe(false);
    expect(await confirm.on(plan, 0)).toBe(first);
    expect(runs).toHaveLength(drawn);
    await confirm.on(plan, 1);
    const seeds = new Set(runs);
    expect(seeds.size).toBe(runs.length);
  });

  it('pools a plan’s runs of several rounds: a mean between the rounds’ and a smaller error', async () => {
    const { problem, confirm } = setting();
    const plan = new PlanState(problem, 1);
    plan.gain(0, 1); // one 'a' agent also takes 'b'
    const one = await confirm.on(plan, 0);
    const two = await confirm.on(plan, 1);
    const both = await confirm.pooledOn(plan, [0, 1]);
    for (const q of [0, 1]) {
      expect(meanOf(both, q)).toBeGreaterThanOrEqual(Math.min(meanOf(one, q), meanOf(two, q)) - 1e-12);
      expect(meanOf(both, q)).toBeLessThanOrEqual(Math.max(meanOf(one, q), meanOf(two, q)) + 1e-12);
      expect(widthOf(both, q)).toBeLessThan(Math.max(widthOf(one, q), widthOf(two, q)));
    }
    expect(await confirm.pooledOn(plan, [0])).toEqual(one);
  });

  it('names a plan by its changes: equal plans, equal keys', () => {
    const { problem } = setting();
    const x = new PlanState(problem, 1);
    const y = new PlanState(problem, 1);
    expect(planKey(x)).toBe(planKey(y));
    x.gain(0, 1);
    expect(planKey(x)).not.toBe(planKey(y));
    y.gain(0, 1);
    expect(planKey(x)).toBe(planKey(y));
  });
});
