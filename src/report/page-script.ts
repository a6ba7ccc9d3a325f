// The page's own script (plain ES2017, runs in the reader's browser): draws the staffing curves with uPlot,
// filters the change list, opens every <details> for printing. Kept as a string: it never runs in Node.
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var charts = [];
  function width(el) { return Math.max(300, Math.min(1000, el.clientWidth || 520)); }
  var stepped = uPlotOk() && uPlot.paths && uPlot.paths.stepped ? uPlot.paths.stepped({ align: 1 }) : undefined;
  function uPlotOk() { return typeof uPlot === 'function'; }
  function drawCharts() {
    var nodes = document.querySelectorAll('.chart[data-series]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var s = data.staffing[Number(el.getAttribute('data-series'))];
      if (!s) continue;
      if (!uPlotOk()) { el.textContent = 'Chart unavailable in this viewer: see the table below.'; continue; }
      var xs = s.labels.map(function (_, k) { return k; });
      var st = data.style;
      // No live legend: uPlot's shows "--" until hovered; the figure carries a static key instead.
      var series = [{ label: 'Interval' },
        { label: 'required (Erlang C)', stroke: st.erlangC.stroke, width: 2, fill: 'rgba(31,95,191,0.08)', paths: stepped, points: { show: false } }];
      var values = [xs, s.erlangC];
      if (s.erlangA) { series.push({ label: 'required (Erlang A)', stroke: st.erlangA.stroke, width: 2, dash: st.erlangA.dash, paths: stepped, points: { show: false } }); values.push(s.erlangA); }
      (s.available || []).forEach(function (a, k) {
        var look = st.available[k % st.available.length];
        series.push({ label: a.label, stroke: look.stroke, width: 2, dash: look.dash, paths: stepped, points: { show: false } });
        values.push(a.values);
      });
      var opts = {
        width: width(el), height: 200,
        legend: { show: false },
        scales: { x: { time: false } },
        axes: [{ label: s.axisLabel, values: function (u, splits) { return splits.map(function (k) { return s.ticks[k] == null ? '' : s.ticks[k]; }); } }, { label: 'agents' }],
        series: series,
      };
      charts.push({ el: el, plot: new uPlot(opts, values, el) });
    }
  }
  function resize() { charts.forEach(function (c) { c.plot.setSize({ width: width(c.el), height: 200 }); }); }
  function filterChanges() {
    var table = document.getElementById('change-table');
    if (!table) return;
    var text = document.getElementById('change-filter').value.trim().toLowerCase();
    var action = document.getElementById('change-action').value;
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!text || r.textContent.toLowerCase().indexOf(text) >= 0) && (!action || r.cells[2].textContent === action);
      r.hidden = !ok;
      if (ok) shown++;
    }
    document.getElementById('change-count').textContent = shown + ' shown';
  }
  drawCharts();
  window.addEventListener('resize', resize);
  // Printing opens the collapsed details (the changes with their reasons) except those marked data-print="closed":
  // the per-agent matrix and the number tables behind the charts (long; the printed charts and lists carry them).
  window.addEventListener('beforeprint', function () {
    var d = document.querySelectorAll('details:not([data-print="closed"])');
    for (var i = 0; i < d.length; i++) d[i].open = true;
    resize();
  });
  window.addEventListener('afterprint', resize);
  var f = document.getElementById('change-filter');
  if (f) { f.addEventListener('input', filterChanges); document.getElementById('change-action').addEventListener('change', filterChanges); }
})();`;
