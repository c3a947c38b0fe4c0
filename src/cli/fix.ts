import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { applyFixes } from '../index.ts';
import type { AppliedFix, Applicability, FixAllResult } from '../index.ts';
import { parseArgs } from './args.ts';
import type { Input } from './files.ts';
import { decode, describeIoError, encode, readInput, writeInPlace } from './files.ts';
import type { Io } from './io.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, plural } from './io.ts';
import { FIX_HELP } from './usage.ts';

export async function fix(args: readonly string[], io: Io): Promise<number> {
  const { options, positionals } = parseArgs(args, [
    { name: 'write', short: 'w' },
    { name: 'safe-only' },
    { name: 'help', short: 'h' },
  ], 'fix');
  if (options.has('help')) {
    io.stdout.write(FIX_HELP);
    return EXIT_OK;
  }
  const write = options.has('write');
  const safeOnly = options.has('safe-only');
  if (!positionals.length) throw new UsageError(`fix needs a FILE${write ? '' : ' (or - for standard input)'}`, 'fix');
  if (write && positionals.includes('-')) throw new UsageError('fix --write cannot write back to standard input: leave out --write to print the fixed manifest', 'fix');
  if (!write && positionals.length > 1) {
    throw new UsageError(`fix without --write prints one fixed manifest to standard output, but ${positionals.length} files were given: add --write to fix them in place`, 'fix');
  }
  const applicability: Exclude<Applicability, 'manual'>[] = safeOnly ? ['safe'] : ['safe', 'unsafe'];

  let exit = EXIT_OK;
  const worse = (code: number) => { exit = Math.max(exit, code); };
  const seen = new Set<string>();
  for (const arg of positionals) {
    const input = await toInput(arg, io);
    if (typeof input === 'string') {
      io.stderr.write(`rootlock: ${input}\n`);
      worse(EXIT_USAGE);
      continue;
    }
    const key = input.kind === 'file' ? input.abs : '-';
    if (seen.has(key)) continue;
    seen.add(key);
    worse(await fixOne(input, { write, safeOnly, applicability }, io));
  }
  return exit;
}

/** A FILE argument as an input, or a message saying why it cannot be one. */
async function toInput(arg: string, io: Io): Promise<Input | string> {
  if (arg === '-') return { kind: 'stdin', display: '<stdin>' };
  const abs = resolve(io.cwd, arg);
  try {
    const st = await stat(abs);
    if (st.isDirectory()) return `${arg} is a directory: fix takes files (rootlock check ${arg} lists the problems in it)`;
  } catch (err) {
    return `cannot read ${arg}: ${describeIoError(err)}`;
  }
  return { kind: 'file', display: arg, abs };
}

interface FixOptions {
  write: boolean;
  safeOnly: boolean;
  applicability: Exclude<Applicability, 'manual'>[];
}

async function fixOne(input: Input, opts: FixOptions, io: Io): Promise<number> {
  const name = input.display;
  let bytes: Uint8Array;
  try {
    bytes = await readInput(input, io);
  } catch (err) {
    io.stderr.write(`rootlock: cannot read ${name}: ${describeIoError(err)}\n`);
    return EXIT_USAGE;
  }
  const decoded = decode(bytes);
  if (!decoded.ok) {
    io.stderr.write(`rootlock: ${name}:${decoded.line}:${decoded.column}: ${decoded.message} Nothing was ${opts.write ? 'written' : 'printed'}.\n`);
    return EXIT_PROBLEMS;
  }
  const r = applyFixes(decoded.text, { applicability: opts.applicability });
  if (r.refused) {
    io.stderr.write(`rootlock: ${name}: fix refused: ${r.refused}. Nothing was ${opts.write ? 'written' : 'printed'}.\n`);
    return EXIT_PROBLEMS;
  }
  const changed = r.text !== decoded.text;
  if (opts.write) {
    if (changed && input.kind === 'file') {
      try {
        await writeInPlace(input.abs, encode(r.text, decoded.encoding));
      } catch (err) {
        io.stderr.write(`rootlock: cannot write ${name}: ${describeIoError(err)}\n`);
        return EXIT_USAGE;
      }
    }
  } else {
    io.stdout.write(changed ? encode(r.text, decoded.encoding) : bytes);
  }
  io.stderr.write(describeResult(name, r, changed, opts));
  return r.analysis.diagnostics.some((d) => d.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
}

function where(a: AppliedFix): string {
  return `${a.kind} "${a.name}"${a.container !== undefined ? `, container "${a.container}"` : ''}`;
}

/** What was applied, what the file still holds, on standard error. */
function describeResult(name: string, r: FixAllResult, changed: boolean, opts: FixOptions): string {
  const lines: string[] = [];
  if (!changed || !r.applied.length) {
    lines.push(`${name}: nothing to fix${opts.safeOnly ? ' with safe fixes' : ''}`);
  } else {
    lines.push(`${name}: ${'applied'} ${plural(r.applied.length, 'fix', 'fixes')}:`);
    for (const a of r.applied) lines.push(`  ${a.title}  (${where(a)})  [${a.ruleId}]`);
  }
  for (const d of r.analysis.diagnostics) {
    if (d.severity === 'error') lines.push(`${name}:${d.range.line}:${d.range.column}: error: ${d.message} (rootlock leaves a document it cannot parse as it is)`);
  }
  const left = r.analysis.findings;
  if (left.length) {
    const count = (s: string) => left.filter((f) => f.severity === s).length;
    const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('info'), 'info')];
    let line = `${name}: ${parts.join(', ')} left`;
    const unsafe = opts.safeOnly ? left.filter((f) => f.fixes.some((x) => x.applicability === 'unsafe')).length : 0;
    if (unsafe) line += `, ${unsafe} of them with an unsafe fix that --safe-only left out`;
    lines.push(`${line}; run "rootlock check ${name === '<stdin>' ? '-' : name}" to see them`);
  }
  return lines.map((l) => `${l}\n`).join('');
}
