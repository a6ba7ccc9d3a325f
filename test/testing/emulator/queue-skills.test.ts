// Each synthetic queue requires the skill its name says, as the platform shows it: the requestedRoutingSkillId of
// the queue's conversations (analytics aggregates over HTTP), resolved to names with the skills and queues listings.
import { describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../src/testing/index.js';
import { QUEUE_NAMES, SKILL_NAMES } from '../../../src/testing/emulator/state/names.js';
import { api, getToken, type Listing } from './helpers.js';

// The specification, written out by hand: queue name -> the skill it routes on.
const EXPECTED: Record<string, string> = {
  'Billing Support': 'Billing',
  'Sales Inbound': 'Sales',
  'Tech Support': 'Tech Support L1',
  'Customer Retention': 'Retentions',
  Collections: 'Collections',
  'Claims Processing': 'Claims',
  'New Customer Onboarding': 'Onboarding',
  'Returns & Exchanges': 'Returns',
  'Premium Care': 'Premium Accounts',
  'Fraud Prevention': 'Fraud',
  'Shipping Enquiries': 'Shipping',
  'Warranty Services': 'Warranty',
  'Spanish Line': 'Spanish',
  'French Line': 'French',
  'Escalations Desk': 'Escalations',
  'Web Chat': 'Chat Etiquette',
  'Email Support': 'Email Handling',
  'Mortgage Advice': 'Mortgages',
  'Insurance Desk': 'Insurance',
  'Payments Helpdesk': 'Payments',
};

/** 'Billing Support 2' -> 'Billing 2'. */
function expectedSkill(queueName: string): string {
  const m = /^(.*?)(?: (\d+))?$/.exec(queueName) as RegExpExecArray;
  const base = EXPECTED[m[1] as string];
  if (base === undefined) throw new Error(`no expectation for queue ${queueName}`);
  return m[2] ? `${base} ${m[2]}` : base;
}

async function listAll(emu: Emulator, token: string, path: string): Promise<Array<{ id: string; name: string }>> {
  const res = await api<Listing<{ id: string; name: string }>>(emu, token, `${path}?pageSize=500`);
  expect(res.status).toBe(200);
  expect(res.body.pageCount ?? 1).toBeLessThanOrEqual(1);
  return res.body.entities;
}

/** queue name -> names of the skills its conversations requested on one weekday. */
async function requestedSkillsByQueue(emu: Emulator): Promise<Map<string, string[]>> {
  const token = await getToken(emu);
  const queues = new Map((await listAll(emu, token, '/api/v2/routing/queues')).map((q) => [q.id, q.name]));
  const skills = new Map((await listAll(emu, token, '/api/v2/routing/skills')).map((s) => [s.id, s.name]));
  const res = await api<{ results?: Array<{ group: Record<string, string> }> }>(
    emu,
    token,
    '/api/v2/analytics/conversations/aggregates/query',
    {
      method: 'POST',
      json: {
        interval: '2025-01-07T00:00:00Z/2025-01-08T00:00:00Z',
        groupBy: ['queueId', 'requestedRoutingSkillId'],
        metrics: ['nOffered'],
        filter: { type: 'or', predicates: [...queues.keys()].map((value) => ({ dimension: 'queueId', value })) },
      },
    },
  );
  expect(res.status).toBe(200);
  const out = new Map<string, string[]>();
  for (const { group } of res.body.results ?? []) {
    const queue = queues.get(group['queueId'] as string) as string;
    const skill =
      group['requestedRoutingSkillId'] === undefined
        ? '(none)'
        : (skills.get(group['requestedRoutingSkillId']) ?? '(unlisted)');
    out.set(queue, [...new Set([...(out.get(queue) ?? []), skill])]);
  }
  return out;
}

describe('emulator: each queue requires the skill its name says', () => {
  it('every pool queue has a skill of the pool', () => {
    for (const q of QUEUE_NAMES) expect(SKILL_NAMES).toContain(expectedSkill(q));
  });

  const cases = [
    { seed: 42, org: { users: 300, skills: 20, queues: 10 } },
    { seed: 1, org: { users: 120, skills: 3, queues: 12 } },
    { seed: 9, org: { users: 200, skills: 40, queues: 24 } },
    { seed: 5, org: { users: 150, skills: 20, queues: 45 } },
  ];
  for (const { seed, org } of cases) {
    it(`seed ${seed}, ${org.skills} skills, ${org.queues} queues: conversations request the queue's own skill`, async () => {
      const emu = await startEmulator({ seed, org, rateLimit: false, analytics: { maxObservationQueues: 100 } });
      try {
        const byQueue = await requestedSkillsByQueue(emu);
        expect(byQueue.size).toBe(org.queues);
        for (const [queue, skills] of byQueue)
          expect({ queue, skills }).toEqual({ queue, skills: [expectedSkill(queue)] });
        // The org keeps at least the skills asked for; missing required ones were added.
        expect(emu.state.skills.size).toBeGreaterThanOrEqual(org.skills);
      } finally {
        await emu.close();
      }
    });
  }

  it("members prefer holders of the queue's skill: every member holds it, or every active holder is a member", async () => {
    for (const seed of [3, 42]) {
      const emu = await startEmulator({ seed, analytics: { trafficScale: 0 } });
      try {
        const { state } = emu;
        const active = [...state.users.values()].filter((u) => u.state === 'active').map((u) => u.id);
        for (const [queueId, members] of state.members) {
          const skillId = state.queueSkill.get(queueId) as string;
          const holds = (userId: string) => state.userSkills.get(userId)?.has(skillId) === true;
          const allMembersHold = [...members.keys()].every(holds);
          const allHoldersMembers = active.filter(holds).every((u) => members.has(u));
          expect(allMembersHold || allHoldersMembers).toBe(true);
        }
      } finally {
        await emu.close();
      }
    }
  });

  it('an org seeded without skills has queues without a required skill', async () => {
    const emu = await startEmulator({ org: { users: 30, skills: 0, queues: 3 } });
    try {
      expect(emu.state.skills.size).toBe(0);
      expect(emu.state.queueSkill.size).toBe(0);
      expect([...(await requestedSkillsByQueue(emu)).values()]).toEqual([['(none)'], ['(none)'], ['(none)']]);
    } finally {
      await emu.close();
    }
  });
});
