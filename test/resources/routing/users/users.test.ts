// client.routing.users over real HTTP: search with q64 paging, roster, list options.
import { describe, expect, it } from 'vitest';
import { PermissionDeniedError, ValidationError } from '../../../../src/index.js';
import type { Emulator } from '../../../../src/testing/index.js';
import { clientFor, emulator } from '../../../transport/helpers.js';

const searches = (emu: Emulator) => emu.stats.requestLog.filter((r) => r.path === '/api/v2/users/search');
const activeUsers = (emu: Emulator) => [...emu.state.users.values()].filter((u) => u.state === 'active');

describe('routing.users.search', () => {
  it('finds one user by exact email (case-insensitive)', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const target = activeUsers(emu)[3]!;
    const found = await client.routing.users
      .search([{ type: 'EXACT', fields: ['email'], value: target.email.toUpperCase() }])
      .toArray();
    expect(found.map((u) => u.id)).toEqual([target.id]);
  });

  it('pages with POST then GET ?q64= and stops at pageCount although nextPage is always present', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const expected = activeUsers(emu).filter((u) => /a/i.test(u.name));
    const paginator = client.routing.users.search([{ type: 'CONTAINS', fields: ['name'], value: 'a' }], {
      pageSize: 7,
    });
    const found = await paginator.toArray();
    expect(found.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());

    const pages = Math.ceil(expected.length / 7);
    expect(pages).toBeGreaterThan(1);
    const log = searches(emu);
    expect(log).toHaveLength(pages);
    expect(log[0]?.method).toBe('POST');
    expect(log.slice(1).every((r) => r.method === 'GET' && r.url.includes('q64='))).toBe(true);
  });

  it('combines AND / OR / NOT criteria and nested groups, and expands skills on every page', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const [dept] = [...new Set(activeUsers(emu).map((u) => u.department))].filter(Boolean) as [string];
    const excluded = activeUsers(emu).find((u) => u.department === dept)!;
    const criteria = [
      { type: 'EXACT' as const, fields: ['department'], value: dept },
      { type: 'EXACT' as const, fields: ['id'], value: excluded.id, operator: 'NOT' as const },
      {
        type: 'MATCH_ALL',
        group: [
          {
            type: 'STARTS_WITH' as const,
            fields: ['email'],
            values: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm'],
            operator: 'OR' as const,
          },
          {
            type: 'STARTS_WITH' as const,
            fields: ['email'],
            values: ['n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z'],
            operator: 'OR' as const,
          },
        ],
      },
    ];
    const found = await client.routing.users
      .search(criteria, { pageSize: 2, expand: ['skills'], sortOrder: 'DESC', sortBy: 'name' })
      .toArray();
    const expected = activeUsers(emu).filter((u) => u.department === dept && u.id !== excluded.id);
    expect(expected.length).toBeGreaterThan(2); // so pageSize 2 spans pages
    expect(found.map((u) => u.id).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(found.map((u) => u.name)).toEqual([...found.map((u) => u.name!)].sort((a, b) => b.localeCompare(a)));
    for (const user of found)
      expect(user.skills?.map((s) => s.id).sort()).toEqual([...emu.state.skillsOf(user.id).keys()].sort());
  });

  it('searches only active users unless a criterion names state', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const inactive = [...emu.state.users.values()].find((u) => u.state === 'inactive')!;
    expect(
      await client.routing.users.search([{ type: 'EXACT', fields: ['id'], value: inactive.id }]).toArray(),
    ).toEqual([]);
    const withState = await client.routing.users
      .search([
        { type: 'EXACT', fields: ['id'], value: inactive.id },
        { type: 'EXACT', fields: ['state'], values: ['active', 'inactive'] },
      ])
      .toArray();
    expect(withState.map((u) => u.id)).toEqual([inactive.id]);
  });

  it('validates criteria and options before sending, and maps a missing permission to PermissionDeniedError', async () => {
    const emu = await emulator({ permissions: ['routing:*:*'] });
    const client = clientFor(emu);
    // Checked before the first page is requested: the iteration rejects, nothing is sent.
    await expect(client.routing.users.search([{ type: 'EXACT', fields: ['email'] }]).toArray()).rejects.toThrow(
      /criteria\[0\]\.value/,
    );
    await expect(client.routing.users.search([{ type: 'CONTAINS', value: 'x' }]).toArray()).rejects.toThrow(
      /criteria\[0\]\.fields/,
    );
    // Inside a group too, at the child's own path.
    await expect(
      client.routing.users.search([{ type: 'EXACT', group: [{ type: 'EXACT', fields: ['email'] }] }]).toArray(),
    ).rejects.toThrow(/criteria\[0\]\.group\[0\]\.value/);
    await expect(client.routing.users.search([{ type: 'EXACT', group: [] }]).toArray()).rejects.toThrow(
      /criteria\[0\]\.group.*must not be empty/,
    );
    await expect(client.routing.users.search([], { pageSize: 101 }).toArray()).rejects.toThrow(ValidationError);
    expect(emu.stats.requests).toBe(0);
    await expect(client.routing.users.search([]).toArray()).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('routing.users.roster and list', () => {
  it('roster({ queueId }) gives the queue’s joined active members as users', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const queueId = [...emu.state.queues.keys()][0] as string;
    const expected = [...emu.state.members.get(queueId)!.values()]
      .filter((m) => m.joined && emu.state.users.get(m.userId)?.state === 'active')
      .map((m) => m.userId);
    const roster = await client.routing.users.roster({ queueId, pageSize: 5, expand: ['skills'] }).toArray();
    expect(roster.map((u) => u.id).sort()).toEqual(expected.sort());
    expect(roster.every((u) => Array.isArray(u.skills))).toBe(true);

    const all = await client.routing.users.roster({ queueId, joinedOnly: false }).toArray();
    expect(all.length).toBeGreaterThanOrEqual(roster.length);
  });

  it('roster() without a queue lists the org’s active users', async () => {
    const emu = await emulator();
    const roster = await clientFor(emu).routing.users.roster({ pageSize: 15 }).toArray();
    expect(roster.map((u) => u.id).sort()).toEqual(
      activeUsers(emu)
        .map((u) => u.id)
        .sort(),
    );
  });

  it('list() sends the platform’s sortOrder values (ASC/DESC)', async () => {
    const emu = await emulator();
    const names = (await clientFor(emu).routing.users.list({ sortOrder: 'DESC' }).toArray()).map((u) => u.name!);
    expect(names).toEqual(
      activeUsers(emu)
        .map((u) => u.name)
        .sort((a, b) => b.localeCompare(a)),
    );
  });
});
