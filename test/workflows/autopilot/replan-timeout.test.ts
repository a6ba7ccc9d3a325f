// A re-plan that cannot confirm a plan within planTimeLimitMs (a busy machine; here a limit far too short for the
// search asked of it) writes nothing and lets the next decision plan again: the autopilot does not end on it.
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../../src/testing/index.js';
import { startAutopilot, type AutopilotDecision } from '../../../src/workflows/autopilot/index.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { ANCHOR, HISTORY_DAYS, fingerprint, forecastFor, scripted, setup } from './loop-fixture.js';

describe('autopilot re-plan past its time limit', () => {
  it('holds, says why, writes nothing and keeps deciding', async () => {
    const { emu, client, watched } = await setup();
    const before = fingerprint(emu);
    const pilot = startAutopilot(
      client,
      {
        queueIds: watched,
        historyDays: HISTORY_DAYS,
        decisionPeriodMinutes: 15,
        planTimeLimitMs: 100,
        planContactsPerEvaluation: 200_000,
        planConfirmContacts: 1_000_000,
      },
      {
        clock: virtualClock(ANCHOR),
        // Three times the forecast from the first decision on: every decision is under pressure.
        source: scripted(watched[0] as string, ANCHOR, ANCHOR + 60 * 60_000, 3),
        forecast: forecastFor(watched),
        lease: { journal: new MemoryJournal() },
      },
    );
    const seen: AutopilotDecision[] = [];
    pilot.on('decision', (d) => {
      seen.push(d);
      if (seen.length === 2) void pilot.stop();
    });
    const summary = await pilot.done;
    expect(summary.error).toBeUndefined();
    expect(seen.slice(0, 2).map((d) => d.kind)).toEqual(['hold', 'hold']);
    for (const d of seen.slice(0, 2)) {
      expect(d.why).toMatch(/under pressure .*the re-plan confirmed no plan within planTimeLimitMs \(100 ms/);
      expect(d.changes).toEqual([]);
    }
    expect(fingerprint(emu)).toEqual(before);
  }, 60_000);
});
