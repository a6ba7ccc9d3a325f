// genesys-routing mcp: the routing desk as an MCP server for AI assistants, over stdio (default) or streamable
// HTTP on 127.0.0.1 with a bearer token. stdout carries the protocol in stdio mode: every message goes to stderr.
import { randomBytes } from 'node:crypto';
import { num, optionalNum, parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { FileJournal } from '../../workflows/journal/journals.js';
import { JsonlAuditTrail } from '../../workflows/audit/trail.js';

export const mcpHelp = `genesys-routing mcp [--http PORT] [--allow-writes] [--max-changes 40] [--lock-agent ID ...] [--lock-queue ID ...]
                    [--identity NAME] [--audit FILE] [--journal FILE] [--report-dir DIR] [--days 7] [--effort 1] [--time-limit 120]

  Serves the routing desk to an AI assistant over the Model Context Protocol: queues now, one queue explained,
  what-if staffing and skill changes, the optimizer's plan and its dry run; with --allow-writes also apply (after
  the user confirms, within the limits) and rollback. Needs the optional package @modelcontextprotocol/sdk.
  --http PORT      streamable HTTP on 127.0.0.1:PORT/mcp (stateless) instead of stdio; every request needs
                   Authorization: Bearer $GENESYS_MCP_TOKEN (generated and printed on stderr when unset)
  --allow-writes   register apply_plan, rollback_plan and the autopilot approvals (default: read-only)
  --max-changes    most changes one applied plan may carry (default 40)
  --lock-agent     a user id the assistant must never change (repeat for more)
  --lock-queue     a queue id whose holders and members the assistant must never change (repeat for more)
  --identity       who the assistant acts as, in the audit trail (default mcp-assistant)
  --audit FILE     append one JSON line per change written (default: kept in memory)
  --journal FILE   the apply journal (default: in memory)
  --report-dir DIR write each plan's HTML report there (default: served as a resource only)
  --days / --effort / --time-limit   history read, optimizer work budget and its time cap in seconds

  Examples:
    genesys-routing emulator --scenario understaffed     # in another terminal; export the variables it prints
    genesys-routing mcp
    genesys-routing mcp --allow-writes --max-changes 20 --audit audit.jsonl
    GENESYS_MCP_TOKEN=... genesys-routing mcp --http 8848`;

export async function mcp(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    http: { type: 'string' },
    'allow-writes': { type: 'boolean' },
    'max-changes': { type: 'string' },
    'lock-agent': { type: 'string', multiple: true },
    'lock-queue': { type: 'string', multiple: true },
    identity: { type: 'string' },
    audit: { type: 'string' },
    journal: { type: 'string' },
    'report-dir': { type: 'string' },
    days: { type: 'string' },
    effort: { type: 'string' },
    'time-limit': { type: 'string' },
  });
  if (values.help) {
    console.log(mcpHelp);
    return 0;
  }
  const port = values.http === undefined ? undefined : num('port', values.http);
  const maxChanges = optionalNum('max-changes', values['max-changes']);
  if (maxChanges === 0) throw new UsageError('--max-changes must be >= 1');
  const options = {
    allowWrites: values['allow-writes'] ?? false,
    ...(values.identity ? { identity: values.identity } : {}),
    limits: {
      ...(maxChanges !== undefined ? { maxChanges } : {}),
      lockedUserIds: values['lock-agent'] ?? [],
      lockedQueueIds: values['lock-queue'] ?? [],
    },
    plan: {
      days: num('days', values.days, 7),
      ...(values.effort !== undefined ? { effort: num('effort', values.effort) } : {}),
      ...(values['time-limit'] !== undefined
        ? { timeLimitMs: Math.round(num('time-limit', values['time-limit']) * 1000) }
        : {}),
    },
    ...(values.audit ? { auditTrail: new JsonlAuditTrail(values.audit) } : {}),
    ...(values.journal ? { journal: new FileJournal(values.journal) } : {}),
    ...(values['report-dir'] ? { reportDir: values['report-dir'] } : {}),
    redact: [process.env['GENESYS_CLIENT_SECRET'] ?? ''],
  };
  const desk = await loadMcp();
  const client = clientFromEnv();
  if (port === undefined) {
    const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
    const server = desk.createMcpServer(client, options);
    await server.connect(new StdioServerTransport());
    console.error(`genesys-routing mcp: serving on stdio (${options.allowWrites ? 'writes enabled' : 'read-only'})`);
    await new Promise<void>((resolve) => {
      process.stdin.once('close', resolve);
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    return 0;
  }
  const given = process.env['GENESYS_MCP_TOKEN'];
  const token = given ?? randomBytes(24).toString('base64url');
  const http = await desk.startMcpHttpServer(client, { port, token }, options);
  console.error(
    `genesys-routing mcp: serving ${http.url} (stateless streamable HTTP, ${options.allowWrites ? 'writes enabled' : 'read-only'})` +
      (given
        ? '; bearer token from GENESYS_MCP_TOKEN'
        : `\n  bearer token (set GENESYS_MCP_TOKEN to choose your own): ${token}`),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await http.close();
  return 0;
}

/** The MCP entry, or a usage error saying how to install the optional peer dependency it needs. */
async function loadMcp() {
  try {
    return await import('../../mcp/index.js');
  } catch (error) {
    if (
      (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' &&
      /@modelcontextprotocol\/sdk/.test(String(error))
    )
      throw new UsageError(
        'the mcp command needs the optional package @modelcontextprotocol/sdk: npm install @modelcontextprotocol/sdk',
      );
    throw error;
  }
}
