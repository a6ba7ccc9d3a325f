import { describe, expect, it } from 'vitest';
import { BadRequestError, PermissionDeniedError, ValidationError, type Paginator } from '../../../src/index.js';
import { AuditApi, findChanges } from '../../../src/resources/audit/index.js';
import { clientFor } from '../../transport/helpers.js';
import { DAY_MS, HOUR_MS, recentInterval, requestsTo, seedAudits, setup } from './helpers.js';

describe('client.audit.realtime', () => {
  it('returns the audits of mutations made through the API, with their property changes', async () => {
    const { emu, client, audit } = await setup();
    const user = [...emu.state.users.values()].find((u) => u.state === 'active')!;
    const held = emu.state.skillsOf(user.id);
    const newSkill = [...emu.state.skills.values()].find((s) => !held.has(s.id))!;
    const before = new Map(held);

    await client.routing.userSkills.patchBulk(user.id, [{ id: newSkill.id, proficiency: 3.5 }]);
    const created = await client.routing.skills.create({ name: 'Audit Test Skill' });

    const messages = await audit.realtime.query({ interval: recentInterval(), serviceName: 'Routing' }).toArray();
    expect(messages).toHaveLength(2);

    const skillAudit = messages.find((m) => m.entityType === 'RoutingSkill')!;
    expect(skillAudit).toMatchObject({
      action: 'Create',
      entity: { id: created.id, name: 'Audit Test Skill' },
      client: { id: emu.clientId },
    });
    expect(skillAudit.propertyChanges).toEqual([{ property: 'name', oldValues: [], newValues: ['Audit Test Skill'] }]);

    const [row, ...more] = findChanges(messages, { entityId: user.id, property: 'skills' });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      entityType: 'User',
      action: 'Update',
      entityId: user.id,
      clientId: emu.clientId,
      userId: undefined,
    });
    // The emulator writes each skill as JSON {id, name, proficiency}: the new one appears only after the change.
    const ids = (values: string[]) => values.map((v) => (JSON.parse(v) as { id: string }).id).sort();
    expect(ids(row!.oldValues)).toEqual([...before.keys()].sort());
    expect(ids(row!.newValues)).toEqual([...before.keys(), newSkill.id].sort());
    const added = row!.newValues
      .map((v) => JSON.parse(v) as { id: string; proficiency: number })
      .find((s) => s.id === newSkill.id);
    expect(added?.proficiency).toBe(3.5);
  });

  it('pages with top-level pageNumber/pageSize until the total is reached', async () => {
    const { emu, audit } = await setup();
    const start = Date.now() - 30 * 60_000;
    seedAudits(emu, 23, start);
    const bodies: unknown[] = [];
    const pages = [];
    for await (const page of audit.realtime
      .query(
        { interval: recentInterval(), serviceName: 'Routing', sort: [{ name: 'Timestamp', sortOrder: 'ascending' }] },
        { pageSize: 5 },
      )
      .pages()) {
      pages.push(page);
      bodies.push(page.raw);
    }
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages[0]!.total).toBe(23);
    expect(pages.flatMap((p) => p.items.map((m) => m.entity?.id))).toEqual(
      Array.from({ length: 23 }, (_, i) => `entity-${i}`),
    );
    expect(bodies.map((b) => (b as { pageNumber: number }).pageNumber)).toEqual([1, 2, 3, 4, 5]);
    expect(requestsTo(emu, '/audits/query/realtime')).toBe(5);
  });

  it('stops after a full last page when the total is reached (no extra request)', async () => {
    const { emu, audit } = await setup();
    seedAudits(emu, 10, Date.now() - 60_000);
    const all = await audit.realtime
      .query({ interval: recentInterval(), serviceName: 'Routing' }, { pageSize: 5 })
      .toArray();
    expect(all).toHaveLength(10);
    expect(requestsTo(emu, '/audits/query/realtime')).toBe(2);
  });

  it('sorts newest first by default and oldest first on request', async () => {
    const { emu, audit } = await setup();
    seedAudits(emu, 3, Date.now() - 60_000);
    const q = { interval: recentInterval(), serviceName: 'Routing' };
    const desc = await audit.realtime.query(q).toArray();
    const asc = await audit.realtime.query({ ...q, sort: [{ name: 'Timestamp', sortOrder: 'ascending' }] }).toArray();
    expect(desc.map((m) => m.entity?.id)).toEqual(['entity-2', 'entity-1', 'entity-0']);
    expect(asc.map((m) => m.entity?.id)).toEqual(['entity-0', 'entity-1', 'entity-2']);
  });

  it('applies convenience filters, explicit filters and the interval', async () => {
    const { emu, audit } = await setup();
    const now = Date.now();
    seedAudits(emu, 4, now - 60_000);
    seedAudits(emu, 2, now - 30_000, { entityType: 'RoutingSkill', action: 'Delete', client: { id: 'other-client' } });
    seedAudits(emu, 1, now - 10_000, { user: { id: 'user-7' }, entity: { id: 'special' } });
    seedAudits(emu, 1, now - 3 * HOUR_MS); // outside the interval below
    const base = { interval: recentInterval(), serviceName: 'Routing' };
    const ids = async (q: Parameters<AuditApi['realtime']['query']>[0]) =>
      (await audit.realtime.query(q).toArray()).map((m) => m.entity?.id).sort();

    expect(await ids({ ...base, entityType: 'RoutingSkill', action: 'Delete' })).toEqual(['entity-0', 'entity-1']);
    expect(await ids({ ...base, clientId: 'other-client' })).toEqual(['entity-0', 'entity-1']);
    expect(await ids({ ...base, userId: 'user-7' })).toEqual(['special']);
    expect(await ids({ ...base, filters: [{ property: 'EntityId', value: 'entity-3' }] })).toEqual(['entity-3']);
    expect(await ids({ ...base, entityType: 'Queue', entityId: 'entity-2' })).toEqual(['entity-2']);
    expect(await ids(base)).toHaveLength(7);
    expect(
      await ids({ ...base, interval: { from: new Date(now - 4 * HOUR_MS), to: new Date(now - 2 * HOUR_MS) } }),
    ).toEqual(['entity-0']);
  });

  it('expand=user adds the acting user name', async () => {
    const { emu, audit } = await setup();
    const user = [...emu.state.users.values()][0]!;
    seedAudits(emu, 1, Date.now() - 1000, { user: { id: user.id } });
    const q = { interval: recentInterval(), serviceName: 'Routing' };
    const [plain] = await audit.realtime.query(q).toArray();
    const [expanded] = await audit.realtime.query(q, { expand: ['user'] }).toArray();
    expect(plain!.user).toEqual({ id: user.id, selfUri: `/api/v2/users/${user.id}` });
    expect(expanded!.user).toMatchObject({ id: user.id, name: user.name });
  });

  it('refuses an interval older than the 14-day window before sending, pointing to queries.run()', async () => {
    const { emu, audit } = await setup();
    const from = new Date(Date.now() - 20 * DAY_MS);
    // Arguments are checked before the first page is requested: the iteration rejects, nothing is sent.
    const error = await audit.realtime
      .query({ interval: { from, to: new Date() }, serviceName: 'Routing' })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toBe('interval');
    expect((error as Error).message).toMatch(/14 days.*queries\.run\(\)/);
    expect(requestsTo(emu, '/audits/query/realtime')).toBe(0);
    // The window is an option; the emulator enforces its own 14-day window with a 400 naming `interval`.
    const err = await audit.realtime
      .query({ interval: { from, to: new Date() }, serviceName: 'Routing' }, { windowDays: 30 })
      .toArray()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'interval' }] });
    expect((err as Error).message).toMatch(/14 days/);
    expect(requestsTo(emu, '/audits/query/realtime')).toBe(1);
  });

  it('validates the query before any request, naming the bad field', async () => {
    const { emu, audit } = await setup();
    const interval = recentInterval();
    // Arguments are checked before the first page is requested: the iteration rejects.
    const issue = async (fn: () => Paginator<unknown>) => {
      const error = await fn()
        .toArray()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => i.path);
    };
    expect(await issue(() => audit.realtime.query({ interval: 'yesterday', serviceName: 'Routing' }))).toEqual([
      'interval',
    ]);
    expect(
      await issue(() => audit.realtime.query({ interval: { from: 'nope', to: new Date() }, serviceName: 'Routing' })),
    ).toEqual(['interval.from']);
    expect(
      await issue(() =>
        audit.realtime.query({ interval: { from: interval.to, to: interval.from }, serviceName: 'Routing' }),
      ),
    ).toEqual(['interval']);
    expect(await issue(() => audit.realtime.query({ interval, serviceName: '' }))).toEqual(['serviceName']);
    expect(
      await issue(() =>
        audit.realtime.query({
          interval,
          serviceName: 'Routing',
          filters: [{ property: 'Name' as never, value: 'x' }],
        }),
      ),
    ).toEqual(['filters[0].property']);
    expect(await issue(() => audit.realtime.query({ interval, serviceName: 'Routing', action: 'Update' }))).toEqual([
      'action',
    ]);
    expect(await issue(() => audit.realtime.query({ interval, serviceName: 'Routing' }, { pageSize: 501 }))).toEqual([
      'pageSize',
    ]);
    expect(emu.stats.requests).toBe(0);
  });

  it('the emulator answers 400 naming the field for a bad interval or filter', async () => {
    const { client } = await setup();
    const send = (body: unknown) =>
      client
        .request({ method: 'POST', path: '/api/v2/audits/query/realtime', body })
        .catch((e: unknown) => e as BadRequestError);
    const bad = await send({ interval: '2025-01-02T00:00:00Z/2025-01-01T00:00:00Z', serviceName: 'Routing' });
    expect(bad).toBeInstanceOf(BadRequestError);
    expect((bad as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'interval' }] });
    const missing = await send({ serviceName: 'Routing' });
    expect((missing as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'interval' }] });
    const from = new Date(Date.now() - HOUR_MS).toISOString();
    const to = new Date().toISOString();
    const action = await send({
      interval: `${from}/${to}`,
      serviceName: 'Routing',
      filters: [{ property: 'Action', value: 'Update' }],
    });
    expect((action as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'filters' }] });
    const service = await send({ interval: `${from}/${to}`, serviceName: 'Nope' });
    expect((service as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'serviceName' }] });
  });

  it('403 for a client without audits:audit:view', async () => {
    const { emu } = await setup({
      clients: [{ clientId: 'router', clientSecret: 'router-secret', permissions: ['routing:*:*'] }],
    });
    const limited = clientFor(emu, { clientId: 'router', clientSecret: 'router-secret' });
    const audit = limited.audit;
    const err = await audit.realtime
      .query({ interval: recentInterval(), serviceName: 'Routing' })
      .toArray()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermissionDeniedError);
    expect((err as Error).message).toContain('audits:audit:view');
    await expect(audit.queries.serviceMapping()).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
