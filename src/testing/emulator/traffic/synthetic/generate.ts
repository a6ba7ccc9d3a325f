// The synthetic conversation stream. Each (queue, 15-minute slot) is generated on demand from PRNGs seeded
// with (seed, queueId, slot), so any interval can be produced without storing history and every call sees
// the same conversations. Demand (arrival times, media, patience, talk times...) draws a fixed number of
// values per conversation from one stream, agent choice from another: a roster change re-routes the same
// customers instead of reshuffling who called. Both are seeded by the slot's place in the (UTC) week, so the
// traffic repeats weekly: any whole number of settled weeks holds the same history, shifted, whatever the org
// clock says, and a plan computed over it is reproducible. Ids come from a third stream seeded by the absolute
// slot, so every week's conversations still have their own ids.
import { Random, deriveSeed } from '../../random.js';
import { onQueueAt } from '../../state/shifts.js';
import {
  BASE_TALK_MS,
  PATIENCE_MS,
  SLOT_CACHE_SIZE,
  demandCurve,
  proficiencyFactor,
  type EligibleAgent,
  type QueueProfile,
  type TrafficModel,
} from './model.js';
import type { AgentLeg, SyntheticConversation } from './conversation.js';

export const SLOT_MS = 15 * 60_000;
/** Period of the synthetic traffic (see the header). */
export const WEEK_MS = 7 * 86_400_000;
/** No synthetic conversation lasts longer than this (caps below keep it so); look-back for overlap queries. */
export const MAX_LIFETIME_MS = 4 * 3_600_000;

const MAX_WAIT_MS = 30 * 60_000;
const MAX_TALK_MS = 60 * 60_000;
const TRANSFER_RATE = 0.05;
const HOLD_RATE = 0.25;

export type { AgentLeg, SyntheticConversation } from './conversation.js';

/** Knuth for small means, a rounded normal approximation above 50 (keeps the draw count bounded). */
function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rng)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.float(); p > limit; p *= rng.float()) k++;
  return k;
}

function normal(rng: Random): number {
  const u = Math.max(1e-12, rng.float());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.float());
}

/** A v4-shaped uuid from four 32-bit draws (Random.uuid draws 32 times; this stream is hot). */
export function fastUuid(rng: Random): string {
  const word = () =>
    Math.floor(rng.float() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  const s = word() + word() + word() + word();
  const variant = ((parseInt(s[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
}

const exponential = (u: number, mean: number) => -Math.log(1 - Math.min(u, 1 - 1e-12)) * mean;

function pickAgent(agents: readonly EligibleAgent[], u: number, exclude?: string): EligibleAgent | undefined {
  const pool = exclude ? agents.filter((a) => a.userId !== exclude) : agents;
  const total = pool.reduce((s, a) => s + a.weight, 0);
  let roll = u * total;
  for (const a of pool) {
    roll -= a.weight;
    if (roll < 0) return a;
  }
  return pool[pool.length - 1];
}

/** Every conversation of `profile` that entered the queue in the slot starting at `slotStart`, by start time. */
export function generateSlot(
  model: TrafficModel,
  profile: QueueProfile,
  slotStart: number,
): readonly SyntheticConversation[] {
  const key = `${slotStart}:${model.weeksFrom ?? ''}:${profile.signature}`;
  const cached = model.cache.get(key);
  if (cached) {
    // Least recently used goes first: re-insert on every hit.
    model.cache.delete(key);
    model.cache.set(key, cached);
    return cached;
  }
  const fresh = generate(model, profile, slotStart);
  model.cache.set(key, fresh);
  if (model.cache.size > SLOT_CACHE_SIZE) model.cache.delete(model.cache.keys().next().value as string);
  return fresh;
}

/** Arrivals per hour of a queue in the slot starting at `slotStart` (before Poisson noise). */
export function arrivalRate(
  model: Pick<TrafficModel, 'scale' | 'surges'>,
  profile: Pick<QueueProfile, 'queueId' | 'peakPerHour' | 'demandScale'>,
  slotStart: number,
): number {
  const s = model.surges.find((x) => x.queueId === profile.queueId && slotStart >= x.from && slotStart < x.to);
  const surge = s ? s.factor : 1;
  return profile.peakPerHour * profile.demandScale * model.scale * demandCurve(slotStart + SLOT_MS / 2) * surge;
}

/**
 * What a slot's draws are keyed by: its place in the UTC week, so every week repeats, and with independent weeks
 * also how many whole weeks before `weeksFrom` it lies (the same on every run started on the same day).
 */
function weekKey(model: Pick<TrafficModel, 'weeksFrom'>, slotStart: number): string {
  const inWeek = ((slotStart % WEEK_MS) + WEEK_MS) % WEEK_MS;
  if (model.weeksFrom === undefined) return String(inWeek);
  return `${inWeek}:${Math.floor((model.weeksFrom - slotStart) / WEEK_MS)}`;
}

function generate(model: TrafficModel, profile: QueueProfile, slotStart: number): SyntheticConversation[] {
  const week = weekKey(model, slotStart);
  const demand = new Random(deriveSeed(model.seed, `traffic:${profile.queueId}:${week}`));
  const routing = new Random(deriveSeed(model.seed, `routing:${profile.queueId}:${week}`));
  const ids = new Random(deriveSeed(model.seed, `ids:${profile.queueId}:${slotStart}`));
  const perHour = arrivalRate(model, profile, slotStart);
  const count = poisson(demand, (perHour * SLOT_MS) / 3_600_000);
  // Only agents on queue (on shift, not on break) in this slot answer; their number sets the mean wait.
  const agents = profile.agents.filter((a) => onQueueAt(model.seed, a.userId, slotStart + SLOT_MS / 2));
  const rho = agents.length === 0 ? 1 : Math.min(0.95, ((perHour / 3_600_000) * profile.meanTalkMs) / agents.length);
  const meanWait = 3_000 + 30_000 * (rho / (1 - rho));
  const out: SyntheticConversation[] = [];
  for (let i = 0; i < count; i++)
    out.push(conversation(model, profile, agents, slotStart, meanWait, { demand, routing, ids }));
  return out.sort((a, b) => a.start - b.start || a.conversationId.localeCompare(b.conversationId));
}

// One function on purpose: the order of its draws from the demand stream is the traffic (the same seed must give
// the same history, and a roster change must not reshuffle who called), and one screen shows that order whole.
// eslint-disable-next-line max-lines-per-function -- the order of its random draws is the traffic (see above)
function conversation(
  model: TrafficModel,
  p: QueueProfile,
  agents: readonly EligibleAgent[],
  slotStart: number,
  meanWait: number,
  streams: { demand: Random; routing: Random; ids: Random },
): SyntheticConversation {
  const { demand, routing, ids } = streams;
  // Fixed draw order and count per conversation (see the header).
  const start = slotStart + Math.floor(demand.float() * SLOT_MS);
  const mediaType = demand.weighted(p.mediaMix);
  const uWait = demand.float();
  const uPatience = demand.float();
  const alertMs = 2_000 + Math.floor(demand.float() * 8_000);
  const talkNoise = Math.exp(0.5 * normal(demand) - 0.125);
  const hold = demand.float() < HOLD_RATE;
  const holdMs = 10_000 + Math.floor(demand.float() * 80_000);
  const holdAt = 0.3 + 0.4 * demand.float();
  const acwMs = 10_000 + Math.floor(demand.float() * 50_000);
  const transfer = demand.float() < TRANSFER_RATE;
  const transferAt = 0.2 + 0.5 * demand.float();
  const secondAlertMs = 3_000 + Math.floor(demand.float() * 5_000);
  const secondTalkNoise = Math.exp(0.5 * normal(demand) - 0.125);
  const wrapUps = [demand.float(), demand.float()];
  const conversationId = fastUuid(ids);
  const idSeed = Math.floor(ids.float() * 0x100000000);
  const uFirst = routing.float();
  const uSecond = routing.float();

  const serviceLevel = p.serviceLevel[mediaType];
  // Busier slots wait longer (see generate); nobody on queue to answer -> everyone abandons.
  const first = pickAgent(agents, uFirst);
  const wait = first ? Math.min(MAX_WAIT_MS, 1_000 + exponential(uWait, meanWait)) : MAX_WAIT_MS;
  const patience = exponential(uPatience, PATIENCE_MS[mediaType]);
  const base = {
    conversationId,
    queueId: p.queueId,
    queueName: p.queueName,
    divisionId: p.divisionId,
    skillId: p.skillId,
    languageId: requestedLanguage(p, idSeed),
    mediaType,
    start,
    serviceLevel,
    idSeed,
  };
  if (!first || patience < wait) {
    const leave = start + Math.round(Math.min(patience, wait));
    return { ...base, queueLeave: leave, abandoned: true, end: leave, lastEmit: leave, legs: [] };
  }

  const queueLeave = start + Math.round(wait);
  const acwCap = p.acwTimeoutMs ?? Infinity;
  const code = (u: number) => model.wrapUpCodes[Math.floor(u * model.wrapUpCodes.length)] ?? '';
  const totalTalk = Math.min(
    MAX_TALK_MS,
    Math.max(20_000, BASE_TALK_MS[mediaType] * talkNoise * proficiencyFactor(first.proficiency)),
  );
  const second = transfer ? pickAgent(agents, uSecond, first.userId) : undefined;
  const firstTalk = Math.round(second ? totalTalk * transferAt : totalTalk);
  const firstHold = hold ? holdMs : 0;
  const connect = queueLeave;
  const firstLeg: AgentLeg = {
    userId: first.userId,
    alertStart: connect - Math.min(alertMs, Math.round(wait)),
    connect,
    talkMs: firstTalk,
    holdStart: hold ? connect + Math.round(firstTalk * holdAt) : undefined,
    holdMs: firstHold,
    disconnect: connect + firstTalk + firstHold,
    acwMs: Math.min(acwMs, acwCap),
    wrapUpCode: code(wrapUps[0] as number),
    transferred: second !== undefined,
  };
  const legs = [firstLeg];
  if (second) {
    const alertStart = firstLeg.disconnect;
    const talk = Math.round(
      Math.min(
        MAX_TALK_MS,
        Math.max(20_000, BASE_TALK_MS[mediaType] * 0.6 * secondTalkNoise * proficiencyFactor(second.proficiency)),
      ),
    );
    const secondConnect = alertStart + secondAlertMs;
    legs.push({
      userId: second.userId,
      alertStart,
      connect: secondConnect,
      talkMs: talk,
      holdStart: undefined,
      holdMs: 0,
      disconnect: secondConnect + talk,
      acwMs: Math.min(Math.round(acwMs * 0.8), acwCap),
      wrapUpCode: code(wrapUps[1] as number),
      transferred: false,
    });
  }
  const end = (legs[legs.length - 1] as AgentLeg).disconnect;
  const lastEmit = Math.max(...legs.map((l) => l.disconnect + l.acwMs));
  return { ...base, queueLeave, abandoned: false, end, lastEmit, legs };
}

/**
 * The language a conversation requests: the queue's, for a share of its conversations chosen by the conversation's
 * id seed (a stream of its own, so marking a queue changes no other value of its traffic).
 */
export function requestedLanguage(p: Pick<QueueProfile, 'language'>, idSeed: number): string | undefined {
  if (!p.language) return undefined;
  return new Random(deriveSeed(idSeed, 'requested-language')).float() < p.language.share
    ? p.language.languageId
    : undefined;
}
