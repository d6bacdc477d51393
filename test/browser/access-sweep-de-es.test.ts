/** The public-page accessibility sweep (access-sweep.ts) in German and Spanish. */
import { sweepPublicPages } from './access-sweep.ts';

sweepPublicPages(['de', 'es']);
