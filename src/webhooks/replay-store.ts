// The seen-delivery-id store of webhook receivers. Its contract is ONE atomic step, `claim(id, until)`: true only
// for the first caller while the claim lasts. A separate "has it been seen?" then "remember it" (the old has/add
// shape) lets every parallel copy of a delivery pass between the two steps; that shape still works for a
// deprecation period (atomic within one process only) and warns once.
import { ValidationError } from '../errors/index.js';
import { keysOf, rejectUnknownKeys } from '../internal/unknown-keys.js';

/** Remembers delivery ids until they expire. Implement it over Redis/DynamoDB to share it between instances. */
export interface ReplayStore {
  /**
   * Claims `deliveryId` until `expiresAt` (epoch ms), in one atomic step: resolves true only for the first
   * claimer while the claim lasts (e.g. Redis `SET key 1 NX PX ttl`, DynamoDB `attribute_not_exists`).
   */
  claim(deliveryId: string, expiresAt: number): boolean | Promise<boolean>;
  /** Gives a claim back (processing failed), so the sender's retry of the delivery is processed. */
  release?(deliveryId: string): void | Promise<void>;
}

/**
 * The old two-step shape. Not atomic across processes: parallel copies of a delivery pass between `has` and `add`.
 * @deprecated Implement `claim(id, expiresAt)` (and `release(id)`) instead; this shape is removed in the next major.
 */
export interface LegacyReplayStore {
  /** Whether the delivery id was recorded and has not expired. */
  has(deliveryId: string): boolean | Promise<boolean>;
  /** Records the delivery id until `expiresAt` (epoch ms). */
  add(deliveryId: string, expiresAt: number): void | Promise<void>;
}

// The zod-free key check, as verifyWebhook's: a receiver that only verifies bundles without a schema library.
const MEMORY_STORE_KEYS = /* @__PURE__ */ keysOf<NonNullable<ConstructorParameters<typeof MemoryReplayStore>[0]>>({
  maxEntries: true,
  now: true,
});

/** In-memory ReplayStore with expiry; bounded (the oldest entries go first beyond `maxEntries`). No timers. */
export class MemoryReplayStore implements ReplayStore {
  readonly #entries = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxEntries?: number | undefined; now?: (() => number) | undefined } = {}) {
    rejectUnknownKeys('MemoryReplayStore', options, MEMORY_STORE_KEYS, 'options');
    this.#maxEntries = options.maxEntries ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  /** Ids currently held (expired ones are dropped as they are met). */
  get size(): number {
    return this.#entries.size;
  }

  /** Synchronous, hence atomic within the process. */
  claim(deliveryId: string, expiresAt: number): boolean {
    if (this.has(deliveryId)) return false;
    this.add(deliveryId, expiresAt);
    return true;
  }

  /** Gives a claim back (processing failed), so a retry of the delivery is processed. */
  release(deliveryId: string): void {
    this.#entries.delete(deliveryId);
  }

  /** Whether the id is claimed and the claim has not expired. */
  has(deliveryId: string): boolean {
    const expiresAt = this.#entries.get(deliveryId);
    if (expiresAt === undefined) return false;
    if (expiresAt > this.#now()) return true;
    this.#entries.delete(deliveryId);
    return false;
  }

  /** Records the id until `expiresAt` (unconditionally; `claim` is the atomic check-and-record). */
  add(deliveryId: string, expiresAt: number): void {
    this.#entries.delete(deliveryId);
    this.#entries.set(deliveryId, expiresAt);
    if (this.#entries.size <= this.#maxEntries) return;
    const now = this.#now();
    for (const [id, at] of this.#entries) if (at <= now) this.#entries.delete(id);
    for (const id of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(id);
    }
  }
}

/** @internal How the receivers use a store: claim before processing, then commit (success) or release (failure). */
export interface Claims {
  claim(deliveryId: string, expiresAt: number): Promise<boolean>;
  commit(deliveryId: string, expiresAt: number): Promise<void>;
  release(deliveryId: string): Promise<void>;
}

let warned = false;
/** One adapter per store object, so a legacy store's in-process claims are shared by every call using it. */
const adapters = new WeakMap<object, Claims>();

/** @internal Validates `replayStore` and adapts it to claim/commit/release. */
export function claimsOf(store: unknown, ctx: string): Claims {
  const known = typeof store === 'object' && store !== null ? adapters.get(store) : undefined;
  if (known) return known;
  const claims = adapt(store, ctx);
  adapters.set(store as object, claims);
  return claims;
}

function adapt(store: unknown, ctx: string): Claims {
  const s = store as Partial<ReplayStore & LegacyReplayStore> | null;
  if (typeof s === 'object' && s !== null && typeof s.claim === 'function') {
    if (s.release !== undefined && typeof s.release !== 'function') {
      throw new ValidationError(ctx, [{ path: 'replayStore.release', message: 'must be a function when present' }]);
    }
    const atomic = s as ReplayStore;
    return {
      claim: async (id, expiresAt) => {
        const got: unknown = await atomic.claim(id, expiresAt);
        if (typeof got !== 'boolean')
          throw new ValidationError(ctx, [
            { path: 'replayStore.claim', message: `must resolve to a boolean (got ${typeof got})` },
          ]);
        return got;
      },
      commit: async () => {},
      release: async (id) => {
        await atomic.release?.(id);
      },
    };
  }
  if (typeof s === 'object' && s !== null && typeof s.has === 'function' && typeof s.add === 'function')
    return legacyClaims(s as LegacyReplayStore);
  throw new ValidationError(ctx, [
    {
      path: 'replayStore',
      message: 'must be false or an object with claim(id, expiresAt) (and optionally release(id))',
    },
  ]);
}

/** The has/add shape: claims are atomic within this process (a local store in front), not across processes. */
function legacyClaims(store: LegacyReplayStore): Claims {
  if (!warned) {
    warned = true;
    process.emitWarning(
      'replayStore with has()/add() is deprecated: the two steps are not atomic, so parallel copies of one delivery can all pass. Implement claim(id, expiresAt) and release(id) (RedisReplayStore from genesys-routing-sdk/redis does).',
      { type: 'DeprecationWarning', code: 'GENESYS_ROUTING_REPLAY_STORE' },
    );
  }
  const local = new MemoryReplayStore();
  return {
    claim: async (id, expiresAt) => {
      if (!local.claim(id, expiresAt)) return false;
      try {
        if (!(await store.has(id))) return true;
      } catch (error) {
        local.release(id);
        throw error;
      }
      return false;
    },
    commit: async (id, expiresAt) => {
      await store.add(id, expiresAt);
    },
    release: async (id) => {
      local.release(id);
    },
  };
}
