// genesys-routing emulator: starts the local Genesys Cloud API emulator and prints how to use it.
import { UsageError, num, parse } from '../args.js';

export const emulatorHelp = `genesys-routing emulator [--port 0] [--seed 1] [--users 300] [--faults 0.1] [--scenario understaffed|surge|balanced]

  Starts the emulator on 127.0.0.1 and prints its URL and credentials; Ctrl-C stops it.
  --port      listen port, 0..65535 (default 0: any free port)
  --seed      the synthetic org is a pure function of this whole number (default 1)
  --users     synthetic org size (default 300)
  --faults    share of requests answered with an injected fault, 0..1 (default 0)
  --scenario  an org with something to fix: understaffed (skills in the wrong places; optimize brings every
              queue to target), surge (one queue's demand well above forecast for two hours from now),
              balanced (every queue at target)
  Exit code 0 after Ctrl-C, 1 when it cannot listen (port in use), 2 on bad usage.

  Examples:
    genesys-routing emulator --seed 7 --scenario understaffed
    genesys-routing emulator --seed 7 --users 60
    genesys-routing emulator --port 8787 --faults 0.1`;

export async function emulator(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    seed: { type: 'string' },
    users: { type: 'string' },
    faults: { type: 'string' },
    scenario: { type: 'string' },
  });
  if (values.help) {
    console.log(emulatorHelp);
    return 0;
  }
  const { startEmulator, SCENARIOS } = await import('../../testing/index.js');
  const scenario = values.scenario;
  if (scenario !== undefined && !(SCENARIOS as readonly string[]).includes(scenario)) {
    throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')} (got ${JSON.stringify(scenario)})`);
  }
  const faultRate = num('faults', values.faults, 0);
  const emu = await startEmulator({
    port: num('port', values.port, 0),
    seed: num('seed', values.seed, 1),
    org: { users: num('users', values.users, 300) },
    faults: faultRate > 0 ? { rate: faultRate } : null,
    ...(scenario ? { scenario: scenario as (typeof SCENARIOS)[number] } : {}),
  });
  console.log(`Genesys Cloud API emulator listening on ${emu.baseUrl}${scenario ? ` (scenario: ${scenario})` : ''}

  export GENESYS_CLIENT_ID=${emu.clientId}
  export GENESYS_CLIENT_SECRET=${emu.clientSecret}
  export GENESYS_API_BASE_URL=${emu.baseUrl}
  export GENESYS_LOGIN_BASE_URL=${emu.baseUrl}

Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emu.close();
  return 0;
}
