// client.notifications.streams: managed WebSocket consumers of notification channels. The stream code and the
// WebSocket implementation load only when a stream opens.
import type { ApiPromise } from '../core/api-promise.js';
import type { ClientCore } from '../core/client-core.js';
import { Resource } from '../core/resource.js';
import type { TopicEvent } from '../webhooks/topics.js';
import { validateTopics } from './channels.js';
import type { ChannelTracker } from './limits.js';
import type { NotificationStream } from './stream.js';
import type { OpenStreamOptions, ReconnectOptions, StreamHost } from './stream-types.js';
import { keysOf, rejectUnknownKeys } from '../../internal/unknown-keys.js';

/** `client.notifications.streams`: `open()` a channel, subscribe topics and receive typed events over a WebSocket. */
export class StreamsResource extends Resource {
  readonly #host: StreamHost;
  readonly #tracker: ChannelTracker;

  /** Created by `client.notifications`, with the client's stream host and channel tracker. */
  constructor(client: ClientCore, host: StreamHost, tracker: ChannelTracker) {
    super(client);
    this.#host = host;
    this.#tracker = tracker;
  }

  /**
   * Opens a managed event stream: creates a channel, connects its WebSocket, subscribes, and keeps it alive
   * (heartbeat watchdog, reconnect with backoff, a new channel when the old one is gone, renewal before the
   * 24 h expiry). The stream is an async iterable of typed events and an event emitter. A stream makes
   * calls over its whole life, so `withResponse()` carries no HTTP metadata (status 0): watch the client's
   * `response` events or `stream.channel` instead.
   *
   * @example
   * const stream = await client.notifications.streams.open({ topics: [topics.queueMembers(queueId)], signal });
   * for await (const event of stream) {
   *   if (event.kind === 'queueMembers') console.log(event.eventBody.id, event.eventBody.joined);
   * }
   */
  open<const T extends string>(options: OpenStreamOptions<T>): ApiPromise<NotificationStream<TopicEvent<T>>> {
    return this._run(async () => {
      checkOpenKeys(options);
      validateTopics('notifications.streams.open', options?.topics);
      const { NotificationStream } = await import('./stream.js');
      return NotificationStream.open<TopicEvent<T>>(this.#host, this.#tracker, options);
    });
  }
}

const OPEN_KEYS = keysOf<OpenStreamOptions>({
  topics: true,
  signal: true,
  heartbeatTimeoutMs: true,
  reconnect: true,
  renewAfterMs: true,
  WebSocket: true,
  connectTimeoutMs: true,
  allowRejectedTopics: true,
  allowEviction: true,
  bufferSize: true,
});
const RECONNECT_KEYS = keysOf<ReconnectOptions>({ maxAttempts: true, baseMs: true, maxMs: true });

/** An unknown key of the options (or of `reconnect`) is refused before the channel is created. */
function checkOpenKeys(options: OpenStreamOptions): void {
  if (typeof options !== 'object' || options === null) return; // validateTopics names it
  rejectUnknownKeys('notifications.streams.open', options, OPEN_KEYS, 'options');
  if (typeof options.reconnect === 'object' && options.reconnect !== null)
    rejectUnknownKeys('notifications.streams.open', options.reconnect, RECONNECT_KEYS, 'options.reconnect');
}
