// Runs the CLI in-process and captures what it prints (stdout, stderr and progress written to process.stderr).
import { afterEach, beforeEach, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import type { Emulator } from '../../src/testing/index.js';

export const io = { out: [] as string[], err: [] as string[], progress: [] as string[] };

/**
 * Captures what the CLI prints (console.log / console.error into `io`) in every test of the calling file, and
 * clears the org variables after each. Call once at the file's top level: hooks registered here at import would
 * serve only the first file of a worker that shares modules between files.
 */
export function captureCliOutput(): void {
  beforeEach(() => {
    io.out = [];
    io.err = [];
    io.progress = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void io.out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void io.err.push(a.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const k of ENV_KEYS) delete process.env[k];
  });
}

const ENV_KEYS = [
  'GENESYS_CLIENT_ID',
  'GENESYS_CLIENT_SECRET',
  'GENESYS_API_BASE_URL',
  'GENESYS_LOGIN_BASE_URL',
  'GENESYS_REGION',
];

export function useOrg(emu: Pick<Emulator, 'clientId' | 'clientSecret' | 'baseUrl'>): void {
  Object.assign(process.env, {
    GENESYS_CLIENT_ID: emu.clientId,
    GENESYS_CLIENT_SECRET: emu.clientSecret,
    GENESYS_API_BASE_URL: emu.baseUrl,
    GENESYS_LOGIN_BASE_URL: emu.baseUrl,
  });
}

export async function run(...argv: string[]): Promise<number> {
  return main(argv);
}

/** Runs with stderr posing as a terminal, so progress is drawn; collects what was drawn. */
export async function runOnTerminal(...argv: string[]): Promise<number> {
  const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
  const wasTTY = stderr.isTTY;
  stderr.isTTY = true;
  const write = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk: string | Uint8Array) => (io.progress.push(String(chunk)), true));
  try {
    return await main(argv);
  } finally {
    write.mockRestore();
    stderr.isTTY = wasTTY;
  }
}
