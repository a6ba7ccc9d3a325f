// genesys-routing mcp and createMcpServer, driven by the official MCP client library against the emulator: the
// tools with their schemas and annotations, a whole session over stdio (the CLI, confirmation by elicitation)
// and over streamable HTTP (confirmation by the dry run's token), and every refusal with no write in the
// emulator's request log.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMcpHttpServer, type McpHttpServer } from '../../src/mcp/index.js';
import type { Emulator } from '../../src/testing/index.js';
import { call, clientFor, forbidden, httpClient, stdioClient, understaffed, writesSince } from './helpers.js';
import { runSession } from './session.js';

const TOKEN = 'test-bearer-token-0123456789';
const READ_TOOLS = ['queues_now', 'explain_queue', 'staffing_what_if', 'skill_change_what_if', 'plan_routing', 'dry_run_plan'];

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

async function http(options: Parameters<typeof startMcpHttpServer>[2]): Promise<{ server: McpHttpServer; client: Client }> {
  const server = await startMcpHttpServer(clientFor(emu), { port: 0, token: TOKEN }, { now: () => emu.now(), ...options });
  open.push(server);
  const client = await httpClient(server.url, TOKEN);
  open.push(client);
  return { server, client };
}

describe('MCP server over stdio (genesys-routing mcp --allow-writes)', () => {
  it('lists the tools with input and output schemas and annotations, then runs a session confirmed by elicitation', async () => {
    const answers = [false, true];
    const client = await stdioClient(emu, ['--allow-writes', '--effort', '0.2'], answers);
    open.push(client);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...READ_TOOLS, 'apply_plan', 'rollback_plan'].sort());
    for (const t of tools) {
      expect(t.title).toMatch(/\S/);
      expect(t.description!.length).toBeGreaterThan(60);
      expect(t.inputSchema.type).toBe('object');
      expect(t.outputSchema?.type).toBe('object');
      expect(typeof t.annotations?.readOnlyHint).toBe('boolean');
      expect(typeof t.annotations?.destructiveHint).toBe('boolean');
      expect(typeof t.annotations?.idempotentHint).toBe('boolean');
    }
    const apply = tools.find((t) => t.name === 'apply_plan')!;
    expect(apply.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(tools.find((t) => t.name === 'queues_now')!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });

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
  it('refuses a request without the bearer token', async () => {
    const { server } = await http({});
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain(TOKEN);
  });

  it('read-only by default: no apply, rollback or approval tool', async () => {
    const { client } = await http({});
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toEqual([...READ_TOOLS].sort());
    const staffing = await call(client, 'staffing_what_if', { callsPerHour: 120, ahtSeconds: 240, serviceLevel: 0.8, withinSeconds: 20 });
    expect(staffing.agentsNeeded).toBeGreaterThan(8);
  });

  it('runs the session, confirmed by the dry run token', async () => {
    const { client } = await http({ allowWrites: true });
    await runSession(client, emu, 'token');
  }, 300_000);

  it('refuses without a confirmation, over the limits and on a stale plan, naming why; nothing is written', async () => {
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
