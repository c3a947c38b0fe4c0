import { defineRule } from './define.ts';
import { containerWrites } from '../model/writes.ts';
import { containerLabel, isWindows, volumeFixFor, workloadLabel } from './util.ts';

export default defineRule({
  id: 'command-writes-read-only-path',
  severity: 'error',
  docs: {
    summary: 'The container\'s command writes where it cannot',
    why: 'rootlock reads `command` and `args` — including `sh -c` scripts with their quoting, variables, `cd`, redirections and here-documents — and finds what they write: `>`/`>>`, `tee`, `cp`/`mv`/`install`/`rsync` destinations, `mkdir`, `touch`, `ln`, `sed -i`, `chmod`/`chown`, `tar -x -C`, `curl -o`, `wget -O`, `unzip -d` … A write to the read-only root or a read-only mount fails at start-up. A path rootlock cannot work out (an unset variable, a command substitution) is reported as unknown, not guessed.',
    fix: 'Write to a writable mount instead (e.g. /tmp), or mount an emptyDir where the command writes. rootlock does not offer to mount over system directories such as /etc or /usr, which would hide the image\'s files.',
    url: 'https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/',
  },
  check(pod, report) {
    if (isWindows(pod)) return;
    for (const c of pod.containers) {
      if (c.readOnlyRootFilesystem !== true || c.type === 'ephemeral') continue;
      const w = containerWrites(c);
      for (const n of w.needs) {
        if (n.origin !== 'command' || n.writability.writable !== false) continue;
        const bashHeredoc = n.write?.op === 'heredoc';
        const where = n.writability.mount ? n.writability.reason : 'the root filesystem is read-only';
        const fix = n.writability.mount ? undefined : volumeFixFor(pod, c, n);
        report({
          at: n.at,
          container: c,
          subject: n.path,
          severity: bashHeredoc && !isBash(c) ? 'info' : 'error',
          message: bashHeredoc
            ? `${containerLabel(c)} in ${workloadLabel(pod)} uses a here-document: bash writes it to a temporary file in $TMPDIR or /tmp (from bash 5.1 only when it is larger than a pipe buffer; dash and busybox ash use a pipe), and ${where}. It would log: ${n.error}`
            : `${containerLabel(c)} in ${workloadLabel(pod)} runs a command that writes ${n.path} (\`${n.write?.op}\`), but ${where}. It would log: ${n.error}`,
          fixes: fix ? [fix] : [],
        });
      }
      for (const u of w.unknown) {
        if (/valueFrom/.test(u.reason) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(u.name)) continue; // env-path-not-writable's
        report({
          at: u.at,
          container: c,
          subject: u.name,
          severity: 'info',
          message: `${containerLabel(c)} in ${workloadLabel(pod)} runs a command that writes to ${u.name}, which rootlock cannot resolve (${u.reason}): make sure it lands in a writable mount`,
        });
      }
    }
  },
});

function isBash(c: { command: { values: string[] } | null; args: { values: string[] } | null }): boolean {
  const argv = [...(c.command?.values ?? []), ...(c.args?.values ?? [])];
  return argv.some((a) => /(^|\/)bash$/.test(a));
}
