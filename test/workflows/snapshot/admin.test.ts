// Snapshots and drift of the routing-admin parts (languages, users' languages, skill groups and their members,
// wrap-up codes of the org and of each queue), over HTTP against the emulator; version 1 snapshots still compare.
import { describe, expect, it } from 'vitest';
import { formatDriftReport } from '../../../src/optimizer/planning/index.js';
import { isValidationError, type ValidationError } from '../../../src/index.js';
import { adminState } from '../../../src/testing/emulator/state/admin.js';
import { driftReport, parseSnapshot, snapshotRoutingConfig } from '../../../src/workflows/snapshot/snapshot.js';
import { clientFor, emulator } from '../../transport/helpers.js';

describe('snapshot and drift: languages, skill groups, wrap-up codes', () => {
  it('captures every admin part (version 2) and round-trips through JSON', async () => {
    const emu = await emulator();
    const snap = await snapshotRoutingConfig(clientFor(emu));
    const admin = adminState(emu.state);
    expect(snap.version).toBe(2);
    expect(snap.languages?.map((l) => l.name).sort()).toEqual([...admin.languages.values()].map((l) => l.name).sort());
    const active = [...emu.state.users.values()].filter((u) => u.state === 'active');
    const held = active.reduce((n, u) => n + (admin.userLanguages.get(u.id)?.size ?? 0), 0);
    expect(held).toBeGreaterThan(0);
    expect(snap.userLanguages).toHaveLength(held);
    expect(snap.userLanguages?.every((l) => typeof l['proficiency'] === 'number' && l.userName)).toBe(true);
    expect(snap.skillGroups).toHaveLength(emu.state.skillGroups.size);
    expect(snap.skillGroups?.every((g) => Array.isArray(g['skillConditions']))).toBe(true);
    expect(snap.skillGroupMembers?.length).toBeGreaterThan(0);
    expect(snap.skillGroupMembers?.every((m) => m.skillGroupName && m.name)).toBe(true);
    expect(snap.wrapupCodes).toHaveLength(admin.wrapupCodes.size);
    const offered = [...emu.state.queues.keys()].reduce((n, q) => n + (admin.queueWrapupCodes.get(q)?.size ?? 0), 0);
    expect(snap.queueWrapupCodes).toHaveLength(offered);
    expect(parseSnapshot(JSON.stringify(snap))).toEqual(snap);
  });

  it('reports languages, skill groups and wrap-up codes added, removed and changed, with names', async () => {
    const a = await emulator({ seed: 5 });
    const b = await emulator({ seed: 5 });
    const left = await snapshotRoutingConfig(clientFor(a));
    expect((await driftReport(left, clientFor(b))).identical).toBe(true);

    const client = clientFor(b);
    const user = (await client.routing.users.list({ pageSize: 100 }).toArray())[0]!;
    const [held] = await client.routing.userLanguages.list(user.id).toArray();
    await client.routing.userLanguages.setProficiency(user.id, held!.id, held!.proficiency === 1 ? 2 : 1);
    const dutch = await client.routing.languages.create({ name: 'Dutch' });
    await client.routing.userLanguages.add(user.id, { id: dutch.id, proficiency: 4 });
    const group = (await client.routing.skillGroups.list().toArray())[0]!;
    await client.routing.skillGroups.update(group.id, { description: 'changed for the test' });
    const queue = (await client.routing.queues.list().toArray())[0]!;
    const [offered] = await client.routing.queueWrapupCodes.list(queue.id).toArray();
    await client.routing.queueWrapupCodes.remove(queue.id, offered!.id);
    const code = await client.routing.wrapupCodes.create({ name: 'Escalated' });

    const report = await driftReport(left, client);
    const added = report.added.map((e) => `${e.section}: ${e.label}`);
    expect(added).toContain('languages: language Dutch');
    expect(added).toContain(`userLanguages: language Dutch of user ${user.name}`);
    expect(added).toContain(`wrapupCodes: wrap-up code ${code.name}`);
    expect(report.removed.map((e) => `${e.section}: ${e.label}`)).toContain(
      `queueWrapupCodes: wrap-up code ${offered!.name} of queue ${queue.name}`,
    );
    const changed = report.changed.map((c) => `${c.section} ${c.path}`);
    expect(changed).toContain(
      `userLanguages $.userLanguages[?(@.userId=='${user.id}' && @.id=='${held!.id}')].proficiency`,
    );
    expect(changed).toContain(`skillGroups $.skillGroups[?(@.id=='${group.id}')].description`);
    expect(report.notCompared).toBeUndefined();
    const text = formatDriftReport(report);
    expect(text).toContain('+ language Dutch');
    expect(text).toContain(`- wrap-up code ${offered!.name} of queue ${queue.name}`);
  });

  it('a skill group condition change and the members it moves are both reported', async () => {
    const a = await emulator({ seed: 9 });
    const b = await emulator({ seed: 9 });
    const client = clientFor(b);
    const group = (await client.routing.skillGroups.list().toArray())[0]!;
    const before = await client.routing.skillGroups.members(group.id).toArray();
    const condition = group.skillConditions[0]!.routingSkillConditions[0]!;
    await client.routing.skillGroups.update(group.id, {
      skillConditions: [
        {
          routingSkillConditions: [{ routingSkill: condition.routingSkill, comparator: 'GreaterThan', proficiency: 0 }],
          languageSkillConditions: [],
          operation: 'And',
        },
      ],
    });
    const after = await client.routing.skillGroups.members(group.id).toArray();
    expect(after.length).toBeGreaterThan(before.length);
    const report = await driftReport(clientFor(a), client);
    expect(
      report.changed.some((c) => c.section === 'skillGroups' && c.path.includes('skillConditions') && c.after === 0),
    ).toBe(true);
    expect(report.added.filter((e) => e.section === 'skillGroupMembers')).toHaveLength(after.length - before.length);
  });

  it('a version 1 snapshot still compares: the parts it lacks are not compared, and said so', async () => {
    const emu = await emulator({ seed: 3 });
    const client = clientFor(emu);
    const current = await snapshotRoutingConfig(client);
    const {
      languages: _l,
      userLanguages: _u,
      skillGroups: _g,
      skillGroupMembers: _m,
      wrapupCodes: _w,
      queueWrapupCodes: _q,
      ...old
    } = current;
    const v1 = parseSnapshot(JSON.stringify({ ...old, version: 1 }));
    const report = await driftReport(v1, client);
    expect(report.identical).toBe(true);
    expect(report.notCompared).toEqual([
      'languages',
      'wrapupCodes',
      'skillGroups',
      'queueWrapupCodes',
      'skillGroupMembers',
      'userLanguages',
    ]);
    expect(formatDriftReport(report)).toContain('Not compared (not captured on both sides): languages, wrapupCodes');
    // A part turned off is left out of the snapshot, so it is not compared either (not drift).
    const partial = await snapshotRoutingConfig(client, { skillGroups: false, languages: false });
    expect(partial.skillGroups).toBeUndefined();
    expect(partial.userLanguages).toBeUndefined();
    expect((await driftReport(partial, current)).notCompared).toContain('skillGroupMembers');
  });

  it('parseSnapshot names a bad entry of a version 2 part, and refuses an unknown version', () => {
    const base = {
      kind: 'genesys-routing-sdk/routing-snapshot',
      takenAt: 'x',
      org: 'y',
      queues: [],
      skills: [],
      members: [],
      userSkills: [],
    };
    const issues = (input: unknown): ValidationError['issues'] => {
      try {
        parseSnapshot(input);
      } catch (error) {
        expect(isValidationError(error)).toBe(true);
        return (error as ValidationError).issues;
      }
      throw new Error('expected a ValidationError');
    };
    expect(issues({ ...base, version: 2, userLanguages: [{ id: 'l1', proficiency: 3 }] })[0]).toMatchObject({
      path: 'userLanguages[0]',
      message: 'needs userId or userName',
    });
    expect(issues({ ...base, version: 2, skillGroups: {} })[0]?.path).toBe('skillGroups');
    expect(issues({ ...base, version: 3 })[0]?.message).toContain('unsupported version 3');
  });
});
