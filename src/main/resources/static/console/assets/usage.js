// The usage page's chart: drawn by uPlot from the numbers of the table it stands beside (the table
// stays the accessible form of the same data; the chart is hidden from screen readers).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-chart]').forEach(function (box) {
    var table = document.getElementById(box.getAttribute('data-chart'));
    if (!table || typeof uPlot !== 'function') {
      return;
    }
    var xs = [];
    var ys = [];
    table.querySelectorAll('tbody tr').forEach(function (row) {
      xs.push(Date.parse(row.getAttribute('data-x') + 'T00:00:00Z') / 1000);
      ys.push(Number(row.getAttribute('data-y')));
    });
    var options = {
      width: Math.max(240, box.clientWidth),
      height: 220,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      series: [{}, { label: 'Spent (USD)', stroke: '#1f77b4', fill: 'rgba(31,119,180,0.15)' }],
      axes: [{}, { size: 60 }]
    };
    box.chart = new uPlot(options, [xs, ys], box);
    box.setAttribute('data-drawn', 'true');
  });
});
