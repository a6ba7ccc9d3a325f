// Async conversation-details jobs (`/api/v2/analytics/conversations/details/jobs`): create -> poll -> cursor-paged results, cancel, and the
// data-lake availability date. Jobs include conversations whose lifetime overlaps the interval (or, with
// startOfDayIntervalMatching, behave like the sync query) that ended before dataAvailabilityDate.
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import { decodeCursor, encodeCursor } from '../../respond/paging.js';
import type { RouteDef } from '../../pipeline/router.js';
import { FieldErrors, asObject } from '../../respond/validate.js';
import { readDetailQuery, selectConversations } from '../../traffic/detail-query.js';
import { advance, createJob, jobStore, statusView, type DetailsJob } from '../../traffic/jobs.js';
import { buildTrafficModel } from '../../traffic/synthetic/model.js';
import { DETAIL_PERMISSIONS } from './analytics-queries.js';

const JOBS = '/api/v2/analytics/conversations/details/jobs';
const permissions = { anyOf: DETAIL_PERMISSIONS };

function availability(ctx: RequestContext): number {
  return ctx.state.now().getTime() - Math.max(0, ctx.state.analytics.dataAvailabilityLagMs);
}

function requireJob(ctx: RequestContext): DetailsJob {
  const jobId = ctx.params['jobId'] ?? '';
  const job = jobStore(ctx.state).jobs.get(jobId);
  if (!job || job.clientId !== ctx.caller.clientId) throw notFound(jobId, 'analytics job');
  return job;
}

export const analyticsJobRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: `${JOBS}/availability`,
    permissions,
    handle(ctx) {
      ctx.json(200, { dataAvailabilityDate: new Date(availability(ctx)).toISOString() });
    },
  },
  {
    method: 'POST',
    path: JOBS,
    permissions,
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const query = readDetailQuery(body, errors, ctx.state.analytics.jobMaxIntervalDays, 'an async details job');
      const limit = body['limit'];
      if (limit !== undefined && (!Number.isInteger(limit) || (limit as number) < 1))
        errors.add('limit', 'limit must be a positive integer');
      const startOfDay = body['startOfDayIntervalMatching'];
      if (startOfDay !== undefined && typeof startOfDay !== 'boolean')
        errors.add('startOfDayIntervalMatching', 'startOfDayIntervalMatching must be a boolean');
      errors.throwIfAny();
      if (!query) throw new ApiError(400, 'invalid.value', 'interval is required');
      const job = createJob(ctx.state, ctx.caller.clientId, query, startOfDay === true, limit as number | undefined);
      ctx.json(202, { jobId: job.jobId });
    },
  },
  {
    method: 'GET',
    path: `${JOBS}/{jobId}`,
    permissions,
    handle(ctx) {
      const job = requireJob(ctx);
      advance(ctx.state, job, true);
      ctx.json(200, statusView(ctx.state, job));
    },
  },
  {
    method: 'DELETE',
    path: `${JOBS}/{jobId}`,
    permissions,
    handle(ctx) {
      const job = requireJob(ctx);
      advance(ctx.state, job, false);
      if (job.state === 'QUEUED' || job.state === 'PENDING' || job.state === 'FULFILLED') {
        job.state = 'CANCELLED';
        job.completedAt = ctx.state.now().getTime();
        job.results = undefined;
      }
      ctx.noContent();
    },
  },
  {
    method: 'GET',
    path: `${JOBS}/{jobId}/results`,
    permissions,
    handle(ctx) {
      const job = requireJob(ctx);
      advance(ctx.state, job, false);
      if (job.state !== 'FULFILLED') {
        throw new ApiError(
          400,
          'bad.request',
          `Results of job ${job.jobId} are not available: the job is ${job.state}`,
          { entityId: job.jobId },
        );
      }
      const pageSize = ctx.queryInt('pageSize', 100, 1, ctx.state.analytics.maxJobPageSize);
      const cursor = ctx.queryValue('cursor');
      const offset = cursor ? decodeCursor(cursor, 'cursor') : 0;
      const visibleBefore = availability(ctx);
      if (!job.results) {
        const all = selectConversations(ctx.state, buildTrafficModel(ctx.state), job.query, {
          startOfDay: job.startOfDay,
          visibleBefore,
        });
        job.results = job.limit === undefined ? all : all.slice(0, job.limit);
      }
      const page = job.results.slice(offset, offset + pageSize);
      const next = offset + pageSize < job.results.length ? encodeCursor(offset + pageSize) : undefined;
      ctx.json(200, {
        conversations: page,
        ...(next ? { cursor: next } : {}),
        dataAvailabilityDate: new Date(visibleBefore).toISOString(),
      });
    },
  },
];
