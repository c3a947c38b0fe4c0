/** Share links: round trip, size, and a clear message for every kind of broken link. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inflateRawSync } from 'node:zlib';
import { base64urlDecode, base64urlEncode, decodeShare, encodeShare, isShareFragment, SHARE_MAX_URL, SHARE_PREFIX, shareFits, utf8Decode, utf8Encode } from './share.ts';
import { fixtureSamples } from '../../test/support/export-kit.ts';

const TEXT = fixtureSamples().find((s) => s.name.includes('comments'))!.original;

describe('encodeShare / decodeShare', () => {
  it('round-trips the text exactly, with the selection', () => {
    const f = encodeShare({ text: TEXT, workload: 1, container: 'app' });
    expect(f.startsWith(SHARE_PREFIX)).toBe(true);
    expect(f).toMatch(/^rl1\.[A-Za-z0-9_-]+$/); // fragment-safe: no escaping needed
    expect(decodeShare(f)).toEqual({ ok: true, text: TEXT, workload: 1, container: 'app' });
    expect(decodeShare(`#${f}`)).toEqual({ ok: true, text: TEXT, workload: 1, container: 'app' });
    expect(decodeShare(encodeShare({ text: TEXT }))).toEqual({ ok: true, text: TEXT });
  });

  it('keeps CRLF, a missing final newline, tabs, BOM and any Unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.option(fc.nat(9), { nil: undefined }), (s, w) => {
      const text = `\uFEFF${s}\r\n\t${s}`;
      const d = decodeShare(encodeShare({ text, ...(w !== undefined ? { workload: w } : {}) }));
      expect(d).toEqual({ ok: true, text, ...(w !== undefined ? { workload: w } : {}) });
    }), { numRuns: 200 });
  });

  it('compresses: the payload is raw DEFLATE that zlib reads, behind a CRC-32', () => {
    const f = encodeShare({ text: TEXT });
    const bytes = base64urlDecode(f.slice(SHARE_PREFIX.length));
    expect(JSON.parse(inflateRawSync(bytes.subarray(4)).toString('utf8'))).toEqual({ t: TEXT });
    expect(f.length).toBeLessThan(TEXT.length);
  });

  it('says a cut-off link is incomplete, at every length', () => {
    const f = encodeShare({ text: TEXT, workload: 0 });
    for (let n = SHARE_PREFIX.length; n < f.length; n++) {
      const d = decodeShare(f.slice(0, n));
      expect(d.ok, `cut at ${n}`).toBe(false);
      if (!d.ok) expect(['truncated', 'damaged', 'checksum']).toContain(d.code);
    }
    const d = decodeShare(f.slice(0, Math.floor(f.length / 2)));
    expect(d).toMatchObject({ ok: false, code: 'truncated' });
    if (!d.ok) expect(d.error).toMatch(/incomplete/);
  });

  it('says a changed link is damaged: every single-character change is caught', () => {
    const f = encodeShare({ text: TEXT });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = SHARE_PREFIX.length; i < f.length; i++) {
      const c = f[i]!;
      const other = alphabet[(alphabet.indexOf(c) + 17) % 64]!;
      const d = decodeShare(f.slice(0, i) + other + f.slice(i + 1));
      // the last character may carry only padding bits; any other change must be refused
      if (i < f.length - 1) expect(d.ok, `changed at ${i}`).toBe(false);
      if (!d.ok) expect(d.error).toMatch(/damaged|incomplete/);
    }
  });

  it('gives clear messages for links that are not share links, from a newer version, or with bad characters', () => {
    expect(decodeShare('')).toMatchObject({ ok: false, code: 'not-a-share-link' });
    expect(decodeShare('#section-2')).toMatchObject({ ok: false, code: 'not-a-share-link' });
    expect(decodeShare('rl2.AAAA')).toMatchObject({ ok: false, code: 'unsupported-version' });
    expect(decodeShare('rl1.ab$cd')).toMatchObject({ ok: false, code: 'damaged' });
    expect(decodeShare('rl1.a')).toMatchObject({ ok: false });
    expect(decodeShare('rl1.')).toMatchObject({ ok: false, code: 'truncated' });
    expect(isShareFragment('#rl1.abc')).toBe(true);
    expect(isShareFragment('#top')).toBe(false);
  });

  it('refuses a payload that is valid JSON of the wrong shape', async () => {
    const { crc32, deflateRaw } = await import('./deflate.ts');
    const make = (json: string) => {
      const b = utf8Encode(json);
      const s = crc32(b);
      return SHARE_PREFIX + base64urlEncode(new Uint8Array([s >>> 24, (s >>> 16) & 255, (s >>> 8) & 255, s & 255, ...deflateRaw(b)]));
    };
    expect(decodeShare(make('{"x": 1}'))).toMatchObject({ ok: false, code: 'damaged' });
    expect(decodeShare(make('[1]'))).toMatchObject({ ok: false, code: 'damaged' });
    expect(decodeShare(make('{"t": "ok", "w": -1, "c": {}}'))).toEqual({ ok: true, text: 'ok' });
  });

  it('has a documented URL limit and a test for it', () => {
    expect(SHARE_MAX_URL).toBe(8000);
    expect(shareFits('x'.repeat(8000))).toBe(true);
    expect(shareFits('x'.repeat(8001))).toBe(false);
  });
});

describe('utf8 and base64url', () => {
  it('match Node\'s Buffer', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(Buffer.from(utf8Encode(s)).toString('utf8')).toBe(s);
      expect(utf8Decode(new Uint8Array(Buffer.from(s, 'utf8')))).toBe(s);
    }));
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (b) => {
      expect(base64urlEncode(b)).toBe(Buffer.from(b).toString('base64url'));
      expect(base64urlDecode(base64urlEncode(b))).toEqual(b);
    }));
  });

  it('refuses malformed UTF-8 and base64url', () => {
    expect(() => utf8Decode(new Uint8Array([0xc3]))).toThrow();
    expect(() => utf8Decode(new Uint8Array([0xed, 0xa0, 0x80]))).toThrow(); // a surrogate
    expect(() => utf8Decode(new Uint8Array([0xc0, 0x80]))).toThrow(); // overlong
    expect(() => base64urlDecode('a')).toThrow();
    expect(() => base64urlDecode('ab+c')).toThrow();
  });
});
