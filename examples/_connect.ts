// Shared helper of the examples (not an example itself).
//
// Without GENESYS_CLIENT_ID it starts the local emulator (a fake Genesys Cloud org on 127.0.0.1, see
// docs/emulator.md) and returns a client pointed at it. With GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and
// GENESYS_REGION (or GENESYS_API_BASE_URL + GENESYS_LOGIN_BASE_URL) it returns `GenesysClient.fromEnv()`:
// your org.
//
// Examples that change routing only write to a real org when `--apply` is on the command line; without it
// they stop after the read-only / dry-run steps. The emulator is always writable.
//
// In your own project, import from the package instead of ../src:
//   import { GenesysClient, type ClientOptions } from 'genesys-routing-sdk';
//   import { startEmulator, type Emulator, type EmulatorOptions } from 'genesys-routing-sdk/testing';
import { GenesysClient, type ClientOptions } from '../src/index.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../src/testing/index.js';

export interface Connection {
  client: GenesysClient;
  /** Set when running on the emulator (no GENESYS_CLIENT_ID). */
  emulator?: Emulator | undefined;
  /** True on the emulator, or on a real org when `--apply` was passed. */
  writesAllowed: boolean;
  /** One line saying where the example runs. */
  target: string;
  /** Stops the emulator (if any). Safe to call twice. */
  close(): Promise<void>;
}

/** A small org keeps the examples fast; the emulator enforces the real limits (300 requests/min) anyway. */
export const EXAMPLE_ORG: EmulatorOptions = { seed: 7, org: { users: 60, skills: 12, queues: 4 } };

/**
 * Connects to your org (GENESYS_* variables) or, without them, to a fresh emulator.
 * @param options.emulator emulator options (merged over EXAMPLE_ORG)
 * @param options.client extra client options (timeouts, tokenStore, ...), for both cases
 * @param options.readOnly the example never writes to a real org (no `--apply` to mention)
 */
export async function connect(
  options: { emulator?: EmulatorOptions; client?: Partial<ClientOptions>; readOnly?: boolean } = {},
): Promise<Connection> {
  if (process.env.GENESYS_CLIENT_ID) {
    const client = GenesysClient.fromEnv(options.client ?? {});
    const apply = !options.readOnly && process.argv.includes('--apply');
    const mode = options.readOnly
      ? 'reads only'
      : apply
        ? '--apply: changes WILL be written'
        : 'read-only: pass --apply to write';
    return {
      client,
      writesAllowed: apply,
      target: `your org at ${client.org.apiBaseUrl} (${mode})`,
      close: async () => undefined,
    };
  }
  const emulator = await startEmulator({ ...EXAMPLE_ORG, ...options.emulator });
  const client = new GenesysClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiBaseUrl: emulator.baseUrl,
    loginBaseUrl: emulator.baseUrl,
    ...options.client,
  });
  let closed = false;
  return {
    client,
    emulator,
    writesAllowed: true,
    target: `the emulator at ${emulator.baseUrl} (set GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_REGION to use your org)`,
    close: async () => {
      if (closed) return;
      closed = true;
      await emulator.close();
    },
  };
}

/** Runs an example's main function: prints the error and sets exit code 1 on failure. */
export function run(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  });
}

export const pct = (x: number | null | undefined, digits = 1): string =>
  x === null || x === undefined ? 'n/a' : `${(x * 100).toFixed(digits)}%`;
export const secs = (x: number | null | undefined): string =>
  x === null || x === undefined ? 'unbounded' : `${x.toFixed(1)} s`;

/** A plain aligned text table (numbers right-aligned). */
export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (/^[-+]?[\d.,]+%?( s)?$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)]
    .map((l) => `  ${l}`)
    .join('\n');
}
