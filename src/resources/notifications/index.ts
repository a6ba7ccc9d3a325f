// client.notifications: notification channels, their topic subscriptions, topic names, and managed streams.
import type { WebSocketConstructor } from '../../internal/websocket/types.js';
import type { Logger } from '../../transport/redaction/log.js';
import type { ClientCore } from '../core/client-core.js';
import { topics } from '../webhooks/topics.js';
import { ChannelsResource, SubscriptionsResource } from './channels.js';
import { trackerFor, type ChannelTracker } from './limits.js';
import { StreamsResource } from './streams.js';

export {
  ChannelsResource,
  SubscriptionsResource,
  validateTopics,
  type CreateChannelOptions,
  type ListChannelsOptions,
  type SubscribeOptions,
} from './channels.js';
export { StreamsResource } from './streams.js';
export type { NotificationStream } from './stream.js';
export type {
  OpenStreamOptions,
  ReconnectOptions,
  ReconnectReason,
  StreamEvents,
  StreamState,
} from './stream-types.js';
export { ChannelLimitError, MAX_CHANNELS_PER_CLIENT, MAX_TOPICS_PER_CHANNEL, CHANNEL_LIFETIME_MS } from './limits.js';

/** What `client.notifications` needs from the client's settings. */
export interface NotificationsSettings {
  /** The client's logger. */
  logger?: Logger | undefined;
  /** The client's validation mode: `strict`, `warn` or `off`. */
  validation: 'strict' | 'warn' | 'off';
  /** The client's `WebSocket` option (streams fall back to it, then to the global WebSocket). */
  WebSocket?: WebSocketConstructor | undefined;
}

/**
 * Event delivery from Genesys Cloud over notification channels (WebSocket). For EventBridge use
 * `parseEventBridgeEvent`; for the SDK's signed outbound webhooks, `sendWebhook` / `verifyWebhook`.
 */
export class NotificationsApi {
  readonly #client: ClientCore;
  readonly #settings: NotificationsSettings;
  readonly #tracker: ChannelTracker;
  #channels?: ChannelsResource;
  #subscriptions?: SubscriptionsResource;
  #streams?: StreamsResource;

  /** Created by the client as `client.notifications`. */
  constructor(client: ClientCore, settings: NotificationsSettings) {
    this.#client = client;
    this.#settings = settings;
    this.#tracker = trackerFor(client);
  }

  /** Channels: `create`, `list`, `exists`, `tracked`. */
  get channels(): ChannelsResource {
    return (this.#channels ??= new ChannelsResource(this.#client, this.#tracker, this.#settings.logger));
  }

  /** A channel's topics: `add`, `replace`, `list`, `clear`. */
  get subscriptions(): SubscriptionsResource {
    return (this.#subscriptions ??= new SubscriptionsResource(this.#client, this.#tracker));
  }

  /** Managed WebSocket streams: `open`. */
  get streams(): StreamsResource {
    return (this.#streams ??= new StreamsResource(
      this.#client,
      {
        channels: this.channels,
        subscriptions: this.subscriptions,
        emit: (event, ...args) => this.#client.emit(event, ...args),
        validation: this.#settings.validation,
        WebSocket: this.#settings.WebSocket,
      },
      this.#tracker,
    ));
  }

  /** Topic-name builders (`topics.queueMembers(queueId)`, ...), the same object as the `topics` export. */
  get topics(): typeof topics {
    return topics;
  }
}
