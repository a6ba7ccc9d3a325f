// Where access tokens live between calls. Memory by default; a serverless function can plug in its own
// store (e.g. a warm-container global or a KV store) so cold and warm starts reuse one token.

export interface StoredToken {
  accessToken: string;
  /** Epoch ms when the platform stops accepting the token. */
  expiresAt: number;
  /** Epoch ms when it was issued (used to refresh before expiry as a fraction of the lifetime). */
  issuedAt: number;
}

export interface TokenStore {
  get(key: string): StoredToken | undefined | Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken): void | Promise<void>;
  delete?(key: string): void | Promise<void>;
}

/** The default store: a Map owned by one client (never shared between clients). */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, StoredToken>();
  get(key: string): StoredToken | undefined {
    return this.#tokens.get(key);
  }
  set(key: string, token: StoredToken): void {
    this.#tokens.set(key, token);
  }
  delete(key: string): void {
    this.#tokens.delete(key);
  }
}
