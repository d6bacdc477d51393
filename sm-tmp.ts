import { runServerMode } from './bench/server-mode.ts';
const figs = await runServerMode();
for (const f of figs) console.log(f.name.padEnd(45), f.median.toFixed(2), f.p99 ?? '', f.note ?? '');
