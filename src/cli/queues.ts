// Queues by id or by name: every --queue accepts either, and names are shown beside ids.
import type { GenesysClient } from '../client/client.js';
import { didYouMean } from '../internal/did-you-mean.js';
import { UsageError } from './args.js';

export interface QueueRef {
  id: string;
  name: string;
}

export async function listQueues(client: GenesysClient): Promise<QueueRef[]> {
  const queues = await client.routing.queues.list({ pageSize: 100 }).toArray({ max: 50_000, ifMore: 'throw' });
  return queues.map((q) => ({ id: q.id, name: q.name ?? q.id }));
}

/**
 * The queue ids for `--queue` values, each an id or a name (case-insensitive). An unknown or ambiguous value is a
 * usage error that lists the candidates (`genesys-routing queues` lists them all). Undefined when none given.
 */
export async function resolveQueueIds(
  client: GenesysClient,
  given: string[] | undefined,
): Promise<string[] | undefined> {
  if (!given || given.length === 0) return undefined;
  const queues = await listQueues(client);
  const ids = given.map((value) => {
    const byId = queues.find((q) => q.id === value);
    if (byId) return byId.id;
    const byName = queues.filter((q) => q.name.toLowerCase() === value.trim().toLowerCase());
    if (byName.length === 1) return byName[0]!.id;
    if (byName.length > 1)
      throw new UsageError(
        `--queue ${JSON.stringify(value)} names ${byName.length} queues (${byName.map((q) => q.id).join(', ')}); give the id`,
      );
    const guess = didYouMean(
      value,
      queues.map((q) => q.name),
    );
    throw new UsageError(
      `--queue ${JSON.stringify(value)}: no queue has this id or name${guess ? `; did you mean ${JSON.stringify(guess)}?` : ''} (list them with: genesys-routing queues)`,
    );
  });
  // A queue given by name and by id is one queue.
  return [...new Set(ids)];
}
