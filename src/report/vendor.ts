// uPlot (MIT, https://github.com/leeoniya/uPlot), inlined into every report so it opens offline.
// From source (tsx, vitest) the files are read from the devDependency; the build (tsup.config.ts,
// inlineVendorText) replaces each `vendorText('…')` call with the file's text, so the published package
// carries the strings and needs no uplot at run time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

function vendorText(specifier: string): string {
  return readFileSync(createRequire(import.meta.url).resolve(specifier), 'utf8');
}

export const UPLOT_JS: string = vendorText('uplot/dist/uPlot.iife.min.js');
export const UPLOT_CSS: string = vendorText('uplot/dist/uPlot.min.css');
