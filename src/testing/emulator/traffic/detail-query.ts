// The conversation-details selection shared by the sync query and the async jobs: which conversations an
// interval includes, the filters, and the order.
import type { OrgState } from '../state/org.js';
import type { FieldErrors } from '../respond/validate.js';
import { compileFilter, type Test } from './query/filters.js';
import { MAX_LIFETIME_MS } from './synthetic/generate.js';
import { matchesDetailFilters, renderConversation, type RenderedConversation } from './details.js';
import type { TrafficModel } from './synthetic/model.js';
import { CONVERSATION_LEVEL_DIMENSIONS, SEGMENT_DIMENSIONS } from './query/names.js';
import { readInterval } from './query/request.js';
import { conversationsStartedIn } from './synthetic/stream.js';
import { utcDayStart, type Interval } from './query/time.js';

const ORDERS = ['asc', 'desc', 'unordered'] as const;
const ORDER_BY = ['conversationStart', 'conversationEnd', 'segmentStart', 'segmentEnd'] as const;

export interface DetailQuery {
  interval: Interval;
  segmentFilters: Test[];
  conversationFilters: Test[];
  order: (typeof ORDERS)[number];
  orderBy: (typeof ORDER_BY)[number];
}

function filters(
  body: Record<string, unknown>,
  key: string,
  errors: FieldErrors,
  allowed: ReadonlySet<string>,
  describe: string,
): Test[] {
  const raw = body[key];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    errors.add(key, `${key} must be an array of filters`);
    return [];
  }
  return raw.map((f, i) => compileFilter(f, `${key}[${i}]`, errors, (d) => allowed.has(d), describe));
}

function oneOf<T extends string>(
  body: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  fallback: T,
  errors: FieldErrors,
): T {
  const raw = body[key];
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
    errors.add(key, `${key} must be one of ${allowed.join(', ')}`);
    return fallback;
  }
  return raw as T;
}

export function readDetailQuery(
  body: Record<string, unknown>,
  errors: FieldErrors,
  maxDays: number,
  what: string,
): DetailQuery | undefined {
  const interval = readInterval(body, errors, maxDays, what);
  const segmentFilters = filters(
    body,
    'segmentFilters',
    errors,
    SEGMENT_DIMENSIONS,
    `segment dimensions: ${[...SEGMENT_DIMENSIONS].join(', ')}`,
  );
  const conversationFilters = filters(
    body,
    'conversationFilters',
    errors,
    CONVERSATION_LEVEL_DIMENSIONS,
    `conversation dimensions: ${[...CONVERSATION_LEVEL_DIMENSIONS].join(', ')}`,
  );
  const order = oneOf(body, 'order', ORDERS, 'asc', errors);
  const orderBy = oneOf(body, 'orderBy', ORDER_BY, 'conversationStart', errors);
  return interval ? { interval, segmentFilters, conversationFilters, order, orderBy } : undefined;
}

export interface SelectOptions {
  /**
   * true (sync query; jobs with startOfDayIntervalMatching): conversations that started on a UTC day the
   * interval touches and whose lifetime overlaps it. false (jobs): any conversation overlapping the interval.
   */
  startOfDay: boolean;
  /** Only conversations whose last wrap-up ended before this instant are visible. */
  visibleBefore: number;
}

export function selectConversations(
  state: OrgState,
  model: TrafficModel,
  q: DetailQuery,
  o: SelectOptions,
): RenderedConversation[] {
  const { from, to } = q.interval;
  const earliest = o.startOfDay ? utcDayStart(from) : from - MAX_LIFETIME_MS;
  const userName = (id: string) => state.users.get(id)?.name ?? id;
  const out: RenderedConversation[] = [];
  for (const c of conversationsStartedIn(model, earliest, to, o.visibleBefore)) {
    if (c.lastEmit > o.visibleBefore || c.end < from) continue;
    const rendered = renderConversation(c, userName);
    if (matchesDetailFilters(rendered, q.segmentFilters, q.conversationFilters)) out.push(rendered);
  }
  const key = q.orderBy === 'conversationEnd' || q.orderBy === 'segmentEnd' ? 'conversationEnd' : 'conversationStart';
  out.sort((a, b) => a[key].localeCompare(b[key]) || a.conversationId.localeCompare(b.conversationId));
  if (q.order === 'desc') out.reverse();
  return out;
}
