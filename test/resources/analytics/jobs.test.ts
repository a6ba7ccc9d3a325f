import { describe, expect, it, vi } from 'vitest';
import { BadRequestError, RequestAbortedError, TimeoutError } from '../../../src/errors/index.js';
import { AnalyticsJobError, anyOfFilter, isAnalyticsJobError } from '../../../src/resources/analytics/index.js';
import type { AsyncQueryStatus } from '../../../src/resources/schemas/analytics.js';
import { NOW, calls, setup } from './helpers.js';

const JOBS = '/api/v2/analytics/conversations/details/jobs';
const DAY = { from: new Date('2025-03-06T00:00:00.000Z'), to: new Date('2025-03-07T00:00:00.000Z') };

describe('analytics.conversationDetailsJob', () => {
  it('polls to FULFILLED, then pages the results by cursor across several pages', async () => {
    const { emu, analytics, queueIds } = await setup();
    emu.state.analytics.jobPollsUntilDone = 3;
    const segmentFilters = [anyOfFilter('queueId', [queueIds[2]!])];
    const states: Array<[number, string | undefined]> = [];
    const results = await analytics.detailsJobs.run(
      { interval: DAY, segmentFilters, startOfDayIntervalMatching: true },
      { pollIntervalMs: 5, pageSize: 20, onProgress: (s: AsyncQueryStatus, poll) => states.push([poll, s.state]) },
    );
    expect(states).toEqual([
      [1, 'QUEUED'],
      [2, 'PENDING'],
      [3, 'FULFILLED'],
    ]);
    expect(results.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(results.status.state).toBe('FULFILLED');

    const conversations = await results.toArray();
    const resultCalls = calls(emu, `GET ${JOBS}/{jobId}/results`);
    expect(conversations.length).toBeGreaterThan(20);
    expect(resultCalls).toBe(Math.ceil(conversations.length / 20));
    // Start-of-day matching selects exactly what the sync query selects.
    const sync = await analytics.details.query({ interval: DAY, segmentFilters }).toArray();
    expect(conversations.map((c) => c.conversationId)).toEqual(sync.map((c) => c.conversationId));
  });

  it('without start-of-day matching, includes every conversation overlapping the interval', async () => {
    const { emu, analytics } = await setup();
    emu.state.analytics.jobPollsUntilDone = 1;
    const hour = { from: new Date('2025-03-06T12:00:00.000Z'), to: new Date('2025-03-06T13:00:00.000Z') };
    const job = await (await analytics.detailsJobs.run({ interval: hour }, { pollIntervalMs: 1 })).toArray();
    // Expected, from the sync query over the whole day: the conversations whose lifetime overlaps the hour.
    const day = await analytics.details.query({ interval: DAY }).toArray();
    const overlapping = day.filter(
      (c) =>
        Date.parse(c.conversationStart!) < hour.to.getTime() && Date.parse(c.conversationEnd!) >= hour.from.getTime(),
    );
    expect(job.map((c) => c.conversationId)).toEqual(overlapping.map((c) => c.conversationId));
    expect(job.some((c) => Date.parse(c.conversationStart!) < hour.from.getTime())).toBe(true);
  });

  it('abort while polling rejects promptly with RequestAbortedError and cancels the job', async () => {
    const { emu, analytics } = await setup();
    emu.state.analytics.jobPollsUntilDone = 1_000;
    const controller = new AbortController();
    const running = analytics.detailsJobs.run(
      { interval: DAY },
      { signal: controller.signal, pollIntervalMs: 20, maxPollIntervalMs: 20 },
    );
    await vi.waitFor(() => expect(calls(emu, `GET ${JOBS}/{jobId}`)).toBeGreaterThanOrEqual(2), {
      timeout: 5_000,
      interval: 5,
    });
    const abortedAt = Date.now();
    controller.abort(new Error('user pressed stop'));
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    const cancel = emu.stats.requestLog.find((r) => r.method === 'DELETE' && r.route === `DELETE ${JOBS}/{jobId}`);
    expect(cancel?.status).toBe(204);
    const jobId = cancel!.path.split('/').at(-1)!;
    expect((await analytics.detailsJobs.get(jobId)).state).toBe('CANCELLED');
  });

  it('a polling deadline rejects with TimeoutError and cancels the job', async () => {
    const { emu, analytics } = await setup();
    emu.state.analytics.jobPollsUntilDone = 1_000;
    await expect(analytics.detailsJobs.run({ interval: DAY }, { pollIntervalMs: 10, timeoutMs: 60 })).rejects.toThrow(
      TimeoutError,
    );
    expect(emu.stats.requestLog.filter((r) => r.route === `DELETE ${JOBS}/{jobId}`).map((r) => r.status)).toEqual([
      204,
    ]);
  });

  it('a FAILED job rejects with AnalyticsJobError carrying the errorMessage', async () => {
    const { emu, analytics } = await setup();
    emu.state.analytics.jobFailureMessage = 'Query exceeded the result limit';
    const error = await analytics.detailsJobs.run({ interval: DAY }, { pollIntervalMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnalyticsJobError);
    expect(isAnalyticsJobError(error)).toBe(true);
    expect(error).toMatchObject({ state: 'FAILED', errorMessage: 'Query exceeded the result limit' });
    expect((error as AnalyticsJobError).message).toMatch(/ended FAILED: Query exceeded the result limit/);
  });

  it('the step-by-step calls: create, status, results before fulfilment (400), cancel', async () => {
    const { emu, analytics } = await setup();
    emu.state.analytics.jobPollsUntilDone = 2;
    const { jobId } = await analytics.detailsJobs.create({ interval: DAY, limit: 7 });
    await expect(analytics.detailsJobs.results(jobId).toArray()).rejects.toThrow(BadRequestError);
    expect((await analytics.detailsJobs.get(jobId)).state).toBe('QUEUED');
    const done = await analytics.detailsJobs.get(jobId);
    expect(done).toMatchObject({
      state: 'FULFILLED',
      submissionDate: NOW.toISOString(),
      completionDate: NOW.toISOString(),
    });
    expect(await analytics.detailsJobs.results(jobId, { pageSize: 3 }).toArray()).toHaveLength(7);
    await analytics.detailsJobs.cancel(jobId);
    expect((await analytics.detailsJobs.get(jobId)).state).toBe('CANCELLED');
    expect(calls(emu, `POST ${JOBS}`)).toBe(1);
  });

  it('jobsAvailability reports the data-lake date, and jobs see nothing after it', async () => {
    const { emu, analytics } = await setup();
    emu.state.analytics.dataAvailabilityLagMs = 6 * 3_600_000;
    emu.state.analytics.jobPollsUntilDone = 1;
    const { dataAvailabilityDate } = await analytics.detailsJobs.availability();
    expect(dataAvailabilityDate).toBe('2025-03-20T06:00:00.000Z');
    // From the day before: the emulator's contact centre opens at 07:00 UTC, so the data lake's 06:00 cut-off
    // leaves that day's calls out and the previous day's in.
    const today = { from: new Date('2025-03-19T00:00:00.000Z'), to: NOW };
    const results = await (await analytics.detailsJobs.run({ interval: today }, { pollIntervalMs: 1 })).toArray();
    expect(results.length).toBeGreaterThan(0);
    for (const c of results) expect(c.conversationEnd! < dataAvailabilityDate!).toBe(true);
  });
});
