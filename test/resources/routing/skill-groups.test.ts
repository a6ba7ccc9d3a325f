// client.routing.skillGroups over real HTTP to the emulator: CRUD, typed conditions, members (cursor paging),
// member divisions, typed errors and a retried 429.
import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../../src/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { fail429Once } from './admin-helpers.js';

describe('routing.skillGroups', () => {
  it('creates a group from typed conditions; its members are the users meeting them', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const skill = [...emu.state.skills.values()][0]!;
    const holders = [...emu.state.userSkills]
      .filter(
        ([userId, skills]) => emu.state.users.get(userId)?.state === 'active' && (skills.get(skill.id) ?? -1) >= 2,
      )
      .map(([id]) => id);

    const group = await client.routing.skillGroups.create({
      name: 'Level 2+',
      description: 'test',
      skillConditions: [
        { routingSkillConditions: [{ routingSkill: skill.name, comparator: 'GreaterThanOrEqualTo', proficiency: 2 }] },
      ],
    });
    expect(group.skillConditions[0]?.operation).toBe('And');
    expect(group.skillConditions[0]?.routingSkillConditions[0]).toMatchObject({
      routingSkill: skill.name,
      comparator: 'GreaterThanOrEqualTo',
      proficiency: 2,
    });
    expect(group.memberCount).toBe(holders.length);

    // Members page by page through after-cursors.
    const pages = [];
    for await (const page of client.routing.skillGroups.members(group.id, { pageSize: 3 }).pages())
      pages.push(page.items.length);
    expect(pages.reduce((a, b) => a + b, 0)).toBe(holders.length);
    expect(pages.length).toBe(Math.max(1, Math.ceil(holders.length / 3)));
    expect((await client.routing.skillGroups.members(group.id).toArray()).map((m) => m.id).sort()).toEqual(
      holders.sort(),
    );

    const renamed = await client.routing.skillGroups.update(group.id, {
      name: 'Level 5',
      skillConditions: [
        { routingSkillConditions: [{ routingSkill: skill.name, comparator: 'EqualTo', proficiency: 5 }] },
      ],
    });
    expect(renamed.name).toBe('Level 5');
    expect((await client.routing.skillGroups.list({ name: 'level' }).toArray()).map((g) => g.id)).toEqual([group.id]);

    await client.routing.skillGroups.delete(group.id);
    await expect(client.routing.skillGroups.get(group.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(emu.state.auditLog.filter((a) => a.entityType === 'SkillGroup').map((a) => a.action)).toEqual([
      'Create',
      'Update',
      'Delete',
    ]);
  });

  it('language conditions and Or combine as the platform documents', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const group = await client.routing.skillGroups.create({
      name: 'Spanish or French',
      skillConditions: [
        {
          operation: 'Or',
          languageSkillConditions: [
            { languageSkill: 'Spanish', comparator: 'GreaterThan', proficiency: 0 },
            { languageSkill: 'French', comparator: 'GreaterThan', proficiency: 0 },
          ],
        },
      ],
    });
    const members = await client.routing.skillGroups.members(group.id).toArray();
    expect(members.length).toBeGreaterThan(0);
    expect(members.length).toBe(group.memberCount);
    for (const m of members) {
      const held = (await client.routing.userLanguages.list(m.id!).toArray()).map((l) => l.name);
      expect(held.includes('Spanish') || held.includes('French')).toBe(true);
    }
  });

  it('member divisions: read, add and remove', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const [group] = await client.routing.skillGroups.list().toArray();
    const home = emu.state.homeDivision.id;
    expect((await client.routing.skillGroups.memberDivisions.get(group!.id)).map((d) => d.id)).toEqual([home]);
    await client.routing.skillGroups.memberDivisions.update(group!.id, { remove: [home] });
    expect(await client.routing.skillGroups.memberDivisions.get(group!.id)).toEqual([]);
    expect((await client.routing.skillGroups.get(group!.id)).memberCount).toBe(0);
    await client.routing.skillGroups.memberDivisions.update(group!.id, { add: [home] });
    expect((await client.routing.skillGroups.memberDivisions.get(group!.id)).map((d) => d.id)).toEqual([home]);
  });

  it('typed errors: bad conditions locally, unknown skills and duplicates from the platform; a 429 is retried', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const before = emu.stats.requests;
    await expect(client.routing.skillGroups.create({ name: 'x', skillConditions: [{}] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      client.routing.skillGroups.create({
        name: 'x',
        skillConditions: [
          { routingSkillConditions: [{ routingSkill: 'a', comparator: 'About' as never, proficiency: 1 }] },
        ],
      }),
    ).rejects.toThrow(/comparator/);
    expect(emu.stats.requests).toBe(before);

    const unknown = await client.routing.skillGroups
      .create({
        name: 'x',
        skillConditions: [
          { routingSkillConditions: [{ routingSkill: 'No such skill', comparator: 'EqualTo', proficiency: 1 }] },
        ],
      })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(BadRequestError);
    expect((unknown as BadRequestError).body).toMatchObject({
      details: [{ fieldName: 'skillConditions[0].routingSkillConditions[0].routingSkill' }],
    });

    const [existing] = await client.routing.skillGroups.list().toArray();
    const skill = [...emu.state.skills.values()][0]!;
    const conditions = [
      { routingSkillConditions: [{ routingSkill: skill.name, comparator: 'GreaterThan' as const, proficiency: 1 }] },
    ];
    await expect(
      client.routing.skillGroups.create({ name: existing!.name, skillConditions: conditions }),
    ).rejects.toBeInstanceOf(ConflictError);

    const fired = fail429Once(emu, 'GET', '/api/v2/routing/skillgroups');
    expect((await client.routing.skillGroups.list().toArray()).length).toBeGreaterThan(0);
    expect(fired()).toBe(true);
  });
});
