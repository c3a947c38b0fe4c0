import { describe, expect, it } from 'vitest';
import { forgetSharedParse, parseYaml, parseYamlShared } from './parse.ts';

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

describe('parseYamlShared', () => {
  const text = 'a: &x {k: 1}\nb: *x\n';

  it('parses as parseYaml does', () => {
    forgetSharedParse();
    expect(parseYamlShared(text)).toStrictEqual(parseYaml(text));
  });

  it('hands out the same documents while the same text comes back, even as another string object', () => {
    const docs = parseYamlShared(text);
    expect(parseYamlShared(text)).toBe(docs);
    expect(parseYamlShared(` ${text}`.slice(1))).toBe(docs);
  });

  it('parses a different text afresh, and keeps only the last one', () => {
    const docs = parseYamlShared(text);
    const other = text.replace('1', '2');
    const next = parseYamlShared(other);
    expect(next).not.toBe(docs);
    expect(next).toStrictEqual(parseYaml(other));
    expect(parseYamlShared(text)).not.toBe(docs);
    expect(parseYamlShared(text)).toStrictEqual(docs);
  });

  it('forgets on request', () => {
    const docs = parseYamlShared(text);
    forgetSharedParse();
    expect(parseYamlShared(text)).not.toBe(docs);
  });
});
