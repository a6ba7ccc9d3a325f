// Synchronous analytics queries (observations, aggregates, details), answered from the synthetic conversation stream
// (src/testing/emulator/traffic): queue observations, conversation aggregates, conversation details and
// user aggregates. Limits (max interval, queues per observation query, page size) come from
// `state.analytics`; bad bodies answer 400 naming the field.
import { ApiError } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import { FieldErrors, asObject } from '../../respond/validate.js';
import { aggregateConversations, type ViewDef } from '../../traffic/aggregate.js';
import { readDetailQuery, selectConversations } from '../../traffic/detail-query.js';
import { compileFilter, restrictionOf, valuesOf } from '../../traffic/query/filters.js';
import { buildTrafficModel } from '../../traffic/synthetic/model.js';
import {
  CONVERSATION_DIMENSIONS,
  CONVERSATION_METRICS,
  OBSERVATION_METRICS,
  USER_METRICS,
} from '../../traffic/query/names.js';
import { observeQueues } from '../../traffic/observations.js';
import { readGroupBy, readMetrics, readTimeQuery } from '../../traffic/query/request.js';
import { conversationsStartedIn, ended } from '../../traffic/synthetic/stream.js';
import { aggregateUsers } from '../../traffic/users.js';
import { liveOf } from '../../live/index.js';

export const DETAIL_PERMISSIONS = ['analytics:conversationDetail:view', 'analytics:agentConversationDetail:view'];
const OBSERVATION_DETAIL_METRICS = new Set([...OBSERVATION_METRICS].filter((m) => !m.startsWith('oLongest')));

function requireField(body: Record<string, unknown>, key: string, errors: FieldErrors, what: string): void {
  if (body[key] === undefined || body[key] === null) errors.add(key, `${key} is required (${what})`, 'required');
}

function readViews(body: Record<string, unknown>, errors: FieldErrors): ViewDef[] {
  const raw = body['views'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add('views', 'views must be an array');
    return [];
  }
  return raw.flatMap((v, i): ViewDef[] => {
    const f = `views[${i}]`;
    const view = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    const range =
      typeof view['range'] === 'object' && view['range'] !== null
        ? (view['range'] as Record<string, unknown>)
        : undefined;
    const bounds = ['gt', 'gte', 'lt', 'lte'] as const;
    if (typeof view['target'] !== 'string' || !CONVERSATION_METRICS.has(view['target']))
      errors.add(`${f}.target`, `${f}.target must be a metric name`);
    else if (typeof view['name'] !== 'string' || view['name'] === '')
      errors.add(`${f}.name`, `${f}.name is required`, 'required');
    else if (view['function'] !== 'rangeBound') errors.add(`${f}.function`, `${f}.function must be 'rangeBound'`);
    else if (!range || bounds.some((b) => range[b] !== undefined && typeof range[b] !== 'number'))
      errors.add(`${f}.range`, `${f}.range must be { gt?, gte?, lt?, lte? } numbers`);
    else
      return [
        {
          target: view['target'],
          name: view['name'],
          range: Object.fromEntries(bounds.filter((b) => range[b] !== undefined).map((b) => [b, range[b] as number])),
        },
      ];
    return [];
  });
}

function nowMs(ctx: RequestContext): number {
  return ctx.state.now().getTime();
}

export const analyticsQueryRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v2/analytics/queues/observations/query',
    permissions: { anyOf: ['analytics:queueObservation:view'] },
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      requireField(body, 'filter', errors, 'predicates on queueId and mediaType');
      const filter = compileFilter(
        body['filter'],
        'filter',
        errors,
        (d) => d === 'queueId' || d === 'mediaType',
        'queue observation filters allow only queueId and mediaType',
      );
      const metrics = readMetrics(body, errors, OBSERVATION_METRICS);
      const detailMetrics = readMetrics(body, errors, OBSERVATION_DETAIL_METRICS, 'detailMetrics', false);
      const queueIds = valuesOf(body['filter'], 'queueId');
      const max = ctx.state.analytics.maxObservationQueues;
      if (body['filter'] != null && queueIds.length === 0)
        errors.add('filter', 'filter must name at least one queueId');
      if (queueIds.length > max)
        errors.add(
          'filter',
          `filter names ${queueIds.length} queues; at most ${max} queues are allowed per observation query`,
        );
      errors.throwIfAny();
      const model = buildTrafficModel(ctx.state);
      // The live day observes its own calls in progress; otherwise the synthetic stream around now.
      const live = liveOf(ctx.state);
      ctx.json(
        200,
        observeQueues(
          ctx.state,
          model,
          { queueIds, metrics, detailMetrics: new Set(detailMetrics), filter },
          nowMs(ctx),
          live ? queueIds.flatMap((queueId) => live.inProgress(queueId)) : undefined,
        ),
      );
    },
  },
  {
    method: 'POST',
    path: '/api/v2/analytics/conversations/aggregates/query',
    permissions: { anyOf: ['analytics:conversationAggregate:view'] },
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const time = readTimeQuery(
        body,
        errors,
        ctx.state.analytics.maxIntervalDays,
        'the conversations aggregates query',
      );
      const groupBy = readGroupBy(body, errors, CONVERSATION_DIMENSIONS);
      const metrics = readMetrics(body, errors, CONVERSATION_METRICS);
      const filter = compileFilter(
        body['filter'],
        'filter',
        errors,
        (d) => CONVERSATION_DIMENSIONS.has(d),
        'see the groupBy dimensions',
      );
      const views = readViews(body, errors);
      const queryType = body['queryType'];
      if (queryType !== undefined && queryType !== 'groupBy')
        errors.add(
          'queryType',
          `queryType ${JSON.stringify(queryType)} is not supported by the emulator (only groupBy)`,
        );
      errors.throwIfAny();
      if (!time) throw new ApiError(400, 'invalid.value', 'interval is required');
      const now = nowMs(ctx);
      const { from, to } = time.interval;
      // With a live day: the synthetic history before it started, then the live calls (each metric counted
      // once emitted, so calls still in progress count what they have emitted by now).
      const live = liveOf(ctx.state);
      const historyTo = live ? Math.min(to, live.startedAt) : to;
      // Every fact of a synthetic conversation carries the queue it entered (transfers stay in it): a filter
      // on queueId needs only those queues generated.
      const queueIds = restrictionOf(body['filter'], 'queueId');
      const conversations = [
        ...ended(conversationsStartedIn(buildTrafficModel(ctx.state), from, historyTo, now, queueIds), now),
        ...(live ? live.conversationsIn(Math.max(from, live.startedAt), to) : []),
      ];
      ctx.json(200, aggregateConversations(conversations, { time, groupBy, metrics, filter, views }, now));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/analytics/conversations/details/query',
    permissions: { anyOf: DETAIL_PERMISSIONS },
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const settings = ctx.state.analytics;
      const query = readDetailQuery(body, errors, settings.maxIntervalDays, 'the conversations details query');
      const paging = body['paging'] ?? {};
      const p = typeof paging === 'object' && paging !== null ? (paging as Record<string, unknown>) : {};
      const pageSize = p['pageSize'] ?? 25;
      const pageNumber = p['pageNumber'] ?? 1;
      if (
        !Number.isInteger(pageSize) ||
        (pageSize as number) < 1 ||
        (pageSize as number) > settings.maxDetailsPageSize
      ) {
        errors.add('paging.pageSize', `paging.pageSize must be an integer from 1 to ${settings.maxDetailsPageSize}`);
      }
      if (!Number.isInteger(pageNumber) || (pageNumber as number) < 1)
        errors.add('paging.pageNumber', 'paging.pageNumber must be an integer >= 1');
      errors.throwIfAny();
      if (!query) throw new ApiError(400, 'invalid.value', 'interval is required');
      const now = nowMs(ctx);
      const all = selectConversations(ctx.state, buildTrafficModel(ctx.state), query, {
        startOfDay: true,
        visibleBefore: now,
      });
      const start = ((pageNumber as number) - 1) * (pageSize as number);
      const conversations = all.slice(start, start + (pageSize as number));
      // The platform leaves `conversations` out of an empty page.
      ctx.json(200, conversations.length > 0 ? { conversations, totalHits: all.length } : { totalHits: all.length });
    },
  },
  {
    method: 'POST',
    path: '/api/v2/analytics/users/aggregates/query',
    permissions: { anyOf: ['analytics:userAggregate:view'] },
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const time = readTimeQuery(body, errors, ctx.state.analytics.maxIntervalDays, 'the users aggregates query');
      const groupBy = readGroupBy(body, errors, new Set(['userId']));
      const metrics = readMetrics(body, errors, USER_METRICS);
      const filter = compileFilter(
        body['filter'],
        'filter',
        errors,
        (d) => d === 'userId',
        'users aggregate filters allow only userId',
      );
      errors.throwIfAny();
      if (!time) throw new ApiError(400, 'invalid.value', 'interval is required');
      const model = buildTrafficModel(ctx.state);
      ctx.json(
        200,
        aggregateUsers(
          ctx.state,
          model,
          { time, metrics, groupByUser: groupBy.includes('userId'), filter },
          nowMs(ctx),
        ),
      );
    },
  },
];
