// V8 settings of every slotwise process (decision 037), applied before any WebAssembly is compiled.
// PGlite's PostgreSQL (9 MB of WebAssembly) runs on V8's baseline compiler (Liftoff) only: V8's
// optimising tier recompiles the hot part of it in the background for minutes after a start, and
// keeps both copies: about 55 MB more resident memory and more CPU than a booking saves in a
// run of this length (figures in docs/PERFORMANCE.md). An operator who passes a WebAssembly tier
// flag (node --wasm-tier-up …, NODE_OPTIONS) keeps it. Plain JavaScript: runs before any loader.
import { setFlagsFromString } from 'node:v8';

const TIER_FLAG = /--(no-)?(liftoff-only|liftoff|wasm-tier-up|wasm-dynamic-tiering)(=|\s|$)/;

/** Whether Liftoff-only was applied (false: the operator chose a tier). */
export function applyV8Settings(
  execArgv = process.execArgv,
  nodeOptions = process.env.NODE_OPTIONS ?? '',
  set = setFlagsFromString,
) {
  if ([...execArgv, nodeOptions].some((arg) => TIER_FLAG.test(arg))) return false;
  set('--liftoff-only');
  return true;
}
