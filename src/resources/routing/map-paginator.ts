// A Paginator whose items are derived from another's (mapped, or dropped when `fn` returns undefined).
// Pages that map to nothing are skipped so the result does not stop early on a filtered-out page.
import { Paginator, type Page, type PageSource } from '../../transport/paging/paginator.js';

export function mapPaginator<T, U>(
  source: Paginator<T>,
  fn: (item: T) => U | undefined,
  signal?: AbortSignal,
): Paginator<U> {
  let pages: AsyncGenerator<Page<T>, void, undefined> | undefined;
  const mapped: PageSource<U, number> = {
    first: 1,
    key: (n) => `page:${n}`,
    async fetch(n) {
      // Page 1 starts a fresh pass over the source, so the mapped paginator can be iterated more than once.
      if (n === 1) pages = source.pages();
      for (;;) {
        const step = await pages!.next();
        if (step.done) return { items: [], raw: undefined, next: undefined };
        const items = step.value.items.map(fn).filter((u): u is U => u !== undefined);
        if (items.length > 0) return { items, raw: step.value.raw, total: undefined, next: n + 1 };
      }
    },
  };
  return new Paginator<U>(mapped, { signal });
}
