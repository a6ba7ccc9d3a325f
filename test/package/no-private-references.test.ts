// Docs, comments and messages state facts with their public source; they never point at a document users do not
// have ("reference §3.4", "../shared/..."). RFC section citations are public and fine.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const PRIVATE =
  /reference §|§\s?\d|section \d+ of the (API )?reference|\bthe reference\b|\.\.\/shared\b|shared\/reference/i;
const PUBLIC_CITATION = /RFC \d+ §\d/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'api' || name === 'node_modules' ? [] : files(path);
    return /\.(ts|mts|cts|js|mjs|md)$/.test(name) ? [path] : [];
  });
}

describe('no pointers to private documents', () => {
  it('src, docs and examples cite public sources only', () => {
    const hits: string[] = [];
    for (const file of [
      ...['src', 'docs', 'examples'].flatMap((d) => files(join(ROOT, d))),
      join(ROOT, 'README.md'),
      join(ROOT, 'CHANGELOG.md'),
    ]) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (PRIVATE.test(line.replace(PUBLIC_CITATION, '')))
            hits.push(`${file.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
