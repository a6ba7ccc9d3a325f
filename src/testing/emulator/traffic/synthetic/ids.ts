// Participant and session ids of a synthetic conversation, derived from its id seed only when something
// renders them (details, observations): aggregates over weeks of traffic never pay for them.
import { Random, deriveSeed } from '../../random.js';
import { fastUuid, type SyntheticConversation } from './generate.js';

export interface ParticipantIds {
  participantId: string;
  sessionId: string;
}

const memo = new WeakMap<SyntheticConversation, Map<string, ParticipantIds>>();

/** Ids of the `customer`, `acd` or `agent:<userId>` participant (stable for the same conversation). */
export function idsFor(c: SyntheticConversation, role: string): ParticipantIds {
  let byRole = memo.get(c);
  if (!byRole) memo.set(c, (byRole = new Map()));
  let ids = byRole.get(role);
  if (!ids) {
    const rng = new Random(deriveSeed(c.idSeed, role));
    byRole.set(role, (ids = { participantId: fastUuid(rng), sessionId: fastUuid(rng) }));
  }
  return ids;
}
