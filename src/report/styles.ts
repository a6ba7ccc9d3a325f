// The page's stylesheet: readable on screen, compact and complete on paper.
export const PAGE_CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--blue:#1f5fbf;--warn:#9a3412}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);margin:0 auto;max-width:1120px;padding:16px 24px}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.25em;border-bottom:2px solid var(--line);padding-bottom:4px;margin-top:1.6em}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:.5em 0}header dt{color:var(--muted)}header dd{margin:0}
nav a{margin-right:12px}
.missing{background:#fff7ed;border-left:4px solid #f97316;padding:6px 10px;margin:.5em 0}
table{border-collapse:collapse;margin:.5em 0;font-variant-numeric:tabular-nums}
caption{text-align:left;color:var(--muted);padding:4px 0;caption-side:top}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;font-weight:600}
.data td:not(:first-child){white-space:nowrap}.data td:first-child{min-width:9em}.data td:last-child{white-space:normal}
#change-table td:last-child{font-size:.88em;color:#32383f}
.counts td:nth-child(9),.counts th:nth-child(9){border-left:2px solid #8c959f}
.ci{color:var(--muted);font-size:.9em}.ok{color:#166534;font-weight:600}.bad{color:#b91c1c;font-weight:600}
svg.dots{width:100%;max-width:760px;height:auto;font-size:12px}
svg .grid{stroke:#eaeef2}svg .ci{stroke:#1f5fbf;stroke-width:3;opacity:.35}svg .target{stroke:#111;stroke-width:2.5}
svg .before{fill:#fff;stroke:#6e7781;stroke-width:2}svg .after{fill:var(--blue)}
figure{margin:1em 0}figcaption{color:var(--muted)}
.staffing-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(500px,1fr));gap:0 24px}
.staffing{margin:.6em 0}.chart{min-height:200px}
.heatmap td,.heatmap th{padding:2px 6px;text-align:center}.heatmap td:first-child,.heatmap th:first-child{text-align:left}
.heatmap td>span{display:block;min-width:2.6em;padding:1px 3px;border-radius:2px}.grid td{min-width:3.2em}
.heat{background:rgba(31,95,191,var(--h));color:hsl(0 0% calc((var(--h) - .5) * 10000%))}
.p0{background:#eef4fc}.p1{background:#d3e3f8}.p2{background:#a9c8f0}.p3{background:#6fa1e3;color:#fff}.p4{background:#3873c9;color:#fff}.p5{background:#1d4f99;color:#fff}
.px{background:#fde2e2;text-decoration:line-through}.chg{outline:2px solid #c2410c;outline-offset:-3px;font-weight:600}.na{color:#afb8c1}
.legend{color:var(--muted)}
.filters{display:flex;gap:16px;align-items:center;margin:.5em 0}.filters input{padding:3px 6px;min-width:18em}
.issues{max-height:24em;overflow:auto}
tr[hidden]{display:none}
h3{font-size:1.05em;margin:1.2em 0 .3em}
header{border-bottom:2px solid var(--line);padding-bottom:6px}
header dl{grid-template-columns:repeat(2,max-content 1fr);font-size:.92em}
header details{font-size:.92em;color:var(--muted)}
.muted{color:var(--muted)}.num{text-align:right}
.summary .headline{font-size:1.12em;margin:.4em 0 .6em;max-width:62em}
.summary-queues td,.summary-queues th{padding:1px 10px}
.first-changes{columns:2;column-gap:32px;padding-left:1.2em;margin:.3em 0}.first-changes li{break-inside:avoid}
details>summary{cursor:pointer;font-weight:600;margin:.4em 0}
.keys{margin:.2em 0;font-size:.9em;color:var(--muted)}.key{margin-right:14px;white-space:nowrap}
.swatch{display:inline-block;width:22px;height:0;vertical-align:middle;margin-right:5px}
svg.strip{width:100%;max-width:980px;height:auto;font-size:11px}
.iv-ok{fill:#4caf72}.iv-bad{fill:#d9534f}.iv-none{fill:#eaeef2}.iv-unknown{fill:#afb8c1}
@media print{
  @page{margin:12mm}
  body{font-size:9.5pt;max-width:none;padding:0}
  .noprint,nav{display:none}
  h2,h3{break-after:avoid}figure,tr{break-inside:avoid}
  .summary{break-after:page}
  header dl{grid-template-columns:repeat(2,max-content 1fr)}
  .first-changes{columns:2}
  a{color:inherit;text-decoration:none}
  .issues{max-height:none;overflow:visible}
  .staffing-grid{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}
  .uplot,.uplot canvas{max-width:100%!important;height:auto!important}.u-legend .u-value{display:none}
  .missing{border-left-color:#000;background:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;
