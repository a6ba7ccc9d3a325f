const fs=require('fs'),path=require('path');
function walk(f,seen){if(seen.has(f))return;seen.add(f);const s=fs.readFileSync(f,'utf8');for(const m of s.matchAll(/require\('(\.[^']+)'\)/g)){const t=path.resolve(path.dirname(f),m[1]);if(fs.existsSync(t))walk(t,seen);}}
for (const e of process.argv.slice(2)){const seen=new Set();walk(path.resolve(e),seen);let tot=0;const rows=[...seen].map(f=>[fs.statSync(f).size,path.basename(f)]);rows.forEach(r=>tot+=r[0]);console.log(e,(tot/1024).toFixed(1)+'KB', rows.sort((a,b)=>b[0]-a[0]).slice(0,8).map(r=>r[1]+':'+(r[0]/1024).toFixed(1)).join(' '));}
