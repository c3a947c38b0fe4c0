import { readFile, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Io } from './io.ts';

/** A file to analyse: `display` is the path as the user wrote it (or as found under their DIR). */
export type Input =
  | { kind: 'file'; display: string; abs: string }
  | { kind: 'stdin'; display: string };

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** "no such file or directory" for ENOENT and friends; never a stack trace. */
export function describeIoError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files';
    case 'ENAMETOOLONG': return 'file name too long';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on device';
    default: return e?.message ?? String(err);
  }
}

export interface Expanded {
  inputs: Input[];
  /** One line per path that could not be used, saying which and why. */
  errors: string[];
}

/**
 * Turns FILE|DIR|- arguments into inputs, in argument order. A DIR is searched recursively for
 * manifests (node_modules and hidden entries skipped), sorted by path; a file named explicitly is
 * taken whatever its extension (so `<(helm template …)` works). Duplicates are dropped.
 */
export async function expandPaths(args: readonly string[], io: Io, stdinName = '<stdin>'): Promise<Expanded> {
  const inputs: Input[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (display: string, abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    inputs.push({ kind: 'file', display, abs });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (!seen.has('-')) inputs.push({ kind: 'stdin', display: stdinName });
      seen.add('-');
      continue;
    }
    const abs = resolve(io.cwd, arg);
    let st;
    try {
      st = await stat(abs);
    } catch (err) {
      errors.push(`cannot read ${arg}: ${describeIoError(err)}`);
      continue;
    }
    if (!st.isDirectory()) {
      add(arg, abs);
      continue;
    }
    const found: Array<{ display: string; abs: string }> = [];
    await walk(arg, abs, found, errors, new Set());
    if (!found.length && !errors.length) {
      errors.push(`${arg}: no ${MANIFEST_EXTENSIONS.map((e) => `*${e}`).join(', ')} files in this directory (node_modules and hidden entries are skipped)`);
    }
    found.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
    for (const f of found) add(f.display, f.abs);
  }
  return { inputs, errors };
}

async function walk(display: string, abs: string, out: Array<{ display: string; abs: string }>, errors: string[], visited: Set<string>): Promise<void> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch (err) {
    errors.push(`cannot read ${display}: ${describeIoError(err)}`);
    return;
  }
  if (visited.has(real)) return; // a symlink loop
  visited.add(real);
  let entries;
  try {
    entries = await readdir(abs, { withFileTypes: true });
  } catch (err) {
    errors.push(`cannot read directory ${display}: ${describeIoError(err)}`);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const childDisplay = join(display, entry.name);
    const childAbs = join(abs, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = await stat(childAbs);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch {
        continue; // a dangling link is not a manifest
      }
    }
    if (isDir) await walk(childDisplay, childAbs, out, errors, visited);
    else if (isFile && MANIFEST_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push({ display: childDisplay, abs: childAbs });
  }
}

/** How a file's bytes map to its text, so `fix --write` can put back exactly what it did not fix. */
export interface Encoding {
  name: 'utf-8' | 'utf-16le' | 'utf-16be';
  bom: boolean;
}

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string; line: number; column: number };

/** Decodes UTF-8 (with or without BOM) and UTF-16 with a BOM; anything else is reported, not guessed. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(bytes, 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad !== -1) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) if (body[i] === 0x0a) { line++; lineStart = i + 1; }
    const hex = (body[bad] as number).toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, line, column: bad - lineStart + 1, message: `This file is not UTF-8 text: byte 0x${hex} at line ${line} is not valid UTF-8 (perhaps Latin-1 or Windows-1252). Save it as UTF-8.` };
  }
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding: { name: 'utf-8', bom } };
}

function decodeWith(bytes: Uint8Array, name: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    const text = new TextDecoder(name, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    return { ok: true, text, encoding: { name, bom: true } };
  } catch {
    return { ok: false, line: 1, column: 1, message: `This file starts with a ${name.toUpperCase()} byte order mark but is not valid ${name.toUpperCase()} text. Save it as UTF-8.` };
  }
}

export function encode(text: string, encoding: Encoding): Buffer {
  if (encoding.name === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding.name === 'utf-16be') return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  const body = Buffer.from(text, 'utf8');
  return encoding.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Offset of the first byte that does not belong to well-formed UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) { i++; continue; }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { n = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { n = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

export async function readInput(input: Input, io: Io): Promise<Buffer> {
  return input.kind === 'stdin' ? io.readStdin() : readFile(input.abs);
}

/** Writes in place (keeping the file's inode, mode and any symlink that points at it). */
export async function writeInPlace(abs: string, bytes: Uint8Array): Promise<void> {
  await writeFile(abs, bytes);
}
