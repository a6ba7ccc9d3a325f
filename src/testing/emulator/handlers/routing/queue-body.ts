// Parses a CreateQueueRequest / QueueRequest body into a QueueRecord. PUT is a full replacement: every
// optional field left out takes its default again (the safe reading of an unconfirmed behaviour).
import type { RequestContext } from '../../respond/context.js';
import type { BullseyeRing, MediaSetting, MediaType, QueueRecord } from '../../state/types.js';
import { FieldErrors, asObject, requiredString } from '../../respond/validate.js';

const MEDIA_TYPES: readonly MediaType[] = ['call', 'callback', 'chat', 'email', 'message'];
const WRAPUP_PROMPTS = [
  'MANDATORY',
  'OPTIONAL',
  'MANDATORY_TIMEOUT',
  'MANDATORY_FORCED_TIMEOUT',
  'AGENT_REQUESTED',
] as const;
const SKILL_EVALUATION = ['NONE', 'BEST', 'ALL'] as const;
const SCORING = ['TimestampAndPriority', 'PriorityOnly'] as const;
const LAST_AGENT = ['Disabled', 'QueueMembersOnly', 'AnyAgent'] as const;

/** QueueRequest fields the emulator does not model but stores as sent and renders back. */
const STORED_AS_SENT = [
  'routingRules',
  'conditionalGroupRouting',
  'conditionalGroupActivation',
  'memberGroups',
  'queueFlow',
  'emailInQueueFlow',
  'messageInQueueFlow',
  'whisperPrompt',
  'onHoldPrompt',
  'defaultMediaLanguage',
  'cannedResponseLibraries',
  'enableAudioMonitoring',
  'agentOwnedRouting',
  'directRouting',
  'callingPartyNumber',
  'defaultScripts',
  'outboundMessagingAddresses',
  'outboundEmailAddress',
  'peerId',
  'suppressInQueueCallRecording',
] as const;

/** What views.queueView shows for these fields when a queue has none stored. */
const RENDERED_DEFAULTS: Partial<Record<(typeof STORED_AS_SENT)[number], unknown>> = {
  routingRules: [],
  conditionalGroupRouting: { rules: [] },
  memberGroups: [],
};

/** Emulator defaults of a new queue's media settings (the platform's own defaults are not documented). */
export const DEFAULT_MEDIA_SETTINGS: Readonly<Record<MediaType, MediaSetting>> = {
  call: { alertingTimeoutSeconds: 8, serviceLevel: { percentage: 0.8, durationMs: 20_000 }, enableAutoAnswer: false },
  callback: {
    alertingTimeoutSeconds: 30,
    serviceLevel: { percentage: 0.8, durationMs: 300_000 },
    enableAutoAnswer: false,
  },
  chat: { alertingTimeoutSeconds: 30, serviceLevel: { percentage: 0.8, durationMs: 60_000 }, enableAutoAnswer: false },
  email: {
    alertingTimeoutSeconds: 300,
    serviceLevel: { percentage: 0.8, durationMs: 86_400_000 },
    enableAutoAnswer: false,
  },
  message: {
    alertingTimeoutSeconds: 30,
    serviceLevel: { percentage: 0.8, durationMs: 120_000 },
    enableAutoAnswer: false,
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(
  body: Record<string, unknown>,
  key: string,
  allowed: readonly T[],
  fallback: T,
  errors: FieldErrors,
): T {
  const v = body[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  errors.add(key, `Value [${String(v)}] for ${key} is invalid. Allowed values: ${allowed.join(', ')}`);
  return fallback;
}

function bool(body: Record<string, unknown>, key: string, errors: FieldErrors): boolean {
  const v = body[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') errors.add(key, `${key} must be a boolean`);
  return v === true;
}

function mediaSettings(raw: unknown, errors: FieldErrors): Record<MediaType, MediaSetting> {
  const out = structuredClone(DEFAULT_MEDIA_SETTINGS) as Record<MediaType, MediaSetting>;
  if (raw === undefined || raw === null) return out;
  if (!isObject(raw)) {
    errors.add('mediaSettings', 'mediaSettings must be an object keyed by media type');
    return out;
  }
  for (const type of MEDIA_TYPES) {
    const m = raw[type];
    if (m === undefined || m === null) continue;
    const field = `mediaSettings.${type}`;
    if (!isObject(m)) {
      errors.add(field, `${field} must be an object`);
      continue;
    }
    const setting = out[type];
    const timeout = m['alertingTimeoutSeconds'];
    if (timeout !== undefined) {
      if (!Number.isInteger(timeout) || (timeout as number) < 0)
        errors.add(`${field}.alertingTimeoutSeconds`, `${field}.alertingTimeoutSeconds must be a whole number >= 0`);
      else setting.alertingTimeoutSeconds = timeout as number;
    }
    const sl = m['serviceLevel'];
    if (sl !== undefined && !isObject(sl))
      errors.add(`${field}.serviceLevel`, `${field}.serviceLevel must be an object`);
    if (isObject(sl)) {
      const pct = sl['percentage'];
      if (pct !== undefined && (typeof pct !== 'number' || pct < 0 || pct > 1))
        errors.add(
          `${field}.serviceLevel.percentage`,
          `${field}.serviceLevel.percentage must be a number between 0 and 1`,
        );
      else if (pct !== undefined) setting.serviceLevel.percentage = pct;
      const ms = sl['durationMs'];
      if (ms !== undefined && (!Number.isInteger(ms) || (ms as number) < 0))
        errors.add(`${field}.serviceLevel.durationMs`, `${field}.serviceLevel.durationMs must be a whole number >= 0`);
      else if (ms !== undefined) setting.serviceLevel.durationMs = ms as number;
    }
    const auto = m['enableAutoAnswer'];
    if (auto !== undefined && typeof auto !== 'boolean')
      errors.add(`${field}.enableAutoAnswer`, `${field}.enableAutoAnswer must be a boolean`);
    else if (auto !== undefined) setting.enableAutoAnswer = auto;
  }
  return out;
}

function acwSettings(raw: unknown, errors: FieldErrors): QueueRecord['acwSettings'] {
  if (raw === undefined || raw === null) return { wrapupPrompt: 'OPTIONAL' };
  if (!isObject(raw)) {
    errors.add('acwSettings', 'acwSettings must be an object');
    return { wrapupPrompt: 'OPTIONAL' };
  }
  const wrapupPrompt = oneOf(raw, 'wrapupPrompt', WRAPUP_PROMPTS, 'OPTIONAL', errors);
  const timeoutMs = raw['timeoutMs'];
  if (timeoutMs === undefined || timeoutMs === null) return { wrapupPrompt };
  if (!Number.isInteger(timeoutMs) || (timeoutMs as number) < 1_000 || (timeoutMs as number) > 3_600_000) {
    errors.add(
      'acwSettings.timeoutMs',
      'acwSettings.timeoutMs must be a whole number of ms from 1000 (1 s) to 3600000 (60 min)',
    );
    return { wrapupPrompt };
  }
  return { wrapupPrompt, timeoutMs: timeoutMs as number };
}

function bullseye(raw: unknown, errors: FieldErrors): QueueRecord['bullseye'] {
  if (raw === undefined || raw === null) return { rings: [{ expansionCriteria: [] }] };
  const rings = isObject(raw) ? raw['rings'] : undefined;
  if (!Array.isArray(rings)) {
    errors.add('bullseye.rings', 'bullseye.rings must be an array');
    return { rings: [] };
  }
  const out: BullseyeRing[] = [];
  rings.forEach((ring, i) => {
    const criteria = isObject(ring) ? ring['expansionCriteria'] : undefined;
    const list = criteria === undefined ? [] : criteria;
    if (
      !Array.isArray(list) ||
      list.some(
        (c) =>
          !isObject(c) || c['type'] !== 'TIMEOUT_SECONDS' || typeof c['threshold'] !== 'number' || c['threshold'] < 0,
      )
    ) {
      errors.add(
        `bullseye.rings[${i}].expansionCriteria`,
        `bullseye.rings[${i}].expansionCriteria must be [{ type: 'TIMEOUT_SECONDS', threshold >= 0 }]`,
      );
      return;
    }
    const copy: BullseyeRing = {
      expansionCriteria: list.map((c) => ({
        type: 'TIMEOUT_SECONDS',
        threshold: (c as { threshold: number }).threshold,
      })),
    };
    const actions = (ring as Record<string, unknown>)['actions'];
    if (isObject(actions) && Array.isArray(actions['skillsToRemove']))
      copy.actions = structuredClone(actions) as BullseyeRing['actions'];
    out.push(copy);
  });
  return { rings: out };
}

/**
 * Validates the body and builds the record. Throws a 400 naming every bad field. `id`, `dateCreated` and
 * `dateModified` come from the caller (they are read-only in the body); unknown fields are ignored.
 */
export function parseQueueBody(
  ctx: RequestContext,
  ids: Pick<QueueRecord, 'id' | 'dateCreated' | 'dateModified'>,
): QueueRecord {
  const body = asObject(ctx.body);
  const errors = new FieldErrors();
  const name = requiredString(body, 'name', errors);
  let divisionId = ctx.state.homeDivision.id;
  const division = body['division'];
  if (division !== undefined && division !== null) {
    const id = isObject(division) ? division['id'] : undefined;
    if (typeof id !== 'string' || !ctx.state.divisions.has(id))
      errors.add('division.id', `division.id ${String(id)} is not a known division`);
    else divisionId = id;
  }
  const description = body['description'];
  if (description !== undefined && description !== null && typeof description !== 'string')
    errors.add('description', 'description must be a string');
  const callingPartyName = body['callingPartyName'];
  if (callingPartyName !== undefined && callingPartyName !== null && typeof callingPartyName !== 'string')
    errors.add('callingPartyName', 'callingPartyName must be a string');
  const extras: Record<string, unknown> = {};
  for (const key of STORED_AS_SENT) {
    const value = body[key];
    // The defaults queueView renders for a queue without them are not stored, so echoing a GET is a no-op.
    if (value === undefined || value === null || JSON.stringify(value) === JSON.stringify(RENDERED_DEFAULTS[key]))
      continue;
    extras[key] = structuredClone(value);
  }
  const record: QueueRecord = {
    ...ids,
    name: (name ?? '').trim(),
    divisionId,
    description: typeof description === 'string' ? description : '',
    mediaSettings: mediaSettings(body['mediaSettings'], errors),
    acwSettings: acwSettings(body['acwSettings'], errors),
    skillEvaluationMethod: oneOf(body, 'skillEvaluationMethod', SKILL_EVALUATION, 'ALL', errors),
    bullseye: bullseye(body['bullseye'], errors),
    scoringMethod: oneOf(body, 'scoringMethod', SCORING, 'TimestampAndPriority', errors),
    lastAgentRoutingMode: oneOf(body, 'lastAgentRoutingMode', LAST_AGENT, 'Disabled', errors),
    autoAnswerOnly: bool(body, 'autoAnswerOnly', errors),
    enableTranscription: bool(body, 'enableTranscription', errors),
    enableManualAssignment: bool(body, 'enableManualAssignment', errors),
    ...(typeof callingPartyName === 'string' ? { callingPartyName } : {}),
    ...(Object.keys(extras).length > 0 ? { extras } : {}),
  };
  errors.throwIfAny();
  return record;
}
