import { describe, expect, it } from 'vitest';
import { analyzeCommand, analyzeCommandStrict } from './index.ts';
import type { CommandAnalysis, CommandInput, Write } from './index.ts';
import { invariantProblems } from './test-util.ts';

/** Analyses, and checks that every write and install points at its raw text (and the other invariants). */
function analyze(input: CommandInput): CommandAnalysis {
  const r = analyzeCommandStrict(input);
  expect(invariantProblems(input, r)).toEqual([]);
  expect(analyzeCommand(input)).toEqual(r);
  return r;
}

type Opts = Omit<CommandInput, 'command' | 'args'>;

function sh(script: string, opts: Opts = {}): CommandAnalysis {
  return analyze({ command: ['sh', '-c', script], ...opts });
}

/** [op, path] of every write, in order. */
function writes(r: CommandAnalysis): [string, string | null][] {
  return r.writes.map((w) => [w.op, w.path]);
}

function paths(r: CommandAnalysis): (string | null)[] {
  return r.writes.map((w) => w.path);
}

function only(r: CommandAnalysis): Write {
  expect(r.writes).toHaveLength(1);
  return r.writes[0] as Write;
}

function tools(r: CommandAnalysis): string[] {
  return r.installs.map((i) => i.tool);
}

describe('the scenario init container', () => {
  it('finds the one cp destination, resolved, and no install', () => {
    const input = { command: ['sh', '-c', "cp /config-source/* /shared/config/ && echo 'Config files copied'"] };
    const r = analyze(input);
    expect(r.writes).toEqual([{ path: '/shared/config', raw: '/shared/config/', op: 'cp', arg: 2, offset: 20 }]);
    expect(r.installs).toEqual([]);
    expect(r.script).toBe("cp /config-source/* /shared/config/ && echo 'Config files copied'");
    expect(r.executables).toEqual(['cp', 'echo']);
    expect(r.heredoc).toBe(false);
  });
});

describe('exec form', () => {
  it('is one simple command', () => {
    const r = analyze({ command: ['cp', '-r', '/src', '/dst'] });
    expect(r.writes).toEqual([{ path: '/dst', raw: '/dst', op: 'cp', arg: 3, offset: 0 }]);
    expect(r.script).toBeNull();
    expect(r.executables).toEqual(['cp']);
  });

  it('reports a program that writes nothing', () => {
    const r = analyze({ command: ['nginx', '-g', 'daemon off;'] });
    expect(r).toEqual({ writes: [], installs: [], script: null, executables: ['nginx'], heredoc: false });
  });

  it('splits command and args into one argv', () => {
    const r = analyze({ command: ['/bin/mkdir'], args: ['-p', '/a', '/b'] });
    expect(r.writes).toEqual([
      { path: '/a', raw: '/a', op: 'mkdir', arg: 2, offset: 0 },
      { path: '/b', raw: '/b', op: 'mkdir', arg: 3, offset: 0 },
    ]);
    expect(r.executables).toEqual(['mkdir']);
  });

  it('points into --opt=VALUE', () => {
    const r = analyze({ command: ['cp', '--target-directory=/dst', 'a', 'b'] });
    expect(r.writes).toEqual([{ path: '/dst', raw: '/dst', op: 'cp', arg: 1, offset: 19 }]);
  });

  it('does no globbing, quoting or variable expansion', () => {
    expect(paths(analyze({ command: ['touch', '/data/*.log'] }))).toEqual(['/data/*.log']);
    expect(paths(analyze({ command: ['touch', '/data/$HOME'], env: { HOME: '/root' } }))).toEqual(['/data/$HOME']);
    expect(paths(analyze({ command: ['touch', "'/q'"], workingDir: '/w' }))).toEqual(["/w/'/q'"]);
  });

  it('applies the kubelet $(VAR) substitution', () => {
    const r = analyze({ command: ['mkdir', '-p', '$(DATA)/cache'], env: { DATA: '/data' } });
    expect(r.writes).toEqual([{ path: '/data/cache', raw: '$(DATA)/cache', op: 'mkdir', arg: 2, offset: 0 }]);
  });

  it('leaves $(UNDEFINED) as written, like the kubelet', () => {
    expect(paths(analyze({ command: ['touch', '$(NOPE)'], workingDir: '/w' }))).toEqual(['/w/$(NOPE)']);
  });

  it('reports a valueFrom var as unknown', () => {
    const w = only(analyze({ command: ['touch', '$(DIR)/x'], env: { DIR: undefined } }));
    expect(w).toMatchObject({ path: null, reason: 'variable $DIR is set from valueFrom', raw: '$(DIR)/x' });
  });

  it('runs what a wrapper runs', () => {
    const r = analyze({ command: ['/sbin/tini', '--', 'sh', '-c', 'touch /x'] });
    expect(r.script).toBe('touch /x');
    expect(r.writes).toEqual([{ path: '/x', raw: '/x', op: 'touch', arg: 4, offset: 6 }]);
    expect(r.executables).toEqual(['tini', 'touch']);
    expect(analyze({ command: ['dumb-init', '--', 'cp', 'a', '/b'] }).writes).toMatchObject([{ path: '/b', arg: 4 }]);
    expect(analyze({ command: ['gosu', 'app', 'touch', '/g'] }).writes).toMatchObject([{ path: '/g', arg: 3 }]);
    expect(analyze({ command: ['su-exec', 'app:app', 'touch', '/g'] }).executables).toEqual(['su-exec', 'touch']);
  });

  it('reads args alone when command is not set', () => {
    expect(paths(analyze({ args: ['sh', '-c', 'touch /x'] }))).toEqual(['/x']);
  });

  it('survives an empty or odd input', () => {
    expect(analyze({})).toEqual({ writes: [], installs: [], script: null, executables: [], heredoc: false });
    expect(analyze({ command: [] })).toEqual({ writes: [], installs: [], script: null, executables: [], heredoc: false });
    expect(analyze({ command: [''] }).executables).toEqual([]);
    const odd = { command: [null, 3, 'touch'] as unknown as string[], args: 'nope' as unknown as string[] };
    expect(() => analyzeCommand(odd)).not.toThrow();
  });

  it('is not confused by names of Object.prototype members', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(analyze({ command: [name, '/x'] }).executables).toEqual([name]);
      expect(sh(`${name} /x; ${name}=/y; touch $${name}`, { env: { [name]: '/e' } }).writes).toHaveLength(1);
    }
  });
});

describe('sh -c', () => {
  it('parses the script with the right argv index and offsets', () => {
    const r = analyze({ command: ['/bin/sh', '-c'], args: ['echo hi > /tmp/out'] });
    expect(r.script).toBe('echo hi > /tmp/out');
    expect(r.writes).toEqual([{ path: '/tmp/out', raw: '/tmp/out', op: '>', arg: 2, offset: 10 }]);
    expect(r.executables).toEqual(['echo']);
  });

  it.each([
    [['sh', '-c', 'touch /x']],
    [['bash', '-c', 'touch /x']],
    [['/bin/ash', '-c', 'touch /x']],
    [['dash', '-c', 'touch /x']],
    [['/usr/bin/env', 'bash', '-c', 'touch /x']],
    [['sh', '-ec', 'touch /x']],
    [['sh', '-euc', 'touch /x']],
    [['bash', '-xc', 'touch /x']],
    [['bash', '-e', '-c', 'touch /x']],
    [['bash', '-euxo', 'pipefail', '-c', 'touch /x']],
    [['bash', '-o', 'pipefail', '-c', 'touch /x']],
    [['bash', '--login', '-c', 'touch /x']],
    [['bash', '-lc', 'touch /x']],
    [['busybox', 'sh', '-c', 'touch /x']],
  ])('%j', (command) => {
    const r = analyze({ command });
    expect(r.script).toBe('touch /x');
    expect(r.writes).toEqual([{ path: '/x', raw: '/x', op: 'touch', arg: command.length - 1, offset: 6 }]);
  });

  it('takes the script from args', () => {
    const r = analyze({ command: ['sh'], args: ['-c', 'mkdir /m'] });
    expect(r.script).toBe('mkdir /m');
    expect(r.writes).toMatchObject([{ path: '/m', arg: 2, offset: 6 }]);
  });

  it('does not read a script file', () => {
    const r = analyze({ command: ['sh', '/entrypoint.sh'] });
    expect(r.script).toBeNull();
    expect(r.writes).toEqual([]);
    expect(r.executables).toEqual(['sh']);
  });

  it('survives -c without a script', () => {
    expect(analyze({ command: ['sh', '-c'] })).toEqual({ writes: [], installs: [], script: null, executables: [], heredoc: false });
  });

  it('sets $0 and the positional parameters from the words after the script', () => {
    const r = analyze({ command: ['sh', '-c', 'cp "$1" "$2"; touch "$0.log"', 'app', '/src', '/dst'], workingDir: '/w' });
    expect(writes(r)).toEqual([
      ['cp', '/dst'],
      ['touch', '/w/app.log'],
    ]);
    expect(only(sh('touch "$1"'))).toMatchObject({ path: null, reason: 'variable $1 is not set' });
  });

  it('analyses a shell run inside the script', () => {
    const r = sh(`su app -c 'touch /su'; bash -c "mkdir /nested"; sh -c 'cd /q && touch x'`);
    expect(paths(r)).toEqual(['/su', '/nested', '/q/x']);
    expect(r.executables).toEqual(['su', 'touch', 'mkdir']);
  });
});

describe('quoting', () => {
  it('single quotes keep everything literal', () => {
    const w = only(sh("touch '/tmp/a b' ", { env: { X: '/x' } }));
    expect(w).toEqual({ path: '/tmp/a b', raw: "'/tmp/a b'", op: 'touch', arg: 2, offset: 6 });
    expect(only(sh("touch '/tmp/$X'", { env: { X: '/x' } })).path).toBe('/tmp/$X');
  });

  it('double quotes expand variables and honour escapes', () => {
    expect(only(sh('touch "/tmp/$N.log"', { env: { N: 'app' } })).path).toBe('/tmp/app.log');
    expect(only(sh('touch "/tmp/\\"q\\" \\$N"', { env: { N: 'app' } })).path).toBe('/tmp/"q" $N');
    expect(only(sh('touch "/tmp/a\\b"')).path).toBe('/tmp/a\\b');
  });

  it('joins mixed quoting into one word', () => {
    expect(only(sh(`touch '/a'"/b"/c\\ d`)).path).toBe('/a/b/c d');
  });

  it('handles escaped spaces in paths', () => {
    const w = only(sh('mkdir /data/my\\ dir'));
    expect(w).toMatchObject({ path: '/data/my dir', raw: '/data/my\\ dir' });
  });

  it('reads $"…" and $\'…\'', () => {
    expect(only(sh("touch $'/tmp/a\\tb'")).path).toBe('/tmp/a\tb');
    expect(only(sh('touch $"/tmp/l"')).path).toBe('/tmp/l');
  });

  it('does not split on operators inside quotes', () => {
    expect(sh("echo 'a; touch /x && rm /y' \"> /z\"").writes).toEqual([]);
  });

  it('keeps # inside a word and starts a comment at a word', () => {
    expect(paths(sh('touch /tmp/a#b # > /not-a-write'))).toEqual(['/tmp/a#b']);
    expect(sh('# touch /x\n  # rm /y').writes).toEqual([]);
  });

  it('treats an unterminated quote as running to the end', () => {
    expect(paths(sh("touch '/tmp/x"))).toEqual(['/tmp/x']);
    expect(paths(sh('touch "/tmp/y'))).toEqual(['/tmp/y']);
  });

  it('continues lines ending in a backslash', () => {
    expect(paths(sh('mkdir -p \\\n  /a \\\n  /b'))).toEqual(['/a', '/b']);
  });
});

describe('variables', () => {
  it('come from the container env', () => {
    expect(only(sh('mkdir -p $DATA', { env: { DATA: '/data' } }))).toMatchObject({ path: '/data', raw: '$DATA' });
    expect(only(sh('mkdir -p ${DATA}/x', { env: { DATA: '/data' } }))).toMatchObject({ path: '/data/x', raw: '${DATA}/x' });
  });

  it('follow assignments in order', () => {
    expect(paths(sh('D=/one; touch $D/a; D=/two; touch $D/b'))).toEqual(['/one/a', '/two/b']);
    expect(paths(sh('A=/a B=$A/b; touch $B'))).toEqual(['/a/b']);
    expect(paths(sh('export E=/e; touch $E/f'))).toEqual(['/e/f']);
    expect(paths(sh('export E; E=/e2; touch $E'))).toEqual(['/e2']);
    expect(paths(sh('readonly R=/r; local L=/l; touch $R $L'))).toEqual(['/r', '/l']);
    expect(paths(sh('P=/p; P+=/q; touch $P'))).toEqual(['/p/q']);
  });

  it('scopes a leading assignment to its command (the command line is expanded before)', () => {
    expect(only(sh('D=/d touch $D'))).toMatchObject({ path: null, reason: 'variable $D is not set' });
    expect(only(sh('D=/d true; touch $D'))).toMatchObject({ path: null, reason: 'variable $D is not set' });
  });

  it('apply defaults', () => {
    expect(paths(sh('mkdir ${X:-/def} ${X-/dash}'))).toEqual(['/def', '/dash']);
    expect(paths(sh('mkdir ${E:-/def} "${E-/dash}x"', { env: { E: '' } }))).toEqual(['/def', null]);
    expect(paths(sh('mkdir "${E-/dash}"/x', { env: { E: '' } }))).toEqual(['/x']);
    expect(paths(sh('mkdir ${X:=/assigned}; touch $X/f'))).toEqual(['/assigned', '/assigned/f']);
    expect(paths(sh('mkdir ${A:-${B:-/nested}}'))).toEqual(['/nested']);
    expect(paths(sh('mkdir ${S:+/alt}', { env: { S: 'x' } }))).toEqual(['/alt']);
    expect(paths(sh('mkdir ${S:-"/with space"}'))).toEqual(['/with space']);
  });

  it('removes prefixes and suffixes', () => {
    expect(paths(sh('P=/a/b/c.tmp; mkdir ${P%/*}; touch ${P%.tmp} /x${P#/a}; touch /y${P##*/}'))).toEqual(['/a/b', '/a/b/c', '/x/b/c.tmp', '/yc.tmp']);
  });

  it('reports an unset variable', () => {
    expect(only(sh('touch $NOPE/x'))).toEqual({ path: null, reason: 'variable $NOPE is not set', raw: '$NOPE/x', op: 'touch', arg: 2, offset: 6 });
    expect(only(sh('X=/x; unset X; touch $X'))).toMatchObject({ path: null, reason: 'variable $X is not set' });
  });

  it('reports a valueFrom variable', () => {
    expect(only(sh('touch $DIR/x', { env: { DIR: undefined } }))).toMatchObject({ path: null, reason: 'variable $DIR is set from valueFrom' });
    expect(only(sh('touch ${DIR:-/d}', { env: { DIR: undefined } }))).toMatchObject({ path: null, reason: 'variable $DIR is set from valueFrom' });
  });

  it('reports command substitution, and analyses the substituted command', () => {
    expect(only(sh('touch /tmp/$(date +%s)'))).toMatchObject({ path: null, reason: 'command substitution', raw: '/tmp/$(date +%s)' });
    expect(only(sh('touch "/tmp/`hostname`"'))).toMatchObject({ path: null, reason: 'command substitution' });
    const r = sh('D=$(mkdir -p /made && echo /made); touch "$D/x"');
    expect(writes(r)).toEqual([
      ['mkdir', '/made'],
      ['touch', null],
    ]);
    expect(r.executables).toEqual(['mkdir', 'echo', 'touch']);
  });

  it('reports arithmetic expansion', () => {
    expect(only(sh('touch /tmp/$((1 + 2))'))).toMatchObject({ path: null, reason: 'arithmetic expansion' });
  });

  it('expands ~ and $HOME from the env', () => {
    expect(paths(sh('touch ~/x $HOME/y ~', { env: { HOME: '/home/u' } }))).toEqual(['/home/u/x', '/home/u/y', '/home/u']);
    expect(only(sh('touch ~/x'))).toMatchObject({ path: null, reason: 'variable $HOME is not set' });
    expect(only(sh('touch ~app/x'))).toMatchObject({ path: null, reason: 'home directory of ~app' });
    expect(only(sh('touch "~/x"', { workingDir: '/w' })).path).toBe('/w/~/x');
  });

  it('splits an unquoted expansion into words', () => {
    expect(paths(sh('DIRS="/a /b"; mkdir $DIRS; mkdir "$DIRS"'))).toEqual(['/a', '/b', '/a /b']);
    expect(sh('E=; touch $E').writes).toEqual([]);
  });

  it('knows $PWD', () => {
    expect(paths(sh('touch $PWD/x; cd /z; touch "$PWD/y"', { workingDir: '/w' }))).toEqual(['/w/x', '/z/y']);
    expect(only(sh('touch $PWD/x'))).toMatchObject({ path: null, reason: 'relative path and no workingDir' });
  });

  it('splits an unquoted default but not a quoted one', () => {
    expect(paths(sh('mkdir ${S:-/a /b} "${S:-/c /d}" ${S:-"/e f"}'))).toEqual(['/a', '/b', '/c /d', '/e f']);
  });

  it('marks variables set by read as unknown', () => {
    expect(only(sh('read -r X; touch $X'))).toMatchObject({ path: null, reason: 'variable $X is set by read' });
  });

  it('sees the script after the kubelet substitution', () => {
    const r = analyze({ command: ['sh', '-c', 'mkdir -p $(DIR)/x && touch /tmp/$$.pid'], env: { DIR: '/k' } });
    expect(r.writes).toEqual([
      { path: '/k/x', raw: '$(DIR)/x', op: 'mkdir', arg: 2, offset: 9 },
      { path: '/tmp/$.pid', raw: '/tmp/$$.pid', op: 'touch', arg: 2, offset: 27 },
    ]);
    // Not defined in the env: the shell sees a command substitution.
    expect(only(sh('mkdir $(DIR)'))).toMatchObject({ path: null, reason: 'command substitution' });
    expect(only(analyze({ command: ['sh', '-c', 'mkdir $(DIR)'], env: { DIR: undefined } }))).toMatchObject({ path: null, reason: 'variable $DIR is set from valueFrom' });
  });

  it('expands $(VAR) in env values from vars defined before', () => {
    expect(only(sh('touch $B', { env: { A: '/a', B: '$(A)/b' } })).path).toBe('/a/b');
    expect(only(sh('touch $B', { env: { A: undefined, B: '$(A)/b' } }))).toMatchObject({ path: null, reason: 'variable $A is set from valueFrom' });
  });
});

describe('here-documents', () => {
  it('skips the body and sets heredoc', () => {
    const script = 'cat <<EOF > /etc/app.conf\nkey=value\nrm -rf /data\ntouch /x\nEOF\necho done';
    const r = sh(script);
    expect(r.heredoc).toBe(true);
    expect(r.writes).toEqual([
      { path: '/tmp', raw: '<<EOF', op: 'heredoc', arg: 2, offset: 4 },
      { path: '/etc/app.conf', raw: '/etc/app.conf', op: '>', arg: 2, offset: 12 },
    ]);
    expect(r.executables).toEqual(['cat', 'echo']);
  });

  it.each([
    ['<<-EOF', 'cat <<-EOF > /f\n\ttouch /x\n\tEOF\ntouch /after'],
    ["<<'EOF'", "cat <<'EOF' > /f\ntouch /x $(touch /y)\nEOF\ntouch /after"],
    ['<<"EOF"', 'cat <<"EOF" > /f\ntouch /x\nEOF\ntouch /after'],
    ['<< EOF', 'cat << EOF > /f\ntouch /x\nEOF\ntouch /after'],
    ['<<\\EOF', 'cat <<\\EOF > /f\ntouch /x\nEOF\ntouch /after'],
    ['<<EOF, delimiter only as a whole line', 'cat <<EOF > /f\nEOF2 touch /x\n EOF\nEOF\ntouch /after'],
  ])('%s', (_name, script) => {
    const r = sh(script);
    expect(r.heredoc).toBe(true);
    expect(writes(r)).toEqual([
      ['heredoc', '/tmp'],
      ['>', '/f'],
      ['touch', '/after'],
    ]);
  });

  it('reads several here-documents on one line in order', () => {
    const r = sh('cat <<A <<-B > /f\na\ntouch /no\nA\n\tb\n\tB\ntouch /after');
    expect(writes(r)).toEqual([
      ['heredoc', '/tmp'],
      ['heredoc', '/tmp'],
      ['>', '/f'],
      ['touch', '/after'],
    ]);
  });

  it('works inside a pipeline and a compound command', () => {
    expect(paths(sh('cat <<EOF | sh\ntouch /x\nEOF\ntouch /y'))).toEqual(['/tmp', '/y']);
    expect(paths(sh('if true; then\n  cat > /conf <<EOF\n  fi\nEOF\nfi\ntouch /z'))).toEqual(['/conf', '/tmp', '/z']);
  });

  it('treats a here-string the same way', () => {
    const r = sh('grep x <<< "$(cat /f)"');
    expect(r.heredoc).toBe(true);
    expect(r.writes).toEqual([{ path: '/tmp', raw: '<<< "$(cat /f)"', op: 'heredoc', arg: 2, offset: 7 }]);
  });

  it('uses $TMPDIR', () => {
    expect(paths(sh('cat <<EOF\nx\nEOF', { env: { TMPDIR: '/scratch' } }))).toEqual(['/scratch']);
    expect(only(sh('cat <<EOF\nx\nEOF', { env: { TMPDIR: undefined } }))).toMatchObject({ path: null, reason: 'variable $TMPDIR is set from valueFrom' });
    expect(sh('cat <<EOF\nx\nEOF', { env: { TMPDIR: '/dev/shm' } })).toMatchObject({ heredoc: true, writes: [] });
  });

  it('runs an unterminated body to the end', () => {
    const r = sh('cat <<EOF\ntouch /x\n');
    expect(r.heredoc).toBe(true);
    expect(paths(r)).toEqual(['/tmp']);
  });

  it('is false without one', () => {
    expect(sh('echo "<<EOF" \'<<<\'').heredoc).toBe(false);
  });
});

describe('redirections', () => {
  it.each([
    ['>/tmp/a echo hi', '>', '/tmp/a'],
    ['> /tmp/a echo hi', '>', '/tmp/a'],
    ['echo hi >/tmp/a', '>', '/tmp/a'],
    ['echo hi>/tmp/a', '>', '/tmp/a'],
    ['echo hi 1>/tmp/a', '>', '/tmp/a'],
    ['echo hi 2>/tmp/a', '>', '/tmp/a'],
    ['echo hi &>/tmp/a', '>', '/tmp/a'],
    ['echo hi >& /tmp/a', '>', '/tmp/a'],
    ['echo hi >|/tmp/a', '>', '/tmp/a'],
    ['echo hi >>/tmp/a', '>>', '/tmp/a'],
    ['echo hi 2>>/tmp/a', '>>', '/tmp/a'],
    ['echo hi &>>/tmp/a', '>>', '/tmp/a'],
    ['echo >/tmp/a hi', '>', '/tmp/a'],
    ['exec 3<>/tmp/a', '<>', '/tmp/a'],
    ['exec {fd}>/tmp/a', '>', '/tmp/a'],
    ['exec >/tmp/a 2>&1', '>', '/tmp/a'],
    ['{ echo a; echo b; } > /tmp/a', '>', '/tmp/a'],
    ['( cd /x; ls ) > /tmp/a', '>', '/tmp/a'],
    ['while false; do :; done > /tmp/a', '>', '/tmp/a'],
    ['for i in 1 2; do echo $i; done >> /tmp/a', '>>', '/tmp/a'],
    ['if true; then echo; fi > /tmp/a', '>', '/tmp/a'],
    ['case x in *) echo ;; esac > /tmp/a', '>', '/tmp/a'],
  ])('%s', (script, op, path) => {
    expect(writes(sh(script))).toEqual([[op, path]]);
  });

  it.each([
    'echo hi 2>&1',
    'echo hi >&2',
    'echo hi 1>&2 2>&-',
    'exec 3>&1',
    'cat < /etc/passwd',
    'cat 0</etc/passwd',
    'exec 3<&0',
    'echo hi >/dev/null 2>&1',
    'echo hi &>/dev/null',
    'echo hi > /dev/stdout',
    'echo hi > /dev/stderr',
    'echo hi > /dev/fd/3',
    'echo hi > /proc/self/fd/1',
    'echo 1 > /proc/sys/vm/overcommit_memory',
    'echo hi > /dev/termination-log',
    'echo hi | tee /dev/stderr',
    '[[ $a > $b ]]',
    '(( x > 1 ))',
  ])('%s is not a write', (script) => {
    expect(sh(script).writes).toEqual([]);
  });

  it('points at the target word', () => {
    expect(only(sh('echo x >> "$LOG"', { env: { LOG: '/var/log/app.log' } }))).toEqual({ path: '/var/log/app.log', raw: '"$LOG"', op: '>>', arg: 2, offset: 10 });
  });
});

describe('write commands', () => {
  it.each<[string, [string, string | null][]]>([
    ['tee /a', [['tee', '/a']]],
    ['echo x | tee -a /a /b', [['tee', '/a'], ['tee', '/b']]],
    ['cp a b /dst', [['cp', '/dst']]],
    ['cp -t /dst a b', [['cp', '/dst']]],
    ['cp --target-directory /dst a b', [['cp', '/dst']]],
    ['cp -a --target-directory=/dst a', [['cp', '/dst']]],
    ['cp /only', []],
    ['mv /a /b', [['mv', '/b']]],
    ['install -m 0755 bin /usr/local/bin/', [['install', '/usr/local/bin']]],
    ['install -d -m 755 /a /b', [['install', '/a'], ['install', '/b']]],
    ['install -Dt /opt/bin tool', [['install', '/opt/bin']]],
    ['rsync -a --exclude .git /src/ /dst/', [['rsync', '/dst']]],
    ["rsync -av -e 'ssh -p 2' /src host:/dst", []],
    ['rsync /a rsync://host/mod', []],
    ['mkdir -p /a /b', [['mkdir', '/a'], ['mkdir', '/b']]],
    ['mkdir -m 700 /a', [['mkdir', '/a']]],
    ['mkdir --mode=700 -p /a', [['mkdir', '/a']]],
    ['touch /a', [['touch', '/a']]],
    ['touch -d "2 days ago" /a', [['touch', '/a']]],
    ['ln -s /opt/app /usr/local/bin/app', [['ln', '/usr/local/bin/app']]],
    ['ln -sf /etc/a /etc/b /etc/dir', [['ln', '/etc/dir']]],
    ['ln -sfT /x /y', [['ln', '/y']]],
    ["sed -i 's/a/b/' /etc/f", [['sed -i', '/etc/f']]],
    ["sed -i.bak -e 's/a/b/' /etc/f /etc/g", [['sed -i', '/etc/f'], ['sed -i', '/etc/g']]],
    ["sed --in-place -e s/a/b/ /etc/f", [['sed -i', '/etc/f']]],
    ["sed -ie 's/a/b/' /etc/f", [['sed -i', '/etc/f']]],
    ["sed -n 's/a/b/p' /etc/f > /out", [['>', '/out']]],
    ['chmod 755 /a /b', [['chmod', '/a'], ['chmod', '/b']]],
    ['chmod -R g+w /data', [['chmod', '/data']]],
    ['chmod -x /f', [['chmod', '/f']]],
    ['chmod --reference=/ref /f', [['chmod', '/f']]],
    ['chown -R 1000:1000 /data', [['chown', '/data']]],
    ['chgrp app /data', [['chgrp', '/data']]],
    ['tar -xzf /tmp/a.tgz -C /opt', [['tar -x', '/opt']]],
    ['tar xzf /tmp/a.tgz -C /opt', [['tar -x', '/opt']]],
    ['tar xfz /tmp/a.tgz --directory=/opt', [['tar -x', '/opt']]],
    ['tar --extract --file /a.tar --directory /opt', [['tar -x', '/opt']]],
    ['tar -czf /backup/b.tgz /data', [['tar -c', '/backup/b.tgz']]],
    ['tar -xOf /a.tar file', []],
    ['tar -tf /a.tar', []],
    ['curl -o /tmp/f https://x', [['curl -o', '/tmp/f']]],
    ['curl -fsSLo /tmp/f https://x', [['curl -o', '/tmp/f']]],
    ['curl --output /tmp/f https://x', [['curl -o', '/tmp/f']]],
    ['curl --output=/tmp/f -H "a: b" https://x', [['curl -o', '/tmp/f']]],
    ['curl -sSL https://x | sh', []],
    ['curl -o - https://x', []],
    ['curl --output-dir /dl -O https://x/f', [['curl -O', '/dl']]],
    ['curl -c /tmp/jar https://x', [['curl -c', '/tmp/jar']]],
    ['wget -O /tmp/f https://x', [['wget -O', '/tmp/f']]],
    ['wget -qO- https://x', []],
    ['wget -O - https://x', []],
    ['wget -nv -P /dl https://x', [['wget -P', '/dl']]],
    ['wget --output-document=/f https://x', [['wget -O', '/f']]],
    ['wget --spider https://x', []],
    ['unzip -o /tmp/a.zip -d /opt/a', [['unzip -d', '/opt/a']]],
    ['unzip -l /tmp/a.zip', []],
    ['unzip -q /tmp/a.zip -d/opt/b', [['unzip -d', '/opt/b']]],
    ['dd if=/dev/zero of=/swap bs=1M count=1', [['dd', '/swap']]],
    ['truncate -s 0 /var/log/a', [['truncate', '/var/log/a']]],
    ['rm -rf /tmp/cache /var/run/app.pid', [['rm', '/tmp/cache'], ['rm', '/var/run/app.pid']]],
    ['rmdir /a', [['rmdir', '/a']]],
    ['mkfifo /tmp/p', [['mkfifo', '/tmp/p']]],
    ['mktemp', [['mktemp', '/tmp']]],
    ['mktemp -d', [['mktemp', '/tmp']]],
    ['mktemp /var/lib/x.XXXX', [['mktemp', '/var/lib']]],
    ['mktemp -p /scratch', [['mktemp', '/scratch']]],
    ['mktemp -u', []],
    ['find /cache -name "*.tmp" -delete', [['find -delete', '/cache']]],
    ['find /d -exec cp {} /dst \\;', [['cp', '/dst']]],
    ['git clone https://x/repo.git /src/repo', [['git clone', '/src/repo']]],
    ['openssl req -x509 -newkey rsa:2048 -out /etc/tls/c.pem -keyout /etc/tls/k.pem', [['openssl -out', '/etc/tls/c.pem'], ['openssl -out', '/etc/tls/k.pem']]],
    ['sort -o /out /in', [['sort -o', '/out']]],
    ['update-ca-certificates', [['update-ca-certificates', '/etc/ssl/certs']]],
    ['busybox cp /a /b', [['cp', '/b']]],
    ['echo /a | xargs -I{} cp {} /dst', [['cp', '/dst']]],
  ])('%s', (script, expected) => {
    expect(writes(sh(script, { workingDir: '/w' }))).toEqual(expected);
  });

  it('writes to the current directory when a tool has no destination', () => {
    expect(writes(sh('tar xzf /a.tgz; curl -O https://x/f; wget https://x/f; unzip /a.zip; ln -s /opt/x', { workingDir: '/w' }))).toEqual([
      ['tar -x', '/w'],
      ['curl -O', '/w'],
      ['wget', '/w'],
      ['unzip -d', '/w'],
      ['ln', '/w'],
    ]);
  });

  it('points at the option value', () => {
    const w = only(sh('curl -sSL --output=/tmp/f https://x'));
    expect(w).toMatchObject({ raw: '/tmp/f', offset: 19 });
    expect(only(sh('dd if=/a of=/b'))).toMatchObject({ raw: '/b', offset: 12 });
    expect(only(sh('tar -xf a.tar -C/opt'))).toMatchObject({ path: '/opt', raw: '/opt', offset: 16 });
  });

  it('does not take an option value for a file', () => {
    expect(writes(sh('cp -S .bak a /dst; mkdir -m 755 /m; touch -r /ref /t'))).toEqual([
      ['cp', '/dst'],
      ['mkdir', '/m'],
      ['touch', '/t'],
    ]);
  });

  it('marks a file found by find -exec as unknown', () => {
    expect(only(sh('find /d -type f -exec rm {} +'))).toMatchObject({ op: 'rm', path: null, reason: 'file found by find' });
  });
});

describe('paths', () => {
  it('resolve against workingDir', () => {
    expect(only(analyze({ command: ['touch', 'foo'], workingDir: '/app' })).path).toBe('/app/foo');
    expect(only(sh('touch ./a/../b', { workingDir: '/app/' })).path).toBe('/app/b');
  });

  it('are unknown when relative without workingDir', () => {
    expect(only(sh('touch foo'))).toMatchObject({ path: null, reason: 'relative path and no workingDir' });
  });

  it('follow cd', () => {
    expect(paths(sh('cd /data && touch x'))).toEqual(['/data/x']);
    expect(paths(sh('cd /a; cd b; touch ../c; cd ..; touch d'))).toEqual(['/a/c', '/a/d']);
    expect(paths(sh('cd; touch x', { env: { HOME: '/home/u' } }))).toEqual(['/home/u/x']);
    expect(paths(sh('cd -P /p && pushd /q && touch r'))).toEqual(['/q/r']);
  });

  it('are unknown after cd to an unknown directory', () => {
    const w = only(sh('cd "$NOPE"; touch x', { workingDir: '/w' }));
    expect(w.path).toBeNull();
    expect(w.reason).toContain('unknown directory');
    expect(w.reason).toContain('variable $NOPE is not set');
    expect(only(sh('cd /a; cd -; touch x')).path).toBeNull();
    expect(only(sh('cd /a; touch /abs')).path).toBe('/abs');
  });

  it('keep cd inside a subshell or pipeline element', () => {
    expect(paths(sh('(cd /sub; touch a); touch b', { workingDir: '/w' }))).toEqual(['/sub/a', '/w/b']);
    expect(paths(sh('cd /p | cat; touch b', { workingDir: '/w' }))).toEqual(['/w/b']);
    expect(paths(sh('{ cd /g; }; touch b', { workingDir: '/w' }))).toEqual(['/g/b']);
  });

  it('are normalised', () => {
    expect(paths(sh('touch /a//b/./c/../d/ /../x /'))).toEqual(['/a/b/d', '/x', '/']);
  });

  it('resolve a glob to its directory', () => {
    expect(writes(sh('rm -f /tmp/*.log /var/cache/app/*/x'))).toEqual([
      ['rm', '/tmp'],
      ['rm', '/var/cache/app'],
    ]);
    expect(paths(sh('touch *.log [ab].txt', { workingDir: '/w' }))).toEqual(['/w', '/w']);
    expect(paths(sh('mkdir -p /data/{a,b} /x/{1..3}'))).toEqual(['/data', '/x']);
    expect(paths(sh('touch "/tmp/*.log"'))).toEqual(['/tmp/*.log']);
  });

  it('follow the env -C / sudo -D directory', () => {
    expect(paths(sh('env -C /e touch x; sudo -D /s touch y; touch z', { workingDir: '/w' }))).toEqual(['/e/x', '/s/y', '/w/z']);
  });
});

describe('control flow', () => {
  it('analyses every branch of if', () => {
    const r = sh('if [ -d /x ]; then touch /a; elif test -f /y; then touch /b; else touch /c; fi');
    expect(paths(r)).toEqual(['/a', '/b', '/c']);
    expect(r.executables).toEqual(['[', 'touch', 'test']);
  });

  it('unrolls a for loop over known words', () => {
    const r = sh('for d in /a /b "/c d"; do mkdir -p "$d/sub"; done');
    expect(paths(r)).toEqual(['/a/sub', '/b/sub', '/c d/sub']);
    expect(r.writes.every((w) => w.raw === '"$d/sub"')).toBe(true);
  });

  it('loops over a glob', () => {
    expect(paths(sh('for f in /docker-entrypoint.d/*.sh; do cp "$f" /run/; rm "$f"; done'))).toEqual(['/run', '/docker-entrypoint.d']);
  });

  it('marks a loop variable over unknown words as unknown', () => {
    expect(only(sh('for f in $(ls /x); do touch "$f"; done'))).toMatchObject({ path: null, reason: 'command substitution' });
    const many = Array.from({ length: 40 }, (_, i) => `/d${i}`).join(' ');
    expect(only(sh(`for f in ${many}; do touch "$f"; done`))).toMatchObject({ path: null, reason: 'variable $f is set by a for loop' });
  });

  it('iterates the positional parameters', () => {
    expect(paths(analyze({ command: ['sh', '-c', 'for a; do touch "$a"; done', 'sh', '/p', '/q'] }))).toEqual(['/p', '/q']);
    expect(paths(analyze({ command: ['sh', '-c', 'for a in "$@"; do touch "$a"; done', 'sh', '/p', '/q'] }))).toEqual(['/p', '/q']);
  });

  it('analyses while and until loops', () => {
    expect(paths(sh('while read -r line; do echo "$line" >> /out; done < /in'))).toEqual(['/out']);
    expect(paths(sh('until [ -f /ready ]; do sleep 1; touch /waiting; done'))).toEqual(['/waiting']);
    expect(paths(sh('while true\ndo\n  touch /loop\ndone'))).toEqual(['/loop']);
  });

  it('analyses every arm of case', () => {
    const r = sh('case "$1" in\n  start) touch /start ;;\n  stop|halt) touch /stop ;&\n  (*) touch /other\nesac\ntouch /after');
    expect(paths(r)).toEqual(['/start', '/stop', '/other', '/after']);
  });

  it('analyses groups, subshells, pipelines, lists and background jobs', () => {
    expect(paths(sh('{ touch /g; }; (touch /s); echo x | tee /t | cat > /c; true && touch /and || touch /or; touch /bg & touch /fg; ! touch /not'))).toEqual(['/g', '/s', '/t', '/c', '/and', '/or', '/bg', '/fg', '/not']);
  });

  it('analyses a function where it is called', () => {
    expect(paths(sh('setup() { mkdir -p "$DATA"; }\nDATA=/data\nsetup'))).toEqual(['/data']);
    expect(paths(sh('function f { touch "$1"; }; f /arg'))).toEqual(['/arg']);
    expect(sh('f() { touch /x; }; f; f; f').writes).toHaveLength(1);
  });

  it('analyses a function that is never called (trap, eval …)', () => {
    const r = sh('cleanup() { rm -rf /tmp/work; }\ntrap cleanup EXIT');
    expect(paths(r)).toEqual(['/tmp/work']);
    expect(r.executables).toEqual(['rm']);
  });

  it('survives recursion', () => {
    expect(paths(sh('f() { touch /r; f; }; f'))).toEqual(['/r']);
  });

  it('does not run the options of trap', () => {
    expect(sh("trap - EXIT; trap -p; trap '' TERM")).toMatchObject({ writes: [], executables: [] });
  });

  it('analyses trap and eval strings', () => {
    expect(paths(sh("trap 'rm -f /run/app.pid' EXIT; eval 'touch /e'"))).toEqual(['/run/app.pid', '/e']);
  });

  it('recovers from unbalanced syntax', () => {
    expect(paths(sh('if true; then touch /x'))).toEqual(['/x']);
    expect(paths(sh('done; fi; esac; }; ) touch /y'))).toEqual(['/y']);
    expect(paths(sh('for x in a b; do touch /z'))).toEqual(['/z']);
    expect(paths(sh('case x in a) touch /c'))).toEqual(['/c']);
    expect(paths(sh('( ( touch /p'))).toEqual(['/p']);
    expect(paths(sh('touch /q && && || | touch /r'))).toEqual(['/q', '/r']);
    expect(paths(sh('X=$(touch /u; touch /v'))).toEqual(['/u', '/v']);
  });
});

describe('exec and wrappers', () => {
  it('exec runs the program', () => {
    const r = sh('exec nginx -g "daemon off;"');
    expect(r.executables).toEqual(['nginx']);
    expect(sh('cp /a /b && exec java -jar /app.jar').executables).toEqual(['cp', 'java']);
    expect(sh('exec -a name cp /a /b').writes).toMatchObject([{ path: '/b' }]);
  });

  it('runs a shell behind sudo or runuser', () => {
    expect(paths(sh("sudo sh -c 'echo x > /etc/y'; runuser -u app -- touch /r; runuser app -c 'touch /c'"))).toEqual(['/etc/y', '/r', '/c']);
  });

  it('exec "$0" "$@" runs the words after the script', () => {
    const r = analyze({ command: ['/bin/sh', '-c', 'exec "$0" "$@"', 'nginx', '-g', 'daemon off;'] });
    expect(r.executables).toEqual(['nginx']);
  });

  it('exec "$@" runs the arguments', () => {
    const r = analyze({ command: ['sh', '-c', 'mkdir -p /run/app; exec "$@"', '--', 'touch', '/x y'] });
    expect(paths(r)).toEqual(['/run/app', '/x y']);
    expect(r.executables).toEqual(['mkdir', 'touch']);
  });

  it('leaves shell builtins out of executables', () => {
    expect(sh('cd /x && export A=1 && set -e && ./run.sh --flag; : ; true').executables).toEqual(['run.sh']);
    expect(sh('command -v curl; command touch /c').executables).toEqual(['touch']);
  });

  it.each([
    'sudo touch /x',
    'sudo -u app -E touch /x',
    'sudo HOME=/h touch /x',
    'exec touch /x',
    'env touch /x',
    'env -i A=1 B=2 touch /x',
    'nice -n 10 touch /x',
    'nice -10 touch /x',
    'nohup touch /x &',
    'timeout 60 touch /x',
    'timeout -s KILL 5m touch /x',
    'stdbuf -oL touch /x',
    'ionice -c 3 touch /x',
    'doas -u app touch /x',
    'command touch /x',
    'time touch /x',
    'exec sudo env nice timeout 5 touch /x',
  ])('%s', (script) => {
    expect(writes(sh(script))).toEqual([['touch', '/x']]);
  });

  it('passes a leading or env assignment to the program', () => {
    expect(paths(sh('HOME=/h npm install', { workingDir: '/app' }))).toEqual(['/app/node_modules', '/h/.npm']);
    expect(paths(sh('env HOME=/e npm install', { workingDir: '/app' }))).toEqual(['/app/node_modules', '/e/.npm']);
  });
});

describe('installs', () => {
  it.each<[string, string]>([
    ['apt-get install -y curl', 'apt-get install'],
    ['apt-get -y install curl', 'apt-get install'],
    ['apt-get -o Dpkg::Options::=--force-confnew -qq install curl', 'apt-get install'],
    ['apt install curl', 'apt install'],
    ['apt-get upgrade -y', 'apt-get upgrade'],
    ['apk add --no-cache curl', 'apk add'],
    ['apk --no-cache add curl', 'apk add'],
    ['apk -X http://mirror add curl', 'apk add'],
    ['yum install -y curl', 'yum install'],
    ['yum -y install curl', 'yum install'],
    ['dnf --setopt=tsflags=nodocs install -y curl', 'dnf install'],
    ['microdnf install curl', 'microdnf install'],
    ['zypper -n in curl', 'zypper install'],
    ['zypper install curl', 'zypper install'],
    ['pip install requests', 'pip install'],
    ['pip3 install -r requirements.txt', 'pip install'],
    ['pip3.11 --no-cache-dir install x', 'pip install'],
    ['python -m pip install x', 'pip install'],
    ['python3.12 -m pip install --upgrade pip', 'pip install'],
    ['/usr/local/bin/pip install x', 'pip install'],
    ['npm install', 'npm install'],
    ['npm i express', 'npm install'],
    ['npm --silent install', 'npm install'],
    ['npm ci', 'npm ci'],
    ['yarn add left-pad', 'yarn add'],
    ['yarn install --frozen-lockfile', 'yarn install'],
    ['yarn', 'yarn install'],
    ['pnpm install', 'pnpm install'],
    ['gem install bundler', 'gem install'],
    ['bundle install', 'bundle install'],
    ['go install golang.org/x/tools/gopls@latest', 'go install'],
    ['cargo install ripgrep', 'cargo install'],
    ['conda install -y numpy', 'conda install'],
    ['dpkg -i /tmp/a.deb', 'dpkg -i'],
    ['rpm -ivh /tmp/a.rpm', 'rpm -i'],
    ['pacman -Syu --noconfirm curl', 'pacman -S'],
    ['composer install', 'composer install'],
  ])('%s', (script, tool) => {
    const r = sh(script, { workingDir: '/app', env: { HOME: '/root' } });
    expect(tools(r)).toEqual([tool]);
  });

  it.each([
    'apt-get update',
    'apt-cache policy curl',
    'apk info',
    'yum clean all',
    'pip freeze',
    'pip download x',
    'python -m http.server',
    'npm run build',
    'npm start',
    'npm run install',
    'yarn start',
    'yarn run build',
    'go build ./...',
    'go run .',
    'cargo build',
    'gem list',
    'rpm -qa',
    'pacman -Ss curl',
    'echo apt-get install curl',
  ])('%s is not an install', (script) => {
    expect(sh(script, { workingDir: '/app' }).installs).toEqual([]);
  });

  it.each([
    'sudo apt-get install -y curl',
    'sudo -E apt-get install -y curl',
    'exec apt-get install -y curl',
    'env DEBIAN_FRONTEND=noninteractive apt-get install -y curl',
    'DEBIAN_FRONTEND=noninteractive apt-get install -y curl',
    'nice apt-get install -y curl',
    'timeout 300 apt-get install -y curl',
    'apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
  ])('%s, behind a wrapper', (script) => {
    const r = sh(script);
    expect(tools(r)).toEqual(['apt-get install']);
    const i = r.installs[0];
    expect(i?.raw).toBe('apt-get');
  });

  it('records where npm install writes', () => {
    expect(writes(sh('npm install', { workingDir: '/app', env: { HOME: '/home/node' } }))).toEqual([
      ['npm install', '/app/node_modules'],
      ['npm install', '/home/node/.npm'],
    ]);
    const r = sh('npm ci');
    expect(r.writes).toEqual([
      { path: null, reason: 'relative path and no workingDir', raw: 'npm', op: 'npm install', arg: 2, offset: 0 },
      { path: null, reason: 'variable $HOME is not set', raw: 'npm', op: 'npm install', arg: 2, offset: 0 },
    ]);
    expect(writes(sh('npm install -g pm2', { env: { HOME: '/h' } }))).toEqual([
      ['npm install', null],
      ['npm install', '/h/.npm'],
    ]);
    expect(writes(sh('npm --prefix /opt/app install --cache /tmp/npm'))).toEqual([
      ['npm install', '/opt/app/node_modules'],
      ['npm install', '/tmp/npm'],
    ]);
    expect(writes(sh('npm install', { workingDir: '/app', env: { npm_config_cache: '/c' } }))).toEqual([
      ['npm install', '/app/node_modules'],
      ['npm install', '/c'],
    ]);
  });

  it('records where pip install writes', () => {
    expect(only(sh('pip install flask'))).toEqual({ path: null, reason: 'site-packages', raw: 'pip', op: 'pip install', arg: 2, offset: 0 });
    expect(paths(sh('pip install --user flask', { env: { HOME: '/home/app' } }))).toEqual(['/home/app/.local']);
    expect(paths(sh('pip install -t /opt/deps flask; pip install --target=/opt/t x; pip install --prefix /usr/local y'))).toEqual(['/opt/deps', '/opt/t', '/usr/local']);
  });

  it('points at the installer word', () => {
    const r = sh('set -e; sudo -E apt-get install -y curl');
    expect(r.installs).toEqual([{ tool: 'apt-get install', raw: 'apt-get', arg: 2, offset: 16 }]);
    const p = sh('python3 -m pip install x');
    expect(p.installs).toEqual([{ tool: 'pip install', raw: 'python3', arg: 2, offset: 0 }]);
  });

  it('finds installs in the exec form', () => {
    expect(tools(analyze({ command: ['pip', 'install', 'x'] }))).toEqual(['pip install']);
    expect(analyze({ command: ['apk', 'add', 'curl'] }).installs).toEqual([{ tool: 'apk add', raw: 'apk', arg: 0, offset: 0 }]);
  });
});

describe('offsets', () => {
  it('point into the script element, after the kubelet substitution too', () => {
    const script = 'A=$(X)\nmkdir -p "$A/b" $(X)/c\necho $$$$ > /tmp/$$x';
    const input = { command: ['sh', '-c'], args: [script], env: { X: '/xx' } };
    const r = analyze(input);
    expect(r.writes).toEqual([
      { path: '/xx/b', raw: '"$A/b"', op: 'mkdir', arg: 2, offset: 16 },
      { path: '/xx/c', raw: '$(X)/c', op: 'mkdir', arg: 2, offset: 23 },
      // `$$x` reaches the shell as `$x`.
      { path: null, reason: 'variable $x is not set', raw: '/tmp/$$x', op: '>', arg: 2, offset: 42 },
    ]);
  });

  it('point into a nested script', () => {
    const r = sh(`bash -c 'cd /n && touch "f g"'`);
    expect(r.writes).toEqual([{ path: '/n/f g', raw: '"f g"', op: 'touch', arg: 2, offset: 24 }]);
  });

  it('point into a command substitution', () => {
    const r = sh('echo "$(tee /log)"');
    expect(r.writes).toEqual([{ path: '/log', raw: '/log', op: 'tee', arg: 2, offset: 12 }]);
  });

  it('point into a process substitution', () => {
    const r = sh('tee >(gzip > /x.gz) < /in');
    expect(r.writes).toEqual([{ path: '/x.gz', raw: '/x.gz', op: '>', arg: 2, offset: 13 }]);
  });
});

describe('bounds', () => {
  it('analyses the first 100 KB of a long script', () => {
    const filler = 'echo filler\n'.repeat(10_000);
    const r = sh(`touch /first\n${filler}touch /last`);
    expect(paths(r)).toEqual(['/first']);
    expect(r.script?.endsWith('touch /last')).toBe(true);
  });

  it('survives deep nesting', () => {
    const deep = (open: string, close: string, n: number): string => open.repeat(n) + 'touch /deep' + close.repeat(n);
    expect(() => sh(deep('(', ')', 5_000))).not.toThrow();
    expect(() => sh(deep('{ ', '; }', 5_000))).not.toThrow();
    expect(() => sh(deep('if true; then ', '; fi', 3_000))).not.toThrow();
    expect(() => sh(deep('$(', ')', 5_000))).not.toThrow();
    expect(() => sh(deep('echo ${A:-', '}', 5_000))).not.toThrow();
    expect(() => sh(deep('"$(', ')"', 5_000))).not.toThrow();
    expect(() => sh(deep('sh -c "', '"', 2_000))).not.toThrow();
    expect(paths(sh(deep('( ', ' )', 20)))).toEqual(['/deep']);
    expect(paths(sh(deep('{ ', '; }', 20)))).toEqual(['/deep']);
    // `((` opens an arithmetic command, as in bash.
    expect(paths(sh(deep('(', ')', 20)))).toEqual([]);
  });

  it('bounds nested loops and many commands', () => {
    const items = Array.from({ length: 16 }, (_, i) => `/d${i}`).join(' ');
    const r = sh(`for a in ${items}; do for b in ${items}; do for c in ${items}; do touch "$a$b$c"; done; done; done`);
    expect(r.writes.length).toBeLessThanOrEqual(16);
    expect(() => sh('touch /x;'.repeat(10_000))).not.toThrow();
    expect(() => sh('f() { f; f; }; f')).not.toThrow();
  });
});
