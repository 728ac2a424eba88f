// A small, self-contained GraphQL explorer (no CDN, no external assets): GET /graphql from a
// browser. It posts to /graphql and lists the schema's root fields from introspection.
export const EXPLORER_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>yuscan GraphQL explorer</title>
<style>
body{margin:0;font:14px system-ui,sans-serif;display:grid;grid-template-columns:260px 1fr 1fr;grid-template-rows:auto 1fr auto;height:100vh;color:#1d2330}
header{grid-column:1/4;padding:8px 12px;background:#12345a;color:#fff;display:flex;gap:12px;align-items:center}
header button{font:inherit;padding:4px 14px;cursor:pointer}
aside{overflow:auto;border-right:1px solid #ccd;padding:8px;font-size:12px}
aside h3{margin:8px 0 4px}aside code{display:block;cursor:pointer;padding:2px 0}
textarea,pre{margin:0;border:0;padding:10px;font:13px ui-monospace,monospace;overflow:auto;resize:none}
textarea{border-right:1px solid #ccd}pre{background:#f6f7fa}
#vars{grid-column:2;height:80px;border-top:1px solid #ccd}
</style></head><body>
<header><strong>yuscan GraphQL</strong><button id="run">Run ▶ (Ctrl-Enter)</button><span id="info"></span><a href="/api/openapi.json" style="color:#fff;margin-left:auto">Etherscan-compatible /api (OpenAPI)</a></header>
<aside id="docs">loading schema…</aside>
<textarea id="q" spellcheck="false">{
  status { chainId isDevnet chainHead indexedHead lag syncing }
  kpis { id current target progress expectedProgress status }
  blocks(first: 5) { edges { node { number hash timestamp txCount } } }
}</textarea>
<pre id="out"></pre>
<textarea id="vars" spellcheck="false" placeholder="variables (JSON)"></textarea>
<script>
const q=document.getElementById('q'),out=document.getElementById('out'),vars=document.getElementById('vars'),info=document.getElementById('info');
async function gql(query,variables){const r=await fetch(location.pathname,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({query,variables})});return [r.status,await r.json()];}
async function run(){let v;try{v=vars.value.trim()?JSON.parse(vars.value):undefined}catch(e){out.textContent='variables: '+e.message;return}
const t=performance.now();const [s,j]=await gql(q.value,v);info.textContent='HTTP '+s+' · '+Math.round(performance.now()-t)+' ms';out.textContent=JSON.stringify(j,null,2);}
document.getElementById('run').onclick=run;
document.addEventListener('keydown',e=>{if((e.ctrlKey||e.metaKey)&&e.key==='Enter')run();});
gql('{__schema{queryType{fields{name description args{name}}}subscriptionType{fields{name description}}}}').then(([,j])=>{
const d=document.getElementById('docs');d.textContent='';const s=j.data.__schema;
for(const [title,fs] of [['Query',s.queryType.fields],['Subscription',(s.subscriptionType||{fields:[]}).fields]]){
const h=document.createElement('h3');h.textContent=title;d.appendChild(h);
for(const f of fs){const c=document.createElement('code');c.textContent=f.name+(f.args&&f.args.length?'('+f.args.map(a=>a.name).join(', ')+')':'');c.title=f.description||'';d.appendChild(c);}}
}).catch(e=>{document.getElementById('docs').textContent=String(e)});
</script></body></html>`;
