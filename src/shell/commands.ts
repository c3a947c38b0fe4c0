/**
 * What common commands write, and which install packages: one handler per command name, each
 * reading its arguments the way the real tool does (GNU coreutils, busybox, curl, wget, tar …).
 */
import type { Arg, Val } from './expand.ts';
import { subArg, unknownArg } from './expand.ts';
import type { Parsed } from './getopt.ts';
import { all, getopt, has, last } from './getopt.ts';

export interface CmdCtx {
  /** Basename of the command. */
  readonly name: string;
  /** The command word. */
  readonly cmd: Arg;
  /** The arguments after the command word. */
  readonly args: readonly Arg[];
  /** A write to the path an argument names (relative to the current directory). */
  write(a: Arg, op: string): void;
  /** A write to the current directory, pointed at by `a`. */
  writeCwd(a: Arg, op: string): void;
  /** A write to `dir` + `/` + `sub` where dir is a variable (HOME, TMPDIR …) or a known path. */
  writeUnder(dir: Val | undefined, dirName: string, sub: string, a: Arg, op: string): void;
  /** A write whose path is only known at run time. */
  writeUnknown(a: Arg, op: string, reason: string): void;
  install(tool: string, a: Arg): void;
  env(name: string): Val | undefined;
  /** Runs a nested command (find -exec, xargs). */
  run(words: Arg[]): void;
}

type Handler = (c: CmdCtx) => void;

function isStdio(a: Arg): boolean {
  return a.value === '-';
}

/** cp, mv, install, ln: the destination is `-t DIR` or the last operand. */
function destination(p: Parsed): Arg | null {
  const t = last(p, 't', 'target-directory');
  if (t) return t;
  if (p.operands.length >= 2) return p.operands[p.operands.length - 1] ?? null;
  return null;
}

const COPY_LONG = ['target-directory', 'suffix'];

const cpLike =
  (op: string): Handler =>
  (c) => {
    const p = getopt(c.args, { short: 'St', long: COPY_LONG });
    const d = destination(p);
    if (d) c.write(d, op);
  };

const eachOperand =
  (op: string, short = '', long: string[] = []): Handler =>
  (c) => {
    const p = getopt(c.args, { short, long });
    for (const a of p.operands) if (!isStdio(a)) c.write(a, op);
  };

/** chmod MODE FILE…, chown OWNER FILE…: the first operand is not a file unless --reference. */
const modeThenFiles =
  (op: string): Handler =>
  (c) => {
    const operands: Arg[] = [];
    let reference = false;
    let rest = false;
    for (const a of c.args) {
      const v = a.value;
      if (rest || v === null || !v.startsWith('-') || v === '-') {
        operands.push(a);
        continue;
      }
      if (v === '--') rest = true;
      else if (v.startsWith('--reference')) reference = true;
      else if (v.startsWith('--')) continue;
      else if (/^-[RcfvhHLP]+$/.test(v)) continue;
      else operands.push(a); // chmod -x FILE: a mode
    }
    for (const a of operands.slice(reference ? 0 : 1)) c.write(a, op);
  };

function tar(c: CmdCtx): void {
  let args = [...c.args];
  const first = args[0];
  // Old style: `tar xzf file.tgz -C dir` — letters without a dash, values taken in order.
  if (first && first.value !== null && /^[A-Za-z]+$/.test(first.value)) {
    const expanded: Arg[] = [];
    let k = 1;
    for (const letter of first.value) {
      expanded.push({ ...first, value: `-${letter}` });
      if ('bCfFgHIKLNTVX'.includes(letter) && args[k]) expanded.push(args[k++] as Arg);
    }
    args = [...expanded, ...args.slice(k)];
  }
  const p = getopt(args, {
    short: 'bCfFgHIKLNTVX',
    long: ['file', 'directory', 'exclude', 'files-from', 'exclude-from', 'format', 'use-compress-program', 'transform', 'xform', 'owner', 'group', 'mode', 'mtime', 'newer', 'after-date', 'label', 'blocking-factor', 'record-size', 'listed-incremental', 'strip-components', 'to-command', 'info-script', 'new-volume-script', 'checkpoint-action', 'warning', 'suffix', 'volno-file', 'rsh-command', 'backup', 'hole-detection', 'newer-mtime', 'exclude-tag', 'exclude-tag-all', 'exclude-tag-under', 'occurrence', 'sort', 'quoting-style', 'tape-length', 'index-file'],
  });
  const mode = p.opts.find((o) => 'xcru'.includes(o.name) || ['extract', 'get', 'create', 'append', 'update'].includes(o.name));
  if (!mode) return;
  if (mode.name === 'x' || mode.name === 'extract' || mode.name === 'get') {
    if (has(p, 'O', 'to-stdout', 'to-command')) return;
    const dir = last(p, 'C', 'directory');
    if (dir) c.write(dir, 'tar -x');
    else c.writeCwd(mode.word, 'tar -x');
    return;
  }
  const file = last(p, 'f', 'file');
  if (file && !isStdio(file)) c.write(file, 'tar -c');
}

const CURL_SHORT = 'AbcCdDeEFHKmoPQrTtuUwXxYyz';
const CURL_LONG = ['output', 'output-dir', 'user-agent', 'cookie', 'cookie-jar', 'continue-at', 'data', 'data-raw', 'data-binary', 'data-urlencode', 'data-ascii', 'dump-header', 'referer', 'cert', 'cert-type', 'form', 'form-string', 'header', 'config', 'max-time', 'connect-timeout', 'proxy', 'proxy-user', 'request', 'user', 'write-out', 'upload-file', 'range', 'retry', 'retry-delay', 'retry-max-time', 'cacert', 'capath', 'key', 'key-type', 'resolve', 'url', 'time-cond', 'trace', 'trace-ascii', 'stderr', 'limit-rate', 'interface', 'oauth2-bearer', 'json', 'proto', 'proto-redir', 'max-filesize', 'max-redirs', 'ciphers', 'connect-to', 'dns-servers', 'expect100-timeout', 'hostpubmd5', 'keepalive-time', 'local-port', 'netrc-file', 'noproxy', 'pass', 'pinnedpubkey', 'preproxy', 'proxy-header', 'pubkey', 'quote', 'random-file', 'unix-socket', 'abstract-unix-socket', 'variable', 'aws-sigv4', 'happy-eyeballs-timeout-ms', 'speed-limit', 'speed-time', 'tls-max', 'tlsuser', 'tlspassword', 'service-name', 'socks4', 'socks4a', 'socks5', 'socks5-hostname', 'socks5-gssapi-service', 'mail-from', 'mail-rcpt', 'mail-auth', 'login-options', 'sasl-authzid', 'delegation', 'engine', 'egd-file', 'ftp-port', 'ftp-account', 'ftp-alternative-to-user', 'ftp-method', 'ftp-ssl-ccc-mode', 'krb', 'alt-svc', 'hsts', 'etag-save', 'etag-compare', 'parallel-max', 'retry-all-errors-delay'];

function curl(c: CmdCtx): void {
  const p = getopt(c.args, { short: CURL_SHORT, long: CURL_LONG });
  for (const o of all(p, 'o', 'output')) if (o.value && !isStdio(o.value)) c.write(o.value, 'curl -o');
  const remote = p.opts.find((o) => o.name === 'O' || o.name === 'remote-name' || o.name === 'remote-name-all');
  if (remote) {
    const dir = last(p, 'output-dir');
    if (dir) c.write(dir, 'curl -O');
    else c.writeCwd(remote.word, 'curl -O');
  }
  for (const o of all(p, 'c', 'cookie-jar')) if (o.value && !isStdio(o.value)) c.write(o.value, 'curl -c');
  for (const o of all(p, 'D', 'dump-header', 'etag-save', 'hsts', 'alt-svc')) if (o.value && !isStdio(o.value)) c.write(o.value, 'curl -D');
}

const WGET_SHORT = 'OoaPtTweiBUQlARDIXY';
const WGET_LONG = ['output-document', 'output-file', 'append-output', 'directory-prefix', 'tries', 'timeout', 'wait', 'execute', 'input-file', 'base', 'user-agent', 'quota', 'level', 'accept', 'reject', 'domains', 'include-directories', 'exclude-directories', 'header', 'user', 'password', 'http-user', 'http-password', 'post-data', 'post-file', 'ca-certificate', 'ca-directory', 'certificate', 'private-key', 'load-cookies', 'save-cookies', 'referer', 'limit-rate', 'method', 'body-data', 'body-file', 'bind-address', 'dns-timeout', 'connect-timeout', 'read-timeout', 'waitretry', 'proxy-user', 'proxy-password', 'default-page', 'cut-dirs', 'local-encoding', 'remote-encoding', 'restrict-file-names', 'progress', 'config', 'hsts-file', 'xattr', 'rejected-log', 'warc-file'];

function wget(c: CmdCtx): void {
  const p = getopt(c.args, { short: WGET_SHORT, long: WGET_LONG, pair: 'n' });
  for (const o of all(p, 'o', 'a', 'output-file', 'append-output', 'save-cookies', 'rejected-log')) if (o.value && !isStdio(o.value)) c.write(o.value, 'wget -o');
  if (has(p, 'spider')) return;
  const out = last(p, 'O', 'output-document');
  if (out) {
    if (!isStdio(out)) c.write(out, 'wget -O');
    return;
  }
  const dir = last(p, 'P', 'directory-prefix');
  if (dir) c.write(dir, 'wget -P');
  else c.writeCwd(p.operands[0] ?? c.cmd, 'wget');
}

function unzip(c: CmdCtx): void {
  const opts: Arg[] = [];
  let dir: Arg | null = null;
  let listOnly = false;
  let zip: Arg | null = null;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i] as Arg;
    const v = a.value;
    if (v !== null && v.startsWith('-') && v.length > 1) {
      opts.push(a);
      if (v === '-d') {
        dir = c.args[i + 1] ?? null;
        i++;
      } else if (v.startsWith('-d')) dir = subArg(a, 2);
      else if (/^-[a-zA-Z]*[lptvZ]/.test(v)) listOnly = true;
      continue;
    }
    zip ??= a;
  }
  if (listOnly) return;
  if (dir) c.write(dir, 'unzip -d');
  else c.writeCwd(zip ?? c.cmd, 'unzip -d');
}

function dd(c: CmdCtx): void {
  for (const a of c.args) {
    const known = a.value ?? a.prefix;
    if (known.startsWith('of=')) c.write(subArg(a, 3), 'dd');
  }
}

function sed(c: CmdCtx): void {
  const p = getopt(c.args, { short: 'efl', optional: 'i', long: ['expression', 'file', 'line-length'] });
  if (!has(p, 'i', 'in-place')) return;
  const files = has(p, 'e', 'f', 'expression', 'file') ? p.operands : p.operands.slice(1);
  for (const a of files) c.write(a, 'sed -i');
}

function ln(c: CmdCtx): void {
  const p = getopt(c.args, { short: 'St', long: ['target-directory', 'suffix'] });
  const d = destination(p);
  if (d) c.write(d, 'ln');
  else if (p.operands.length === 1 && p.operands[0]) c.writeCwd(p.operands[0], 'ln');
}

function install(c: CmdCtx): void {
  const p = getopt(c.args, { short: 'mogSt', long: ['mode', 'owner', 'group', 'suffix', 'target-directory', 'strip-program'] });
  if (has(p, 'd', 'directory')) {
    for (const a of p.operands) c.write(a, 'install');
    return;
  }
  const d = destination(p);
  if (d) c.write(d, 'install');
}

const RSYNC_LONG = ['exclude', 'include', 'exclude-from', 'include-from', 'files-from', 'filter', 'rsh', 'rsync-path', 'temp-dir', 'partial-dir', 'compare-dest', 'copy-dest', 'link-dest', 'backup-dir', 'suffix', 'chmod', 'chown', 'usermap', 'groupmap', 'timeout', 'contimeout', 'port', 'log-file', 'log-file-format', 'password-file', 'bwlimit', 'max-size', 'min-size', 'max-delete', 'out-format', 'modify-window', 'block-size', 'checksum-choice', 'compress-choice', 'compress-level', 'skip-compress', 'info', 'debug', 'sockopts', 'outbuf', 'remote-option', 'stop-after', 'stop-at', 'write-batch', 'read-batch', 'only-write-batch', 'protocol', 'iconv', 'address', 'checksum-seed', 'max-alloc', 'early-input'];

function rsync(c: CmdCtx): void {
  const p = getopt(c.args, { short: 'efBTM', long: RSYNC_LONG });
  for (const o of all(p, 'log-file', 'write-batch', 'only-write-batch')) if (o.value) c.write(o.value, 'rsync');
  if (p.operands.length < 2) return;
  const d = p.operands[p.operands.length - 1];
  if (!d) return;
  if (d.value !== null && (/^[^/]*:/.test(d.value) || d.value.startsWith('rsync://'))) return; // remote
  c.write(d, 'rsync');
}

function mktemp(c: CmdCtx): void {
  const p = getopt(c.args, { short: 'p', long: ['suffix'] });
  if (has(p, 'u', 'dry-run')) return;
  const dirOpt = p.opts.find((o) => o.name === 'p' || o.name === 'tmpdir');
  const template = p.operands[0];
  const tmpdir = c.env('TMPDIR');
  if (dirOpt?.value && dirOpt.value.value !== '') {
    c.write(dirOpt.value, 'mktemp');
    return;
  }
  if (template && !dirOpt && !has(p, 't')) {
    const v = template.value;
    const slash = v === null ? -1 : v.lastIndexOf('/');
    if (v !== null && slash >= 0) {
      c.write({ ...template, value: v.slice(0, slash) || '/', glob: false }, 'mktemp');
      return;
    }
    if (v === null) {
      c.writeUnknown(template, 'mktemp', template.reason ?? 'unknown value');
      return;
    }
    c.writeCwd(template, 'mktemp');
    return;
  }
  const at = template ?? c.cmd;
  if (tmpdir === undefined || ('v' in tmpdir && tmpdir.v === '')) c.writeUnder({ v: '/tmp' }, 'TMPDIR', '', at, 'mktemp');
  else c.writeUnder(tmpdir, 'TMPDIR', '', at, 'mktemp');
}

function find(c: CmdCtx): void {
  const starts: Arg[] = [];
  let i = 0;
  while (i < c.args.length) {
    const v = c.args[i]?.value;
    if (v === null || v === undefined || v.startsWith('-') || v === '(' || v === '!') break;
    starts.push(c.args[i] as Arg);
    i++;
  }
  for (; i < c.args.length; i++) {
    const a = c.args[i] as Arg;
    if (a.value === '-delete') {
      if (starts.length === 0) c.writeCwd(a, 'find -delete');
      for (const s of starts) c.write(s, 'find -delete');
    } else if (a.value === '-exec' || a.value === '-execdir' || a.value === '-ok' || a.value === '-okdir') {
      const words: Arg[] = [];
      for (i++; i < c.args.length; i++) {
        const w = c.args[i] as Arg;
        if (w.value === ';' || w.value === '+') break;
        words.push(w.value !== null && w.value.includes('{}') ? unknownArg(w, 'file found by find') : w);
      }
      c.run(words);
    } else if (a.value === '-fprint' || a.value === '-fprint0' || a.value === '-fprintf' || a.value === '-fls') {
      const f = c.args[i + 1];
      if (f) c.write(f, 'find');
    }
  }
}

function git(c: CmdCtx): void {
  const p = getopt(c.args, { short: 'Cc', long: ['git-dir', 'work-tree', 'namespace', 'exec-path', 'config-env'], posix: true });
  const subcmd = c.args[p.stop];
  if (!subcmd || subcmd.value !== 'clone') return;
  const q = getopt(c.args.slice(p.stop + 1), { short: 'objuc', long: ['origin', 'branch', 'upload-pack', 'template', 'config', 'depth', 'shallow-since', 'shallow-exclude', 'reference', 'reference-if-able', 'separate-git-dir', 'jobs', 'filter', 'server-option', 'bundle-uri'] });
  const dir = q.operands[1];
  const cd = last(p, 'C');
  if (dir) c.write(dir, 'git clone');
  else if (cd) c.write(cd, 'git clone');
  else c.writeCwd(q.operands[0] ?? subcmd, 'git clone');
}

function openssl(c: CmdCtx): void {
  for (let i = 0; i < c.args.length; i++) {
    const v = c.args[i]?.value;
    const f = c.args[i + 1];
    if ((v === '-out' || v === '-keyout') && f && !isStdio(f)) c.write(f, 'openssl -out');
  }
}

function sortO(c: CmdCtx): void {
  const p = getopt(c.args, { short: 'kotTS', long: ['key', 'output', 'field-separator', 'temporary-directory', 'buffer-size', 'parallel', 'files0-from', 'batch-size', 'compress-program', 'random-source', 'sort'] });
  const o = last(p, 'o', 'output');
  if (o) c.write(o, 'sort -o');
}

const fixedPath =
  (path: string, op: string): Handler =>
  (c) =>
    c.writeUnder({ v: path }, '', '', c.cmd, op);

export const WRITERS: ReadonlyMap<string, Handler> = new Map(Object.entries({
  tee: eachOperand('tee'),
  cp: cpLike('cp'),
  mv: cpLike('mv'),
  install,
  rsync,
  mkdir: eachOperand('mkdir', 'm', ['mode']),
  touch: eachOperand('touch', 'drt', ['date', 'reference', 'time']),
  ln,
  sed,
  chmod: modeThenFiles('chmod'),
  chown: modeThenFiles('chown'),
  chgrp: modeThenFiles('chgrp'),
  tar,
  curl,
  wget,
  unzip,
  dd,
  truncate: eachOperand('truncate', 'sr', ['size', 'reference']),
  rm: eachOperand('rm'),
  rmdir: eachOperand('rmdir'),
  mkfifo: eachOperand('mkfifo', 'mZ', ['mode']),
  mktemp,
  find,
  git,
  openssl,
  sort: sortO,
  'update-ca-certificates': fixedPath('/etc/ssl/certs', 'update-ca-certificates'),
  'update-ca-trust': fixedPath('/etc/pki/ca-trust/extracted', 'update-ca-trust'),
  ldconfig: fixedPath('/etc/ld.so.cache', 'ldconfig'),
  useradd: fixedPath('/etc/passwd', 'useradd'),
  adduser: fixedPath('/etc/passwd', 'adduser'),
  groupadd: fixedPath('/etc/group', 'groupadd'),
  addgroup: fixedPath('/etc/group', 'addgroup'),
}));

// ---- installs ----------------------------------------------------------------------------------

/** The subcommand: the first operand after the tool's global options. */
function subcommand(args: readonly Arg[], short = '', long: string[] = []): { sub: string | null; rest: Arg[] } {
  const p = getopt(args, { short, long, posix: true });
  const s = args[p.stop];
  return { sub: s?.value ?? null, rest: args.slice(p.stop + 1) };
}

function npmWrites(c: CmdCtx, rest: readonly Arg[], globalOpts: Parsed): void {
  const p = getopt(rest, { long: ['prefix', 'cache', 'registry', 'workspace', 'omit', 'include', 'loglevel', 'userconfig', 'tag'], short: 'w' });
  const prefix = last(p, 'prefix') ?? last(globalOpts, 'prefix');
  if (has(p, 'g', 'global') || has(globalOpts, 'g', 'global')) c.writeUnknown(c.cmd, 'npm install', 'npm global prefix');
  else if (prefix) c.writeUnder(prefix.value === null ? { u: prefix.reason ?? 'unknown value' } : { v: prefix.value }, 'prefix', 'node_modules', c.cmd, 'npm install');
  else c.writeUnder(undefined, '.', 'node_modules', c.cmd, 'npm install');
  const cacheOpt = last(p, 'cache') ?? last(globalOpts, 'cache');
  const cacheEnv = c.env('npm_config_cache') ?? c.env('NPM_CONFIG_CACHE');
  if (cacheOpt) c.write(cacheOpt, 'npm install');
  else if (cacheEnv) c.writeUnder(cacheEnv, 'npm_config_cache', '', c.cmd, 'npm install');
  else c.writeUnder(c.env('HOME'), 'HOME', '.npm', c.cmd, 'npm install');
}

function pipWrites(c: CmdCtx, rest: readonly Arg[]): void {
  const p = getopt(rest, {
    short: 'tercifiC',
    long: ['target', 'prefix', 'root', 'requirement', 'constraint', 'editable', 'index-url', 'extra-index-url', 'find-links', 'src', 'upgrade-strategy', 'platform', 'python-version', 'implementation', 'abi', 'progress-bar', 'only-binary', 'no-binary', 'config-settings', 'global-option', 'install-option', 'report', 'root-user-action', 'trusted-host', 'cache-dir', 'log', 'proxy', 'retries', 'timeout', 'exists-action', 'cert', 'client-cert', 'python'],
  });
  const target = last(p, 't', 'target', 'prefix', 'root');
  if (target) c.write(target, 'pip install');
  else if (has(p, 'user')) c.writeUnder(c.env('HOME'), 'HOME', '.local', c.cmd, 'pip install');
  else c.writeUnknown(c.cmd, 'pip install', 'site-packages');
}

/** Recognises a package installation; writes what it knows the installer writes. */
export function detectInstall(c: CmdCtx): void {
  const n = c.name;
  const a = c.args;
  const sub = (short = '', long: string[] = []): { sub: string | null; rest: Arg[] } => subcommand(a, short, long);
  const is = (s: string | null, ...names: string[]): boolean => s !== null && names.includes(s);
  if (n === 'apt-get' || n === 'apt' || n === 'aptitude') {
    const s = sub('oct', ['option', 'config-file', 'target-release', 'host-architecture']);
    if (is(s.sub, 'install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep')) c.install(`${n} ${s.sub === 'reinstall' ? 'install' : s.sub}`, c.cmd);
  } else if (n === 'apk') {
    const s = sub('Xp', ['repository', 'root', 'repositories-file', 'keys-dir', 'arch', 'cache-dir', 'cache-max-age', 'timeout']);
    if (is(s.sub, 'add', 'upgrade', 'fix')) c.install(`apk ${s.sub}`, c.cmd);
  } else if (n === 'yum' || n === 'dnf' || n === 'microdnf' || n === 'tdnf' || n === 'dnf5') {
    const s = sub('cdeRx', ['setopt', 'enablerepo', 'disablerepo', 'installroot', 'releasever', 'config', 'exclude', 'repo', 'repofrompath', 'nodocs-unused', 'forcearch', 'rpmverbosity', 'color', 'downloaddir', 'destdir', 'comment', 'setvar', 'use-host-config']);
    if (is(s.sub, 'install', 'in', 'localinstall', 'groupinstall', 'reinstall')) c.install(`${n} install`, c.cmd);
    else if (is(s.sub, 'update', 'upgrade', 'distro-sync')) c.install(`${n} ${s.sub}`, c.cmd);
  } else if (n === 'zypper') {
    const s = sub('RDc', ['root', 'reposd-path', 'config', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'userdata']);
    if (is(s.sub, 'install', 'in', 'update', 'up', 'dist-upgrade', 'dup', 'patch')) c.install(`zypper ${is(s.sub, 'in', 'install') ? 'install' : s.sub === 'up' ? 'update' : s.sub === 'dup' ? 'dist-upgrade' : s.sub}`, c.cmd);
  } else if (n === 'pacman') {
    const opt = a.find((x) => x.value !== null && /^-[A-Za-z]*S/.test(x.value) && !/^-S[a-z]*[sipgc]/.test(x.value));
    if (opt || a.some((x) => x.value === '--sync')) c.install('pacman -S', c.cmd);
  } else if (n === 'dpkg') {
    if (a.some((x) => x.value !== null && (/^-[a-zA-Z]*i/.test(x.value) || x.value === '--install'))) c.install('dpkg -i', c.cmd);
  } else if (n === 'rpm') {
    if (a.some((x) => x.value !== null && ((/^-[a-zA-Z]*[iUF]/.test(x.value) && !/^-[a-zA-Z]*q/.test(x.value)) || ['--install', '--upgrade', '--freshen'].includes(x.value)))) c.install('rpm -i', c.cmd);
  } else if (/^pip[0-9.]*$/.test(n)) {
    const s = sub('', ['log', 'proxy', 'retries', 'timeout', 'exists-action', 'trusted-host', 'cert', 'client-cert', 'cache-dir', 'python', 'use-feature', 'use-deprecated']);
    if (s.sub === 'install') {
      c.install('pip install', c.cmd);
      pipWrites(c, s.rest);
    }
  } else if (/^python[0-9.]*$/.test(n) || n === 'pypy' || n === 'pypy3') {
    const m = a.findIndex((x) => x.value === '-m');
    const mod = a[m + 1]?.value;
    if (m >= 0 && mod !== undefined && mod !== null && /^pip[0-9.]*$/.test(mod)) {
      const s = subcommand(a.slice(m + 2));
      if (s.sub === 'install') {
        c.install('pip install', c.cmd);
        pipWrites(c, s.rest);
      }
    }
  } else if (n === 'uv') {
    const s = sub();
    if (s.sub === 'pip' && s.rest[0]?.value === 'install') c.install('uv pip install', c.cmd);
    else if (is(s.sub, 'add', 'sync')) c.install(`uv ${s.sub}`, c.cmd);
    else if (s.sub === 'tool' && s.rest[0]?.value === 'install') c.install('uv tool install', c.cmd);
  } else if (n === 'pipx') {
    if (sub().sub === 'install') c.install('pipx install', c.cmd);
  } else if (n === 'poetry') {
    const s = sub();
    if (is(s.sub, 'install', 'add')) c.install(`poetry ${s.sub}`, c.cmd);
  } else if (n === 'npm') {
    const g = getopt(a, { long: ['prefix', 'cache', 'registry', 'workspace', 'loglevel', 'userconfig'], posix: true });
    const s = a[g.stop]?.value ?? null;
    if (is(s, 'install', 'i', 'in', 'ins', 'inst', 'add', 'isntall', 'install-test', 'it')) c.install('npm install', c.cmd);
    else if (is(s, 'ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean', 'install-ci-test', 'cit')) c.install('npm ci', c.cmd);
    else return;
    npmWrites(c, a.slice(g.stop + 1), g);
  } else if (n === 'yarn') {
    const s = sub('', ['cwd', 'cache-folder', 'modules-folder', 'registry']);
    if (s.sub === null || is(s.sub, 'install', 'add')) {
      c.install(`yarn ${s.sub ?? 'install'}`, c.cmd);
      c.writeUnder(undefined, '.', 'node_modules', c.cmd, `yarn ${s.sub ?? 'install'}`);
    }
  } else if (n === 'pnpm' || n === 'bun') {
    const s = sub('C', ['dir', 'filter']);
    if (is(s.sub, 'install', 'i', 'add')) {
      c.install(`${n} ${s.sub === 'add' ? 'add' : 'install'}`, c.cmd);
      c.writeUnder(undefined, '.', 'node_modules', c.cmd, `${n} install`);
    }
  } else if (n === 'gem') {
    if (is(sub().sub, 'install', 'update')) c.install(`gem ${sub().sub}`, c.cmd);
  } else if (n === 'bundle' || n === 'bundler') {
    if (is(sub().sub, 'install', 'update', 'add')) c.install('bundle install', c.cmd);
  } else if (n === 'go') {
    if (is(sub().sub, 'install', 'get')) c.install(`go ${sub().sub}`, c.cmd);
  } else if (n === 'cargo') {
    if (is(sub().sub, 'install')) c.install('cargo install', c.cmd);
  } else if (n === 'conda' || n === 'mamba' || n === 'micromamba') {
    if (is(sub().sub, 'install', 'create', 'update')) c.install(`${n} install`, c.cmd);
  } else if (n === 'composer') {
    if (is(sub('d', ['working-dir']).sub, 'install', 'require', 'update')) c.install('composer install', c.cmd);
  } else if (n === 'luarocks') {
    if (is(sub().sub, 'install')) c.install('luarocks install', c.cmd);
  } else if (n === 'cpanm' || n === 'easy_install') {
    c.install(n, c.cmd);
  } else if (n === 'cpan') {
    if (a.some((x) => x.value === '-i') || a.some((x) => x.value !== null && !x.value.startsWith('-'))) c.install('cpan', c.cmd);
  }
}

