// The MCP server's quick checks (no optimizer run), with the official MCP client library: the tools with their
// schemas and annotations over stdio (the CLI) and streamable HTTP, read-only by default, the bearer token,
// resources and prompts, strict options, and refusals that name the field. The sessions with real plans are in
// mcp-session.scenario.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer, startMcpHttpServer } from '../../src/mcp/index.js';
import type { AutopilotControl, AutopilotDecisionView } from '../../src/mcp/index.js';
import type { Emulator } from '../../src/testing/index.js';
import { call, clientFor, forbidden, httpClient, stdioClient, understaffed, writesSince } from './helpers.js';

const TOKEN = 'test-bearer-token-0123456789';
const READ_TOOLS = [
  'queues_now',
  'explain_queue',
  'staffing_what_if',
  'skill_change_what_if',
  'plan_routing',
  'dry_run_plan',
];

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

async function http(options: Parameters<typeof startMcpHttpServer>[2] = {}) {
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

describe('genesys-routing mcp over stdio', () => {
  it('lists every tool with a title, a description, input and output schemas and annotations', async () => {
    const client = await stdioClient(emu, ['--allow-writes']);
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
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('apply_plan')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(byName.get('rollback_plan')!.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    for (const name of READ_TOOLS)
      expect(byName.get(name)!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(byName.get('apply_plan')!.inputSchema.required).toEqual(['planId']);
    expect(Object.keys(byName.get('plan_routing')!.outputSchema!.properties!)).toEqual(
      expect.arrayContaining(['planId', 'queues', 'changes', 'lowerBound', 'report']),
    );

    const now = await call(client, 'queues_now');
    expect(now.queues).toHaveLength(4);
    for (const q of now.queues) {
      expect(q.skill?.name).toMatch(/\S/);
      expect(['atTarget', 'below', 'noCalls']).toContain(q.status);
    }
  }, 60_000);
});

describe('createMcpServer over streamable HTTP', () => {
  it('refuses a request without the right bearer token', async () => {
    const { server } = await http();
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789012']) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: '{}',
      });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain(TOKEN);
    }
  });

  it('is read-only by default: no apply, rollback or approval tool; resources and prompts listed', async () => {
    const { client } = await http();
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual([...READ_TOOLS].sort());
    const resources = (await client.listResources()).resources.map((r) => r.uri);
    expect(resources).toEqual(
      expect.arrayContaining(['genesys-routing://org/snapshot', 'genesys-routing://plans/latest']),
    );
    const prompts = (await client.listPrompts()).prompts.map((p) => p.name).sort();
    expect(prompts).toEqual(['autopilot_review', 'morning_check', 'queue_below_target']);
    const prompt = await client.getPrompt({ name: 'queue_below_target', arguments: { queue: 'Billing' } });
    expect((prompt.messages[0]!.content as { text: string }).text).toContain('The queue "Billing" is below');
    const snapshot = await client.readResource({ uri: 'genesys-routing://org/snapshot' });
    const org = JSON.parse(String((snapshot.contents[0] as { text: string }).text)) as {
      fingerprint: string;
      members: unknown[];
    };
    expect(org.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(org.members.length).toBeGreaterThan(0);
  });

  it('answers staffing what-ifs, and refuses bad input naming the field, with nothing written', async () => {
    const { client } = await http({ allowWrites: true });
    const since = Date.now();
    const staffing = await call(client, 'staffing_what_if', {
      callsPerHour: 120,
      ahtSeconds: 240,
      serviceLevel: 0.8,
      withinSeconds: 20,
    });
    expect(staffing).toMatchObject({ trafficErlangs: 8, agentsNeeded: 11 });
    const unknownQueue = await call(client, 'explain_queue', { queue: 'Billing Suport' });
    expect(unknownQueue.error).toMatchObject({ name: 'McpRefusalError', field: 'queue', reason: 'unknownQueue' });
    const noPlan = await call(client, 'skill_change_what_if', { changes: [{ agent: 'x', queue: 'y', action: 'add' }] });
    expect(noPlan.error).toMatchObject({ field: 'planId', reason: 'needsPlan' });
    const unknownPlan = await call(client, 'apply_plan', { planId: 'p-1', confirmationToken: 'confirm-x' });
    expect(unknownPlan.error).toMatchObject({ field: 'planId', reason: 'unknownPlan' });
    const nothing = await call(client, 'rollback_plan', {});
    expect(nothing.error).toMatchObject({ field: 'planId', reason: 'nothingToRollBack' });
    const badInput = await client.callTool({
      name: 'staffing_what_if',
      arguments: { callsPerHour: 10, ahtSeconds: 0, serviceLevel: 80, withinSeconds: 20 },
    });
    expect(badInput.isError).toBe(true);
    expect(JSON.stringify(badInput.content)).toMatch(/ahtSeconds[\s\S]*serviceLevel|serviceLevel[\s\S]*ahtSeconds/);
    expect(writesSince(emu, since)).toEqual([]);
  });
});

/**
 * A stand-in for an autopilot in approval mode, as the assistant sees it: decisions as events, proposals to approve
 * or reject (a real one is driven in autopilot.test.ts).
 */
function approvalPilot() {
  const listeners: Array<(d: AutopilotDecisionView) => void> = [];
  const decision: AutopilotDecisionView = {
    seq: 3,
    at: '2026-11-24T09:05:00Z',
    kind: 'adjust',
    why: 'Billing above forecast',
    shadow: false,
    changes: [
      { userId: 'u1', queueId: 'q1', direction: 'gain' },
      { userId: 'u2', queueId: 'q1', direction: 'gain' },
    ],
    refused: [],
  };
  const pending = new Map([
    [
      'p-3',
      {
        id: 'p-3',
        seq: 3,
        createdAt: decision.at,
        expiresAt: '2026-11-24T09:10:00Z',
        decision,
        changes: decision.changes,
      },
    ],
  ]);
  const resolved: string[] = [];
  const pilot: AutopilotControl = {
    on: (_event, listener) => listeners.push(listener),
    proposals: () => [...pending.values()],
    approve: (id) => pending.delete(id) && resolved.push(`approved ${id}`) > 0,
    reject: (id, reason) => pending.delete(id) && resolved.push(`rejected ${id}: ${reason}`) > 0,
  };
  return { pilot, emit: (d: AutopilotDecisionView) => listeners.forEach((l) => l(d)), decision, resolved };
}

describe('the autopilot tools', () => {
  it('report decisions and proposals; approve and reject only with writes enabled', async () => {
    const readOnly = approvalPilot();
    const { client: reader } = await http({ autopilot: readOnly.pilot });
    const names = (await reader.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['autopilot_status', 'autopilot_decisions']));
    expect(names).not.toContain('autopilot_approve');

    const { pilot, emit, decision, resolved } = approvalPilot();
    const { client } = await http({ allowWrites: true, autopilot: pilot });
    emit(decision);
    const status = await call(client, 'autopilot_status');
    expect(status).toMatchObject({
      attached: true,
      approvals: true,
      decisionsSeen: 1,
      lastDecision: { seq: 3, changes: 2 },
    });
    expect(status.pending).toEqual([expect.objectContaining({ id: 'p-3', why: 'Billing above forecast', changes: 2 })]);
    expect((await call(client, 'autopilot_decisions', { limit: 5 })).decisions).toHaveLength(1);
    expect(await call(client, 'autopilot_approve', { id: 'p-3' })).toEqual({
      id: 'p-3',
      resolved: true,
      action: 'approved',
    });
    const again = await call(client, 'autopilot_reject', { id: 'p-3', reason: 'too late' });
    expect(again.error).toMatchObject({ field: 'id', reason: 'autopilot' });
    expect(resolved).toEqual(['approved p-3']);
  });

  it('offer no approvals when the autopilot says its mode is not approve', async () => {
    const { pilot, resolved } = approvalPilot();
    const { client } = await http({ allowWrites: true, autopilot: { ...pilot, mode: 'auto' } });
    expect(await call(client, 'autopilot_status')).toMatchObject({ approvals: false, pending: [] });
    const refused = await call(client, 'autopilot_approve', { id: 'p-3' });
    expect(refused.error).toMatchObject({ field: 'id', reason: 'autopilot' });
    expect(refused.error.message).toContain('its policy mode is auto');
    expect(resolved).toEqual([]);
  });
});

describe('createMcpServer options', () => {
  it('refuses an unknown or misspelled option, naming it with a suggestion', () => {
    const client = clientFor(emu);
    expect(() => createMcpServer(client, { allowWrite: true } as never)).toThrow(
      /allowWrite: unknown option; did you mean "allowWrites"\?/,
    );
    expect(() => createMcpServer(client, { limits: { maxChange: 3 } } as never)).toThrow(
      /limits\.maxChange: unknown option; did you mean "maxChanges"\?/,
    );
    expect(() => createMcpServer(client, { limits: { maxChanges: 0 } })).toThrow(/limits\.maxChanges/);
    expect(() => createMcpServer(client, { identity: 'x'.repeat(81) })).toThrow(/identity/);
  });

  it('refuses a short bearer token or a bad port before listening', async () => {
    const client = clientFor(emu);
    await expect(startMcpHttpServer(client, { port: 0, token: 'short' })).rejects.toThrow(/token: must be at least 16/);
    await expect(startMcpHttpServer(client, { port: 70_000, token: TOKEN })).rejects.toThrow(/port/);
  });
});
