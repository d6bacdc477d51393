/** The public-page accessibility sweep (access-sweep.ts) in English and French. */
import { sweepPublicPages } from './access-sweep.ts';

sweepPublicPages(['en', 'fr']);
