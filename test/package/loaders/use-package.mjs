// Loaded by plain Node (test/package/loaders.mjs): the built package's ES entry, imported.
import { GenesysClient, isNotFoundError } from 'genesys-routing-sdk';
import { startEmulator } from 'genesys-routing-sdk/testing';

const emu = await startEmulator({ org: { users: 5, skills: 2, queues: 3 } });
try {
  const client = new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
  });
  const queues = await client.routing.queues.list().toArray();
  const missing = await client.routing.queues.get('no-such-queue').catch((e) => e);
  console.log(JSON.stringify({ queues: queues.length, notFound: isNotFoundError(missing) }));
} finally {
  await emu.close();
}
