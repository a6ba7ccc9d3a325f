// Historical aggregates: conversations (POST /api/v2/analytics/conversations/aggregates/query) and
// users (POST /api/v2/analytics/users/aggregates/query), as in the official SDK purecloud-platform-client-v2. The platform caps the interval of one query
// (value unconfirmed; `maxIntervalDays`, default 7), so a longer interval is split into windows of whole
// granularity buckets, queried one after another, and merged: the same group gets its buckets concatenated
// in time order, so the result reads as if one query had answered.
import { ValidationError } from '../../errors/index.js';
import type { ClientCore } from '../core/client-core.js';
import { send } from '../core/call.js';
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import {
  AggregateQueryResponseSchema,
  type ConversationAggregateQueryResponse,
  type UserAggregateQueryResponse,
} from '../schemas/analytics.js';
import { chunk } from '../validate.js';
import {
  Issues,
  checkFilter,
  checkGranularity,
  checkIds,
  checkInterval,
  checkName,
  checkNames,
  checkPositiveInt,
  checkTimeZone,
  type AnalyticsInterval,
} from './checks.js';
import { anyOfFilter, type AnalyticsFilter, type NumericRange } from './filters.js';
import { mergeAggregateResponses } from './merge.js';
import {
  CONVERSATION_AGGREGATE_DIMENSIONS,
  CONVERSATION_AGGREGATE_METRICS,
  DIMENSION_NAME_PATTERN,
  METRIC_NAME_PATTERN,
  USER_AGGREGATE_METRICS,
  type ConversationAggregateDimension,
  type ConversationAggregateMetric,
  type UserAggregateMetric,
} from './names.js';
import { DAY_MS, WindowError, formatInterval, splitWindows, type IsoPeriod, type TimeRange } from './time.js';

/** Default longest interval per aggregates query, in days (the platform's limit is unconfirmed). */
export const DEFAULT_MAX_INTERVAL_DAYS = 7;
/** Default user ids per users-aggregates query. */
export const DEFAULT_MAX_USERS_PER_QUERY = 100;

const conversationOp: Operation<ConversationAggregateQueryResponse> = {
  id: 'analytics.conversationAggregates',
  method: 'POST',
  path: '/api/v2/analytics/conversations/aggregates/query',
  idempotent: true,
  schema: AggregateQueryResponseSchema,
};
const userOp: Operation<UserAggregateQueryResponse> = {
  id: 'analytics.userAggregates',
  method: 'POST',
  path: '/api/v2/analytics/users/aggregates/query',
  idempotent: true,
  schema: AggregateQueryResponseSchema,
};

/** A derived metric: how many values of `target` fall in `range` (`function: 'rangeBound'`). */
export interface ConversationAggregationView {
  /** The metric the view counts values of. */
  target: ConversationAggregateMetric;
  /** Always `rangeBound`. */
  function: 'rangeBound';
  /** The derived metric's name in the results. */
  name: string;
  /** The range a value must fall in to count. */
  range: NumericRange;
}

/**
 * The body of a conversation aggregate query (`client.analytics.aggregates.query`): typed metric and dimension names.
 */
export interface ConversationAggregatesQuery {
  /** The time range: an ISO interval string or `{ from, to }`; longer than `maxIntervalDays` is split and merged. */
  interval: AnalyticsInterval;
  /** ISO-8601 period of the buckets: `PT15M`, `PT30M`, `PT1H`, `P1D`... Default: one bucket for the whole interval. */
  granularity?: string;
  /** IANA zone for bucket alignment (e.g. `Europe/London`); default UTC. */
  timeZone?: string;
  /** Dimensions to group the results by (e.g. `queueId`, `mediaType`). */
  groupBy?: readonly ConversationAggregateDimension[];
  /** Metrics to compute (e.g. `nOffered`, `tHandle`). */
  metrics: readonly ConversationAggregateMetric[];
  /** Which conversations count. */
  filter?: AnalyticsFilter<ConversationAggregateDimension>;
  /** Derived metrics: counts of a metric's values within a range. */
  views?: readonly ConversationAggregationView[];
  /** Join multi-valued dimensions in result groups into one comma-separated value. */
  flattenMultivaluedDimensions?: boolean;
  /** `eventTime`: bucket data by when each event happened rather than by the conversation's start. */
  alternateTimeDimension?: 'eventTime';
}

/** Options of the aggregate queries: request splitting and how strict the metric and dimension names are. */
export interface AggregatesOptions extends CallOptions {
  /** Longest interval per request, in days; longer intervals are split. Default 7. */
  maxIntervalDays?: number;
  /** Let metric names this SDK does not list yet through (they must still look like `nX`, `oX` or `tX`). */
  allowUnknownMetrics?: boolean;
  /** Let dimension names this SDK does not list yet through (camelCase). */
  allowUnknownDimensions?: boolean;
}

const ViewSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    target: z.string().check(z.minLength(1)),
    function: z.literal('rangeBound'),
    name: z.string().check(z.minLength(1, 'is required')),
    range: z.looseObject({}),
  }),
);

interface TimeInput {
  range: TimeRange;
  granularity: IsoPeriod | undefined;
  timeZone: string | undefined;
  maxMs: number;
}

function checkTime(
  q: { interval?: unknown; granularity?: unknown; timeZone?: unknown },
  options: AggregatesOptions,
  issues: Issues,
): TimeInput | undefined {
  const range = checkInterval(q.interval, issues);
  const granularity = checkGranularity(q.granularity, issues);
  const timeZone = checkTimeZone(q.timeZone, issues);
  const days = options.maxIntervalDays ?? DEFAULT_MAX_INTERVAL_DAYS;
  if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0)
    issues.add('maxIntervalDays', 'must be a positive number of days');
  return range ? { range, granularity, timeZone, maxMs: days * DAY_MS } : undefined;
}

function windowsOf(context: string, t: TimeInput, granularityText: string | undefined): TimeRange[] {
  try {
    return splitWindows(t.range, t.maxMs, t.granularity, t.timeZone);
  } catch (error) {
    if (!(error instanceof WindowError)) throw error;
    throw new ValidationError(context, [
      {
        path: 'granularity',
        message: `${granularityText ?? ''} buckets are longer than maxIntervalDays (${t.maxMs / DAY_MS} days): ${error.message}`,
      },
    ]);
  }
}

/** Sends one request per window, in order, reporting progress when there is more than one. */
async function queryWindows<T extends ConversationAggregateQueryResponse>(
  core: ClientCore,
  op: Operation<T>,
  bodies: ReadonlyArray<Record<string, unknown>>,
  call: CallOptions,
): Promise<T[]> {
  const out: T[] = [];
  for (const body of bodies) {
    out.push(await send(core, op, { body }, call));
    if (bodies.length > 1)
      core.emit('progress', { operation: op.id, unit: 'requests', done: out.length, total: bodies.length });
  }
  return out;
}

export async function conversationAggregates(
  core: ClientCore,
  query: ConversationAggregatesQuery,
  options: AggregatesOptions = {},
): Promise<ConversationAggregateQueryResponse> {
  const context = 'analytics.conversationAggregates';
  const { maxIntervalDays: _max, allowUnknownMetrics, allowUnknownDimensions, ...call } = options;
  const issues = new Issues(context);
  const q = (typeof query === 'object' && query !== null ? query : {}) as Partial<ConversationAggregatesQuery>;
  const time = checkTime(q, options, issues);
  const metricRules = {
    known: CONVERSATION_AGGREGATE_METRICS,
    unknownPattern: allowUnknownMetrics ? METRIC_NAME_PATTERN : undefined,
    kind: 'metric',
  };
  const dimensionRules = {
    known: CONVERSATION_AGGREGATE_DIMENSIONS,
    unknownPattern: allowUnknownDimensions ? DIMENSION_NAME_PATTERN : undefined,
    kind: 'dimension',
  };
  checkNames(q.metrics, issues, 'metrics', metricRules, true);
  checkNames(q.groupBy, issues, 'groupBy', dimensionRules, false);
  checkFilter(q.filter, issues, 'filter', dimensionRules);
  if (q.views !== undefined) {
    if (!Array.isArray(q.views)) issues.add('views', 'must be an array');
    else {
      q.views.forEach((v, i) => {
        if (issues.schema(ViewSchema(), v, `views[${i}]`))
          checkName(v.target, issues, `views[${i}].target`, metricRules);
      });
    }
  }
  issues.throwIfAny();
  const t = time as TimeInput;
  const windows = windowsOf(context, t, q.granularity);
  const { interval: _interval, ...rest } = q;
  const bodies = windows.map((w) => ({ ...rest, interval: formatInterval(w) }));
  const responses = await queryWindows(core, conversationOp, bodies, call);
  if (responses.length === 1) return responses[0] as ConversationAggregateQueryResponse;
  // Without a granularity the caller asked for one bucket over the whole interval: combine the windows'.
  return mergeAggregateResponses(responses, q.granularity === undefined ? formatInterval(t.range) : undefined);
}

/** The body of a user aggregate query (`client.analytics.userAggregates.query`). */
export interface UserAggregatesQuery {
  /** The time range: an ISO interval string or `{ from, to }`; longer than `maxIntervalDays` is split and merged. */
  interval: AnalyticsInterval;
  /** ISO-8601 period of the buckets (`PT30M`, `P1D`, ...). Default: one bucket for the whole interval. */
  granularity?: string;
  /** IANA zone for bucket alignment; default UTC. */
  timeZone?: string;
  /** Users to report on (default: every user). Results are grouped by userId. */
  userIds?: readonly string[];
  /** Metrics to compute (e.g. `tOrganizationPresence`, `tAgentRoutingStatus`). */
  metrics: readonly UserAggregateMetric[];
}

/** Options of the user aggregates query: those of every aggregate query, and how many users per request. */
export interface UserAggregatesOptions extends AggregatesOptions {
  /** User ids per request; longer lists are split. Default 100. */
  maxUsersPerQuery?: number;
}

export async function userAggregates(
  core: ClientCore,
  query: UserAggregatesQuery,
  options: UserAggregatesOptions = {},
): Promise<UserAggregateQueryResponse> {
  const context = 'analytics.userAggregates';
  const { maxIntervalDays: _max, allowUnknownMetrics, allowUnknownDimensions: _d, maxUsersPerQuery, ...call } = options;
  const issues = new Issues(context);
  const q = (typeof query === 'object' && query !== null ? query : {}) as Partial<UserAggregatesQuery>;
  const time = checkTime(q, options, issues);
  const metrics = checkNames(
    q.metrics,
    issues,
    'metrics',
    {
      known: USER_AGGREGATE_METRICS,
      unknownPattern: allowUnknownMetrics ? METRIC_NAME_PATTERN : undefined,
      kind: 'metric',
    },
    true,
  );
  const userIds = checkIds(q.userIds, issues, 'userIds', false);
  const size = checkPositiveInt(maxUsersPerQuery, issues, 'maxUsersPerQuery') ?? DEFAULT_MAX_USERS_PER_QUERY;
  issues.throwIfAny();
  const t = time as TimeInput;
  const windows = windowsOf(context, t, q.granularity);
  const filters: Array<AnalyticsFilter | undefined> =
    userIds.length > 0 ? chunk(userIds, size).map((ids) => anyOfFilter('userId', ids)) : [undefined];
  const base = {
    ...(q.granularity === undefined ? {} : { granularity: q.granularity }),
    ...(q.timeZone === undefined ? {} : { timeZone: q.timeZone }),
    groupBy: ['userId'],
    metrics,
  };
  const bodies = filters.flatMap((filter) =>
    windows.map((w) => ({ ...base, interval: formatInterval(w), ...(filter ? { filter } : {}) })),
  );
  const responses = await queryWindows(core, userOp, bodies, call);
  if (responses.length === 1) return responses[0] as UserAggregateQueryResponse;
  return mergeAggregateResponses(responses, q.granularity === undefined ? formatInterval(t.range) : undefined);
}
