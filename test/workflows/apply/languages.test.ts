// applyPlan's language part over HTTP against the emulator: adds, updates and removals of users' routing languages
// (bulk PATCH of at most 50 per call, one DELETE per removal), statuses in the shared vocabulary, dry run, drift
// skip, journal, audit trail, and a malformed part refused before any write.
import { describe, expect, it } from 'vitest';
import { GenesysApiError, isValidationError, type ValidationError } from '../../../src/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { adminState } from '../../../src/testing/emulator/state/admin.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { MemoryAuditTrail } from '../../../src/workflows/audit/trail.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import {
  PLAN_KIND,
  PLAN_VERSION,
  parsePlan,
  summarize,
  type Plan,
  type PlannedLanguageChange,
} from '../../../src/workflows/plan.js';
import { clientFor, emulator } from '../../transport/helpers.js';

let planCount = 0;
function plan(emu: Emulator, languageChanges: PlannedLanguageChange[]): Plan {
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: `plan-languages-${++planCount}`,
    createdAt: new Date().toISOString(),
    source: 'test',
    org: emu.baseUrl,
    changes: [],
    languageChanges,
    skipped: [],
    violations: [],
    impact: [],
    summary: summarize([], [], []),
  };
}

/** For the first `users` active users: re-level the first language held, add one not held at 2, remove a second one. */
function languagePlan(emu: Emulator, users: number): Plan {
  const admin = adminState(emu.state);
  const all = [...admin.languages.keys()];
  const changes: PlannedLanguageChange[] = [];
  const active = [...emu.state.users.values()].filter((u) => u.state === 'active').slice(0, users);
  for (const user of active) {
    const held = admin.userLanguages.get(user.id) ?? new Map<string, number>();
    const [first, second] = [...held.keys()];
    const base = { userId: user.id, userName: user.name, reasons: ['test'] };
    if (first && held.get(first) !== 1)
      changes.push({ ...base, languageId: first, action: 'update', before: held.get(first)!, after: 1 });
    const missing = all.find((l) => !held.has(l));
    if (missing) changes.push({ ...base, languageId: missing, action: 'add', before: null, after: 2 });
    if (second) changes.push({ ...base, languageId: second, action: 'remove', before: held.get(second)!, after: null });
  }
  return plan(emu, changes);
}

const held = (emu: Emulator, c: PlannedLanguageChange) =>
  adminState(emu.state).userLanguages.get(c.userId)?.get(c.languageId) ?? null;
const writes = (emu: Emulator) =>
  emu.stats.requestLog.filter((r) => r.method !== 'GET' && r.path.includes('/routinglanguages'));

describe('applyPlan: language changes', () => {
  it('applies adds, updates and removals, confirms them by a read-back, and a re-run writes nothing', async () => {
    const emu = await emulator({ seed: 11 });
    const client = clientFor(emu);
    const p = languagePlan(emu, 8);
    expect(p.languageChanges!.some((c) => c.action === 'remove')).toBe(true);
    const trail = new MemoryAuditTrail();
    const journal = new MemoryJournal();
    const result = await applyPlan(client, p, { auditTrail: trail, journal });
    expect(result.languages.map((l) => l.status)).toEqual(p.languageChanges!.map(() => 'applied'));
    for (const c of p.languageChanges!) expect(held(emu, c)).toBe(c.after);
    expect(result.counts.applied).toBe(p.languageChanges!.length);
    expect(result.users.done).toBe(8);
    expect(trail.records.filter((r) => r.action === 'language')).toHaveLength(p.languageChanges!.length);
    expect(trail.records[0]?.details).toMatchObject({ languageId: p.languageChanges![0]!.languageId });

    const writesBefore = writes(emu).length;
    const again = await applyPlan(client, p, { journal });
    expect(again.languages.every((l) => l.status === 'unchanged' && l.fromJournal)).toBe(true);
    expect(again.users.fromJournal).toBe(8);
    expect(writes(emu).length).toBe(writesBefore);
  });

  it('a dry run reads and reports wouldApply, writing nothing', async () => {
    const emu = await emulator({ seed: 12 });
    const p = languagePlan(emu, 3);
    const result = await applyPlan(clientFor(emu), p, { dryRun: true });
    expect(result.languages.every((l) => l.status === 'wouldApply' && l.actual === l.before)).toBe(true);
    expect(writes(emu)).toEqual([]);
  });

  it('a language changed since planning is skipped (named), or applied with onDrift: apply', async () => {
    const emu = await emulator({ seed: 13 });
    const p = languagePlan(emu, 1);
    const update = p.languageChanges!.find((c) => c.action === 'update')!;
    adminState(emu.state).userLanguages.get(update.userId)!.set(update.languageId, 3.5);
    const skipped = await applyPlan(clientFor(emu), p);
    const item = skipped.languages.find((l) => l.languageId === update.languageId)!;
    expect(item.status).toBe('skipped');
    expect(item.detail).toContain('changed since planned: the user holds 3.5');
    expect(held(emu, update)).toBe(3.5);
    const forced = await applyPlan(clientFor(emu), p, { onDrift: 'apply' });
    expect(forced.languages.find((l) => l.languageId === update.languageId)!.status).toBe('applied');
    expect(held(emu, update)).toBe(1);
  });

  it('more than 50 languages for one user go in bulk calls of at most 50 (the platform limit)', async () => {
    const emu = await emulator({ seed: 14 });
    const client = clientFor(emu);
    const admin = adminState(emu.state);
    const user = [...emu.state.users.values()].find((u) => u.state === 'active')!;
    for (let i = 0; i < 60; i++) {
      const language = await client.routing.languages.create({ name: `Language ${i}` });
      expect(admin.languages.has(language.id)).toBe(true);
    }
    const owned = admin.userLanguages.get(user.id) ?? new Map<string, number>();
    const adds = [...admin.languages.keys()]
      .filter((id) => !owned.has(id))
      .map((languageId): PlannedLanguageChange => ({
        userId: user.id,
        languageId,
        action: 'add',
        before: null,
        after: 3,
        reasons: [],
      }));
    expect(adds.length).toBeGreaterThan(50);
    const result = await applyPlan(client, plan(emu, adds));
    expect(result.counts.applied).toBe(adds.length);
    const bulk = writes(emu).filter((r) => r.method === 'PATCH' && r.path.endsWith('/routinglanguages/bulk'));
    expect(bulk).toHaveLength(Math.ceil(adds.length / 50));
  });

  it('a write the platform refuses is failed with its error; the other changes still land', async () => {
    const emu = await emulator({ seed: 15 });
    const p = languagePlan(emu, 2);
    const bad: PlannedLanguageChange = {
      ...p.languageChanges![0]!,
      languageId: 'no-such-language',
      action: 'add',
      before: null,
      after: 2,
    };
    const withBad = plan(emu, [...p.languageChanges!.filter((c) => c.userId !== bad.userId), bad]);
    const result = await applyPlan(clientFor(emu), withBad);
    const item = result.languages.find((l) => l.languageId === 'no-such-language')!;
    expect(item.status).toBe('failed');
    expect(item.error).toBeInstanceOf(GenesysApiError);
    expect((item.error as GenesysApiError).status).toBeGreaterThanOrEqual(400);
    expect(result.languages.filter((l) => l !== item).every((l) => l.status === 'applied')).toBe(true);
  });

  it('a malformed language part is a ValidationError naming the field, before any write', async () => {
    const emu = await emulator({ seed: 16 });
    const p = languagePlan(emu, 2);
    const broken = {
      ...p,
      languageChanges: [
        ...p.languageChanges!,
        { ...p.languageChanges![0]!, languageId: 'x', action: 'remove', before: 2, after: 3 },
        { userId: '', languageId: 'y', action: 'add', before: null, after: 9, reasons: [] },
      ],
    } as Plan;
    let caught: unknown;
    try {
      await applyPlan(clientFor(emu), broken);
    } catch (error) {
      caught = error;
    }
    expect(isValidationError(caught)).toBe(true);
    const paths = (caught as ValidationError).issues.map((i) => i.path);
    const n = p.languageChanges!.length;
    expect(paths).toEqual(
      expect.arrayContaining([
        `languageChanges[${n}]`,
        `languageChanges[${n + 1}].userId`,
        `languageChanges[${n + 1}].after`,
      ]),
    );
    expect(writes(emu)).toEqual([]);
    expect(() => parsePlan(JSON.stringify(broken))).toThrow(/languageChanges/);
    expect(parsePlan(JSON.stringify(p)).languageChanges).toEqual(p.languageChanges);
  });
});
