// client.webhooks: notification channels and subscriptions (`/api/v2/notifications/channels...`) and openStream(), the
// managed WebSocket consumer. Genesys has no "register a webhook URL" API; see docs/webhooks.md.
import { ValidationError, isNotFoundError } from '../../errors.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { Transport } from '../../transport/transport.js';
import {
  ChannelListingSchema,
  ChannelSchema,
  ChannelTopicListingSchema,
  type Channel,
  type ChannelTopic,
} from '../schemas/notifications.js';
import { requireId } from '../validate.js';
import { MAX_TOPICS_PER_CHANNEL, trackerFor, type ChannelTracker } from './limits.js';
import type { NotificationStream, OpenStreamOptions } from './stream.js';
import type { TopicEvent } from './topics.js';

type TopicListing = { entities?: ChannelTopic[] };

const BASE = '/api/v2/notifications/channels';
const createOp: Operation<Channel> = { id: 'notifications.channels.create', method: 'POST', path: BASE, schema: ChannelSchema };
const listOp: Operation<{ entities?: Channel[] }> = { id: 'notifications.channels.list', method: 'GET', path: BASE, schema: ChannelListingSchema };
const headOp: Operation<void> = { id: 'notifications.channels.exists', method: 'HEAD', path: `${BASE}/{channelId}` };
const SUBS = `${BASE}/{channelId}/subscriptions`;
// Adding topics a channel already has is harmless, so a retried POST is safe.
const addOp: Operation<TopicListing> = { id: 'notifications.subscriptions.add', method: 'POST', path: SUBS, idempotent: true, schema: ChannelTopicListingSchema };
const putOp: Operation<TopicListing> = { id: 'notifications.subscriptions.replace', method: 'PUT', path: SUBS, schema: ChannelTopicListingSchema };
const getSubsOp: Operation<TopicListing> = { id: 'notifications.subscriptions.list', method: 'GET', path: SUBS, schema: ChannelTopicListingSchema };
const clearOp: Operation<void> = { id: 'notifications.subscriptions.clear', method: 'DELETE', path: SUBS };

export interface CreateChannelOptions extends CallOptions {
  /**
   * At 20 channels for this client the platform evicts the least recently used one. When every channel this
   * client created is used by an open stream, createChannel throws ChannelLimitError unless this is true.
   */
  allowEviction?: boolean;
}

export interface ListChannelsOptions extends CallOptions {
  /** `token` (platform default): channels of this access token; `oauthclient`: of every token of this client. */
  includeChannels?: 'token' | 'oauthclient';
}

export interface SubscribeOptions extends CallOptions {
  /**
   * true: topics the caller may not use come back with `state: 'Rejected'` (and `rejectionReason`,
   * `missingPermissions`) instead of failing the call. Default false (the platform's default).
   */
  ignoreErrors?: boolean;
}

/** Checks and de-duplicates topic names (first spelling kept; topic names compare case-insensitively). */
export function validateTopics(context: string, topics: unknown): string[] {
  if (!Array.isArray(topics)) throw new ValidationError(context, [{ path: 'topics', message: 'must be an array of topic names' }]);
  const issues: Array<{ path: string; message: string }> = [];
  const unique = new Map<string, string>();
  topics.forEach((topic, i) => {
    if (typeof topic !== 'string' || topic.trim() === '' || /\s/.test(topic)) issues.push({ path: `topics[${i}]`, message: 'must be a topic name without spaces' });
    else if (!unique.has(topic.toLowerCase())) unique.set(topic.toLowerCase(), topic);
  });
  if (issues.length > 0) throw new ValidationError(context, issues);
  if (unique.size > MAX_TOPICS_PER_CHANNEL) {
    throw new ValidationError(context, [{ path: 'topics', message: `at most ${MAX_TOPICS_PER_CHANNEL} topics per channel (got ${unique.size})` }]);
  }
  return [...unique.values()];
}

/**
 * Event delivery from Genesys Cloud: notification channels (WebSocket). For EventBridge use
 * `parseEventBridgeEvent`; for outbound signed webhooks, `sendWebhook` / `verifyWebhook`.
 */
export class WebhooksApi {
  readonly #transport: Transport;
  readonly #tracker: ChannelTracker;

  constructor(transport: Transport) {
    this.#transport = transport;
    this.#tracker = trackerFor(transport);
  }

  /** Ids of the channels this client created that are still tracked (least recently used first). */
  trackedChannels(): string[] {
    return this.#tracker.ids();
  }

  /**
   * Creates a notification channel: `{ id, connectUri, expires }`. It lives 24 h unless re-subscribed.
   *
   * @example
   * const channel = await client.webhooks.createChannel();
   * await client.webhooks.subscribe(channel.id, [topics.queueMembers(queueId)]);
   */
  async createChannel(options: CreateChannelOptions = {}): Promise<Channel> {
    const { allowEviction = false, ...call } = options;
    const warning = this.#tracker.beforeCreate(allowEviction);
    if (warning) this.#transport.options.logger?.warn?.(`webhooks.createChannel: ${warning}`);
    const channel = await this.#transport.request(createOp, {}, call);
    this.#tracker.created(channel.id, channel.expires);
    return channel;
  }

  /**
   * Lists channels (of this token by default).
   *
   * @example
   * const channels = await client.webhooks.listChannels({ includeChannels: 'oauthclient' });
   */
  async listChannels(options: ListChannelsOptions = {}): Promise<Channel[]> {
    const { includeChannels, ...call } = options;
    const res = await this.#transport.request(listOp, { query: { includechannels: includeChannels } }, call);
    return res.entities ?? [];
  }

  /**
   * Whether the channel still exists (HEAD: 200 -> true, 404 -> false). Expired and evicted channels are gone.
   *
   * @example
   * if (!(await client.webhooks.channelExists(channel.id))) channel = await client.webhooks.createChannel();
   */
  async channelExists(channelId: string, options: CallOptions = {}): Promise<boolean> {
    requireId('webhooks.channelExists', 'channelId', channelId);
    try {
      await this.#transport.request(headOp, { params: { channelId } }, options);
      this.#tracker.touch(channelId);
      return true;
    } catch (error) {
      if (isNotFoundError(error)) {
        this.#tracker.forget(channelId);
        return false;
      }
      throw error;
    }
  }

  /**
   * Adds topics to a channel (at most 1,000 per channel). Returns the platform's ChannelTopic results.
   *
   * @example
   * const results = await client.webhooks.subscribe(channel.id, [topics.userRoutingStatus(userId)], { ignoreErrors: true });
   * const rejected = results.filter((t) => t.state === 'Rejected');
   */
  async subscribe(channelId: string, topicNames: readonly string[], options: SubscribeOptions = {}): Promise<ChannelTopic[]> {
    return this.#changeTopics('webhooks.subscribe', addOp, 'add', channelId, topicNames, options);
  }

  /**
   * Replaces all topics of a channel (and renews its 24 h lifetime).
   *
   * @example
   * await client.webhooks.replaceSubscriptions(channel.id, [topics.queueMembers(queueId)]);
   */
  async replaceSubscriptions(channelId: string, topicNames: readonly string[], options: SubscribeOptions = {}): Promise<ChannelTopic[]> {
    return this.#changeTopics('webhooks.replaceSubscriptions', putOp, 'replace', channelId, topicNames, options);
  }

  /**
   * The channel's current topics.
   *
   * @example
   * const current = await client.webhooks.listSubscriptions(channel.id);
   */
  async listSubscriptions(channelId: string, options: CallOptions = {}): Promise<ChannelTopic[]> {
    requireId('webhooks.listSubscriptions', 'channelId', channelId);
    const res = await this.#transport.request(getSubsOp, { params: { channelId } }, options);
    return res.entities ?? [];
  }

  /**
   * Removes every topic from the channel.
   *
   * @example
   * await client.webhooks.clearSubscriptions(channel.id);
   */
  async clearSubscriptions(channelId: string, options: CallOptions = {}): Promise<void> {
    requireId('webhooks.clearSubscriptions', 'channelId', channelId);
    await this.#transport.request(clearOp, { params: { channelId } }, options);
    this.#tracker.setTopics(channelId, [], 'replace');
  }

  /**
   * Opens a managed event stream: creates a channel, connects its WebSocket, subscribes, and keeps it
   * alive (heartbeat watchdog, reconnect with backoff, new channel when the old one is gone, renewal before
   * the 24 h expiry). The stream is an async iterable of typed events and an event emitter.
   *
   * @example
   * const stream = await client.webhooks.openStream({ topics: [topics.queueMembers(queueId)], signal });
   * for await (const event of stream) {
   *   if (event.kind === 'queueMembers') console.log(event.eventBody.id, event.eventBody.joined);
   * }
   */
  async openStream<const T extends string>(options: OpenStreamOptions<T>): Promise<NotificationStream<TopicEvent<T>>> {
    validateTopics('webhooks.openStream', options?.topics);
    const { NotificationStream } = await import('./stream.js');
    return NotificationStream.open<TopicEvent<T>>(this, this.#tracker, this.#transport, options);
  }

  async #changeTopics(
    context: string,
    op: Operation<TopicListing>,
    mode: 'add' | 'replace',
    channelId: string,
    topicNames: readonly string[],
    options: SubscribeOptions,
  ): Promise<ChannelTopic[]> {
    requireId(context, 'channelId', channelId);
    const unique = validateTopics(context, topicNames);
    const known = this.#tracker.topicsOf(channelId);
    if (mode === 'add' && known) {
      const total = new Set([...known, ...unique.map((t) => t.toLowerCase())]).size;
      if (total > MAX_TOPICS_PER_CHANNEL) {
        throw new ValidationError(context, [{ path: 'topics', message: `the channel would have ${total} topics; at most ${MAX_TOPICS_PER_CHANNEL} are allowed` }]);
      }
    }
    const { ignoreErrors, ...call } = options;
    const res = await this.#transport.request(
      op,
      { params: { channelId }, query: { ignoreErrors: ignoreErrors || undefined }, body: unique.map((id) => ({ id })) },
      call,
    );
    const results = res.entities ?? [];
    const rejected = new Set(results.filter((t) => t.state === 'Rejected').map((t) => t.id.toLowerCase()));
    this.#tracker.setTopics(channelId, unique.filter((t) => !rejected.has(t.toLowerCase())), mode);
    return results;
  }
}
