// NotificationStream: a managed notification channel. Creates a channel, connects its WebSocket, subscribes,
// and keeps it alive: heartbeat watchdog, proactive reconnect on v2.system.socket_closing, reconnect with
// backoff on close/error (a new channel when HEAD says the old one is gone, then re-subscribe), renewal of
// the subscription before the channel's 24 h expiry. Loaded by dynamic import from client.notifications.streams.open.
import { EventEmitter } from 'eventemitter3';
import {
  ConnectionError,
  GenesysError,
  RequestAbortedError,
  ValidationError,
  isGenesysApiError,
  isValidationError,
} from '../../errors/index.js';
import type {
  WebSocketConstructor,
  WebSocketLike,
  WebSocketMessageEventLike,
  WebSocketCloseEventLike,
} from '../../internal/websocket/types.js';
import { sleep } from '../../internal/sleep.js';
import { backoffDelay } from '../../transport/retry.js';
import { NotificationMessageSchema, type Channel, type ChannelTopic } from '../schemas/notifications.js';
import type { OpenStreamOptions, ReconnectReason, StreamEvents, StreamHost, StreamState } from './stream-types.js';
import { openSocket, resolveWebSocket, waitForClose } from './connect.js';
import { EventQueue } from './event-queue.js';
import { HEARTBEAT_TOPIC, SOCKET_CLOSING_TOPIC, decodeNotification } from '../webhooks/decode.js';
import { ChannelLimitError, type ChannelTracker } from './limits.js';
import type { NotificationEvent } from '../webhooks/topics.js';
import { safeParse } from '../../internal/parse.js';

const OPEN = 1;
const RENEW_RETRY_MS = 60_000;

/** A live notification stream: `for await (const event of stream)` and/or `stream.on('message', ...)`. */
export class NotificationStream<E extends NotificationEvent = NotificationEvent>
  extends EventEmitter<StreamEvents<E>>
  implements AsyncIterable<E>
{
  /** The topics the stream subscribed to. */
  readonly topics: readonly string[];
  #rejected: ChannelTopic[] = [];
  #state: StreamState = 'connecting';
  #channel: Channel | undefined;
  #ws: WebSocketLike | undefined;
  #detach: (() => void) | undefined;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #renewal: ReturnType<typeof setTimeout> | undefined;
  #reconnecting: Promise<void> | undefined;
  #reconnects = 0;
  readonly #queue: EventQueue<E>;
  #iterating = false;
  readonly #internal = new AbortController();
  readonly #signal: AbortSignal;
  readonly #onAbort = () => void this.#shutdown('aborted');

  private constructor(
    private readonly host: StreamHost,
    private readonly tracker: ChannelTracker,
    private readonly WebSocketCtor: WebSocketConstructor,
    private readonly options: OpenStreamOptions,
  ) {
    super();
    this.topics = [...new Map(options.topics.map((t) => [t.toLowerCase(), t])).values()];
    this.#signal = options.signal ? AbortSignal.any([options.signal, this.#internal.signal]) : this.#internal.signal;
    this.#queue = new EventQueue<E>(options.bufferSize ?? 10_000);
  }

  /** @internal Use `client.notifications.streams.open()`. */
  static async open<E extends NotificationEvent>(
    host: StreamHost,
    tracker: ChannelTracker,
    options: OpenStreamOptions,
  ): Promise<NotificationStream<E>> {
    if (options.signal?.aborted)
      throw new RequestAbortedError('notifications.streams.open: aborted by the caller', {
        cause: options.signal.reason,
      });
    const stream = new NotificationStream<E>(
      host,
      tracker,
      resolveWebSocket(options.WebSocket, host.WebSocket),
      options,
    );
    options.signal?.addEventListener('abort', stream.#onAbort, { once: true });
    try {
      await stream.#establish(false);
    } catch (error) {
      await stream.#shutdown(options.signal?.aborted ? 'aborted' : 'closed');
      if (options.signal?.aborted && !(error instanceof RequestAbortedError))
        throw new RequestAbortedError('notifications.streams.open: aborted by the caller', {
          cause: options.signal.reason,
        });
      throw error;
    }
    return stream;
  }

  /** The channel in use (changes when a reconnect had to create a new one). */
  get channel(): Channel | undefined {
    return this.#channel;
  }

  /** `connecting`, `open`, `reconnecting` or `closed`. */
  get state(): StreamState {
    return this.#state;
  }

  /** Topics the platform refused (only with `allowRejectedTopics`). */
  get rejectedTopics(): readonly ChannelTopic[] {
    return this.#rejected;
  }

  /** Successful reconnects so far. */
  get reconnects(): number {
    return this.#reconnects;
  }

  /**
   * Closes the WebSocket and ends iteration. The channel stays on the platform until it expires.
   *
   * @example
   * const stream = await client.notifications.streams.open({ topics });
   * setTimeout(() => void stream.close(), 60_000);
   */
  async close(): Promise<void> {
    await this.#shutdown('closed');
  }

  /** Iterates events; ends on close()/abort, throws the error of a failed stream. Breaking out closes the stream. */
  [Symbol.asyncIterator](): AsyncIterator<E> {
    this.#iterating = true;
    return {
      next: () => this.#queue.next(),
      return: async () => {
        await this.close();
        return { value: undefined, done: true };
      },
    };
  }

  // ---- connection lifecycle -------------------------------------------------------------------------

  /** Channel (existing, else new) -> WebSocket -> subscriptions. Throws when any step fails. */
  async #establish(reconnect: boolean): Promise<void> {
    const signal = this.#signal;
    let channel = this.#channel;
    let newChannel = false;
    if (channel && !(await this.host.channels.exists(channel.id, { signal }))) {
      this.tracker.release(channel.id);
      channel = undefined;
    }
    if (!channel) {
      channel = await this.host.channels.create({ signal, allowEviction: this.options.allowEviction });
      this.tracker.acquire(channel.id);
      newChannel = true;
      this.#channel = channel;
    }
    const ws = await openSocket(
      this.WebSocketCtor,
      channel.connectUri,
      this.options.connectTimeoutMs ?? 30_000,
      signal,
    );
    this.#swapSocket(ws);
    try {
      const results = await this.host.subscriptions.replace(channel.id, this.topics, { signal, ignoreErrors: true });
      this.#checkRejected(results, reconnect);
    } catch (error) {
      const dropped = this.#dropSocket();
      if (dropped) await waitForClose(dropped, 1_000);
      throw error;
    }
    if (ws.readyState !== OPEN) {
      this.#dropSocket();
      throw new ConnectionError('notifications.stream: the WebSocket closed while subscribing', {
        operation: 'notifications.stream',
      });
    }
    if (this.#isClosed()) return;
    this.#state = 'open';
    if (reconnect) this.#reconnects++;
    this.#resetWatchdog();
    this.#scheduleRenewal(this.options.renewAfterMs ?? 23 * 60 * 60 * 1000);
    this.emit('connected', { channelId: channel.id, reconnected: reconnect, newChannel });
  }

  #checkRejected(results: ChannelTopic[], reconnect: boolean): void {
    const rejected = results.filter((t) => t.state === 'Rejected');
    this.#rejected = rejected;
    if (rejected.length === 0) return;
    const issues = rejected.map((t) => ({
      path: `topics[${this.topics.findIndex((x) => x.toLowerCase() === t.id.toLowerCase())}]`,
      message: `${t.id} rejected: ${t.rejectionReason ?? 'no reason given'}${t.missingPermissions?.length ? ` (missing permissions: ${t.missingPermissions.join(', ')})` : ''}`,
    }));
    const error = new ValidationError('notifications.streams.open: topics rejected by the platform', issues, {
      operation: 'notifications.stream',
    });
    if (rejected.length >= this.topics.length || (!this.options.allowRejectedTopics && !reconnect)) throw error;
    this.emit('error', error);
  }

  /** Makes `ws` the current socket; the previous one (if any) is detached and closed. */
  #swapSocket(ws: WebSocketLike): void {
    this.#dropSocket();
    const onMessage = (event: WebSocketMessageEventLike) => this.#onMessage(event.data);
    const onClose = (event: WebSocketCloseEventLike) => this.#onSocketClosed(ws, event);
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', onClose);
    this.#ws = ws;
    this.#detach = () => {
      ws.removeEventListener('message', onMessage);
      ws.removeEventListener('close', onClose);
    };
  }

  #dropSocket(): WebSocketLike | undefined {
    const ws = this.#ws;
    this.#detach?.();
    this.#detach = undefined;
    this.#ws = undefined;
    if (ws && ws.readyState < 2) {
      try {
        ws.close(1000, 'client closing');
      } catch {
        // a socket that failed to open may refuse close()
      }
    }
    return ws;
  }

  #onSocketClosed(ws: WebSocketLike, event: WebSocketCloseEventLike): void {
    // While (re)connecting, #establish notices a dead socket itself.
    if (ws !== this.#ws || this.#state !== 'open') return;
    void this.#reconnect(
      'connection-lost',
      new ConnectionError(`notifications.stream: WebSocket closed (code ${event.code})`, {
        operation: 'notifications.stream',
      }),
    );
  }

  #onMessage(data: unknown): void {
    this.#resetWatchdog();
    if (typeof data !== 'string') return;
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      this.emit(
        'error',
        new GenesysError('notifications.stream: received a message that is not JSON', {
          operation: 'notifications.stream',
        }),
      );
      return;
    }
    const parsed = safeParse(NotificationMessageSchema(), raw);
    if (!parsed.success) {
      this.emit(
        'error',
        ValidationError.fromZod('notifications.stream: malformed notification', parsed.error, '', {
          operation: 'notifications.stream',
        }),
      );
      return;
    }
    const message = parsed.data;
    if (message.topicName === HEARTBEAT_TOPIC) {
      this.emit('heartbeat');
      return;
    }
    if (message.topicName === SOCKET_CLOSING_TOPIC) {
      void this.#reconnect('socket-closing', undefined);
      return;
    }
    const { event, issue } = decodeNotification(message, 'notifications.stream');
    if (issue) {
      const mode = this.host.validation;
      if (mode === 'strict') {
        this.emit('error', issue);
        return;
      }
      if (mode === 'warn')
        this.host.emit('validationIssue', {
          operation: 'notifications.stream',
          issues: issue.issues,
          correlationId: event.metadata.CorrelationId,
        });
    }
    this.#deliver(event as E);
  }

  #deliver(event: E): void {
    // Emitter-only consumers never read the buffer: dropping silently is right for them.
    if (!this.#queue.push(event) && this.#iterating) {
      this.emit(
        'error',
        new GenesysError(
          `notifications.stream: more than ${this.options.bufferSize ?? 10_000} events buffered; dropped the oldest (iterate faster or raise bufferSize)`,
        ),
      );
    }
    this.emit('message', event);
  }

  /** One reconnect loop at a time; resolves when connected again, closed, or failed. */
  #reconnect(reason: ReconnectReason, error: unknown): Promise<void> {
    if (this.#state === 'closed') return Promise.resolve();
    if (this.#reconnecting) return this.#reconnecting;
    if (this.options.reconnect === false) {
      return this.#shutdown(
        'failed',
        error instanceof Error
          ? error
          : new ConnectionError(`notifications.stream: connection lost (${reason}) and reconnect is off`),
      );
    }
    const { maxAttempts = Infinity, baseMs = 1_000, maxMs = 30_000 } = this.options.reconnect ?? {};
    this.#state = 'reconnecting';
    this.#clearTimers();
    // socket_closing: the old socket still works; keep it until the new one is up (no gap).
    if (reason !== 'socket-closing') this.#dropSocket();
    this.#reconnecting = (async () => {
      let lastError = error;
      let why = reason;
      for (let attempt = 1; ; attempt++) {
        const delayMs = attempt === 1 && why === 'socket-closing' ? 0 : backoffDelay(attempt, baseMs, maxMs);
        this.emit('reconnecting', { attempt, delayMs, reason: why, error: lastError });
        try {
          await sleep(delayMs, this.#signal);
        } catch {
          return; // closed or aborted while waiting
        }
        if (this.#isClosed()) return;
        try {
          await this.#establish(true);
          return;
        } catch (e) {
          if (this.#isClosed()) return;
          lastError = e;
          why = 'connect-failed';
          if (attempt >= maxAttempts || !isRetryable(e)) {
            const final =
              e instanceof Error && !(e instanceof ConnectionError)
                ? e
                : new ConnectionError(`notifications.stream: could not reconnect after ${attempt} attempt(s)`, {
                    operation: 'notifications.stream',
                    cause: e,
                  });
            await this.#shutdown('failed', final);
            return;
          }
        }
      }
    })().finally(() => {
      this.#reconnecting = undefined;
    });
    return this.#reconnecting;
  }

  #resetWatchdog(): void {
    if (this.#watchdog) clearTimeout(this.#watchdog);
    this.#watchdog = undefined;
    if (this.#state !== 'open') return;
    const ms = this.options.heartbeatTimeoutMs ?? 90_000;
    this.#watchdog = setTimeout(
      () =>
        void this.#reconnect(
          'heartbeat-timeout',
          new ConnectionError(`notifications.stream: no message or heartbeat for ${ms} ms`),
        ),
      ms,
    );
  }

  #scheduleRenewal(ms: number): void {
    if (this.#renewal) clearTimeout(this.#renewal);
    this.#renewal = setTimeout(() => void this.#renew(), Math.min(ms, 2 ** 31 - 1));
  }

  /** Re-subscribes the same topics, which renews the channel's lifetime. */
  async #renew(): Promise<void> {
    const channel = this.#channel;
    if (this.#state !== 'open' || !channel) return;
    try {
      await this.host.subscriptions.replace(channel.id, this.topics, { signal: this.#signal, ignoreErrors: true });
      this.#scheduleRenewal(this.options.renewAfterMs ?? 23 * 60 * 60 * 1000);
    } catch (error) {
      if (this.#isClosed()) return;
      if (isGenesysApiError(error) && error.status === 404) {
        void this.#reconnect('channel-gone', error);
        return;
      }
      this.emit('error', error instanceof Error ? error : new GenesysError(String(error)));
      this.#scheduleRenewal(Math.min(RENEW_RETRY_MS, this.options.renewAfterMs ?? RENEW_RETRY_MS));
    }
  }

  /** Reads the state afresh (TypeScript would keep a narrowing from before an await). */
  #isClosed(): boolean {
    return this.#state === 'closed';
  }

  #clearTimers(): void {
    if (this.#watchdog) clearTimeout(this.#watchdog);
    if (this.#renewal) clearTimeout(this.#renewal);
    this.#watchdog = undefined;
    this.#renewal = undefined;
  }

  async #shutdown(reason: 'closed' | 'aborted' | 'failed', error?: Error): Promise<void> {
    if (this.#isClosed()) return;
    this.#state = 'closed';
    this.#internal.abort(new RequestAbortedError('notifications.stream: closed'));
    this.options.signal?.removeEventListener('abort', this.#onAbort);
    this.#clearTimers();
    const ws = this.#dropSocket();
    if (this.#channel) this.tracker.release(this.#channel.id);
    if (reason === 'failed' && error) {
      this.#queue.fail(error);
      this.emit('error', error);
    } else {
      this.#queue.end(true);
    }
    this.emit('closed', { reason, error });
    if (ws) await waitForClose(ws, 1_000);
  }
}

/** Auth, permission and validation failures will not fix themselves by retrying (the transport already retried a 401 once). */
function isRetryable(error: unknown): boolean {
  if (isValidationError(error) || error instanceof ChannelLimitError) return false;
  if (isGenesysApiError(error))
    return error.status === 404 || error.status === 408 || error.status === 429 || error.status >= 500;
  return true;
}
