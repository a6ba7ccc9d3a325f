// Flattens audit messages into one row per property change: what the workflows layer compares with its
// own record of the changes it applied.
import type { AuditLogMessage } from '../schemas/audit.js';

/** One property change of an audit message, flattened (`findChanges`). */
export interface AuditChangeRow {
  /** The audit message id. */
  auditId: string;
  /** When it happened, ISO-8601. */
  eventDate: string;
  /** The service that logged it (e.g. `Routing`). */
  serviceName: string | undefined;
  /** The entity's type (e.g. `Queue`). */
  entityType: string | undefined;
  /** The entity's id. */
  entityId: string | undefined;
  /** The entity's name. */
  entityName: string | undefined;
  /** The audited action (e.g. `Update`). */
  action: string | undefined;
  /** The property that changed. */
  property: string;
  /** Its values before. */
  oldValues: string[];
  /** Its values after. */
  newValues: string[];
  /** The user who acted (absent for OAuth client-credentials changes). */
  userId: string | undefined;
  /** The OAuth client that acted. */
  clientId: string | undefined;
}

/** Which changes `findChanges` keeps (every given field must match). */
export interface FindChangesOptions {
  /** Only changes of this entity. */
  entityId?: string;
  /** Only changes of entities of this type. */
  entityType?: string;
  /** Only changes made by this action. */
  action?: string;
  /** Exact property name, or a RegExp tested against it. */
  property?: string | RegExp;
}

/**
 * One row per `propertyChanges[]` item of the messages that match, in the messages' order.
 * Messages without property changes yield no rows.
 *
 * @example
 * const messages = await client.audit.realtime.query({ interval, serviceName: 'Routing', entityId: userId }).toArray();
 * for (const row of findChanges(messages, { property: 'skills' })) console.log(row.eventDate, row.oldValues, row.newValues);
 */
export function findChanges(messages: Iterable<AuditLogMessage>, options: FindChangesOptions = {}): AuditChangeRow[] {
  const rows: AuditChangeRow[] = [];
  const { property } = options;
  // search() ignores lastIndex, so a /g RegExp behaves the same on every row.
  const wantProperty = (p: string) =>
    property === undefined || (typeof property === 'string' ? p === property : p.search(property) >= 0);
  for (const m of messages) {
    if (options.entityId !== undefined && m.entity?.id !== options.entityId) continue;
    if (options.entityType !== undefined && m.entityType !== options.entityType) continue;
    if (options.action !== undefined && m.action !== options.action) continue;
    for (const change of m.propertyChanges ?? []) {
      if (!wantProperty(change.property)) continue;
      rows.push({
        auditId: m.id,
        eventDate: m.eventDate,
        serviceName: m.serviceName,
        entityType: m.entityType,
        entityId: m.entity?.id,
        entityName: m.entity?.name,
        action: m.action,
        property: change.property,
        oldValues: [...(change.oldValues ?? [])],
        newValues: [...(change.newValues ?? [])],
        userId: m.user?.id,
        clientId: m.client?.id,
      });
    }
  }
  return rows;
}
