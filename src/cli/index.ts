#!/usr/bin/env node
// genesys-routing: a thin command line over the workflows and the optimizer.
import { readFileSync } from 'node:fs';
import { didYouMean } from '../internal/did-you-mean.js';
import { UsageError } from './args.js';
import { aliases, commands } from './commands/index.js';

const usage = `genesys-routing <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

The main path: optimize --out plan.json -> review plan.json (and --report report.html) -> apply plan.json --dry-run
-> apply plan.json -> verify: apply plan.json again writes nothing. No org? genesys-routing emulator gives one.

Credentials come from GENESYS_CLIENT_ID, GENESYS_CLIENT_SECRET and GENESYS_REGION (or GENESYS_API_BASE_URL +
GENESYS_LOGIN_BASE_URL). Run \`genesys-routing <command> --help\` for a command's options and examples.
\`genesys-routing --version\` prints the version. Exit codes: 0 success, 1 check failed or runtime error, 2 bad usage.`;

/** The package version, from the package.json above this file (src/cli/ in a clone, dist/ when installed). */
export function version(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'genesys-routing-sdk' && pkg.version) return pkg.version;
    } catch {
      // not this level
    }
  }
  return 'unknown';
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    console.log(`genesys-routing ${version()}`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const alias = aliases[name];
  const command = commands[alias?.to ?? name];
  if (!command) {
    const guess = didYouMean(name, [...Object.keys(commands), ...Object.keys(aliases)]);
    console.error(
      `genesys-routing: unknown command ${JSON.stringify(name)}${guess ? `; did you mean "${guess}"?` : ''} (see genesys-routing --help)`,
    );
    return 2;
  }
  if (alias) console.error(`genesys-routing ${name}: ${alias.note}`);
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      // One line (or one per bad flag) and where to read more: the full help buries the message.
      console.error(`genesys-routing ${name}: ${error.message}\nsee: genesys-routing ${alias?.to ?? name} --help`);
      return 2;
    }
    console.error(`genesys-routing ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Run when executed directly (bin), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/genesys-routing$|cli[/\\]index\.(c?js|ts)$|dist[/\\]cli\.(c?js)$/.test(invoked)) {
  // `genesys-routing plan | head`: the reader went away; stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  // main() turns every error into an exit code and never rejects.
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
