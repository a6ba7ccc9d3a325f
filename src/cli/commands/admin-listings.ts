// genesys-routing languages | skill-groups | presence: the routing-admin listings a person reaches for when
// planning (which languages exist and who holds them, which skill groups and how big, who is on queue now).
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { progressLine, table } from '../output.js';
import { resolveQueueIds } from '../queues.js';

export const languagesHelp = `genesys-routing languages [--json]

  Lists the org's routing languages (name, id) and how many active users hold each.

  Examples:
    genesys-routing languages
    genesys-routing languages --json | jq -r '.[] | select(.users == 0) | .name'`;

export const skillGroupsHelp = `genesys-routing skill-groups [--json]

  Lists the org's skill groups (name, id, members now, conditions).

  Examples:
    genesys-routing skill-groups`;

export const presenceHelp = `genesys-routing presence [--queue <name|id>] [--json]

  Lists users with their presence and routing status (the members of --queue, or every active user), and a
  count per routing status.

  Examples:
    genesys-routing presence --queue "Billing Support"
    genesys-routing presence --json | jq -r '.[] | select(.routingStatus == "IDLE") | .name'`;

function help(argv: string[], text: string) {
  const { values } = parse(argv, { json: { type: 'boolean' }, queue: { type: 'string' } });
  if (values.help) console.log(text);
  else if (values.queue !== undefined && text !== presenceHelp) throw new UsageError('unknown option --queue');
  return values;
}

export async function languages(argv: string[]): Promise<number> {
  const values = help(argv, languagesHelp);
  if (values.help) return 0;
  const client = clientFromEnv();
  const done = progressLine(client, `listing the languages of ${client.org.apiBaseUrl}`);
  try {
    const list = await client.routing.languages.list({ pageSize: 100 }).toArray({ max: 10_000, ifMore: 'throw' });
    const holders = new Map<string, number>();
    for await (const user of client.routing.users.list({ pageSize: 100, expand: ['languages'], state: 'active' })) {
      for (const l of user.languages ?? []) if (l.id) holders.set(l.id, (holders.get(l.id) ?? 0) + 1);
    }
    const rows = list
      .map((l) => ({ name: l.name, id: l.id, users: holders.get(l.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else
      console.log(
        table(
          ['name', 'id', 'users'],
          rows.map((r) => [r.name, r.id, r.users]),
        ),
      );
    return 0;
  } finally {
    done();
  }
}

export async function skillGroups(argv: string[]): Promise<number> {
  const values = help(argv, skillGroupsHelp);
  if (values.help) return 0;
  const client = clientFromEnv();
  const done = progressLine(client, `listing the skill groups of ${client.org.apiBaseUrl}`);
  try {
    const list = await client.routing.skillGroups.list({ pageSize: 100 }).toArray({ max: 10_000, ifMore: 'throw' });
    const rows = list
      .map((g) => ({
        name: g.name,
        id: g.id,
        members: g.memberCount ?? null,
        conditions: g.skillConditions
          .map((c) =>
            [
              ...c.routingSkillConditions.map((r) => `${r.routingSkill} ${r.comparator} ${r.proficiency}`),
              ...c.languageSkillConditions.map((l) => `${l.languageSkill} ${l.comparator} ${l.proficiency}`),
            ].join(` ${c.operation} `),
          )
          .join('; '),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else
      console.log(
        table(
          ['name', 'id', 'members', 'conditions'],
          rows.map((r) => [r.name, r.id, r.members ?? '-', r.conditions]),
        ),
      );
    return 0;
  } finally {
    done();
  }
}

export async function presence(argv: string[]): Promise<number> {
  const values = help(argv, presenceHelp);
  if (values.help) return 0;
  const client = clientFromEnv();
  const done = progressLine(client, `reading presence in ${client.org.apiBaseUrl}`);
  try {
    // Names or ids, case-insensitive, with "did you mean" for a typo (as every --queue option).
    const queueId = (await resolveQueueIds(client, typeof values.queue === 'string' ? [values.queue] : undefined))?.[0];
    // A queue's members carry their routing status on the member (expand=routingStatus), presence on the user.
    const rows = (
      queueId
        ? (
            await client.routing.members
              .list(queueId, { pageSize: 100, expand: ['routingStatus', 'presence'] })
              .toArray({ max: 50_000, ifMore: 'throw' })
          )
            .filter((m) => m.user?.state === undefined || m.user.state === 'active')
            .map((m) => ({
              name: m.name ?? m.id,
              id: m.id,
              presence: m.user?.presence?.presenceDefinition?.systemPresence ?? '-',
              routingStatus: m.routingStatus?.status ?? '-',
            }))
        : (
            await client.routing.users
              .list({ pageSize: 100, expand: ['presence', 'routingStatus'], state: 'active' })
              .toArray({ max: 50_000, ifMore: 'throw' })
          ).map((u) => ({
            name: u.name ?? u.id,
            id: u.id,
            presence: u.presence?.presenceDefinition?.systemPresence ?? '-',
            routingStatus: u.routingStatus?.status ?? '-',
          }))
    ).sort((a, b) => a.name.localeCompare(b.name));
    if (values.json) {
      console.log(JSON.stringify(rows, null, 2));
      return 0;
    }
    console.log(
      table(
        ['name', 'id', 'presence', 'routing status'],
        rows.map((r) => [r.name, r.id, r.presence, r.routingStatus]),
      ),
    );
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.routingStatus, (counts.get(r.routingStatus) ?? 0) + 1);
    console.log(
      `\n${[...counts]
        .sort()
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}`,
    );
    return 0;
  } finally {
    done();
  }
}
