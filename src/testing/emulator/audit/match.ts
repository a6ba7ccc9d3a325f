// Applies an audit query to the audit log: interval on eventDate (start inclusive, end exclusive), service,
// filters (AND across properties, OR between repeated filters of one property) and the Timestamp sort.
import type { AuditLogMessage } from '../state/types.js';
import type { AuditQuery, FilterProperty } from './query.js';

function valueOf(m: AuditLogMessage, property: FilterProperty): string | undefined {
  switch (property) {
    case 'UserId':
      return m.user?.id;
    case 'ClientId':
      return m.client?.id;
    case 'Action':
      return m.action;
    case 'EntityType':
      return m.entityType;
    case 'EntityId':
      return m.entity?.id;
    case 'TrusteeOrganizationId':
      // A trustee acts from its own home org: the message's userHomeOrgId is the trustee org.
      return m.userHomeOrgId;
  }
}

export function matches(m: AuditLogMessage, q: AuditQuery): boolean {
  const at = Date.parse(m.eventDate);
  if (!(at >= q.fromMs && at < q.toMs)) return false;
  if (q.serviceName !== undefined && m.serviceName !== q.serviceName) return false;
  const byProperty = new Map<FilterProperty, string[]>();
  for (const f of q.filters) byProperty.set(f.property, [...(byProperty.get(f.property) ?? []), f.value]);
  for (const [property, values] of byProperty) {
    const actual = valueOf(m, property);
    if (actual === undefined || !values.includes(actual)) return false;
  }
  return true;
}

/**
 * Matching messages in the requested order. Default order: newest first (what Genesys' audit viewer shows;
 * the API's default is unconfirmed). Equal timestamps keep log order, reversed when descending.
 */
export function runQuery(log: readonly AuditLogMessage[], q: AuditQuery): AuditLogMessage[] {
  const found = log.filter((m) => matches(m, q));
  const ascending = found
    .map((m, i) => ({ m, i, at: Date.parse(m.eventDate) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((x) => x.m);
  const order = q.sort[0]?.sortOrder ?? 'descending';
  return order === 'ascending' ? ascending : ascending.reverse();
}
