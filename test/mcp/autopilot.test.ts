// The assistant drives a REAL autopilot in approve mode on the emulator, through the official MCP client over
// streamable HTTP: autopilot_status lists the pending proposal, autopilot_approve lets the autopilot write it
// (the writes reach the emulator), autopilot_reject of the next one writes nothing, and answers after the fact
// are refused. The autopilot's clock is held by the test: time moves only when it says, so a proposal waits for
// the assistant's answer as long as needed, and nothing sleeps.
import { describe, expect, it, onTestFinished } from 'vitest';
import { startMcpHttpServer } from '../../src/mcp/index.js';
import type { AutopilotControl } from '../../src/mcp/index.js';
import type { Clock } from '../../src/internal/clock.js';
import {
  startAutopilot,
  type AutopilotDecision,
  type AutopilotEvents,
  type AutopilotHandle,
  type AutopilotProposal,
  type ObservationSource,
} from '../../src/workflows/autopilot/index.js';
import { MemoryJournal } from '../../src/workflows/journal/journals.js';
import {
  ANCHOR,
  HISTORY_DAYS,
  fingerprint,
  forecastFor,
  scripted,
  setup,
  writes,
} from '../workflows/autopilot/loop-fixture.js';
import { call, httpClient } from './helpers.js';

const TOKEN = 'test-bearer-token-0123456789';

// Compile-time: a running autopilot's handle is what the assistant drives.
const fromAutopilot = (h: AutopilotHandle): AutopilotControl => h;
void fromAutopilot;

/** A clock that moves only on `advance`: every sleep waits for it (or its signal). */
function heldClock(start: number): Clock & { advance(ms: number): Promise<void> } {
  let now = start;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper = { at: now + ms, wake: resolve };
        sleepers.push(sleeper);
        signal?.addEventListener('abort', () => {
          if (sleepers.includes(sleeper)) sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal.reason);
        });
      }),
    /** Once something sleeps on the clock (the autopilot waiting for its next decision): moves it by `ms`. */
    async advance(ms) {
      for (let turns = 0; sleepers.length === 0; turns++) {
        if (turns > 100_000) throw new Error('nothing sleeps on the clock');
        await new Promise((resolve) => setImmediate(resolve));
      }
      now += ms;
      for (const s of sleepers.filter((x) => x.at <= now)) {
        sleepers.splice(sleepers.indexOf(s), 1);
        s.wake();
      }
    },
  };
}

/** The first decision sees `queue` at three times its forecast; later ones see every queue on forecast all day. */
function surgeThenCalm(queue: string): ObservationSource {
  const surging = scripted(queue, ANCHOR, ANCHOR + 15 * 60_000, 3);
  const calm = scripted(queue, 0, 0);
  let reads = 0;
  return { read: (request) => (reads++ === 0 ? surging : calm).read(request) };
}

const next = <K extends 'proposal' | 'decision'>(pilot: AutopilotHandle, event: K) =>
  new Promise<AutopilotEvents[K][0]>((resolve) => pilot.once(event, resolve as never));

describe('the autopilot tools on a real autopilot in approve mode', () => {
  it('list the pending proposal, approve one (written) and reject the next (nothing written)', async () => {
    const { emu, client, watched } = await setup();
    const clock = heldClock(ANCHOR);
    const pilot = startAutopilot(
      client,
      {
        queueIds: watched,
        historyDays: HISTORY_DAYS,
        mode: 'approve',
        decisionPeriodMinutes: 15,
        calmPeriods: 1,
        // The scripted calls and service levels are not the simulated agents' own, so the model would not
        // confirm the way back (confirmReturn, tested on live days): this test is about the tools.
        confirmReturn: false,
        // The way back is proposed one period (15 min) after the approved gains: they need hold no longer.
        hysteresis: { minHoldMinutes: 15 },
        restoreOnStop: false,
        planEffort: 0.02,
        planContactsPerEvaluation: 2_000,
        planConfirmContacts: 5_000,
      },
      {
        clock,
        source: surgeThenCalm(watched[0] as string),
        forecast: forecastFor(watched),
        lease: { journal: new MemoryJournal() },
      },
    );
    onTestFinished(() => pilot.stop());
    const server = await startMcpHttpServer(
      client,
      { port: 0, token: TOKEN },
      { allowWrites: true, autopilot: pilot, now: () => new Date(clock.now()) },
    );
    onTestFinished(() => server.close());
    const assistant = await httpClient(server.url, TOKEN);
    onTestFinished(() => assistant.close());

    // The surge: an adjust, proposed and waiting (the held clock lets it wait).
    const first: AutopilotProposal = await next(pilot, 'proposal');
    const before = writes(emu).length;
    const status = await call(assistant, 'autopilot_status');
    expect(status).toMatchObject({ attached: true, approvals: true, decisionsSeen: 0, lastDecision: null });
    expect(status.pending).toEqual([
      {
        id: first.id,
        seq: 1,
        createdAt: first.createdAt,
        expiresAt: first.expiresAt,
        why: first.decision.why,
        changes: first.changes.length,
      },
    ]);
    expect(first.decision.kind).toBe('adjust');
    expect(first.changes.length).toBeGreaterThan(0);
    expect(writes(emu).length).toBe(before); // nothing written while it waits

    const written: Promise<AutopilotDecision> = next(pilot, 'decision');
    expect(await call(assistant, 'autopilot_approve', { id: first.id })).toEqual({
      id: first.id,
      resolved: true,
      action: 'approved',
    });
    const adjusted = await written;
    expect(adjusted.proposal).toEqual({ id: first.id, outcome: 'approved' });
    expect(adjusted.verified).toEqual({ ok: true, mismatches: 0 });
    expect(writes(emu).length).toBeGreaterThan(before);
    for (const c of adjusted.changes) expect(emu.state.membersOf(c.queueId).has(c.userId)).toBe(true);
    const afterApproval = fingerprint(emu);
    const writesAfterApproval = writes(emu).length;

    // Calm: the way back to the baseline is proposed one period later; the assistant rejects it.
    const proposed = next(pilot, 'proposal');
    await clock.advance(15 * 60_000);
    const second: AutopilotProposal = await proposed;
    expect(second.decision.kind).toBe('return');
    expect((await call(assistant, 'autopilot_status')).pending.map((p: { id: string }) => p.id)).toEqual([second.id]);
    const dropped: Promise<AutopilotDecision> = next(pilot, 'decision');
    expect(await call(assistant, 'autopilot_reject', { id: second.id, reason: 'keep them till noon' })).toEqual({
      id: second.id,
      resolved: true,
      action: 'rejected',
    });
    const rejected = await dropped;
    expect(rejected.proposal).toEqual({ id: second.id, outcome: 'rejected', reason: 'keep them till noon' });
    expect([rejected.changes, rejected.apply]).toEqual([[], undefined]);
    expect(writes(emu).length).toBe(writesAfterApproval);
    expect(fingerprint(emu)).toBe(afterApproval);

    // Answers after the fact are refused, naming the proposal; the decisions are there for the asking.
    const again = await call(assistant, 'autopilot_approve', { id: second.id });
    expect(again.error).toMatchObject({ field: 'id', reason: 'autopilot' });
    expect(again.error.message).toContain(second.id);
    const after = await call(assistant, 'autopilot_status');
    expect(after).toMatchObject({
      pending: [],
      decisionsSeen: 2,
      lastDecision: { seq: 2, kind: 'return', changes: 0 },
    });
    const { decisions } = await call(assistant, 'autopilot_decisions', {});
    expect(decisions.map((d: { seq: number; changes: number }) => [d.seq, d.changes])).toEqual([
      [1, adjusted.changes.length],
      [2, 0],
    ]);
    await pilot.stop();
    expect(writes(emu).length).toBe(writesAfterApproval);
  }, 60_000);
});
