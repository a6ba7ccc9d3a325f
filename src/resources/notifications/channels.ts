// client.notifications.channels and .subscriptions: notification channels (`/api/v2/notifications/channels`)
// and their topic subscriptions. Genesys has no "register a webhook URL" API; events arrive on a channel's
// WebSocket (client.notifications.streams), or through the EventBridge integration.
import { ValidationError, isNotFoundError } from '../../errors/index.js';
import type { Logger } from '../../transport/redaction/log.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ApiPromise } from '../core/api-promise.js';
import { send } from '../core/call.js';
import type { ClientCore } from '../core/client-core.js';
import { Resource } from '../core/resource.js';
import {
  ChannelListingSchema,
  ChannelSchema,
  ChannelTopicListingSchema,
  type Channel,
  type ChannelTopic,
} from '../schemas/notifications.js';
import { requireId } from '../validate.js';
import { MAX_TOPICS_PER_CHANNEL, type ChannelTracker } from './limits.js';

type TopicListing = { entities?: ChannelTopic[] };

const BASE = '/api/v2/notifications/channels';
const createOp: Operation<Channel> = {
  id: 'notifications.channels.create',
  method: 'POST',
  path: BASE,
  schema: ChannelSchema,
};
const listOp: Operation<{ entities?: Channel[] }> = {
  id: 'notifications.channels.list',
  method: 'GET',
  path: BASE,
  schema: ChannelListingSchema,
};
const headOp: Operation<void> = { id: 'notifications.channels.exists', method: 'HEAD', path: `${BASE}/{channelId}` };
const SUBS = `${BASE}/{channelId}/subscriptions`;
// Adding topics a channel already has is harmless, so a retried POST is safe.
const addOp: Operation<TopicListing> = {
  id: 'notifications.subscriptions.add',
  method: 'POST',
  path: SUBS,
  idempotent: true,
  schema: ChannelTopicListingSchema,
};
const putOp: Operation<TopicListing> = {
  id: 'notifications.subscriptions.replace',
  method: 'PUT',
  path: SUBS,
  schema: ChannelTopicListingSchema,
};
const getSubsOp: Operation<TopicListing> = {
  id: 'notifications.subscriptions.list',
  method: 'GET',
  path: SUBS,
  schema: ChannelTopicListingSchema,
};
const clearOp: Operation<void> = { id: 'notifications.subscriptions.clear', method: 'DELETE', path: SUBS };

/** Options of `client.notifications.channels.create`. */
export interface CreateChannelOptions extends CallOptions {
  /**
   * At 20 channels for this client the platform evicts the least recently used one. When every channel this
   * client created is used by an open stream, `create` throws ChannelLimitError unless this is true.
   */
  allowEviction?: boolean;
}

/** Options of `client.notifications.channels.list`. */
export interface ListChannelsOptions extends CallOptions {
  /** `token` (platform default): channels of this access token; `oauthclient`: of every token of this client. */
  includeChannels?: 'token' | 'oauthclient';
}

/** Options of adding or replacing a channel's topic subscriptions. */
export interface SubscribeOptions extends CallOptions {
  /**
   * true: topics the caller may not use come back with `state: 'Rejected'` (and `rejectionReason`,
   * `missingPermissions`) instead of failing the call. Default false (the platform's default).
   */
  ignoreErrors?: boolean;
}

/** Checks and de-duplicates topic names (first spelling kept; topic names compare case-insensitively). */
export function validateTopics(context: string, topics: unknown): string[] {
  if (!Array.isArray(topics))
    throw new ValidationError(context, [{ path: 'topics', message: 'must be an array of topic names' }]);
  const issues: Array<{ path: string; message: string }> = [];
  const unique = new Map<string, string>();
  topics.forEach((topic, i) => {
    if (typeof topic !== 'string' || topic.trim() === '' || /\s/.test(topic))
      issues.push({ path: `topics[${i}]`, message: 'must be a topic name without spaces' });
    else if (!unique.has(topic.toLowerCase())) unique.set(topic.toLowerCase(), topic);
  });
  if (issues.length > 0) throw new ValidationError(context, issues);
  if (unique.size > MAX_TOPICS_PER_CHANNEL) {
    throw new ValidationError(context, [
      { path: 'topics', message: `at most ${MAX_TOPICS_PER_CHANNEL} topics per channel (got ${unique.size})` },
    ]);
  }
  return [...unique.values()];
}

/** `client.notifications.channels`: create, list and probe notification channels. */
export class ChannelsResource extends Resource {
  readonly #tracker: ChannelTracker;
  readonly #logger: Logger | undefined;

  /** Created by `client.notifications`, with the client's channel tracker. */
  constructor(client: ClientCore, tracker: ChannelTracker, logger: Logger | undefined) {
    super(client);
    this.#tracker = tracker;
    this.#logger = logger;
  }

  /**
   * Creates a channel: `{ id, connectUri, expires }`. It lives 24 h unless re-subscribed.
   *
   * @example
   * const channel = await client.notifications.channels.create();
   * await client.notifications.subscriptions.add(channel.id, [topics.queueMembers(queueId)]);
   */
  create(options: CreateChannelOptions = {}): ApiPromise<Channel> {
    return this._run(async (core) => {
      const { allowEviction = false, ...call } = options;
      const warning = this.#tracker.beforeCreate(allowEviction);
      if (warning) this.#logger?.warn?.(`notifications.channels.create: ${warning}`);
      const channel = await send(core, createOp, {}, call);
      this.#tracker.created(channel.id, channel.expires);
      return channel;
    });
  }

  /**
   * Lists channels (of this token by default).
   *
   * @example
   * const channels = await client.notifications.channels.list({ includeChannels: 'oauthclient' });
   */
  list(options: ListChannelsOptions = {}): ApiPromise<Channel[]> {
    const { includeChannels, ...call } = options;
    return send(this._client, listOp, { query: { includechannels: includeChannels } }, call).thenUnwrap(
      (res) => res.entities ?? [],
    );
  }

  /**
   * Whether the channel still exists (HEAD: 200 -> true, 404 -> false). Expired and evicted channels are gone.
   *
   * @example
   * if (!(await client.notifications.channels.exists(channel.id))) channel = await client.notifications.channels.create();
   */
  exists(channelId: string, options: CallOptions = {}): ApiPromise<boolean> {
    return this._run(async (core) => {
      requireId('notifications.channels.exists', 'channelId', channelId);
      try {
        await send(core, headOp, { params: { channelId } }, options);
        this.#tracker.touch(channelId);
        return true;
      } catch (error) {
        if (isNotFoundError(error)) {
          this.#tracker.forget(channelId);
          return false;
        }
        throw error;
      }
    });
  }

  /** Ids of the channels this client created that are still tracked (least recently used first). */
  tracked(): string[] {
    return this.#tracker.ids();
  }
}

/** `client.notifications.subscriptions`: the topics of a channel. */
export class SubscriptionsResource extends Resource {
  readonly #tracker: ChannelTracker;

  /** Created by `client.notifications`, with the client's channel tracker. */
  constructor(client: ClientCore, tracker: ChannelTracker) {
    super(client);
    this.#tracker = tracker;
  }

  /**
   * Adds topics to a channel (at most 1,000 per channel). Returns the platform's ChannelTopic results.
   *
   * @example
   * const results = await client.notifications.subscriptions.add(channel.id, [topics.userRoutingStatus(userId)], { ignoreErrors: true });
   * const rejected = results.filter((t) => t.state === 'Rejected');
   */
  add(channelId: string, topicNames: readonly string[], options: SubscribeOptions = {}): ApiPromise<ChannelTopic[]> {
    return this._run((core) =>
      this.#change(core, 'notifications.subscriptions.add', addOp, 'add', channelId, topicNames, options),
    );
  }

  /**
   * Replaces all topics of a channel (and renews its 24 h lifetime).
   *
   * @example
   * await client.notifications.subscriptions.replace(channel.id, [topics.queueMembers(queueId)]);
   */
  replace(
    channelId: string,
    topicNames: readonly string[],
    options: SubscribeOptions = {},
  ): ApiPromise<ChannelTopic[]> {
    return this._run((core) =>
      this.#change(core, 'notifications.subscriptions.replace', putOp, 'replace', channelId, topicNames, options),
    );
  }

  /**
   * The channel's current topics.
   *
   * @example
   * const current = await client.notifications.subscriptions.list(channel.id);
   */
  list(channelId: string, options: CallOptions = {}): ApiPromise<ChannelTopic[]> {
    return this._run(async (core) => {
      requireId('notifications.subscriptions.list', 'channelId', channelId);
      const res = await send(core, getSubsOp, { params: { channelId } }, options);
      return res.entities ?? [];
    });
  }

  /**
   * Removes every topic from the channel.
   *
   * @example
   * await client.notifications.subscriptions.clear(channel.id);
   */
  clear(channelId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      requireId('notifications.subscriptions.clear', 'channelId', channelId);
      await send(core, clearOp, { params: { channelId } }, options);
      this.#tracker.setTopics(channelId, [], 'replace');
    });
  }

  async #change(
    core: ClientCore,
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
        throw new ValidationError(context, [
          {
            path: 'topics',
            message: `the channel would have ${total} topics; at most ${MAX_TOPICS_PER_CHANNEL} are allowed`,
          },
        ]);
      }
    }
    const { ignoreErrors, ...call } = options;
    const res = await send(
      core,
      op,
      { params: { channelId }, query: { ignoreErrors: ignoreErrors || undefined }, body: unique.map((id) => ({ id })) },
      call,
    );
    const results = res.entities ?? [];
    const rejected = new Set(results.filter((t) => t.state === 'Rejected').map((t) => t.id.toLowerCase()));
    this.#tracker.setTopics(
      channelId,
      unique.filter((t) => !rejected.has(t.toLowerCase())),
      mode,
    );
    return results;
  }
}
