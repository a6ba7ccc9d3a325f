// Emulator scenarios: orgs with something to fix, deterministic per seed (and, for the surge, the org clock's
// start). Applied once to the seeded org, before any request:
//  - 'balanced':     every queue's joined members hold its skill; moderate traffic. Every queue meets its target
//                    through the day: an optimizer has nothing to do.
//  - 'understaffed': busier traffic (trafficScale 4); half of the queues (every other one by name) keep their
//                    skill on about 30 % of their members, the others give it to all their joined members.
//                    There are enough agents on shift in total, with the skills in the wrong places:
//                    optimizeRouting / `genesys-routing optimize` proposes changes that bring every queue to target.
//  - 'surge':        'balanced', plus the busiest queue's arrivals x3 for two hours from the org clock's start:
//                    well above the WFM forecast (which does not expect it), for live-monitoring tools.
import type { OrgState } from './state/org.js';
import { buildTrafficModel } from './traffic/model.js';

export const SCENARIOS = ['understaffed', 'surge', 'balanced'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

const SCALE: Record<ScenarioName, number> = { balanced: 2, surge: 2, understaffed: 4 };
const SURGE_FACTOR = 3;
const SURGE_MS = 2 * 3_600_000;
const SLOT_MS = 15 * 60_000;

/** Applies `name` to a freshly seeded org; `scaleGiven` keeps a trafficScale the caller set explicitly. */
export function applyScenario(state: OrgState, name: ScenarioName, scaleGiven = false): void {
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
  if (name === 'surge') {
    const model = buildTrafficModel(state);
    const busiest = [...model.profiles.values()].sort(
      (a, b) => b.peakPerHour - a.peakPerHour || a.queueId.localeCompare(b.queueId),
    )[0];
    const from = Math.floor(state.now().getTime() / SLOT_MS) * SLOT_MS;
    if (busiest) state.scenario.surge = { queueId: busiest.queueId, from, to: from + SURGE_MS, factor: SURGE_FACTOR };
  }
}
