/**
 * Runs a parsed command symbolically: walks the syntax tree in execution order with a variable
 * environment and a current directory, strips wrappers (exec, sudo, env, timeout …), follows
 * nested shells and command substitutions, and records writes, installs and executables.
 */
import type { Arg, State, Val, Resolved } from './expand.ts';
import { cloneState, Expander, isPseudoFs, resolvePath, unknownArg, unsetReason, valOf } from './expand.ts';
import { detectInstall, WRITERS } from './commands.ts';
import type { CmdCtx } from './commands.ts';
import { getopt, has, last } from './getopt.ts';
import { lex } from './lexer.ts';
import type { Node, Redir } from './parser.ts';
import { parse, plainText, splitAssignment } from './parser.ts';
import type { Src } from './source.ts';
import type { Install, Write } from './types.ts';

/** Nesting of scripts inside scripts (`$(…)`, `sh -c` in `sh -c`). */
const MAX_DEPTH = 8;
/** Commands analysed in all; beyond, the analysis stops with what it found. */
const MAX_STEPS = 10_000;
/** Writes and installs reported at most; beyond, the rest are dropped. */
const MAX_FINDINGS = 1000;
/** A for loop over at most this many known words is analysed once per word. */
const MAX_UNROLL = 16;
const MAX_WRAPPERS = 16;
const MAX_CALL_DEPTH = 4;

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'ksh', 'mksh', 'lksh', 'pdksh', 'zsh', 'hush', 'yash', 'rbash', 'posh']);

/** Builtins and keywords that run no program: left out of executables. */
const BUILTINS = new Set(['cd', 'pushd', 'popd', 'dirs', 'export', 'readonly', 'local', 'declare', 'typeset', 'unset', 'set', 'shift', 'exec', 'command', 'builtin', 'eval', 'source', '.', ':', 'true', 'false', 'return', 'exit', 'break', 'continue', 'trap', 'wait', 'umask', 'read', 'getopts', 'hash', 'type', 'ulimit', 'times', 'jobs', 'fg', 'bg', 'let', 'shopt', 'alias', 'unalias', 'mapfile', 'readarray', 'enable', 'disown', 'suspend', 'caller', 'compgen', 'complete', 'history', 'logout']);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Env = (name: string) => Val | undefined;
type Loc = Pick<Arg, 'raw' | 'arg' | 'offset'>;

function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

interface Unwrapped {
  words: Arg[];
  program: boolean;
  env?: Map<string, Val>;
  chdir?: Arg;
}

export class Analyzer {
  readonly writes: Write[] = [];
  readonly installs: Install[] = [];
  readonly executables: string[] = [];
  heredoc = false;
  script: string | null = null;

  private readonly seen = new Set<string>();
  private readonly exeSeen = new Set<string>();
  private steps = 0;
  private depth = 0;
  private unrolling = 0;
  private callDepth = 0;
  private readonly funcs = new Map<string, { node: Node; src: Src; st: State; called: boolean }>();
  private readonly parsed = new Map<Src, Map<string, Node[]>>();
  private readonly expanders = new Map<Src, Expander>();

  private over(): boolean {
    return this.steps > MAX_STEPS;
  }

  private exp(src: Src): Expander {
    let e = this.expanders.get(src);
    if (!e) {
      e = new Expander(src, { subshell: (s, a, b, st) => this.runScript(s, a, b, cloneState(st)) });
      this.expanders.set(src, e);
    }
    return e;
  }

  // ---- results -------------------------------------------------------------------------------

  private emit(res: Resolved, at: Loc, op: string): void {
    if (res.path !== null && isPseudoFs(res.path)) return;
    const w: Write = res.path === null ? { path: null, raw: at.raw, op, reason: res.reason, arg: at.arg, offset: at.offset } : { path: res.path, raw: at.raw, op, arg: at.arg, offset: at.offset };
    const key = `${op}\0${w.path}\0${w.reason}\0${at.arg}\0${at.offset}\0${at.raw.length}`;
    if (this.seen.has(key) || this.writes.length >= MAX_FINDINGS) return;
    this.seen.add(key);
    this.writes.push(w);
  }

  private install(tool: string, at: Loc): void {
    const key = `install\0${tool}\0${at.arg}\0${at.offset}`;
    if (this.seen.has(key) || this.installs.length >= MAX_FINDINGS) return;
    this.seen.add(key);
    this.installs.push({ tool, raw: at.raw, arg: at.arg, offset: at.offset });
  }

  private exe(name: string): void {
    if (!name || BUILTINS.has(name) || this.exeSeen.has(name)) return;
    this.exeSeen.add(name);
    this.executables.push(name);
  }

  // ---- entry points --------------------------------------------------------------------------

  /** The exec form: argv as the container runtime passes it. */
  runArgv(words: Arg[], st: State): void {
    this.dispatch(words, st, (n) => st.vars.get(n), true);
    this.finishFunctions();
  }

  /** Parses and runs src.text[s, e) as a shell script in state st. */
  runScript(src: Src, s: number, e: number, st: State): void {
    if (this.depth >= MAX_DEPTH || this.over()) return;
    this.steps++;
    let bySrc = this.parsed.get(src);
    if (!bySrc) {
      bySrc = new Map();
      this.parsed.set(src, bySrc);
    }
    const key = `${s}:${e}`;
    let nodes = bySrc.get(key);
    if (!nodes) {
      nodes = parse(lex(src.text, s, e));
      bySrc.set(key, nodes);
    }
    this.depth++;
    try {
      this.walk(nodes, st, src);
    } finally {
      this.depth--;
    }
  }

  /** Functions that were defined but never called may still run (trap, eval): analyse them once. */
  private finishFunctions(): void {
    for (let round = 0; round < 8; round++) {
      const pending = [...this.funcs.values()].filter((f) => !f.called);
      if (!pending.length) return;
      for (const f of pending) {
        f.called = true;
        this.node(f.node, cloneState(f.st), f.src);
      }
    }
  }

  // ---- the tree ------------------------------------------------------------------------------

  private walk(nodes: readonly Node[], st: State, src: Src): void {
    for (const n of nodes) {
      if (this.over()) return;
      this.node(n, st, src);
    }
  }

  private node(n: Node, st: State, src: Src): void {
    this.steps++;
    switch (n.t) {
      case 'cmd':
        this.simple(n, st, src);
        break;
      case 'block':
        this.redirs(n.redirs, st, src);
        this.walk(n.body, n.sub ? cloneState(st) : st, src);
        break;
      case 'for':
        this.redirs(n.redirs, st, src);
        this.forLoop(n, st, src);
        break;
      case 'words':
        for (const w of n.words) this.exp(src).fields(w, st);
        break;
      case 'func':
        this.funcs.set(n.name, { node: n.body, src, st: cloneState(st), called: false });
        break;
    }
  }

  private forLoop(n: Extract<Node, { t: 'for' }>, st: State, src: Src): void {
    const values: Val[] = n.items === null ? [...st.positional] : n.items.flatMap((w) => this.exp(src).fields(w, st)).map((a) => (a.value === null ? { u: a.reason ?? 'unknown value' } : { v: a.value, glob: a.glob }));
    const name = n.name;
    if (values.length === 0) return; // the body never runs
    if (name === null || !NAME.test(name)) {
      this.walk(n.body, st, src);
      return;
    }
    if (this.unrolling === 0 && values.length <= MAX_UNROLL && values.every((v) => 'v' in v)) {
      this.unrolling++;
      try {
        for (const v of values) {
          st.vars.set(name, v);
          this.walk(n.body, st, src);
        }
      } finally {
        this.unrolling--;
      }
      return;
    }
    st.vars.set(name, values.find((v) => 'u' in v) ?? { u: `variable $${name} is set by a for loop` });
    this.walk(n.body, st, src);
  }

  private redirs(rs: readonly Redir[], st: State, src: Src): void {
    const exp = this.exp(src);
    for (const r of rs) {
      if (r.op === '<<' || r.op === '<<-' || r.op === '<<<') {
        this.heredoc = true;
        if (r.op === '<<<' && r.target) exp.single(r.target, st);
        const { raw, offset } = exp.rawRange(r.s, r.target ? r.target.e : r.e);
        const tmp = st.vars.get('TMPDIR');
        const res: Resolved = tmp === undefined || ('v' in tmp && tmp.v === '') ? { path: '/tmp' } : 'u' in tmp ? { path: null, reason: tmp.u } : resolvePath(tmp.v, undefined, false, st.cwd);
        this.emit(res, { raw, arg: src.arg, offset }, 'heredoc');
        continue;
      }
      if (!r.target) continue;
      const a = exp.single(r.target, st);
      if (r.op === '<' || r.op === '<&') continue;
      if (r.op === '>&') {
        // `>&2`, `2>&1`, `>&-`: duplicating a descriptor; `>&$fd` too. bash's `>& file` is `&> file`.
        const t = plainText(r.target);
        if (a.value === null || /^([0-9]+-?|-)$/.test(a.value) || (t !== null && /^[0-9]+-?$/.test(t))) continue;
      }
      const op = r.op === '>>' || r.op === '&>>' ? '>>' : r.op === '<>' ? '<>' : '>';
      this.emit(resolvePath(a.value, a.reason, a.glob, st.cwd), a, op);
    }
  }

  private simple(n: Extract<Node, { t: 'cmd' }>, st: State, src: Src): void {
    const exp = this.exp(src);
    const assignValue = (w: (typeof n.assigns)[number]): { name: string; val: Val } | null => {
      const a = splitAssignment(w);
      if (!a) return null;
      let val: Val = n.arrays.has(w) ? { u: `variable $${a.name} is an array` } : valOf(exp.single(a.value, st));
      if (a.append) {
        const old = st.vars.get(a.name);
        val = old && 'u' in old ? old : 'u' in val ? val : { v: (old && 'v' in old ? old.v : '') + val.v };
      }
      return { name: a.name, val };
    };
    if (n.words.length === 0) {
      // Standalone assignments: in order, each sees the ones before it.
      for (const w of n.assigns) {
        const a = assignValue(w);
        if (a) st.vars.set(a.name, a.val);
      }
      this.redirs(n.redirs, st, src);
      return;
    }
    const scoped = new Map<string, Val>();
    for (const w of n.assigns) {
      const a = assignValue(w);
      if (a) scoped.set(a.name, a.val);
    }
    const words: Arg[] = [];
    for (const w of n.words) for (const f of exp.fields(w, st)) words.push(f);
    this.redirs(n.redirs, st, src);
    if (words.length === 0) {
      for (const [k, v] of scoped) st.vars.set(k, v);
      return;
    }
    const env: Env = (name) => scoped.get(name) ?? st.vars.get(name);
    this.dispatch(words, st, env, false);
  }

  // ---- commands ------------------------------------------------------------------------------

  private dispatch(words: Arg[], st: State, env: Env, top: boolean): void {
    let w = words;
    for (let k = 0; k <= MAX_WRAPPERS; k++) {
      const cmd = w[0];
      if (!cmd || cmd.value === null) return;
      const name = basename(cmd.value);
      if (!name) return;
      const u = k < MAX_WRAPPERS ? this.unwrap(name, w) : null;
      if (!u) {
        this.run(name, w, st, env, top);
        return;
      }
      if (u.program) this.exe(name);
      if (u.env && u.env.size) {
        const outer = env;
        const scoped = u.env;
        env = (n) => scoped.get(n) ?? outer(n);
      }
      if (u.chdir) {
        st = cloneState(st);
        const r = resolvePath(u.chdir.value, u.chdir.reason, false, st.cwd);
        st.cwd = r.path === null ? { u: `relative path after a change to an unknown directory (${r.reason})` } : { v: r.path };
      }
      w = u.words;
    }
  }

  /** A wrapper runs the command in its arguments: returns that command, or null for a plain command. */
  private unwrap(name: string, w: Arg[]): Unwrapped | null {
    const args = w.slice(1);
    const after = (spec: Parameters<typeof getopt>[1], skip = 0): Arg[] => args.slice(getopt(args, { ...spec, posix: true }).stop + skip);
    const assignments = (rest: Arg[]): Unwrapped => {
      const env = new Map<string, Val>();
      let i = 0;
      for (; i < rest.length; i++) {
        const a = rest[i] as Arg;
        const text = a.value ?? a.prefix;
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(text);
        if (!m) break;
        env.set(m[1] ?? '', a.value === null ? { u: a.reason ?? 'unknown value' } : { v: a.value.slice(m[0].length) });
      }
      return { words: rest.slice(i), program: true, env };
    };
    switch (name) {
      case 'exec':
        return { words: after({ short: 'a' }), program: false };
      case 'command': {
        const p = getopt(args, { posix: true });
        if (has(p, 'v', 'V')) return { words: [], program: false };
        return { words: args.slice(p.stop), program: false };
      }
      case 'builtin':
        return { words: args, program: false };
      case 'nohup':
      case 'setsid':
      case 'eatmydata':
      case 'unbuffer':
      case 'catatonit':
      case 'time':
        return { words: after({ short: 'fo' }), program: true };
      case 'sudo': {
        const p = getopt(args, { short: 'ugCDhpRrtUT', long: ['user', 'group', 'close-from', 'chdir', 'host', 'prompt', 'chroot', 'role', 'type', 'other-user', 'command-timeout'], posix: true });
        const u = assignments(args.slice(p.stop));
        const dir = last(p, 'D', 'chdir');
        return dir ? { ...u, chdir: dir } : u;
      }
      case 'doas':
        return { words: after({ short: 'uC' }), program: true };
      case 'env': {
        const p = getopt(args, { short: 'uCS', long: ['unset', 'chdir', 'split-string'], posix: true });
        if (has(p, 'S', 'split-string')) return { words: [], program: true };
        const u = assignments(args.slice(p.stop));
        const dir = last(p, 'C', 'chdir');
        return dir ? { ...u, chdir: dir } : u;
      }
      case 'nice':
        return { words: after({ short: 'n', long: ['adjustment'] }), program: true };
      case 'ionice':
        return { words: after({ short: 'cnpPu', long: ['class', 'classdata', 'pid', 'pgid', 'uid'] }), program: true };
      case 'timeout':
        return { words: after({ short: 'sk', long: ['signal', 'kill-after'] }, 1), program: true };
      case 'stdbuf':
        return { words: after({ short: 'ioe', long: ['input', 'output', 'error'] }), program: true };
      case 'taskset':
        return { words: after({}, 1), program: true };
      case 'chrt':
        return { words: after({ short: 'T', long: ['sched-runtime', 'sched-deadline', 'sched-period'] }, 1), program: true };
      case 'gosu':
      case 'su-exec':
      case 's6-setuidgid':
        return { words: args.slice(1), program: true };
      case 'tini':
      case 'tini-static':
        return { words: after({ short: 'pe' }), program: true };
      case 'dumb-init':
        return { words: after({ short: 'r', long: ['rewrite'] }), program: true };
      case 'busybox':
        return { words: args, program: true };
      case 'runuser': {
        // `runuser -u USER [--] cmd …`; `runuser [-l] USER -c 'script'` is handled like su.
        const p = getopt(args, { short: 'ugGsc', long: ['user', 'group', 'supp-group', 'shell', 'command', 'session-command', 'whitelist-environment'], posix: true });
        if (!has(p, 'u', 'user') || has(p, 'c', 'command', 'session-command')) return null;
        return { words: args.slice(p.stop), program: true };
      }
      case 'xargs': {
        const p = getopt(args, { short: 'IaEdLnPs', optional: 'ile', long: ['arg-file', 'delimiter', 'max-lines', 'max-args', 'max-procs', 'max-chars', 'process-slot-var', 'replace', 'eof'], posix: true });
        const repl = last(p, 'I', 'replace', 'i')?.value ?? (has(p, 'i', 'replace') ? '{}' : null);
        const rest = args.slice(p.stop);
        if (!rest.length) return { words: [], program: true };
        return { words: rest.map((a, i) => (i > 0 && repl && a.value !== null && a.value.includes(repl) ? unknownArg(a, 'argument from xargs') : a)), program: true };
      }
      default:
        return null;
    }
  }

  private run(name: string, words: Arg[], st: State, env: Env, top: boolean): void {
    const cmd = words[0] as Arg;
    const args = words.slice(1);
    const fn = cmd.value !== null && !cmd.value.includes('/') ? this.funcs.get(name) : undefined;
    if (fn) {
      fn.called = true;
      if (this.callDepth >= MAX_CALL_DEPTH) return;
      const saved = st.positional;
      st.positional = args.map(valOf);
      this.callDepth++;
      try {
        this.node(fn.node, st, fn.src);
      } finally {
        this.callDepth--;
        st.positional = saved;
      }
      return;
    }
    if (SHELLS.has(name)) {
      if (!this.shell(name, args, st, top)) this.exe(name);
      return;
    }
    this.exe(name);
    if (this.builtin(name, args, st)) return;
    const ctx = this.context(name, cmd, args, st, env);
    if (name === 'su' || name === 'runuser') {
      const p = getopt(args, { short: 'cgGsw', long: ['command', 'session-command', 'group', 'supp-group', 'shell', 'whitelist-environment'] });
      const script = last(p, 'c', 'command', 'session-command');
      if (script?.inner) this.runScript(script.inner.src, script.inner.s, script.inner.e, cloneState(st));
      return;
    }
    WRITERS.get(name)?.(ctx);
    detectInstall(ctx);
  }

  private context(name: string, cmd: Arg, args: Arg[], st: State, env: Env): CmdCtx {
    return {
      name,
      cmd,
      args,
      write: (a, op) => this.emit(resolvePath(a.value, a.reason, a.glob, st.cwd), a, op),
      writeCwd: (a, op) => this.emit(resolvePath('.', undefined, false, st.cwd), a, op),
      writeUnder: (dir, dirName, sub, a, op) => {
        const base: Val = dir ?? (dirName === '.' ? { v: '.' } : { u: unsetReason(dirName) });
        if ('u' in base) this.emit({ path: null, reason: base.u }, a, op);
        else this.emit(resolvePath(sub ? `${base.v}/${sub}` : base.v, undefined, false, st.cwd), a, op);
      },
      writeUnknown: (a, op, reason) => this.emit({ path: null, reason }, a, op),
      install: (tool, a) => this.install(tool, a),
      env,
      run: (w) => this.dispatch(w, st, env, false),
    };
  }

  /** `sh -c 'script' $0 $1 …`: runs the script; false when the shell runs a file or stdin. */
  private shell(name: string, args: Arg[], st: State, top: boolean): boolean {
    let c = false;
    let i = 0;
    while (i < args.length) {
      const v = args[i]?.value;
      if (v === null || v === undefined) break;
      if (v === '--' || v === '-') {
        i++;
        break;
      }
      if (v.startsWith('--')) {
        if (v === '--rcfile' || v === '--init-file') i++;
        i++;
        continue;
      }
      if ((v.startsWith('-') || v.startsWith('+')) && v.length > 1) {
        for (const ch of v.slice(1)) {
          if (ch === 'c') c = true;
          if (ch === 'o' || ch === 'O') i++;
        }
        i++;
        continue;
      }
      break;
    }
    if (!c) return false;
    const script = args[i];
    if (!script) return true;
    if (top && this.script === null) this.script = script.raw;
    const rest = args.slice(i + 1);
    const inner = cloneState(st);
    inner.arg0 = rest[0] ? valOf(rest[0]) : { v: name };
    inner.positional = rest.slice(1).map(valOf);
    if (script.inner) this.runScript(script.inner.src, script.inner.s, script.inner.e, inner);
    return true;
  }

  /** Builtins that change the shell's state; true when handled. */
  private builtin(name: string, args: Arg[], st: State): boolean {
    switch (name) {
      case 'cd':
      case 'pushd': {
        const p = getopt(args, { posix: true });
        const target = args[p.stop];
        if (!target) {
          const home = st.vars.get('HOME');
          st.cwd = home === undefined ? { u: `relative path after cd to $HOME (${unsetReason('HOME')})` } : 'u' in home ? { u: `relative path after cd to $HOME (${home.u})` } : { v: home.v };
        } else if (target.value === '-') st.cwd = { u: 'relative path after cd -' };
        else {
          const r = resolvePath(target.value, target.reason, target.glob, st.cwd);
          st.cwd = r.path === null ? { u: `relative path after cd to an unknown directory (${r.reason})` } : { v: r.path };
        }
        st.vars.set('PWD', st.cwd);
        return true;
      }
      case 'popd':
        st.cwd = { u: 'relative path after popd' };
        st.vars.set('PWD', st.cwd);
        return true;
      case 'export':
      case 'readonly':
      case 'local':
      case 'declare':
      case 'typeset':
        for (const a of args) {
          const text = a.value ?? a.prefix;
          const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(text);
          if (!m) continue;
          const nm = m[1] ?? '';
          let val: Val = a.value === null ? { u: a.reason ?? 'unknown value' } : { v: a.value.slice(m[0].length) };
          if (m[2] === '+') {
            const old = st.vars.get(nm);
            val = old && 'u' in old ? old : 'u' in val ? val : { v: (old && 'v' in old ? old.v : '') + val.v };
          }
          st.vars.set(nm, val);
        }
        return true;
      case 'unset': {
        if (args.some((a) => a.value === '-f')) return true;
        for (const a of args) if (a.value !== null && NAME.test(a.value)) st.vars.delete(a.value);
        return true;
      }
      case 'set': {
        const dd = args.findIndex((a) => a.value === '--');
        const first = args[0]?.value;
        if (dd >= 0) st.positional = args.slice(dd + 1).map(valOf);
        else if (first !== undefined && first !== null && !first.startsWith('-') && !first.startsWith('+')) st.positional = args.map(valOf);
        return true;
      }
      case 'shift': {
        const n = Number(args[0]?.value ?? '1');
        st.positional = st.positional.slice(Number.isFinite(n) && n > 0 ? Math.floor(n) : 1);
        return true;
      }
      case 'read': {
        const p = getopt(args, { short: 'adinNptu' });
        const names = p.operands.length ? p.operands : [];
        for (const a of names) if (a.value !== null && NAME.test(a.value)) st.vars.set(a.value, { u: `variable $${a.value} is set by read` });
        const arr = last(p, 'a');
        if (arr?.value && NAME.test(arr.value)) st.vars.set(arr.value, { u: `variable $${arr.value} is set by read` });
        if (!names.length && !arr) st.vars.set('REPLY', { u: 'variable $REPLY is set by read' });
        return true;
      }
      case 'getopts': {
        const v = args[1]?.value;
        if (v && NAME.test(v)) st.vars.set(v, { u: `variable $${v} is set by getopts` });
        return true;
      }
      case 'printf': {
        const v = args[0]?.value === '-v' ? args[1]?.value : null;
        if (v && NAME.test(v)) st.vars.set(v, { u: `variable $${v} is set by printf -v` });
        return false;
      }
      case 'mapfile':
      case 'readarray':
        return true;
      case 'eval':
      case 'trap': {
        const code = args[0];
        const isOption = code?.value?.startsWith('-') === true; // trap - EXIT, trap -p
        if (code?.inner && !isOption && (name === 'eval' ? args.length === 1 : true)) this.runScript(code.inner.src, code.inner.s, code.inner.e, name === 'trap' ? cloneState(st) : st);
        return true;
      }
      default:
        return BUILTINS.has(name);
    }
  }
}
