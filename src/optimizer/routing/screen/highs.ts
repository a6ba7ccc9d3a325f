// Loads the HiGHS MIP solver (WebAssembly) on first use only: nothing else in the optimizer pays for it.
// `#highs` is this package's own import map (package.json "imports"): the `highs` package under Node, and a stub
// that says the solver is not in this build elsewhere (browser, edge and neutral bundles), whose bundlers would
// otherwise fail on highs' Node-only loader code. Every other optimizer function runs on every platform.
import { SolverUnavailableError } from '../../../errors/index.js';
import { keysOf, rejectUnknownKeys } from '../../../internal/unknown-keys.js';

/** The part of the `highs` package's solution object the optimizer reads. */
export interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number; Type?: string }>;
}

export interface HighsSolver {
  solve(problem: string, options?: Record<string, unknown>): HighsSolution;
}

/** Where `optimizeRouting` gets the solver's WebAssembly (`highs.wasm`); see `configureSolver`. */
export interface SolverOptions {
  /**
   * `highs.wasm` as a file path or `file:` URL (Node), its bytes, or a compiled `WebAssembly.Module`. Default:
   * the file beside the `highs` package's loader: `node_modules/highs/build/highs.wasm`, or beside your bundle
   * when the SDK is bundled (copy it there).
   */
  wasm?: string | URL | ArrayBuffer | Uint8Array | WebAssembly.Module | undefined;
}

const SOLVER_KEYS = /* @__PURE__ */ keysOf<SolverOptions>({ wasm: true });

// The loader options highs' build reads (it ignores `wasmBinary` / `wasmModule`, whatever its types say).
interface HighsLoaderOptions {
  locateFile?: (file: string) => string;
  instantiateWasm?: (imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance) => void) => object;
  printErr?: (text: string) => void;
}
type HighsFactory = (options?: HighsLoaderOptions) => Promise<HighsSolver>;

let configured: SolverOptions = {};
let loading: Promise<HighsSolver> | undefined;

/**
 * Tells `optimizeRouting` where the solver's WebAssembly is, e.g. in a bundled function whose folder has no
 * node_modules: `configureSolver({ wasm: new URL('./highs.wasm', import.meta.url) })`. Call it before the first
 * `optimizeRouting`; a later call applies to the next load (after a failed one).
 */
export function configureSolver(options: SolverOptions): void {
  rejectUnknownKeys('configureSolver', options, SOLVER_KEYS, 'options');
  configured = { ...options };
  loading = undefined;
}

/** The solver instance, loaded once per process through a dynamic import (visible to bundlers). */
export function loadHighs(): Promise<HighsSolver> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<HighsSolver> {
  let factory: HighsFactory;
  try {
    const mod = (await import('#highs')) as { default?: unknown };
    factory = (mod.default ?? mod) as HighsFactory;
  } catch (error) {
    throw unavailable(
      `the 'highs' package could not be loaded (${(error as Error).message}): install it (npm install highs)`,
      error,
    );
  }
  const wasm = configured.wasm;
  const options: HighsLoaderOptions = { printErr: () => undefined };
  // Given bytes or a module, we instantiate it ourselves; a failure there must reject (the loader would wait).
  let failed: (error: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  if (wasm instanceof WebAssembly.Module || wasm instanceof ArrayBuffer || wasm instanceof Uint8Array) {
    options.instantiateWasm = (imports, done) => {
      const instance =
        wasm instanceof WebAssembly.Module
          ? WebAssembly.instantiate(wasm, imports)
          : WebAssembly.instantiate(wasm as BufferSource, imports).then((r) => r.instance);
      instance.then(done, failed);
      return {};
    };
  } else if (wasm !== undefined) options.locateFile = (file) => (file.endsWith('.wasm') ? String(wasm) : file);
  try {
    return await Promise.race([factory(options), failure]);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'HIGHS_NOT_IN_BUILD') throw unavailable((error as Error).message, error);
    const where =
      wasm === undefined
        ? "highs.wasm (looked for beside the 'highs' loader, or beside your bundle)"
        : `configureSolver's wasm (${wasm instanceof URL || typeof wasm === 'string' ? String(wasm) : 'bytes'})`;
    throw unavailable(
      `the solver's WebAssembly could not be loaded from ${where}: ${(error as Error).message}. In a bundled function, copy ` +
        'node_modules/highs/build/highs.wasm next to the bundle, or pass its path or bytes with configureSolver({ wasm })',
      error,
    );
  }
}

function unavailable(reason: string, cause: unknown): SolverUnavailableError {
  return new SolverUnavailableError(`optimizeRouting: ${reason}`, { operation: 'optimizeRouting', cause });
}

/** Drops the loaded instance (after the WebAssembly module aborted): the next loadHighs() starts a fresh one. */
export function forgetHighs(): void {
  loading = undefined;
}
