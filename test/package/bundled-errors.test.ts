// Error names and is* guards must survive bundling and minification (users re-bundle this package; esbuild
// alone renamed ValidationError to _ValidationError in our own build, which broke every guard).
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

type ErrorsModule = typeof import('../../src/errors/index.js');

async function bundledCopy(): Promise<ErrorsModule> {
  const out = await build({
    entryPoints: [resolve(__dirname, '../../src/errors/index.ts')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    minify: true, // identifiers mangled: class names are gone
  });
  const module = { exports: {} as ErrorsModule };
  new Function('module', 'exports', out.outputFiles[0]!.text)(module, module.exports);
  return module.exports;
}

describe('errors after bundling with mangled names', () => {
  it('keep their names, guards and instanceof, also across two copies of the package', async () => {
    const copy = await bundledCopy();
    const original = await import('../../src/errors/index.js');
    const e = new copy.ValidationError('ctx', [{ path: 'field', message: 'bad' }]);
    expect(e.name).toBe('ValidationError');
    expect(copy.isValidationError(e)).toBe(true);
    expect(copy.isGenesysError(e)).toBe(true);
    expect(copy.isNotFoundError(e)).toBe(false);
    // A second copy (the sources) recognises errors of the bundled one, and vice versa.
    expect(original.isValidationError(e)).toBe(true);
    expect(e instanceof original.ValidationError).toBe(true);
    expect(e instanceof original.GenesysError).toBe(true);
    expect(e instanceof original.TimeoutError).toBe(false);
    const api = copy.GenesysApiError.fromResponse({ status: 429, body: { code: 'too.many.requests.retry.after' } });
    expect(api.name).toBe('RateLimitError');
    expect(original.isRateLimitError(api)).toBe(true);
    expect(api instanceof original.GenesysApiError).toBe(true);
  });
});
