import { describe, expect, it } from 'vitest';
import { BadRequestError, ValidationError } from '../../../src/errors/index.js';
import { aggregateStats, anyOfFilter, combineRows } from '../../../src/resources/analytics/index.js';
import type { ProgressEvent } from '../../../src/client/events.js';
import { AGGREGATES, DAY, byGroup, calls, iso, setup } from './helpers.js';

const FROM = Date.parse('2025-02-20T00:00:00.000Z');
const TWENTY_DAYS = { from: new Date(FROM), to: new Date(FROM + 20 * DAY) };
const METRICS = [
  'nOffered',
  'nConnected',
  'tAnswered',
  'tAbandon',
  'tHandle',
  'tTalk',
  'tAcw',
  'oServiceLevel',
] as const;

describe('analytics.conversationAggregates', () => {
  it('splits a 20-day P1D query into 3 windows and merges buckets complete and in order, equal to one unsplit query', async () => {
    const { emu, client, analytics } = await setup();
    const progress: ProgressEvent[] = [];
    client.on('progress', (e) => progress.push(e));
    const split = await analytics.aggregates.query({
      interval: TWENTY_DAYS,
      granularity: 'P1D',
      groupBy: ['queueId'],
      metrics: METRICS,
    });
    expect(calls(emu, AGGREGATES)).toBe(3);
    expect(progress.map((p) => [p.done, p.total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);

    for (const result of split.results ?? []) {
      const starts = (result.data ?? []).map((d) => Date.parse(d.interval.split('/')[0]!));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(new Set(starts).size).toBe(starts.length);
      for (const d of result.data ?? []) {
        const [a, b] = d.interval.split('/').map((s) => Date.parse(s));
        expect(b! - a!).toBe(DAY);
        expect((a! - FROM) % DAY).toBe(0);
      }
    }
    // Voice traffic arrives every day in every queue: each queue's voice group has all 20 days.
    const voice = (split.results ?? []).filter((r) => r.group?.['mediaType'] === 'voice');
    expect(voice.length).toBe(emu.state.queues.size);
    for (const r of voice) expect(r.data?.length).toBe(20);

    emu.state.analytics.maxIntervalDays = 31;
    const single = await analytics.aggregates.query(
      { interval: TWENTY_DAYS, granularity: 'P1D', groupBy: ['queueId'], metrics: METRICS },
      { maxIntervalDays: 31 },
    );
    expect(calls(emu, AGGREGATES)).toBe(4);
    expect(byGroup(split.results)).toEqual(byGroup(single.results));
  });

  it('without a granularity, combines the windows into one bucket per group with the same totals as one query', async () => {
    const { emu, analytics } = await setup();
    const interval = `${iso(FROM)}/${iso(FROM + 10 * DAY)}`;
    const split = await analytics.aggregates.query({ interval, groupBy: ['queueId'], metrics: METRICS });
    expect(calls(emu, AGGREGATES)).toBe(2);
    emu.state.analytics.maxIntervalDays = 10;
    const single = await analytics.aggregates.query(
      { interval, groupBy: ['queueId'], metrics: METRICS },
      { maxIntervalDays: 10 },
    );
    for (const r of split.results ?? []) expect(r.data?.map((d) => d.interval)).toEqual([interval]);
    const comparable = (rows: ReturnType<typeof aggregateStats>) =>
      rows
        .map((r) => ({ ...r, ratio: r.ratio === undefined ? undefined : Math.round(r.ratio * 1e9) }))
        .sort((a, b) => JSON.stringify([a.group, a.metric]).localeCompare(JSON.stringify([b.group, b.metric])));
    expect(comparable(aggregateStats(split))).toEqual(comparable(aggregateStats(single)));
  });

  it('keeps local-day buckets whole across a DST change when splitting with a time zone', async () => {
    const { emu, analytics } = await setup();
    // New York moves to EDT on 2025-03-09: local midnight is 05:00Z before and 04:00Z after.
    const query = {
      interval: '2025-03-01T00:00:00-05:00/2025-03-19T00:00:00-04:00',
      granularity: 'P1D',
      timeZone: 'America/New_York',
      groupBy: ['queueId'] as const,
      metrics: ['nOffered', 'tHandle'] as const,
    };
    const split = await analytics.aggregates.query(query);
    expect(calls(emu, AGGREGATES)).toBe(3);
    const starts = new Set((split.results ?? []).flatMap((r) => (r.data ?? []).map((d) => d.interval.split('/')[0]!)));
    expect(starts.has('2025-03-08T05:00:00.000Z')).toBe(true);
    expect(starts.has('2025-03-09T05:00:00.000Z')).toBe(true);
    expect(starts.has('2025-03-10T04:00:00.000Z')).toBe(true);
    expect([...starts].every((s) => /T0[45]:00:00\.000Z$/.test(s))).toBe(true);
    emu.state.analytics.maxIntervalDays = 31;
    const single = await analytics.aggregates.query(query, { maxIntervalDays: 31 });
    expect(byGroup(split.results)).toEqual(byGroup(single.results));
  });

  it('the emulator refuses an interval longer than its limit when the SDK is told not to split', async () => {
    const { emu, analytics } = await setup();
    const error = await analytics.aggregates
      .query({ interval: TWENTY_DAYS, granularity: 'P1D', metrics: ['nOffered'] }, { maxIntervalDays: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(400);
    expect((error as BadRequestError).message).toMatch(/at most 7 days/);
    expect((error as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'interval' }] });
    expect(calls(emu, AGGREGATES)).toBe(1);
  });

  it('validates metrics, granularity, interval, groupBy, filter and views before sending anything', async () => {
    const { emu, analytics } = await setup();
    const interval = { from: new Date(FROM), to: new Date(FROM + DAY) };
    const bad = async (query: unknown, options?: object) => {
      const error = await analytics.aggregates.query(query as never, options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues.map((i) => i.path);
    };
    expect(await bad({ interval, metrics: ['nOffered', 'tHandle', 'nFoo'] })).toEqual(['metrics[2]']);
    expect(await bad({ interval, metrics: [] })).toEqual(['metrics']);
    expect(await bad({ interval, metrics: ['nOffered', 'nOffered'] })).toEqual(['metrics[1]']);
    expect(await bad({ interval, granularity: 'P1X', metrics: ['nOffered'] })).toEqual(['granularity']);
    expect(await bad({ interval, granularity: 'PT0M', metrics: ['nOffered'] })).toEqual(['granularity']);
    expect(await bad({ interval: { from: interval.to, to: interval.from }, metrics: ['nOffered'] })).toEqual([
      'interval',
    ]);
    expect(await bad({ interval: '2025-02-01/2025-02-02', metrics: ['nOffered'] })).toEqual(['interval']);
    // An instant without a zone would silently mean the machine's zone: refused.
    expect(await bad({ interval: '2025-02-01T00:00:00/2025-02-02T00:00:00', metrics: ['nOffered'] })).toEqual([
      'interval',
    ]);
    expect(await bad({ metrics: ['nOffered'] })).toEqual(['interval']);
    expect(await bad({ interval, metrics: ['nOffered'], timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(await bad({ interval, metrics: ['nOffered'], groupBy: ['queueId', 'queue'] })).toEqual(['groupBy[1]']);
    expect(
      await bad({
        interval,
        metrics: ['nOffered'],
        filter: { type: 'and', predicates: [{ dimension: 'queue', value: 'x' }] },
      }),
    ).toEqual(['filter.predicates[0].dimension']);
    expect(await bad({ interval, metrics: ['nOffered'], filter: { type: 'xor', predicates: [] } })).toContain(
      'filter.type',
    );
    expect(
      await bad({
        interval,
        metrics: ['nOffered'],
        views: [{ target: 'tFoo', function: 'rangeBound', name: 'v', range: {} }],
      }),
    ).toEqual(['views[0].target']);
    expect(
      await bad({ interval: TWENTY_DAYS, granularity: 'P1W', metrics: ['nOffered'] }, { maxIntervalDays: 3 }),
    ).toEqual(['granularity']);
    expect(await bad({ interval, metrics: ['nOffered'] }, { maxIntervalDays: 0 })).toEqual(['maxIntervalDays']);
    const message = await analytics.aggregates
      .query({ interval, metrics: ['nOffered', 'nFoo' as never] })
      .catch((e: Error) => e.message);
    expect(message).toMatch(/metrics\[1\]: unknown metric "nFoo"/);
    expect(calls(emu, AGGREGATES)).toBe(0);
  });

  it('allowUnknownMetrics lets a well-formed new metric name through (the platform then judges it)', async () => {
    const { emu, analytics } = await setup();
    const interval = { from: new Date(FROM), to: new Date(FROM + DAY) };
    const error = await analytics.aggregates
      .query({ interval, metrics: ['nOffered', 'nBrandNewMetric' as never] }, { allowUnknownMetrics: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'metrics[1]' }] });
    await expect(
      analytics.aggregates.query({ interval, metrics: ['not a metric' as never] }, { allowUnknownMetrics: true }),
    ).rejects.toThrow(ValidationError);
    expect(calls(emu, AGGREGATES)).toBe(1);
  });

  it('agrees with conversation details: nOffered = conversations, tHandle sums, answered + abandoned = offered, views', async () => {
    const { analytics, queueIds } = await setup();
    const queueId = queueIds[0]!;
    const day = { from: new Date('2025-03-04T00:00:00.000Z'), to: new Date('2025-03-05T00:00:00.000Z') };
    const agg = await analytics.aggregates.query({
      interval: day,
      filter: anyOfFilter('queueId', [queueId]),
      metrics: ['nOffered', 'nConnected', 'tAbandon', 'tHandle', 'tAnswered'],
      views: [{ target: 'tAnswered', function: 'rangeBound', name: 'answeredWithin20s', range: { lte: 20_000 } }],
    });
    const details = await analytics.details
      .query({ interval: day, segmentFilters: [anyOfFilter('queueId', [queueId])] })
      .toArray();
    expect(details.length).toBeGreaterThan(20);

    const totals = new Map<string, { count: number; sum: number }>();
    let view = 0;
    for (const r of aggregateStats(agg)) {
      const t = totals.get(r.metric) ?? { count: 0, sum: 0 };
      totals.set(r.metric, { count: t.count + (r.count ?? 0), sum: t.sum + (r.sum ?? 0) });
    }
    for (const r of agg.results ?? [])
      for (const d of r.data ?? []) view += d.views?.find((v) => v.name === 'answeredWithin20s')?.stats?.count ?? 0;

    const sessionMetrics = details.flatMap((c) =>
      (c.participants ?? []).flatMap((p) => (p.sessions ?? []).flatMap((s) => s.metrics ?? [])),
    );
    const handle = sessionMetrics.filter((m) => m.name === 'tHandle');
    const answered = sessionMetrics.filter((m) => m.name === 'tAnswered');
    expect(totals.get('nOffered')?.count).toBe(details.length);
    expect(totals.get('tHandle')).toEqual({ count: handle.length, sum: handle.reduce((s, m) => s + m.value, 0) });
    expect((totals.get('nConnected')?.count ?? 0) + (totals.get('tAbandon')?.count ?? 0)).toBe(details.length);
    expect(view).toBe(answered.filter((m) => m.value <= 20_000).length);
  });
  it('combineRows sums the media types of a queue: counts, sums and the ratio from its numerators and denominators', async () => {
    const { analytics, queueIds } = await setup();
    const day = { from: new Date('2025-03-04T00:00:00.000Z'), to: new Date('2025-03-05T00:00:00.000Z') };
    const agg = await analytics.aggregates.query({
      interval: day,
      granularity: 'PT1H',
      groupBy: ['queueId'],
      filter: anyOfFilter('queueId', queueIds),
      metrics: ['nOffered', 'tHandle', 'oServiceLevel'],
    });
    const rows = aggregateStats(agg);
    expect(new Set(rows.map((r) => r.group['mediaType'])).size).toBeGreaterThan(1);
    const combined = combineRows(rows, 'mediaType');
    const key = (r: { group: Record<string, string>; interval: string; metric: string }) =>
      `${r.group['queueId']}|${r.interval}|${r.metric}`;
    expect(new Set(combined.map(key)).size).toBe(combined.length);
    expect(combined.some((r) => 'mediaType' in r.group)).toBe(false);
    for (const c of combined) {
      const parts = rows.filter((r) => key(r) === key(c));
      const total = (f: (r: (typeof rows)[number]) => number | undefined) => parts.reduce((s, r) => s + (f(r) ?? 0), 0);
      if (c.metric === 'nOffered') expect(c.count).toBe(total((r) => r.count));
      if (c.metric === 'tHandle') expect([c.count, c.sum]).toEqual([total((r) => r.count), total((r) => r.sum)]);
      if (c.metric === 'oServiceLevel') {
        expect(c.denominator).toBe(total((r) => r.denominator));
        expect(c.ratio).toBeCloseTo(total((r) => r.numerator) / total((r) => r.denominator), 12);
      }
    }
    expect(combined.length).toBeLessThan(rows.length);
  });
});
