// Journals: a crash mid-append never costs another record, corruption is a typed error naming the line.
import { mkdtemp, appendFile, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanLockedError, isValidationError } from '../../../src/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { FileJournal, MemoryJournal, type JournalRecord } from '../../../src/workflows/journal/journals.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { handMadePlan } from '../plan-fixtures.js';

const rec = (userId: string, status: JournalRecord['status'] = 'done'): JournalRecord => ({
  planId: 'p1',
  planHash: 'h',
  userId,
  stateHash: `s-${userId}`,
  status,
  at: '2026-01-01T00:00:00.000Z',
});
const tempFile = async () => join(await mkdtemp(join(tmpdir(), 'journal-')), 'plan.journal');

describe('FileJournal', () => {
  it('a torn last record is reported and ignored, and the next record stays intact', async () => {
    const path = await tempFile();
    const journal = new FileJournal(path);
    await journal.append(rec('u1'));
    await journal.append(rec('u2'));
    await appendFile(path, JSON.stringify(rec('u3')).slice(0, 40)); // crash mid-append
    const torn = await journal.read('p1');
    expect(torn.records.map((r) => r.userId)).toEqual(['u1', 'u2']);
    expect(torn.problems).toEqual([{ line: 3, reason: expect.stringContaining('unfinished record') }]);

    const next = new FileJournal(path); // a new process after the crash
    await next.append(rec('u4'));
    const after = await next.read('p1');
    expect(after.records.map((r) => r.userId)).toEqual(['u1', 'u2', 'u4']);
    expect(after.problems).toHaveLength(1);
    expect((await readFile(path, 'utf8')).endsWith('\n')).toBe(true);
  });

  it('a null or non-record line is a ValidationError naming the line', async () => {
    const path = await tempFile();
    await writeFile(path, `${JSON.stringify(rec('u1'))}\nnull\n${JSON.stringify(rec('u2'))}\n`);
    const error = await new FileJournal(path).read('p1').catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('line 2');
    await writeFile(path, `${JSON.stringify({ ...rec('u1'), status: 'maybe' })}\n`);
    const bad = await new FileJournal(path).read('p1').catch((e: unknown) => e);
    expect((bad as Error).message).toMatch(/line 1: status/);
  });

  it('applyPlan reports the journal problems it ignored', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 3);
    const path = await tempFile();
    await writeFile(path, '{"planId":"');
    const result = await applyPlan(client, plan, { journal: new FileJournal(path) });
    expect(result.journalProblems).toHaveLength(1);
    expect(result.counts.applied).toBe(plan.changes.length);
    const records = (await new FileJournal(path).read(plan.id)).records;
    expect(records.map((r) => r.status)).toEqual(
      new Array(new Set(plan.changes.map((c) => c.userId)).size).fill('done'),
    );
  });
});

describe('MemoryJournal lease', () => {
  it('one holder per plan; a waiting worker gets it when released, a lapsed lease can be taken over', async () => {
    const journal = new MemoryJournal();
    const a = await journal.acquire('p1', { owner: 'a', ttlMs: 10_000, waitMs: 0 });
    const refused = await journal.acquire('p1', { owner: 'b', ttlMs: 50, waitMs: 0 }).catch((e: unknown) => e);
    expect(isPlanLockedError(refused)).toBe(true);
    const waiting = journal.acquire('p1', { owner: 'b', ttlMs: 50, waitMs: 5_000 });
    await a.release();
    const b = await waiting;
    expect(b.owner).toBe('b');
    await new Promise((r) => setTimeout(r, 200)); // b lapses without renewing
    const c = await journal.acquire('p1', { owner: 'c', ttlMs: 10_000, waitMs: 0 });
    expect(await b.renew()).toBe(false);
    expect(await c.renew()).toBe(true);
  });
});

describe('FileJournal lease', () => {
  it('a lock file next to the journal keeps a second worker out until released or lapsed', async () => {
    const path = await tempFile();
    const a = await new FileJournal(path).acquire('p1', { owner: 'a', ttlMs: 10_000, waitMs: 0 });
    const other = new FileJournal(path);
    const refused = await other.acquire('p1', { owner: 'b', ttlMs: 10_000, waitMs: 0 }).catch((e: unknown) => e);
    expect(isPlanLockedError(refused)).toBe(true);
    expect((refused as { owner: string }).owner).toBe('a');
    expect(await a.renew()).toBe(true);
    await a.release();
    const b = await other.acquire('p1', { owner: 'b', ttlMs: 50, waitMs: 0 });
    await new Promise((r) => setTimeout(r, 200)); // b lapses
    const c = await new FileJournal(path).acquire('p1', { owner: 'c', ttlMs: 60_000, waitMs: 0 });
    expect(await b.renew()).toBe(false);
    await b.release(); // not the holder: leaves c's lock alone
    expect(await c.renew()).toBe(true);
    await c.release();
  });

  it('applyPlan with a FileJournal takes and releases the lease', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 2);
    const path = await tempFile();
    const held = await new FileJournal(path).acquire(plan.id, { owner: 'someone-else', ttlMs: 60_000, waitMs: 0 });
    const error = await applyPlan(client, plan, { journal: new FileJournal(path) }).catch((e: unknown) => e);
    expect(isPlanLockedError(error)).toBe(true);
    await held.release();
    expect((await applyPlan(client, plan, { journal: new FileJournal(path) })).counts.applied).toBe(
      plan.changes.length,
    );
    await expect(readFile(`${path}.lock`, 'utf8')).rejects.toThrow();
  });
});
