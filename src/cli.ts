/**
 * rootlock's command line: `rootlock check …` and `rootlock fix …` over the same engine as the
 * editor (src/index.ts). bin/rootlock.mjs registers tsx and calls main(); nothing is built first.
 */
import { check } from './cli/check.ts';
import { fix } from './cli/fix.ts';
import type { Io } from './cli/io.ts';
import { EXIT_OK, EXIT_USAGE, UsageError, processIo } from './cli/io.ts';
import { packageInfo } from './cli/meta.ts';
import { CHECK_HELP, FIX_HELP, HELP, usageFor } from './cli/usage.ts';

export type { Io, Output } from './cli/io.ts';

/**
 * Runs the CLI and resolves to its exit code: 0 fine, 1 problems found (check) or a fix refused
 * (fix), 2 a usage or I/O error. `argv` is process.argv: node, the script, then the arguments.
 * Never throws and never prints a stack trace for a user's mistake.
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const [command, ...rest] = argv.slice(2);
  try {
    switch (command) {
      case undefined:
        throw new UsageError('no command given');
      case '-h':
      case '--help':
        io.stdout.write(HELP);
        return EXIT_OK;
      case 'help':
        io.stdout.write(rest[0] === 'check' ? CHECK_HELP : rest[0] === 'fix' ? FIX_HELP : HELP);
        return EXIT_OK;
      case '-v':
      case '--version':
        io.stdout.write(`${packageInfo().version}\n`);
        return EXIT_OK;
      case 'check':
        return await check(rest, io);
      case 'fix':
        return await fix(rest, io);
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option "${command}"` : `unknown command "${command}": use check or fix`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`rootlock: ${err.message}\n\n${usageFor(err.command)}\nRun "rootlock ${err.command ? `${err.command} ` : ''}--help" for details.\n`);
      return EXIT_USAGE;
    }
    const e = err as Error;
    io.stderr.write(`rootlock: internal error: ${e?.message ?? String(err)}\nThis is a bug in rootlock, not in your files; please report it with the command you ran.${io.env.ROOTLOCK_DEBUG ? `\n${e?.stack ?? ''}` : ' (Set ROOTLOCK_DEBUG=1 to see where it happened.)'}\n`);
    return EXIT_USAGE;
  }
}
