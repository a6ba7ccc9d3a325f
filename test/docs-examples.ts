// Runs the TypeScript examples of a guide as written, against the sources, so the docs cannot rot. A block is
// transpiled, each of its imports becomes a destructuring of the module the test maps its specifier to (a function
// body cannot import), and it runs as an async function with the test's context values in scope.
import { readFileSync } from 'node:fs';
import ts from 'typescript';

type Body = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...args: string[]) => Body;

/** The ```ts blocks of a markdown file, in order. */
export function tsBlocks(markdown: URL): string[] {
  const text = readFileSync(markdown, 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** `import { a, b as c } from 'x'` -> `const { a, b: c } = modules['x'];`; an unmapped specifier is an error. */
function bindImports(js: string, modules: Record<string, unknown>): string {
  const body = js.replace(/import\s*\{([^}]*)\}\s*from\s*'([^']+)';?/g, (_, names: string, from: string) => {
    if (!(from in modules)) throw new Error(`example imports ${from}, which the test does not map`);
    const bindings = names
      .split(',')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n) => n.replace(/\s+as\s+/, ': '));
    return `const { ${bindings.join(', ')} } = __modules[${JSON.stringify(from)}];`;
  });
  if (/^\s*import\s/m.test(body)) throw new Error(`example imports something the test cannot bind:\n${body}`);
  return body;
}

/**
 * Runs `source` (TypeScript) with `modules` (import specifier -> module) and `context` (name -> value in scope).
 * A context name the example declares itself (`const client = ...`) is left out, so its own declaration wins.
 * `epilogue` is JavaScript run after the example, in its scope (e.g. `return { plan };`).
 */
export function runExample(
  source: string,
  modules: Record<string, unknown>,
  context: Record<string, unknown> = {},
  epilogue = '',
): Promise<unknown> {
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  const body = bindImports(js, modules);
  const names = Object.keys(context).filter((name) => !new RegExp(`\\b(const|let)\\s+${name}\\b`).test(body));
  const run = new AsyncFunction('__modules', ...names, `${body}\n${epilogue}`);
  return run(modules, ...names.map((name) => context[name]));
}
