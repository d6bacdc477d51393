#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx (docs/decisions/002-run-typescript-with-tsx.md).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
