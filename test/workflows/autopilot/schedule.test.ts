// Decisions fall one period after the last one began, however long it took: a decision that spends minutes of the
// clock (a re-plan of seconds on a real clock at x60) does not push every later decision back; the first one counts
// from the clock's whole period, so neither a late start nor the setup's reads shift them.
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../../src/testing/index.js';
import {
  startAutopilot,
  type AutopilotDecision,
  type ObservationSource,
} from '../../../src/workflows/autopilot/index.js';
import { nextStep } from '../../../src/workflows/autopilot/autopilot.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { ANCHOR, forecastFor, scripted, setup } from './loop-fixture.js';

const MIN = 60_000;

describe('the decision schedule', () => {
  it('keeps decisions on their period when each one takes three minutes of the clock', async () => {
    const { client, watched } = await setup();
    const clock = virtualClock(ANCHOR);
    const calm = scripted(watched[0] as string, ANCHOR, ANCHOR, 1);
    // Each read takes three minutes of the clock, as a slow decision does.
    const slow: ObservationSource = {
      read: async (request) => {
        clock.advance(3 * MIN);
        return calm.read(request);
      },
    };
    const pilot = startAutopilot(
      client,
      // One day of history is enough here (the forecast is given): each day read costs the emulator seconds.
      { queueIds: watched, decisionPeriodMinutes: 15, historyDays: 1 },
      { clock, source: slow, forecast: forecastFor(watched), lease: { journal: new MemoryJournal() } },
    );
    const seen: AutopilotDecision[] = [];
    pilot.on('decision', (d) => {
      seen.push(d);
      if (seen.length === 3) void pilot.stop();
    });
    expect((await pilot.done).error).toBeUndefined();
    // Stamped when each began: every 15 minutes, not every 18.
    expect(seen.slice(0, 3).map((d) => (Date.parse(d.at) - ANCHOR) / MIN)).toEqual([0, 15, 30]);
  }, 60_000);
});

describe('the first decision period', () => {
  // Started two minutes into a period; starting the source (part of the setup) takes minutes of the clock, as
  // reading history does at x60. The first decision comes once the setup is done, then the clock's quarter hours.
  it.each([
    { setupMinutes: 4, expected: [6, 15, 30] },
    { setupMinutes: 17, expected: [19, 30, 45] },
  ])(
    'counts from the whole period it started in: a setup of $setupMinutes min gives $expected',
    async (c) => {
      const { client, watched } = await setup();
      const clock = virtualClock(ANCHOR + 2 * MIN);
      const calm = scripted(watched[0] as string, ANCHOR, ANCHOR, 1);
      const slowStart: ObservationSource = {
        read: (request) => calm.read(request),
        start: async () => clock.advance(c.setupMinutes * MIN),
      };
      const pilot = startAutopilot(
        client,
        { queueIds: watched, decisionPeriodMinutes: 15, historyDays: 1 },
        { clock, source: slowStart, forecast: forecastFor(watched), lease: { journal: new MemoryJournal() } },
      );
      const seen: AutopilotDecision[] = [];
      pilot.on('decision', (d) => {
        seen.push(d);
        if (seen.length === 3) void pilot.stop();
      });
      expect((await pilot.done).error).toBeUndefined();
      expect(seen.slice(0, 3).map((d) => (Date.parse(d.at) - ANCHOR) / MIN)).toEqual(c.expected);
    },
    60_000,
  );
});

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
