// QueueRequest / CreateQueueRequest bodies: typed input, runtime checks, and the read-only fields a PUT must
// not carry. The platform's PUT replaces the whole queue, so update() sends a complete object built from a GET.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type {
  CallbackMediaSettings,
  EmailMediaSettings,
  MediaSettings,
  MemberGroup,
  MessageMediaSettings,
  RingActions,
} from '../models/routing.js';
import type { Queue } from '../schemas/routing.js';

/** A media type of a queue's `mediaSettings`. */
export type QueueMediaType = 'call' | 'callback' | 'chat' | 'email' | 'message' | (string & {});
/** When agents are asked for a wrap-up code. */
export type WrapupPrompt =
  'MANDATORY' | 'OPTIONAL' | 'MANDATORY_TIMEOUT' | 'MANDATORY_FORCED_TIMEOUT' | 'AGENT_REQUESTED';
/** Which proficiency of an agent's matching skills counts for routing: none, the best, or all. */
export type SkillEvaluationMethod = 'NONE' | 'BEST' | 'ALL';
/** How waiting conversations are ordered: by time and priority, or by priority only. */
export type ScoringMethod = 'TimestampAndPriority' | 'PriorityOnly';
/**
 * Whether a returning customer is routed to the agent they last spoke to: never, among queue members, or to any
 * agent.
 */
export type LastAgentRoutingMode = 'Disabled' | 'QueueMembersOnly' | 'AnyAgent';

/**
 * Settings of one media type of a queue (alerting timeout, service level, auto answer, ...). The fields of one
 * media type only (callback's `mode`, email's `allOutboundEmailAddresses`, ...) are sent as given; set them on
 * their own media type.
 */
export interface QueueMediaSettingInput
  extends
    Omit<CallbackMediaSettings, 'alertingTimeoutSeconds' | 'serviceLevel' | 'enableAutoAnswer'>,
    Omit<EmailMediaSettings, keyof MediaSettings>,
    Omit<MessageMediaSettings, keyof MediaSettings> {
  /** Seconds an offered interaction alerts an agent before it goes to another. */
  alertingTimeoutSeconds?: number;
  /** `percentage` is a fraction 0..1 (0.8 = 80 %); `durationMs` the answer target. */
  serviceLevel?: { percentage?: number; durationMs?: number };
  /** Connect offered interactions without the agent answering. */
  enableAutoAnswer?: boolean;
}

/** One ring of bullseye routing: when it expands to the next ring, and who it adds. */
export interface BullseyeRingInput {
  /** When the ring expands to the next: `type` `TIMEOUT_SECONDS` with `threshold` in seconds. */
  expansionCriteria?: Array<{ type: string; threshold?: number }>;
  /** What happens when the ring is reached (e.g. `skillsToRemove`). */
  actions?: RingActions;
  /** Groups whose members join the queue at this ring. */
  memberGroups?: MemberGroup[];
}

/**
 * `CreateQueueRequest`. Only `name` is required; every other writable `Queue` field (queueFlow, routingRules,
 * memberGroups, ...) may be given too and is sent as is.
 */
export interface CreateQueueInput extends Partial<
  Omit<
    Queue,
    // The fields declared below, and those the platform owns (READ_ONLY_QUEUE_FIELDS: never sent).
    | 'name'
    | 'division'
    | 'description'
    | 'mediaSettings'
    | 'acwSettings'
    | 'skillEvaluationMethod'
    | 'scoringMethod'
    | 'lastAgentRoutingMode'
    | 'bullseye'
    | 'id'
    | 'selfUri'
    | 'dateCreated'
    | 'dateModified'
    | 'createdBy'
    | 'modifiedBy'
    | 'memberCount'
    | 'userMemberCount'
    | 'joinedMemberCount'
  >
> {
  /** The queue name (unique in the org). */
  name: string;
  /** `WritableDivision`: only `id` is needed. Default: the home division. */
  division?: { id: string; name?: string };
  /** The queue's description. */
  description?: string;
  /** Settings per media type (`call`, `callback`, `chat`, `email`, `message`): a map keyed by media type. */
  mediaSettings?: Partial<Record<QueueMediaType, QueueMediaSettingInput>>;
  /** After-call work: when agents are asked for a wrap-up code; `timeoutMs` 1 s to 60 min. */
  acwSettings?: { wrapupPrompt?: WrapupPrompt; timeoutMs?: number };
  /** Which proficiency of an agent's matching skills counts for routing. */
  skillEvaluationMethod?: SkillEvaluationMethod;
  /** How waiting conversations are ordered. */
  scoringMethod?: ScoringMethod;
  /** Whether a returning customer is routed to the agent they last spoke to. */
  lastAgentRoutingMode?: LastAgentRoutingMode;
  /** Bullseye routing: the rings, innermost first. */
  bullseye?: { rings: BullseyeRingInput[] };
}

/**
 * Fields the platform computes or owns; never sent in a PUT/POST body. `id` goes in the path; `createdBy` /
 * `modifiedBy` and the member counts are derived.
 */
export const READ_ONLY_QUEUE_FIELDS = [
  'id',
  'selfUri',
  'dateCreated',
  'dateModified',
  'createdBy',
  'modifiedBy',
  'memberCount',
  'userMemberCount',
  'joinedMemberCount',
] as const;

/**
 * Runtime checks of a queue body. `strictEnums` for create (the caller typed the values); an update
 * round-trips whatever the platform returned, so enum values we do not know yet must pass.
 */
function queueBodySchema(strictEnums: boolean) {
  const oneOf = <T extends readonly [string, ...string[]]>(values: T) => (strictEnums ? z.enum(values) : z.string());
  const mediaSetting = z.looseObject({
    alertingTimeoutSeconds: z.optional(
      z.number().check(z.int('must be a whole number of seconds'), z.gte(0, 'must be >= 0')),
    ),
    serviceLevel: z.optional(
      z.looseObject({
        percentage: z.optional(
          z
            .number()
            .check(z.gte(0, 'must be a fraction from 0 to 1'), z.lte(1, 'must be a fraction from 0 to 1 (0.8 = 80 %)')),
        ),
        durationMs: z.optional(z.int().check(z.gte(0, 'must be >= 0'))),
      }),
    ),
    enableAutoAnswer: z.optional(z.boolean()),
  });
  return z.looseObject({
    name: z.string('is required').check(z.trim(), z.minLength(1, 'is required')),
    division: z.optional(z.looseObject({ id: z.string().check(z.minLength(1, 'is required')) })),
    description: z.optional(z.string()),
    mediaSettings: z.optional(z.record(z.string(), mediaSetting)),
    acwSettings: z.optional(
      z.looseObject({
        wrapupPrompt: z.optional(
          oneOf(['MANDATORY', 'OPTIONAL', 'MANDATORY_TIMEOUT', 'MANDATORY_FORCED_TIMEOUT', 'AGENT_REQUESTED']),
        ),
        timeoutMs: z.optional(
          z
            .int()
            .check(
              z.gte(1_000, 'must be from 1000 (1 s) to 3600000 (60 min)'),
              z.lte(3_600_000, 'must be from 1000 (1 s) to 3600000 (60 min)'),
            ),
        ),
      }),
    ),
    skillEvaluationMethod: z.optional(oneOf(['NONE', 'BEST', 'ALL'])),
    scoringMethod: z.optional(oneOf(['TimestampAndPriority', 'PriorityOnly'])),
    lastAgentRoutingMode: z.optional(oneOf(['Disabled', 'QueueMembersOnly', 'AnyAgent'])),
    bullseye: z.optional(z.looseObject({ rings: z.array(z.looseObject({})) })),
  });
}

export const CreateQueueSchema = /* @__PURE__ */ lazySchema(() => queueBodySchema(true));
export const QueueRequestSchema = /* @__PURE__ */ lazySchema(() => queueBodySchema(false));

/** The PUT body: the queue without read-only fields, `division` reduced to its id. */
export function toQueueRequest(queue: object): Record<string, unknown> {
  const body: Record<string, unknown> = { ...queue };
  for (const field of READ_ONLY_QUEUE_FIELDS) delete body[field];
  const division = body['division'];
  if (division && typeof division === 'object' && typeof (division as { id?: unknown }).id === 'string') {
    body['division'] = { id: (division as { id: string }).id };
  }
  return body;
}

/** JSON equality with object keys compared regardless of order (to skip a PUT that changes nothing). */
export function sameJson(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}

function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
      );
    }
    return v;
  });
}

/** What `update()` hands to the caller's function: a deep copy of the queue as read. */
export type QueueDraft = Queue;
