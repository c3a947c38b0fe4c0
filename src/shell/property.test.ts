import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCommand, analyzeCommandStrict } from './index.ts';
import type { CommandInput } from './index.ts';
import { invariantProblems } from './test-util.ts';

/** Scripts in the shape of the unit tests and of real entrypoints, to mutate. */
const CORPUS = [
  "cp /config-source/* /shared/config/ && echo 'Config files copied'",
  'set -euo pipefail\nmkdir -p "$DATA/cache" && cd /app && touch foo > log 2>&1',
  "cat <<EOF > /etc/app.conf\nkey=$VALUE\nrm -rf /data\nEOF\ncat <<-'X' | sh\n\ttouch /y\n\tX\necho done",
  'for d in /a /b "/c d"; do mkdir -p "$d/sub"; done; for f in /docker-entrypoint.d/*.sh; do . "$f"; done',
  'if [ -z "${DIR:-}" ]; then DIR=/data; elif test -f /x; then DIR=$(cat /x); else DIR=~/d; fi\nchown -R 1000:1000 "$DIR"',
  'case "$1" in\n  start) exec nginx -g "daemon off;" ;;\n  stop|halt) touch /stop ;&\n  (*) touch /other\nesac',
  'while read -r line; do echo "$line" >> /out; done < /in; until false; do break; done',
  'setup() { mkdir -p "$DATA"; }\nDATA=/data\nsetup\ntrap \'rm -f /run/app.pid\' EXIT',
  'apt-get update && sudo -E apt-get install -y curl && rm -rf /var/lib/apt/lists/*; pip install --user x; npm ci',
  'tar -xzf /tmp/a.tgz -C /opt; curl -fsSLo /tmp/f https://x; wget -qO- https://x | sh; unzip /a.zip -d /u',
  'export A=/a B=${A:-/b}; X=$(mkdir -p /made && echo /made); echo `date` > "$X/${B%/*}.log"',
  '( cd /sub; touch a ) | tee -a /t >(gzip > /x.gz) <(cat /y); { cd /g; } && exec "$@"',
  "sed -i.bak -e 's/a/b/' /etc/f; ln -sf /opt/app /usr/local/bin/app; dd if=/dev/zero of=/swap bs=1M",
  'exec 3<>/tmp/lock {fd}>/tmp/a >&2 2>&1 &>/dev/null; [[ $a > $b ]]; (( x > 1 )); echo $((1 + 2)) $\'a\\tb\' $"l"',
  'arr=(1 2 3); echo ${arr[0]} ${#arr} ${!x} ${x//a/b} ${x:1:2}; f() { f; }; f',
  'mkdir $(DIR)/x $$HOME $(UNDEFINED) $$(echo) $(',
];

const TOKENS = [
  ' ', ' ', ' ', '\n', '\t', ';', ';;', '&', '&&', '||', '|', '|&', '(', ')', '((', '))', '{', '}', '{ ', ' }',
  '<', '>', '>>', '>|', '&>', '2>&1', '>&2', '<&0', '<<', '<<-', '<<<', '<>', '<(', '>(', '3>',
  "'", '"', '`', '\\', '\\\n', '$', '$(', '${', '$((', '}', '$@', '"$@"', '$1', '$HOME', '$X', '${X:-/d}', '${X%/*}', "$'", '$"',
  '#', '~', '~/', '*', '?', '[', '{a,b}', '=', 'X=', 'X=/x', '/', '/tmp', '..', '.', '//',
  'if', 'then', 'elif', 'else', 'fi', 'for', 'in', 'do', 'done', 'while', 'until', 'case', 'esac', 'function', 'select', 'time', '!', '[[', ']]',
  'EOF', '\nEOF\n', "'EOF'", 'cd', 'cd ..', 'export', 'unset', 'set --', 'shift', 'read', 'exec', 'env', 'sudo', 'timeout 5', 'nice', 'sh -c', 'bash -c',
  'cp', 'mv', 'tee', 'mkdir -p', 'touch', 'ln -s', 'sed -i', 'chmod 755', 'chown', 'tar -xf', 'tar xzf', '-C', 'curl -o', 'wget -O', 'unzip -d', 'dd of=', 'rm -rf', 'mktemp', 'find', '-exec', '-delete',
  'apt-get install', 'apk add', 'pip install', 'python -m pip install', 'npm install', 'yarn', 'xargs -I{}', 'eval', 'trap', 'f()', '$(X)', '$$',
];

const token = fc.constantFrom(...TOKENS);
const soup = fc.array(fc.oneof({ weight: 4, arbitrary: token }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { maxLength: 60 }).map((ts) => ts.join(''));

/** A corpus script with random characters deleted and tokens or strings inserted. */
const mutated = fc
  .tuple(
    fc.constantFrom(...CORPUS),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.oneof(token, fc.string({ maxLength: 4 }), fc.constant(''))), { minLength: 1, maxLength: 8 }),
  )
  .map(([script, edits]) => {
    let s = script;
    for (const [pos, del, ins] of edits) {
      const at = s.length ? pos % (s.length + 1) : 0;
      s = s.slice(0, at) + ins + s.slice(at + del);
    }
    return s;
  });

const envValue = fc.oneof(fc.constant(undefined), fc.constantFrom('/data', '', '/a b', '$(X)/y', '$(NOPE)', '$$', 'rel/dir', '*'), fc.string({ maxLength: 8 }));
const env = fc.dictionary(fc.constantFrom('X', 'DATA', 'HOME', 'TMPDIR', 'DIR', 'PWD', 'npm_config_cache', 'A', 'B'), envValue, { maxKeys: 5 });
const workingDir = fc.option(fc.constantFrom('/app', '/', 'rel', '/a/../b/', ''), { nil: undefined });

function check(input: CommandInput): void {
  const r = analyzeCommandStrict(input);
  expect(invariantProblems(input, r)).toEqual([]);
  expect(analyzeCommand(input)).toEqual(r);
}

const RUNS = { numRuns: 400 };

describe('property: the analyser is total and its offsets are consistent', () => {
  it('random strings as a sh -c script', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), env, workingDir, (script, e, wd) => check({ command: ['sh', '-c', script], env: e, workingDir: wd })),
      RUNS,
    );
  });

  it('random full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (script) => check({ command: ['bash', '-ec'], args: [script] })),
      RUNS,
    );
  });

  it('token soup', () => {
    fc.assert(fc.property(soup, env, workingDir, (script, e, wd) => check({ command: ['sh', '-c', script, 'arg0', '/p1'], env: e, workingDir: wd })), RUNS);
  });

  it('mutations of the test scripts', () => {
    fc.assert(fc.property(mutated, env, workingDir, (script, e, wd) => check({ command: ['/bin/sh', '-c'], args: [script], env: e, workingDir: wd })), RUNS);
  });

  it('random exec-form argv', () => {
    const word = fc.oneof(token, fc.constantFrom('sh', '-c', '-ec', 'tini', '--', 'env', 'A=1', '/x', 'x'), fc.string({ maxLength: 10 }), mutated);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), fc.array(word, { maxLength: 4 }), env, workingDir, (command, args, e, wd) => check({ command, args, env: e, workingDir: wd })),
      RUNS,
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(mutated, env, (script, e) => {
        const input = { command: ['sh', '-c', script], env: e, workingDir: '/w' };
        expect(analyzeCommandStrict(input)).toEqual(analyzeCommandStrict(input));
      }),
      { numRuns: 100 },
    );
  });

  it('the unmutated corpus', () => {
    for (const script of CORPUS) check({ command: ['sh', '-c', script], env: { X: '/x', HOME: '/root' }, workingDir: '/w' });
  });
});
