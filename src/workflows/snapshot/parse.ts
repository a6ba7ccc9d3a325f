// parseSnapshot: a saved routing snapshot read back (from a file, a CI artifact): checked deeply, so a hand-edited
// or truncated file fails here with the field named, not later inside the drift comparison. Hand-written checks,
// so the root entry builds no checker objects at import time.
import { ValidationError, type ValidationIssue } from '../../errors/index.js';
import { findNonJson } from '../../optimizer/planning/json-value.js';
import type { RoutingSnapshot } from './types.js';

const KIND = 'genesys-routing-sdk/routing-snapshot';
const MAX_ISSUES = 20;

const OWN: readonly string[] = ['id', 'name'];
/** Per section: the key pairs of which at least one must be present (as a non-empty string). */
const KEYS = {
  queues: [OWN],
  skills: [OWN],
  members: [['queueId', 'queueName'], OWN],
  userSkills: [['userId', 'userName'], OWN],
  languages: [OWN],
  userLanguages: [['userId', 'userName'], OWN],
  skillGroups: [OWN],
  skillGroupMembers: [['skillGroupId', 'skillGroupName'], OWN],
  wrapupCodes: [OWN],
  queueWrapupCodes: [['queueId', 'queueName'], OWN],
} satisfies Record<string, ReadonlyArray<readonly string[]>>;
/** Sections every version has; the others (version 2) are absent when they were not captured. */
const REQUIRED = new Set(['queues', 'skills', 'members', 'userSkills']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

function checkEntity(
  path: string,
  e: unknown,
  keySets: ReadonlyArray<readonly string[]>,
  issues: ValidationIssue[],
): void {
  if (!isPlainObject(e)) {
    issues.push({ path, message: `expected an object, received ${describe(e)}` });
    return;
  }
  for (const keys of keySets) {
    for (const key of keys) {
      const v = e[key];
      if (v !== undefined && (typeof v !== 'string' || v.length === 0))
        issues.push({ path: `${path}.${key}`, message: `must be a non-empty string, received ${describe(v)}` });
    }
    if (keys.every((key) => e[key] === undefined)) issues.push({ path, message: `needs ${keys.join(' or ')}` });
  }
}

/**
 * A snapshot read back from JSON text (or an already parsed value). Checks the document kind and version (1, or 2
 * with languages, skill groups and wrap-up codes, each optional), `takenAt` and `org`, every section's entries (objects with their identifying fields as non-empty strings) and
 * that every value is plain JSON data.
 *
 * @throws ValidationError naming the field (`members[3].queueId`), or the whole document when the text is not
 *   JSON.
 */
export function parseSnapshot(input: string | unknown): RoutingSnapshot {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ValidationError('parseSnapshot', [
        { path: '', message: `not valid JSON (${(error as Error).message})` },
      ]);
    }
  }
  if (!isPlainObject(value))
    throw new ValidationError('parseSnapshot', [
      { path: '', message: `expected a snapshot object or its JSON text, received ${describe(value)}` },
    ]);
  if (value.kind !== KIND)
    throw new ValidationError('parseSnapshot', [{ path: 'kind', message: `not a ${KIND} document` }]);
  if (value.version !== 1 && value.version !== 2)
    throw new ValidationError('parseSnapshot', [
      {
        path: 'version',
        // A number is shown as it is; anything else only by its kind (it may be cyclic or deeply nested).
        message: `unsupported version ${typeof value.version === 'number' ? String(value.version) : describe(value.version)} (this SDK reads versions 1 and 2)`,
      },
    ]);
  const notJson = findNonJson(value, '');
  if (notJson) throw new ValidationError('parseSnapshot', [notJson]);
  const issues: ValidationIssue[] = [];
  for (const key of ['takenAt', 'org'] as const) {
    if (typeof value[key] !== 'string')
      issues.push({ path: key, message: `must be a string, received ${describe(value[key])}` });
  }
  for (const section of Object.keys(KEYS) as Array<keyof typeof KEYS>) {
    const list = value[section];
    if (list === undefined && !REQUIRED.has(section)) continue;
    if (!Array.isArray(list)) {
      issues.push({ path: section, message: `must be an array, received ${describe(list)}` });
      continue;
    }
    for (let i = 0; i < list.length && issues.length < MAX_ISSUES; i++)
      checkEntity(`${section}[${i}]`, list[i] as unknown, KEYS[section], issues);
  }
  if (issues.length > 0) throw new ValidationError('parseSnapshot', issues.slice(0, MAX_ISSUES));
  return value as unknown as RoutingSnapshot;
}
