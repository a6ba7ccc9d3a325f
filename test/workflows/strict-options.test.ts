// A misspelled option is a ValidationError naming the key and the closest known one, thrown before any request:
// nothing reaches the emulator (its request log stays empty) and nothing is written.
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../src/index.js';
import { renderReport } from '../../src/report/index.js';
import { applyPlan, planRoutingOptimization, startAutopilot } from '../../src/workflows/index.js';
import { optimizeRouting } from '../../src/optimizer/index.js';
import { writeReport } from '../../src/report/write-report.js';
import type { Emulator } from '../../src/testing/index.js';
import { clientFor, emulator } from '../transport/helpers.js';
import { handMadePlan, mismatches, writes } from './plan-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'grsdk-strict-options-'));

/** The error of `run` (sync throw or rejection), checked to be a ValidationError. */
export async function validationErrorOf(run: () => unknown): Promise<ValidationError> {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  expect(isValidationError(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  return error as ValidationError;
}

function expectNoRequest(emu: Emulator): void {
  expect(emu.stats.requestLog.map((r) => `${r.method} ${r.path}`)).toEqual([]);
}

describe('a misspelled option fails before any request', () => {
  it('applyPlan({ dryrun: true }) applies nothing and names dryRun', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 3);
    emu.resetStats();
    const error = await validationErrorOf(() => applyPlan(client, plan, { dryrun: true } as never));
    expect(error.message).toBe('applyPlan: options.dryrun: unknown key; did you mean dryRun?');
    expectNoRequest(emu);
    expect(writes(emu)).toBe(0);
    expect(mismatches(emu, plan)).toHaveLength(plan.changes.length);
  });

  it('applyPlan: a nested key of lease or conflictCheck too', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 1);
    emu.resetStats();
    const lease = await validationErrorOf(() => applyPlan(client, plan, { lease: { ttlMS: 5 } } as never));
    expect(lease.message).toContain('options.lease.ttlMS: unknown key; did you mean ttlMs?');
    const check = await validationErrorOf(() =>
      applyPlan(client, plan, { removals: 'replace', conflictCheck: { reaply: false } } as never),
    );
    expect(check.message).toContain('options.conflictCheck.reaply: unknown key; did you mean reapply?');
    expectNoRequest(emu);
  });

  it('planRoutingOptimization: a misspelled option or constraint, before reading the org', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    emu.resetStats();
    const option = await validationErrorOf(() => planRoutingOptimization(client, { timeLimitMS: 5000 } as never));
    expect(option.message).toBe('planRoutingOptimization: options.timeLimitMS: unknown key; did you mean timeLimitMs?');
    const constraint = await validationErrorOf(() =>
      planRoutingOptimization(client, { constraints: { maxSkillPerAgent: 2 } } as never),
    );
    expect(constraint.issues).toEqual([
      { path: 'options.constraints.maxSkillPerAgent', message: 'unknown key; did you mean maxSkillsPerAgent?' },
    ]);
    expectNoRequest(emu);
  });

  it('a resource call: queues.list({ nmae }) and users.get(id, { timeoutMS }) send nothing', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    emu.resetStats();
    const list = await validationErrorOf(() => client.routing.queues.list({ nmae: 'Sales*' } as never).toArray());
    expect(list.message).toBe('routing.queues.list: options.nmae: unknown key; did you mean name?');
    const user = [...emu.state.users.keys()][0]!;
    const get = await validationErrorOf(() => client.routing.users.get(user, { timeoutMS: 5 } as never));
    expect(get.message).toContain('options.timeoutMS: unknown key; did you mean timeoutMs?');
    expectNoRequest(emu);
  });

  it('startAutopilot: a misspelled policy field or option throws at the call, before anything is read', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    emu.resetStats();
    const policy = await validationErrorOf(() =>
      startAutopilot(client, { shadow: true, guardrails: { maxChangesPerHr: 2 } } as never),
    );
    expect(policy.message).toBe(
      'autopilot policy: guardrails.maxChangesPerHr: unknown key; did you mean maxChangesPerHour?',
    );
    const options = await validationErrorOf(() =>
      startAutopilot(client, { shadow: true }, { auditpath: 'x' } as never),
    );
    expect(options.message).toBe('startAutopilot: options.auditpath: unknown key; did you mean auditPath?');
    const lease = await validationErrorOf(() =>
      startAutopilot(client, { shadow: true }, { lease: { ttl: 5 } } as never),
    );
    expect(lease.issues[0]!.path).toBe('options.lease.ttl');
    expectNoRequest(emu);
  });

  it('the report: renderReport names the key, writeReport writes no file', async () => {
    const error = await validationErrorOf(() => renderReport({ titel: 'Review' } as never));
    expect(error.message).toBe('renderReport: input.titel: unknown key; did you mean title?');
    const curve = await validationErrorOf(() =>
      renderReport({
        staffing: [{ rows: [], targets: { serviceLevel: 0.8, targetSeconds: 20 }, queueID: 'q' }],
      } as never),
    );
    expect(curve.issues).toEqual([
      { path: 'input.staffing[0].queueID', message: 'unknown key; did you mean queueId?' },
    ]);
    const file = join(dir, 'report.html');
    await validationErrorOf(() => writeReport(file, { timezone: 'UTC' } as never));
    expect(existsSync(file)).toBe(false);
  });

  it('optimizeRouting: timeLimitMS, constraints.maxSkillPerAgent and a queue key are refused', async () => {
    const queue = { id: 'q', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 20 } };
    const agents = [{ id: 'a', skills: { q: 3 } }];
    const limit = await validationErrorOf(() =>
      optimizeRouting({ queues: [queue], agents }, { timeLimitMS: 5000 } as never),
    );
    expect(limit.message).toBe('optimizeRouting: options.timeLimitMS: unknown key; did you mean timeLimitMs?');
    const constraint = await validationErrorOf(() =>
      optimizeRouting({ queues: [queue], agents, constraints: { maxSkillPerAgent: 2 } } as never),
    );
    expect(constraint.message).toBe(
      'optimizeRouting: constraints.maxSkillPerAgent: unknown key; did you mean maxSkillsPerAgent?',
    );
    const target = await validationErrorOf(() =>
      optimizeRouting({ queues: [{ ...queue, target: { serviceLevel: 0.8, withinSecs: 20 } }], agents } as never),
    );
    expect(target.issues[0]!.path).toBe('queues[0].target.withinSecs');
  });
});
