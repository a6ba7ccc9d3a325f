// DESIGN.md layering, enforced: optimizer/ is pure; the root entry's import graph stays light.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** Static (non-type) import specifiers of a file. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

function resolveLocal(from: string, spec: string): string {
  return resolve(dirname(from), spec.replace(/\.js$/, '.ts'));
}

describe('layering', () => {
  it('optimizer/ imports only itself, errors.ts, limits.ts and internal/shape.ts', () => {
    const bad: string[] = [];
    for (const file of files(join(SRC, 'optimizer'))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) {
          bad.push(`${relative(SRC, file)} -> ${spec}`);
          continue;
        }
        const target = relative(SRC, resolveLocal(file, spec));
        if (!target.startsWith('optimizer/') && !['errors.ts', 'limits.ts', 'internal/shape.ts'].includes(target)) bad.push(`${relative(SRC, file)} -> ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the checker the optimizer shares (internal/shape.ts, shape-base.ts) imports nothing else', () => {
    expect([...new Set(imports(join(SRC, 'internal', 'shape.ts')))]).toEqual(['./shape-base.js']);
    expect(imports(join(SRC, 'internal', 'shape-base.ts'))).toEqual([]);
  });

  it('the root entry statically imports only eventemitter3 (ofetch, p-retry, p-limit on the first request, by import())', () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) visit(resolveLocal(file, spec));
        else external.add(spec);
      }
    };
    visit(join(SRC, 'index.ts'));
    expect([...external].sort()).toEqual(['eventemitter3']);
  });

  it('no dependency is loaded through createRequire (bundlers cannot see it)', () => {
    const bad = files(SRC).filter((file) => /\bcreateRequire\s*\(/.test(readFileSync(file, 'utf8')) && !file.includes(`${join('src', 'testing')}`));
    expect(bad.map((f) => relative(SRC, f))).toEqual([]);
  });
});
