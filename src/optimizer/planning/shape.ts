// A small input checker for the planning functions, shaped like the subset of zod they used (object, array,
// record, number, string, enum, literal, discriminatedUnion, optional, default, refine, superRefine), so the
// schemas read the same and the issues keep zod's paths (`queues[0].agents`). It exists so the pure optimizer
// entry loads and bundles without zod (~450 KB minified): this file is a few KB and has no dependencies.
// Numbers must be finite (NaN and ±Infinity are refused, as zod 4 does). Objects drop unknown keys unless
// `.loose()`; `.strict()` refuses them.

/** One problem: where (`['queues', 0, 'agents']`) and what. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** What `superRefine` callbacks receive. */
export interface RefinementCtx {
  addIssue(issue: { message: string; path?: PropertyKey[]; code?: string }): void;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

export type Check<T> = (value: T, path: PropertyKey[], issues: Issue[]) => void;

/** Base of every shape. `Out` is the parsed value, `In` what callers may pass. */
export abstract class Shape<Out = unknown, In = Out> {
  declare readonly _output: Out;
  declare readonly _input: In;
  /** True when a missing key is acceptable (optional or defaulted): makes the key optional in `input<>`. */
  readonly optionalIn: boolean = false;
  /** True when the parsed key may be missing (optional, not defaulted): makes the key optional in `output<>`. */
  readonly optionalOut: boolean = false;
  // Typed loosely so a shape of a narrower type still counts as a Shape<unknown> (checks only read `Out`).
  /** @internal */
  checks: Check<any>[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any

  /** Validates and returns the value (defaults applied, unknown keys dropped); records issues instead of throwing. */
  abstract run(value: unknown, path: PropertyKey[], issues: Issue[]): Out;

  /** @internal */
  finish(value: Out, path: PropertyKey[], issues: Issue[], before: number): Out {
    // Refinements run only on a value that passed its own checks, as in zod.
    for (const check of this.checks) {
      if (issues.length > before) break;
      check(value, path, issues);
    }
    return value;
  }

  /** @internal */
  with(check: Check<Out>): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this);
    copy.checks = [...this.checks, check];
    return copy;
  }

  safeParse(value: unknown): SafeParseResult<Out> {
    const issues: Issue[] = [];
    const data = this.run(value, [], issues);
    return issues.length === 0 ? { success: true, data } : { success: false, error: { issues } };
  }

  /** Parses or throws an Error listing the issues (callers use `parseInput` for a ValidationError). */
  parse(value: unknown): Out {
    const result = this.safeParse(value);
    if (!result.success) throw new Error(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return result.data;
  }

  refine(predicate: (value: Out) => boolean, message: string | { message: string; path?: PropertyKey[] } = 'Invalid input'): this {
    const { message: text, path: at = [] } = typeof message === 'string' ? { message } : message;
    return this.with((value, path, issues) => {
      if (!predicate(value)) issues.push({ path: [...path, ...at], message: text });
    });
  }

  superRefine(refinement: (value: Out, ctx: RefinementCtx) => void): this {
    return this.with((value, path, issues) =>
      refinement(value, { addIssue: (issue) => void issues.push({ path: [...path, ...(issue.path ?? [])], message: issue.message }) }),
    );
  }

  optional(): Shape<Out | undefined, In | undefined> & { optionalIn: true; optionalOut: true } {
    return new Optional(this) as never;
  }

  nullable(): Shape<Out | null, In | null> {
    return new Nullable(this);
  }

  default(fallback: Exclude<Out, undefined>): Shape<Exclude<Out, undefined>, In | undefined> & { optionalIn: true; optionalOut: false } {
    return new Default(this, fallback) as never;
  }
}

const describe = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isNaN(value) ? 'NaN' : typeof value);
const expected = (what: string, value: unknown) => `Invalid input: expected ${what}, received ${describe(value)}`;

export class Optional<O, I> extends Shape<O | undefined, I | undefined> {
  override readonly optionalIn = true;
  override readonly optionalOut = true;
  constructor(readonly inner: Shape<O, I>) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): O | undefined {
    if (value === undefined) return undefined;
    const before = issues.length;
    return this.finish(this.inner.run(value, path, issues), path, issues, before);
  }
}

export class Nullable<O, I> extends Shape<O | null, I | null> {
  constructor(readonly inner: Shape<O, I>) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): O | null {
    if (value === null) return null;
    const before = issues.length;
    return this.finish(this.inner.run(value, path, issues), path, issues, before);
  }
}

export class Default<O, I> extends Shape<Exclude<O, undefined>, I | undefined> {
  override readonly optionalIn = true;
  constructor(
    readonly inner: Shape<O, I>,
    readonly fallback: Exclude<O, undefined>,
  ) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Exclude<O, undefined> {
    // A default is used as given (not re-validated), as in zod 4.
    if (value === undefined) return this.fallback;
    const before = issues.length;
    return this.finish(this.inner.run(value, path, issues) as Exclude<O, undefined>, path, issues, before);
  }
}

export class NumberShape extends Shape<number> {
  run(value: unknown, path: PropertyKey[], issues: Issue[]): number {
    const before = issues.length;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ path, message: expected('number', value) });
      return value as number;
    }
    return this.finish(value, path, issues, before);
  }
  min(limit: number, message = `Too small: expected number to be >=${limit}`): this {
    return this.refine((n) => n >= limit, message);
  }
  max(limit: number, message = `Too big: expected number to be <=${limit}`): this {
    return this.refine((n) => n <= limit, message);
  }
  positive(message = 'Too small: expected number to be >0'): this {
    return this.refine((n) => n > 0, message);
  }
  int(message = 'Invalid input: expected int, received number'): this {
    return this.refine((n) => Number.isSafeInteger(n), message);
  }
}

export class StringShape extends Shape<string> {
  run(value: unknown, path: PropertyKey[], issues: Issue[]): string {
    const before = issues.length;
    if (typeof value !== 'string') {
      issues.push({ path, message: expected('string', value) });
      return value as string;
    }
    return this.finish(value, path, issues, before);
  }
  min(length: number, message = `Too small: expected string to have >=${length} characters`): this {
    return this.refine((s) => s.length >= length, message);
  }
}

export class Primitive<T> extends Shape<T> {
  constructor(readonly accepts: (value: unknown) => boolean, readonly what: string) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): T {
    const before = issues.length;
    if (!this.accepts(value)) {
      issues.push({ path, message: expected(this.what, value) });
      return value as T;
    }
    return this.finish(value as T, path, issues, before);
  }
}

export class EnumShape<T extends string | number | boolean> extends Shape<T> {
  constructor(readonly values: readonly T[]) {
    super();
  }
  /** The accepted values by name, like zod's `enum.enum`. */
  get enum(): { [K in T & string]: K } {
    return Object.fromEntries(this.values.map((v) => [v, v])) as { [K in T & string]: K };
  }
  get options(): readonly T[] {
    return this.values;
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): T {
    const before = issues.length;
    if (!this.values.includes(value as T)) {
      const list = this.values.map((v) => JSON.stringify(v)).join('|');
      issues.push({ path, message: this.values.length === 1 ? `Invalid input: expected ${list}` : `Invalid option: expected one of ${list}` });
      return value as T;
    }
    return this.finish(value as T, path, issues, before);
  }
}

export class ArrayShape<O, I> extends Shape<O[], I[]> {
  constructor(readonly element: Shape<O, I>) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): O[] {
    const before = issues.length;
    if (!Array.isArray(value)) {
      issues.push({ path, message: expected('array', value) });
      return value as O[];
    }
    const out = value.map((item, i) => this.element.run(item, [...path, i], issues));
    return this.finish(out, path, issues, before);
  }
  min(length: number, message = `Too small: expected array to have >=${length} items`): this {
    return this.refine((a) => a.length >= length, message);
  }
  max(length: number, message = `Too big: expected array to have <=${length} items`): this {
    return this.refine((a) => a.length <= length, message);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type AnyShape = Shape<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type RawShape = Record<string, AnyShape>;
type AnyObject = ObjectShape<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Flatten<T> = { [K in keyof T]: T[K] } & {};
type OptionalKeys<S extends RawShape, F extends 'optionalIn' | 'optionalOut'> = { [K in keyof S]: S[K][F] extends true ? K : never }[keyof S];
export type ObjectOutput<S extends RawShape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S, 'optionalOut'>>]: S[K]['_output'] } & { [K in OptionalKeys<S, 'optionalOut'>]?: S[K]['_output'] }
>;
export type ObjectInput<S extends RawShape> = Flatten<
  { [K in Exclude<keyof S, OptionalKeys<S, 'optionalIn'>>]: S[K]['_input'] } & { [K in OptionalKeys<S, 'optionalIn'>]?: S[K]['_input'] }
>;

export class ObjectShape<S extends RawShape, Extra = unknown> extends Shape<ObjectOutput<S> & Extra, ObjectInput<S> & Extra> {
  constructor(
    readonly shape: S,
    readonly unknownKeys: 'strip' | 'strict' | 'loose' = 'strip',
  ) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): ObjectOutput<S> & Extra {
    const before = issues.length;
    if (!isPlainObject(value)) {
      issues.push({ path, message: expected('object', value) });
      return value as ObjectOutput<S> & Extra;
    }
    const out: Record<string, unknown> = this.unknownKeys === 'loose' ? { ...value } : {};
    for (const [key, shape] of Object.entries(this.shape)) {
      const parsed: unknown = shape.run(value[key], [...path, key], issues);
      if (parsed !== undefined || Object.hasOwn(value, key)) out[key] = parsed;
    }
    if (this.unknownKeys === 'strict') {
      const extra = Object.keys(value).filter((k) => !Object.hasOwn(this.shape, k));
      if (extra.length > 0) issues.push({ path, message: `Unrecognized key${extra.length > 1 ? 's' : ''}: ${extra.map((k) => JSON.stringify(k)).join(', ')}` });
    }
    return this.finish(out as ObjectOutput<S> & Extra, path, issues, before);
  }
  strict(): ObjectShape<S, Extra> {
    return new ObjectShape(this.shape, 'strict');
  }
  loose(): ObjectShape<S, Extra & Record<string, unknown>> {
    return new ObjectShape(this.shape, 'loose');
  }
  extend<T extends RawShape>(more: T): ObjectShape<Omit<S, keyof T> & T, Extra> {
    return new ObjectShape({ ...this.shape, ...more } as Omit<S, keyof T> & T, this.unknownKeys);
  }
}

export class RecordShape<KO extends string, VO, VI> extends Shape<Record<KO, VO>, Record<KO, VI>> {
  constructor(
    readonly key: Shape<KO, unknown>,
    readonly value: Shape<VO, VI>,
  ) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Record<KO, VO> {
    const before = issues.length;
    if (!isPlainObject(value)) {
      issues.push({ path, message: expected('record', value) });
      return value as Record<KO, VO>;
    }
    const out: Record<string, VO> = {};
    for (const [k, v] of Object.entries(value)) {
      const keyIssues: Issue[] = [];
      this.key.run(k, [...path, k], keyIssues);
      // A bad key is reported under the key itself, with what was wrong with it.
      for (const issue of keyIssues) issues.push({ path: issue.path, message: `Invalid key in record: ${issue.message}` });
      out[k] = this.value.run(v, [...path, k], issues);
    }
    return this.finish(out as Record<KO, VO>, path, issues, before);
  }
}

export class DiscriminatedUnion<Options extends readonly AnyObject[]> extends Shape<Options[number]['_output'], Options[number]['_input']> {
  constructor(
    readonly discriminator: string,
    readonly options: Options,
  ) {
    super();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Options[number]['_output'] {
    const before = issues.length;
    if (!isPlainObject(value)) {
      issues.push({ path, message: expected('object', value) });
      return value;
    }
    const tag = value[this.discriminator];
    const option = this.options.find((o) => o.shape[this.discriminator]!.safeParse(tag).success);
    if (!option) {
      const tags = this.options.map((o) => (o.shape[this.discriminator] as EnumShape<string>).values[0]);
      issues.push({ path: [...path, this.discriminator], message: `Invalid input: expected one of ${tags.map((t) => JSON.stringify(t)).join('|')}` });
      return value;
    }
    return this.finish(option.run(value, path, issues), path, issues, before);
  }
}

// The zod-like constructors (imported as `import * as z from './shape.js'`).
export const number = (): NumberShape => new NumberShape();
export const string = (): StringShape => new StringShape();
export const boolean = (): Shape<boolean> => new Primitive<boolean>((v) => typeof v === 'boolean', 'boolean');
export const unknown = (): Shape<unknown> => new Primitive<unknown>(() => true, 'unknown');
export const literal = <const T extends string | number | boolean>(value: T): EnumShape<T> => new EnumShape([value]);
export const enum_ = <const T extends readonly [string, ...string[]]>(values: T): EnumShape<T[number]> => new EnumShape(values);
export { enum_ as enum };
export const array = <O, I>(element: Shape<O, I>): ArrayShape<O, I> => new ArrayShape(element);
export const object = <S extends RawShape>(shape: S): ObjectShape<S> => new ObjectShape(shape);
export const strictObject = <S extends RawShape>(shape: S): ObjectShape<S> => new ObjectShape(shape, 'strict');
export const looseObject = <S extends RawShape>(shape: S): ObjectShape<S, Record<string, unknown>> => new ObjectShape(shape, 'loose');
export const record = <KO extends string, VO, VI>(key: Shape<KO, unknown>, value: Shape<VO, VI>): RecordShape<KO, VO, VI> => new RecordShape(key, value);
export const discriminatedUnion = <const Options extends readonly AnyObject[]>(discriminator: string, options: Options): DiscriminatedUnion<Options> =>
  new DiscriminatedUnion(discriminator, options);

/** The parsed type of a shape (zod's `z.output`). */
export type output<S extends AnyShape> = S['_output'];
/** The accepted input type of a shape (zod's `z.input`). */
export type input<S extends AnyShape> = S['_input'];
export type infer<S extends AnyShape> = S['_output'];
/** Any shape (zod's `z.ZodType`). */
export type ZodType = AnyShape;
