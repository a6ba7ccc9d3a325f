// p-retry and p-limit are published as ES modules only. They are loaded with import() at the first call that needs
// them (a request, a pool), never with a top-level import: the CommonJS build would turn that into require(),
// and require() of an ES module fails under loaders that run CommonJS through their own hooks (tsx running a
// `.cts` file on Node 20: ERR_VM_MODULE_LINK_FAILURE ... 'is-network-error'). import() works from both builds
// and bundlers still see both dependencies; each is loaded once per process.
import type PRetry from 'p-retry';
import type PLimit from 'p-limit';

let pRetry: Promise<typeof PRetry> | undefined;
let pLimit: Promise<typeof PLimit> | undefined;

/** p-retry's default export, loaded on first use. */
export function loadPRetry(): Promise<typeof PRetry> {
  return (pRetry ??= import('p-retry').then((m) => m.default));
}

/** p-limit's default export, loaded on first use. */
export function loadPLimit(): Promise<typeof PLimit> {
  return (pLimit ??= import('p-limit').then((m) => m.default));
}
