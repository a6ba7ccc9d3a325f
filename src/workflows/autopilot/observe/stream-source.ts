// The autopilot's notification-driven source: it subscribes (client.notifications.streams) to each watched
// queue's `v2.analytics.queues.{id}.observations` and to the agents' `v2.users.{id}.presence` and
// `v2.users.{id}.routingStatus` (split over channels of at most 1,000 topics each), keeps the live
// picture (live-picture.ts), and hands it to every decision beside the day-so-far counts, which only the
// conversation aggregates query has. The picture is seeded by an observations query and the members' routing
// status when a stream (re)connects, since events sent while it was down are lost. While a stream is down the
// decisions run on the aggregates query alone and say so (`status().fallback`).
import type { GenesysClient } from '../../../client/client.js';
import { systemClock, type Clock } from '../../../internal/clock.js';
import type { WebSocketConstructor } from '../../../internal/websocket/types.js';
import { MAX_CHANNELS_PER_CLIENT, MAX_TOPICS_PER_CHANNEL } from '../../../resources/notifications/limits.js';
import type { NotificationStream } from '../../../resources/notifications/stream.js';
import type { ReconnectOptions } from '../../../resources/notifications/stream-types.js';
import { topics as topicNames, type NotificationEvent } from '../../../resources/webhooks/topics.js';
import { LivePicture, type LiveQueue } from './live-picture.js';
import { analyticsSource, type ObservationSource, type SourceStatus } from './source.js';
import { keysOf, rejectUnknownKeys } from '../../../internal/unknown-keys.js';

const STREAM_SOURCE_KEYS = keysOf<StreamSourceOptions>({
  counts: true,
  maxChannels: true,
  presence: true,
  clock: true,
  WebSocket: true,
  reconnect: true,
  heartbeatTimeoutMs: true,
});

/** Options of `streamSource`: the day-so-far counts, the channel budget, presence, clock and the stream settings. */
export interface StreamSourceOptions {
  /** Where the day-so-far counts come from. Default: the conversation aggregates query (`analyticsSource`). */
  counts?: ObservationSource;
  /**
   * Most notification channels this source opens (the platform allows 20 per user or app and 1,000 topics per
   * channel). Queue topics come first; agents beyond the budget are not subscribed and their routing status is
   * read each decision instead. Each agent takes two topics (presence and routing status). Default 2.
   */
  maxChannels?: number;
  /** Subscribe to the agents' presence and routing status. Default true. */
  presence?: boolean;
  /** Where the picture's times come from. Default: the wall clock (the autopilot passes its own). */
  clock?: Clock;
  /** A WHATWG WebSocket constructor (Node 20 has none: `WebSocket` from `ws`). Default: the client's, then the global one. */
  WebSocket?: WebSocketConstructor | undefined;
  /** Passed to the streams: reconnect policy (`false`: no reconnect). */
  reconnect?: false | ReconnectOptions;
  /** Passed to the streams: ms without a message or heartbeat before a stream counts as dead. Default 90,000. */
  heartbeatTimeoutMs?: number;
}

/** A stream source, with what it subscribed to and the picture it keeps (for tests and diagnostics). */
export interface StreamSource extends ObservationSource {
  /** The live picture the streams keep (queues and agents). */
  readonly picture: LivePicture;
  /** The topics subscribed, per channel. */
  readonly subscriptions: readonly (readonly string[])[];
  /** The streams' notifications applied to the picture so far. */
  readonly messages: number;
  /** Non-fatal stream problems so far (a malformed notification, a failed renewal) and the last one. */
  readonly problems: { count: number; last: string | undefined };
}

/**
 * An observation source fed by the notification stream (see docs/guides/autopilot.md). `start` opens the
 * streams; if that fails the source reports `fallback` and the decisions use the aggregates query alone.
 * @example
 * const source = streamSource(client, { WebSocket });
 * const pilot = startAutopilot(client, policy, { source });
 */
export function streamSource(client: GenesysClient, options: StreamSourceOptions = {}): StreamSource {
  rejectUnknownKeys('streamSource', options, STREAM_SOURCE_KEYS, 'options');
  const counts = options.counts ?? analyticsSource(client);
  const clock = options.clock ?? systemClock;
  const st: StreamState = {
    picture: new LivePicture(),
    streams: [],
    subscriptions: [],
    down: new Set<number>(),
    failed: 'not started',
    unwatched: 0,
    watched: [],
    queuesStale: true,
    agentsStale: true,
    ctl: new AbortController(),
    problems: { count: 0, last: undefined },
  };
  const { picture, streams, subscriptions, down, problems } = st;
  const streaming = () => st.failed === undefined && down.size === 0;

  return {
    picture,
    subscriptions,
    problems,
    get messages() {
      return picture.messages;
    },

    start: (scope) => openStreams(client, options, clock, st, scope),

    async read(request) {
      const out = await counts.read(request);
      if (!streaming()) return out;
      if (st.queuesStale) {
        const loads = await client.analytics.observations.queueLoad([...request.queueIds], {
          signal: request.signal,
        });
        picture.seedQueues(loads, clock.now());
        st.queuesStale = false;
      }
      for (const id of request.queueIds) {
        const live = picture.queue(id);
        if (live && out[id]) out[id].live = live;
      }
      return out;
    },

    status(): SourceStatus {
      if (!streaming())
        return {
          kind: 'aggregates',
          fallback: st.failed ?? `the notification stream is reconnecting (${down.size} of ${streams.length} channels)`,
        };
      return {
        kind: 'stream',
        topics: subscriptions.reduce((n, l) => n + l.length, 0),
        channels: subscriptions.length,
        ...(st.unwatched > 0 ? { unwatchedAgents: st.unwatched } : {}),
        ...(st.watched.length > 0 ? { agents: picture.agents(st.watched) } : {}),
      };
    },

    live(queueId): LiveQueue | undefined {
      return streaming() && !st.queuesStale ? picture.queue(queueId) : undefined;
    },

    onQueue(userIds, read) {
      if (!streaming()) return new Set(read);
      if (st.agentsStale) {
        picture.seedAgents(userIds, read);
        st.agentsStale = false;
      }
      return new Set(userIds.filter((id) => picture.onQueue(id) ?? read.has(id)));
    },

    async close() {
      st.ctl.abort(new Error('autopilot source closed'));
      await closeAll(streams.splice(0));
    },
  };
}

/** A stream source's state, shared by its methods and the functions that open and watch its streams. */
interface StreamState {
  picture: LivePicture;
  streams: Array<NotificationStream<NotificationEvent>>;
  subscriptions: string[][];
  /** The channels reconnecting now. */
  down: Set<number>;
  /** Why the source does not stream (undefined while it does). */
  failed: string | undefined;
  unwatched: number;
  watched: readonly string[];
  queuesStale: boolean;
  agentsStale: boolean;
  ctl: AbortController;
  problems: { count: number; last: string | undefined };
}

type StartScope = Parameters<NonNullable<ObservationSource['start']>>[0];

/** Splits the topics over the channels and opens them; on failure the source falls back to the aggregates. */
async function openStreams(
  client: GenesysClient,
  options: StreamSourceOptions,
  clock: Clock,
  st: StreamState,
  scope: StartScope,
): Promise<void> {
  const { streams, subscriptions } = st;
  const maxChannels = Math.max(1, Math.min(options.maxChannels ?? 2, MAX_CHANNELS_PER_CLIENT));
  const queueTopics = scope.queueIds.map((id) => topicNames.queueObservations(id));
  // Two topics per agent (presence and routing status), whole agents only: an agent half watched would be
  // judged on stale half of the picture.
  const perAgent = (id: string) => [topicNames.userPresence(id), topicNames.userRoutingStatus(id)];
  const agents = options.presence === false ? [] : scope.userIds;
  const room = Math.floor(Math.max(0, maxChannels * MAX_TOPICS_PER_CHANNEL - queueTopics.length) / 2);
  st.unwatched = Math.max(0, agents.length - room);
  st.watched = agents.slice(0, room);
  const all = [...queueTopics, ...agents.slice(0, room).flatMap(perAgent)];
  for (let i = 0; i < all.length && subscriptions.length < maxChannels; i += MAX_TOPICS_PER_CHANNEL)
    subscriptions.push(all.slice(i, i + MAX_TOPICS_PER_CHANNEL));
  const signal = scope.signal ? AbortSignal.any([scope.signal, st.ctl.signal]) : st.ctl.signal;
  try {
    for (const [i, list] of subscriptions.entries()) {
      const stream = await client.notifications.streams.open({
        topics: list,
        signal,
        ...(options.WebSocket ? { WebSocket: options.WebSocket } : {}),
        ...(options.reconnect !== undefined ? { reconnect: options.reconnect } : {}),
        ...(options.heartbeatTimeoutMs ? { heartbeatTimeoutMs: options.heartbeatTimeoutMs } : {}),
      });
      streams.push(stream);
      watchStream(stream, i, st, clock);
    }
    st.failed = undefined;
  } catch (error) {
    st.failed = `could not open the notification stream: ${(error as Error)?.message ?? String(error)}`;
    await closeAll(streams.splice(0));
    subscriptions.length = 0;
  }
}

/** Feeds channel i's events into the picture and follows its connection state. */
function watchStream(stream: NotificationStream<NotificationEvent>, i: number, st: StreamState, clock: Clock): void {
  const { picture, down, problems } = st;
  stream.on('message', (event: NotificationEvent) => {
    if (event.kind === 'queueObservations') picture.applyObservations(event.ids.queueId, event.eventBody, clock.now());
    else if (event.kind === 'userPresence') picture.applyPresence(event.ids.userId, event.eventBody);
    else if (event.kind === 'userRoutingStatus') picture.applyRoutingStatus(event.ids.userId, event.eventBody);
  });
  stream.on('reconnecting', () => void down.add(i));
  stream.on('connected', () => {
    // Events sent while it was down are lost: re-read the picture at the next decision.
    down.delete(i);
    st.queuesStale = true;
    st.agentsStale = true;
    picture.reconnected();
  });
  stream.on('closed', ({ reason, error }) => {
    if (reason === 'failed') st.failed = `the notification stream failed: ${error?.message ?? 'closed'}`;
  });
  stream.on('error', (error) => {
    // Fatal ones also end in 'closed'; the rest (a malformed notification, a failed renewal) are counted.
    problems.count++;
    problems.last = error.message;
  });
}

/** Closes every stream; one that fails to close is already gone, so its error is not the caller's to handle. */
async function closeAll(streams: { close(): Promise<unknown> }[]): Promise<void> {
  await Promise.allSettled(streams.map((s) => s.close()));
}
