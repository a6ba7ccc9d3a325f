/** See cjs-lazy-entries.mjs: entry name (under `lazy/`) -> source path, for every module a public entry re-exports values from. */
export declare function lazyEntries(srcDir: string, publicEntries: string[]): Record<string, string>;
