/**
 * The signal of one HTTP attempt: aborts when the caller's signal does or when `timeoutMs` passes (each attempt
 * gets a fresh timeout). Call `dispose()` when the attempt settles; `timedOut()` tells the two causes apart.
 */
export function attemptSignal(
  timeoutMs: number,
  caller?: AbortSignal,
): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error(`attempt timed out after ${timeoutMs} ms`));
  }, timeoutMs);
  const onAbort = () => controller.abort(caller?.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
