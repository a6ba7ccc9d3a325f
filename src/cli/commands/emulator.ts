// genesys-routing emulator: starts the local Genesys Cloud API emulator and prints how to use it.
import { num, parse } from '../args.js';

export const emulatorHelp = `genesys-routing emulator [--port 0] [--seed 1] [--users 300] [--faults 0.1]

  Starts the emulator on 127.0.0.1 and prints its URL and credentials; Ctrl-C stops it.`;

export async function emulator(argv: string[]): Promise<number> {
  const { values } = parse(argv, { port: { type: 'string' }, seed: { type: 'string' }, users: { type: 'string' }, faults: { type: 'string' } });
  if (values.help) {
    console.log(emulatorHelp);
    return 0;
  }
  const { startEmulator } = await import('../../testing/index.js');
  const faultRate = num('faults', values.faults, 0);
  const emu = await startEmulator({
    port: num('port', values.port, 0),
    seed: num('seed', values.seed, 1),
    org: { users: num('users', values.users, 300) },
    faults: faultRate > 0 ? { rate: faultRate } : null,
  });
  console.log(`Genesys Cloud API emulator listening on ${emu.baseUrl}

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
