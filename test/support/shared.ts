/**
 * Test-only helpers for the suites that read third-party data from ../shared (next to the repo).
 * Resolved from this file's location: the repo root is the parent of test/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Lexer } from 'yaml';
import type { Analysis } from '../../src/index.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = resolve(REPO_ROOT, '..', 'shared');

/** A path below ../shared. */
export function shared(...parts: string[]): string {
  return join(SHARED, ...parts);
}

/** Why a suite cannot run, or undefined when every path it needs exists below ../shared. */
export function missingShared(...parts: string[][]): string | undefined {
  for (const p of parts) {
    const full = shared(...p);
    if (!existsSync(full)) return `${full} is absent (../shared is provided in CI); this suite is skipped`;
  }
  return undefined;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/**
 * Every comment of a YAML text, trimmed: whole-line comments and trailing ones. Uses the yaml
 * lexer, so a `#` inside a quoted or block scalar is not taken for a comment.
 */
export function comments(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) out.add(token.trim());
  }
  return out;
}

/** Comments of `before` that `after` no longer has. */
export function lostComments(before: string, after: string): string[] {
  const kept = comments(after);
  return [...comments(before)].filter((c) => !kept.has(c));
}

/** Error-severity diagnostics per code, to compare a text with its fixed version. */
export function errorCodes(a: Analysis): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of a.diagnostics) if (d.severity === 'error') out.set(d.code, (out.get(d.code) ?? 0) + 1);
  return out;
}

/** Codes whose count of error diagnostics grew from `before` to `after`. */
export function newErrorCodes(before: Analysis, after: Analysis): string[] {
  const b = errorCodes(before);
  return [...errorCodes(after)].filter(([code, n]) => n > (b.get(code) ?? 0)).map(([code, n]) => `${code} (${b.get(code) ?? 0} → ${n})`);
}

/** A small seeded PRNG (mulberry32), so generated test data is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
