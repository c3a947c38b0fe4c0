import { analyze, isPssVersion } from '../index.ts';
import type { PssVersion } from '../index.ts';
import { parseArgs } from './args.ts';
import { decode, describeIoError, expandPaths, readInput } from './files.ts';
import { formatJson } from './format-json.ts';
import { formatSarif } from './format-sarif.ts';
import { formatText } from './format-text.ts';
import type { Io } from './io.ts';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, useColour } from './io.ts';
import { packageInfo } from './meta.ts';
import type { FileResult } from './report.ts';
import { totals, unreadableAnalysis } from './report.ts';
import { CHECK_HELP } from './usage.ts';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export async function check(args: readonly string[], io: Io): Promise<number> {
  const { options, positionals } = parseArgs(args, [
    { name: 'format', short: 'f', value: true },
    { name: 'stdin-filename', value: true },
    { name: 'pss-version', value: true },
    { name: 'help', short: 'h' },
  ], 'check');
  if (options.has('help')) {
    io.stdout.write(CHECK_HELP);
    return EXIT_OK;
  }
  const format = (options.get('format') ?? 'text') as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}": use text, json or sarif`, 'check');
  if (!positionals.length) throw new UsageError('check needs at least one FILE, DIR or - (standard input)', 'check');
  const stdinName = options.get('stdin-filename');
  const pssOption = options.get('pss-version') ?? 'latest';
  if (typeof pssOption !== 'string' || !isPssVersion(pssOption)) throw new UsageError(`--pss-version takes latest or v1.N (e.g. v1.32), not "${String(pssOption)}"`, 'check');
  const pssVersion: PssVersion = pssOption;

  const { inputs, errors } = await expandPaths(positionals, io, typeof stdinName === 'string' ? stdinName : '<stdin>');
  let unreadable = errors.length;
  for (const e of errors) io.stderr.write(`rootlock: ${e}\n`);

  const results: FileResult[] = [];
  for (const input of inputs) {
    if (input.kind === 'stdin' && io.stdinIsTTY) io.stderr.write('rootlock: reading a manifest from standard input (end it with Ctrl-D)\n');
    let bytes: Uint8Array;
    try {
      bytes = await readInput(input, io);
    } catch (err) {
      io.stderr.write(`rootlock: cannot read ${input.display}: ${describeIoError(err)}\n`);
      unreadable++;
      continue;
    }
    const d = decode(bytes);
    results.push({
      display: input.display,
      abs: input.kind === 'file' ? input.abs : undefined,
      analysis: d.ok ? analyze(d.text, { pssVersion }) : unreadableAnalysis('encoding', d.message, d.line, d.column),
    });
  }

  io.stdout.write(render(format as Format, results, io, unreadable));
  if (unreadable) return EXIT_USAGE;
  return totals(results).errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function render(format: Format, results: FileResult[], io: Io, unreadable: number): string {
  switch (format) {
    case 'json': return formatJson(results);
    case 'sarif': return formatSarif(results, packageInfo(), io.cwd);
    case 'text': return formatText(results, { colour: useColour(io), unreadable });
  }
}
