// One synthetic conversation of the emulated history: what its queue leg and each agent leg did. Its own module
// so the traffic model (which caches conversations) and the generator (which makes them) share it without
// importing each other.

/** Analytics media types the synthetic traffic uses (analytics says 'voice' where queue settings say 'call'). */
export const TRAFFIC_MEDIA = ['voice', 'chat', 'message', 'email', 'callback'] as const;
export type TrafficMedia = (typeof TRAFFIC_MEDIA)[number];

export interface AgentLeg {
  userId: string;
  alertStart: number;
  connect: number;
  /** Talk time, hold excluded. */
  talkMs: number;
  holdStart: number | undefined;
  holdMs: number;
  /** End of the agent's connection (talk + hold after `connect`). */
  disconnect: number;
  acwMs: number;
  wrapUpCode: string;
  /** This agent transferred the customer to the next leg. */
  transferred: boolean;
}

export interface SyntheticConversation {
  conversationId: string;
  queueId: string;
  queueName: string;
  divisionId: string;
  skillId: string | undefined;
  /** The routing language the conversation requests (its ACD segments' `requestedLanguageId`), if any. */
  languageId: string | undefined;
  mediaType: TrafficMedia;
  /** Queue entry = conversationStart (no IVR is modelled). */
  start: number;
  /** When the conversation left the queue: answered or abandoned. */
  queueLeave: number;
  abandoned: boolean;
  /** Customer disconnect = conversationEnd. */
  end: number;
  /** Last metric emission (end of the last wrap-up): the conversation is history once this has passed. */
  lastEmit: number;
  serviceLevel: { percentage: number; durationMs: number };
  legs: AgentLeg[];
  /** Seed of the participant and session ids, derived only when rendered (see ids.ts). */
  idSeed: number;
}
