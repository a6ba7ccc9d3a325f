// An agent's routing status and presence at the org clock. The rota (shifts.ts) decides unless someone set the
// status after the rota's last transition (the agent's client, or an API write): the latest event wins, as on
// the platform. On queue: the status last set if it is an on-queue one, else IDLE; break: OFF_QUEUE + Break;
// off shift: OFF_QUEUE + Offline. Inactive and deleted users keep what their record says.
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
  const lastSet = Math.max(Date.parse(u.routingStatus.startTime), Date.parse(u.presence.modifiedDate));
  if (lastSet >= since) return recorded;
  const at = new Date(since).toISOString();
  if (rota === 'onQueue') {
    const status = u.routingStatus.status === 'OFF_QUEUE' ? 'IDLE' : u.routingStatus.status;
    return { routingStatus: { status, startTime: at }, presence: { systemPresence: 'On Queue', modifiedDate: at } };
  }
  return { routingStatus: { status: 'OFF_QUEUE', startTime: at }, presence: { systemPresence: rota === 'break' ? 'Break' : 'Offline', modifiedDate: at } };
}
