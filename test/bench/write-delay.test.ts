// `npm run bench:autopilot -- --write-delay S` (bench/autopilot/write-delay.ts): the first skill or membership
// write after each autopilot decision waits S on the day's clock; reads never wait.
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/internal/clock.js';
import { writeDelay } from '../../bench/autopilot/write-delay.js';
import { clientFor, emulator } from '../transport/helpers.js';

function recordingClock(): Clock & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}

describe('bench --write-delay', () => {
  it('waits once per decision, before its first write, and never for a read', async () => {
    const emu = await emulator({ org: { users: 3, skills: 3, queues: 1 } });
    const delay = writeDelay(180_000);
    const clock = recordingClock();
    delay.useClock(clock);
    const client = clientFor(emu, { fetch: delay.fetch });
    const userId = [...emu.state.users.values()].find((u) => u.state === 'active')!.id;
    const [first, second] = [...emu.state.skills.keys()];

    await client.routing.userSkills.held(userId);
    await client.analytics.observations.queueLoad([...emu.state.queues.keys()]); // a POST that reads
    expect(clock.waits).toEqual([]);
    await client.routing.userSkills.patchBulk(userId, [{ id: first!, proficiency: 3 }]);
    await client.routing.userSkills.patchBulk(userId, [{ id: second!, proficiency: 3 }]);
    expect(clock.waits).toEqual([180_000]);
    delay.decided();
    await client.routing.userSkills.held(userId);
    expect(clock.waits).toEqual([180_000]);
    await client.routing.userSkills.patchBulk(userId, [{ id: first!, proficiency: 4 }]);
    expect(clock.waits).toEqual([180_000, 180_000]);
    expect(emu.state.skillsOf(userId).get(first!)).toBe(4);
  });
});
