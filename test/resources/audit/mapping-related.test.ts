import { describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../../src/index.js';
import { AUDIT_SERVICE_NAMES, ROUTING_AUDIT_ENTITY_TYPES } from '../../../src/resources/audit/index.js';
import { auditEmulation } from '../../../src/testing/emulator/audit/store.js';
import { seedAudits, setup } from './helpers.js';

describe('service mappings, related audits and emulator knobs', () => {
  it('serviceMapping lists what the emulator records, plus what is in the log', async () => {
    const { emu, audit } = await setup();
    seedAudits(emu, 1, Date.now(), { serviceName: 'Groups', entityType: 'SkillGroup', action: 'Create' });
    const mapping = await audit.queries.serviceMapping();
    const routing = mapping.services?.find((s) => s.name === 'Routing');
    const actionsOf = (entity: string) => routing?.entities?.find((e) => e.name === entity)?.actions;
    expect(actionsOf('RoutingSkill')).toEqual(['Create', 'Delete', 'Update']);
    expect(actionsOf('Queue')).toEqual(['MemberAdd', 'MemberRemove', 'MemberUpdate']);
    expect(actionsOf('User')).toEqual(['Update']);
    expect(mapping.services?.find((s) => s.name === 'Groups')?.entities).toEqual([
      { name: 'SkillGroup', actions: ['Create'] },
    ]);
    expect(await audit.realtime.serviceMapping()).toEqual(mapping);
    // The SDK's constants cover what the emulator records.
    for (const s of mapping.services ?? []) expect(AUDIT_SERVICE_NAMES as readonly string[]).toContain(s.name);
    for (const e of routing?.entities ?? []) expect(ROUTING_AUDIT_ENTITY_TYPES as readonly string[]).toContain(e.name);
  });

  it('related() returns the audits written by the same action', async () => {
    const { emu, audit } = await setup();
    const now = Date.now();
    const [first, second] = seedAudits(emu, 2, now - 2000, { initiatingAction: { transactionId: 'tx-1' } });
    const [other] = seedAudits(emu, 1, now - 1000);
    const related = await audit.realtime.related(second!.id);
    expect(related.map((m) => m.id)).toEqual([first!.id, second!.id]);
    expect((await audit.realtime.related(other!.id)).map((m) => m.id)).toEqual([other!.id]);
    await expect(audit.realtime.related('missing')).rejects.toBeInstanceOf(NotFoundError);
    await expect(audit.realtime.related('')).rejects.toBeInstanceOf(ValidationError);
  });

  it('auditEmulation().configure validates its options', async () => {
    const { emu } = await setup();
    const store = auditEmulation(emu);
    expect(auditEmulation(emu.state)).toBe(store);
    expect(() => store.configure({ pollsUntilDone: -1 })).toThrow(/pollsUntilDone/);
    expect(() => store.configure({ outcome: 'Done' as never })).toThrow(/outcome/);
    expect(() => store.configure({ polls: 1 } as never)).toThrow(/options.polls: unknown key/);
    store.configure({ pollsUntilDone: 4 });
    expect(store.behaviour.pollsUntilDone).toBe(4);
    store.reset();
    expect(store.behaviour.pollsUntilDone).toBe(2);
  });
});
