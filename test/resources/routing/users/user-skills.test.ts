// client.routing.userSkills and skills over real HTTP: the 50-skill limit, single add, division moves.
import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NotFoundError,
  ValidationError,
  isSkillLimitError,
  type ProgressEvent,
} from '../../../../src/index.js';
import type { Emulator } from '../../../../src/testing/index.js';
import { clientFor, emulator } from '../../../transport/helpers.js';

async function setup() {
  const emu = await emulator({ org: { users: 5, skills: 60, queues: 1 } });
  const userId = [...emu.state.users.values()].find((u) => u.state === 'active')!.id;
  const skillIds = [...emu.state.skills.keys()];
  return { emu, client: clientFor(emu), userId, skillIds };
}

const bulkCalls = (emu: Emulator, userId: string) =>
  emu.stats.requestLog.filter((r) => r.path === `/api/v2/users/${userId}/routingskills/bulk`).map((r) => r.method);

describe('routing.userSkills', () => {
  it('patchBulk sends 50 items in one call, with progress; 51 are refused before any request (50 skills per user)', async () => {
    const { emu, client, userId, skillIds } = await setup();
    emu.state.skillsOf(userId).clear();
    const progress: ProgressEvent[] = [];
    client.on('progress', (e) => progress.push(e));

    const fifty = skillIds.slice(0, 50).map((id) => ({ id, proficiency: 3 }));
    const result = await client.routing.userSkills.patchBulk(userId, fifty);
    expect(result.calls).toBe(1);
    // One correlation id per call, the one the emulator answered with.
    expect(result.correlationIds).toHaveLength(1);
    expect(result.correlationIds.every((id) => /^[0-9a-f-]{36}$/.test(id))).toBe(true);
    expect(bulkCalls(emu, userId)).toEqual(['PATCH']);
    expect(
      progress.filter((p) => p.operation === 'routing.userSkills.patchBulk').map((p) => [p.done, p.total]),
    ).toEqual([[50, 50]]);

    const fiftyOne = skillIds.slice(0, 51).map((id, i) => ({ id, proficiency: i % 6 }));
    const error = await client.routing.userSkills.patchBulk(userId, fiftyOne).catch((e: unknown) => e);
    expect(isSkillLimitError(error)).toBe(true);
    expect(bulkCalls(emu, userId)).toEqual(['PATCH']);
  });

  it('replaceAll with 51 items is refused before any request: the user keeps every skill', async () => {
    const { emu, client, userId, skillIds } = await setup();
    const before = new Map(emu.state.skillsOf(userId));
    const wanted = skillIds.slice(5, 56).map((id) => ({ id, proficiency: 4.5 }));
    const error = await client.routing.userSkills.replaceAll(userId, wanted).catch((e: unknown) => e);
    expect(isSkillLimitError(error)).toBe(true);
    expect((error as { count: number; limit: number }).count).toBe(51);
    expect(bulkCalls(emu, userId)).toEqual([]);
    expect(emu.state.skillsOf(userId)).toEqual(before);
    const exact = await client.routing.userSkills.replaceAll(userId, wanted.slice(0, 50));
    expect(exact.calls).toBe(1);
    expect([...emu.state.skillsOf(userId).keys()].sort()).toEqual(
      wanted
        .slice(0, 50)
        .map((s) => s.id)
        .sort(),
    );
  });

  it('add() assigns one skill with a single POST', async () => {
    const { emu, client, userId, skillIds } = await setup();
    const skillId = skillIds.find((id) => !emu.state.skillsOf(userId).has(id))!;
    const skill = await client.routing.userSkills.add(userId, { id: skillId, proficiency: 2.5 });
    expect(skill).toMatchObject({ id: skillId, proficiency: 2.5 });
    expect(emu.state.skillsOf(userId).get(skillId)).toBe(2.5);
    await expect(client.routing.userSkills.add(userId, { id: skillId, proficiency: 6 })).rejects.toThrow(
      /item\.proficiency/,
    );
    await expect(client.routing.userSkills.add(userId, { id: 'no-such-skill', proficiency: 1 })).rejects.toBeInstanceOf(
      BadRequestError,
    );
  });

  it('rejects duplicate skill ids before sending', async () => {
    const { emu, client, userId, skillIds } = await setup();
    const id = skillIds[0]!;
    const before = emu.stats.requests;
    await expect(
      client.routing.userSkills.patchBulk(userId, [
        { id, proficiency: 1 },
        { id, proficiency: 2 },
      ]),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(emu.stats.requests).toBe(before);
  });
});

describe('routing.skills', () => {
  it('moves a skill to another division', async () => {
    const { emu, client, skillIds } = await setup();
    const division = { id: emu.state.newId(), name: 'Outsourcer' };
    emu.state.divisions.set(division.id, division);
    const moved = await client.routing.skills.moveToDivision(skillIds[0]!, division.id);
    expect(moved.division?.id).toBe(division.id);
    expect(emu.state.skills.get(skillIds[0]!)?.divisionId).toBe(division.id);
    await expect(client.routing.skills.moveToDivision('no-such-skill', division.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
