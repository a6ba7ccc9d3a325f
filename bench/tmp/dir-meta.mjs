import { build } from 'esbuild';
const r = await build({ entryPoints:[process.argv[2]], bundle:true, minify:false, platform:'node', format:'cjs', target:'node20', write:false, metafile:true, logLevel:'silent', external:['highs','zod','ws','eventemitter3','p-retry','p-limit','ofetch']});
const inputs = Object.entries(r.metafile.outputs)[0][1].inputs;
const g={}; for (const [f,v] of Object.entries(inputs)) { const k=f.split('/').slice(0,+process.argv[3]).join('/'); g[k]=(g[k]??0)+v.bytesInOutput; }
console.log(Object.entries(g).sort((a,b)=>b[1]-a[1]).slice(0,40).map(([k,v])=>(v/1024).toFixed(1)+'KB '+k).join('\n'));
