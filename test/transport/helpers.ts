// Starts an emulator and builds clients pointed at it (real HTTP on loopback; no fetch mocks).
import { afterEach } from 'vitest';
import { GenesysClient, type ClientOptions } from '../../src/index.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/testing/index.js';
const running: Emulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ org: { users: 40, skills: 12, queues: 4 }, ...options });
  running.push(emu);
  return emu;
}

export function clientFor(emu: Emulator, options: Partial<ClientOptions> = {}): GenesysClient {
  return new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
    retryBackoff: { baseMs: 20, maxMs: 200 },
    ...options,
  });
}

/** Number of token requests the emulator has answered. */
export function tokenRequests(emu: Emulator): number {
  return emu.stats.requestLog.filter((r) => r.path === '/oauth/token').length;
}
