// Approve mode over the emulator on a virtual clock: the autopilot proposes each decision that would write. The
// first proposal (an adjust) is accepted and its changes reach the emulator; the way back to the baseline is then
// proposed, rejected, proposed again and left to expire, and proposed a third time as the autopilot stops: none of
// those writes anything (the emulator's request log and state say so), and each ends in the decision log.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { virtualClock } from '../../../src/testing/index.js';
import {
  startAutopilot,
  type AutopilotDecision,
  type AutopilotProposal,
  type AutopilotProposalResolution,
  type ObservationSource,
} from '../../../src/workflows/autopilot/index.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { ANCHOR, HISTORY_DAYS, fingerprint, forecastFor, scripted, setup, writes } from './loop-fixture.js';

/** The first decision sees `queue` at three times its forecast; later ones see every queue on forecast all day. */
function surgeThenCalm(queue: string): ObservationSource {
  const surging = scripted(queue, ANCHOR, ANCHOR + 15 * 60_000, 3);
  const calm = scripted(queue, 0, 0);
  let reads = 0;
  return { read: (request) => (reads++ === 0 ? surging : calm).read(request) };
}

describe('startAutopilot in approve mode', () => {
  it('writes only the accepted proposal; the rejected, expired and stopped ones write nothing', async () => {
    const { emu, client, watched } = await setup();
    const dir = await mkdtemp(join(tmpdir(), 'grsdk-approve-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const auditPath = join(dir, 'decisions.jsonl');
    const pilot = startAutopilot(
      client,
      {
        queueIds: watched,
        historyDays: HISTORY_DAYS,
        mode: 'approve',
        decisionPeriodMinutes: 15,
        calmPeriods: 1,
        // The scripted calls and service levels are not the simulated agents' own, so the model would not
        // confirm the way back (confirmReturn, tested on live days): this test is about the proposals.
        confirmReturn: false,
        restoreOnStop: false,
        // A small search that stops on its work budget, not the clock: quick, and the same plan every run.
        planEffort: 0.02,
        planContactsPerEvaluation: 2_000,
        planConfirmContacts: 5_000,
      },
      {
        clock: virtualClock(ANCHOR),
        source: surgeThenCalm(watched[0] as string),
        forecast: forecastFor(watched),
        lease: { journal: new MemoryJournal() },
        auditPath,
      },
    );
    expect(pilot.mode).toBe('approve');
    const proposals: AutopilotProposal[] = [];
    const writesAt = new Map<string, number>();
    const answer = [
      (id: string) => pilot.approve(id),
      (id: string) => pilot.reject(id, 'too many'),
      () => true, // left to expire
      () => {
        void pilot.stop();
        return true;
      },
    ];
    pilot.on('proposal', (p) => {
      proposals.push(p);
      writesAt.set(p.id, writes(emu).length);
      expect(pilot.proposals()).toEqual([p]);
      expect(answer[proposals.length - 1]?.(p.id)).toBe(true);
    });
    const resolved: AutopilotProposalResolution[] = [];
    pilot.on('proposalResolved', (r) => resolved.push(r));
    const decisions: AutopilotDecision[] = [];
    const writesAfter = new Map<string, number>();
    let afterApproval = '';
    pilot.on('decision', (d) => {
      decisions.push(d);
      if (d.proposal) writesAfter.set(d.proposal.id, writes(emu).length);
      if (d.proposal?.outcome === 'approved') afterApproval = fingerprint(emu);
      if (decisions.length === 8) void pilot.stop(); // a safety net: the fourth proposal stops it
    });
    const summary = await pilot.done;
    expect(summary.error).toBeUndefined();
    expect(summary.stoppedBy).toBe('stop');

    expect(resolved).toEqual([
      { id: proposals[0]!.id, outcome: 'approved' },
      { id: proposals[1]!.id, outcome: 'rejected', reason: 'too many' },
      { id: proposals[2]!.id, outcome: 'expired' },
      { id: proposals[3]!.id, outcome: 'rejected', reason: 'the autopilot stopped' },
    ]);
    expect(proposals.map((p) => p.decision.kind)).toEqual(['adjust', 'return', 'return', 'return']);
    // Valid for one decision period by default; the next decision comes one period after the answer. The way back
    // is first proposed at 09:30, once the 09:00 gains have stayed their 30 minutes (policy.hysteresis.minHoldMinutes).
    expect(proposals.map((p) => [p.createdAt.slice(11, 16), p.expiresAt.slice(11, 16)])).toEqual([
      ['09:00', '09:15'],
      ['09:30', '09:45'],
      ['09:45', '10:00'],
      ['10:15', '10:30'],
    ]);
    // Answers after the fact are refused.
    expect(pilot.approve(proposals[2]!.id)).toBe(false);
    expect(pilot.reject(proposals[1]!.id)).toBe(false);
    expect(pilot.approve('p-unknown')).toBe(false);
    expect(pilot.proposals()).toEqual([]);

    // The accepted adjust wrote its changes (read back equal); the emulator holds them.
    const [approved, ...dropped] = decisions.filter((d) => d.proposal);
    expect(approved!.changes).toEqual(proposals[0]!.changes);
    expect(approved!.changes.length).toBeGreaterThan(0);
    expect(approved!.verified).toEqual({ ok: true, mismatches: 0 });
    for (const c of approved!.changes)
      expect(emu.state.membersOf(c.queueId).has(c.userId)).toBe(c.direction === 'gain');
    expect(writesAfter.get(proposals[0]!.id)).toBeGreaterThan(writesAt.get(proposals[0]!.id)!);
    // The others wrote nothing: no request, the org as the approval left it, and no change in their decisions.
    for (const p of proposals.slice(1)) expect(writesAfter.get(p.id)).toBe(writesAt.get(p.id));
    expect(writes(emu).length).toBe(writesAfter.get(proposals[0]!.id));
    expect(fingerprint(emu)).toBe(afterApproval);
    expect(dropped.map((d) => [d.changes.length, d.apply])).toEqual([
      [0, undefined],
      [0, undefined],
      [0, undefined],
    ]);
    expect(dropped.map((d) => d.why)).toEqual([
      expect.stringMatching(/proposal rejected \(too many\): nothing written$/),
      expect.stringMatching(/proposal expired: nothing written$/),
      expect.stringMatching(/proposal rejected \(the autopilot stopped\): nothing written$/),
    ]);
    expect(summary.changes).toBe(approved!.changes.length);
    expect(summary.atBaseline).toBe(false);

    // The decision log (JSONL) records how each proposal ended.
    const logged = (await readFile(auditPath, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as AutopilotDecision);
    expect(logged.flatMap((d) => (d.proposal ? [d.proposal.outcome] : []))).toEqual([
      'approved',
      'rejected',
      'expired',
      'rejected',
    ]);
  }, 60_000);
});
