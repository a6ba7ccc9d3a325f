// The language part of a plan: routing languages a plan gives, re-levels or takes from users (a language works
// like a skill: a proficiency 0–5). Checked before any write, like the skill changes.
import type { ValidationIssue } from '../errors/index.js';

/** One routing-language change for one user, with the reasons it was planned. */
export interface PlannedLanguageChange {
  /** User id. */
  userId: string;
  /** User name, where the planner knew it. */
  userName?: string | undefined;
  /** Routing language id (`client.routing.languages`). */
  languageId: string;
  /** Language name, where the planner knew it. */
  languageName?: string | undefined;
  /** `add` the language, `update` its proficiency, or `remove` it. */
  action: 'add' | 'update' | 'remove';
  /** Proficiency before, 0–5 (null: the user does not hold the language). */
  before: number | null;
  /** Proficiency after, 0–5 (null: the language is removed). */
  after: number | null;
  /** Why the change was planned, in words. */
  reasons: string[];
}

const isProficiency = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 5;
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * Issues of a plan's `languageChanges` (empty when it is absent or sound): every entry names a user and a language,
 * its action fits before/after (add: before null; remove: after null), proficiencies are 0–5, and one user and
 * language appear once.
 */
export function languageChangeIssues(value: unknown): ValidationIssue[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    return [{ path: 'languageChanges', message: 'must be an array of { userId, languageId, action, before, after }' }];
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  value.forEach((entry: unknown, i) => {
    const at = `languageChanges[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      issues.push({ path: at, message: 'must be an object { userId, languageId, action, before, after, reasons }' });
      return;
    }
    const c = entry as Record<string, unknown>;
    for (const key of ['userId', 'languageId'] as const)
      if (!nonEmpty(c[key])) issues.push({ path: `${at}.${key}`, message: 'must be a non-empty string' });
    if (c['action'] !== 'add' && c['action'] !== 'update' && c['action'] !== 'remove') {
      issues.push({
        path: `${at}.action`,
        message: `must be 'add', 'update' or 'remove' (got ${JSON.stringify(c['action'])})`,
      });
      return;
    }
    for (const key of ['before', 'after'] as const)
      if (c[key] !== null && !isProficiency(c[key]))
        issues.push({ path: `${at}.${key}`, message: 'must be a proficiency from 0 to 5, or null (absent)' });
    if ((c['action'] === 'remove') !== (c['after'] === null) || (c['action'] === 'add') !== (c['before'] === null))
      issues.push({ path: at, message: `before/after do not fit action '${String(c['action'])}'` });
    if (c['reasons'] !== undefined && !Array.isArray(c['reasons']))
      issues.push({ path: `${at}.reasons`, message: 'must be an array of strings' });
    const key = `${String(c['userId'])}\u0000${String(c['languageId'])}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      issues.push({
        path: at,
        message: `duplicate entry: the same user and language are already planned at languageChanges[${earlier}]`,
      });
    seen.set(key, i);
  });
  return issues;
}
