// A queue's simulated figures for the search's unit tests: an exact mean (no error) and neutral measures.
import type { QueueEval } from '../../../../src/optimizer/routing/evaluate/evaluate.js';

export function queueEval(mean: number, holders: number): QueueEval {
  return { mean, halfWidth: 0, offered: 100, asa: 0, abandonRate: 0, occupancy: 0.5, holders };
}
