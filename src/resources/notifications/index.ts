// client.notifications: notification channels, their topic subscriptions, topic names, and managed streams.
// The 0.1 `client.webhooks` methods (createChannel, subscribe, openStream, ...) remain on this object as
// deprecated aliases until the next minor version.
import type { WebSocketConstructor } from '../../internal/websocket/types.js';
import type { Logger } from '../../transport/log.js';
import type { CallOptions } from '../../transport/operation.js';
import type { ApiPromise } from '../core/api-promise.js';
import type { ClientCore } from '../core/client-core.js';
import type { Channel, ChannelTopic } from '../schemas/notifications.js';
import { topics, type TopicEvent } from '../webhooks/topics.js';
import { ChannelsResource, SubscriptionsResource, type CreateChannelOptions, type ListChannelsOptions, type SubscribeOptions } from './channels.js';
import { trackerFor, type ChannelTracker } from './limits.js';
import type { NotificationStream } from './stream.js';
import type { OpenStreamOptions } from './stream-types.js';
import { StreamsResource } from './streams.js';

export { ChannelsResource, SubscriptionsResource, validateTopics, type CreateChannelOptions, type ListChannelsOptions, type SubscribeOptions } from './channels.js';
export { StreamsResource } from './streams.js';
export type { NotificationStream } from './stream.js';
export type { OpenStreamOptions, ReconnectOptions, ReconnectReason, StreamEvents, StreamState } from './stream-types.js';
export { ChannelLimitError, MAX_CHANNELS_PER_CLIENT, MAX_TOPICS_PER_CHANNEL, CHANNEL_LIFETIME_MS } from './limits.js';

/** What `client.notifications` needs from the client's settings. */
export interface NotificationsSettings {
  logger?: Logger | undefined;
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
      { channels: this.channels, subscriptions: this.subscriptions, emit: (event, ...args) => this.#client.emit(event, ...args), validation: this.#settings.validation, WebSocket: this.#settings.WebSocket },
      this.#tracker,
    ));
  }

  /** Topic-name builders (`topics.queueMembers(queueId)`, ...), the same object as the `topics` export. */
  get topics(): typeof topics {
    return topics;
  }

  /** @deprecated Use `client.notifications.channels.tracked`. Removed in the next minor version. */
  trackedChannels(): string[] {
    return this.channels.tracked();
  }
  /** @deprecated Use `client.notifications.channels.create`. Removed in the next minor version. */
  createChannel(options?: CreateChannelOptions): ApiPromise<Channel> {
    return this.channels.create(options);
  }
  /** @deprecated Use `client.notifications.channels.list`. Removed in the next minor version. */
  listChannels(options?: ListChannelsOptions): ApiPromise<Channel[]> {
    return this.channels.list(options);
  }
  /** @deprecated Use `client.notifications.channels.exists`. Removed in the next minor version. */
  channelExists(channelId: string, options?: CallOptions): ApiPromise<boolean> {
    return this.channels.exists(channelId, options);
  }
  /** @deprecated Use `client.notifications.subscriptions.add`. Removed in the next minor version. */
  subscribe(channelId: string, topicNames: readonly string[], options?: SubscribeOptions): ApiPromise<ChannelTopic[]> {
    return this.subscriptions.add(channelId, topicNames, options);
  }
  /** @deprecated Use `client.notifications.subscriptions.replace`. Removed in the next minor version. */
  replaceSubscriptions(channelId: string, topicNames: readonly string[], options?: SubscribeOptions): ApiPromise<ChannelTopic[]> {
    return this.subscriptions.replace(channelId, topicNames, options);
  }
  /** @deprecated Use `client.notifications.subscriptions.list`. Removed in the next minor version. */
  listSubscriptions(channelId: string, options?: CallOptions): ApiPromise<ChannelTopic[]> {
    return this.subscriptions.list(channelId, options);
  }
  /** @deprecated Use `client.notifications.subscriptions.clear`. Removed in the next minor version. */
  clearSubscriptions(channelId: string, options?: CallOptions): ApiPromise<void> {
    return this.subscriptions.clear(channelId, options);
  }
  /** @deprecated Use `client.notifications.streams.open`. Removed in the next minor version. */
  openStream<const T extends string>(options: OpenStreamOptions<T>): ApiPromise<NotificationStream<TopicEvent<T>>> {
    return this.streams.open(options);
  }
}

/** @deprecated The 0.1 name of `NotificationsApi` (`client.webhooks`). Removed in the next minor version. */
export type WebhooksApi = NotificationsApi;
