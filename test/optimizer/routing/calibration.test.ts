// The calibration's search targets: the search's error plus the acceptance margin; on a short check the measured
// error is shrunk by its share of the search's error, so the check's own noise does not lift a target out of reach.
import { describe, expect, it } from 'vitest';
import { aimedQueues } from '../../../src/optimizer/routing/evaluate/confirm.js';
import type { Evaluation, QueueEval } from '../../../src/optimizer/routing/evaluate/evaluate.js';
import { acceptanceRule, normalizeProblem } from '../../../src/optimizer/routing/input.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };
const problem = normalizeProblem({
  queues: [
    { id: 'a', callsPerHour: 60, ahtSeconds: 300, target },
    { id: 'b', callsPerHour: 90, ahtSeconds: 300, target },
  ],
  agents: [{ id: 'x', skills: { a: 3, b: 3 } }],
});
const evaluation = (figures: Array<[number, number]>): Evaluation =>
  ({ queues: figures.map(([mean, halfWidth]) => ({ mean, halfWidth }) as QueueEval) }) as unknown as Evaluation;

describe('aimedQueues', () => {
  // Queue a: the search reads 0.04 above a noisy check (search error 0.01, check 0.03). Queue b: 0.01 below.
  const search = evaluation([
    [0.85, 0.01],
    [0.8, 0.01],
  ]);
  const check = evaluation([
    [0.81, 0.03],
    [0.81, 0.01],
  ]);

  it('takes the measured difference whole on a long check (the offset as the confirmation sees it)', () => {
    const [a, b] = aimedQueues(problem, search, check, 'mean', false);
    expect(a!.sl).toBeCloseTo(0.84, 10);
    expect(b!.sl).toBeCloseTo(0.8 - 0.005, 10); // floored at -0.005
  });

  it('shrinks the difference by the search error share search² / (search² + check²) on a short check', () => {
    const [a, b] = aimedQueues(problem, search, check, 'mean', true);
    expect(a!.sl).toBeCloseTo(0.8 + 0.1 * 0.04, 10); // share 0.01² / (0.01² + 0.03²) = 0.1
    expect(b!.sl).toBeCloseTo(0.8 - 0.005, 10); // share 0.5 of -0.01, floored at -0.005
  });

  it('keeps the acceptance margin whole: only the measured error is shrunk', () => {
    const rule = acceptanceRule('lower95', 2);
    const margin = rule === 'mean' ? 0 : (rule.z / 1.96) * 0.03;
    const [a] = aimedQueues(problem, search, check, rule, true);
    expect(a!.sl).toBeCloseTo(0.8 + 0.1 * 0.04 + margin, 10);
  });
});
