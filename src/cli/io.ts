/** What the CLI touches of its process: injected so tests can run main() in-process as well. */
export interface Output {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: Output;
  stderr: Output;
  stdinIsTTY: boolean;
  readStdin(): Promise<Buffer>;
}

export const EXIT_OK = 0;
/** check: errors found; fix: a fix was refused or a file still holds errors rootlock cannot fix. */
export const EXIT_PROBLEMS = 1;
/** Usage or I/O error. */
export const EXIT_USAGE = 2;

/** A mistake on the command line: reported with the usage text, exit 2. */
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: !!process.stdin.isTTY,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks);
    },
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
export function useColour(io: Io): boolean {
  return !!io.stdout.isTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
