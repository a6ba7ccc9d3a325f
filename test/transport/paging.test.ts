import { describe, expect, it } from 'vitest';
import { clientFor, emulator } from './helpers.js';
import { clientOf, hostileServer, json } from './hostile-server.js';
import { transportOf } from '../../src/resources/core/internals.js';

describe('pagination', () => {
  it('page-number listing: iterates every item across pages and stops on the last page', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const urls: string[] = [];
    client.on('request', (e) => urls.push(e.url));
    const skills = await client.routing.skills.list({ pageSize: 5 }).toArray();
    const active = [...emu.state.skills.values()].filter((s) => s.state === 'active');
    expect(new Set(skills.map((s) => s.id))).toEqual(new Set(active.map((s) => s.id)));
    expect(skills.length).toBe(active.length);
    expect(urls.length).toBe(Math.ceil(skills.length / 5));
    expect(new Set(skills.map((s) => s.id)).size).toBe(skills.length);
  });

  it('pages() yields pages with totals', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const pages = [];
    for await (const page of client.routing.users.list({ pageSize: 15 }).pages()) pages.push(page);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.total).toBe(pages.reduce((n, p) => n + p.items.length, 0));
    expect(pages.map((p) => p.index)).toEqual(pages.map((_, i) => i + 1));
  });

  it('stops on a last page that still carries a nextUri (queue members: no pageCount)', async () => {
    const emu = await emulator({ quirks: { lastPageNextUri: true } });
    const client = clientFor(emu);
    const queue = [...emu.state.queues.values()][0]!;
    const expected = emu.state.membersOf(queue.id).size;
    let requests = 0;
    client.on('request', () => requests++);
    const members = await client.routing.members.list(queue.id, { pageSize: 7 }).toArray();
    expect(members.length).toBe(expected);
    expect(new Set(members.map((m) => m.id)).size).toBe(expected);
    // ceil(n/7) pages; a full last page needs one more request, answered with an empty page.
    expect(requests).toBeLessThanOrEqual(Math.ceil(expected / 7) + 1);
  });

  it('stops on a last page with a stale nextUri when the listing reports pageCount', async () => {
    const emu = await emulator({ quirks: { lastPageNextUri: true, absoluteNextUri: true } });
    const client = clientFor(emu);
    let requests = 0;
    client.on('request', () => requests++);
    const users = await client.routing.users.list({ pageSize: 10 }).toArray();
    expect(users.length).toBe([...emu.state.users.values()].filter((u) => u.state === 'active').length);
    expect(requests).toBe(Math.ceil(users.length / 10));
  });

  it('after-style paging follows nextUri (skill groups)', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const all = await client
      .request<{ entities: unknown[] }>({
        method: 'GET',
        path: '/api/v2/routing/skillgroups',
        query: { pageSize: 100 },
      })
      .then((r) => r.entities.length);
    const { afterPaginator } = await import('../../src/transport/paging/paging-strategies.js');
    const op = { id: 'routing.skillGroups.list', method: 'GET' as const, path: '/api/v2/routing/skillgroups' };
    const groups = await afterPaginator(transportOf(client), op, {}, { pageSize: 2 }).toArray();
    expect(all).toBeGreaterThan(2);
    expect(groups.length).toBe(all);
  });

  it('toArray({ max }) returns the first max items and fetches no further page', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const urls: string[] = [];
    client.on('request', (e) => urls.push(e.url));
    const first = await client.routing.users.list({ pageSize: 10 }).toArray({ max: 5 });
    expect(first).toHaveLength(5);
    expect(urls).toHaveLength(1);
    const all = await client.routing.users.list({ pageSize: 100 }).toArray();
    expect(first).toEqual(all.slice(0, 5));
    expect(await client.routing.users.list({ pageSize: 10 }).toArray({ max: 5, ifMore: 'truncate' })).toEqual(first);
  });

  it("toArray({ max, ifMore: 'throw' }) uses max as a cap; toArray() throws past 10,000, never returns part", async () => {
    // A loopback listing of 10,500 small queues in pages of 500 (the emulator's users would make this slow).
    const total = 10_500;
    const server = await hostileServer((req, res) => {
      const url = new URL(req.path, 'http://x');
      const pageSize = Number(url.searchParams.get('pageSize'));
      const pageNumber = Number(url.searchParams.get('pageNumber'));
      const from = (pageNumber - 1) * pageSize;
      const ids = Array.from({ length: Math.max(0, Math.min(pageSize, total - from)) }, (_, i) => from + i);
      const entities = ids.map((i) => ({ id: `q${i}`, name: `Queue ${i}` }));
      json(res, 200, { entities, pageSize, pageNumber, total, pageCount: Math.ceil(total / pageSize) });
    });
    const client = clientOf(server);
    await expect(client.routing.queues.list({ pageSize: 10 }).toArray({ max: 5, ifMore: 'throw' })).rejects.toThrow(
      /more than 5 items/,
    );
    await expect(client.routing.queues.list({ pageSize: 500 }).toArray()).rejects.toThrow(/more than 10000 items/);
    expect(await client.routing.queues.list({ pageSize: 500 }).toArray({ max: 20_000 })).toHaveLength(total);
  });
});
