// zod costs ~45 ms and ~12 MiB to load, more than the whole import budget of the root entry. So the root
// entry never imports it at module load: schemas are built on first use through `lazySchema`, and zod is
// loaded by `import()` (which bundlers see and bundle) the first time a response or an argument is checked.
// Code that validates calls `await loadZod()` first (the transport does, before checking a response); the
// synchronous `safeParse` then works.
import type * as Zod from 'zod';

type ZodModule = typeof Zod;
let loaded: ZodModule | undefined;
let loading: Promise<ZodModule> | undefined;

/** Loads zod (once); resolves when synchronous validation is available. */
export function loadZod(): Promise<ZodModule> {
  loading ??= import('zod').then((m) => (loaded = m));
  return loading;
}

/** The zod module; throws if `loadZod()` has not finished (a bug in the caller, not a user error). */
export function zod(): ZodModule {
  if (!loaded) throw new Error('genesys-routing-sdk internal error: a schema was used before zod was loaded (await loadZod() first)');
  return loaded;
}

/** The part of a zod schema the transport and resources use. */
export interface SchemaLike<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Zod.ZodError };
}

export interface LazySchema<S extends Zod.ZodType> extends SchemaLike<Zod.output<S>> {
  /** The real zod schema (built on first access; zod must be loaded). */
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
