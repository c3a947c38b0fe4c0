export const USAGE = `Usage:
  rootlock check [--format text|json|sarif] [--pss-version vX.Y] FILE|DIR|- ...
  rootlock fix [--write] [--safe-only] FILE ...
  rootlock --help | --version
`;

export const CHECK_HELP = `Usage: rootlock check [--format text|json|sarif] [--pss-version vX.Y] FILE|DIR|- ...

Analyses Kubernetes manifests (YAML or JSON) and reports containers whose root filesystem is
writable, read-only containers with nowhere to write, and volume mistakes.

  FILE                a manifest; a file named here is read whatever its extension
  DIR                 searched recursively for *.yaml, *.yml and *.json, in path order
                      (node_modules and hidden files and directories are skipped)
  -                   read a manifest from standard input

Options:
  -f, --format FORMAT      text (default), json, or sarif (SARIF 2.1.0 for GitHub code scanning)
      --pss-version V      Pod Security Standards version for the pss-* findings: latest (default) or v1.0 … v1.37
      --stdin-filename N   the name to report for standard input (default <stdin>)
  -h, --help               show this help

Exit status: 0 no errors, 1 an error-severity finding or a syntax error, 2 a usage or I/O error.
`;

export const FIX_HELP = `Usage: rootlock fix [--write] [--safe-only] FILE ...

Applies rootlock's fixes and keeps the rest of each file as it is (comments, order, quoting,
line endings). Without --write, prints the fixed manifest of one FILE (or - for standard input)
to standard output; with --write, rewrites every FILE in place. What was applied is reported on
standard error.

Options:
  -w, --write       rewrite each FILE in place instead of printing it
      --safe-only   apply only safe fixes (those that keep what the workload does); leaves out
                    e.g. setting readOnlyRootFilesystem: true, which can break a program that
                    writes to its root filesystem
  -h, --help        show this help

Exit status: 0 fixed (or nothing to fix), 1 a fix was refused or a file has syntax errors,
2 a usage or I/O error.
`;

export const HELP = `rootlock: make Kubernetes containers use readOnlyRootFilesystem correctly.

${USAGE}
Commands:
  check   report problems in manifests (text, JSON or SARIF)
  fix     apply the fixes, to standard output or in place with --write

Run "rootlock check --help" or "rootlock fix --help" for the options of a command.
`;

export function usageFor(command: string | undefined): string {
  if (command === 'check') return CHECK_HELP.split('\n')[0] as string;
  if (command === 'fix') return FIX_HELP.split('\n')[0] as string;
  return USAGE.trimEnd();
}
