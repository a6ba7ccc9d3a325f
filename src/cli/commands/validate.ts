// genesys-routing validate rules.json: CI gate for routing rules (exit 0 valid, 1 invalid, 2 usage).
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { validateRoutingRules } from '../../optimizer/planning/index.js';

export const validateHelp = `genesys-routing validate RULES.json [--json]

  Checks routing rules (priority 0..100, capacity >= 1, known skills, existing overflow queues, no overflow
  cycles). Exit code 0 when valid, 1 when not, 2 on bad usage or unreadable input.

  Examples:
    genesys-routing validate routing-rules.json
    genesys-routing validate routing-rules.json --json`;

export async function validate(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (values.help) {
    console.log(validateHelp);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('give the rules file: genesys-routing validate rules.json');
  let rules: unknown;
  try {
    rules = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const result = validateRoutingRules(rules);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else if (result.valid) console.log(`${file}: valid`);
  else for (const e of result.errors) console.log(`${file}: ${e.path}: ${e.message}`);
  return result.valid ? 0 : 1;
}
