// Reads the stream: the conversations that entered given queues in a time range, and the history visible
// at the org clock (a conversation becomes history once its last wrap-up ended; until then only the
// real-time observations see it).
import { SLOT_MS, generateSlot, type SyntheticConversation } from './generate.js';
import { profileAt, type QueueProfile, type TrafficModel } from './model.js';

/** Conversations of `queueIds` (all queues when undefined) that started in [from, to) and started by `now`. */
export function conversationsStartedIn(
  model: TrafficModel,
  from: number,
  to: number,
  now: number,
  queueIds?: Iterable<string>,
): SyntheticConversation[] {
  const end = Math.min(to, now + 1);
  const out: SyntheticConversation[] = [];
  if (end <= from) return out;
  const ids = queueIds ? [...new Set(queueIds)] : [...model.profiles.keys()];
  for (const queueId of ids) {
    if (!model.profiles.has(queueId)) continue;
    for (let slot = Math.floor(from / SLOT_MS) * SLOT_MS; slot < end; slot += SLOT_MS) {
      // The roster in effect when the slot started: history does not change with today's roster.
      const profile = profileAt(model, queueId, slot) as QueueProfile;
      for (const c of generateSlot(model, profile, slot)) if (c.start >= from && c.start < end) out.push(c);
    }
  }
  return out.sort(byStart);
}

/** The history at `now`: only conversations whose last wrap-up has ended. */
export function ended(conversations: readonly SyntheticConversation[], now: number): SyntheticConversation[] {
  return conversations.filter((c) => c.lastEmit <= now);
}

export function byStart(a: SyntheticConversation, b: SyntheticConversation): number {
  return a.start - b.start || a.conversationId.localeCompare(b.conversationId);
}
