// Options, events and states of a notification stream, and what a stream needs from the client. Types only,
// so the resources can name them without loading the stream module.
import type { WebSocketConstructor } from '../../internal/websocket/types.js';
import type { ClientCore } from '../core/client-core.js';
import type { ChannelsResource, SubscriptionsResource } from './channels.js';

/** What a stream needs from the client: its channels, subscriptions, events and validation mode. */
export interface StreamHost {
  /** Checks and creates notification channels. */
  channels: Pick<ChannelsResource, 'exists' | 'create'>;
  /** Replaces a channel's topic subscriptions. */
  subscriptions: Pick<SubscriptionsResource, 'replace'>;
  /** Emits the client's events (e.g. validation issues of a notification). */
  emit: ClientCore['emit'];
  /** The client's validation mode: `strict`, `warn` or `off`. */
  validation: 'strict' | 'warn' | 'off';
  /** The client's `WebSocket` option. */
  WebSocket?: WebSocketConstructor | undefined;
}

/** How a notification stream reconnects after a connection loss. */
export interface ReconnectOptions {
  /** Attempts per outage before the stream fails. Default Infinity. */
  maxAttempts?: number;
  /** Backoff: step = min(maxMs, baseMs * 2^(n-1)), wait uniform in [step/2, step]. Default 1,000 / 30,000. */
  baseMs?: number;
  /** Longest wait between reconnect attempts, in ms. */
  maxMs?: number;
}

/** Options of `client.notifications.streams.open`. */
export interface OpenStreamOptions<T extends string = string> {
  /** Topic names (use the `topics` builders); at most 1,000. */
  topics: readonly T[];
  /** Aborting closes the stream; iteration ends. */
  signal?: AbortSignal;
  /** No message or heartbeat for this long means the connection is dead: reconnect. Default 90,000 ms (3 heartbeats). */
  heartbeatTimeoutMs?: number;
  /** Reconnect policy; false = the stream fails on the first connection loss. */
  reconnect?: false | ReconnectOptions;
  /** Re-subscribe (renewing the channel's 24 h lifetime) this long after the last subscription. Default 23 h. */
  renewAfterMs?: number;
  /**
   * A WHATWG WebSocket constructor. Default: the client's `WebSocket` option, else `globalThis.WebSocket`
   * (Node 22+, Deno, Bun, browsers). Node 20 has no global one: pass e.g. `WebSocket` from the `ws` package.
   */
  WebSocket?: WebSocketConstructor | undefined;
  /** Time allowed for the WebSocket to open. Default 30,000 ms. */
  connectTimeoutMs?: number;
  /** Keep going when some topics are rejected (see `rejectedTopics`). Default false: openStream throws a ValidationError. */
  allowRejectedTopics?: boolean;
  /** Passed to createChannel: allow a channel beyond 20 even if it evicts one in use. Default false. */
  allowEviction?: boolean;
  /** Events buffered for the async iterator; beyond this the oldest are dropped and 'error' is emitted. Default 10,000. */
  bufferSize?: number;
}

/** Why a stream reconnects. */
export type ReconnectReason =
  'connection-lost' | 'heartbeat-timeout' | 'socket-closing' | 'channel-gone' | 'connect-failed';

/** The events of a notification stream and their arguments: `stream.on(name, listener)`. */
export interface StreamEvents<E> {
  /** Connected and subscribed. After a reconnect, events sent in between were missed: re-read state you depend on. */
  connected: [{ channelId: string; reconnected: boolean; newChannel: boolean }];
  /** The connection was lost: attempt `attempt` starts after `delayMs`. */
  reconnecting: [{ attempt: number; delayMs: number; reason: ReconnectReason; error: unknown }];
  /** One notification, typed by its topic. */
  message: [E];
  /** The platform's heartbeat (about every 30 s). */
  heartbeat: [];
  /** Non-fatal problems (bad message, failed renewal, dropped events) and the final error of a failed stream. */
  error: [Error];
  /** The stream ended: closed by you, aborted through the signal, or failed (with the error). */
  closed: [{ reason: 'closed' | 'aborted' | 'failed'; error: Error | undefined }];
}

/** `connecting` until `streams.open` resolves; `reconnecting` while a reconnect loop runs. */
export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';
