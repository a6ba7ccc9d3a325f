// Types of the package's own import map entries that name Node modules (package.json "imports"): under Node they
// are these modules; elsewhere an empty stub, which worker-pool.ts checks for.
declare module '#worker-threads' {
  export * from 'node:worker_threads';
}
declare module '#os' {
  export * from 'node:os';
}
