/** The container's command, as a pod spec gives it. */
export interface CommandInput {
  command?: string[];
  args?: string[];
  /** The container env; an undefined value is set but unknown (valueFrom). */
  env?: Record<string, string | undefined>;
  workingDir?: string;
}

/** A place the command writes on the filesystem. */
export interface Write {
  /** Absolute and normalised; null when it cannot be resolved statically. */
  path: string | null;
  /** The word as written: `input.command/args[arg].slice(offset, offset + raw.length)`. */
  raw: string;
  /** '>', '>>', '<>', 'tee', 'cp', 'mv', 'install', 'rsync', 'mkdir', 'touch', 'ln', 'sed -i', 'chmod', 'chown', 'chgrp', 'tar -x', 'tar -c', 'curl -o', 'curl -O', 'wget -O', 'wget', 'unzip -d', 'dd', 'truncate', 'rm', 'heredoc', 'npm install', 'pip install' … */
  op: string;
  /** Why path is null: 'variable $X is not set', 'variable $X is set from valueFrom', 'command substitution', 'relative path and no workingDir', 'site-packages' … */
  reason?: string;
  /** Index into command ++ args of the element that holds raw. */
  arg: number;
  /** Character offset of raw inside that element. */
  offset: number;
}

/** A package installation at run time. */
export interface Install {
  /** 'apt-get install', 'apk add', 'yum install', 'pip install', 'npm install', 'npm ci' … */
  tool: string;
  /** The installer's command word as written (e.g. `apt-get`, `pip3`, `python3` of `python3 -m pip`). */
  raw: string;
  arg: number;
  offset: number;
}

export interface CommandAnalysis {
  writes: Write[];
  installs: Install[];
  /** The shell script when the command is `sh -c` (bash, ash, dash …), possibly behind tini, env …; else null. */
  script: string | null;
  /** Basenames of the programs run, in order of first appearance: ['nginx'], ['cp', 'java']. Shell builtins, shell functions and the shell running the script are left out. */
  executables: string[];
  /** A here-document or here-string is used: shells may write it to a temporary file in $TMPDIR or /tmp. */
  heredoc: boolean;
}
