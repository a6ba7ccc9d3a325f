// Decisions fall one period after the last one began, however long it took: a decision that spends minutes of the
// clock (a re-plan of seconds on a real clock at x60) does not push every later decision back; the first one counts
// from the clock's whole period, so neither a late start nor the setup's reads shift them. Whole autopilot runs on
// the emulator: with the scenarios; the step arithmetic alone is in next-step.test.ts.
import { describe, expect, it } from 'vitest';
import { virtualClock, type VirtualClock } from '../../../src/testing/index.js';
import {
  startAutopilot,
  type AutopilotDecision,
  type ObservationSource,
} from '../../../src/workflows/autopilot/index.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { ANCHOR, forecastFor, scripted, setup } from './loop-fixture.js';

const MIN = 60_000;

/**
 * The minutes after ANCHOR at which the first three decisions began, on a clock started at `startAt` with 15-minute
 * periods; `slow` makes the calm source's reads or its start take minutes of that clock.
 */
async function firstThreeDecisions(
  startAt: number,
  slow: (clock: VirtualClock, calm: ObservationSource) => Partial<ObservationSource>,
  wakeLateMs = 0,
) {
  const { client, watched } = await setup();
  const clock = lateWaking(virtualClock(startAt), wakeLateMs);
  const calm = scripted(watched[0] as string, ANCHOR, ANCHOR, 1);
  const source: ObservationSource = { read: (request) => calm.read(request), ...slow(clock, calm) };
  const pilot = startAutopilot(
    client,
    // One day of history is enough here (the forecast is given): each day read costs the emulator seconds. The
    // calm decisions still warm the planner with a re-plan: a small one, so it does not take the test's time.
    {
      queueIds: watched,
      decisionPeriodMinutes: 15,
      historyDays: 1,
      planEffort: 0.02,
      planContactsPerEvaluation: 2_000,
      planConfirmContacts: 5_000,
    },
    { clock, source, forecast: forecastFor(watched), lease: { journal: new MemoryJournal() } },
  );
  const seen: AutopilotDecision[] = [];
  pilot.on('decision', (d) => {
    seen.push(d);
    if (seen.length === 3) void pilot.stop();
  });
  expect((await pilot.done).error).toBeUndefined();
  return seen.slice(0, 3).map((d) => (Date.parse(d.at) - ANCHOR) / MIN);
}

/** The clock with every sleep ending `lateMs` after its time, as a real timer on a busy machine wakes. */
function lateWaking(clock: VirtualClock, lateMs: number): VirtualClock {
  if (lateMs === 0) return clock;
  return Object.assign(Object.create(clock) as VirtualClock, {
    sleep: async (ms: number, signal?: AbortSignal) => {
      await clock.sleep(ms, signal);
      clock.advance(lateMs);
    },
  });
}

/** The end (`to`) of each observation read, in minutes after ANCHOR. */
function readEnds(ends: number[]) {
  return (_clock: VirtualClock, calm: ObservationSource): Partial<ObservationSource> => ({
    read: (request) => {
      ends.push((request.to.getTime() - ANCHOR) / MIN);
      return calm.read(request);
    },
  });
}

describe('the decision schedule', () => {
  it('keeps decisions on their period when each one takes three minutes of the clock', async () => {
    // Each read takes three minutes of the clock, as a slow decision does.
    const began = await firstThreeDecisions(ANCHOR, (clock, calm) => ({
      read: async (request) => {
        clock.advance(3 * MIN);
        return calm.read(request);
      },
    }));
    // Stamped when each began: every 15 minutes, not every 18.
    expect(began).toEqual([0, 15, 30]);
  }, 60_000);

  it('looks at the org as of the due time when a timer wakes 2 s late, as of now when 90 s late', async () => {
    const onTime: number[] = [];
    expect(await firstThreeDecisions(ANCHOR, readEnds(onTime), 2_000)).toEqual([0, 15, 30]);
    expect(onTime.slice(0, 3)).toEqual([0, 15, 30]);
    const late: number[] = [];
    expect(await firstThreeDecisions(ANCHOR, readEnds(late), 90_000)).toEqual([0, 16.5, 31.5]);
    expect(late.slice(0, 3)).toEqual([0, 16.5, 31.5]);
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
      const began = await firstThreeDecisions(ANCHOR + 2 * MIN, (clock) => ({
        start: async () => clock.advance(c.setupMinutes * MIN),
      }));
      expect(began).toEqual(c.expected);
    },
    60_000,
  );
});
