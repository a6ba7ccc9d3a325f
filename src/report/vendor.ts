// uPlot (MIT, https://github.com/leeoniya/uPlot), inlined into every report so it opens offline.
// From source (tsx, vitest) the files are read from the devDependency; the build (tsup.config.ts,
// inlineVendorText) replaces each `vendorText('…')` call with the file's text, so the published package
// carries the strings and needs no uplot at run time.
import { readFileSync } from 'node:fs';

// Source runs only (the build never calls this): the file sits in this repository's node_modules.
function vendorText(specifier: string): string {
  return readFileSync(new URL(`../../node_modules/${specifier}`, import.meta.url), 'utf8');
}

export const UPLOT_JS: string = vendorText('uplot/dist/uPlot.iife.min.js');
export const UPLOT_CSS: string = vendorText('uplot/dist/uPlot.min.css');
