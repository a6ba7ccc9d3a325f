// The absence wave of a bench case: a share of the event queue's agents on queue at `from` set their presence to
// Away (which takes them off queue) and back On Queue at `to`, through the API as their clients would. Agents are
// picked among the queue's skill holders whose rota keeps them on queue through [from, to] (no break or shift end
// inside), so the rota does not bring them back early; the picks are the first by id.
import type { GenesysClient } from '../../src/index.js';
import type { Emulator } from '../../src/testing/index.js';
import { shiftStateAt } from '../../src/testing/emulator/state/shifts.js';

export interface Hook {
  userIds: string[];
  events: Array<{ at: number; run: () => Promise<void> }>;
}

export async function absenceWave(
  emu: Emulator,
  client: GenesysClient,
  queueId: string,
  share: number,
  from: number,
  to: number,
): Promise<Hook[]> {
  const skillId = emu.state.queueSkill.get(queueId);
  const seed = emu.state.seed;
  const holders = [...emu.state.membersOf(queueId).values()]
    .filter((m) => m.joined && skillId !== undefined && emu.state.userSkills.get(m.userId)?.has(skillId))
    .map((m) => m.userId)
    .filter((u) => shiftStateAt(seed, u, from).state === 'onQueue')
    .sort();
  const steady = holders.filter((u) => shiftStateAt(seed, u, to).since === shiftStateAt(seed, u, from).since);
  const userIds = steady.slice(0, Math.round(holders.length * share));
  const definitions = await client.routing.users.presence.definitions();
  const idOf = (presence: string) => definitions.find((d) => d.systemPresence === presence && !d.deactivated)?.id;
  const set = (presence: string) => async () => {
    const id = idOf(presence);
    if (!id) throw new Error(`no active presence definition ${presence}`);
    for (const userId of userIds) await client.routing.users.presence.set(userId, { presenceDefinitionId: id });
  };
  return [
    {
      userIds,
      events: [
        { at: from, run: set('Away') },
        { at: to, run: set('On Queue') },
      ],
    },
  ];
}
