// genesys-routing mcp and createMcpServer, driven by the official MCP client library against the emulator's
// understaffed org: a whole session over stdio (the CLI, confirmation by elicitation) and over streamable HTTP
// (confirmation by the dry run's token), and every refusal of a real plan with no write in the emulator's request
// log. Each plan runs the optimizer (effort 0.1-0.2): a scenario test (test/scenarios.ts); the quick checks of
// the same server are in mcp-server.test.ts.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan } from '../../src/mcp/actions/planning.js';
import { startMcpHttpServer, type McpHttpServer } from '../../src/mcp/index.js';
import { buildServer } from '../../src/mcp/server.js';
import { resolveMcpOptions } from '../../src/mcp/options.js';
import { DeskSession } from '../../src/mcp/session.js';
import type { Emulator } from '../../src/testing/index.js';
import { call, clientFor, forbidden, httpClient, stdioClient, understaffed, writesSince } from './helpers.js';
import { runSession } from './session.js';

const TOKEN = 'test-bearer-token-0123456789';

let emu: Emulator;
const open: Array<{ close(): Promise<void> }> = [];
beforeAll(async () => {
  emu = await understaffed();
  forbidden.push(emu.clientSecret, TOKEN);
});
afterAll(async () => {
  for (const c of open.splice(0).reverse()) await c.close();
  await emu.close();
});

async function http(
  options: Parameters<typeof startMcpHttpServer>[2],
): Promise<{ server: McpHttpServer; client: Client }> {
  const server = await startMcpHttpServer(
    clientFor(emu),
    { port: 0, token: TOKEN },
    { now: () => emu.now(), ...options },
  );
  open.push(server);
  const client = await httpClient(server.url, TOKEN);
  open.push(client);
  return { server, client };
}

describe('MCP server over stdio (genesys-routing mcp --allow-writes)', () => {
  it('runs the session confirmed by elicitation, after a declined confirmation that wrote nothing', async () => {
    const answers = [false, true];
    const client = await stdioClient(emu, ['--allow-writes', '--effort', '0.2'], answers);
    open.push(client);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain('apply_plan');
    // The first confirmation is declined: refused, nothing written; the session then confirms.
    const plan = await call(client, 'plan_routing', { effort: 0.2 });
    await call(client, 'dry_run_plan', { planId: plan.planId });
    const since = Date.now();
    const declined = await call(client, 'apply_plan', { planId: plan.planId });
    expect(declined.error).toMatchObject({ name: 'McpRefusalError', field: 'confirmation', reason: 'confirmation' });
    expect(writesSince(emu, since)).toEqual([]);
    await runSession(client, emu, 'elicitation');
    expect(answers).toEqual([]);
  }, 300_000);
});

describe('MCP server over streamable HTTP (stateless, bearer token)', () => {
  it('runs the session, confirmed by the dry run token', async () => {
    const { client } = await http({ allowWrites: true });
    await runSession(client, emu, 'token');
  }, 300_000);

  it('refuses an unknown plan, a plan not dry-run and a plan over the policy limits, naming why; nothing is written', async () => {
    const { client } = await http({ allowWrites: true, limits: { maxChanges: 1 } });
    const notPlanned = await call(client, 'apply_plan', { planId: 'no-such-plan', confirmationToken: 'x' });
    expect(notPlanned.error).toMatchObject({ field: 'planId', reason: 'unknownPlan' });
    // A day plan of the understaffed org needs dozens of changes whatever the hour.
    const plan = await call(client, 'plan_routing', { horizon: 'day', effort: 0.1, maxChanges: 40 });
    expect(plan.changes + plan.memberships).toBeGreaterThan(1);
    expect(plan.withinPolicy).toBe(false);
    const since = Date.now();
    const notDry = await call(client, 'apply_plan', { planId: plan.planId });
    expect(notDry.error).toMatchObject({ field: 'planId', reason: 'notDryRun' });
    const dry = await call(client, 'dry_run_plan', { planId: plan.planId });
    expect(dry.policyProblem).toContain('limits.maxChanges');
    const over = await call(client, 'apply_plan', { planId: plan.planId, confirmationToken: dry.confirmationToken });
    expect(over.error).toMatchObject({ name: 'McpRefusalError', field: 'limits.maxChanges', reason: 'overLimit' });
    expect(writesSince(emu, since)).toEqual([]);
  }, 300_000);

  it('refuses a plan made stale by another change, and an apply without the token', async () => {
    const { client } = await http({ allowWrites: true });
    const plan = await call(client, 'plan_routing', { effort: 0.2 });
    const dry = await call(client, 'dry_run_plan', { planId: plan.planId });
    const since = Date.now();
    const noToken = await call(client, 'apply_plan', { planId: plan.planId });
    expect(noToken.error).toMatchObject({ field: 'confirmationToken', reason: 'confirmation' });
    const wrong = await call(client, 'apply_plan', { planId: plan.planId, confirmationToken: 'confirm-guess' });
    expect(wrong.error).toMatchObject({ field: 'confirmationToken', reason: 'confirmation' });
    // Someone else changes a skill in the org (straight in the emulator's state): the plan is stale.
    const [userId, held] = [...emu.state.userSkills].find(([, h]) => h.size > 0)!;
    const [skillId, proficiency] = [...held][0]!;
    emu.state.setUserSkill(userId, skillId, proficiency === 5 ? 4 : proficiency + 1);
    const stale = await call(client, 'apply_plan', { planId: plan.planId, confirmationToken: dry.confirmationToken });
    expect(stale.error).toMatchObject({ field: 'planId', reason: 'stale' });
    expect(stale.error.message).toContain('plan_routing again');
    expect(writesSince(emu, since)).toEqual([]);
    emu.state.setUserSkill(userId, skillId, proficiency);
  }, 300_000);
});

/** A session of its own and a client on a lasting connection to its server (the SDK's in-memory transport). */
async function inMemory(): Promise<{ session: DeskSession; client: Client }> {
  const session = new DeskSession(resolveMcpOptions({ now: () => emu.now() }));
  const server = buildServer(clientFor(emu), session);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'routing-desk-test', version: '1.0.0' });
  await client.connect(clientSide);
  open.push(client, server);
  return { session, client };
}

describe('plan_routing while it runs', () => {
  it('sends the optimizer’s progress to a client that asks for it', async () => {
    const { client } = await inMemory();
    const seen: Array<{ progress: number; total?: number | undefined; message?: string | undefined }> = [];
    const result = await client.callTool({ name: 'plan_routing', arguments: { effort: 0.2 } }, undefined, {
      onprogress: (p) => seen.push(p),
      timeout: 300_000,
    });
    expect(result.isError).toBeFalsy();
    // The search's work against its budget: rising with each notification, as the protocol asks, never past it.
    expect(seen.length).toBeGreaterThan(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.progress).toBeGreaterThan(seen[i - 1]!.progress);
    const totals = new Set(seen.map((p) => p.total));
    expect(totals.size).toBe(1);
    expect(seen.at(-1)!.progress).toBeLessThanOrEqual(seen[0]!.total!);
    expect(seen[0]!.message).toMatch(/^\w+: \d+ changes, \d+ queue\(s\) below target$/);
  }, 300_000);

  it('stops the run of a request the client cancels over a lasting connection, and keeps no plan', async () => {
    const { session, client } = await inMemory();
    const controller = new AbortController();
    const cancelled = client.callTool({ name: 'plan_routing', arguments: { effort: 0.2 } }, undefined, {
      signal: controller.signal,
      onprogress: () => controller.abort(new Error('cancelled by the client')),
      timeout: 300_000,
    });
    await expect(cancelled).rejects.toThrow('cancelled by the client');
    // A whole run of the same work after it: had the cancelled run gone on (started first, the same work), its
    // plan would be in the session by the time this one's is.
    const finished = await client.callTool({ name: 'plan_routing', arguments: { effort: 0.2 } }, undefined, {
      onprogress: () => undefined,
      timeout: 300_000,
    });
    expect(finished.isError).toBeFalsy();
    expect(session.plans.size).toBe(1);
  }, 300_000);

  it('stops the optimizer when the request is cancelled, with the cancellation’s reason', async () => {
    const session = new DeskSession(resolveMcpOptions({ now: () => emu.now() }));
    const controller = new AbortController();
    const phases: string[] = [];
    const run = makePlan(
      clientFor(emu),
      session,
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          phases.push(p.phase);
          controller.abort(new Error('cancelled by the client'));
        },
      },
    );
    await expect(run).rejects.toThrow('cancelled by the client');
    expect(phases).toEqual(['simulate']);
    expect(session.plans.size).toBe(0);
  }, 300_000);
});
