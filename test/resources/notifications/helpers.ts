// Helpers for the event-delivery tests: waiting for stream events with a deadline, and pulling events.
import type { EventEmitter } from 'eventemitter3';
import { WebSocket } from 'ws';
import { GenesysClient } from '../../../src/index.js';
import type { NotificationsApi } from '../../../src/resources/notifications/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { clientFor } from '../../transport/helpers.js';

export { clientFor, emulator } from '../../transport/helpers.js';

/** Node 22+ has a global WebSocket; Node 20 has not. */
export const hasGlobalWebSocket = typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function';

/**
 * A client and its notifications API, under the 0.1 name: these tests call the deprecated method names
 * (createChannel, subscribe, openStream, ...), which must keep working for one minor version. Streams use
 * the runtime's global WebSocket where there is one (Node 22+: CI runs these tests there too), else the `ws`
 * package's through the client option, as a Node 20 program must.
 */
export function webhooksFor(
  emu: Emulator,
  options: Parameters<typeof clientFor>[1] = {},
): { client: GenesysClient; webhooks: NotificationsApi } {
  const client = clientFor(emu, { ...(hasGlobalWebSocket ? {} : { WebSocket }), ...options });
  return { client, webhooks: client.notifications };
}

/** Resolves with the arguments of the next `event` matching `filter`; rejects after `timeoutMs`. */
export function nextEvent<T = unknown>(
  emitter: Pick<EventEmitter, 'on' | 'off'>,
  event: string,
  filter: (arg: T) => boolean = () => true,
  timeoutMs = 3_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (arg: T) => {
      if (!filter(arg)) return;
      clearTimeout(timer);
      emitter.off(event, listener);
      resolve(arg);
    };
    const timer = setTimeout(() => {
      emitter.off(event, listener);
      reject(new Error(`no '${event}' event within ${timeoutMs} ms`));
    }, timeoutMs);
    emitter.on(event, listener);
  });
}

/** Reads from an async iterator until `predicate` matches; rejects after `timeoutMs`. */
export async function take<T>(
  iterator: AsyncIterator<T>,
  predicate: (value: T) => boolean,
  timeoutMs = 3_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms`)), Math.max(0, remaining));
    });
    try {
      const result = await Promise.race([iterator.next(), timeout]);
      if (result.done) throw new Error('iteration ended before a matching event');
      if (predicate(result.value)) return result.value;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** An active user who is not a member of `queueId` (one is quietly removed from the state if needed). */
export function nonMember(emu: Emulator, queueId: string): string {
  const members = emu.state.membersOf(queueId);
  const active = [...emu.state.users.values()].filter((u) => u.state === 'active');
  const outside = active.find((u) => !members.has(u.id));
  if (outside) return outside.id;
  const user = active.at(-1);
  if (!user) throw new Error('no active user');
  members.delete(user.id);
  return user.id;
}

export function firstQueueId(emu: Emulator): string {
  const id = emu.state.queues.keys().next().value;
  if (!id) throw new Error('no queue');
  return id;
}
