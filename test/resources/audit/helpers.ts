// Shared setup of the audit tests: an emulator, a client, the AuditApi and synthetic audit entries.
import type { ClientOptions } from '../../../src/index.js';
import type { EmulatorAuditEntry as AuditLogMessage, Emulator, EmulatorOptions } from '../../../src/testing/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export async function setup(options: EmulatorOptions = {}, clientOptions: Partial<ClientOptions> = {}) {
  const emu = await emulator({ org: { users: 12, skills: 6, queues: 2 }, ...options });
  const client = clientFor(emu, { validation: 'strict', ...clientOptions });
  // `audit` is called through its 0.1 (deprecated) method names here, which must keep working.
  return { emu, client, audit: client.audit };
}

/** An interval around "now" wide enough for everything the test records. */
export function recentInterval(): { from: Date; to: Date } {
  return { from: new Date(Date.now() - HOUR_MS), to: new Date(Date.now() + HOUR_MS) };
}

/**
 * Writes `count` audit entries straight into the org (no HTTP), one second apart starting `startMs`,
 * each on its own entity `entity-<i>` so tests can tell them apart.
 */
export function seedAudits(
  emu: Emulator,
  count: number,
  startMs: number,
  over: Partial<AuditLogMessage> = {},
): AuditLogMessage[] {
  const out: AuditLogMessage[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      emu.state.recordAudit({
        action: 'Update',
        entityType: 'Queue',
        entity: { id: `entity-${i}`, name: `Queue ${i}` },
        client: { id: 'seed-client' },
        eventDate: new Date(startMs + i * 1000).toISOString(),
        propertyChanges: [{ property: 'description', oldValues: [`old ${i}`], newValues: [`new ${i}`] }],
        ...over,
      }),
    );
  }
  return out;
}

/** Requests the client sent to `path` (suffix match on the logged URL path). */
export function requestsTo(emu: Emulator, pathSuffix: string, method?: string): number {
  return emu.stats.requestLog.filter(
    (r) => r.path.endsWith(pathSuffix) && (method === undefined || r.method === method),
  ).length;
}
