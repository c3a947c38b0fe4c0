/** joinFiles / splitFiles: one multi-document text from several files, and back byte for byte. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { analyze, applyFixes } from '../index.ts';
import { isJoined, joinFiles, splitFiles } from './files.ts';
import type { NamedFile } from './files.ts';
import { fixtureSamples } from '../../test/support/export-kit.ts';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n  - name: app\n    image: nginx\n';
const DEPLOY = '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: busybox\n';

function roundTrip(files: NamedFile[]): void {
  const joined = joinFiles(files);
  expect(splitFiles(joined)).toEqual(files);
}

describe('joinFiles', () => {
  it('puts a comment line naming each file before its documents, with --- between files', () => {
    const joined = joinFiles([{ name: 'deploy/a.yaml', text: POD }, { name: 'deploy/c.yaml', text: POD.replace('name: a', 'name: c') }]);
    expect(joined).toBe(`# rootlock: file deploy/a.yaml\n${POD}---\n# rootlock: file deploy/c.yaml\n${POD.replace('name: a', 'name: c')}`);
    expect(analyze(joined).workloads.map((w) => w.name)).toEqual(['a', 'c']);
  });

  it('adds no second --- before a file that starts with its own, even after comments', () => {
    const withComment = `# header\n${DEPLOY}`;
    const joined = joinFiles([{ name: 'a.yaml', text: POD }, { name: 'b.yaml', text: withComment }]);
    expect(joined).toBe(`# rootlock: file a.yaml\n${POD}# rootlock: file b.yaml\n${withComment}`);
    expect(parseAllDocuments(joined)).toHaveLength(2);
  });

  it('keeps the separator valid after a file without a final newline, and says so in the marker', () => {
    const noEol = POD.trimEnd();
    const joined = joinFiles([{ name: 'a.yaml', text: noEol }, { name: 'b.yaml', text: POD }]);
    expect(joined).toBe(`# rootlock: file a.yaml (no newline at end)\n${noEol}\n---\n# rootlock: file b.yaml\n${POD}`);
    expect(analyze(joined).workloads).toHaveLength(2);
    roundTrip([{ name: 'a.yaml', text: noEol }, { name: 'b.yaml', text: POD }]);
  });

  it('uses the files\' CRLF line breaks, and JSON files join as documents', () => {
    const crlf = POD.replace(/\n/g, '\r\n');
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { containers: [{ name: 'x', image: 'y' }] } }, null, 2);
    const joined = joinFiles([{ name: 'a.yaml', text: crlf }, { name: 'b.yaml', text: crlf }, { name: 'c.json', text: json }]);
    expect(joined).toContain('\r\n---\r\n# rootlock: file b.yaml\r\n');
    expect(analyze(joined).workloads.map((w) => w.name)).toEqual(['a', 'a', 'j']);
    roundTrip([{ name: 'a.yaml', text: crlf }, { name: 'b.yaml', text: crlf }, { name: 'c.json', text: json }]);
  });

  it('ends a document before a file that starts with a directive', () => {
    const directive = `%YAML 1.1\n---\n${POD}`;
    const joined = joinFiles([{ name: 'a.yaml', text: POD }, { name: 'b.yaml', text: directive }]);
    expect(joined).toContain(`...\n# rootlock: file b.yaml\n%YAML 1.1`);
    expect(parseAllDocuments(joined).every((d) => !('errors' in d) || d.errors.length === 0)).toBe(true);
    roundTrip([{ name: 'a.yaml', text: POD }, { name: 'b.yaml', text: directive }]);
  });
});

describe('splitFiles', () => {
  it('returns null for a text without markers', () => {
    expect(splitFiles(POD)).toBeNull();
    expect(isJoined(POD)).toBe(false);
    expect(isJoined(joinFiles([{ name: 'a', text: POD }]))).toBe(true);
  });

  it('round-trips edge cases byte for byte', () => {
    roundTrip([{ name: 'one.yaml', text: POD }]);
    roundTrip([{ name: 'empty.yaml', text: '' }, { name: 'b.yaml', text: POD }, { name: 'empty2.yaml', text: '' }]);
    roundTrip([{ name: 'dashes.yaml', text: `${POD}---\n` }, { name: 'b.yaml', text: POD }]);
    roundTrip([{ name: 'dashes-no-eol.yaml', text: `${POD}---` }, { name: 'b.yaml', text: POD }]);
    roundTrip([{ name: 'a.yaml', text: DEPLOY }, { name: 'b.yaml', text: DEPLOY }]);
    roundTrip([{ name: 'only-comments.yaml', text: '# nothing here\n' }, { name: 'b.yaml', text: POD }]);
    roundTrip([{ name: 'dir with space/ü.yaml', text: POD }, { name: 'last-no-eol.yaml', text: POD.trimEnd() }]);
    roundTrip([{ name: 'blank-lines.yaml', text: `\n\n${POD}\n\n` }, { name: 'b.yaml', text: '\n' }]);
  });

  it('round-trips any files (property)', () => {
    const line = fc.constantFrom('a: 1', '---', '--- # doc', '# c', '', 'b:', '  - x', '...', '{"k": 1}', 'key: "v"', '%YAML 1.2');
    const text = fc.tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, final]) => ls.join(eol) + (final && ls.length ? eol : ''));
    const name = fc.stringMatching(/^[a-z][a-z0-9/_. -]{0,12}$/).filter((n) => !n.endsWith(' (no newline at end)'));
    fc.assert(fc.property(fc.array(fc.record({ name, text }), { minLength: 1, maxLength: 4 }), (files) => {
      expect(splitFiles(joinFiles(files))).toEqual(files);
    }), { numRuns: 500 });
  });

  it('splits the fixed text into the fixed files: Fix all on the joined text = Fix all on each file', () => {
    // LF files only: the fixes take one line-break style for the whole text (the engine's style
    // detection), so in a text joined from LF and CRLF files the inserted lines get the majority's.
    const samples = fixtureSamples().filter((s) => !s.original.includes('\r\n') && !s.name.includes('multi-doc')).slice(0, 14);
    const files = samples.map((s) => ({ name: s.name, text: s.original }));
    const fixed = applyFixes(joinFiles(files)).text;
    const split = splitFiles(fixed);
    expect(split?.map((f) => f.name)).toEqual(files.map((f) => f.name));
    split?.forEach((f, i) => expect(f.text, f.name).toBe(samples[i]?.corrected));
  });

  it('gives text typed above the first marker to the first file', () => {
    const joined = joinFiles([{ name: 'a.yaml', text: POD }, { name: 'b.yaml', text: POD }]);
    expect(splitFiles(`# mine\n${joined}`)?.[0]?.text).toBe(`# mine\n${POD}`);
  });
});
