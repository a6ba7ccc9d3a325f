// Module-level checkers built on first use. A module that defines many checkers (the optimizer's planning
// inputs) then costs nothing at load for the ones a program never touches: no shape objects, and none of the
// builder code compiled. Unlike `Lazy` (a shape of its own that wraps the built one), `deferred(build)` *is*
// the built shape to its users: the same type, prototype (`instanceof` holds), fields (`.shape`, `.options`)
// and methods, so a public checker can be deferred without changing what it offers.
// No imports: shape.ts uses it to unwrap deferred members when composing (see `built`).

/** What a deferred checker holds until, and after, its first use. */
interface Pending {
  readonly build: () => object;
  shape?: object;
  /** Methods read through the deferred name, bound once to the built shape (`const { parse } = X` works). */
  bound?: Map<PropertyKey, unknown>;
}

const BUILT: unique symbol = Symbol('genesys-routing-sdk.deferred');

// Node's util.inspect (console.log) formats a Proxy's target without running its traps, then calls the target's
// custom inspect with the Proxy as `this`: the record's prototype makes it show the built shape, not the record.
const showsShape = {
  [Symbol.for('nodejs.util.inspect.custom')](this: object, _depth: number, options: unknown, inspect: (value: unknown, options: unknown) => string): string {
    return inspect((this as { [BUILT]?: object })[BUILT] ?? shapeOf(this as Pending), options);
  },
};

const shapeOf = (pending: Pending): object => (pending.shape ??= pending.build());

function method(pending: Pending, shape: object, key: PropertyKey, fn: (...args: unknown[]) => unknown): unknown {
  const bound = (pending.bound ??= new Map());
  let found = bound.get(key);
  if (found === undefined) bound.set(key, (found = fn.bind(shape)));
  return found;
}

// One handler for every deferred checker: each one is a Proxy over its own small Pending record.
const handler: ProxyHandler<Pending> = {
  get(pending, key) {
    const shape = shapeOf(pending);
    if (key === BUILT) return shape;
    const value: unknown = Reflect.get(shape, key, shape);
    return typeof value === 'function' ? method(pending, shape, key, value as (...args: unknown[]) => unknown) : value;
  },
  set: (pending, key, value) => Reflect.set(shapeOf(pending), key, value),
  has: (pending, key) => Reflect.has(shapeOf(pending), key),
  ownKeys: (pending) => Reflect.ownKeys(shapeOf(pending)),
  getOwnPropertyDescriptor(pending, key) {
    const descriptor = Reflect.getOwnPropertyDescriptor(shapeOf(pending), key);
    // A Proxy may only report a property as non-configurable if its target (the Pending record) has it so.
    return descriptor && { ...descriptor, configurable: true };
  },
  defineProperty: (pending, key, descriptor) => Reflect.defineProperty(shapeOf(pending), key, descriptor),
  deleteProperty: (pending, key) => Reflect.deleteProperty(shapeOf(pending), key),
  getPrototypeOf: (pending) => Reflect.getPrototypeOf(shapeOf(pending)),
};

/**
 * The shape `build()` returns, built on first use (first property read, method call, `instanceof`, ...).
 * Write `export const XSchema = /* @__PURE__ *\/ z.deferred(() => z.object({ ... }))`.
 */
export function deferred<S extends object>(build: () => S): S {
  const pending: Pending = Object.assign(Object.create(showsShape) as object, { build });
  return new Proxy(pending, handler) as unknown as S;
}

/** The built shape behind a deferred one (building it now); any other value as is. */
export function built<T>(value: T): T {
  // A plain shape has no such key: the lookup misses on its prototype chain.
  return ((value as { [BUILT]?: T } | null | undefined)?.[BUILT] ?? value) as T;
}
