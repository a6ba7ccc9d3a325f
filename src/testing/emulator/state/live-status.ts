// An agent's routing status and presence at the org clock. The rota (shifts.ts) decides unless someone set the
// status or the presence after the rota's last transition (the agent's client, or an API write): the latest
// event wins, as on the platform, and the part not set follows it (a presence other than On Queue takes the agent
// off queue; a routable status means On Queue). From the rota: on queue = the status last set if it is an
// on-queue one, else IDLE; break = OFF_QUEUE + Break; off shift = OFF_QUEUE + Offline. Inactive and deleted users
// keep what their record says.
import type { OrgState } from './org.js';
import { shiftStateAt } from './shifts.js';
import type { RoutingStatusRecord, SystemPresence, UserRecord } from './types.js';

export interface LiveStatus {
  routingStatus: RoutingStatusRecord;
  presence: { systemPresence: SystemPresence; modifiedDate: string };
}

export function liveStatus(state: OrgState, u: UserRecord): LiveStatus {
  const recorded = { routingStatus: u.routingStatus, presence: u.presence };
  if (u.state !== 'active') return recorded;
  const now = state.now().getTime();
  const { state: rota, since } = shiftStateAt(state.seed, u.id, now);
  const at = new Date(since).toISOString();
  const fromRota: LiveStatus =
    rota === 'onQueue'
      ? {
          routingStatus: {
            status: u.routingStatus.status === 'OFF_QUEUE' ? 'IDLE' : u.routingStatus.status,
            startTime: at,
          },
          presence: { systemPresence: 'On Queue', modifiedDate: at },
        }
      : {
          routingStatus: { status: 'OFF_QUEUE', startTime: at },
          presence: { systemPresence: rota === 'break' ? 'Break' : 'Offline', modifiedDate: at },
        };
  // Each part set after the rota's last transition wins; a part not set since follows the other one.
  const statusSet = Date.parse(u.routingStatus.startTime) >= since;
  const presenceSet = Date.parse(u.presence.modifiedDate) >= since;
  if (!statusSet && !presenceSet) return fromRota;
  if (statusSet && presenceSet) return recorded;
  if (presenceSet) {
    const onQueue = u.presence.systemPresence === 'On Queue';
    const status = onQueue
      ? fromRota.routingStatus.status === 'OFF_QUEUE'
        ? 'IDLE'
        : fromRota.routingStatus.status
      : 'OFF_QUEUE';
    return { routingStatus: { status, startTime: u.presence.modifiedDate }, presence: u.presence };
  }
  const routable = u.routingStatus.status !== 'OFF_QUEUE';
  const presence = routable ? 'On Queue' : rota === 'onQueue' ? 'Available' : fromRota.presence.systemPresence;
  return {
    routingStatus: u.routingStatus,
    presence: { systemPresence: presence, modifiedDate: u.routingStatus.startTime },
  };
}
