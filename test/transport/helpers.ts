// Starts an emulator and builds clients pointed at it (real HTTP on loopback; no fetch mocks).
import { onTestFinished } from 'vitest';
import { GenesysClient, type ClientOptions } from '../../src/index.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/testing/index.js';

export async function emulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ org: { users: 40, skills: 12, queues: 4 }, ...options });
  // Closed when the test ends (per test: it holds however test files share a worker).
  onTestFinished(() => emu.close());
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
