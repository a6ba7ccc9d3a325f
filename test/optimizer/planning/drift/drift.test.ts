import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRoutingConfig, type RoutingConfigSnapshot } from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

const dev: RoutingConfigSnapshot = {
  skills: [
    {
      id: 'sk-1',
      name: 'Billing',
      state: 'active',
      version: 3,
      selfUri: '/api/v2/routing/skills/sk-1',
      dateModified: '2024-01-01T00:00:00Z',
    },
    { id: 'sk-2', name: 'French', state: 'active' },
  ],
  queues: [
    {
      id: 'q-1',
      name: 'Support',
      memberCount: 12,
      acwSettings: { wrapupPrompt: 'OPTIONAL', timeoutMs: 30000 },
      bullseye: { rings: [{ expansionCriteria: [{ type: 'TIMEOUT_SECONDS', threshold: 10 }] }] },
      memberGroups: [{ id: 'g1', type: 'GROUP' }],
    },
  ],
  members: [
    {
      queueId: 'q-1',
      queueName: 'Support',
      id: 'u-1',
      name: 'Ann',
      ringNumber: 1,
      joined: true,
      routingStatus: { status: 'IDLE' },
    },
  ],
  userSkills: [{ userId: 'u-1', userName: 'Ann', id: 'sk-1', name: 'Billing', proficiency: 3, skillUri: '/x' }],
};

describe('diffRoutingConfig', () => {
  it('reports no drift between a snapshot and itself, ignoring volatile fields', () => {
    const copy = structuredClone(dev);
    (copy.skills?.[0] as Record<string, unknown>).version = 9;
    (copy.skills?.[0] as Record<string, unknown>).dateModified = '2025-05-05T00:00:00Z';
    (copy.queues?.[0] as Record<string, unknown>).memberCount = 40;
    (copy.members?.[0] as Record<string, unknown>).routingStatus = { status: 'OFF_QUEUE' };
    const report = diffRoutingConfig(dev, copy);
    expect(report.identical).toBe(true);
    expect(report.summary).toEqual({ added: 0, removed: 0, changed: 0, changedEntities: 0 });
  });

  it('reports field changes with JSONPath paths, by id', () => {
    const prod = structuredClone(dev);
    const q = prod.queues?.[0] as {
      acwSettings: { timeoutMs: number };
      bullseye: { rings: { expansionCriteria: { threshold: number }[] }[] };
    };
    q.acwSettings.timeoutMs = 60000;
    q.bullseye.rings[0]!.expansionCriteria[0]!.threshold = 20;
    (prod.userSkills?.[0] as Record<string, unknown>).proficiency = 4;
    const report = diffRoutingConfig(dev, prod);
    expect(report.changed).toEqual([
      {
        section: 'queues',
        label: 'queue Support',
        path: "$.queues[?(@.id=='q-1')].acwSettings.timeoutMs",
        matchedBy: 'id',
        before: 30000,
        after: 60000,
      },
      {
        section: 'queues',
        label: 'queue Support',
        path: "$.queues[?(@.id=='q-1')].bullseye.rings[0].expansionCriteria[0].threshold",
        matchedBy: 'id',
        before: 10,
        after: 20,
      },
      {
        section: 'userSkills',
        label: 'skill Billing of user Ann',
        path: "$.userSkills[?(@.userId=='u-1' && @.id=='sk-1')].proficiency",
        matchedBy: 'id',
        before: 3,
        after: 4,
      },
    ]);
    expect(report.summary).toEqual({ added: 0, removed: 0, changed: 3, changedEntities: 2 });
  });

  it('falls back to names when ids differ (two orgs)', () => {
    const other: RoutingConfigSnapshot = {
      skills: [
        { id: 'other-1', name: 'Billing', state: 'active' },
        { id: 'other-3', name: 'Spanish', state: 'active' },
      ],
      queues: [{ ...structuredClone(dev.queues![0]!), id: 'other-q' }],
      members: [{ ...structuredClone(dev.members![0]!), queueId: 'other-q', id: 'other-u', ringNumber: 2 }],
      userSkills: [{ userId: 'other-u', userName: 'Ann', id: 'other-1', name: 'Billing', proficiency: 3 }],
    };
    const report = diffRoutingConfig(dev, other);
    expect(report.added.map((e) => e.path)).toEqual(["$.skills[?(@.id=='other-3')]"]);
    expect(report.removed.map((e) => [e.label, e.path])).toEqual([['skill French', "$.skills[?(@.id=='sk-2')]"]]);
    expect(report.changed).toEqual([
      {
        section: 'members',
        label: 'member Ann of queue Support',
        path: "$.members[?(@.queueName=='Support' && @.name=='Ann')].ringNumber",
        matchedBy: 'name',
        before: 1,
        after: 2,
      },
    ]);
  });

  it('does not pair by a name that is ambiguous', () => {
    const a = {
      skills: [
        { id: 'a1', name: 'Dup' },
        { id: 'a2', name: 'Dup' },
      ],
    };
    const b = { skills: [{ id: 'b1', name: 'Dup' }] };
    const report = diffRoutingConfig(a, b);
    expect(report.removed).toHaveLength(2);
    expect(report.added).toHaveLength(1);
  });

  it('matches arrays of objects with ids by id and reports added elements and fields', () => {
    const prod = structuredClone(dev);
    const q = prod.queues?.[0] as Record<string, unknown>;
    q.memberGroups = [
      { id: 'g2', type: 'TEAM' },
      { id: 'g1', type: 'GROUP' },
    ];
    q.description = 'new';
    const report = diffRoutingConfig(dev, prod);
    expect(report.changed.map((c) => [c.path, c.before, c.after])).toEqual([
      ["$.queues[?(@.id=='q-1')].description", undefined, 'new'],
      ["$.queues[?(@.id=='q-1')].memberGroups[?(@.id=='g2')]", undefined, { id: 'g2', type: 'TEAM' }],
    ]);
    expect('before' in report.changed[0]!).toBe(false);
  });

  it('strips volatile fields from added and removed entities and honours ignoreFields', () => {
    const report = diffRoutingConfig({}, { skills: [dev.skills![0]!] });
    expect(report.added[0]?.value).toEqual({ name: 'Billing', state: 'active' });
    const prod = structuredClone(dev);
    (prod.members?.[0] as Record<string, unknown>).joined = false;
    expect(diffRoutingConfig(dev, prod).identical).toBe(false);
    expect(diffRoutingConfig(dev, prod, { ignoreFields: ['joined'] }).identical).toBe(true);
  });

  it('validates snapshots', () => {
    expectValidationError(() => diffRoutingConfig({ skills: [{ state: 'active' }] }, {}), 'a.skills[0]');
    expectValidationError(() => diffRoutingConfig({}, { skills: [{ id: 'x' }, { id: 'x' }] }), 'b.skills[1]');
    expectValidationError(() => diffRoutingConfig({}, { members: [{ id: 'u' }] }), 'b.members[0]');
    expectValidationError(() => diffRoutingConfig({ queue: [] } as never, {}), 'a.queue');
  });

  it('diffing a random snapshot with itself is empty, and with a changed copy is not (property)', () => {
    const json = fc.jsonValue({ maxDepth: 3 });
    const entity = fc.record({ id: fc.uuid(), name: fc.string({ minLength: 1, maxLength: 8 }), extra: json });
    fc.assert(
      fc.property(fc.uniqueArray(entity, { selector: (e) => e.id, maxLength: 6 }), (queues) => {
        const snapshot = { queues };
        expect(diffRoutingConfig(snapshot, structuredClone(snapshot)).identical).toBe(true);
        if (queues.length > 0) {
          const changed = structuredClone(snapshot);
          changed.queues[0]!.extra = { marker: [queues[0]!.extra] };
          const report = diffRoutingConfig(snapshot, changed);
          expect(report.changed.length).toBeGreaterThan(0);
          expect(report.changed.every((c) => c.path.startsWith(`$.queues[?(@.id=='${queues[0]!.id}')].extra`))).toBe(
            true,
          );
        }
      }),
    );
  });

  it('refuses values that are not JSON data instead of reporting NaN -> NaN as drift forever', () => {
    const nan = { queues: [{ id: 'q', x: [{ id: Number.NaN }] }] };
    expectValidationError(() => diffRoutingConfig(nan, nan), 'a.queues[0].x[0].id');
    expectValidationError(() => diffRoutingConfig({}, { skills: [{ id: 's', n: 2n }] }), 'b.skills[0].n');
    expectValidationError(
      () => diffRoutingConfig({}, { skills: [{ id: 's', when: new Date(0) }] }),
      'b.skills[0].when',
    );
    const cyclic: Record<string, unknown> = { id: 'q' };
    cyclic.loop = cyclic;
    const error = expectValidationError(() => diffRoutingConfig({ queues: [cyclic] }, {}));
    expect(error.message).toContain('nested deeper than 64 levels');
    // Plain JSON, however odd, still compares.
    expect(
      diffRoutingConfig(
        { queues: [{ id: 'q', v: [null, -0, 'x\u0000'] }] },
        { queues: [{ id: 'q', v: [null, 0, 'x\u0000'] }] },
      ).identical,
    ).toBe(true);
  });
});
