// The emulator's notification service (limits from Genesys Cloud developer center text, second-hand): channels per OAuth client (20, least-recently-used
// evicted, unconnected first), topic subscriptions (1,000 per channel), one WebSocket per channel,
// heartbeats, and publishing of events to the channels subscribed to a topic.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { OrgState } from '../state/org.js';
import { rejectUpgrade, ServerWebSocket, upgradeProblem } from './socket.js';
import { topicKey } from './topics.js';

/**
 * How the emulated notification service behaves: heartbeat period, channel lifetime, channel and topic limits, frame
 * size.
 */
export interface NotificationSettings {
  /** Heartbeat (`channel.metadata`) period on every connected socket. Default 30,000 ms. */
  heartbeatIntervalMs: number;
  /** A channel lives this long after creation or its last (re)subscription. Default 24 h. */
  channelLifetimeMs: number;
  /** Channels per OAuth client; creating one more evicts the least recently used. Default 20. */
  maxChannelsPerClient: number;
  /** Topics per channel. Default 1,000. */
  maxTopicsPerChannel: number;
  /** Split outgoing messages into WebSocket frames of this many bytes (exercises client reassembly). Default: no split. */
  fragmentSize: number | undefined;
}

/** The notification settings the emulator starts with (the platform's documented limits). */
export const DEFAULT_NOTIFICATION_SETTINGS: Readonly<NotificationSettings> = {
  heartbeatIntervalMs: 30_000,
  channelLifetimeMs: 24 * 60 * 60 * 1000,
  maxChannelsPerClient: 20,
  maxTopicsPerChannel: 1_000,
  fragmentSize: undefined,
};

export interface ChannelRecord {
  id: string;
  clientId: string;
  /** Token that created it (for `includechannels=token`). */
  token: string | undefined;
  /** Epoch ms on the org clock. */
  expiresAt: number;
  lastUsedAt: number;
  /** topicKey -> topic as the caller spelled it. */
  topics: Map<string, string>;
  socket: ServerWebSocket | undefined;
}

const CHANNEL_PATH = /^\/channels\/([^/?#]+)\/?$/;

function channelId(): string {
  // Real ids look like `streaming-0-fmtdmf8cdis7jh14udg5p89t6z`.
  return `streaming-0-${BigInt(`0x${randomBytes(16).toString('hex')}`)
    .toString(36)
    .padStart(25, '0')
    .slice(0, 26)}`;
}

export class NotificationHub {
  readonly settings: NotificationSettings = { ...DEFAULT_NOTIFICATION_SETTINGS };
  readonly #state: OrgState;
  readonly #wsBase: () => string;
  readonly #channels = new Map<string, ChannelRecord>();
  readonly #subscribeListeners = new Set<(topics: string[]) => void>();
  #heartbeat: NodeJS.Timeout | undefined;
  #closed = false;
  /** Event messages sent to subscribed channels so far (heartbeats and channel metadata aside). */
  published = 0;

  constructor(state: OrgState, wsBase: () => string) {
    this.#state = state;
    this.#wsBase = wsBase;
    this.#restartHeartbeat();
  }

  configure(settings: Partial<NotificationSettings>): void {
    Object.assign(this.settings, settings);
    this.#restartHeartbeat();
  }

  #now(): number {
    return this.#state.now().getTime();
  }

  // ---- channels ------------------------------------------------------------------------------------

  createChannel(clientId: string, token: string | undefined): ChannelRecord {
    const own = this.list(clientId);
    while (own.length >= this.settings.maxChannelsPerClient) {
      // Least recently used goes first, unconnected channels before connected ones.
      own.sort(
        (a, b) => Number(a.socket?.isOpen ?? false) - Number(b.socket?.isOpen ?? false) || a.lastUsedAt - b.lastUsedAt,
      );
      const victim = own.shift() as ChannelRecord;
      this.remove(victim.id, 'channel evicted: too many channels for this client');
    }
    const now = this.#now();
    const channel: ChannelRecord = {
      id: channelId(),
      clientId,
      token,
      expiresAt: now + this.settings.channelLifetimeMs,
      lastUsedAt: now,
      topics: new Map(),
      socket: undefined,
    };
    this.#channels.set(channel.id, channel);
    return channel;
  }

  /** The caller's live channel, or undefined (unknown, expired, or another client's). */
  get(id: string, clientId?: string): ChannelRecord | undefined {
    const channel = this.#channels.get(id);
    if (!channel) return undefined;
    if (channel.expiresAt <= this.#now()) {
      this.remove(id, 'channel expired');
      return undefined;
    }
    return clientId === undefined || channel.clientId === clientId ? channel : undefined;
  }

  /** Live channels of a client (optionally only those created with `token`), oldest first. */
  list(clientId: string, token?: string): ChannelRecord[] {
    return [...this.#channels.keys()]
      .map((id) => this.get(id, clientId))
      .filter((c): c is ChannelRecord => c !== undefined && (token === undefined || c.token === token));
  }

  all(): ChannelRecord[] {
    return [...this.#channels.keys()].map((id) => this.get(id)).filter((c): c is ChannelRecord => c !== undefined);
  }

  /** The platform's `Channel` model. */
  view(channel: ChannelRecord): { connectUri: string; id: string; expires: string } {
    return {
      connectUri: `${this.#wsBase()}/channels/${channel.id}`,
      id: channel.id,
      expires: new Date(channel.expiresAt).toISOString(),
    };
  }

  /** Applies permitted topics (add or replace); re-subscribing extends the channel's life. */
  setTopics(channel: ChannelRecord, topics: readonly string[], mode: 'add' | 'replace'): void {
    if (mode === 'replace') channel.topics.clear();
    for (const topic of topics) channel.topics.set(topicKey(topic), topic);
    const now = this.#now();
    channel.lastUsedAt = now;
    channel.expiresAt = now + this.settings.channelLifetimeMs;
    if (topics.length > 0) for (const listener of this.#subscribeListeners) listener([...topics]);
  }

  clearTopics(channel: ChannelRecord): void {
    channel.topics.clear();
    channel.lastUsedAt = this.#now();
  }

  /** Called with newly subscribed topics (the publisher snapshots state it will diff later). */
  onSubscribe(listener: (topics: string[]) => void): void {
    this.#subscribeListeners.add(listener);
  }

  remove(id: string, reason = 'channel removed'): boolean {
    const channel = this.#channels.get(id);
    if (!channel) return false;
    this.#channels.delete(id);
    channel.socket?.close(1000, reason);
    return true;
  }

  // ---- sockets -------------------------------------------------------------------------------------

  /** Handles an HTTP upgrade to `/channels/{id}`; anything else is refused. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.#closed) return void socket.destroy();
    const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
    const match = CHANNEL_PATH.exec(path);
    if (!match) return rejectUpgrade(socket, 404, 'Not Found', 'no WebSocket endpoint at this path');
    const problem = upgradeProblem(req);
    if (problem) return rejectUpgrade(socket, 400, 'Bad Request', problem);
    const channel = this.get(decodeURIComponent(match[1] as string));
    if (!channel) return rejectUpgrade(socket, 404, 'Not Found', 'channel not found or expired');
    // One connection per channel: the newest wins.
    channel.socket?.close(1008, 'replaced by a newer connection to this channel');
    const ws: ServerWebSocket = new ServerWebSocket(req, socket, head, {
      onText: (text) => this.#onClientText(ws, text),
      onClose: () => {
        if (channel.socket === ws) channel.socket = undefined;
      },
    });
    channel.socket = ws;
    channel.lastUsedAt = this.#now();
  }

  #onClientText(ws: ServerWebSocket, text: string): void {
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if ((message as { message?: unknown } | null)?.message === 'ping') {
      ws.sendText(
        JSON.stringify({ topicName: 'channel.metadata', eventBody: { message: 'pong' } }),
        this.settings.fragmentSize,
      );
    }
  }

  /** Sends an event to every connected channel subscribed to `topicName`; returns the number of sockets reached. */
  publish(topicName: string, eventBody: unknown): number {
    const key = topicKey(topicName);
    let sent = 0;
    for (const channel of this.all()) {
      if (!channel.socket?.isOpen || !channel.topics.has(key)) continue;
      const message = {
        topicName: channel.topics.get(key),
        version: '2',
        eventBody,
        metadata: { CorrelationId: randomUUID() },
      };
      if (channel.socket.sendText(JSON.stringify(message), this.settings.fragmentSize)) sent++;
    }
    this.published += sent;
    return sent;
  }

  /** Whether any channel is subscribed to the topic (publishers skip work otherwise). */
  hasSubscriber(topicName: string): boolean {
    const key = topicKey(topicName);
    return this.all().some((c) => c.topics.has(key));
  }

  heartbeat(): number {
    return this.#broadcast({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
  }

  /** The maintenance warning: `v2.system.socket_closing`, then the socket closes after `closeAfterMs`. */
  sendSocketClosing(closeAfterMs = 60_000): number {
    let sent = 0;
    for (const channel of this.all()) {
      const ws = channel.socket;
      if (!ws?.isOpen) continue;
      const eventBody = {
        channelId: channel.id,
        systemTopicType: 'socket_closing',
        message: 'This socket will close soon; reconnect.',
        reason: 'maintenance',
      };
      ws.sendText(
        JSON.stringify({ topicName: 'v2.system.socket_closing', eventBody, metadata: { CorrelationId: randomUUID() } }),
        this.settings.fragmentSize,
      );
      setTimeout(() => ws.close(1001, 'going away'), closeAfterMs).unref();
      sent++;
    }
    return sent;
  }

  /** Drops every WebSocket without a close frame (channels and subscriptions survive). */
  dropConnections(): number {
    let dropped = 0;
    for (const channel of this.#channels.values()) {
      if (!channel.socket) continue;
      channel.socket.destroy();
      channel.socket = undefined;
      dropped++;
    }
    return dropped;
  }

  connectionCount(): number {
    return this.all().filter((c) => c.socket?.isOpen).length;
  }

  close(): void {
    this.#closed = true;
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.dropConnections();
  }

  #broadcast(message: unknown): number {
    const text = JSON.stringify(message);
    let sent = 0;
    for (const channel of this.all()) if (channel.socket?.sendText(text, this.settings.fragmentSize)) sent++;
    return sent;
  }

  #restartHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    if (this.#closed) return;
    this.#heartbeat = setInterval(() => this.heartbeat(), this.settings.heartbeatIntervalMs);
    this.#heartbeat.unref();
  }
}
