import { describe, expect, it } from 'vitest';
import {
  BadRequestError,
  NotFoundError,
  RequestAbortedError,
  TimeoutError,
  ValidationError,
  type ProgressEvent,
} from '../../../src/index.js';
import { AuditQueryFailedError, isAuditQueryFailedError } from '../../../src/resources/audit/index.js';
import { auditEmulation } from '../../../src/testing/emulator/audit/store.js';
import { DAY_MS, recentInterval, requestsTo, seedAudits, setup } from './helpers.js';

const FAST = { pollIntervalMs: 5, maxPollIntervalMs: 20 };
const routing = () => ({ interval: recentInterval(), serviceName: 'Routing' });

describe('client.audit.query (async)', () => {
  it('polls Queued -> Running -> Succeeded, then returns the results with their property changes', async () => {
    const { emu, client, audit } = await setup();
    const skill = await client.routing.skills.create({ name: 'Async Audit Skill' });
    await client.routing.skills.delete(skill.id);
    const states: string[] = [];
    client.on('progress', (e: ProgressEvent) => states.push(e.message ?? ''));

    const results = await audit.queries.run({ ...routing(), entityType: 'RoutingSkill', entityId: skill.id }, FAST);

    expect(results.execution.state).toBe('Succeeded');
    expect(states.map((s) => s.split(': ')[1])).toEqual(['Queued', 'Running', 'Succeeded']);
    // One create and two status polls (the default emulator settles on the second poll).
    expect(requestsTo(emu, '/api/v2/audits/query', 'POST')).toBe(1);
    expect(requestsTo(emu, `/api/v2/audits/query/${results.transactionId}`)).toBe(2);

    const messages = await results.toArray();
    expect(messages.map((m) => m.action)).toEqual(['Delete', 'Create']); // newest first
    expect(messages[0]!.propertyChanges).toEqual([
      { property: 'state', oldValues: ['active'], newValues: ['deleted'] },
    ]);
    expect(messages[1]!.propertyChanges).toEqual([
      { property: 'name', oldValues: [], newValues: ['Async Audit Skill'] },
    ]);
  });

  it('captures user-skill changes made with patchBulk', async () => {
    const { emu, client, audit } = await setup();
    const user = [...emu.state.users.values()].find((u) => u.state === 'active')!;
    const [skillId, proficiency] = [...emu.state.skillsOf(user.id)][0]!;
    const next = proficiency === 5 ? 1 : 5;
    await client.routing.userSkills.patchBulk(user.id, [{ id: skillId, proficiency: next }]);

    const results = await audit.queries.run({ ...routing(), entityId: user.id }, FAST);
    const messages = await results.toArray();
    expect(messages).toHaveLength(1);
    const change = messages[0]!.propertyChanges![0]!;
    const find = (values: string[] | undefined) =>
      values!.map((v) => JSON.parse(v) as { id: string; proficiency: number }).find((s) => s.id === skillId);
    expect(change.property).toBe('skills');
    expect(find(change.oldValues)?.proficiency).toBe(proficiency);
    expect(find(change.newValues)?.proficiency).toBe(next);
  });

  it('follows the cursor across pages and stops on the page without a cursor', async () => {
    const { emu, audit } = await setup();
    seedAudits(emu, 12, Date.now() - 60_000);
    const results = await audit.queries.run(
      { ...routing(), sort: [{ name: 'Timestamp', sortOrder: 'ascending' }] },
      { ...FAST, pageSize: 5 },
    );
    const pages = [];
    for await (const page of results.pages()) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([5, 5, 2]);
    expect(pages.flatMap((p) => p.items.map((m) => m.entity?.id))).toEqual(
      Array.from({ length: 12 }, (_, i) => `entity-${i}`),
    );
    expect((pages[2]!.raw as { cursor?: string }).cursor).toBeUndefined();
    expect(requestsTo(emu, '/results')).toBe(3);
  });

  it('stops when the server repeats a cursor instead of looping', async () => {
    const { emu, audit } = await setup();
    auditEmulation(emu).configure({ lastPageCursor: 'repeat' });
    seedAudits(emu, 10, Date.now() - 60_000);
    const results = await audit.queries.run(routing(), { ...FAST, pageSize: 4 });
    const messages = await results.toArray();
    expect(messages).toHaveLength(10);
    expect(new Set(messages.map((m) => m.id)).size).toBe(10);
    // Pages of 4, 4, 2; the last one echoes its own cursor, which the paginator has already seen.
    expect(requestsTo(emu, '/results')).toBe(3);
  });

  it('stops on an empty page when the last page still links to one', async () => {
    const { emu, audit } = await setup();
    auditEmulation(emu).configure({ lastPageCursor: 'empty' });
    seedAudits(emu, 8, Date.now() - 60_000);
    const messages = await (await audit.queries.run(routing(), { ...FAST, pageSize: 4 })).toArray();
    expect(messages).toHaveLength(8);
    expect(requestsTo(emu, '/results')).toBe(3);
  });

  it('results(transactionId) resumes a finished query; expand=user is passed through', async () => {
    const { emu, audit } = await setup();
    const user = [...emu.state.users.values()][1]!;
    seedAudits(emu, 3, Date.now() - 60_000, { user: { id: user.id } });
    const submitted = await audit.queries.create({ ...routing(), userId: user.id });
    expect(submitted.state).toBe('Queued');
    const done = await audit.queries.waitFor(submitted.id, FAST);
    expect(done.state).toBe('Succeeded');
    const again = await audit.queries.get(submitted.id);
    expect(again).toMatchObject({
      id: submitted.id,
      state: 'Succeeded',
      serviceName: 'Routing',
      filters: [{ property: 'UserId', value: user.id }],
    });
    const messages = await audit.queries.results(submitted.id, { expand: ['user'], pageSize: 2 }).toArray();
    expect(messages.map((m) => m.user?.name)).toEqual([user.name, user.name, user.name]);
  });

  it('settles by time when configured with doneAfterMs', async () => {
    const { emu, audit } = await setup();
    auditEmulation(emu).configure({ doneAfterMs: 60 });
    const started = Date.now();
    const results = await audit.queries.run(routing(), FAST);
    expect(results.execution.state).toBe('Succeeded');
    expect(Date.now() - started).toBeGreaterThanOrEqual(60);
  });

  it('a Failed or Cancelled query throws AuditQueryFailedError', async () => {
    const { emu, audit } = await setup();
    auditEmulation(emu).configure({ outcome: 'Failed', pollsUntilDone: 1 });
    const failed = await audit.queries.run(routing(), FAST).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(AuditQueryFailedError);
    expect(isAuditQueryFailedError(failed)).toBe(true);
    expect((failed as AuditQueryFailedError).state).toBe('Failed');

    auditEmulation(emu).configure({ outcome: 'Cancelled', pollsUntilDone: 0 });
    const cancelled = await audit.queries.run(routing(), FAST).catch((e: unknown) => e);
    expect((cancelled as AuditQueryFailedError).state).toBe('Cancelled');
    // Settled at creation: no status poll was needed.
    expect(requestsTo(emu, `/api/v2/audits/query/${(cancelled as AuditQueryFailedError).transactionId}`)).toBe(0);
  });

  it('aborting while polling rejects promptly with RequestAbortedError', async () => {
    const { emu, audit } = await setup();
    auditEmulation(emu).configure({ pollsUntilDone: 1000 });
    const controller = new AbortController();
    // Abort 80 ms after the query was submitted, while it is being polled.
    let abortedAt = 0;
    const abortWhilePolling = async () => {
      while (requestsTo(emu, '/audits/query', 'POST') === 0) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, 80));
      abortedAt = Date.now();
      controller.abort(new Error('user gave up'));
    };
    const [err] = await Promise.all([
      audit.queries
        .run(routing(), { pollIntervalMs: 20, maxPollIntervalMs: 20, signal: controller.signal })
        .catch((e: unknown) => e),
      abortWhilePolling(),
    ]);
    expect(err).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(requestsTo(emu, '/audits/query', 'POST')).toBe(1);
  });

  it('gives up with TimeoutError after timeoutMs', async () => {
    const { emu, audit } = await setup();
    auditEmulation(emu).configure({ pollsUntilDone: 1000 });
    await expect(
      audit.queries.run(routing(), { pollIntervalMs: 10, maxPollIntervalMs: 10, timeoutMs: 60 }),
    ).rejects.toBeInstanceOf(TimeoutError);
  });

  it('unknown transactionId -> NotFoundError; results before Succeeded -> 400', async () => {
    const { emu, client, audit } = await setup();
    await expect(audit.queries.get('no-such-query')).rejects.toBeInstanceOf(NotFoundError);
    await expect(audit.queries.results('no-such-query').toArray()).rejects.toBeInstanceOf(NotFoundError);
    auditEmulation(emu).configure({ pollsUntilDone: 5 });
    const submitted = await audit.queries.create(routing());
    await expect(audit.queries.results(submitted.id).toArray()).rejects.toBeInstanceOf(BadRequestError);
    const tooBig = await client
      .request({ method: 'GET', path: `/api/v2/audits/query/${submitted.id}/results`, query: { pageSize: 501 } })
      .catch((e: unknown) => e);
    expect(tooBig).toBeInstanceOf(BadRequestError);
    expect((tooBig as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'pageSize' }] });
  });

  it('validates before sending: interval length, page size, ids', async () => {
    const { emu, audit } = await setup();
    const from = new Date(Date.now() - 40 * DAY_MS);
    const long = { interval: { from, to: new Date() }, serviceName: 'Routing' };
    const err = await audit.queries.run(long).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues.map((i) => i.path)).toEqual(['interval']);
    await expect(audit.queries.run(routing(), { pageSize: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect(() => audit.queries.results('')).toThrow(ValidationError);
    expect(emu.stats.requests).toBe(0);
    // maxIntervalDays is an option; the emulator then enforces its own 30-day limit (400 naming interval).
    const server = await audit.queries.run(long, { ...FAST, maxIntervalDays: 60 }).catch((e: unknown) => e);
    expect(server).toBeInstanceOf(BadRequestError);
    expect((server as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'interval' }] });
  });
});
