import { build } from 'esbuild';
const r = await build({ entryPoints:[process.argv[2]], bundle:true, splitting:true, outdir:'/tmp/splitout', minifyWhitespace:true, minifySyntax:true, platform:'node', format:'esm', target:'node20', write:false, metafile:true, logLevel:'silent', external:['highs','zod','ws','eventemitter3','p-retry','p-limit','ofetch']});
const outs = r.metafile.outputs;
const base = (k) => k.split('/').pop();
const byBase = new Map(Object.keys(outs).map((k) => [base(k), k]));
const entry = Object.keys(outs).find((k) => outs[k].entryPoint === process.argv[2]);
const seen = new Set(); const st = [entry];
while (st.length) { const o = st.pop(); if (seen.has(o)) continue; seen.add(o);
  for (const i of outs[o].imports) { const p = byBase.get(base(i.path)); if (i.kind === 'import-statement' && p) st.push(p); } }
const g = {}; let tot = 0;
for (const o of seen) for (const [f, v] of Object.entries(outs[o].inputs)) { const k = f.split('/').slice(0, +process.argv[3]).join('/'); g[k] = (g[k] ?? 0) + v.bytesInOutput; tot += v.bytesInOutput; }
console.log('static load', (tot / 1024).toFixed(1), 'KB');
console.log(Object.entries(g).sort((a, b) => b[1] - a[1]).slice(0, +(process.argv[4] ?? 30)).map(([k, v]) => (v / 1024).toFixed(1) + 'KB ' + k).join('\n'));
