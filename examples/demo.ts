// npm run demo — runs against the embedded emulator unless GENESYS_CLIENT_ID is set (then: your org).
import { GenesysClient } from '../src/index.js';
import { startEmulator } from '../src/testing/index.js';

async function main(): Promise<void> {
  const useRealOrg = Boolean(process.env.GENESYS_CLIENT_ID);
  const emu = useRealOrg ? undefined : await startEmulator({ seed: 42 });
  const client = useRealOrg
    ? GenesysClient.fromEnv()
    : new GenesysClient({ clientId: emu!.clientId, clientSecret: emu!.clientSecret, apiBaseUrl: emu!.baseUrl, loginBaseUrl: emu!.baseUrl });
  console.log(useRealOrg ? 'Using your Genesys Cloud org (GENESYS_* variables).' : `Emulator running at ${emu!.baseUrl}`);

  let retries = 0;
  client.on('retry', (e) => {
    retries++;
    console.log(`  retry: ${e.operation} got ${e.reason}; waiting ${e.delayMs} ms (correlation ${e.correlationId ?? '-'})`);
  });
  client.on('tokenRefreshed', (e) => console.log(`  token ${e.reason === 'initial' ? 'obtained' : 'refreshed'}`));

  try {
    console.log('\nQueues and members:');
    const queues = await client.routing.queues.list({ pageSize: 100 }).toArray({ max: 50, ifMore: 'truncate' });
    for (const queue of queues) {
      const members = await client.routing.members.list(queue.id, { expand: ['routingStatus'] }).toArray({ max: 10_000 });
      const joined = members.filter((m) => m.joined).length;
      console.log(`  ${queue.name.padEnd(28)} ${String(members.length).padStart(4)} members, ${joined} joined`);
    }

    if (emu) {
      console.log('\nInjecting 429s and 503s on 20 % of requests, then listing every user:');
      emu.setFaults({ rate: 0.2, kinds: ['429', '503'], seed: 7 });
      const users = await client.routing.users.list({ pageSize: 25 }).toArray({ max: 10_000 });
      emu.setFaults(null);
      console.log(`  ${users.length} users read despite the faults, after ${retries} retries.`);
    }
  } finally {
    await emu?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
