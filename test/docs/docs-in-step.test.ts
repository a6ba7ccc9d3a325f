// Keeps the docs in step with what they cite: CLI commands and flags exist, npm scripts and example files exist,
// relative links resolve, the version and the analytics interval limit are the package's, typedoc documents every
// entry point. (Measured figures quoted from benchmarks are not checked here.)
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliases, commands } from '../../src/cli/commands/index.js';
import { DEFAULT_MAX_INTERVAL_DAYS } from '../../src/resources/analytics/aggregates.js';
import { cliMentions, docFiles, read, ROOT, shellCommands } from './markdown.js';

const pkg = JSON.parse(read('package.json')) as {
  version: string;
  scripts: Record<string, string>;
  exports: Record<string, unknown>;
  bin: Record<string, string>;
};
const files = docFiles();
/** Files that record history (old names appear there on purpose). */
const HISTORY = new Set(['CHANGELOG.md', 'docs/migration.md']);

describe('docs name only what exists', () => {
  it('every `genesys-routing <command>` is a command of the CLI, with flags its help lists', () => {
    const problems: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const m of cliMentions(file)) {
        seen++;
        // A transcript of a typo answered by the CLI ("did you mean", "deprecated") shows the misuse on purpose.
        if (/did you mean|is deprecated|still runs it/.test(m.context)) continue;
        const alias = aliases[m.command];
        const command = commands[alias?.to ?? m.command];
        if (!command) {
          problems.push(`${m.where}: no command "${m.command}" (${m.text})`);
          continue;
        }
        if (alias && !HISTORY.has(file))
          problems.push(`${m.where}: "${m.command}" is the deprecated name of "${alias.to}" (${m.text})`);
        for (const flag of m.flags) {
          if (flag === '--help' || flag === '--version') continue;
          if (!new RegExp(`${flag}(?![\\w-])`).test(command.help))
            problems.push(`${m.where}: ${alias?.to ?? m.command} has no ${flag} (${m.text})`);
        }
      }
    }
    expect(seen).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it('every `npm run <script>` is a script of package.json, every `npx tsx <file>` a file', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = read(file);
      for (const m of text.matchAll(/npm run ([\w:-]+)/g))
        if (!(m[1]! in pkg.scripts)) problems.push(`${file}: npm run ${m[1]} (no such script)`);
      for (const m of text.matchAll(/npx tsx ((?:examples|bench|scripts|src)\/[\w./-]+\.ts)/g))
        if (!existsSync(join(ROOT, m[1]!))) problems.push(`${file}: npx tsx ${m[1]} (no such file)`);
    }
    expect(problems).toEqual([]);
  });

  it('the shell blocks of README.md and getting-started.md use the documented ways to run the CLI', () => {
    // In a clone: `npm run cli -- …` (or the built binary); installed: `npx genesys-routing …`. A bare
    // `genesys-routing …` only runs where the package's bin is on the PATH, so the two first pages never use it.
    const bare = ['README.md', 'docs/getting-started.md']
      .flatMap(shellCommands)
      .filter((c) => /^genesys-routing\b/.test(c.command));
    expect(bare.map((c) => `${c.file}:${c.line} ${c.command}`)).toEqual([]);
    expect(pkg.scripts['cli']).toBe('tsx src/cli/index.ts');
    expect(pkg.bin['genesys-routing']).toBe('./dist/cli.js');
  });

  it('relative links resolve to files', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const m of read(file).matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
        const target = m[1]!;
        if (/^[a-z]+:/.test(target) || target.startsWith('docs/api')) continue;
        if (!existsSync(join(ROOT, dirname(file), target))) problems.push(`${file}: ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('README and getting-started link the optimize-routing guide (the main job)', () => {
    expect(read('README.md')).toContain('(docs/guides/optimize-routing.md)');
    expect(read('docs/getting-started.md')).toContain('(guides/optimize-routing.md)');
  });
});

describe('docs state the package as it is', () => {
  it('a version the docs print is the package version', () => {
    const problems: string[] = [];
    for (const file of files) {
      if (HISTORY.has(file)) continue;
      for (const m of read(file).matchAll(/genesys-routing(?:-sdk)?[ @]v?(\d+\.\d+\.\d+)/g))
        if (m[1] !== pkg.version) problems.push(`${file}: ${m[0]} (package is ${pkg.version})`);
    }
    expect(problems).toEqual([]);
  });

  it('the analytics interval limit is stated as the code has it, in one place', () => {
    const analytics = read('docs/analytics.md');
    expect(analytics).toContain(`the SDK assumes **${DEFAULT_MAX_INTERVAL_DAYS} days** (\`maxIntervalDays\`)`);
    // No page claims a different per-query limit of the platform.
    const claims = files.flatMap((file) =>
      [...read(file).matchAll(/(?:platform|Genesys Cloud) allows (?:at most )?(\d+) days/gi)].map(
        (m) => `${file}: ${m[0]}`,
      ),
    );
    expect(claims).toEqual([]);
  });

  it("the demo's output folder is named as the demo makes it: a folder per run below demo-output/", () => {
    const demo = read('examples/demo.ts');
    // The demo makes one folder per run, named after its start time.
    expect(demo).toMatch(/resolve\('demo-output', new Date\(\)\.toISOString\(\)/);
    for (const file of ['README.md', 'docs/getting-started.md', 'examples/README.md']) {
      const mentions = read(file).match(/demo-output\/[^`\s)]*/g) ?? [];
      expect(mentions.length, file).toBeGreaterThan(0);
      // Never the bare folder, as if the files landed in it directly.
      expect(
        mentions.filter((m) => !m.startsWith('demo-output/<run-start-time>/') && !/^demo-output\/\d{4}-/.test(m)),
        file,
      ).toEqual([]);
    }
  });

  it('dependency claims are true: ts-node and tsx are dev dependencies', () => {
    const dev = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies;
    const examples = read('examples/README.md');
    for (const tool of ['ts-node', 'tsx']) {
      expect(dev[tool], tool).toBeDefined();
      expect(examples).not.toMatch(new RegExp(`${tool} is not a (?:dev )?dependency`));
    }
  });

  it('typedoc documents every entry point of package.json', () => {
    const typedoc = JSON.parse(read('typedoc.json')) as { entryPoints: string[] };
    const entries = Object.keys(pkg.exports).filter((e) => e !== './package.json');
    // The source of each entry, as the build names it (tsup.config.ts: `'planning/index': 'src/optimizer/...'`).
    const built = new Map(
      [...read('tsup.config.ts').matchAll(/'([\w/-]+)\/index': '(src\/[\w/.-]+\.ts)'/g)].map((m) => [m[1], m[2]]),
    );
    const expected = entries.map((e) => (e === '.' ? 'src/index.ts' : built.get(e.slice(2))));
    expect([...typedoc.entryPoints].sort()).toEqual(expected.sort());
    for (const entry of typedoc.entryPoints) expect(existsSync(join(ROOT, entry)), entry).toBe(true);
  });
});
