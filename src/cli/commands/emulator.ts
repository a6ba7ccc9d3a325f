// genesys-routing emulator: starts the local Genesys Cloud API emulator and prints how to use it.
import type { LiveIntervalSummary } from '../../testing/index.js';
import { UsageError, num, parse } from '../args.js';

export const emulatorHelp = `genesys-routing emulator [--port 0] [--seed 1] [--users 300] [--faults 0.1] [--scenario understaffed|surge|balanced] [--live [--speed 60] [--anchor 2026-11-24T07:00:00Z]]

  Starts the emulator on 127.0.0.1 and prints its URL and credentials; Ctrl-C stops it.
  --port      listen port, 0..65535 (default 0: any free port)
  --seed      the synthetic org is a pure function of this whole number (default 1)
  --users     synthetic org size (default 300)
  --faults    share of requests answered with an injected fault, 0..1 (default 0)
  --scenario  an org with something to fix: understaffed (skills in the wrong places; optimize brings every
              queue to target), surge (one queue's demand well above forecast for two hours from now),
              balanced (every queue at target)
  --live      run the day live: calls arrive, are routed by the org's current skills, memberships, statuses
              and shifts, and end; analytics and notifications follow. Prints each queue's figures every
              15 simulated minutes
  --speed     with --live: simulated seconds per real second (default 1; 60 = a simulated minute per second)
  --anchor    the instant the org clock (and the live day) starts at, ISO-8601 (default: now)
  Exit code 0 after Ctrl-C, 1 when it cannot listen (port in use), 2 on bad usage.

  Examples:
    genesys-routing emulator --seed 7 --scenario understaffed
    genesys-routing emulator --live --speed 60 --scenario surge --anchor 2026-11-24T07:00:00Z
    genesys-routing emulator --seed 7 --users 60
    genesys-routing emulator --port 8787 --faults 0.1`;

export async function emulator(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' },
    seed: { type: 'string' },
    users: { type: 'string' },
    faults: { type: 'string' },
    scenario: { type: 'string' },
    live: { type: 'boolean' },
    speed: { type: 'string' },
    anchor: { type: 'string' },
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
  if (values.speed !== undefined && !values.live) throw new UsageError('--speed needs --live');
  const speed = num('speed', values.speed, 1);
  if (speed <= 0 || speed > 100_000) throw new UsageError(`--speed must be > 0 and <= 100000, got ${values.speed}`);
  const anchor = values.anchor === undefined ? undefined : Date.parse(values.anchor);
  if (anchor !== undefined && !Number.isFinite(anchor))
    throw new UsageError(`--anchor must be an ISO-8601 instant such as 2026-11-24T07:00:00Z, got ${values.anchor}`);
  const emu = await startEmulator({
    port: num('port', values.port, 0),
    seed: num('seed', values.seed, 1),
    org: { users: num('users', values.users, 300) },
    faults: faultRate > 0 ? { rate: faultRate } : null,
    ...(scenario ? { scenario: scenario as (typeof SCENARIOS)[number] } : {}),
    ...(anchor === undefined ? {} : { anchor }),
    ...(values.live ? { live: { clock: 'real' as const, speed } } : {}),
  });
  const live = emu.live;
  if (live) {
    const names = new Map([...emu.state.queues.values()].map((q) => [q.id, q.name]));
    live.on('interval', (summary) => console.log(intervalLine(summary, names)));
  }
  const mode = [
    scenario ? `scenario: ${scenario}` : '',
    live ? `live at ${speed}x from ${emu.now().toISOString()}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  console.log(`Genesys Cloud API emulator listening on ${emu.baseUrl}${mode ? ` (${mode})` : ''}

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

/** One line per 15 simulated minutes: totals, and the queue with the lowest service level. */
function intervalLine(summary: LiveIntervalSummary, names: ReadonlyMap<string, string>): string {
  const sum = (key: 'offered' | 'answered' | 'abandoned' | 'waiting') => summary.queues.reduce((n, q) => n + q[key], 0);
  const lowest = summary.queues
    .filter((q) => q.serviceLevel !== null)
    .sort((a, b) => (a.serviceLevel as number) - (b.serviceLevel as number))[0];
  const time = new Date(summary.start).toISOString().slice(11, 16);
  const worst = lowest
    ? `, lowest service level ${names.get(lowest.queueId) ?? lowest.queueId} ${Math.round((lowest.serviceLevel as number) * 100)} %`
    : '';
  return `${time} UTC  offered ${sum('offered')}, answered ${sum('answered')}, abandoned ${sum('abandoned')}, waiting ${sum('waiting')}${worst}`;
}
