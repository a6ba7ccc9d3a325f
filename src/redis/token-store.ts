// RedisTokenStore: one access token per OAuth client, shared by every process that uses the client. One
// process refreshes it under a short lock while the others wait and read it. A token is a credential: it is
// stored encrypted (AES-256-GCM, with a key the user gives) unless the user explicitly allows plain text.
// Processes configured differently (plain text vs encrypted) for one client are refused, never silently mixed:
// a value in the other mode is neither used nor overwritten (the write is a compare-and-set on Redis); the client
// then goes on with a token of its own and reports it (`sharedState` event, warning log).
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import type { StoredToken, TokenLockRelease, TokenStore } from '../transport/auth/token-store.js';
import { LOCK_SCRIPTS, RedisReplyError, flag, keyPart, lua, type ScriptRunner } from './adapter.js';
import { resolveStoreOptions, storeKeys, type RedisStoreOptions } from './options.js';

/** Options of `RedisTokenStore`. */
export interface RedisTokenStoreOptions extends RedisStoreOptions {
  /**
   * 32-byte key for AES-256-GCM: bytes, or a string in base64 or hex (e.g. `openssl rand -base64 32`). Every
   * process sharing the token needs the same key. Required unless `plaintext: true`.
   */
  encryptionKey?: Uint8Array | string;
  /** Store the token in clear text (only where Redis itself is private and encrypted). Default false. */
  plaintext?: boolean;
}

const SCRIPTS = {
  get: lua(`return redis.call('GET', KEYS[1])`),
  // Refuses (0) to replace a value stored in the other mode (ARGV[3]: that mode's prefix).
  set: lua(`local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 3) == ARGV[3] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`),
  del: lua(`return redis.call('DEL', KEYS[1])`),
};

/**
 * A `TokenStore` in Redis: one access token per OAuth client, shared by every process that uses it (one refreshes
 * under a short lock while the others wait and read it), encrypted with AES-256-GCM unless `plaintext: true`.
 */
export class RedisTokenStore implements TokenStore {
  readonly #runner: ScriptRunner;
  readonly #prefix: string;
  readonly #key: Buffer | undefined;

  /** @throws ValidationError naming a bad option (e.g. a missing encryption key, or one that is not 32 bytes). */
  constructor(options: RedisTokenStoreOptions) {
    let key: Buffer | undefined;
    const resolved = resolveStoreOptions('RedisTokenStore', options, storeKeys('encryptionKey', 'plaintext'), (o) => {
      const issues: ValidationIssue[] = [];
      if (o.plaintext !== undefined && typeof o.plaintext !== 'boolean')
        issues.push({ path: 'plaintext', message: 'must be a boolean' });
      if (o.encryptionKey !== undefined) {
        key = parseKey(o.encryptionKey);
        if (!key)
          issues.push({ path: 'encryptionKey', message: 'must be 32 bytes: a Uint8Array, or a base64 or hex string' });
        else if (o.plaintext === true)
          issues.push({ path: 'plaintext', message: 'cannot be true together with encryptionKey' });
      } else if (o.plaintext !== true) {
        issues.push({
          path: 'encryptionKey',
          message: 'is required to store tokens encrypted (or set plaintext: true to store them in clear text)',
        });
      }
      return issues;
    });
    this.#runner = resolved.runner;
    this.#prefix = resolved.prefix;
    this.#key = key;
  }

  /** The stored token, or undefined (also when it was stored in the other mode: plain text vs encrypted). */
  async get(key: string): Promise<StoredToken | undefined> {
    const redisKey = this.#redisKey(key);
    const value = await this.#runner.run(SCRIPTS.get, [redisKey], []);
    if (typeof value !== 'string' || value === '') return undefined;
    return this.#decode(value, redisKey);
  }

  /** Stores the token until it expires; never replaces a value stored in the other mode. */
  async set(key: string, token: StoredToken): Promise<void> {
    const ttl = Math.floor(token.expiresAt - Date.now());
    const redisKey = this.#redisKey(key);
    if (ttl <= 0 || token.accessToken === '') {
      await this.#runner.run(SCRIPTS.del, [redisKey], []);
      return;
    }
    const stored = await this.#runner.run(
      SCRIPTS.set,
      [redisKey],
      [this.#encode(token, redisKey), ttl, this.#key ? 'p1:' : 'g1:'],
    );
    const written = flag(stored);
    if (written === undefined)
      throw new RedisReplyError(
        `RedisTokenStore: unexpected reply to a write (${Array.isArray(stored) ? 'an array' : typeof stored})`,
      );
    if (written === 0) throw this.#mixedModes();
  }

  /** Removes the token (after the platform rejected it). */
  async delete(key: string): Promise<void> {
    await this.#runner.run(SCRIPTS.del, [this.#redisKey(key)], []);
  }

  /** SET NX PX under a random owner; the release deletes the lock only if this owner still holds it. */
  async lock(key: string, ttlMs: number): Promise<TokenLockRelease | undefined> {
    const lockKey = `${this.#prefix}token-lock:${keyPart(key)}`;
    const owner = randomUUID();
    const got = await this.#runner.run(LOCK_SCRIPTS.acquire, [lockKey], [owner, Math.max(1, Math.floor(ttlMs))]);
    if (flag(got) !== 1) return undefined;
    return async () => {
      await this.#runner.run(LOCK_SCRIPTS.release, [lockKey], [owner]);
    };
  }

  #redisKey(key: string): string {
    return `${this.#prefix}token:${keyPart(key)}`;
  }

  #encode(token: StoredToken, redisKey: string): string {
    const json = JSON.stringify({
      accessToken: token.accessToken,
      expiresAt: token.expiresAt,
      issuedAt: token.issuedAt,
    });
    if (!this.#key) return `p1:${json}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    // The Redis key is authenticated too: a value copied under another client's key does not decrypt.
    cipher.setAAD(Buffer.from(redisKey, 'utf8'));
    const data = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
    return `g1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
  }

  /** Another process stores this client's token in the other mode: refused, naming the option. */
  #mixedModes(): ValidationError {
    const [mine, theirs] = this.#key
      ? ['encrypted', 'in clear text (plaintext: true)']
      : ['in clear text (plaintext: true)', 'encrypted'];
    return new ValidationError('RedisTokenStore: processes sharing this client token disagree on how to store it', [
      {
        path: this.#key ? 'encryptionKey' : 'plaintext',
        message: `this process stores it ${mine}, another one ${theirs}; give every process the same setting (the shared token is not used or replaced meanwhile)`,
      },
    ]);
  }

  /** Throws for a value in the other mode or one that does not decrypt; undefined for a value that is not a token. */
  #decode(value: string, redisKey: string): StoredToken | undefined {
    let json: string;
    if (value.startsWith(this.#key ? 'p1:' : 'g1:')) throw this.#mixedModes();
    if (this.#key) {
      if (!value.startsWith('g1:')) return undefined;
      const [iv, tag, data] = value.slice(3).split(':');
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv ?? '', 'base64'));
        decipher.setAAD(Buffer.from(redisKey, 'utf8'));
        decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'));
        json = Buffer.concat([decipher.update(Buffer.from(data ?? '', 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new ValidationError('RedisTokenStore: the stored token does not decrypt', [
          {
            path: 'encryptionKey',
            message: 'differs from the key the token was stored with (every process must use the same key)',
          },
        ]);
      }
    } else {
      if (!value.startsWith('p1:')) return undefined;
      json = value.slice(3);
    }
    const t = safeParse(json) as Partial<StoredToken> | undefined;
    if (!t || typeof t.accessToken !== 'string' || typeof t.expiresAt !== 'number' || typeof t.issuedAt !== 'number')
      return undefined;
    return { accessToken: t.accessToken, expiresAt: t.expiresAt, issuedAt: t.issuedAt };
  }
}

function parseKey(value: unknown): Buffer | undefined {
  let key: Buffer | undefined;
  if (value instanceof Uint8Array) key = Buffer.from(value);
  else if (typeof value === 'string') {
    const s = value.trim();
    key = /^[0-9a-f]{64}$/i.test(s)
      ? Buffer.from(s, 'hex')
      : /^[A-Za-z0-9+/_-]+={0,2}$/.test(s)
        ? Buffer.from(s, 'base64')
        : undefined;
  }
  return key?.length === 32 ? key : undefined;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
