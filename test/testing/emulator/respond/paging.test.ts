import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../../src/testing/index.js';
import type { Emulator } from '../../../../src/testing/index.js';
import { api, getToken } from '../helpers.js';
import type { ApiResult, ErrorBodyShape, Listing } from '../helpers.js';

describe('emulator: listings and paging', () => {
  let emu: Emulator;
  let token: string;
  beforeAll(async () => {
    emu = await startEmulator({ org: { users: 60, skills: 7, queues: 3 } });
    token = await getToken(emu);
  });
  afterAll(() => emu.close());

  it('pages skills with page-number fields; nextUri is absent on the last page', async () => {
    const p1 = await api<Listing>(emu, token, '/api/v2/routing/skills?pageSize=3');
    expect(p1.status).toBe(200);
    expect(p1.body).toMatchObject({ pageSize: 3, pageNumber: 1, total: 7, pageCount: 3 });
    expect(p1.body.entities).toHaveLength(3);
    expect(p1.body.nextUri).toBe('/api/v2/routing/skills?pageSize=3&pageNumber=2');
    expect(p1.body.previousUri).toBeUndefined();
    expect(p1.body.lastUri).toBe('/api/v2/routing/skills?pageSize=3&pageNumber=3');

    const seen = new Set<unknown>();
    let next: string | undefined = '/api/v2/routing/skills?pageSize=3';
    let last: Listing | undefined;
    while (next) {
      last = (await api<Listing>(emu, token, next)).body;
      for (const e of last.entities) seen.add(e['id']);
      next = last.nextUri;
    }
    expect(seen.size).toBe(7);
    expect(last?.pageNumber).toBe(3);
    expect(last?.entities).toHaveLength(1);
    expect(last?.previousUri).toBe('/api/v2/routing/skills?pageSize=3&pageNumber=2');
    const skill = p1.body.entities[0] as Record<string, unknown>;
    expect(Object.keys(skill).sort()).toEqual([
      'dateModified',
      'division',
      'id',
      'name',
      'selfUri',
      'state',
      'version',
    ]);
  });

  it('keeps other query params in the URIs and filters by name prefix and repeated ids', async () => {
    const all = (await api<Listing>(emu, token, '/api/v2/routing/skills?pageSize=100')).body.entities;
    const [a, b] = all as [Record<string, string>, Record<string, string>];
    const byId = await api<Listing>(emu, token, `/api/v2/routing/skills?id=${a['id']}&id=${b['id']}&pageSize=1`);
    expect(byId.body.total).toBe(2);
    expect(byId.body.nextUri).toBe(`/api/v2/routing/skills?pageSize=1&pageNumber=2&id=${a['id']}&id=${b['id']}`);
    const prefix = (a['name'] as string).slice(0, 3);
    const byName = await api<Listing>(
      emu,
      token,
      `/api/v2/routing/skills?name=${encodeURIComponent(prefix.toLowerCase())}`,
    );
    expect(byName.body.entities.every((e) => String(e['name']).startsWith(prefix))).toBe(true);
  });

  it('rejects pageSize above maxPageSize with 400 naming the field', async () => {
    const res = await api<ErrorBodyShape>(emu, token, '/api/v2/routing/skills?pageSize=501');
    expect(res.status).toBe(400);
    expect(res.body.details[0]?.fieldName).toBe('pageSize');
  });

  it('quirks: absolute URIs and a nextUri on the last page that leads to an empty page', async () => {
    const q = await startEmulator({
      org: { users: 5, skills: 4, queues: 1 },
      quirks: { absoluteNextUri: true, lastPageNextUri: true },
    });
    try {
      const t = await getToken(q);
      const last = await api<Listing>(q, t, '/api/v2/routing/skills?pageSize=2&pageNumber=2');
      expect(last.body.nextUri).toBe(`${q.baseUrl}/api/v2/routing/skills?pageSize=2&pageNumber=3`);
      const past = await api<Listing>(q, t, last.body.nextUri as string);
      expect(past.status).toBe(200);
      expect(past.body.entities).toEqual([]);
      expect(past.body.nextUri).toBeUndefined();
    } finally {
      await q.close();
    }
  });

  it('queue members: max pageSize 100 and no total/pageCount', async () => {
    const queueId = [...emu.state.queues.keys()][0] as string;
    const tooBig = await api<ErrorBodyShape>(emu, token, `/api/v2/routing/queues/${queueId}/members?pageSize=101`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details[0]?.fieldName).toBe('pageSize');
    const page = await api<Listing>(
      emu,
      token,
      `/api/v2/routing/queues/${queueId}/members?pageSize=100&expand=routingStatus`,
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBeUndefined();
    expect(page.body.pageCount).toBeUndefined();
    expect(page.body.entities.length).toBe(emu.state.members.get(queueId)?.size);
    expect(page.body.entities[0]).toMatchObject({ memberBy: 'user', routingStatus: { status: expect.any(String) } });
    const joined = await api<Listing>(emu, token, `/api/v2/routing/queues/${queueId}/members?joined=true&pageSize=100`);
    expect(joined.body.entities.every((m) => m['joined'] === true)).toBe(true);
  });

  it('queues: name wildcard and sortOrder', async () => {
    const names = [...emu.state.queues.values()].map((q) => q.name).sort();
    const desc = await api<Listing>(emu, token, '/api/v2/routing/queues?sortOrder=desc');
    expect(desc.body.entities.map((q) => q['name'])).toEqual([...names].reverse());
    const word = (names[0] as string).split(' ')[0] as string;
    const wild = await api<Listing>(
      emu,
      token,
      `/api/v2/routing/queues?name=${encodeURIComponent(`*${word.slice(1)}*`)}`,
    );
    expect(wild.body.entities.map((q) => q['name'])).toContain(names[0]);
    const exact = await api<Listing>(emu, token, `/api/v2/routing/queues?name=${encodeURIComponent(word.slice(1))}`);
    expect(exact.body.total).toBe(0);
  });

  it('users: state filter, id bulk fetch and expand', async () => {
    const inactive = [...emu.state.users.values()].filter((u) => u.state === 'inactive');
    const active = [...emu.state.users.values()].filter((u) => u.state === 'active');
    const def = await api<Listing>(emu, token, '/api/v2/users?pageSize=500');
    expect(def.body.total).toBe(active.length);
    const any = await api<Listing>(emu, token, '/api/v2/users?pageSize=500&state=any');
    expect(any.body.total).toBe(emu.state.users.size);
    const u1 = active[0] as { id: string };
    const u2 = active[1] as { id: string };
    const ids = await api<Listing>(
      emu,
      token,
      `/api/v2/users?id=${u1.id}&id=${u2.id}&expand=skills&expand=routingStatus`,
    );
    expect(ids.body.entities.map((u) => u['id']).sort()).toEqual([u1.id, u2.id].sort());
    expect(ids.body.entities[0]).toHaveProperty('skills');
    expect(ids.body.entities[0]).toHaveProperty('routingStatus');
    expect(inactive.length + active.length).toBe(emu.state.users.size);
  });

  it('skill groups: after/before cursor paging', async () => {
    const ids: unknown[] = [];
    let next: string | undefined = '/api/v2/routing/skillgroups?pageSize=1';
    let pages = 0;
    let lastPage: Record<string, unknown> = {};
    while (next) {
      const res: ApiResult<Listing> = await api<Listing>(emu, token, next);
      expect(res.status).toBe(200);
      expect(res.body.total).toBeUndefined();
      ids.push(...res.body.entities.map((g: Record<string, unknown>) => g['id']));
      if (res.body.nextUri) expect(res.body.nextUri).toMatch(/[?&]after=/);
      lastPage = res.body as unknown as Record<string, unknown>;
      next = res.body.nextUri;
      pages++;
    }
    expect(new Set(ids).size).toBe(emu.state.skillGroups.size);
    expect(pages).toBe(emu.state.skillGroups.size);
    const back = await api<Listing>(emu, token, lastPage['previousUri'] as string);
    expect(back.body.entities).toHaveLength(1);
    expect((await api(emu, token, '/api/v2/routing/skillgroups?after=not-a-cursor')).status).toBe(400);
  });
});
