// Renders stored audit messages as the API's AuditLogMessage (field names of the official SDK model):
// entity refs get their selfUri, and `expand=user` adds the acting user's name.
import type { OrgState } from '../state/org.js';
import type { AuditLogMessage } from '../state/types.js';

export function auditMessageView(state: OrgState, m: AuditLogMessage, expandUser: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(m) as unknown as Record<string, unknown>;
  if (m.user) {
    const name = m.user.name ?? state.users.get(m.user.id)?.name;
    out['user'] = {
      id: m.user.id,
      ...(expandUser && name !== undefined ? { name } : {}),
      selfUri: `/api/v2/users/${m.user.id}`,
    };
  }
  if (m.client) out['client'] = { id: m.client.id, selfUri: `/api/v2/oauth/clients/${m.client.id}` };
  return out;
}
