// Builds the synthetic org. Everything comes from one seeded stream, so the same seed and sizes always give
// the same ids, names, skills, memberships and timestamps (times are anchored to a fixed date, not now()).
import { Random, deriveSeed } from '../random.js';
import { OrgState } from './org.js';
import {
  DEPARTMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  QUEUE_NAMES,
  SKILL_NAMES,
  TITLES,
  poolName,
  queueSkillName,
} from './names.js';
import type { MediaSetting, MediaType, QueueRecord, RoutingStatusValue, SystemPresence, UserRecord } from './types.js';

export interface OrgSize {
  users: number;
  skills: number;
  queues: number;
}

/** Synthetic timestamps are relative to this instant, for reproducibility. */
export const SEED_EPOCH = Date.parse('2025-01-06T08:00:00.000Z');

const iso = (ms: number): string => new Date(ms).toISOString();
const DAY = 86_400_000;

const STATUS_WEIGHTS: ReadonlyArray<readonly [RoutingStatusValue, number]> = [
  ['OFF_QUEUE', 30],
  ['IDLE', 35],
  ['INTERACTING', 25],
  ['COMMUNICATING', 7],
  ['NOT_RESPONDING', 3],
];

const PRESENCE_FOR: Record<RoutingStatusValue, SystemPresence> = {
  OFF_QUEUE: 'Available',
  IDLE: 'On Queue',
  INTERACTING: 'On Queue',
  COMMUNICATING: 'On Queue',
  NOT_RESPONDING: 'On Queue',
};

export function seedOrg(seed: number, size: OrgSize): OrgState {
  const state = new OrgState(seed);
  const rng = new Random(deriveSeed(seed, 'org'));
  const home = state.homeDivision.id;

  const skillByName = new Map<string, string>();
  const addSkill = (name: string) => {
    const skill = state.addSkill({
      id: rng.uuid(),
      name,
      divisionId: home,
      dateModified: iso(SEED_EPOCH - rng.int(30, 700) * DAY),
    });
    skillByName.set(name, skill.id);
  };
  for (let i = 0; i < size.skills; i++) addSkill(poolName(SKILL_NAMES, i));
  // Each queue requires the skill its name says; an org seeded with fewer skills gets the missing ones (an org
  // seeded without skills has queues without a required skill). Created before the users so agents hold them too.
  const required = size.skills > 0 ? Array.from({ length: size.queues }, (_, i) => queueSkillName(i)) : [];
  for (const name of required) if (!skillByName.has(name)) addSkill(name);
  const skillIds = [...state.skills.keys()];

  const names = uniqueNames(rng, size.users);
  for (const [first, last] of names) seedUser(state, rng, first, last);

  const activeUsers = [...state.users.values()].filter((u) => u.state === 'active').map((u) => u.id);
  for (let i = 0; i < size.queues; i++) {
    const name = required[i];
    const skillId = name === undefined ? undefined : skillByName.get(name);
    const queue = state.addQueue(seedQueue(rng, poolName(QUEUE_NAMES, i), home), skillId);
    seedMembers(state, rng, queue.id, skillId, activeUsers);
  }

  for (let i = 0; i < Math.min(4, skillIds.length); i++) {
    const skillId = skillIds[i] as string;
    const skillName = state.skills.get(skillId)?.name ?? 'Skill';
    const created = SEED_EPOCH - rng.int(10, 200) * DAY;
    const id = rng.uuid();
    state.skillGroups.set(id, {
      id,
      name: `${skillName} Experts`,
      divisionId: home,
      description: `Agents with ${skillName} at proficiency 4 or more`,
      dateCreated: iso(created),
      dateModified: iso(created + rng.int(0, 5) * DAY),
      conditions: [{ skillId, minProficiency: 4 }],
    });
  }
  return state;
}

function uniqueNames(rng: Random, count: number): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let key = `${first} ${last}`;
    // Past the 2,500 distinct pairs, disambiguate like real orgs do (a middle initial).
    if (seen.has(key)) key = `${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const parts = key.split(' ');
    out.push([parts.slice(0, -1).join(' '), parts[parts.length - 1] as string]);
  }
  return out;
}

function seedUser(state: OrgState, rng: Random, first: string, last: string): UserRecord {
  const local = `${first} ${last}`
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .trim()
    .split(/\s+/)
    .join('.');
  const email = `${local}@example.com`;
  const status = rng.weighted(STATUS_WEIGHTS);
  const since = SEED_EPOCH - rng.int(1, 240) * 60_000;
  const user = state.addUser({
    id: rng.uuid(),
    name: `${first} ${last}`,
    email,
    username: email,
    state: rng.chance(0.03) ? 'inactive' : 'active',
    version: rng.int(1, 4),
    divisionId: state.homeDivision.id,
    department: rng.pick(DEPARTMENTS),
    title: rng.pick(TITLES),
    routingStatus: { status, startTime: iso(since) },
    presence: { systemPresence: PRESENCE_FOR[status], modifiedDate: iso(since) },
  });
  const skillIds = [...state.skills.keys()];
  if (skillIds.length > 0) {
    const count = Math.min(skillIds.length, rng.int(1, 4));
    for (const skillId of rng.shuffle(skillIds).slice(0, count)) {
      // Half integers, half one-decimal floats: both occur in real orgs.
      const proficiency = rng.chance(0.5) ? rng.int(1, 5) : Math.round(rng.float() * 50) / 10;
      state.setUserSkill(user.id, skillId, proficiency);
    }
  }
  return user;
}

function media(rng: Random, timeout: number, pct: number, durationMs: number): MediaSetting {
  return {
    alertingTimeoutSeconds: timeout,
    serviceLevel: { percentage: pct, durationMs },
    enableAutoAnswer: rng.chance(0.1),
  };
}

function seedQueue(rng: Random, name: string, divisionId: string): QueueRecord {
  const created = SEED_EPOCH - rng.int(60, 900) * DAY;
  const mediaSettings: Record<MediaType, MediaSetting> = {
    call: media(rng, 8, rng.pick([0.8, 0.8, 0.9, 0.7]), rng.pick([20_000, 20_000, 30_000, 15_000])),
    callback: media(rng, 30, 0.8, 300_000),
    chat: media(rng, 30, 0.8, 60_000),
    email: media(rng, 300, 0.8, 86_400_000),
    message: media(rng, 30, 0.8, 120_000),
  };
  return {
    id: rng.uuid(),
    name,
    divisionId,
    description: `${name} queue`,
    dateCreated: iso(created),
    dateModified: iso(created + rng.int(1, 50) * DAY),
    mediaSettings,
    acwSettings: rng.chance(0.5)
      ? { wrapupPrompt: 'OPTIONAL' }
      : { wrapupPrompt: 'MANDATORY_TIMEOUT', timeoutMs: rng.pick([30_000, 60_000, 120_000]) },
    skillEvaluationMethod: rng.weighted([
      ['BEST', 6],
      ['ALL', 3],
      ['NONE', 1],
    ] as const),
    bullseye: {
      rings: [
        { expansionCriteria: [{ type: 'TIMEOUT_SECONDS', threshold: 15 }] },
        { expansionCriteria: [{ type: 'TIMEOUT_SECONDS', threshold: 30 }] },
        { expansionCriteria: [] },
      ],
    },
    scoringMethod: 'TimestampAndPriority',
    lastAgentRoutingMode: 'Disabled',
    autoAnswerOnly: false,
    enableTranscription: false,
    enableManualAssignment: false,
  };
}

/** 20-60 members per queue, preferring users who hold the queue's skill. */
function seedMembers(
  state: OrgState,
  rng: Random,
  queueId: string,
  skillId: string | undefined,
  activeUsers: string[],
): void {
  if (activeUsers.length === 0) return;
  const target = Math.min(activeUsers.length, rng.int(20, 60));
  const shuffled = rng.shuffle(activeUsers);
  const withSkill = skillId ? shuffled.filter((id) => state.userSkills.get(id)?.has(skillId)) : [];
  const holders = new Set(withSkill);
  const rest = shuffled.filter((id) => !holders.has(id));
  for (const userId of [...withSkill, ...rest].slice(0, target)) {
    state.addMember(queueId, userId, {
      ringNumber: rng.weighted([
        [1, 8],
        [2, 2],
      ] as const),
      joined: rng.chance(0.85),
    });
  }
}
