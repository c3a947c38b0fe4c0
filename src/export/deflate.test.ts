/** The DEFLATE pair against zlib (Node's, a reference implementation) in both directions. */
import { describe, expect, it } from 'vitest';
import { deflateRawSync, inflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { crc32, deflateRaw, inflateRaw, InflateError } from './deflate.ts';
import { CORPUS_MISSING, corpusSamples, fixtureSamples } from '../../test/support/export-kit.ts';
import { prng } from '../../test/support/shared.ts';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function inputs(): Array<[string, Uint8Array]> {
  const r = prng(42);
  const random = new Uint8Array(70_000).map(() => Math.floor(r() * 256));
  const runs = new Uint8Array(200_000).map((_, i) => (i % 1000 < 600 ? 65 : Math.floor(r() * 4)));
  return [
    ['empty', new Uint8Array(0)],
    ['one byte', enc('a')],
    ['a long run (matches of 258)', new Uint8Array(100_000).fill(7)],
    ['random bytes (stored blocks)', random],
    ['runs and noise, several blocks', runs],
    ['unicode', enc('ünïcødé — 漢字 🚀\n'.repeat(300))],
    ...[...fixtureSamples().slice(0, 10), ...corpusSamples(5)].map((s): [string, Uint8Array] => [s.name, enc(s.original)]),
  ];
}

describe('deflateRaw / inflateRaw', () => {
  if (CORPUS_MISSING) console.warn(`deflate corpus inputs: ${CORPUS_MISSING}`);
  for (const [name, data] of inputs()) {
    it(`${name}: zlib inflates ours, we inflate zlib's, and ours is within 3% of zlib -9`, () => {
      const ours = deflateRaw(data);
      expect(new Uint8Array(inflateRawSync(ours))).toEqual(data);
      expect(inflateRaw(ours)).toEqual(data);
      for (const level of [1, 6, 9]) expect(inflateRaw(new Uint8Array(deflateRawSync(data, { level })))).toEqual(data);
      expect(inflateRaw(new Uint8Array(deflateRawSync(data, { level: 0 })))).toEqual(data);
      expect(inflateRaw(new Uint8Array(deflateRawSync(data, { strategy: 4 /* Z_FIXED */ })))).toEqual(data);
      const z9 = deflateRawSync(data, { level: 9 }).length;
      expect(ours.length).toBeLessThanOrEqual(Math.ceil(z9 * 1.03) + 8);
    });
  }

  it('round-trips any bytes (property, checked by zlib too)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.nat(50), (head, unit, reps) => {
      const data = new Uint8Array([...head, ...Array.from({ length: reps }, () => [...unit]).flat()]);
      const ours = deflateRaw(data);
      expect(new Uint8Array(inflateRawSync(ours))).toEqual(data);
      expect(inflateRaw(ours)).toEqual(data);
    }), { numRuns: 300 });
  });

  it('is deterministic', () => {
    const data = enc('apiVersion: v1\nkind: Pod\n'.repeat(50));
    expect(deflateRaw(data)).toEqual(deflateRaw(data));
  });

  it('reports a cut-off stream as truncated, never as data', () => {
    const data = enc(fixtureSamples()[0]!.original);
    const packed = deflateRaw(data);
    for (let n = 0; n < packed.length; n++) {
      let err: unknown;
      try {
        inflateRaw(packed.subarray(0, n));
      } catch (e) {
        err = e;
      }
      expect(err, `prefix of ${n} bytes`).toBeInstanceOf(InflateError);
    }
  });

  it('rejects garbage and bounds the output', () => {
    expect(() => inflateRaw(new Uint8Array([0xff, 0xff, 0xff]))).toThrow(InflateError);
    expect(() => inflateRaw(new Uint8Array([...deflateRaw(enc('x')), 0]))).toThrow(/after the end/);
    const bomb = deflateRaw(new Uint8Array(1_000_000));
    expect(() => inflateRaw(bomb, 10_000)).toThrow(expect.objectContaining({ code: 'too-large' }));
    const r = prng(7);
    for (let i = 0; i < 300; i++) {
      const junk = new Uint8Array(1 + Math.floor(r() * 40)).map(() => Math.floor(r() * 256));
      try {
        inflateRaw(junk, 100_000);
      } catch (e) {
        expect(e).toBeInstanceOf(InflateError);
      }
    }
  });
});

describe('crc32', () => {
  it('matches zlib', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), (d) => {
      expect(crc32(d)).toBe(zlibCrc32(d));
    }));
  });
});
