// Reads the docs as a user does: the shell commands of their code blocks (with the section each sits in) and the
// commands they name inline. Shared by the fast consistency test and the scenario test that runs them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;

export interface ShellCommand {
  /** The file, relative to the repository root. */
  file: string;
  /** The heading the block sits under. */
  section: string;
  /** The command as written, without its trailing comment; continuation lines joined. */
  command: string;
  line: number;
}

/** Every markdown file a user reads: the README, docs/ (not the generated API reference) and examples/README. */
export function docFiles(): string[] {
  const out = ['README.md', 'CHANGELOG.md', 'examples/README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && path !== join('docs', 'api')) walk(path);
      else if (entry.name.endsWith('.md')) out.push(path);
    }
  };
  walk('docs');
  return out;
}

export function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** The commands of the ```bash / ```sh blocks of `file` (```console blocks are transcripts, not commands). */
export function shellCommands(file: string): ShellCommand[] {
  const lines = read(file).split('\n');
  const out: ShellCommand[] = [];
  let section = '';
  let block: 'shell' | 'other' | undefined;
  let pending = '';
  lines.forEach((text, i) => {
    const fence = /^\s*```(\w*)/.exec(text);
    if (fence) {
      block = block ? undefined : ['bash', 'sh', 'shell'].includes(fence[1]!) ? 'shell' : 'other';
      return;
    }
    if (block === 'other') return;
    if (block === undefined) {
      const heading = /^#{1,6}\s+(.*)$/.exec(text);
      if (heading) section = heading[1]!;
      return;
    }
    const code = stripComment(text).trimEnd();
    if (code.endsWith('\\')) {
      pending += `${code.slice(0, -1).trim()} `;
      return;
    }
    const command = (pending + code.trim()).trim();
    pending = '';
    if (command) out.push({ file, section, command, line: i + 1 });
  });
  return out;
}

/** Drops a `# comment` that is not inside quotes. */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

/** Every `genesys-routing <command> [flags]` the docs name, in code blocks or inline code, with where and the text around it. */
export function cliMentions(
  file: string,
): { command: string; flags: string[]; where: string; text: string; context: string }[] {
  const lines = read(file).split('\n');
  const out: { command: string; flags: string[]; where: string; text: string; context: string }[] = [];
  lines.forEach((line, i) => {
    // Inline code spans, or the whole line when it is a command line of a code block.
    const pieces = /^\s*(\$ )?(npx )?genesys-routing /.test(line)
      ? [line]
      : [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    for (const piece of pieces) {
      for (const m of piece.matchAll(/(?:^|[\s(|;&$])genesys-routing\s+([a-z][\w-]*)((?:\s+[^|;&#]*)?)/g)) {
        const flags = [...(m[2] ?? '').matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((f) => f[1]!);
        out.push({
          command: m[1]!,
          flags,
          where: `${file}:${i + 1}`,
          text: piece.trim(),
          context: `${line}\n${lines[i + 1] ?? ''}`,
        });
      }
    }
  });
  return out;
}
