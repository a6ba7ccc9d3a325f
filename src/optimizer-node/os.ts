// `#os` for CommonJS under Node (package.json "imports"): see worker-threads.ts beside it.
export { availableParallelism } from 'node:os';
