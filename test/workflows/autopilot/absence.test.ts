// An absence over the emulator: a third of a queue's agents on queue set their presence to Away while its calls
// stay on forecast and at target. The autopilot sees the staff missing against the agents' schedule, reinforces
// the queue at once, holds the reinforcement while they are away, and lets it go once they are back; time off the
// schedule plans for is no pressure. (The bench's absence day covers the usual pattern read from history.)
import { describe, expect, it } from 'vitest';
import { virtualClock } from '../../../src/testing/index.js';
import { startAutopilot, type AutopilotDecision } from '../../../src/workflows/autopilot/index.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import type { GenesysClient } from '../../../src/index.js';
import { ANCHOR, HISTORY_DAYS, fingerprint, forecastFor, frozenSchedule, scripted, setup } from './loop-fixture.js';
import { ValidationError } from '../../../src/errors/index.js';

/** The queue's joined members on queue now who hold its skill, first by id. */
async function onQueueHolders(client: GenesysClient, queueId: string, skillId: string): Promise<string[]> {
  const members = await client.routing.members.list(queueId, { expand: ['routingStatus'] }).toArray();
  const out: string[] = [];
  for (const m of members) {
    if (m.joined === false || (m.routingStatus?.status ?? 'OFF_QUEUE') === 'OFF_QUEUE') continue;
    const skills = await client.routing.userSkills.list(m.id).toArray();
    if (skills.some((s) => s.id === skillId)) out.push(m.id);
  }
  return out.sort();
}

async function setPresence(client: GenesysClient, userIds: readonly string[], presence: string): Promise<void> {
  const definitions = await client.routing.users.presence.definitions();
  const id = definitions.find((d) => d.systemPresence === presence && !d.deactivated)?.id;
  if (!id) throw new Error(`no presence definition ${presence}`);
  for (const userId of userIds) await client.routing.users.presence.set(userId, { presenceDefinitionId: id });
}

describe('autopilot and an absence', () => {
  it('reinforces a queue whose agents are away, holds while they are, and returns once they are back', async () => {
    const { emu, client, watched } = await setup();
    const queueId = watched[0] as string;
    const skillId = emu.state.queueSkill.get(queueId) as string;
    const holders = await onQueueHolders(client, queueId, skillId);
    const away = holders.slice(0, Math.ceil(holders.length / 3));
    const before = fingerprint(emu);
    // The schedule has everyone on queue now on queue all day (this emulator has no live day: its agents keep
    // their status while the virtual clock runs, where the rota in its history would not).
    const schedule = await frozenSchedule(client, watched);
    await setPresence(client, away, 'Away');
    // The agents come back after the second decision: the next one waits for their presence to be set.
    let back: Promise<void> = Promise.resolve();
    const virtual = virtualClock(ANCHOR);
    const clock = {
      now: () => virtual.now(),
      sleep: async (ms: number, signal?: AbortSignal) => {
        await back;
        await virtual.sleep(ms, signal);
      },
    };
    const pilot = startAutopilot(
      client,
      {
        queueIds: watched,
        historyDays: HISTORY_DAYS,
        decisionPeriodMinutes: 15,
        calmPeriods: 1,
        // The scripted calls and service levels are not the simulated agents' own, so the model would not
        // confirm the way back (confirmReturn, tested on live days): this test is about the absence.
        confirmReturn: false,
        planEffort: 0.05,
        planContactsPerEvaluation: 5_000,
        planConfirmContacts: 20_000,
      },
      {
        clock,
        source: scripted(queueId, 0, 0), // every queue on its forecast, 95 % in time
        forecast: forecastFor(watched),
        schedule,
        lease: { journal: new MemoryJournal() },
      },
    );
    const seen: AutopilotDecision[] = [];
    pilot.on('decision', (d) => {
      seen.push(d);
      if (seen.length === 2) back = setPresence(client, away, 'On Queue');
      if (seen.length === 4) void pilot.stop();
    });
    const summary = await pilot.done;
    expect(summary.error).toBeUndefined();
    const [first, second, third] = seen;
    expect(first?.kind).toBe('adjust');
    expect(first?.why).toMatch(/agents on queue where their usual pattern has .*: planned with the agents on queue/);
    const staff = first?.queues.find((q) => q.queueId === queueId)?.staff;
    expect((staff?.usual ?? 0) - (staff?.onQueue ?? 0)).toBe(away.length);
    expect(first?.changes.some((c) => c.direction === 'gain' && c.queueId === queueId)).toBe(true);
    // The re-plan's search ended on its work budget, not on planTimeLimitMs: the same plan on a busy machine.
    expect(first?.plan?.stoppedBy).toBe('work');
    expect(second?.kind).toBe('hold');
    expect(second?.why).toMatch(/they stay while the absence lasts/);
    expect(third?.kind).toBe('return');
    expect(fingerprint(emu)).toEqual(before);
  }, 60_000);

  it('takes a schedule instead of history: an absence it plans for is no pressure, a wrong row a ValidationError', async () => {
    const { emu, client, watched } = await setup();
    const queueId = watched[0] as string;
    const holders = await onQueueHolders(client, queueId, emu.state.queueSkill.get(queueId) as string);
    const away = holders.slice(0, Math.ceil(holders.length / 3));
    await setPresence(client, away, 'Away');
    // The WFM schedule has them off today: on queue is as planned.
    const schedule = await frozenSchedule(client, watched);
    const policy = { queueIds: watched, historyDays: HISTORY_DAYS, decisionPeriodMinutes: 15 };
    const options = {
      clock: virtualClock(ANCHOR),
      source: scripted(queueId, 0, 0),
      forecast: forecastFor(watched),
      lease: { journal: new MemoryJournal() },
    };
    const pilot = startAutopilot(client, policy, { ...options, schedule });
    const first = await new Promise<AutopilotDecision>((resolve) => pilot.once('decision', resolve));
    await pilot.stop();
    expect(first.kind).toBe('hold');
    expect(first.why).toBe('every queue on forecast and at target');
    const [someone] = Object.keys(schedule);
    const wrong = startAutopilot(client, policy, { ...options, schedule: { [someone!]: [1, 1] } });
    const summary = await wrong.done;
    expect(summary.stoppedBy).toBe('error');
    expect(summary.error).toBeInstanceOf(ValidationError);
    expect(summary.error?.message).toMatch(new RegExp(`schedule\\.${someone}: must have 96 intervals.*got 2`));
    expect(() => startAutopilot(client, policy, { ...options, schedule: { [someone!]: [2] } })).toThrow(/schedule/);
  }, 60_000);
});
