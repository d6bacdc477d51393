// @ts-check
/**
 * The reports page's charts (SPEC §12): each <canvas data-table="…"> is drawn with Chart.js from
 * the table beside it — the first column gives the labels, the next `data-series` columns one
 * series each — so the chart and its accessible table can never disagree. No inline script (CSP).
 */
/* global Chart */

const COLOURS = ['#3949ab', '#c62828', '#6d4c41', '#2e7d32', '#ef6c00', '#00838f'];

for (const canvas of /** @type {NodeListOf<HTMLCanvasElement>} */ (document.querySelectorAll('canvas[data-table]'))) {
  const table = document.getElementById(canvas.dataset.table ?? '');
  if (!table) continue;
  const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
  const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent ?? ''));
  const count = Number(canvas.dataset.series ?? heads.length - 1);
  const kind = canvas.dataset.kind === 'line' ? 'line' : 'bar';
  // @ts-expect-error Chart is the UMD global of chart.umd.min.js
  new Chart(canvas, {
    type: kind,
    data: {
      labels: rows.map((r) => r[0]),
      datasets: heads.slice(1, 1 + count).map((label, i) => ({
        label,
        data: rows.map((r) => (r[i + 1] === '' ? null : Number(r[i + 1]))),
        backgroundColor: COLOURS[i % COLOURS.length],
        borderColor: COLOURS[i % COLOURS.length],
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true } },
    },
  });
}
