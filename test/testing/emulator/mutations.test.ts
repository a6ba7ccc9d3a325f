import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { api, getToken } from './helpers.js';
import type { ErrorBodyShape, Listing } from './helpers.js';

describe('emulator: user skills, skills and the audit log', () => {
  let emu: Emulator;
  let token: string;
  let userId: string;
  let skillIds: string[];
  beforeAll(async () => {
    emu = await startEmulator({ org: { users: 10, skills: 8, queues: 1 } });
    token = await getToken(emu);
    skillIds = [...emu.state.skills.keys()];
    userId = [...emu.state.users.values()].find((u) => u.state === 'active')?.id as string;
  });
  afterAll(() => emu.close());

  const bulk = (method: 'PATCH' | 'PUT', json: unknown) =>
    api<Listing & ErrorBodyShape>(emu, token, `/api/v2/users/${userId}/routingskills/bulk`, { method, json });

  it('PATCH bulk adds/updates, keeps other skills and records one audit message', async () => {
    emu.state.userSkills.set(userId, new Map([[skillIds[0] as string, 2]]));
    const before = emu.state.auditLog.length;
    const res = await bulk('PATCH', [
      { id: skillIds[1], proficiency: 3.5 },
      { id: skillIds[0], proficiency: 4 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.entities.map((s) => [s['id'], s['proficiency']]).sort()).toEqual(
      [
        [skillIds[0], 4],
        [skillIds[1], 3.5],
      ].sort(),
    );
    expect(res.body.entities[0]).toMatchObject({
      state: 'active',
      skillUri: expect.stringMatching(/^\/api\/v2\/routing\/skills\//),
    });
    expect(emu.state.userSkills.get(userId)?.get(skillIds[1] as string)).toBe(3.5);
    const audit = emu.state.auditLog.slice(before);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      serviceName: 'Routing',
      level: 'USER',
      status: 'SUCCESS',
      action: 'Update',
      entityType: 'User',
      entity: { id: userId },
      client: { id: emu.clientId },
      propertyChanges: [{ property: 'skills' }],
    });
    // Re-running the same change is a no-op: no new audit entry.
    await bulk('PATCH', [{ id: skillIds[1], proficiency: 3.5 }]);
    expect(emu.state.auditLog.length).toBe(before + 1);
  });

  it('PUT bulk replaces all assignments', async () => {
    const res = await bulk('PUT', [{ id: skillIds[2], proficiency: 1 }]);
    expect(res.status).toBe(200);
    expect(res.body.entities.map((s) => s['id'])).toEqual([skillIds[2]]);
    expect([...(emu.state.userSkills.get(userId)?.keys() ?? [])]).toEqual([skillIds[2]]);
    const list = await api<Listing>(emu, token, `/api/v2/users/${userId}/routingskills`);
    expect(list.body.total).toBe(1);
  });

  it('rejects more than 50 items with 400 and details', async () => {
    const items = Array.from({ length: 51 }, () => ({ id: skillIds[0], proficiency: 1 }));
    const res = await bulk('PATCH', items);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad.request');
    expect(res.body.details.length).toBeGreaterThan(0);
  });

  it('rejects proficiency 6 with 400 naming [i].proficiency, and changes nothing', async () => {
    const before = new Map(emu.state.userSkills.get(userId));
    const items = [0, 1, 2, 3].map((i) => ({ id: skillIds[i], proficiency: i === 3 ? 6 : 1 }));
    const res = await bulk('PATCH', items);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid.value');
    expect(res.body.details).toEqual([expect.objectContaining({ fieldName: '[3].proficiency' })]);
    expect(res.body.message).toContain('[3].proficiency');
    expect(emu.state.userSkills.get(userId)).toEqual(before);
  });

  it('rejects unknown skill ids with 400 naming [i].id', async () => {
    const res = await bulk('PATCH', [{ id: 'no-such-skill', proficiency: 2 }]);
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ fieldName: '[0].id', entityId: 'no-such-skill' });
  });

  it('answers 415 for a non-JSON content type, 400 for invalid JSON, 413 above 512000 bytes', async () => {
    const path = `/api/v2/users/${userId}/routingskills/bulk`;
    const wrongType = await api<ErrorBodyShape>(emu, token, path, {
      method: 'PATCH',
      body: '[]',
      headers: { 'Content-Type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('unsupported.media.type');
    const badJson = await api<ErrorBodyShape>(emu, token, path, {
      method: 'PATCH',
      body: '[{',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(badJson.status).toBe(400);
    const huge = await api<ErrorBodyShape>(emu, token, path, {
      method: 'PATCH',
      body: JSON.stringify([{ id: 'x'.repeat(520_000), proficiency: 1 }]),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(huge.status).toBe(413);
  });

  it('creates a skill (duplicates rejected with 409) and deletes it, removing it from users', async () => {
    const created = await api<Record<string, unknown>>(emu, token, '/api/v2/routing/skills', {
      method: 'POST',
      json: { name: 'Emulator Test Skill' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Emulator Test Skill', state: 'active', division: { name: 'Home' } });
    const id = created.body['id'] as string;
    const dup = await api<ErrorBodyShape>(emu, token, '/api/v2/routing/skills', {
      method: 'POST',
      json: { name: 'emulator test skill' },
    });
    expect(dup.status).toBe(409);
    const missingName = await api<ErrorBodyShape>(emu, token, '/api/v2/routing/skills', { method: 'POST', json: {} });
    expect(missingName.status).toBe(400);
    expect(missingName.body.details[0]?.fieldName).toBe('name');

    await bulk('PATCH', [{ id, proficiency: 5 }]);
    expect((await api(emu, token, `/api/v2/routing/skills/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(emu.state.userSkills.get(userId)?.has(id)).toBe(false);
    expect((await api<Record<string, unknown>>(emu, token, `/api/v2/routing/skills/${id}`)).body['state']).toBe(
      'deleted',
    );
    expect((await api(emu, token, `/api/v2/routing/skills/${id}`, { method: 'DELETE' })).status).toBe(404);
    const actions = emu.state.auditLog.filter((a) => a.entity.id === id).map((a) => `${a.entityType}:${a.action}`);
    expect(actions).toEqual(['RoutingSkill:Create', 'RoutingSkill:Delete']);
  });

  it('single-skill POST / PUT / DELETE on a user', async () => {
    const base = `/api/v2/users/${userId}/routingskills`;
    const post = await api<Record<string, unknown>>(emu, token, base, {
      method: 'POST',
      json: { id: skillIds[5], proficiency: 2 },
    });
    expect(post.body).toMatchObject({ id: skillIds[5], proficiency: 2 });
    const put = await api<Record<string, unknown>>(emu, token, `${base}/${skillIds[5]}`, {
      method: 'PUT',
      json: { proficiency: 4.5 },
    });
    expect(put.body['proficiency']).toBe(4.5);
    expect((await api(emu, token, `${base}/${skillIds[5]}`, { method: 'DELETE' })).status).toBe(204);
    expect(emu.state.userSkills.get(userId)?.has(skillIds[5] as string)).toBe(false);
  });
});
