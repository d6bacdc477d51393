/**
 * bench/ical.ts's worker-thread variant: expands each feed it is sent off the main thread and
 * posts the result back (the alternative to time slicing measured for decision 026).
 */
import { parentPort } from 'node:worker_threads';
import { type ExpandOptions, expandFeed } from '../src/ical/index.ts';

parentPort?.on('message', async ({ text, options }: { text: string; options: ExpandOptions }) => {
  parentPort?.postMessage(await expandFeed(text, options));
});
