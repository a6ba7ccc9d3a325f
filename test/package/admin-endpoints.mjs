// npm run test:package (after `npm run build`): the routing-admin endpoints through the BUILT package (ESM and
// CommonJS, resolved by name like a consumer), against the emulator from the built `/testing` entry.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

const require = createRequire(import.meta.url);

async function exercise({ GenesysClient }, { startEmulator }) {
  const emu = await startEmulator({ org: { users: 12, skills: 4, queues: 2 } });
  try {
    const traced = [];
    const client = new GenesysClient({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
      onResponse: (r) => traced.push(r.pathTemplate),
    });
    const languages = await client.routing.languages.list().toArray();
    assert.ok(languages.length > 0);
    const user = await client.users.list({ pageSize: 1 }).first();
    await client.routing.userLanguages.patchBulk(user.id, [{ id: languages[0].id, proficiency: 3 }]);
    assert.ok((await client.routing.skillGroups.list().toArray()).length > 0);
    const code = await client.routing.wrapupCodes.create({ name: 'Packed package' });
    const [queue] = await client.routing.queues.list().toArray();
    await client.routing.queueWrapupCodes.add(queue.id, [code.id]);
    assert.equal(
      typeof (await client.routing.queues.estimatedWaitTime(queue.id)).results[0].estimatedWaitTimeSeconds,
      'number',
    );
    const onQueue = (await client.users.presence.definitions()).find((d) => d.systemPresence === 'On Queue');
    await client.users.presence.set(user.id, { presenceDefinitionId: onQueue.id });
    assert.equal((await client.users.routingStatus.get(user.id)).status, 'IDLE');
    assert.ok(Array.isArray(await client.users.queues.list(user.id).toArray()));
    await client.routing.utilization.labels.create('Packed');
    const obs = await client.analytics.users.observations({ userIds: [user.id] });
    assert.equal(obs.results[0].group.userId, user.id);
    assert.ok(traced.includes('/api/v2/routing/skillgroups'));
  } finally {
    await emu.close();
  }
}

test('ESM: the routing-admin resources work through the built package', async () => {
  await exercise(await import('genesys-routing-sdk'), await import('genesys-routing-sdk/testing'));
});

test('CommonJS: the routing-admin resources work through the built package', async () => {
  await exercise(require('genesys-routing-sdk'), require('genesys-routing-sdk/testing'));
});
