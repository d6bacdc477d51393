import { runBooking } from './bench/booking.ts';
import { removeSeeds } from './bench/seed.ts';
const figs = await runBooking();
for (const f of figs) console.log(f.name.padEnd(45), f.median.toFixed(2), f.p99 ?? '', f.note ?? '');
removeSeeds();
