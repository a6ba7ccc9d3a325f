// The one run-time check of options objects and input files: a strict zod/mini schema, English messages, and every
// unknown key reported with the closest known key (`options.dryrun: unknown key; did you mean dryRun?`), before
// anything else runs. Pure (no node or transport imports): the optimizer may use it.
import * as z from 'zod/mini';
import { ValidationError, type ZodIssueLike } from '../errors/index.js';
import { safeParse } from './parse.js';
import { unknownKeyMessage } from './unknown-keys.js';

/**
 * A zod shape that lists every key of an options type: `{...} satisfies OptionsShape<ApplyOptions>` fails the build
 * when the type gains a key the schema does not know (which would then be refused at run time), or the reverse.
 */
export type OptionsShape<T> = { readonly [K in keyof Required<T>]: z.core.$ZodType };

/**
 * Parses `value` with a strict `schema`; throws a ValidationError whose issues name each bad field under `prefix`
 * (`options.concurrency: ...`), an unknown key with "did you mean". `undefined` (no options) reads as `{}`.
 */
export function parseOptions<S extends z.core.$ZodType>(
  context: string,
  schema: S,
  value: unknown,
  prefix = 'options',
): z.output<S> {
  const result = safeParse(schema, value === undefined ? {} : value);
  if (result.success) return result.data;
  throw ValidationError.fromZod(context, { issues: explainUnknownKeys(schema, result.error.issues) }, prefix);
}

/**
 * Replaces each `unrecognized_keys` issue of a failed parse of `schema` by one issue per key, at the key's path,
 * naming the closest known key (for callers that list issues instead of throwing).
 */
export function explainUnknownKeys(
  schema: z.core.$ZodType,
  issues: readonly ZodIssueLike[],
  base: readonly PropertyKey[] = [],
): ZodIssueLike[] {
  return issues.flatMap((issue): ZodIssueLike[] => {
    const keys = (issue as { keys?: unknown }).keys;
    if (issue.code === 'unrecognized_keys' && Array.isArray(keys)) {
      const known = knownKeysAt(schema, [...base, ...issue.path]);
      return keys.map((key: string) => ({
        code: 'unrecognized_keys',
        path: [...issue.path, key],
        message: unknownKeyMessage(key, known),
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors) {
      const path = [...base, ...issue.path];
      return [{ ...issue, errors: issue.errors.map((option) => explainUnknownKeys(schema, option, path)) }];
    }
    return [issue];
  });
}

type Def = {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
};
const defOf = (schema: z.core.$ZodType) => schema._zod.def as unknown as Def;

/** The schemas a value has to match, through optional/default/pipe/lazy wrappers and both sides of unions. */
function unwrap(schema: z.core.$ZodType, depth = 0): z.core.$ZodType[] {
  const def = defOf(schema);
  if (depth > 20) return [schema];
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : def.type === 'lazy' ? def.getter?.() : undefined);
  if (inner) return unwrap(inner, depth + 1);
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => unwrap(o, depth + 1));
  if (def.type === 'intersection') return [def.left, def.right].flatMap((s) => (s ? unwrap(s, depth + 1) : []));
  return [schema];
}

/** The keys the object schema(s) at `path` accept (a union's objects together). */
function knownKeysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let here = unwrap(schema);
  for (const step of path) {
    here = here.flatMap((s) => {
      const def = defOf(s);
      const next =
        def.type === 'object'
          ? def.shape?.[String(step)]
          : def.type === 'array'
            ? def.element
            : def.type === 'record'
              ? def.valueType
              : undefined;
      return next ? unwrap(next) : [];
    });
  }
  const keys = here.flatMap((s) => (defOf(s).type === 'object' ? Object.keys(defOf(s).shape ?? {}) : []));
  return [...new Set(keys)];
}

const isFunction = (v: unknown) => typeof v === 'function';
const isObject = (v: unknown) => typeof v === 'object' && v !== null;
const isSignal = (v: unknown) => isObject(v) && 'aborted' in (v as object);

/** An optional function-valued option (a callback). */
export const optionalFunction = (): z.ZodMiniOptional<z.ZodMiniUnknown> =>
  z.optional(z.unknown().check(z.refine(isFunction, 'must be a function')));
/** An optional AbortSignal option. */
export const optionalSignal = (): z.ZodMiniOptional<z.ZodMiniUnknown> =>
  z.optional(z.unknown().check(z.refine(isSignal, 'must be an AbortSignal')));
/** An optional object given by the caller (a store, a journal, a clock) whose methods are checked where it is used. */
export const optionalObject = (what = 'an object'): z.ZodMiniOptional<z.ZodMiniUnknown> =>
  z.optional(z.unknown().check(z.refine(isObject, `must be ${what}`)));
/** An option this schema passes through unchecked: another function validates it, with its own messages. */
export const checkedElsewhere = (): z.ZodMiniOptional<z.ZodMiniUnknown> => z.optional(z.unknown());

/**
 * A strict object schema over every key of an options type (the compiler checks the list against the type):
 * a schema per key, or `true` for a key whose value another check of the function validates.
 */
export function strictOptions<T>(shape: {
  readonly [K in keyof Required<T>]: z.core.$ZodType | true;
}): z.core.$ZodType {
  const entries = Object.entries(shape as Record<string, z.core.$ZodType | true>).map(
    ([key, schema]) => [key, schema === true ? checkedElsewhere() : schema] as const,
  );
  return z.strictObject(Object.fromEntries(entries));
}
