// Loads the HiGHS MIP solver (WebAssembly) on first use only: nothing else in the optimizer pays for it.
import { invalid } from '../validate.js';

/** The part of the `highs` package's solution object the optimizer reads. */
export interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number; Type?: string }>;
}

export interface HighsSolver {
  solve(problem: string, options?: Record<string, unknown>): HighsSolution;
}

let loading: Promise<HighsSolver> | undefined;

/** The solver instance, loaded once per process through a dynamic import (visible to bundlers). */
export function loadHighs(): Promise<HighsSolver> {
  loading ??= import('highs').then(
    async (mod) => {
      const factory = ((mod as { default?: unknown }).default ?? mod) as () => Promise<HighsSolver>;
      return factory();
    },
    (error: unknown) => {
      loading = undefined;
      invalid('optimizeRouting', '', `the MIP solver 'highs' could not be loaded (${(error as Error).message}); install the 'highs' package`);
    },
  );
  return loading;
}

/** Drops the loaded instance (after the WebAssembly module aborted): the next loadHighs() starts a fresh one. */
export function forgetHighs(): void {
  loading = undefined;
}
