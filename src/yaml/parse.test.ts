import { describe, expect, it } from 'vitest';
import { parseYaml } from './parse.ts';

describe('parseYaml', () => {
  it('an alias used before its anchor is an error, not a silent null (Kubernetes rejects the document)', () => {
    const text = 'a: *later\nb: &later 1\n';
    const [doc] = parseYaml(text);
    expect(doc?.contents).toBeNull();
    expect(doc?.errors.map((e) => [e.code, text.slice(e.start, e.end)])).toEqual([['UNRESOLVED_ALIAS', '*later']]);
  });

  it('also inside a merge key', () => {
    const [doc] = parseYaml('x:\n  <<: *base\n  y: 1\nbase: &base {z: 2}\n');
    expect(doc?.errors.map((e) => e.code)).toEqual(['UNRESOLVED_ALIAS']);
  });

  it('an alias after its anchor resolves to the anchored node itself', () => {
    const [doc] = parseYaml('a: &x {k: 1}\nb: *x\n');
    expect(doc?.errors).toEqual([]);
    const root = doc?.contents;
    if (root?.kind !== 'map') throw new Error('map expected');
    expect(root.pairs[1]?.value).toBe(root.pairs[0]?.value);
  });
});
