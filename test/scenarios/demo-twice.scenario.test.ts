// The README's promise, checked: two runs of `npm run demo` on the embedded emulator print the same plan. Each run
// is a child process as a newcomer starts it; their optimization plans (changes, memberships, per-queue outcome)
// must be equal once the run's own id and time are set aside. Slow (two demos): a scenario test.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Runs the demo and returns its optimization plan and the terminal's section 1 (the optimize step). */
async function demo(): Promise<{ plan: Record<string, unknown>; section1: string }> {
  const { stdout } = await run('npx', ['tsx', 'examples/demo.ts'], {
    cwd: ROOT,
    env: { ...process.env, GENESYS_CLIENT_ID: '' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60_000,
  });
  const folder = /Files written to (.+)$/m.exec(stdout)?.[1];
  if (!folder) throw new Error(`the demo did not say where it wrote its files:\n${stdout.slice(-2000)}`);
  const plan = JSON.parse(readFileSync(join(folder.trim(), 'optimization-plan.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const start = stdout.indexOf('\n1. ');
  const end = stdout.indexOf('\n2. ');
  // Timings ("[29.4 s]") and the output folder differ between runs; nothing else may.
  const section1 = stdout
    .slice(start, end)
    .replace(/\[\d+(\.\d+)? s\]/g, '[time]')
    .replace(/-> \S*demo-output\S*/g, '-> <folder>');
  return { plan, section1 };
}

/** The plan without what names this run (its id, when it was made). */
function content(plan: Record<string, unknown>): unknown {
  const { changes, memberships, languageChanges, skipped, impact, optimization } = plan as Record<string, unknown>;
  const { stats, ...verdict } = optimization as Record<string, unknown>;
  return {
    changes,
    memberships,
    languageChanges,
    skipped,
    impact,
    verdict,
    stoppedBy: (stats as never)?.['stoppedBy'],
  };
}

describe('npm run demo', () => {
  it(
    'prints the same plan on two runs (the emulator history is anchored; the search ends on its work budget)',
    async () => {
      const first = await demo();
      const second = await demo();
      expect((first.plan['optimization'] as { stats: { stoppedBy: string } }).stats.stoppedBy).toBe('work');
      expect(content(second.plan)).toEqual(content(first.plan));
      expect(second.section1).toBe(first.section1);
    },
    40 * 60_000,
  );
});
