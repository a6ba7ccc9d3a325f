// What `#worker-threads` and `#os` (package.json "imports") resolve to outside Node (browser, edge and neutral
// bundles; see worker-pool.ts): no exports, so optimizeRouting runs on the calling thread there.
export {};
