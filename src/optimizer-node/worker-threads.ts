// `#worker-threads` for CommonJS under Node (package.json "imports"): Node 20's require() cannot map a package
// import straight to a built-in module, so the CommonJS build goes through this file.
export * from 'node:worker_threads';
