import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../../src/index.js';
import { driftReport, parseSnapshot, snapshotRoutingConfig } from '../../../src/workflows/snapshot/snapshot.js';
import { clientFor, emulator } from '../../transport/helpers.js';

describe('snapshot and drift', () => {
  it('snapshots every section and round-trips through JSON', async () => {
    const emu = await emulator();
    const snap = await snapshotRoutingConfig(clientFor(emu));
    expect(snap.queues).toHaveLength(emu.state.queues.size);
    expect(snap.skills.length).toBe([...emu.state.skills.values()].filter((s) => s.state === 'active').length);
    const memberCount = [...emu.state.queues.keys()].reduce((n, q) => n + emu.state.membersOf(q).size, 0);
    expect(snap.members).toHaveLength(memberCount);
    const activeUsers = [...emu.state.users.values()].filter((u) => u.state === 'active');
    expect(snap.userSkills.length).toBe(activeUsers.reduce((n, u) => n + emu.state.skillsOf(u.id).size, 0));
    expect(parseSnapshot(JSON.stringify(snap))).toEqual(snap);
  });

  it('two orgs built from the same seed show no drift; changes on one side are reported with paths', async () => {
    const a = await emulator({ seed: 5 });
    const b = await emulator({ seed: 5 });
    const clean = await driftReport(clientFor(a), clientFor(b));
    expect(clean.identical).toBe(true);

    const user = [...b.state.users.values()].find((u) => u.state === 'active' && b.state.skillsOf(u.id).size > 0)!;
    const skillId = [...b.state.skillsOf(user.id).keys()][0]!;
    b.state.skillsOf(user.id).set(skillId, 0.5);
    const queueId = [...b.state.queues.keys()][0]!;
    const memberId = [...b.state.membersOf(queueId).keys()][0]!;
    b.state.membersOf(queueId).delete(memberId);

    const report = await driftReport(clientFor(a), clientFor(b));
    expect(report.identical).toBe(false);
    expect(
      report.removed.some((e) => e.section === 'members' && (e.label.includes(memberId) || e.path.includes(memberId))),
    ).toBe(true);
    const change = report.changed.find((c) => c.section === 'userSkills' && c.after === 0.5);
    expect(change?.path).toContain('proficiency');
  });

  it('rejects a document that is not a snapshot', () => {
    try {
      parseSnapshot({ kind: 'something-else' });
      expect.unreachable();
    } catch (e) {
      expect(isValidationError(e)).toBe(true);
    }
  });
});
