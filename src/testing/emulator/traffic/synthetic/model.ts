// What the synthetic traffic of each queue depends on: fixed per-queue traits (from a hash of the seed and the
// queue id) plus the roster (joined members, the queue's required skill from `state.queueSkill`, their
// proficiencies). Built once per request, so every slot generated for that request sees the same roster.
// As on the platform, history does not change when the roster does: each roster seen is kept with the org-clock
// time it took effect (`eras`), and a slot is generated with the roster in effect when it started.
import { Random, deriveSeed } from '../../random.js';
import type { OrgState } from '../../state/org.js';
import type { QueueLanguageDemand, QueueRecord } from '../../state/types.js';
import type { SurgeRecord } from '../config.js';
import { TRAFFIC_MEDIA, type SyntheticConversation, type TrafficMedia } from './conversation.js';

export { TRAFFIC_MEDIA, type TrafficMedia };

const SETTINGS_KEY: Record<TrafficMedia, keyof QueueRecord['mediaSettings']> = {
  voice: 'call',
  chat: 'chat',
  message: 'message',
  email: 'email',
  callback: 'callback',
};

/** Mean talk time per media type, ms (before the agent's proficiency factor). */
export const BASE_TALK_MS: Record<TrafficMedia, number> = {
  voice: 300_000,
  chat: 420_000,
  message: 360_000,
  email: 480_000,
  callback: 270_000,
};
/** Mean customer patience per media type, ms (emails never abandon). */
export const PATIENCE_MS: Record<TrafficMedia, number> = {
  voice: 150_000,
  chat: 300_000,
  message: 600_000,
  email: Infinity,
  callback: 900_000,
};

export interface EligibleAgent {
  userId: string;
  /** Proficiency in the queue's required skill (0 when the agent does not hold it). */
  proficiency: number;
  /** Routing weight (best-skilled agents get more work when the queue evaluates BEST). */
  weight: number;
}

export interface QueueProfile {
  queueId: string;
  queueName: string;
  divisionId: string;
  /** The required skill (emulator-only `state.queueSkill`), when it still exists. */
  skillId: string | undefined;
  /** The language its conversations request, in what share of them (emulator-only `state.queueLanguage`). */
  language: QueueLanguageDemand | undefined;
  /** Arrivals per hour at the daily peak, before `trafficScale`. */
  peakPerHour: number;
  mediaMix: ReadonlyArray<readonly [TrafficMedia, number]>;
  serviceLevel: Record<TrafficMedia, { percentage: number; durationMs: number }>;
  /** Cap on after-contact work when the queue forces a wrap-up timeout. */
  acwTimeoutMs: number | undefined;
  agents: EligibleAgent[];
  /** Mean talk time over the media mix, ms: with the agents on queue in a slot it sets that slot's mean wait. */
  meanTalkMs: number;
  /** Multiplies arrivals (a scenario's demand shape); 1 = as seeded. */
  demandScale: number;
  /** Everything generation depends on, as a string: the cache key of generated slots. */
  signature: string;
  /** The same less the traffic scale: the roster's part (a change of it starts a new era). */
  roster: string;
}

export interface TrafficModel {
  seed: number;
  scale: number;
  /** A scenario's surges: arrivals of each queue multiplied by its `factor` in [from, to) (epoch ms). */
  surges: readonly SurgeRecord[];
  /** The roster now: each queue's profile. */
  profiles: Map<string, QueueProfile>;
  /** Rosters over time, oldest first; the first covers all time before the next. */
  eras: readonly RosterEra[];
  wrapUpCodes: readonly string[];
  /** Independent weeks of history: the UTC midnight weeks are counted back from; undefined when weeks repeat. */
  weeksFrom: number | undefined;
  /** Generated slots of this org (bounded LRU), keyed by slot start and profile signature. */
  cache: Map<string, readonly SyntheticConversation[]>;
}

/** Slots kept per org (a week of 15-minute slots for 10 queues is 6,720); least recently used evicted first. */
export const SLOT_CACHE_SIZE = 10_000;
const caches = new WeakMap<OrgState, Map<string, readonly SyntheticConversation[]>>();

/** A roster and the org-clock time (epoch ms) from which it was in effect. */
export interface RosterEra {
  from: number;
  /** The roster's key (what generation depends on, less the traffic scale, which applies to all time). */
  signature: string;
  /** The traffic scale the profiles' signatures were made with. */
  scale: number;
  profiles: Map<string, QueueProfile>;
}
const timelines = new WeakMap<OrgState, RosterEra[]>();

const WRAP_UP_CODE_COUNT = 6;

/** Ids of the synthetic wrap-up codes (stable per seed). Wrap-up code listings are not served yet. */
export function wrapUpCodeIds(seed: number): string[] {
  const rng = new Random(deriveSeed(seed, 'wrapup-codes'));
  return Array.from({ length: WRAP_UP_CODE_COUNT }, () => rng.uuid());
}

export function buildTrafficModel(state: OrgState): TrafficModel {
  const profiles = new Map<string, QueueProfile>();
  for (const queue of state.queues.values()) profiles.set(queue.id, profileOf(state, queue));
  const eras = recordRoster(state, profiles);
  let cache = caches.get(state);
  if (!cache) caches.set(state, (cache = new Map()));
  return {
    seed: state.seed,
    scale: Math.max(0, state.analytics.trafficScale),
    surges: state.scenario.surges,
    profiles,
    eras,
    wrapUpCodes: wrapUpCodeIds(state.seed),
    weeksFrom: state.analytics.historyWeeks === 'independent' ? state.historyWeeksFrom : undefined,
    cache,
  };
}

/**
 * Keeps the roster's timeline: the roster of the first traffic request covers the whole past; a roster that
 * differs from the last takes effect at the org clock's time now (for slots that start from then).
 */
function recordRoster(state: OrgState, profiles: Map<string, QueueProfile>): RosterEra[] {
  const scale = state.analytics.trafficScale;
  const signature = [...profiles.values()].map((p) => p.roster).join('\n');
  let eras = timelines.get(state);
  if (!eras) timelines.set(state, (eras = []));
  const last = eras[eras.length - 1];
  if (!last) eras.push({ from: -Infinity, signature, scale, profiles });
  else if (last.signature !== signature) {
    const from = state.now().getTime();
    // Changes within one instant replace each other; the past keeps its roster.
    if (last.from >= from && eras.length > 1) eras.pop();
    eras.push({ from, signature, scale, profiles });
  }
  // The traffic scale is a setting of the whole history, not part of a roster: earlier eras follow it.
  for (const era of eras) {
    if (era.scale === scale) continue;
    for (const [id, p] of era.profiles) era.profiles.set(id, { ...p, signature: JSON.stringify([scale, p.roster]) });
    era.scale = scale;
  }
  return eras;
}

/** The profile of `queueId` in the roster in effect at `t` (epoch ms); undefined for a queue that did not exist. */
export function profileAt(model: TrafficModel, queueId: string, t: number): QueueProfile | undefined {
  for (let i = model.eras.length - 1; i >= 0; i--) {
    const era = model.eras[i] as RosterEra;
    // A queue created since then has its seeded history with today's roster.
    if (era.from <= t) return era.profiles.get(queueId) ?? model.profiles.get(queueId);
  }
  return model.profiles.get(queueId);
}

function profileOf(state: OrgState, queue: QueueRecord): QueueProfile {
  const rng = new Random(deriveSeed(state.seed, `queue-profile:${queue.id}`));
  const peakPerHour = 8 + rng.int(0, 22);
  const mediaMix = [
    ['voice', 70 + rng.int(0, 20)],
    ['chat', 5 + rng.int(0, 10)],
    ['message', rng.int(0, 10)],
    ['email', rng.int(0, 5)],
    ['callback', rng.int(0, 3)],
  ] as const;
  const serviceLevel = Object.fromEntries(
    TRAFFIC_MEDIA.map((m) => {
      const s = queue.mediaSettings[SETTINGS_KEY[m]]?.serviceLevel;
      return [m, { percentage: s?.percentage ?? 0.8, durationMs: s?.durationMs ?? 20_000 }];
    }),
  ) as QueueProfile['serviceLevel'];
  const skillId = state.queueSkill.get(queue.id);
  const requiredSkill = skillId && state.activeSkill(skillId) ? skillId : undefined;
  const agents = eligibleAgents(state, queue, requiredSkill);
  const meanTalkMs =
    mediaMix.reduce((s, [m, w]) => s + BASE_TALK_MS[m] * w, 0) / mediaMix.reduce((s, [, w]) => s + w, 0);
  const profile = {
    queueId: queue.id,
    queueName: queue.name,
    divisionId: queue.divisionId,
    skillId: requiredSkill,
    language: state.queueLanguage.get(queue.id),
    peakPerHour,
    mediaMix,
    serviceLevel,
    acwTimeoutMs: queue.acwSettings.wrapupPrompt === 'MANDATORY_TIMEOUT' ? queue.acwSettings.timeoutMs : undefined,
    agents,
    meanTalkMs,
    demandScale: state.scenario.queueScale[queue.id] ?? 1,
  };
  const roster = JSON.stringify(profile);
  return { ...profile, roster, signature: JSON.stringify([state.analytics.trafficScale, profile]) };
}

/**
 * Joined members who are active users. When the queue requires a skill and evaluates skills (BEST/ALL),
 * only holders are eligible — unless nobody holds it, then bullseye expansion lets any member answer.
 */
function eligibleAgents(state: OrgState, queue: QueueRecord, skillId: string | undefined): EligibleAgent[] {
  const members = [...state.membersOf(queue.id).values()].filter(
    (m) => m.joined && state.users.get(m.userId)?.state === 'active',
  );
  const proficiency = (userId: string) => (skillId ? (state.userSkills.get(userId)?.get(skillId) ?? 0) : 0);
  let pool = members.map((m) => ({ userId: m.userId, proficiency: proficiency(m.userId) }));
  if (skillId && queue.skillEvaluationMethod !== 'NONE') {
    const holders = pool.filter((a) => state.userSkills.get(a.userId)?.has(skillId));
    if (holders.length > 0) pool = holders;
  }
  const best = queue.skillEvaluationMethod === 'BEST';
  return pool.map((a) => ({ ...a, weight: best ? 1 + a.proficiency * a.proficiency : 1 }));
}

/** Opening hours (UTC) of the emulated contact centre, inside the hours the shifts cover (06:00-22:00, state/shifts.ts): at least two shift starts overlap every open interval. */
export const OPEN_HOURS = [7, 21] as const;

/** Daily (UTC) and weekly shape of arrivals: closed at night, a peak early afternoon, lighter weekends. */
export function demandCurve(t: number): number {
  const date = new Date(t);
  const hour = date.getUTCHours() + date.getUTCMinutes() / 60;
  if (hour < OPEN_HOURS[0] || hour >= OPEN_HOURS[1]) return 0;
  const daily = 0.08 + 0.92 * Math.exp(-(((hour - 13) / 3.5) ** 2));
  const weekday = date.getUTCDay();
  return daily * (weekday === 0 || weekday === 6 ? 0.45 : 1);
}

/** Talk-time factor of an agent: proficient agents are faster (0 -> x1.3, 5 -> x0.8). */
export function proficiencyFactor(proficiency: number): number {
  return 1.3 - 0.1 * Math.min(5, Math.max(0, proficiency));
}
