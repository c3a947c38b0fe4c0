import { UsageError } from './io.ts';

export interface OptionSpec {
  /** Long name without dashes, e.g. 'format'. */
  name: string;
  short?: string;
  /** Takes a value (`--format json`, `--format=json`, `-f json`). */
  value?: boolean;
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
}

/**
 * A small, strict parser: options may come before or after the positionals, `--` ends them, and
 * `-` on its own is a positional (standard input). Anything unknown is a UsageError naming it.
 */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], command: string): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) inline = arg.slice(eq + 1);
      spec = byLong.get(name);
    } else {
      spec = byShort.get(arg.slice(1, 2));
      if (spec && arg.length > 2) {
        if (!spec.value) spec = undefined; // no bundling of flags: -wx is unknown
        else inline = arg.slice(2);
      }
    }
    if (!spec) throw new UsageError(`unknown option "${arg}" for "rootlock ${command}"`, command);
    const shown = arg.startsWith('--') ? `--${spec.name}` : `-${spec.short}`;
    if (spec.value) {
      let v = inline;
      if (v === undefined) {
        const next = args[i + 1];
        if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`option "${shown}" needs a value`, command);
        v = next;
        i++;
      }
      if (v === '') throw new UsageError(`option "${shown}" needs a value`, command);
      options.set(spec.name, v);
    } else {
      if (inline !== undefined) throw new UsageError(`option "${shown}" takes no value (got "${arg}")`, command);
      options.set(spec.name, true);
    }
  }
  return { options, positionals };
}
