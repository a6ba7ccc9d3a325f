// Notification service limits (Genesys Cloud developer center text, second-hand: 20 channels per user/app, 1,000 topics per
// channel, 24 h channel lifetime) and the per-client record of channels this SDK created. Creating a 21st
// channel makes the PLATFORM evict the least recently used one (unconnected first), which would silently
// kill a live stream; the tracker warns, or refuses when every tracked channel is in use.
import { GenesysError } from '../../errors/index.js';
import { LIMITS } from '../../limits.js';

export const MAX_CHANNELS_PER_CLIENT = LIMITS.channelsPerClient;
export const MAX_TOPICS_PER_CHANNEL = LIMITS.topicsPerChannel;
export const CHANNEL_LIFETIME_MS = LIMITS.channelLifetimeMs;

/** Creating a channel would evict one that an open stream of this client is using. */
export class ChannelLimitError extends GenesysError {
  /** Stable class name (`ChannelLimitError`), used for `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'ChannelLimitError';
}

/** What a `ChannelTracker` knows of one channel: its topics, the streams using it and when it expires. */
export interface TrackedChannel {
  /** Topics subscribed on the channel. */
  topics: Set<string>;
  /** Open streams using the channel. */
  inUse: number;
  /** Epoch ms, or undefined when the platform did not say. */
  expiresAt: number | undefined;
}

/** The channels one client created, least recently used first (Map insertion order). */
export class ChannelTracker {
  readonly #channels = new Map<string, TrackedChannel>();

  /** Channels still alive (expired ones are dropped first). */
  get size(): number {
    this.#sweep();
    return this.#channels.size;
  }

  /** The ids of the channels still alive, least recently used first. */
  ids(): string[] {
    this.#sweep();
    return [...this.#channels.keys()];
  }

  /**
   * Call before creating a channel. At the limit: forgets the least recently used channel not in use
   * (the platform will evict it) and returns a warning; throws ChannelLimitError when all are in use,
   * unless `allowEviction`.
   */
  beforeCreate(allowEviction: boolean): string | undefined {
    this.#sweep();
    if (this.#channels.size < MAX_CHANNELS_PER_CLIENT) return undefined;
    const idle = [...this.#channels].find(([, c]) => c.inUse === 0)?.[0];
    if (idle !== undefined) {
      this.#channels.delete(idle);
      return `this client already has ${MAX_CHANNELS_PER_CLIENT} notification channels; the platform will evict the least recently used one (${idle}, not in use by a stream)`;
    }
    const oldest = this.#channels.keys().next().value as string;
    if (!allowEviction) {
      throw new ChannelLimitError(
        `notifications.channels.create: all ${MAX_CHANNELS_PER_CLIENT} notification channels of this client are used by open streams; ` +
          `a new one would make the platform evict ${oldest}. Close a stream, reuse a channel, or pass allowEviction: true.`,
      );
    }
    this.#channels.delete(oldest);
    return `creating a notification channel beyond ${MAX_CHANNELS_PER_CLIENT}: the platform will evict ${oldest}, which an open stream is using`;
  }

  /** Records a channel this client just created (no topics, no stream yet). */
  created(id: string, expires: string | undefined): void {
    this.#channels.set(id, { topics: new Set(), inUse: 0, expiresAt: parseExpiry(expires) });
  }

  /** Marks the channel most recently used. */
  touch(id: string, expires?: string): TrackedChannel | undefined {
    const tracked = this.#channels.get(id);
    if (!tracked) return undefined;
    this.#channels.delete(id);
    this.#channels.set(id, tracked);
    if (expires !== undefined) tracked.expiresAt = parseExpiry(expires);
    return tracked;
  }

  /** How many topics the channel is subscribed to, or undefined for a channel not tracked. */
  topicCount(id: string): number | undefined {
    return this.#channels.get(id)?.topics.size;
  }

  /** The topics the channel is subscribed to (lower case), or undefined for a channel not tracked. */
  topicsOf(id: string): ReadonlySet<string> | undefined {
    return this.#channels.get(id)?.topics;
  }

  /** Records a subscription change (`add` to the topics, or `replace` them); it extends the channel's life. */
  setTopics(id: string, topics: Iterable<string>, mode: 'add' | 'replace'): void {
    const tracked = this.touch(id);
    if (!tracked) return;
    if (mode === 'replace') tracked.topics.clear();
    for (const t of topics) tracked.topics.add(t.toLowerCase());
    // Re-subscribing extends the channel's life (Genesys Cloud developer center, second-hand).
    tracked.expiresAt = Date.now() + CHANNEL_LIFETIME_MS;
  }

  /** An open stream starts using the channel (it is then not evicted by this client). */
  acquire(id: string): void {
    const tracked = this.touch(id);
    if (tracked) tracked.inUse++;
  }

  /** A stream stopped using the channel. */
  release(id: string): void {
    const tracked = this.#channels.get(id);
    if (tracked && tracked.inUse > 0) tracked.inUse--;
  }

  /** Stops tracking the channel (deleted, or known to be gone). */
  forget(id: string): void {
    this.#channels.delete(id);
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, c] of this.#channels)
      if (c.expiresAt !== undefined && c.expiresAt <= now && c.inUse === 0) this.#channels.delete(id);
  }
}

function parseExpiry(expires: string | undefined): number | undefined {
  if (expires === undefined) return undefined;
  const ms = Date.parse(expires);
  return Number.isNaN(ms) ? undefined : ms;
}

const trackers = new WeakMap<object, ChannelTracker>();

/** One tracker per client, shared by everything built on it. */
export function trackerFor(client: object): ChannelTracker {
  let tracker = trackers.get(client);
  if (!tracker) {
    tracker = new ChannelTracker();
    trackers.set(client, tracker);
  }
  return tracker;
}
