/**
 * A static analyser for container commands: where `command` / `args` write on the filesystem (a
 * read-only root makes those writes fail) and whether they install packages at run time.
 *
 * The exec form (`[cp, -r, /src, /dst]`) is one command; `sh -c 'script'` (bash, ash, dash …,
 * also behind tini, dumb-init, env …) is parsed as a POSIX shell script with the bash extensions
 * manifests use. Values come from the container env, the script's own assignments and
 * workingDir; what is only known at run time is reported with the reason. Pure and total: no
 * input throws or loops, and scripts are analysed up to their first 100 KB.
 *
 * The kubelet's own `$(VAR)` / `$$` substitution in command and args is applied first, as the
 * container sees it. Conditions are not evaluated: every branch of if/case and every loop body is
 * analysed once, in order (a for loop over ≤ 16 known words once per word). Not modelled: script
 * files (`sh /entrypoint.sh`, `source`), `eval` of a computed string, command substitutions inside
 * here-document bodies, arrays, `${x/a/b}` and `${x:1:2}` (unknown), aliases, `set -f`/IFS changes,
 * and the extra files programs write on their own (logs, caches) beyond the installers' known ones.
 */
import { Analyzer } from './analyze.ts';
import type { State, Val } from './expand.ts';
import { execArg, normalize } from './expand.ts';
import type { EnvValue } from './source.ts';
import { kubeExpand, makeSrc, sentinelIn } from './source.ts';
import type { CommandAnalysis, CommandInput } from './types.ts';

export type { CommandAnalysis, CommandInput, Install, Write } from './types.ts';

const MAX_ARGV = 1000;
const MAX_ENV = 1000;
const MAX_ENV_VALUE = 100_000;

function strings(xs: unknown): string[] {
  if (!Array.isArray(xs)) return [];
  return xs.slice(0, MAX_ARGV).map((x) => (typeof x === 'string' ? x : x === null || x === undefined ? '' : String(x)));
}

/** The container env as the kubelet builds it: `$(NAME)` in a value refers to a var defined before it. */
function environment(env: CommandInput['env']): { vars: Map<string, Val>; kube: Map<string, EnvValue> } {
  const vars = new Map<string, Val>();
  const kube = new Map<string, EnvValue>();
  if (!env || typeof env !== 'object') return { vars, kube };
  for (const [name, raw] of Object.entries(env).slice(0, MAX_ENV)) {
    if (raw === undefined || raw === null || typeof raw !== 'string') {
      kube.set(name, { valueFrom: true });
      vars.set(name, { u: `variable $${name} is set from valueFrom` });
      continue;
    }
    const x = kubeExpand(raw.slice(0, MAX_ENV_VALUE), (n) => kube.get(n));
    const ref = sentinelIn({ arg: 0, orig: raw, text: x.text, starts: null, ends: null, sentinels: x.sentinels }, x.text);
    if (ref !== null) {
      kube.set(name, { valueFrom: true });
      vars.set(name, { u: `variable $${ref} is set from valueFrom` });
    } else {
      kube.set(name, { known: x.text });
      vars.set(name, { v: x.text });
    }
  }
  return { vars, kube };
}

function emptyAnalysis(a: Analyzer): CommandAnalysis {
  return { writes: a.writes, installs: a.installs, script: a.script, executables: a.executables, heredoc: a.heredoc };
}

/** Like analyzeCommand, but lets an internal error through (for tests). */
export function analyzeCommandStrict(input: CommandInput, analyzer = new Analyzer()): CommandAnalysis {
  const argv = [...strings(input?.command), ...strings(input?.args)].slice(0, MAX_ARGV);
  const { vars, kube } = environment(input?.env);
  const wd = typeof input?.workingDir === 'string' && input.workingDir !== '' ? input.workingDir : null;
  const cwd: Val = wd === null ? { u: 'relative path and no workingDir' } : { v: normalize(wd.startsWith('/') ? wd : `/${wd}`) };
  if (!vars.has('PWD')) vars.set('PWD', cwd);
  const st: State = { vars, cwd, arg0: { v: 'sh' }, positional: [] };
  const words = argv.map((a, i) => execArg(makeSrc(a, i, (n) => kube.get(n))));
  analyzer.runArgv(words, st);
  return emptyAnalysis(analyzer);
}

/** Analyses a container's command and args. Never throws: on an internal error, returns what was found. */
export function analyzeCommand(input: CommandInput): CommandAnalysis {
  const analyzer = new Analyzer();
  try {
    return analyzeCommandStrict(input, analyzer);
  } catch {
    return emptyAnalysis(analyzer);
  }
}
