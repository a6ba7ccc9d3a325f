import { loadPLimit } from './esm-only-deps.js';

/**
 * Runs `worker` over `items` with at most `concurrency` at once (p-limit); once `signal` aborts, items not
 * started yet are skipped. Rejects with the first worker error; the other queued items still run (the
 * hand-written pool it replaced also kept its other lanes going, and stopped only the failed one).
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const limit = (await loadPLimit())(Math.max(1, concurrency));
  await Promise.all(items.map((item, index) => limit(async () => (signal?.aborted ? undefined : worker(item, index)))));
}
