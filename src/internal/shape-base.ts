// The base of the input checker in shape.ts: the Shape class (parse, refinements, transforms) and the shapes
// that wrap another one (optional, nullable, default, union, transform). No imports: the optimizer entry and
// the root entry both load it without any dependency.

/** One problem: where (`['queues', 0, 'agents']`) and what. */
export interface Issue {
  path: PropertyKey[];
  message: string;
}

/** What `superRefine` and `transform` callbacks receive. */
export interface RefinementCtx {
  addIssue(issue: { message: string; path?: PropertyKey[]; code?: string }): void;
}

export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** The part of a shape that the transport and resources use (`op.schema`). */
export interface SchemaLike<T> {
  safeParse(value: unknown): SafeParseResult<T>;
}

/** A check after the type check: records issues; may return a replacement value (`trim`). */
export type Check<T> = (value: T, path: PropertyKey[], issues: Issue[]) => T | void;

export const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isNaN(value) ? 'NaN' : typeof value;
export const expected = (what: string, value: unknown): string => `Invalid input: expected ${what}, received ${describe(value)}`;

const contextFor = (path: PropertyKey[], issues: Issue[]): RefinementCtx => ({
  addIssue: (issue) => void issues.push({ path: [...path, ...(issue.path ?? [])], message: issue.message }),
});

/** Base of every shape. `Out` is the parsed value, `In` what callers may pass. */
export abstract class Shape<Out = unknown, In = Out> {
  declare readonly _output: Out;
  declare readonly _input: In;
  // No per-instance field initializers: the SDK builds thousands of shapes, and initializers made that several
  // times slower. The flags are getters; `typeMessage` and `checks` are set only on the shapes that have them.
  /** True when a missing key is acceptable (optional or defaulted): makes the key optional in `input<>`. */
  get optionalIn(): boolean {
    return false;
  }
  /** True when the parsed key may be missing (optional, not defaulted): makes the key optional in `output<>`. */
  get optionalOut(): boolean {
    return false;
  }
  /** Replaces the "expected X, received Y" message of a wrong type (zod's `z.string('is required')`). */
  declare typeMessage: string | undefined;
  // Typed loosely so a shape of a narrower type still counts as a Shape<unknown> (checks only read `Out`).
  // Never mutated: `with()` gives the copy a new array.
  /** @internal */
  declare checks: readonly Check<any>[] | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any

  /** Validates and returns the value (defaults applied, unknown keys dropped); records issues instead of throwing. */
  abstract run(value: unknown, path: PropertyKey[], issues: Issue[]): Out;

  /** What this shape accepts, for messages (`string`, `object`). */
  expects(): string {
    return 'valid input';
  }

  /** @internal Records a wrong-type issue and returns the value as is (callers ignore it when issues exist). */
  wrongType<T>(value: unknown, path: PropertyKey[], issues: Issue[], message = expected(this.expects(), value)): T {
    issues.push({ path, message: this.typeMessage ?? message });
    return value as T;
  }

  /** @internal */
  finish(value: Out, path: PropertyKey[], issues: Issue[], before: number): Out {
    // Refinements run only on a value that passed its own checks, as in zod.
    for (const check of this.checks ?? []) {
      if (issues.length > before) break;
      const replaced = check(value, path, issues);
      if (replaced !== undefined) value = replaced as Out;
    }
    return value;
  }

  /** @internal */
  with(check: Check<Out>): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this);
    copy.checks = [...(this.checks ?? []), check];
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
    return this.with((value, path, issues) => refinement(value, contextFor(path, issues)));
  }

  /** Maps a valid value; `ctx.addIssue` rejects it (the returned value is then unused). */
  transform<N>(fn: (value: Out, ctx: RefinementCtx) => N): Shape<N, In> {
    return new Transform(this, fn);
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

  or<O, I>(other: Shape<O, I>): Union<[this, Shape<O, I>]> {
    return new Union([this, other]);
  }
}

type AnyShape = Shape<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Runs `inner` then this shape's own refinements. */
abstract class Wrapper<O, I, WO, WI> extends Shape<WO, WI> {
  constructor(readonly inner: Shape<O, I>) {
    super();
  }
  override expects(): string {
    return this.inner.expects();
  }
  protected runInner(value: unknown, path: PropertyKey[], issues: Issue[]): WO {
    const before = issues.length;
    return this.finish(this.inner.run(value, path, issues) as unknown as WO, path, issues, before);
  }
}

export class Optional<O, I> extends Wrapper<O, I, O | undefined, I | undefined> {
  override get optionalIn(): true {
    return true;
  }
  override get optionalOut(): true {
    return true;
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): O | undefined {
    return value === undefined ? undefined : this.runInner(value, path, issues);
  }
}

export class Nullable<O, I> extends Wrapper<O, I, O | null, I | null> {
  run(value: unknown, path: PropertyKey[], issues: Issue[]): O | null {
    return value === null ? null : this.runInner(value, path, issues);
  }
}

export class Default<O, I> extends Wrapper<O, I, Exclude<O, undefined>, I | undefined> {
  override get optionalIn(): true {
    return true;
  }
  constructor(
    inner: Shape<O, I>,
    readonly fallback: Exclude<O, undefined>,
  ) {
    super(inner);
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Exclude<O, undefined> {
    // A default is used as given (not re-validated), as in zod 4.
    return value === undefined ? this.fallback : this.runInner(value, path, issues);
  }
}

export class Transform<O, I, N> extends Shape<N, I> {
  constructor(
    readonly inner: Shape<O, I>,
    readonly fn: (value: O, ctx: RefinementCtx) => N,
  ) {
    super();
  }
  override expects(): string {
    return this.inner.expects();
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): N {
    const before = issues.length;
    const parsed = this.inner.run(value, path, issues);
    if (issues.length > before) return parsed as unknown as N;
    return this.finish(this.fn(parsed, contextFor(path, issues)), path, issues, before);
  }
}

/** The first option that accepts the value wins (zod's `z.union`, `a.or(b)`). */
export class Union<Options extends readonly AnyShape[]> extends Shape<Options[number]['_output'], Options[number]['_input']> {
  constructor(readonly options: Options) {
    super();
  }
  override expects(): string {
    return this.options.map((o) => o.expects()).join(' | ');
  }
  run(value: unknown, path: PropertyKey[], issues: Issue[]): Options[number]['_output'] {
    const before = issues.length;
    let closest: Issue[] | undefined;
    for (const option of this.options) {
      const own: Issue[] = [];
      const parsed: unknown = option.run(value, path, own);
      if (own.length === 0) return this.finish(parsed, path, issues, before);
      // An option that accepted the value's type and failed inside it says more than "expected A | B".
      closest ??= own.every((issue) => issue.path.length > path.length) ? own : undefined;
    }
    if (closest) {
      issues.push(...closest);
      return value;
    }
    return this.wrongType(value, path, issues);
  }
}
