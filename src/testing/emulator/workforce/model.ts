// Workforce management (WFM) data of the emulated org, derived on demand from the seed and the live org, so it
// always agrees with everything else: one business unit (time zone UTC, weeks start on Monday), management
// units that split the active agents, one planning group per queue (route path: the queue and its skill), one
// short-term forecast per week (expected arrivals per 15-minute interval from the same demand model the
// synthetic traffic draws from, without a scenario's surge, which is what the forecast did not see coming) and
// one published schedule per week whose agent shifts are the rota the agents actually work (state/shifts.ts).
import { Random, deriveSeed } from '../random.js';
import type { OrgState } from '../state/org.js';
import { shiftsBetween, type Shift } from '../state/shifts.js';
import { arrivalRate, SLOT_MS } from '../traffic/synthetic/generate.js';
import { buildTrafficModel } from '../traffic/synthetic/model.js';

export const WEEK_DAYS = 7;
export const FORECAST_INTERVAL_MINUTES = 15;
/** Activity code ids of the business unit's default codes (what the emulator schedules use). */
export const ACTIVITY_CODES = {
  onQueue: { id: '0', name: 'On Queue Work', category: 'OnQueueWork' },
  break: { id: '1', name: 'Break', category: 'Break' },
} as const;

export { defaultWorkforceSettings, type WorkforceSettings } from './settings.js';

const id = (seed: number, label: string) => new Random(deriveSeed(seed, `wfm:${label}`)).uuid();

export interface ManagementUnitRecord {
  id: string;
  name: string;
  userIds: string[];
}

export function businessUnit(state: OrgState) {
  return {
    id: id(state.seed, 'business-unit'),
    name: 'Emulated Contact Centre',
    timeZone: 'UTC',
    startDayOfWeek: 'Monday',
  };
}

/** Active agents dealt round-robin (in name order) into the management units. */
export function managementUnits(state: OrgState): ManagementUnitRecord[] {
  const count = Math.max(0, state.workforce.managementUnits);
  const units: ManagementUnitRecord[] = Array.from({ length: count }, (_, i) => ({
    id: id(state.seed, `mu:${i}`),
    name: `Team ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`,
    userIds: [],
  }));
  const agents = [...state.users.values()]
    .filter((u) => u.state === 'active')
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  agents.forEach((u, i) => units[i % Math.max(1, count)]?.userIds.push(u.id));
  return units;
}

export interface PlanningGroupRecord {
  id: string;
  name: string;
  queueId: string;
  skillId: string | undefined;
}

export function planningGroups(state: OrgState): PlanningGroupRecord[] {
  return [...state.queues.values()]
    .map((q) => ({
      id: id(state.seed, `planning-group:${q.id}`),
      name: q.name,
      queueId: q.id,
      skillId: state.queueSkill.get(q.id),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** 'yyyy-MM-dd' of a Monday -> epoch ms of 00:00 UTC; undefined when not such a date. */
export function weekStart(weekDate: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(weekDate)) return undefined;
  const ms = Date.parse(`${weekDate}T00:00:00.000Z`);
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== weekDate) return undefined;
  return ms;
}

export const isMonday = (ms: number) => new Date(ms).getUTCDay() === 1;

/** The Monday (yyyy-MM-dd) of the week holding `t`. */
export function mondayOf(t: number): string {
  const day = Math.floor(t / 86_400_000) * 86_400_000;
  const back = (new Date(day).getUTCDay() + 6) % 7;
  return new Date(day - back * 86_400_000).toISOString().slice(0, 10);
}

export const forecastId = (state: OrgState, weekDate: string) => id(state.seed, `forecast:${weekDate}`);
export const scheduleId = (state: OrgState, weekDate: string) => id(state.seed, `schedule:${weekDate}`);

/** Expected offered contacts and handle time per 15-minute interval of the week, per planning group. */
export function forecastData(state: OrgState, weekDate: string, start: number) {
  const model = { ...buildTrafficModel(state), surges: [] };
  const intervals = (WEEK_DAYS * 24 * 60) / FORECAST_INTERVAL_MINUTES;
  const planningGroupsData = planningGroups(state).map((g) => {
    const profile = model.profiles.get(g.queueId);
    const offered = Array.from({ length: intervals }, (_, i) =>
      profile ? round2((arrivalRate(model, profile, start + i * SLOT_MS) * SLOT_MS) / 3_600_000) : 0,
    );
    // Handle time = talk + about 15 s of hold on average + about 35 s of after-contact work.
    const aht = profile ? round2(profile.meanTalkMs / 1000 + 50) : 0;
    return {
      planningGroupId: g.id,
      offeredPerInterval: offered,
      averageHandleTimeSecondsPerInterval: offered.map(() => aht),
    };
  });
  return {
    referenceStartDate: new Date(start).toISOString(),
    planningGroups: planningGroupsData,
    weekNumber: 0,
    weekCount: 1,
    weekDate,
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A week's shifts of one agent as BuAgentScheduleShift objects (activities: on queue, break, on queue). */
export function agentShifts(
  state: OrgState,
  userId: string,
  start: number,
  schedule: { id: string; weekDate: string },
) {
  const end = start + WEEK_DAYS * 86_400_000;
  return shiftsBetween(state.seed, userId, start, end)
    .filter((s) => s.start >= start)
    .map((s) => shiftView(state, userId, s, schedule));
}

function shiftView(state: OrgState, userId: string, s: Shift, schedule: { id: string; weekDate: string }) {
  const minutes = (a: number, b: number) => Math.round((b - a) / 60_000);
  const activity = (from: number, to: number, code: { id: string; name: string }) => ({
    startDate: new Date(from).toISOString(),
    lengthMinutes: minutes(from, to),
    description: code.name,
    activityCodeId: code.id,
    paid: true,
  });
  return {
    id: id(state.seed, `shift:${userId}:${s.start}`),
    startDate: new Date(s.start).toISOString(),
    lengthMinutes: minutes(s.start, s.end),
    activities: [
      activity(s.onQueue[0][0], s.onQueue[0][1], ACTIVITY_CODES.onQueue),
      activity(s.pause[0], s.pause[1], ACTIVITY_CODES.break),
      activity(s.onQueue[1][0], s.onQueue[1][1], ACTIVITY_CODES.onQueue),
    ],
    manuallyEdited: false,
    schedule: { id: schedule.id, weekDate: schedule.weekDate },
  };
}
