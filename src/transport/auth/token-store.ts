// Where access tokens live between calls. Memory by default; a serverless function can plug in its own
// store (e.g. a warm-container global or a KV store) so cold and warm starts reuse one token, and several
// processes can share one token through a store with a `lock` (e.g. RedisTokenStore).
import type { SharedStateEvent } from '../../client/events.js';

/** An access token as a `TokenStore` keeps it. */
export interface StoredToken {
  /** The bearer token. */
  accessToken: string;
  /** Epoch ms when the platform stops accepting the token. */
  expiresAt: number;
  /** Epoch ms when it was issued (used to refresh before expiry as a fraction of the lifetime). */
  issuedAt: number;
}

/** Gives a lock back. */
export type TokenLockRelease = () => Promise<void>;

/**
 * Where access tokens live between calls (the client option `tokenStore`). Methods may be synchronous or return
 * promises.
 */
export interface TokenStore {
  /** The token stored under `key`, or undefined. */
  get(key: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  /** Stores the token under `key` (the key identifies the OAuth client and login host). */
  set(key: string, token: StoredToken): void | Promise<void>;
  /** Removes the token under `key` (after the platform rejected it). */
  delete?(key: string): void | Promise<void>;
  /**
   * Optional, for stores shared by several processes: a short exclusive lock on `key`, so only one of them asks
   * the token endpoint while the others wait and read the token it stores. Resolves to a release function, or
   * undefined when another holder has the lock. The lock must expire by itself after `ttlMs`.
   */
  lock?(key: string, ttlMs: number): Promise<TokenLockRelease | undefined>;
}

/** The default store: a Map owned by one client (never shared between clients). */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, StoredToken>();
  /** The token stored under `key`, or undefined. */
  get(key: string): StoredToken | undefined {
    return this.#tokens.get(key);
  }
  /** Stores the token under `key`. */
  set(key: string, token: StoredToken): void {
    this.#tokens.set(key, token);
  }
  /** Removes the token under `key`. */
  delete(key: string): void {
    this.#tokens.delete(key);
  }
}

/** How long a failed store is left alone before the client tries it again. */
const RETRY_STORE_AFTER_MS = 5_000;

/**
 * Wraps the client's store: when it throws (a remote store that is down), the client keeps its token in memory
 * and reports it once, tries the store again after a few seconds, and reports when it works again.
 */
export class FallbackTokenStore {
  readonly #store: TokenStore;
  readonly #memory = new MemoryTokenStore();
  readonly #onSharedState: (event: SharedStateEvent) => void;
  /** Epoch ms until which the store is skipped; 0 while it works. */
  #downUntil = 0;
  #down = false;

  constructor(store: TokenStore, onSharedState: (event: SharedStateEvent) => void) {
    this.#store = store;
    this.#onSharedState = onSharedState;
  }

  get canLock(): boolean {
    return typeof this.#store.lock === 'function' && !this.#skipping();
  }

  get(key: string): Promise<StoredToken | undefined> {
    return this.#call(
      () => this.#store.get(key),
      () => this.#memory.get(key),
    );
  }

  set(key: string, token: StoredToken): Promise<void> {
    this.#memory.set(key, token);
    return this.#call(
      () => this.#store.set(key, token),
      () => undefined,
    );
  }

  delete(key: string): Promise<void> {
    this.#memory.delete(key);
    const store = this.#store;
    return this.#call(
      () => (store.delete ? store.delete(key) : store.set(key, { accessToken: '', expiresAt: 0, issuedAt: 0 })),
      () => undefined,
    );
  }

  /** The store's lock; when the store is down, a lock of this process alone (it is the only one to ask). */
  lock(key: string, ttlMs: number): Promise<TokenLockRelease | undefined> {
    const noLock: TokenLockRelease = async () => {};
    return this.#call(
      () => this.#store.lock?.(key, ttlMs) ?? noLock,
      () => noLock,
    );
  }

  #skipping(): boolean {
    return this.#down && Date.now() < this.#downUntil;
  }

  async #call<T>(remote: () => T | Promise<T>, local: () => T): Promise<T> {
    if (this.#skipping()) return local();
    try {
      const value = await remote();
      if (this.#down) {
        this.#down = false;
        this.#onSharedState({ component: 'tokenStore', state: 'restored' });
      }
      return value;
    } catch (error) {
      this.#downUntil = Date.now() + RETRY_STORE_AFTER_MS;
      if (!this.#down) {
        this.#down = true;
        this.#onSharedState({
          component: 'tokenStore',
          state: 'fallback',
          reason: error instanceof Error ? error.message : String(error),
        });
      }
      return local();
    }
  }
}
