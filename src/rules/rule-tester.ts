/**
 * The shared harness for rule tests (after ESLint's RuleTester): `{ valid, invalid: [{ code,
 * findings, output }] }`. Test-only: imported by `src/rules/*.test.ts`, never by the engine.
 *
 * - valid: the text parses, holds at least one workload, and the rule reports nothing.
 * - invalid: the rule reports exactly `findings` (in report order): rule id, message, line, column,
 *   severity, container, and optionally the fixes it offers (title, applicability, and the text
 *   that applying that one fix gives — how a manual fix is checked).
 * - output: what "Fix all" restricted to the rule returns, byte for byte; `null` when it must
 *   change nothing (no fix, or only manual ones). The output must parse, and fixing it again must
 *   change nothing (fix-all is idempotent).
 */
import { describe, expect, it } from 'vitest';
import { analyze, applyFix, applyFixes } from '../index.ts';
import type { Analysis, Applicability, Finding, Severity } from '../index.ts';
import type { Rule } from './define.ts';

export interface ExpectedFix {
  title?: string | RegExp;
  applicability?: Applicability;
  /** The whole text after applying this one fix to `code`. */
  output?: string;
}

export interface ExpectedFinding {
  message?: string | RegExp;
  /** 1-based line and column of the start of the finding's range. */
  line?: number;
  column?: number;
  severity?: Severity;
  container?: string;
  /** The fixes offered, in order; when given, their number must match too. */
  fixes?: ExpectedFix[];
}

export interface ValidCase {
  name?: string;
  code: string;
  /**
   * A known bug that makes this case fail, described: the case then runs as \`it.fails\`, so the
   * suite stays green while the bug lasts and goes red (remove the flag) once it is fixed.
   */
  bug?: string;
  /** Set for a text that holds no workload on purpose (a ConfigMap, a fragment). */
  noWorkload?: boolean;
}

export interface InvalidCase {
  name?: string;
  code: string;
  /** See ValidCase.bug. */
  bug?: string;
  findings: ExpectedFinding[];
  /** Fix-all output restricted to this rule; null: fix-all changes nothing; omitted: not checked. */
  output?: string | null;
}

export interface RuleTests {
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

/** Registers one vitest suite for `rule` with a test per case. */
export function ruleTester(rule: Rule, tests: RuleTests): void {
  describe(rule.id, () => {
    if (!tests.valid.length || !tests.invalid.length) {
      it('has both valid and invalid cases', () => {
        expect(tests.valid.length, 'valid cases').toBeGreaterThan(0);
        expect(tests.invalid.length, 'invalid cases').toBeGreaterThan(0);
      });
    }

    describe('valid', () => {
      tests.valid.forEach((entry, i) => {
        const c: ValidCase = typeof entry === 'string' ? { code: entry } : entry;
        testFor(c)(caseName(c, i), () => {
          const a = run(rule, c.code);
          expect(errors(a), 'the code must parse').toEqual([]);
          if (!c.noWorkload) expect(a.workloads.length, 'a valid case must hold a workload, or it proves nothing').toBeGreaterThan(0);
          expect(a.findings.map(describeFinding)).toEqual([]);
        });
      });
    });

    describe('invalid', () => {
      tests.invalid.forEach((c, i) => {
        testFor(c)(caseName(c, i), () => {
          expect(c.findings.length, 'an invalid case lists at least one finding').toBeGreaterThan(0);
          const a = run(rule, c.code);
          expect(errors(a), 'the code must parse').toEqual([]);
          expect(a.findings.map(describeFinding), 'number of findings').toHaveLength(c.findings.length);
          c.findings.forEach((want, n) => checkFinding(c.code, a.findings[n] as Finding, want, rule, n));
          if (c.output !== undefined) checkOutput(rule, c.code, c.output);
        });
      });
    });
  });
}

function testFor(c: { bug?: string }): (name: string, fn: () => void) => void {
  return c.bug ? (name, fn) => it.fails(name, fn) : (name, fn) => it(name, fn);
}

function run(rule: Rule, code: string): Analysis {
  return analyze(code, { rules: [rule] });
}

function errors(a: Analysis): string[] {
  return a.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.range.line}:${d.range.column} ${d.code}: ${d.message}`);
}

function describeFinding(f: Finding): string {
  return `${f.range.line}:${f.range.column} ${f.ruleId} ${f.severity} ${f.message}`;
}

function checkFinding(code: string, got: Finding, want: ExpectedFinding, rule: Rule, n: number): void {
  const at = `finding ${n + 1} (${describeFinding(got)})`;
  expect(got.ruleId, at).toBe(rule.id);
  expect(got.range.start, `${at}: range inside the text`).toBeGreaterThanOrEqual(0);
  expect(got.range.end, `${at}: range inside the text`).toBeLessThanOrEqual(code.length);
  if (want.message instanceof RegExp) expect(got.message, at).toMatch(want.message);
  else if (want.message !== undefined) expect(got.message, at).toBe(want.message);
  if (want.line !== undefined) expect(got.range.line, `${at}: line`).toBe(want.line);
  if (want.column !== undefined) expect(got.range.column, `${at}: column`).toBe(want.column);
  expect(got.severity, `${at}: severity`).toBe(want.severity ?? rule.severity);
  if (want.container !== undefined) expect(got.container, `${at}: container`).toBe(want.container);
  if (want.fixes) {
    expect(got.fixes.map((f) => `${f.applicability}: ${f.title}`), `${at}: fixes`).toHaveLength(want.fixes.length);
    want.fixes.forEach((wf, k) => {
      const fix = got.fixes[k];
      if (!fix) return;
      const fat = `${at}, fix ${k + 1} "${fix.title}"`;
      if (wf.title instanceof RegExp) expect(fix.title, fat).toMatch(wf.title);
      else if (wf.title !== undefined) expect(fix.title, fat).toBe(wf.title);
      if (wf.applicability !== undefined) expect(fix.applicability, `${fat}: applicability`).toBe(wf.applicability);
      if (wf.output !== undefined) {
        const out = applyFix(code, fix);
        expect(out, `${fat}: output`).toBe(wf.output);
        expect(errors(analyze(out)), `${fat}: output parses`).toEqual([]);
      }
    });
  }
}

function checkOutput(rule: Rule, code: string, output: string | null): void {
  const r = applyFixes(code, { rules: [rule] });
  expect(r.refused, 'fix-all refused a pass').toBeUndefined();
  if (output === null) {
    expect(r.text, 'fix-all must change nothing').toBe(code);
    return;
  }
  expect(output, 'output equals code: write `output: null` for "fix-all changes nothing"').not.toBe(code);
  expect(r.text, 'fix-all output').toBe(output);
  expect(errors(analyze(r.text)), 'the output must parse').toEqual([]);
  const again = applyFixes(r.text, { rules: [rule] });
  expect(again.text, 'fix-all must be idempotent').toBe(r.text);
}

function caseName(c: { name?: string; code: string; bug?: string }, i: number): string {
  if (c.bug) return `#${i + 1} KNOWN BUG (${c.bug})${c.name ? `: ${c.name}` : ''}`;
  if (c.name) return `#${i + 1} ${c.name}`;
  const firstLines = c.code.split(/\r?\n/).filter((l) => l.trim() && !/^(apiVersion|metadata):/.test(l)).slice(0, 3).join(' | ');
  return `#${i + 1} ${firstLines.slice(0, 80)}`;
}
