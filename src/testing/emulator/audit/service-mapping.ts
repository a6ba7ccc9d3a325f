// AuditQueryServiceMapping: the services, entity types and actions the emulator records (what its own
// mutation handlers write), merged with whatever else is in the audit log (e.g. entries added by tests).
import type { OrgState } from '../state/org.js';

// User-skill changes (every routingskills write) are recorded as Routing / User / Update with a `skills` property
// change holding the whole before/after sets (handlers/users/user-skills.ts): applyPlan's `removals: 'replace'` conflict
// check finds `User` here among its candidate entity types, as it would on an org whose mapping lists it.
const RECORDED: Record<string, Record<string, string[]>> = {
  Routing: {
    Queue: ['MemberAdd', 'MemberRemove', 'MemberUpdate'],
    RoutingSkill: ['Create', 'Delete', 'Update'],
    User: ['Update'],
  },
  // User objects belong to Directory on the platform; listed so queries for it are valid before any entry exists.
  Directory: { User: ['Create', 'Delete', 'Update'] },
};

export interface AuditQueryServiceMapping {
  services: Array<{ name: string; entities: Array<{ name: string; actions: string[] }> }>;
}

function collect(state: OrgState): Map<string, Map<string, Set<string>>> {
  const services = new Map<string, Map<string, Set<string>>>();
  const add = (service: string, entity: string, action: string) => {
    let entities = services.get(service);
    if (!entities) services.set(service, (entities = new Map()));
    let actions = entities.get(entity);
    if (!actions) entities.set(entity, (actions = new Set()));
    actions.add(action);
  };
  for (const [service, entities] of Object.entries(RECORDED)) {
    for (const [entity, actions] of Object.entries(entities))
      for (const action of actions) add(service, entity, action);
  }
  for (const m of state.auditLog) add(m.serviceName, m.entityType, m.action);
  return services;
}

export function serviceMapping(state: OrgState): AuditQueryServiceMapping {
  const byName = (a: string, b: string) => a.localeCompare(b);
  return {
    services: [...collect(state)]
      .sort(([a], [b]) => byName(a, b))
      .map(([name, entities]) => ({
        name,
        entities: [...entities]
          .sort(([a], [b]) => byName(a, b))
          .map(([entity, actions]) => ({ name: entity, actions: [...actions].sort(byName) })),
      })),
  };
}

export function serviceNames(state: OrgState): Set<string> {
  return new Set(collect(state).keys());
}
