import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
const code = process.argv[2];
const ext = (process.argv[3]??'').split(',').filter(Boolean).flatMap(e=>[e,e+'/*']);
const r = await build({ stdin:{contents:code, resolveDir:'/work/main', loader:'ts'}, bundle:true, minify:true, platform:'node', format:'esm', target:'node20', write:false, metafile:true, logLevel:'silent', external: ext});
const inputs = Object.entries(r.metafile.outputs)[0][1].inputs;
const b = r.outputFiles[0].contents; console.log((b.length/1024).toFixed(1),'KB min', (gzipSync(b,{level:9}).length/1024).toFixed(1),'KB gz');
console.log(Object.entries(inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0, +(process.argv[4]??60)).map(([f,v])=>`${(v.bytesInOutput/1024).toFixed(1)}KB ${f}`).join('\n'));
