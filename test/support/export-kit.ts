/**
 * Test-only helpers for src/export: the real kubectl (kustomize and `patch --local`), a small RFC 6902
 * applier, and the manifests the round-trip suites run over (the fail fixtures of fixtures/rules/**
 * and a spread of ../shared/corpus/real-world).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { applyFixes } from '../../src/index.ts';
import type { JsonPatchOp } from '../../src/export/jsonPatch.ts';
import type { Json } from '../../src/export/json.ts';
import { missingShared, readJson, readText, REPO_ROOT, shared } from './shared.ts';

/** Why kubectl cannot be used here, or undefined when it runs (kubectl v1.32 carries kustomize v5.5). */
export const KUBECTL_MISSING: string | undefined = (() => {
  const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'kubectl is not installed here (the kustomize and JSON patch round trips need the real client); skipped';
})();

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'rootlock-export-'));
}

export function writeTree(dir: string, files: ReadonlyArray<{ path: string; content: string }>): void {
  for (const f of files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** `kubectl kustomize DIR` parsed into objects; throws with kustomize's message when it fails. */
export function kustomize(dir: string): Json[] {
  const r = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`kubectl kustomize failed: ${r.stderr.trim()}`);
  return parseAllDocuments(r.stdout).map((d) => d.toJS() as Json).filter((x) => x !== null);
}

/** `kubectl patch --local --type json` of one object (written as JSON, so no YAML reading differs). */
export function kubectlJsonPatch(object: Json, patch: JsonPatchOp[]): Json {
  const dir = tempDir();
  try {
    writeFileSync(join(dir, 'object.json'), JSON.stringify(object));
    writeFileSync(join(dir, 'patch.json'), JSON.stringify(patch));
    const out = execFileSync('kubectl', ['patch', '--local', '-f', join(dir, 'object.json'), '--type', 'json', '--patch-file', join(dir, 'patch.json'), '-o', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return JSON.parse(out) as Json;
  } finally {
    removeDir(dir);
  }
}

/** RFC 6902 add / remove / replace, applied in order to a copy (what the export emits). */
export function applyJsonPatch(doc: Json, ops: readonly JsonPatchOp[]): Json {
  let root = JSON.parse(JSON.stringify(doc)) as Json;
  for (const op of ops) {
    const tokens = op.path === '' ? [] : op.path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (op.path !== '' && !op.path.startsWith('/')) throw new Error(`bad pointer ${op.path}`);
    if (!tokens.length) {
      if (op.op === 'remove') throw new Error('cannot remove the root');
      root = op.value;
      continue;
    }
    let parent: Json = root;
    for (const t of tokens.slice(0, -1)) {
      const next: Json | undefined = Array.isArray(parent) ? parent[index(t, parent.length - 1)] : parent && typeof parent === 'object' ? parent[t] : undefined;
      if (next === undefined || next === null || typeof next !== 'object') throw new Error(`path ${op.path} does not exist`);
      parent = next;
    }
    const last = tokens[tokens.length - 1] as string;
    if (Array.isArray(parent)) {
      if (op.op === 'add') {
        parent.splice(last === '-' ? parent.length : index(last, parent.length), 0, op.value);
      } else {
        const i = index(last, parent.length - 1);
        if (op.op === 'remove') parent.splice(i, 1);
        else parent[i] = op.value;
      }
    } else if (parent && typeof parent === 'object') {
      if (op.op !== 'add' && !(last in parent)) throw new Error(`${op.op}: ${op.path} does not exist`);
      if (op.op === 'remove') delete parent[last];
      else parent[last] = op.value;
    } else {
      throw new Error(`path ${op.path}: parent is not a container`);
    }
  }
  return root;
}

function index(t: string, max: number): number {
  if (!/^(0|[1-9][0-9]*)$/.test(t)) throw new Error(`bad array index ${t}`);
  const i = Number(t);
  if (i > max) throw new Error(`array index ${i} out of bounds`);
  return i;
}

export interface Sample {
  /** Shown in test names: fixtures/rules/… or corpus/… */
  name: string;
  original: string;
  corrected: string;
}

const FIXTURES = join(REPO_ROOT, 'fixtures', 'rules');

/** Every fail fixture of fixtures/rules/** with "Fix all" applied (all rules, as the export dialog does). */
export function fixtureSamples(): Sample[] {
  const out: Sample[] = [];
  for (const rule of readdirSync(FIXTURES).sort()) {
    for (const f of readdirSync(join(FIXTURES, rule)).sort()) {
      if (!/^fail\.[^.]+\.(yaml|yml|json)$/.test(f)) continue;
      const original = readText(join(FIXTURES, rule, f));
      out.push({ name: `fixtures/rules/${rule}/${f}`, original, corrected: applyFixes(original).text });
    }
  }
  return out;
}

export const CORPUS_MISSING = missingShared(['corpus', 'real-world', 'index.json']);

/**
 * About `count` real manifests that "Fix all" changes, spread over the corpus' sources (round
 * robin over the sources, files in index order), the same ones on every run.
 */
export function corpusSamples(count = 30): Sample[] {
  if (CORPUS_MISSING) return [];
  const index = readJson<{ files: Array<{ source: string; file: string }> }>(shared('corpus', 'real-world', 'index.json'));
  const bySource = new Map<string, string[]>();
  for (const f of index.files) bySource.set(f.source, [...(bySource.get(f.source) ?? []), f.file]);
  const queues = [...bySource.values()];
  const out: Sample[] = [];
  while (out.length < count && queues.some((q) => q.length)) {
    for (const q of queues) {
      const file = q.shift();
      if (!file || out.length >= count) continue;
      const original = readText(shared('corpus', 'real-world', file));
      const corrected = applyFixes(original).text;
      if (corrected !== original) out.push({ name: `corpus/${relative('.', file)}`, original, corrected });
    }
  }
  return out;
}
