// The layering, enforced: optimizer/ is pure (no other layer, no I/O); the root entry loads a client and no more.
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
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm))
    out.push(m[1]!);
  return out;
}

function resolveLocal(from: string, spec: string): string {
  return resolve(dirname(from), spec.replace(/\.js$/, '.ts'));
}

/** Specifiers of a file's `import('...')` expressions (deferred loads a bundler still follows). */
function dynamicImports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

/**
 * Every src file an entry loads statically (relative, '/'-separated), and the packages it imports. With
 * `deferred`, import() is followed too: everything a bundler puts in a one-file bundle of the entry.
 */
function staticGraph(entry: string, deferred = false): { loaded: string[]; external: string[] } {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of deferred ? [...imports(file), ...dynamicImports(file)] : imports(file)) {
      if (spec.startsWith('.')) visit(resolveLocal(file, spec));
      else external.add(spec);
    }
  };
  visit(join(SRC, entry));
  return { loaded: [...seen].map((f) => relative(SRC, f).split('\\').join('/')), external: [...external].sort() };
}

describe('layering', () => {
  // The shared options check (internal/options.ts on zod/mini; unknown-keys.ts and did-you-mean.ts without zod).
  const SHARED = ['limits.ts', 'internal/parse.ts', 'internal/options.ts', 'internal/unknown-keys.ts'];
  it('optimizer/ imports only itself, errors/, limits.ts, the parse and options helpers of internal/ and zod', () => {
    const bad: string[] = [];
    for (const file of files(join(SRC, 'optimizer'))) {
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) {
          if (spec !== 'zod/mini') bad.push(`${relative(SRC, file)} -> ${spec}`);
          continue;
        }
        const target = relative(SRC, resolveLocal(file, spec));
        if (!target.startsWith('optimizer/') && !target.startsWith('errors/') && !SHARED.includes(target))
          bad.push(`${relative(SRC, file)} -> ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the parse helper the optimizer shares (internal/parse.ts) imports only zod', () => {
    expect([...new Set(imports(join(SRC, 'internal', 'parse.ts')))].sort()).toEqual(['zod/locales', 'zod/mini']);
  });

  it('the options helpers the optimizer shares stay pure (the zod-free one imports no zod: erlangC bundles without it)', () => {
    expect(staticGraph('internal/unknown-keys.ts').external).toEqual([]);
    expect(staticGraph('internal/options.ts').external).toEqual(['zod/locales', 'zod/mini']);
    expect(staticGraph('optimizer/queueing/erlang-c.ts').external).toEqual([]);
  });

  it('the root entry statically imports only the chosen runtime dependencies and Node built-ins (never highs or ws)', () => {
    const chosen = ['eventemitter3', 'ofetch', 'p-limit', 'p-retry', 'zod'];
    const external = staticGraph('index.ts').external;
    expect(
      external.filter(
        (name) => !name.startsWith('node:') && !chosen.some((c) => name === c || name.startsWith(`${c}/`)),
      ),
    ).toEqual([]);
    expect(external).toEqual(expect.arrayContaining(['ofetch', 'eventemitter3']));
    // p-retry and p-limit (ES modules only) are loaded with import() at the first request: still visible to bundlers.
    expect(staticGraph('index.ts', true).external).toEqual(expect.arrayContaining(['p-retry', 'p-limit']));
  });

  it('nothing the client can load imports a WebSocket library (streams use the global or an injected one)', () => {
    // Followed through import(): a one-file bundle of a handler that only lists queues must not carry `ws`.
    const { external, loaded } = staticGraph('index.ts', true);
    expect(external).not.toContain('ws');
    expect(loaded).toContain('resources/notifications/stream.ts');
    expect(staticGraph('webhooks/index.ts', true).external).not.toContain('ws');
  });

  it('the root entry loads what a client needs: no workflow, report or optimizer file', () => {
    // The workflows, the report and the optimizer are their own entries (/workflows, /report, /optimizer).
    const { loaded, external } = staticGraph('index.ts');
    expect(loaded.filter((f) => /^(workflows|report|optimizer)\//.test(f))).toEqual([]);
    expect(external.filter((name) => name === 'highs' || name.startsWith('highs/'))).toEqual([]);
  });

  it("the workflows entry never statically loads optimizeRouting's implementation (model, solver, search)", () => {
    // Workflows import what they use. The heavy boundary is optimizeRouting's own import().
    const { loaded, external } = staticGraph('workflows/index.ts');
    expect(
      loaded.filter((f) =>
        /routing\/(run\/run-(optimize|search|state)|worker-pool|screen\/screen|search\/[\w-]+)\.ts$/.test(f),
      ),
    ).toEqual([]);
    expect(external.filter((name) => name === 'highs' || name.startsWith('highs/'))).toEqual([]);
    expect(loaded).toEqual(
      expect.arrayContaining(['workflows/skills/plan-relevel.ts', 'workflows/optimize/plan-routing.ts']),
    );
  });

  it("the optimizer entry loads optimizeRouting's implementation (model, solver, search) only on its first call", () => {
    const { loaded } = staticGraph('optimizer/index.ts');
    expect(loaded).toContain('optimizer/routing/optimize.ts');
    expect(
      loaded.filter((f) =>
        /routing\/(run\/run-(optimize|search|state)|worker-pool|screen\/screen|search\/[\w-]+)\.ts$/.test(f),
      ),
    ).toEqual([]);
    // The solver's loader is static (configureSolver is exported); the solver itself comes only through import().
    expect(staticGraph('optimizer/index.ts').external).not.toContain('#highs');
    expect(staticGraph('optimizer/index.ts', true).external).toContain('#highs');
  });

  it('no dependency is loaded through createRequire (bundlers cannot see it)', () => {
    const bad = files(SRC).filter(
      (file) => /\bcreateRequire\s*\(/.test(readFileSync(file, 'utf8')) && !file.includes(`${join('src', 'testing')}`),
    );
    expect(bad.map((f) => relative(SRC, f))).toEqual([]);
  });
});
