// zod costs ~45 ms and ~12 MiB to load, more than the whole import budget of the root entry. So the root
// entry never imports it at module load: schemas are built on first use through `lazySchema`, and zod is
// required synchronously at that moment (require() of a CJS/ESM package works on Node 20.19+).
import { createRequire } from 'node:module';
import type * as Zod from 'zod';

type ZodModule = typeof Zod;
let loaded: ZodModule | undefined;

/** The zod module, loaded on first call. */
export function zod(): ZodModule {
  if (!loaded) loaded = createRequire(import.meta.url)('zod') as ZodModule;
  return loaded;
}

/** The part of a zod schema the transport and resources use. */
export interface SchemaLike<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Zod.ZodError };
}

export interface LazySchema<S extends Zod.ZodType> extends SchemaLike<Zod.output<S>> {
  /** The real zod schema (built on first access). */
  readonly schema: S;
  parse(value: unknown): Zod.output<S>;
}

/** A schema whose construction (and zod's loading) is deferred until it is first used. */
export function lazySchema<S extends Zod.ZodType>(build: (z: ZodModule['z']) => S): LazySchema<S> {
  let built: S | undefined;
  const get = () => (built ??= build(zod().z));
  return {
    get schema() {
      return get();
    },
    safeParse: (value) => get().safeParse(value) as ReturnType<SchemaLike<Zod.output<S>>['safeParse']>,
    parse: (value) => get().parse(value),
  };
}

/** Output type of a lazy schema. */
export type Infer<L> = L extends LazySchema<infer S> ? Zod.output<S> : never;
