#!/usr/bin/env node
// rootlock's command line, run straight from the TypeScript sources: tsx compiles src/ on the fly,
// so `npx rootlock` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();

// A reader that goes away (`rootlock check . | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE' && stream !== process.stderr) process.stderr.write(`rootlock: cannot write the output: ${err.message}\n`);
    process.exit(err.code === 'EPIPE' ? (process.exitCode ?? 0) : 2);
  });
}

const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv);
