// Paginator<T>: `for await` over items, `.pages()` over pages, `.toArray({ max })`. Strategy-agnostic: a
// strategy supplies `fetchPage(cursor)`; the paginator owns the stop rules and the loop guard.
import { GenesysError } from '../../errors/index.js';
import { keysOf, rejectUnknownKeys } from '../../internal/unknown-keys.js';

/** One page of a paginated listing, from `paginator.pages()`. */
export interface Page<T> {
  /** The items of this page. */
  items: T[];
  /** The raw page body as the platform returned it. */
  raw: unknown;
  /** 1-based index of this page in the iteration. */
  index: number;
  /** Total item count when the platform reports one. */
  total: number | undefined;
}

/** What a strategy returns for one page: the items, and how to get the next page (undefined = last page). */
export interface PageResult<T, C> {
  /** The page's items. */
  items: T[];
  /** The page's response body as parsed. */
  raw: unknown;
  /** Total item count when the platform reports one. */
  total?: number | undefined;
  /** Cursor of the next page; undefined on the last page. */
  next: C | undefined;
}

/** `key(cursor)` identifies a page request; a repeated key means the server is looping, so we stop. */
export interface PageSource<T, C> {
  /** Cursor of the first page. */
  first: C;
  /** Fetches the page at `cursor`. */
  fetch(cursor: C, signal?: AbortSignal): Promise<PageResult<T, C>>;
  /** A stable text for `cursor`: the same key twice means the server is looping. */
  key(cursor: C): string;
}

/** Options of `paginator.toArray()`. */
export interface ToArrayOptions {
  /**
   * At most this many items: `toArray({ max: 5 })` returns the first 5. Without it, every item, up to a safety
   * cap of 10,000 past which it throws rather than return part of the listing.
   */
  max?: number | undefined;
  /**
   * When more items exist beyond `max`: `'truncate'` returns the first `max` (the default when you give `max`),
   * `'throw'` refuses (the default without `max`; pass it with `max` to use `max` as a cap, not a size).
   */
  ifMore?: 'throw' | 'truncate' | undefined;
}

const TO_ARRAY_KEYS = keysOf<ToArrayOptions>({ max: true, ifMore: true });
const PAGINATOR_KEYS = keysOf<PaginatorOptions>({ signal: true, onPage: true });

/** Options of a `Paginator`: a signal that stops it, and a callback after each page. */
export interface PaginatorOptions {
  /** Stops the listing: the next page fetch rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Called after each page, e.g. for progress reporting. */
  onPage?: ((page: Page<unknown>) => void) | undefined;
}

/**
 * The pages of a listing, fetched lazily: `for await (const item of paginator)`, or `.toArray()`, `.first()`,
 * `.pages()`; stops at the last page, follows the platform's paging style, and honours the AbortSignal.
 */
export class Paginator<T> implements AsyncIterable<T> {
  readonly #source: PageSource<T, unknown>;
  readonly #options: PaginatorOptions;

  /** Built by the resources' `list` methods; `source` fetches one page, `options` bounds the listing. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any page type: the source's pages are opaque here
  constructor(source: PageSource<T, any>, options: PaginatorOptions = {}) {
    rejectUnknownKeys('Paginator', options, PAGINATOR_KEYS, 'options');
    this.#source = source as PageSource<T, unknown>;
    this.#options = options;
  }

  /** Iterates pages. Stops on the last page, an empty page, or a repeated cursor/URI. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    const seen = new Set<string>();
    let cursor: unknown = this.#source.first;
    for (let index = 1; ; index++) {
      this.#options.signal?.throwIfAborted();
      seen.add(this.#source.key(cursor));
      const result = await this.#source.fetch(cursor, this.#options.signal);
      const page: Page<T> = { items: result.items, raw: result.raw, index, total: result.total };
      this.#options.onPage?.(page as Page<unknown>);
      if (result.items.length > 0) yield page;
      if (result.items.length === 0 || result.next === undefined) return;
      if (seen.has(this.#source.key(result.next))) return;
      cursor = result.next;
    }
  }

  /** `for await (const item of paginator)`: every item of every page, fetching pages as the loop needs them. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.pages()) yield* page.items;
  }

  /**
   * Collects items into an array: the first `max` when given; without it every item, throwing past 10,000 rather
   * than returning part of the listing. `ifMore: 'throw'` makes `max` a cap that throws too.
   */
  async toArray(options: ToArrayOptions = {}): Promise<T[]> {
    rejectUnknownKeys('toArray', options, TO_ARRAY_KEYS, 'options');
    const max = options.max ?? 10_000;
    const ifMore = options.ifMore ?? (options.max === undefined ? 'throw' : 'truncate');
    const out: T[] = [];
    for await (const page of this.pages()) {
      for (const item of page.items) {
        if (out.length === max) {
          if (ifMore === 'truncate') return out;
          throw new GenesysError(
            `more than ${max} items: raise toArray({ max, ifMore: 'throw' }), take the first with toArray({ max }), or iterate with for await`,
          );
        }
        out.push(item);
      }
    }
    return out;
  }

  /** The first item, fetching only the first page. */
  async first(): Promise<T | undefined> {
    for await (const item of this) return item;
    return undefined;
  }
}

/**
 * A Paginator whose pages wait for `prepare` (argument checks, then the real paginator).
 * A failed check rejects the first page: nothing is sent.
 */
export function deferredPaginator<T>(prepare: Promise<Paginator<T>>): Paginator<T> {
  prepare.catch(() => undefined); // reported when iterated; never an unhandled rejection
  return new DeferredPaginator(prepare);
}

class DeferredPaginator<T> extends Paginator<T> {
  readonly #prepare: Promise<Paginator<T>>;

  constructor(prepare: Promise<Paginator<T>>) {
    super({ first: undefined, key: () => '', fetch: () => Promise.reject(new Error('unreachable')) });
    this.#prepare = prepare;
  }

  override async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    yield* (await this.#prepare).pages();
  }
}
