import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { anyOfFilter } from '../../../src/resources/analytics/index.js';
import { DETAILS, calls, setup } from './helpers.js';

const DAY = { from: new Date('2025-03-05T00:00:00.000Z'), to: new Date('2025-03-06T00:00:00.000Z') };

describe('analytics.conversationDetails', () => {
  it('pages through the body-paged query across several pages, each conversation once', async () => {
    const { emu, client, analytics, queueIds } = await setup();
    const segmentFilters = [anyOfFilter('queueId', [queueIds[1]!])];
    // The total, read independently of the paginator with a raw first page.
    const raw = await client.request<{ totalHits: number }>({
      method: 'POST',
      path: '/api/v2/analytics/conversations/details/query',
      body: {
        interval: '2025-03-05T00:00:00.000Z/2025-03-06T00:00:00.000Z',
        segmentFilters,
        paging: { pageSize: 1, pageNumber: 1 },
      },
    });
    const total = raw.totalHits;
    expect(total).toBeGreaterThan(25);

    const pages = [];
    for await (const page of analytics.details.query({ interval: DAY, segmentFilters }, { pageSize: 10 }).pages())
      pages.push(page);
    const conversations = pages.flatMap((p) => p.items);
    expect(pages.length).toBe(Math.ceil(total / 10));
    expect(calls(emu, DETAILS)).toBe(1 + pages.length);
    expect(conversations.length).toBe(total);
    expect(new Set(conversations.map((c) => c.conversationId)).size).toBe(total);
    const starts = conversations.map((c) => c.conversationStart!);
    expect(starts).toEqual([...starts].sort());
    for (const c of conversations) {
      expect(
        c.conversationStart! >= '2025-03-05T00:00:00.000Z' && c.conversationStart! < '2025-03-06T00:00:00.000Z',
      ).toBe(true);
      const queues = (c.participants ?? []).flatMap((p) =>
        (p.sessions ?? []).flatMap((s) => (s.segments ?? []).map((seg) => seg.queueId)),
      );
      expect(queues).toContain(queueIds[1]);
    }
  });

  it('renders the conversation model: customer, acd and agent participants with sessions, metrics and segments', async () => {
    const { emu, analytics, queueIds } = await setup();
    const conversations = await analytics.details
      .query({ interval: DAY, segmentFilters: [anyOfFilter('queueId', [queueIds[0]!])] })
      .toArray();
    const answered = conversations.find((c) => c.participants?.some((p) => p.purpose === 'agent'));
    const abandoned = conversations.find((c) => !c.participants?.some((p) => p.purpose === 'agent'));
    expect(answered && abandoned).toBeTruthy();
    const agent = answered!.participants!.find((p) => p.purpose === 'agent')!;
    expect(emu.state.membersOf(queueIds[0]!).has(agent.userId!)).toBe(true);
    expect(agent.participantName).toBe(emu.state.users.get(agent.userId!)?.name);
    const segments = agent.sessions![0]!.segments!;
    expect(segments[0]!.segmentType).toBe('alert');
    expect(segments.at(-1)!.segmentType).toBe('wrapup');
    expect(segments.at(-1)!.wrapUpCode).toMatch(/^[0-9a-f-]{36}$/);
    const acd = abandoned!.participants!.find((p) => p.purpose === 'acd')!;
    expect(acd.sessions![0]!.metrics!.map((m) => m.name)).toContain('tAbandon');
    expect(acd.sessions![0]!.segments![0]!.queueId).toBe(queueIds[0]);
    expect(acd.sessions![0]!.segments![0]!.requestedRoutingSkillIds).toEqual([emu.state.queueSkill.get(queueIds[0]!)]);
  });

  it('filters on userId and orders descending', async () => {
    const { analytics, queueIds } = await setup();
    const some = await analytics.details
      .query({ interval: DAY, segmentFilters: [anyOfFilter('queueId', [queueIds[0]!])] })
      .toArray();
    const userId = some.flatMap((c) => c.participants ?? []).find((p) => p.purpose === 'agent')!.userId!;
    const mine = await analytics.details
      .query({
        interval: DAY,
        order: 'desc',
        segmentFilters: [{ type: 'and', predicates: [{ dimension: 'userId', value: userId }] }],
      })
      .toArray();
    expect(mine.length).toBeGreaterThan(0);
    for (const c of mine) expect(c.participants?.some((p) => p.userId === userId)).toBe(true);
    const starts = mine.map((c) => c.conversationStart!);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('validates the query before sending (interval, filters, order, job-only fields)', async () => {
    const { emu, analytics } = await setup();
    // The query is checked before the first page is requested: the iteration rejects.
    const paths = async (fn: () => { toArray(): Promise<unknown> }) => {
      const error = await fn()
        .toArray()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => i.path);
    };
    expect(await paths(() => analytics.details.query({} as never))).toEqual(['interval']);
    expect(
      await paths(() => analytics.details.query({ interval: DAY, segmentFilters: [{ type: 'nand' } as never] })),
    ).toContain('segmentFilters[0].type');
    expect(await paths(() => analytics.details.query({ interval: DAY, order: 'up' as never }))).toEqual(['order']);
    expect(await paths(() => analytics.details.query({ interval: DAY, limit: 5 } as never))).toEqual(['limit']);
    expect(await paths(() => analytics.details.query({ interval: DAY }, { pageSize: 0 }))).toEqual(['pageSize']);
    expect(calls(emu, DETAILS)).toBe(0);
  });
});
