// `npm run bench:autopilot -- --draws N` (bench/autopilot/draws.ts): an arm's row says on how many of the draws
// where nothing watching missed no half hour on any queue it wrote anything.
import { describe, expect, it } from 'vitest';
import { DRAWS_HEADER, drawsCells, type DrawsSummary } from '../../bench/autopilot/draws.js';

function summary(changes: number[], anyMiss: boolean[]): DrawsSummary {
  return {
    draws: changes.length,
    withMiss: anyMiss.filter(Boolean).length,
    missed: anyMiss.filter(Boolean).length,
    halfHours: 6 * changes.length,
    othersWithMiss: 0,
    changes,
    anyMiss,
    perAgent: 0,
    perHour: 0,
    readds: 0,
    atBaseline: changes.length,
    errors: [],
  };
}

const column = DRAWS_HEADER.indexOf('written with nothing to fix');

describe('draws: written with nothing to fix', () => {
  const none = summary([0, 0, 0, 0], [false, true, false, false]);

  it('counts the arm’s writes on the draws where nothing watching missed nothing', () => {
    const autopilot = summary([4, 12, 0, 8], [false, false, false, false]);
    expect(drawsCells('absence', 'autopilot', autopilot, none)[column]).toBe('2 of 3');
  });

  it('does not count a write on a draw nothing watching missed', () => {
    const rules = summary([0, 36, 0, 0], [false, true, false, false]);
    expect(drawsCells('absence', 'rules', rules, none)[column]).toBe('0 of 3');
  });

  it('reads — when nothing watching did not run on the same draws', () => {
    expect(drawsCells('absence', 'autopilot', summary([4], [false]), undefined)[column]).toBe('\u2014');
  });
});
