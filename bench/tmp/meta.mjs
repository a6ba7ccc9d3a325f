import { build } from 'esbuild';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
const root = '/work/main';
const work = mkdtempSync(join(tmpdir(), 'grs-m-')); mkdirSync(join(work,'node_modules')); symlinkSync(root, join(work,'node_modules','genesys-routing-sdk'),'dir');
const code = process.argv[2];
const r = await build({ stdin:{contents:code, resolveDir:work, loader:'js'}, bundle:true, minify:true, platform:'node', format:'esm', target:'node20', write:false, metafile:true, logLevel:'silent'});
const inputs = Object.entries(r.metafile.outputs)[0][1].inputs;
const groups = {};
for (const [f,{bytesInOutput}] of Object.entries(inputs)) { const k = f.replace(/^.*node_modules\//,'').replace(/^(zod\/v4\/[a-z]+|[^/]+).*$/,'$1'); groups[k]=(groups[k]??0)+bytesInOutput; }
console.log(Object.entries(groups).sort((a,b)=>b[1]-a[1]).slice(0,40).map(([k,v])=>`${(v/1024).toFixed(1)}KB ${k}`).join('\n'));
console.log(Object.entries(inputs).filter(([f])=>f.includes('dist/')).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).map(([f,v])=>`${(v.bytesInOutput/1024).toFixed(1)}KB ${f.replace(/^.*dist\//,'')}`).join('\n'));
import { gzipSync } from 'node:zlib';
for (const ext of [[], ['zod'], ['zod','ws'], ['zod','ws','eventemitter3','p-retry','p-limit']]) {
  const r2 = await build({ stdin:{contents:code, resolveDir:work, loader:'js'}, bundle:true, minify:true, platform:'node', format:'esm', target:'node20', write:false, logLevel:'silent', external: ext.flatMap(e=>[e, e+'/*'])});
  const b = r2.outputFiles[0].contents; console.log('external', ext.join(','), (b.length/1024).toFixed(1), 'KB min', (gzipSync(b,{level:9}).length/1024).toFixed(1), 'KB gz');
}
