// genesys-routing queues: the org's queues with their ids, so --queue can be given either.
import { parse } from '../args.js';
import { clientFromEnv } from '../client.js';
import { progressLine, table } from '../output.js';

export const queuesHelp = `genesys-routing queues [--json]

  Lists the org's queues (name, id, members). Every --queue option takes a name or an id.

  Examples:
    genesys-routing queues
    genesys-routing queues --json | jq -r '.[].name'
    genesys-routing plan --queue "Billing Support" --out plan.json`;

export async function queues(argv: string[]): Promise<number> {
  const { values } = parse(argv, { json: { type: 'boolean' } });
  if (values.help) {
    console.log(queuesHelp);
    return 0;
  }
  const client = clientFromEnv();
  const done = progressLine(client, `listing the queues of ${client.org.apiBaseUrl}`);
  const list = await client.routing.queues
    .list({ pageSize: 100 })
    .toArray({ max: 50_000, ifMore: 'throw' })
    .finally(done);
  const rows = list
    .map((q) => ({ id: q.id, name: q.name ?? '', members: q.memberCount ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (values.json) console.log(JSON.stringify(rows, null, 2));
  else
    console.log(
      table(
        ['name', 'id', 'members'],
        rows.map((r) => [r.name, r.id, r.members ?? '-']),
      ),
    );
  return 0;
}
