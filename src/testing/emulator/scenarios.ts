// Emulator scenarios: orgs with something to fix, deterministic per seed (and, for the surge, the org clock's
// start). Applied once to the seeded org, before any request:
//  - 'balanced':     every queue's joined members hold its skill; moderate traffic. Every queue meets its target
//                    through the day: an optimizer has nothing to do.
//  - 'understaffed': busier traffic (trafficScale 4); half of the queues (every other one by name) keep their
//                    skill on about 30 % of their members, the others give it to all their joined members.
//                    There are enough agents on shift in total, with the skills in the wrong places:
//                    optimizeRouting / `genesys-routing optimize` proposes changes that bring every queue to target.
//  - 'surge':        'balanced', plus the busiest queue's arrivals x3 for two hours from the org clock's start
//                    (`surge` option: another factor, start or length, or the N busiest queues at once): well
//                    above the WFM forecast (which does not expect it), for live-monitoring tools. A surging queue
//                    is staffed to its forecast (see staffForForecast), so in the live day (live/) it meets its
//                    target except in the surge.
// Every scenario: the last queue by name requests the org's first language (English) in 80 % of its conversations
// (markLanguageQueue), so history carries `requestedLanguageId`.
import { requiredAgents } from '../../optimizer/queueing/staffing/staffing.js';
import type { OrgState } from './state/org.js';
import { adminState } from './state/admin.js';
import type { QueueRecord } from './state/types.js';
import { DAY_MS, onQueueAt } from './state/shifts.js';
import { SLOT_MS, arrivalRate } from './traffic/synthetic/generate.js';
import { buildTrafficModel, type QueueProfile, type TrafficModel } from './traffic/synthetic/model.js';

/**
 * The org scenarios `startEmulator({ scenario })` seeds: `understaffed`, `surge` and `balanced` (see `ScenarioName`).
 */
export const SCENARIOS = ['understaffed', 'surge', 'balanced'] as const;
/**
 * An org scenario: `balanced` (every queue meets its target), `understaffed` (skills in the wrong places), `surge`
 * (the busiest queue gets three times its forecast for two hours).
 */
export type ScenarioName = (typeof SCENARIOS)[number];

const SCALE: Record<ScenarioName, number> = { balanced: 2, surge: 2, understaffed: 4 };
const SURGE_FACTOR = 3;
const SURGE_MS = 2 * 3_600_000;
/** Mean after-call work of the live day's calls (10-60 s). */
const MEAN_ACW_MS = 35_000;
/** Agents on queue above the Erlang C figure in each slot: the surge queue's holders also serve other queues. */
const MARGIN_AGENTS = 1;

/** `startEmulator({ surge })`: the surge scenario's shape (epoch ms for `from`). */
export interface SurgeShape {
  /** Multiplier of the surge queue's arrivals (default 3). */
  factor?: number;
  /** Start of the surge, epoch ms (default the org clock's start, rounded down to 15 minutes). */
  from?: number;
  /** Length of the surge, minutes (default 120). */
  minutes?: number;
  /** How many of the busiest queues surge together, each staffed to its forecast (default 1). */
  queues?: number;
}

/** Applies `name` to a freshly seeded org; `scaleGiven` keeps a trafficScale the caller set explicitly. */
export function applyScenario(state: OrgState, name: ScenarioName, scaleGiven = false, surge: SurgeShape = {}): void {
  state.scenario.name = name;
  if (!scaleGiven) state.analytics.trafficScale = SCALE[name];
  const queues = [...state.queues.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  queues.forEach((queue, i) => {
    const skillId = state.queueSkill.get(queue.id);
    if (!skillId) return;
    const joined = [...state.membersOf(queue.id).values()]
      .filter((m) => m.joined && state.users.get(m.userId)?.state === 'active')
      .map((m) => m.userId)
      .sort();
    if (name === 'understaffed' && i % 2 === 0) {
      const holders = joined.filter((u) => state.userSkills.get(u)?.has(skillId));
      const keep = Math.max(2, Math.round(joined.length * 0.3));
      for (const userId of holders.slice(keep)) state.userSkills.get(userId)?.delete(skillId);
      for (const userId of joined
        .filter((u) => !state.userSkills.get(u)?.has(skillId))
        .slice(0, Math.max(0, keep - holders.length)))
        state.setUserSkill(userId, skillId, 3);
      return;
    }
    for (const userId of joined)
      if (!state.userSkills.get(userId)?.has(skillId)) state.setUserSkill(userId, skillId, 3);
  });
  markLanguageQueue(state, queues);
  if (name === 'surge') {
    const model = buildTrafficModel(state);
    const busiest = [...model.profiles.values()]
      .sort((a, b) => b.peakPerHour - a.peakPerHour || a.queueId.localeCompare(b.queueId))
      .slice(0, surge.queues ?? 1);
    const now = state.now().getTime();
    const from = surge.from ?? Math.floor(now / SLOT_MS) * SLOT_MS;
    const to = from + (surge.minutes === undefined ? SURGE_MS : surge.minutes * 60_000);
    for (const profile of busiest) {
      state.scenario.surges.push({ queueId: profile.queueId, from, to, factor: surge.factor ?? SURGE_FACTOR });
      staffForForecast(state, model, profile, Math.floor(now / DAY_MS) * DAY_MS);
    }
  }
}

/** Share of the language queue's conversations that request its language. */
const LANGUAGE_SHARE = 0.8;

/**
 * The last queue by name takes its calls in the org's first routing language (English, which every seeded agent
 * holds at 3 or more): 80 % of its conversations request it (`requestedLanguageId` in the conversation details and
 * aggregates), as a flow that sets the language would. Every agent already serves it, so plans are unchanged; a
 * planner that reads languages from history finds the requirement.
 */
function markLanguageQueue(state: OrgState, queues: readonly QueueRecord[]): void {
  const queue = queues[queues.length - 1];
  const language = [...adminState(state).languages.values()][0];
  if (queue && language) state.queueLanguage.set(queue.id, { languageId: language.id, share: LANGUAGE_SHARE });
}

/**
 * The surge queue keeps its skill on just enough of its joined members for its forecast demand on the UTC day
 * starting at `day`, like a centre staffed to its forecast: in every 15-minute slot, the Erlang C agents for its
 * service-level target (voice threshold) plus MARGIN_AGENTS on queue by the rota, covered greedily by the agents
 * whose shifts waste the fewest slots already covered, then without the holders no slot needs. The live day then
 * meets the target without the surge and misses it in a surge; the other queues' agents (every joined member
 * holds their skill) are the capacity to move.
 */
function staffForForecast(state: OrgState, model: TrafficModel, profile: QueueProfile, day: number): void {
  const skillId = profile.skillId;
  if (!skillId) return;
  const joined = [...state.membersOf(profile.queueId).values()]
    .filter((m) => m.joined && state.users.get(m.userId)?.state === 'active')
    .map((m) => m.userId)
    .sort();
  const proficiency = new Map(joined.map((u) => [u, state.userSkills.get(u)?.get(skillId) ?? 3]));
  const slots = Array.from({ length: DAY_MS / SLOT_MS }, (_, k) => day + k * SLOT_MS);
  const handleMs = profile.meanTalkMs + MEAN_ACW_MS;
  const need = slots.map((slot) => {
    const load = (arrivalRate({ scale: model.scale, surges: [] }, profile, slot) / 3_600_000) * handleMs;
    if (load <= 0) return 0;
    const sl = profile.serviceLevel.voice;
    const target = { targetSeconds: sl.durationMs / 1000, serviceLevel: Math.min(0.99, sl.percentage) };
    return requiredAgents({ traffic: load, ahtSeconds: handleMs / 1000, ...target }).agents + MARGIN_AGENTS;
  });
  const onQueue = new Map(joined.map((u) => [u, slots.map((slot) => onQueueAt(state.seed, u, slot + SLOT_MS / 2))]));
  const have = slots.map(() => 0);
  const holders: string[] = [];
  const waste = (u: string) => (onQueue.get(u) as boolean[]).filter((on, j) => on && have[j]! >= need[j]!).length;
  for (let k = 0; k < slots.length; k++) {
    while (have[k]! < need[k]!) {
      const candidates = joined.filter((u) => !holders.includes(u) && onQueue.get(u)![k]);
      const pick = candidates.map((u) => ({ u, w: waste(u) })).sort((a, b) => a.w - b.w || (a.u < b.u ? -1 : 1))[0];
      if (!pick) break;
      holders.push(pick.u);
      onQueue.get(pick.u)!.forEach((on, j) => (have[j]! += on ? 1 : 0));
    }
  }
  for (const u of [...holders].reverse()) {
    const spans = onQueue.get(u)!;
    if (spans.every((on, j) => !on || have[j]! - 1 >= need[j]!)) {
      holders.splice(holders.indexOf(u), 1);
      spans.forEach((on, j) => (have[j]! -= on ? 1 : 0));
    }
  }
  for (const userId of joined) state.userSkills.get(userId)?.delete(skillId);
  for (const userId of holders) state.setUserSkill(userId, skillId, proficiency.get(userId) ?? 3);
}
