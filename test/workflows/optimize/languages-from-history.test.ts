// Routing languages from the conversations themselves, over HTTP against the emulator: the emulated history carries
// `requestedLanguageId` on the ACD segments of a queue that requests a language (details and aggregates), and
// planRoutingOptimization's requirement is read from it when `queueLanguages` is not given.
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../../src/index.js';
import { anyOfFilter, aggregateStats } from '../../../src/resources/analytics/index.js';
import { startEmulator } from '../../../src/testing/index.js';
import { adminState } from '../../../src/testing/emulator/state/admin.js';
import { languageRequirements, languagesFromHistory } from '../../../src/workflows/optimize/languages-from-history.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const DAY = { from: new Date('2025-03-05T00:00:00.000Z'), to: new Date('2025-03-06T00:00:00.000Z') };

/** An org whose first queue (by id) requests German in `share` of its conversations, set before any history is read. */
async function orgWithGermanQueue(share: number) {
  const emu = await emulator({ seed: 5 });
  const german = [...adminState(emu.state).languages.values()].find((l) => l.name === 'German')!;
  const [queueId, otherId] = [...emu.state.queues.keys()].sort();
  emu.state.queueLanguage.set(queueId!, { languageId: german.id, share });
  return { emu, client: clientFor(emu), german, queueId: queueId!, otherId: otherId! };
}

describe('routing languages in the emulated history', () => {
  it('conversation details carry requestedLanguageId on the ACD segments of the queue that requests it, in about its share', async () => {
    const { client, german, queueId, otherId } = await orgWithGermanQueue(0.7);
    const languagesOf = async (id: string) => {
      const conversations = await client.analytics.details
        .query({ interval: DAY, segmentFilters: [anyOfFilter('queueId', [id])] }, { pageSize: 100 })
        .toArray();
      return conversations.map((c) => {
        const segments = (c.participants ?? []).flatMap((p) => (p.sessions ?? []).flatMap((s) => s.segments ?? []));
        return new Set(segments.map((s) => s.requestedLanguageId).filter((l) => l !== undefined));
      });
    };
    const marked = await languagesOf(queueId);
    expect(marked.length).toBeGreaterThan(50);
    const requesting = marked.filter((s) => s.has(german.id)).length;
    expect(marked.every((s) => s.size === 0 || (s.size === 1 && s.has(german.id)))).toBe(true);
    expect(requesting / marked.length).toBeGreaterThan(0.55);
    expect(requesting / marked.length).toBeLessThan(0.85);
    expect((await languagesOf(otherId)).every((s) => s.size === 0)).toBe(true);
  });

  it('conversation aggregates group offered conversations by requestedLanguageId', async () => {
    const { client, german, queueId } = await orgWithGermanQueue(0.7);
    const response = await client.analytics.aggregates.query({
      interval: DAY,
      groupBy: ['queueId', 'requestedLanguageId'],
      metrics: ['nOffered'],
      filter: anyOfFilter('queueId', [queueId]),
    });
    const rows = aggregateStats(response);
    const withLanguage = rows.filter((r) => r.group['requestedLanguageId'] === german.id);
    const without = rows.filter((r) => r.group['requestedLanguageId'] === undefined);
    expect(withLanguage.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    const n = (rs: typeof rows) => rs.reduce((s, r) => s + (r.count ?? 0), 0);
    expect(n(withLanguage) / (n(withLanguage) + n(without))).toBeGreaterThan(0.55);
  });

  it("the live day's calls of the marked queue request its language too (aggregates of the live intervals)", async () => {
    const emu = await startEmulator({
      seed: 7,
      scenario: 'balanced',
      anchor: '2026-11-24T11:00:00Z',
      live: { clock: 'manual' },
      rateLimit: false,
    });
    try {
      const [queueId, demand] = [...emu.state.queueLanguage][0]!;
      await emu.live!.advance(60 * 60_000);
      const from = new Date(emu.live!.startedAt);
      const response = await clientFor(emu).analytics.aggregates.query({
        interval: { from, to: new Date(from.getTime() + 60 * 60_000) },
        groupBy: ['requestedLanguageId'],
        metrics: ['nOffered'],
        filter: anyOfFilter('queueId', [queueId]),
      });
      const rows = aggregateStats(response);
      const n = (language: string | undefined) =>
        rows.filter((r) => r.group['requestedLanguageId'] === language).reduce((s, r) => s + (r.count ?? 0), 0);
      const calls = emu.live!.calls({ queueId }).filter((c) => c.arrival < from.getTime() + 60 * 60_000);
      expect(n(demand.languageId)).toBe(calls.filter((c) => c.languageId === demand.languageId).length);
      expect(n(demand.languageId)).toBeGreaterThan(0);
      expect(n(demand.languageId) + n(undefined)).toBe(calls.length);
    } finally {
      await emu.close();
    }
  });

  it('every scenario marks its last queue by name as requesting the org first language (English)', async () => {
    const emu = await startEmulator({ org: { users: 30, skills: 8, queues: 3 }, scenario: 'balanced' });
    try {
      const last = [...emu.state.queues.values()].sort((a, b) => a.name.localeCompare(b.name)).at(-1)!;
      const english = [...adminState(emu.state).languages.values()][0]!;
      expect(english.name).toBe('English');
      expect(emu.state.queueLanguage.get(last.id)).toEqual({ languageId: english.id, share: 0.8 });
      expect(emu.state.queueLanguage.size).toBe(1);
    } finally {
      await emu.close();
    }
  });
});

describe('language requirements from history', () => {
  it('a queue requires the language at least `share` of its offered conversations request', async () => {
    const { emu, client, german, queueId, otherId } = await orgWithGermanQueue(0.7);
    const scope = { queueIds: [queueId, otherId], window: DAY, signal: undefined };
    expect(await languagesFromHistory(client, scope, 0.5)).toEqual({ [queueId]: german.id });
    expect(await languagesFromHistory(client, scope, 0.9)).toEqual({});
    const users = [...emu.state.users.values()].filter((u) => u.state === 'active').map((u) => u.id);
    const planned = await languageRequirements(client, {}, { ...scope, userIds: users });
    expect(planned?.inputs).toEqual({ source: 'history', languageShare: 0.5, byQueue: { [queueId]: german.id } });
    expect(planned?.requirements.byQueue.get(queueId)).toEqual({
      languageId: german.id,
      languageName: 'German',
      min: 1,
    });
  });

  it('`queueLanguages` wins over history (`{}` requires none); a bad `languageShare` is a ValidationError', async () => {
    const { client, queueId, otherId } = await orgWithGermanQueue(0.7);
    const scope = { queueIds: [queueId, otherId], userIds: [], window: DAY, signal: undefined };
    const none = await languageRequirements(client, { queueLanguages: {} }, scope);
    expect(none?.inputs).toEqual({ source: 'options', byQueue: {} });
    expect(none?.requirements.byQueue.size).toBe(0);
    const error = await languageRequirements(client, { languageShare: 1.5 }, scope).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as { issues: Array<{ path: string }> }).issues[0]?.path).toBe('languageShare');
  });

  it('no queue requires a language when no conversation requests one', async () => {
    const emu = await emulator({ seed: 5 });
    const client = clientFor(emu);
    const queueIds = [...emu.state.queues.keys()];
    expect(await languageRequirements(client, {}, { queueIds, userIds: [], window: DAY, signal: undefined })).toBe(
      undefined,
    );
  });
});
