const fs=require('fs');const f=fs.readdirSync('/tmp/prof').map(x=>'/tmp/prof/'+x)[0];
const p=JSON.parse(fs.readFileSync(f));const byId=new Map(p.nodes.map(n=>[n.id,n]));
const parent=new Map();for(const n of p.nodes)for(const c of n.children||[])parent.set(c,n.id);
const incl=new Map();const dt=p.timeDeltas;
p.samples.forEach((s,i)=>{let id=s;const seen=new Set();while(id!==undefined){const n=byId.get(id);const url=n.callFrame.url.replace(/.*\//,'');if(url.includes('.cjs')&&!seen.has(url)){seen.add(url);incl.set(url,(incl.get(url)||0)+(dt[i]||0));}id=parent.get(id);}});
console.log('total', (p.endTime-p.startTime)/1000);
console.log([...incl].sort((a,b)=>b[1]-a[1]).slice(0,25).map(([k,v])=>(v/1000).toFixed(2)+'ms '+k).join('\n'));
const self=new Map();p.samples.forEach((s,i)=>{const n=byId.get(s);const k=n.callFrame.functionName+' '+n.callFrame.url.replace(/.*\//,'')+':'+n.callFrame.lineNumber;self.set(k,(self.get(k)||0)+(dt[i]||0));});
console.log([...self].sort((a,b)=>b[1]-a[1]).slice(0,20).map(([k,v])=>(v/1000).toFixed(2)+'ms '+k).join('\n'))
