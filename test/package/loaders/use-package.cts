// Loaded as CommonJS by tsx and ts-node (test/package/loaders.mjs): the built package's CommonJS entry, required.
import type * as Sdk from 'genesys-routing-sdk';
import type * as Testing from 'genesys-routing-sdk/testing';

const { GenesysClient, isNotFoundError } = require('genesys-routing-sdk') as typeof Sdk;
const { startEmulator } = require('genesys-routing-sdk/testing') as typeof Testing;

async function main(): Promise<void> {
  const emu = await startEmulator({ org: { users: 5, skills: 2, queues: 3 } });
  try {
    const client = new GenesysClient({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
    });
    const queues = await client.routing.queues.list().toArray();
    const missing = await client.routing.queues.get('no-such-queue').catch((e: unknown) => e);
    console.log(JSON.stringify({ queues: queues.length, notFound: isNotFoundError(missing) }));
  } finally {
    await emu.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
