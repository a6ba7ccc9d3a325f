// Shared by the routing-admin resource tests.
import type { Emulator } from '../../../src/testing/index.js';

/** Answers the first request matching `method path` with a 429 (Retry-After 0), then stops faulting; returns whether it fired. */
export function fail429Once(emu: Emulator, method: string, path: string): () => boolean {
  let armed = true;
  emu.setFaults({
    rate: 1,
    kinds: ['429'],
    retryAfterSeconds: 0,
    match: (m, p) => {
      if (!armed || m !== method || p !== path) return false;
      armed = false;
      return true;
    },
  });
  return () => !armed;
}

export const activeUser = (emu: Emulator): string =>
  [...emu.state.users.values()].find((u) => u.state === 'active')!.id;
