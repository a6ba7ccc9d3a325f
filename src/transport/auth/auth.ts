// OAuth client credentials: POST https://login.<domain>/oauth/token with Basic auth and a form body.
// One token per client, refreshed before expiry, one in-flight refresh shared by every caller. With a store
// that can lock (shared by several processes), one process refreshes while the others wait and read its token.
// The store key binds the token to the credentials, not only the client id: `<login>|<clientId>|<binding>`, the
// binding being an HMAC-SHA256 keyed with the client secret. A process with a wrong secret looks under another
// key, so it never uses the token of the right one (a store that encrypts, like RedisTokenStore, also
// authenticates the key along with the token).
import { AuthenticationError, GenesysApiError } from '../../errors/index.js';
import { sleep } from '../../internal/sleep.js';
import type { HttpSender } from '../http.js';
import type { Redactor } from '../redaction/redact.js';
import { FallbackTokenStore, type StoredToken, type TokenStore } from './token-store.js';
import type { SharedStateEvent, TokenRefreshedEvent } from '../../client/events.js';

export interface ClientCredentialsOptions {
  clientId: string;
  clientSecret: string;
  loginBaseUrl: string;
  store: TokenStore;
  send: HttpSender;
  redactor: Redactor;
  timeoutMs: number;
  onRefreshed: (event: TokenRefreshedEvent) => void;
  /** The store failed (the client goes on with a token in memory) or works again. */
  onSharedState?: (event: SharedStateEvent) => void;
  /** Refresh once this share of the token's lifetime has passed (default 0.9). */
  refreshAt?: number;
  now?: () => number;
  /** With a locking store: how long the refresh lock is held at most, and how long others wait for its token. */
  lockTtlMs?: number;
  lockWaitMs?: number;
}

/** How often a process waiting for another one's refresh reads the store: 25 ms at first, doubling up to 400 ms
 * (about 20 polls in the default 5 s wait, whatever a remote store answers). */
const LOCK_POLL_MS = 25;
const MAX_LOCK_POLL_MS = 400;

export class ClientCredentialsAuth {
  readonly #opts: ClientCredentialsOptions;
  /** The store key, computed once (WebCrypto's HMAC is asynchronous). */
  #key: Promise<string> | undefined;
  readonly #store: FallbackTokenStore;
  /** The last token the platform rejected (401): never taken from the store again. */
  #rejected: string | undefined;
  #inflight: Promise<StoredToken> | undefined;
  /** The token this client last read or fetched, so the hot path skips a (possibly remote) store read. */
  #cached: StoredToken | undefined;

  constructor(opts: ClientCredentialsOptions) {
    this.#opts = opts;
    this.#store = new FallbackTokenStore(opts.store, (event) => opts.onSharedState?.(event));
    opts.redactor.add(opts.clientSecret);
  }

  /** The cached token when it is still fresh; undefined when the store or the token endpoint must be asked. */
  peek(): string | undefined {
    const cached = this.#cached;
    return cached && this.#now() < this.#refreshTime(cached) ? cached.accessToken : undefined;
  }

  async token(signal?: AbortSignal, reasonIfMissing: TokenRefreshedEvent['reason'] = 'initial'): Promise<string> {
    const fresh = this.peek();
    if (fresh) return fresh;
    const key = await this.#storeKey();
    const now = this.#now();
    const current = await this.#store.get(key);
    this.#cached = current;
    if (current && this.#usable(current, now)) {
      this.#opts.redactor.add(current.accessToken);
      return current.accessToken;
    }
    try {
      const fresh = await this.#refresh(current ? 'expiring' : reasonIfMissing, signal);
      return fresh.accessToken;
    } catch (error) {
      // A refresh that fails while the old token is still valid is not fatal yet.
      if (current && this.#now() < current.expiresAt - 1_000 && !(error instanceof AuthenticationError))
        return current.accessToken;
      throw error;
    }
  }

  /** The platform rejected `accessToken` (401): forget it, unless a newer token already replaced it. */
  async invalidate(accessToken: string): Promise<void> {
    if (this.#cached?.accessToken === accessToken) this.#cached = undefined;
    this.#rejected = accessToken;
    const key = await this.#storeKey();
    const current = await this.#store.get(key);
    if (!current || current.accessToken === accessToken) await this.#store.delete(key);
  }

  /** `<loginBaseUrl>|<clientId>|<binding>`: the binding is HMAC-SHA256(secret, login and client id), base64url. */
  #storeKey(): Promise<string> {
    this.#key ??= credentialBinding(this.#opts.loginBaseUrl, this.#opts.clientId, this.#opts.clientSecret).then(
      (binding) => `${this.#opts.loginBaseUrl}|${this.#opts.clientId}|${binding}`,
    );
    return this.#key;
  }

  #usable(token: StoredToken, now = this.#now()): boolean {
    return token.accessToken !== '' && token.accessToken !== this.#rejected && now < this.#refreshTime(token);
  }

  #refreshTime(token: StoredToken): number {
    const share = this.#opts.refreshAt ?? 0.9;
    return token.issuedAt + (token.expiresAt - token.issuedAt) * share;
  }

  #now(): number {
    return this.#opts.now?.() ?? Date.now();
  }

  #refresh(reason: TokenRefreshedEvent['reason'], signal?: AbortSignal): Promise<StoredToken> {
    // Callers share one request; a caller's abort only detaches that caller, not the shared refresh.
    this.#inflight ??= this.#refreshOnce(reason).finally(() => {
      this.#inflight = undefined;
    });
    return raceAbort(this.#inflight, signal);
  }

  /**
   * With a locking store, only the lock holder asks the token endpoint; the others poll the store for its
   * token. A holder that dies lets its lock expire; a wait beyond lockWaitMs fetches regardless.
   */
  async #refreshOnce(reason: TokenRefreshedEvent['reason']): Promise<StoredToken> {
    if (!this.#store.canLock) return this.#fetchToken(reason);
    const key = await this.#storeKey();
    const deadline = Date.now() + (this.#opts.lockWaitMs ?? 5_000);
    for (let poll = LOCK_POLL_MS; ; poll = Math.min(MAX_LOCK_POLL_MS, poll * 2)) {
      const release = await this.#store.lock(key, this.#opts.lockTtlMs ?? 10_000);
      if (release) {
        try {
          const current = await this.#store.get(key);
          if (current && this.#usable(current)) return this.#adopt(current);
          return await this.#fetchToken(reason);
        } finally {
          await release().catch(() => undefined);
        }
      }
      await sleep(Math.max(1, Math.min(poll, deadline - Date.now())));
      const current = await this.#store.get(key);
      if (current && this.#usable(current)) return this.#adopt(current);
      if (Date.now() >= deadline) return this.#fetchToken(reason);
    }
  }

  #adopt(token: StoredToken): StoredToken {
    this.#opts.redactor.add(token.accessToken);
    this.#cached = token;
    return token;
  }

  async #fetchToken(reason: TokenRefreshedEvent['reason']): Promise<StoredToken> {
    const { clientId, clientSecret, loginBaseUrl, send, timeoutMs } = this.#opts;
    const url = `${loginBaseUrl}/oauth/token`;
    const basic = Buffer.from(`${clientId}:${clientSecret}`, 'utf8').toString('base64');
    this.#opts.redactor.add(basic);
    // The same credentials as RFC 6749 section 2.3.1 encodes them (a server may echo either form).
    this.#opts.redactor.add(basicCredentials(clientId, clientSecret));
    const issuedAt = this.#now();
    const result = await send({
      url,
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: { grant_type: 'client_credentials' },
      timeoutMs,
      operation: 'oauth.token',
      safeUrl: url,
    });
    const data = (result.data ?? {}) as Record<string, unknown>;
    if (result.status >= 400 || typeof data.access_token !== 'string') {
      const oauthError = typeof data.error === 'string' ? data.error : undefined;
      const description =
        (typeof data.error_description === 'string' && data.error_description) ||
        (typeof data.description === 'string' && data.description) ||
        (result.status < 400 ? 'token response had no access_token' : undefined);
      throw GenesysApiError.fromResponse({
        status: result.status >= 400 ? result.status : 502,
        code: oauthError === undefined ? undefined : this.#opts.redactor.text(oauthError),
        // An error_description may echo what was sent (the secret, raw or URL-encoded): redact before it
        // becomes the message, and with it the stack.
        message: description ? this.#opts.redactor.text(description) : undefined,
        body: this.#opts.redactor.value(data),
        operation: 'oauth.token',
        method: 'POST',
        url,
        correlationId: result.headers.get('inin-correlation-id') ?? undefined,
      });
    }
    const expiresIn = tokenLifetimeSeconds(data.expires_in);
    const token: StoredToken = { accessToken: data.access_token, issuedAt, expiresAt: issuedAt + expiresIn * 1000 };
    this.#opts.redactor.add(token.accessToken);
    await this.#store.set(await this.#storeKey(), token);
    this.#cached = token;
    this.#opts.onRefreshed({ reason, expiresAt: token.expiresAt });
    return token;
  }
}

/**
 * The credentials' part of the token store key: HMAC-SHA256 keyed with the client secret over the login URL and
 * client id (base64url). It reveals nothing usable about a high-entropy secret, and differs for a wrong one.
 */
export async function credentialBinding(loginBaseUrl: string, clientId: string, clientSecret: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(`genesys-routing-sdk token binding v1|${loginBaseUrl}|${clientId}`),
  );
  return Buffer.from(mac).toString('base64url');
}

/** Shortest lifetime the client believes (s): below it, a server's expires_in would mean a token request per call. */
export const MIN_TOKEN_LIFETIME_SECONDS = 60;
/** Longest (s): a year; beyond it a bogus value would only overflow the store's dates. */
const MAX_TOKEN_LIFETIME_SECONDS = 365 * 86_400;

/**
 * expires_in as the client uses it: the platform's value (default 86,400 s when absent) held to
 * [60 s, 1 year]. A token the platform rejects earlier is refreshed on its 401, as always.
 */
export function tokenLifetimeSeconds(expiresIn: unknown): number {
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0) return 86_400;
  return Math.min(MAX_TOKEN_LIFETIME_SECONDS, Math.max(MIN_TOKEN_LIFETIME_SECONDS, expiresIn));
}

function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Basic credentials as RFC 6749 section 2.3.1 writes them: base64 of form-encoded id, a colon, form-encoded secret. */
function basicCredentials(clientId: string, clientSecret: string): string {
  const form = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return Buffer.from(`${form(clientId)}:${form(clientSecret)}`, 'utf8').toString('base64');
}
