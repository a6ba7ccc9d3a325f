// A small input checker shaped like the subset of zod this SDK used (object, array, record, number, string,
// enum, literal, union, discriminatedUnion, lazy, optional, nullable, default, refine, superRefine, transform),
// so the schemas read the same and the issues keep zod's paths (`queues[0].agents`). The resource schemas,
// the argument checks, the client options and the optimizer's inputs all use it: no entry loads or bundles
// zod (~450 KB minified). This file and shape-base.ts are a few KB and have no dependencies.
// Numbers must be finite (NaN and ±Infinity are refused, as zod 4 does). Objects drop unknown keys unless
// `.loose()`; `.strict()` refuses them.
import { Shape, Union, type Issue, type Optional } from './shape-base.js';
import { built } from './shape-deferred.js';

export * from './shape-base.js';
export { deferred, built } from './shape-deferred.js';

export class NumberShape extends Shape<number> {
  override expects(): string {
    return 'number';
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): number {
    const before = issues.length;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.wrongType(value, path, issues);
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
  override expects(): string {
    return 'string';
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): string {
    const before = issues.length;
    if (typeof value !== 'string') return this.wrongType(value, path, issues);
    return this.finish(value, path, issues, before);
  }
  min(length: number, message = `Too small: expected string to have >=${length} characters`): this {
    return this.refine((s) => s.length >= length, message);
  }
  /** Removes surrounding white space; later checks see the trimmed string (as zod's `.trim()`). */
  trim(): this {
    return this.with((s) => s.trim());
  }
}

export class Primitive<T> extends Shape<T> {
  constructor(
    readonly accepts: (value: unknown) => boolean,
    readonly what: string,
  ) {
    super();
  }
  override expects(): string {
    return this.what;
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): T {
    const before = issues.length;
    if (!this.accepts(value)) return this.wrongType(value, path, issues);
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
  override expects(): string {
    return this.values.map((v) => JSON.stringify(v)).join('|');
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): T {
    const before = issues.length;
    if (!this.values.includes(value as T)) {
      const list = this.expects();
      return this.wrongType(value, path, issues, this.values.length === 1 ? `Invalid input: expected ${list}` : `Invalid option: expected one of ${list}`);
    }
    return this.finish(value as T, path, issues, before);
  }
}

/**
 * A shape built on first use: for recursion (zod's `z.lazy`), and for the SDK's many response models, so that
 * loading the SDK does not build shapes a program never uses. `inner` is the built shape.
 */
export class Lazy<S extends AnyShape> extends Shape<S['_output'], S['_input']> {
  /** @internal */
  declare built: S | undefined;
  constructor(readonly build: () => S) {
    super();
  }
  get inner(): S {
    return (this.built ??= this.build());
  }
  override expects(): string {
    return this.inner.expects();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): S['_output'] {
    const before = issues.length;
    return this.finish(this.inner.run(value, path, issues), path, issues, before);
  }
}

export class ArrayShape<O, I> extends Shape<O[], I[]> {
  constructor(readonly element: Shape<O, I>) {
    super();
  }
  override expects(): string {
    return 'array';
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): O[] {
    const before = issues.length;
    if (!Array.isArray(value)) return this.wrongType(value, path, issues);
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
  override expects(): string {
    return 'object';
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): ObjectOutput<S> & Extra {
    const before = issues.length;
    if (!isPlainObject(value)) return this.wrongType(value, path, issues);
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
    return new ObjectShape({ ...this.shape, ...builtMembers(more) } as Omit<S, keyof T> & T, this.unknownKeys);
  }
  /** The keys named in `mask` become optional (zod's `.partial({ id: true })`). */
  partial<M extends { [K in keyof S]?: true }>(mask: M): ObjectShape<{ [K in keyof S]: K extends keyof M ? Optional<S[K]['_output'], S[K]['_input']> : S[K] }, Extra> {
    const shape = Object.fromEntries(Object.entries(this.shape).map(([k, v]) => [k, Object.hasOwn(mask, k) ? v.optional() : v]));
    return new ObjectShape(shape, this.unknownKeys) as never;
  }
}

export class RecordShape<KO extends string, VO, VI> extends Shape<Record<KO, VO>, Record<KO, VI>> {
  constructor(
    readonly key: Shape<KO, unknown>,
    readonly value: Shape<VO, VI>,
  ) {
    super();
  }
  override expects(): string {
    return 'record';
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Record<KO, VO> {
    const before = issues.length;
    if (!isPlainObject(value)) return this.wrongType(value, path, issues);
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
  override expects(): string {
    return 'object';
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Options[number]['_output'] {
    const before = issues.length;
    if (!isPlainObject(value)) return this.wrongType(value, path, issues);
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

// The zod-like constructors (imported as `import * as z from './shape.js'`). A `message` replaces the
// wrong-type message, as zod's `z.string('is required')`. Deferred members (`z.deferred`) are built when
// composed, so the composite holds the shapes themselves and parsing does not go through the deferral.
const builtMembers = <S extends RawShape>(shape: S): S =>
  Object.values(shape).some((member) => built(member) !== member)
    ? (Object.fromEntries(Object.entries(shape).map(([key, member]) => [key, built(member)])) as S)
    : shape;
const builtAll = <Options extends readonly AnyShape[]>(options: Options): Options => options.map(built) as readonly AnyShape[] as Options;
const withMessage = <S extends AnyShape>(shape: S, message: string | { message: string } | undefined): S => {
  shape.typeMessage = typeof message === 'string' ? message : message?.message;
  return shape;
};
export const number = (message?: string): NumberShape => withMessage(new NumberShape(), message);
export const string = (message?: string): StringShape => withMessage(new StringShape(), message);
export const boolean = (message?: string): Shape<boolean> => withMessage(new Primitive<boolean>((v) => typeof v === 'boolean', 'boolean'), message);
export const unknown = (): Shape<unknown> => new Primitive<unknown>(() => true, 'unknown');
/** A value `accepts` approves, typed as `T` (zod's `z.custom`). */
export const custom = <T>(accepts: (value: unknown) => boolean, message = 'Invalid input'): Shape<T> => withMessage(new Primitive<T>(accepts, 'valid input'), message);
export const literal = <const T extends string | number | boolean>(value: T): EnumShape<T> => new EnumShape([value]);
export const enum_ = <const T extends readonly [string, ...string[]]>(values: T, message?: string | { message: string }): EnumShape<T[number]> =>
  withMessage(new EnumShape(values), message);
export { enum_ as enum };
export const array = <O, I>(element: Shape<O, I>): ArrayShape<O, I> => new ArrayShape(built(element));
export const object = <S extends RawShape>(shape: S): ObjectShape<S> => new ObjectShape(builtMembers(shape));
export const strictObject = <S extends RawShape>(shape: S): ObjectShape<S> => new ObjectShape(builtMembers(shape), 'strict');
export const looseObject = <S extends RawShape>(shape: S): ObjectShape<S, Record<string, unknown>> => new ObjectShape(builtMembers(shape), 'loose');
export const record = <KO extends string, VO, VI>(key: Shape<KO, unknown>, value: Shape<VO, VI>): RecordShape<KO, VO, VI> =>
  new RecordShape(built(key), built(value));
export const union = <const Options extends readonly AnyShape[]>(options: Options): Union<Options> => new Union(builtAll(options));
export const discriminatedUnion = <const Options extends readonly AnyObject[]>(discriminator: string, options: Options): DiscriminatedUnion<Options> =>
  new DiscriminatedUnion(discriminator, builtAll(options));
export const lazy = <S extends AnyShape>(build: () => S): Lazy<S> => new Lazy(build);

/** The parsed type of a shape (zod's `z.output`). */
export type output<S extends AnyShape> = S['_output'];
/** The accepted input type of a shape (zod's `z.input`). */
export type input<S extends AnyShape> = S['_input'];
export type infer<S extends AnyShape> = S['_output'];
/** The parsed type of a shape (the name the resource schema files use for their exported types). */
export type Infer<S extends AnyShape> = S['_output'];
/** Any shape (zod's `z.ZodType`). */
export type ZodType = AnyShape;
