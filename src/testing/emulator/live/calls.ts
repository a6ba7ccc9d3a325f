// The calls of the live day: who calls when (drawn per queue and 15-minute slot from the traffic model's
// demand curve), and a call's record as it waits, is answered and ends. Every random value a call needs
// (media, patience, talk time, after-call work, wrap-up) is drawn when it arrives, from a stream seeded by
// (seed, queue, slot): what callers do never depends on what the org does, only what happens to them does.
import { Random, deriveSeed } from '../random.js';
import {
  fastUuid,
  SLOT_MS,
  arrivalRate,
  requestedLanguage,
  type AgentLeg,
  type SyntheticConversation,
} from '../traffic/synthetic/generate.js';
import {
  BASE_TALK_MS,
  PATIENCE_MS,
  proficiencyFactor,
  type TrafficMedia,
  type TrafficModel,
} from '../traffic/synthetic/model.js';

export { SLOT_MS };

const MIN_TALK_MS = 10_000;
const MAX_TALK_MS = 60 * 60_000;

export interface LiveCall {
  index: number;
  conversationId: string;
  idSeed: number;
  queueId: string;
  queueName: string;
  divisionId: string;
  skillId: string | undefined;
  /** The routing language the call requests (the queue's, for its share of calls), if any. */
  languageId: string | undefined;
  mediaType: TrafficMedia;
  arrival: number;
  /** How long the caller waits before hanging up (Infinity for emails). */
  patienceMs: number;
  /** Unit-mean exponential draw: talk time = this x the media's mean x the agent's proficiency factor. */
  talkDraw: number;
  acwMs: number;
  wrapUpCode: string;
  /** The queue's service level when the call arrived. */
  serviceLevel: { percentage: number; durationMs: number };
  status: 'waiting' | 'answered' | 'abandoned';
  /** When it left the queue (answered or abandoned). */
  leftAt?: number;
  userId?: string;
  proficiency?: number;
  /** End of talk, then end of after-call work (the agent is free again). */
  talkEnd?: number;
  freeAt?: number;
}

/**
 * The calls of every queue arriving in the slot [slotStart, slotStart + 15 min) at or after `notBefore`, drawn from
 * `seed` (default the model's).
 */
export function callsOfSlot(
  model: TrafficModel,
  slotStart: number,
  notBefore: number,
  firstIndex: number,
  seed = model.seed,
): LiveCall[] {
  const out: LiveCall[] = [];
  const queueIds = [...model.profiles.keys()].sort();
  for (const queueId of queueIds) {
    const profile = model.profiles.get(queueId);
    if (!profile) continue;
    const perMs = arrivalRate(model, profile, slotStart) / 3_600_000;
    if (!(perMs > 0)) continue;
    const rng = new Random(deriveSeed(seed, `live:${queueId}:${slotStart}`));
    // A Poisson process at the slot's rate: exponential gaps, and a fixed number of draws per call.
    for (let t = slotStart + exponential(rng.float()) / perMs; t < slotStart + SLOT_MS;) {
      const arrival = Math.floor(t);
      const mediaType = rng.weighted(profile.mediaMix);
      const patienceMs = exponential(rng.float()) * PATIENCE_MS[mediaType];
      const talkDraw = exponential(rng.float());
      const acwMs = 10_000 + Math.floor(rng.float() * 50_000);
      const wrapUpCode = model.wrapUpCodes[Math.floor(rng.float() * model.wrapUpCodes.length)] ?? '';
      const conversationId = fastUuid(rng);
      const idSeed = Math.floor(rng.float() * 0x100000000);
      t += exponential(rng.float()) / perMs;
      if (arrival < notBefore) continue;
      out.push({
        index: firstIndex + out.length,
        conversationId,
        idSeed,
        queueId,
        queueName: profile.queueName,
        divisionId: profile.divisionId,
        skillId: profile.skillId,
        languageId: requestedLanguage(profile, idSeed),
        mediaType,
        arrival,
        patienceMs: Number.isFinite(patienceMs) ? Math.max(1_000, Math.round(patienceMs)) : Infinity,
        talkDraw,
        acwMs,
        wrapUpCode,
        serviceLevel: profile.serviceLevel[mediaType],
        status: 'waiting',
      });
    }
  }
  return out;
}

/** Talk time of `call` when answered by an agent of `proficiency` (0..5): proficient agents are faster. */
export function talkMs(call: LiveCall, proficiency: number): number {
  const ms = call.talkDraw * BASE_TALK_MS[call.mediaType] * proficiencyFactor(proficiency);
  return Math.round(Math.min(MAX_TALK_MS, Math.max(MIN_TALK_MS, ms)));
}

const exponential = (u: number) => -Math.log(1 - Math.min(u, 1 - 1e-12));

/**
 * The call as the analytics code reads conversations, at `now`: a waiting call has not left the queue (its
 * queue-leave and end lie in the future, so metrics emitted then are not visible yet).
 */
export function asConversation(call: LiveCall): SyntheticConversation {
  const base = {
    conversationId: call.conversationId,
    queueId: call.queueId,
    queueName: call.queueName,
    divisionId: call.divisionId,
    skillId: call.skillId,
    languageId: call.languageId,
    mediaType: call.mediaType,
    start: call.arrival,
    serviceLevel: call.serviceLevel,
    idSeed: call.idSeed,
  };
  if (call.status === 'waiting')
    return { ...base, queueLeave: Infinity, abandoned: false, end: Infinity, lastEmit: Infinity, legs: [] };
  const leftAt = call.leftAt as number;
  if (call.status === 'abandoned')
    return { ...base, queueLeave: leftAt, abandoned: true, end: leftAt, lastEmit: leftAt, legs: [] };
  const talkEnd = call.talkEnd as number;
  const leg: AgentLeg = {
    userId: call.userId as string,
    alertStart: leftAt,
    connect: leftAt,
    talkMs: talkEnd - leftAt,
    holdStart: undefined,
    holdMs: 0,
    disconnect: talkEnd,
    acwMs: call.acwMs,
    wrapUpCode: call.wrapUpCode,
    transferred: false,
  };
  return { ...base, queueLeave: leftAt, abandoned: false, end: talkEnd, lastEmit: call.freeAt as number, legs: [leg] };
}
