// warmUpOptimizer's options check: loaded with the call, so the optimizer's entry loads no schema library.
import * as z from 'zod/mini';
import { optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';
import type { WarmUpOptimizerOptions } from './warm-up-types.js';

const int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

const OptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<WarmUpOptimizerOptions>({
    threads: z.optional(int(1, 256)),
    keepWarmMs: z.optional(int(0, 86_400_000)),
    signal: optionalSignal(),
  }))();

/** The options, or a ValidationError naming each bad one (an unknown key with the closest known one). */
export function parseWarmUpOptions(options: unknown): WarmUpOptimizerOptions {
  return parseOptions('warmUpOptimizer', OptionsSchema, options) as WarmUpOptimizerOptions;
}
