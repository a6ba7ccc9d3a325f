// What the assistant's queue tools read: the calls per hour of a queue count every media type (the API groups
// aggregates by media type as well; the last row alone was a silent undercount).
import { afterEach, expect, it } from 'vitest';
import { aggregateStats, anyOfFilter } from '../../src/index.js';
import { readQueues } from '../../src/mcp/actions/queues-now.js';
import type { Emulator } from '../../src/testing/index.js';
import { clientFor, understaffed } from './helpers.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

it('counts the calls of every media type in each hour', async () => {
  const emu = await understaffed();
  running.push(emu);
  const client = clientFor(emu);
  const queues = await client.routing.queues.list().toArray();
  const now = new Date();
  const reads = await readQueues(client, queues, now, 2);
  const hourStart = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  const raw = aggregateStats(
    await client.analytics.aggregates.query({
      interval: { from: new Date(hourStart - 2 * 86_400_000), to: new Date(hourStart + 3_600_000) },
      granularity: 'PT1H',
      groupBy: ['queueId'],
      metrics: ['nOffered'],
      filter: anyOfFilter(
        'queueId',
        queues.map((q) => q.id),
      ),
    }),
  );
  expect(new Set(raw.map((r) => r.group['mediaType'])).size).toBeGreaterThan(1);
  const expected = new Map<string, number>();
  for (const r of raw) {
    const key = `${r.group['queueId']}|${Date.parse(r.interval.split('/')[0]!)}`;
    expected.set(key, (expected.get(key) ?? 0) + (r.count ?? 0));
  }
  const seen = new Map<string, number>();
  for (const [queueId, hours] of reads.hourly) for (const [h, n] of hours) seen.set(`${queueId}|${h}`, n);
  expect(seen).toEqual(expected);
});
