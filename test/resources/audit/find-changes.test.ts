import { describe, expect, it } from 'vitest';
import { findChanges, type AuditLogMessage } from '../../../src/resources/audit/index.js';

const messages: AuditLogMessage[] = [
  {
    id: 'a1',
    eventDate: '2025-03-01T10:00:00.000Z',
    serviceName: 'Routing',
    entityType: 'User',
    action: 'Update',
    entity: { id: 'u1', name: 'Ada' },
    user: { id: 'admin-1' },
    client: { id: 'client-1' },
    propertyChanges: [
      { property: 'skills', oldValues: ['Billing:2'], newValues: ['Billing:4'] },
      { property: 'languages', oldValues: [], newValues: ['French:3'] },
    ],
  },
  {
    id: 'a2',
    eventDate: '2025-03-01T11:00:00.000Z',
    serviceName: 'Routing',
    entityType: 'Queue',
    action: 'MemberAdd',
    entity: { id: 'q1' },
    client: { id: 'client-2' },
    propertyChanges: [{ property: 'members', newValues: ['u1'] }],
  },
  {
    id: 'a3',
    eventDate: '2025-03-01T12:00:00.000Z',
    entityType: 'RoutingSkill',
    action: 'Delete',
    entity: { id: 's1' },
  },
];

describe('findChanges', () => {
  it('flattens every property change into a row', () => {
    expect(findChanges(messages)).toEqual([
      {
        auditId: 'a1',
        eventDate: '2025-03-01T10:00:00.000Z',
        serviceName: 'Routing',
        entityType: 'User',
        entityId: 'u1',
        entityName: 'Ada',
        action: 'Update',
        property: 'skills',
        oldValues: ['Billing:2'],
        newValues: ['Billing:4'],
        userId: 'admin-1',
        clientId: 'client-1',
      },
      {
        auditId: 'a1',
        eventDate: '2025-03-01T10:00:00.000Z',
        serviceName: 'Routing',
        entityType: 'User',
        entityId: 'u1',
        entityName: 'Ada',
        action: 'Update',
        property: 'languages',
        oldValues: [],
        newValues: ['French:3'],
        userId: 'admin-1',
        clientId: 'client-1',
      },
      {
        auditId: 'a2',
        eventDate: '2025-03-01T11:00:00.000Z',
        serviceName: 'Routing',
        entityType: 'Queue',
        entityId: 'q1',
        entityName: undefined,
        action: 'MemberAdd',
        property: 'members',
        oldValues: [],
        newValues: ['u1'],
        userId: undefined,
        clientId: 'client-2',
      },
    ]);
  });

  it('filters by entity, type, action and property (string or RegExp)', () => {
    expect(findChanges(messages, { entityId: 'u1', property: 'skills' }).map((r) => r.newValues)).toEqual([
      ['Billing:4'],
    ]);
    expect(findChanges(messages, { entityType: 'Queue' }).map((r) => r.auditId)).toEqual(['a2']);
    expect(findChanges(messages, { action: 'Update' }).map((r) => r.property)).toEqual(['skills', 'languages']);
    const global = /^(skills|members)$/g;
    expect(findChanges(messages, { property: global }).map((r) => r.property)).toEqual(['skills', 'members']);
    expect(findChanges(messages, { entityId: 's1' })).toEqual([]);
  });

  it('rows do not share arrays with the messages', () => {
    const [row] = findChanges(messages, { property: 'skills' });
    row!.newValues.push('mutated');
    expect(messages[0]!.propertyChanges![0]!.newValues).toEqual(['Billing:4']);
  });
});
