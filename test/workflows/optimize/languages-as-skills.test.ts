// Languages as requirements in planRoutingOptimization: agents without a queue's language do not serve it, and the
// agents the plan gives the queue get the language (plan.languageChanges), over HTTP against the emulator.
import { describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../../src/index.js';
import { adminState } from '../../../src/testing/emulator/state/admin.js';
import {
  plannedLanguageChanges,
  readLanguageRequirements,
  requireLanguages,
  type LanguageRequirements,
} from '../../../src/workflows/optimize/languages-as-skills.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const req = (): LanguageRequirements => ({
  byQueue: new Map([['q1', { languageId: 'de', languageName: 'German', min: 2 }]]),
  held: new Map([
    ['a', new Map([['de', 3]])],
    ['b', new Map([['de', 1]])],
    ['c', new Map()],
  ]),
});

describe('languages as skills', () => {
  it('an agent without the language (or below the minimum) no longer serves the queue; other queues are untouched', () => {
    const model: { queues: never[]; agents: Array<{ id: string; skills: Record<string, number> }> } = {
      queues: [],
      agents: [
        { id: 'a', skills: { q1: 4, q2: 1 } },
        { id: 'b', skills: { q1: 4, q2: 1 } },
        { id: 'c', skills: { q2: 3 } },
      ],
    };
    expect(requireLanguages(model, req()).agents).toEqual([
      { id: 'a', skills: { q1: 4, q2: 1 } },
      { id: 'b', skills: { q2: 1 } },
      { id: 'c', skills: { q2: 3 } },
    ]);
  });

  it('gives the language to agents the plan adds to the queue: add when absent, update when below, none when held', () => {
    const changes = [
      { agentId: 'a', queueId: 'q1', action: 'add' },
      { agentId: 'b', queueId: 'q1', action: 'add' },
      { agentId: 'c', queueId: 'q1', action: 'add' },
      { agentId: 'c', queueId: 'q2', action: 'add' },
      { agentId: 'c', queueId: 'q1', action: 'remove' },
    ];
    const planned = plannedLanguageChanges(changes, req(), { user: (id) => `User ${id}`, queue: () => 'Support DE' });
    expect(planned).toEqual([
      {
        userId: 'b',
        userName: 'User b',
        languageId: 'de',
        languageName: 'German',
        action: 'update',
        before: 1,
        after: 2,
        reasons: ['Support DE requires German (at least 2)'],
      },
      expect.objectContaining({ userId: 'c', action: 'add', before: null, after: 2 }),
    ]);
  });

  it('reads the requirements over HTTP, naming a bad entry or an unknown language', async () => {
    const emu = await emulator({ seed: 21 });
    const client = clientFor(emu);
    const [german] = [...adminState(emu.state).languages.values()].filter((l) => l.name === 'German');
    const users = [...emu.state.users.values()].filter((u) => u.state === 'active').map((u) => u.id);
    const read = await readLanguageRequirements(
      client,
      { q1: { languageId: german!.id, minProficiency: 2 } },
      users,
      undefined,
    );
    expect(read.byQueue.get('q1')).toEqual({ languageId: german!.id, languageName: 'German', min: 2 });
    expect(read.held.size).toBe(users.length);
    const issues = async (value: Parameters<typeof readLanguageRequirements>[1]) => {
      try {
        await readLanguageRequirements(client, value, users, undefined);
      } catch (error) {
        expect(isValidationError(error)).toBe(true);
        return (error as ValidationError).issues;
      }
      throw new Error('expected a ValidationError');
    };
    expect((await issues({ q1: { languageId: german!.id, minProficiency: 9 } }))[0]?.path).toBe(
      'queueLanguages.q1.minProficiency',
    );
    expect((await issues({ q1: 'no-such-language' }))[0]?.message).toContain('no routing language');
  });
});
