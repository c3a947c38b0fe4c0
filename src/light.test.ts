/**
 * src/light.ts stays light: the modules it loads at run time (type-only imports are erased) are
 * these few, none of them the rules, the model, the YAML parser or the knowledge base; and what it
 * exports is the very same as src/index.ts exports.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as light from './light.ts';
import * as full from './index.ts';

const SRC = dirname(fileURLToPath(import.meta.url));

/** The relative modules `file` loads at run time: every import and re-export but `import type` / `export type`. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [, typeOnly, spec] = m as unknown as [string, string | undefined, string];
    if (typeOnly) continue;
    out.push(spec);
  }
  return out;
}

/** Every module reached from `entry` at run time, as paths below src/ (packages as their names). */
function reach(entry: string): string[] {
  const seen = new Set<string>();
  const todo = [resolve(SRC, entry)];
  while (todo.length) {
    const file = todo.pop() as string;
    const name = relative(SRC, file);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) todo.push(join(dirname(file), spec));
      else seen.add(spec);
    }
  }
  return [...seen].sort();
}

describe('src/light.ts', () => {
  it('reaches only share links, joined files, text edits and line index', () => {
    expect(reach('light.ts')).toEqual(['export/deflate.ts', 'export/files.ts', 'export/share.ts', 'fixes/apply.ts', 'light.ts', 'text.ts']);
  });

  it('the import walk sees what index.ts pulls in (so the check above means something)', () => {
    const all = reach('index.ts');
    for (const m of ['rules/index.ts', 'analyze.ts', 'yaml/parse.ts', 'knowledge/images.ts', 'yaml']) expect(all).toContain(m);
  });

  it('exports the same values as index.ts', () => {
    const names = Object.keys(light).sort();
    expect(names).toEqual(['FILE_MARKER', 'LineIndex', 'SHARE_MAX_URL', 'SHARE_PREFIX', 'applyEdits', 'decodeShare', 'encodeShare', 'isJoined', 'isShareFragment', 'joinFiles', 'shareFits', 'splitFiles']);
    for (const n of names) expect(light[n as keyof typeof light], n).toBe(full[n as keyof typeof full]);
  });

  it('index.ts does no top-level work: only imports, re-exports and functions (the catalog is a pure call in catalog.ts)', () => {
    const text = readFileSync(join(SRC, 'index.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const statements = text.split('\n').filter((l) => /^\S/.test(l) && !/^(\/\/|\}|\))/.test(l));
    for (const l of statements) expect(l).toMatch(/^(import |export (type )?(\*|\{)|export function )/);
    expect(readFileSync(join(SRC, 'catalog.ts'), 'utf8')).toMatch(/= \/\* @__PURE__ \*\/ catalogOf\(rules\);/);
    expect(full.ruleCatalog.map((r) => r.id)).toContain('image-path-not-writable');
  });

  it('works on its own: a share link and joined files round-trip', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n';
    const decoded = light.decodeShare(light.encodeShare({ text, workload: 0 }));
    expect(decoded).toEqual({ ok: true, text, workload: 0 });
    const joined = light.joinFiles([{ name: 'a.yaml', text }, { name: 'b.yaml', text }]);
    expect(light.isJoined(joined)).toBe(true);
    expect(light.splitFiles(joined)).toEqual([{ name: 'a.yaml', text }, { name: 'b.yaml', text }]);
  });
});
