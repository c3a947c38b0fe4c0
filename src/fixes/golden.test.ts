/**
 * The golden test (after Polaris' success / failure / mutated fixtures). It walks
 * fixtures/rules/<rule-id>/ and checks, for each rule:
 *
 * - fail.X.yaml (or .json): the rule fires; "Fix all" restricted to the rule turns it into
 *   fail.X.fixed.yaml byte for byte; the output parses, the rule no longer fires (except findings
 *   whose fixes are all manual), every comment of the input is still there, and fixing the
 *   output again changes nothing;
 * - pass.X.yaml: a workload on which the rule reports nothing.
 *
 * The expected files are written by hand, from what a careful person would do to the input; a
 * difference is a question about the engine, not a file to regenerate.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze, applyFixes } from '../index.ts';
import type { Analysis, Finding } from '../index.ts';
import { rules } from '../rules/index.ts';
import type { Rule } from '../rules/define.ts';

const ROOT = fileURLToPath(new URL('../../fixtures/rules/', import.meta.url));
const NAME = /^(pass|fail)\.([a-z0-9][a-z0-9-]*)(\.fixed)?\.(yaml|yml|json)$/;

interface Fixture {
  kind: 'pass' | 'fail';
  name: string;
  file: string;
  fixed?: string;
}

const folders = existsSync(ROOT) ? readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

describe('golden fixtures', () => {
  it('fixtures/rules/ exists and holds a folder for every rule, each with pass and fail fixtures', () => {
    expect(existsSync(ROOT), `${ROOT} is missing`).toBe(true);
    expect(folders.length, `no rule folders under ${ROOT}`).toBeGreaterThan(0);
    const ids = rules.map((r) => r.id);
    expect(folders.filter((f) => !ids.includes(f)), 'folders that name no rule').toEqual([]);
    for (const id of ids) {
      const fx = fixturesOf(id);
      expect(fx.some((f) => f.kind === 'fail'), `${id}: no fail.*.yaml fixture`).toBe(true);
      expect(fx.some((f) => f.kind === 'pass'), `${id}: no pass.*.yaml fixture`).toBe(true);
    }
  });

  for (const id of folders) {
    const rule = rules.find((r) => r.id === id);
    describe(id, () => {
      if (!rule) return; // reported by the test above
      for (const fx of fixturesOf(id)) {
        if (fx.kind === 'pass') it(fx.file, () => checkPass(rule, fx));
        else it(`${fx.file} → ${fx.fixed ?? '(missing .fixed file)'}`, () => checkFail(rule, fx));
      }
    });
  }
});

/** The fixtures of one folder; any file that does not fit the naming scheme fails the walk. */
function fixturesOf(id: string): Fixture[] {
  const dir = ROOT + id;
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).sort();
  const out: Fixture[] = [];
  const fixedFiles = new Set<string>();
  for (const file of files) {
    const m = NAME.exec(file);
    if (!m) throw new Error(`fixtures/rules/${id}/${file}: not a fixture name (pass.X.yaml, fail.X.yaml, fail.X.fixed.yaml; .yml or .json)`);
    const [, kind, name, fixed, ext] = m as unknown as [string, 'pass' | 'fail', string, string | undefined, string];
    if (fixed) {
      if (kind === 'pass') throw new Error(`fixtures/rules/${id}/${file}: only fail fixtures have a .fixed file`);
      if (!files.includes(`fail.${name}.${ext}`)) throw new Error(`fixtures/rules/${id}/${file}: no fail.${name}.${ext} beside it`);
      fixedFiles.add(file);
      continue;
    }
    const fixedName = `fail.${name}.fixed.${ext}`;
    out.push({ kind, name, file, ...(kind === 'fail' && files.includes(fixedName) ? { fixed: fixedName } : {}) });
  }
  return out;
}

function read(id: string, file: string): string {
  const text = readFileSync(`${ROOT}${id}/${file}`, 'utf8');
  // A checkout that rewrote line endings would make the CRLF fixtures test nothing.
  if (/crlf/.test(file)) {
    expect(text.includes('\r\n') && !/(^|[^\r])\n/.test(text), `${file} must have CRLF line endings only (check git's autocrlf)`).toBe(true);
  }
  return text;
}

function errorsOf(a: Analysis): string[] {
  return a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.range.line}:${d.range.column} ${d.code}: ${d.message}`);
}

function show(f: Finding): string {
  return `${f.range.line}:${f.range.column} ${f.message} [${f.fixes.map((x) => x.applicability).join(', ')}]`;
}

const manualOnly = (f: Finding) => f.fixes.every((x) => x.applicability === 'manual');

function checkPass(rule: Rule, fx: Fixture): void {
  const text = read(rule.id, fx.file);
  const a = analyze(text, { rules: [rule] });
  expect(errorsOf(a), 'a pass fixture must parse').toEqual([]);
  expect(a.workloads.length, 'a pass fixture must hold a workload, or it proves nothing').toBeGreaterThan(0);
  expect(a.findings.map(show)).toEqual([]);
}

function checkFail(rule: Rule, fx: Fixture): void {
  expect(fx.fixed, `${fx.file} needs a ${fx.file.replace(/\.(\w+)$/, '.fixed.$1')} (equal to the input when no fix applies)`).toBeDefined();
  const input = read(rule.id, fx.file);
  const expected = read(rule.id, fx.fixed as string);
  const before = analyze(input, { rules: [rule] });
  expect(errorsOf(before), 'a fail fixture must parse').toEqual([]);
  expect(before.findings.length, `${fx.file} must make ${rule.id} fire`).toBeGreaterThan(0);

  const r = applyFixes(input, { rules: [rule] });
  expect(r.refused, 'fix-all refused a pass').toBeUndefined();
  expect(r.text, `fix-all output differs from ${fx.fixed}`).toBe(expected);

  const after = analyze(r.text, { rules: [rule] });
  expect(errorsOf(after), 'the output must parse').toEqual([]);
  expect(after.findings.filter((f) => !manualOnly(f)).map(show), 'the rule still fires with a fix that fix-all could apply').toEqual([]);
  expect(after.findings.length, 'the rule fires more often than the manual-only findings of the input').toBeLessThanOrEqual(before.findings.filter(manualOnly).length);

  const lost = lostComments(input, r.text);
  expect(lost, 'comments of the input missing from the output').toEqual([]);

  expect(applyFixes(r.text, { rules: [rule] }).text, 'fix-all must be idempotent').toBe(r.text);
}

/** Each `# comment` of `before` that `after` holds fewer times. */
function lostComments(before: string, after: string): string[] {
  const a = comments(after);
  const lost: string[] = [];
  for (const [c, n] of comments(before)) if ((a.get(c) ?? 0) < n) lost.push(c);
  return lost;
}

function comments(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    for (let i = line.indexOf('#'); i !== -1; i = line.indexOf('#', i + 1)) {
      if ((i === 0 || /\s/.test(line[i - 1] as string)) && !insideQuotes(line, i)) {
        const c = line.slice(i).trimEnd();
        out.set(c, (out.get(c) ?? 0) + 1);
        break;
      }
    }
  }
  return out;
}

function insideQuotes(line: string, at: number): boolean {
  let single = false;
  let double = false;
  for (let i = 0; i < at; i++) {
    const ch = line[i];
    if (ch === "'" && !double) single = !single;
    else if (ch === '"' && !single && line[i - 1] !== '\\') double = !double;
  }
  return single || double;
}
