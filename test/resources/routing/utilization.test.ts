// client.routing.utilization over real HTTP: org and agent capacity, PUT-replaces semantics, fallbacks.
import { describe, expect, it } from 'vitest';
import { BadRequestError, NotFoundError, PermissionDeniedError, ValidationError } from '../../../src/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const someUser = (emu: Emulator) => [...emu.state.users.values()].find((u) => u.state === 'active')!.id;

describe('routing.utilization', () => {
  it('setOrg replaces: media types left out go back to the default', async () => {
    const emu = await emulator();
    const { utilization } = clientFor(emu).routing;
    const defaults = await utilization.getOrg();
    expect(defaults.utilization?.['call']).toEqual({
      maximumCapacity: 1,
      interruptableMediaTypes: [],
      includeNonAcd: false,
    });

    const first = await utilization.setOrg({
      utilization: {
        chat: { maximumCapacity: 2, interruptableMediaTypes: ['call'], includeNonAcd: true },
        email: { maximumCapacity: 3 },
      },
    });
    expect(first.utilization?.['chat']).toEqual({
      maximumCapacity: 2,
      interruptableMediaTypes: ['call'],
      includeNonAcd: true,
    });
    expect(first.utilization?.['email']?.maximumCapacity).toBe(3);

    const second = await utilization.setOrg({ utilization: { chat: { maximumCapacity: 5 } } });
    expect(second.utilization?.['email']).toEqual(defaults.utilization?.['email']);
    expect(second.utilization?.['chat']).toEqual({
      maximumCapacity: 5,
      interruptableMediaTypes: [],
      includeNonAcd: false,
    });
    expect(await utilization.getOrg()).toEqual(second);

    await utilization.resetOrg();
    expect(await utilization.getOrg()).toEqual(defaults);
    expect(
      emu.state.auditLog.filter((a) => a.entityType === 'MaxOrgRoutingUtilizationCapacity').map((a) => a.action),
    ).toEqual(['Update', 'Update', 'Delete']);
  });

  it('an agent follows the org (level Organization) until given own settings (level Agent)', async () => {
    const emu = await emulator();
    const { utilization } = clientFor(emu).routing;
    const userId = someUser(emu);
    await utilization.setOrg({ utilization: { message: { maximumCapacity: 6 } } });

    const inherited = await utilization.getUser(userId);
    expect(inherited.level).toBe('Organization');
    expect(inherited.utilization?.['message']?.maximumCapacity).toBe(6);

    const own = await utilization.setUser(userId, {
      utilization: { chat: { maximumCapacity: 1, includeNonAcd: true } },
    });
    expect(own.level).toBe('Agent');
    expect(own.utilization?.['chat']).toEqual({ maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: true });
    // Left out of the agent's PUT: the org value applies.
    expect(own.utilization?.['message']?.maximumCapacity).toBe(6);
    expect(await utilization.getUser(userId)).toEqual(own);

    await utilization.resetUser(userId);
    expect((await utilization.getUser(userId)).level).toBe('Organization');
  });

  it('a value read earlier can be sent back (response-only fields are dropped)', async () => {
    const emu = await emulator();
    const { utilization } = clientFor(emu).routing;
    const userId = someUser(emu);
    const read = await utilization.getUser(userId);
    const written = await utilization.setUser(userId, read);
    expect(written.utilization).toEqual(read.utilization);
    expect(written.level).toBe('Agent');
  });

  it('validates input before sending and maps platform errors', async () => {
    const emu = await emulator({
      clients: [{ clientId: 'viewer', clientSecret: 's', permissions: ['routing:utilization:view'] }],
    });
    const client = clientFor(emu);
    const before = emu.stats.requests;
    await expect(client.routing.utilization.setOrg({ utilization: { chat: { maximumCapacity: -1 } } })).rejects.toThrow(
      /body\.utilization\.chat\.maximumCapacity/,
    );
    await expect(client.routing.utilization.setOrg({ utilisation: {} } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(emu.stats.requests).toBe(before);

    const fax = await client.routing.utilization
      .setOrg({ utilization: { fax: { maximumCapacity: 1 } } })
      .catch((e: unknown) => e);
    expect(fax).toBeInstanceOf(BadRequestError);
    expect((fax as BadRequestError).body).toMatchObject({ details: [{ fieldName: 'utilization.fax' }] });
    await expect(client.routing.utilization.getUser('no-such-user')).rejects.toBeInstanceOf(NotFoundError);

    const viewer = clientFor(emu, { clientId: 'viewer', clientSecret: 's' });
    expect((await viewer.routing.utilization.getOrg()).utilization).toBeDefined();
    await expect(viewer.routing.utilization.setOrg({ utilization: {} })).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
