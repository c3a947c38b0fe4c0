/**
 * Raw DEFLATE (RFC 1951), both ways, and CRC-32: small, synchronous and dependency-free, so share
 * links are made and read the same in a Web Worker, in Node and in tests. The compressor uses
 * LZ77 with hash chains and lazy matching, and per block the cheapest of stored, fixed and dynamic
 * Huffman codes; the decompressor reads any valid stream (a test checks both against zlib).
 */

export class InflateError extends Error {
  constructor(readonly code: 'truncated' | 'invalid' | 'too-large', message: string) {
    super(message);
  }
}

// ---- tables (RFC 1951 §3.2.5) ----

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which code length code lengths are sent. */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const FIXED_LIT: number[] = [];
for (let i = 0; i < 288; i++) FIXED_LIT.push(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
const FIXED_DIST: number[] = new Array<number>(30).fill(5);

// ---- CRC-32 (ISO 3309, as in zip, gzip and PNG) ----

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

// ---- inflate ----

interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

/** Canonical Huffman decoding table from code lengths (after zlib's puff.c). */
function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i] as number]!++;
  const offs = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offs[len + 1] = (offs[len] as number) + (counts[len] as number);
  const symbols = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    const l = lengths[i] as number;
    if (l) symbols[offs[l]!++] = i;
  }
  return { counts, symbols };
}

/** Over-subscribed code lengths cannot come from an encoder. */
function checkLengths(lengths: ArrayLike<number>): void {
  let left = 1;
  const counts = new Array<number>(16).fill(0);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i] as number]!++;
  for (let len = 1; len <= 15; len++) {
    left = left * 2 - (counts[len] as number);
    if (left < 0) throw new InflateError('invalid', 'over-subscribed Huffman code');
  }
}

class BitReader {
  pos = 0;
  bit = 0;
  buf = 0;
  constructor(readonly data: Uint8Array) {}
  bits(n: number): number {
    let val = this.buf;
    while (this.bit < n) {
      if (this.pos >= this.data.length) throw new InflateError('truncated', 'the compressed data ends early');
      val |= (this.data[this.pos++] as number) << this.bit;
      this.bit += 8;
    }
    this.buf = val >>> n;
    this.bit -= n;
    return val & ((1 << n) - 1);
  }
  decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len <= 15; len++) {
      code |= this.bits(1);
      const count = h.counts[len] as number;
      if (code - count < first) return h.symbols[index + (code - first)] as number;
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw new InflateError('invalid', 'invalid Huffman code');
  }
  align(): void {
    this.buf = 0;
    this.bit = 0;
  }
}

/** Decompresses raw DEFLATE data. Throws InflateError('truncated' | 'invalid' | 'too-large'). */
export function inflateRaw(data: Uint8Array, maxOutput = 64 * 1024 * 1024): Uint8Array {
  const r = new BitReader(data);
  let out = new Uint8Array(Math.min(maxOutput, Math.max(1024, data.length * 4)));
  let n = 0;
  const ensure = (extra: number): void => {
    if (n + extra > maxOutput) throw new InflateError('too-large', `the data expands to more than ${maxOutput} bytes`);
    if (n + extra <= out.length) return;
    const bigger = new Uint8Array(Math.min(maxOutput, Math.max(out.length * 2, n + extra)));
    bigger.set(out.subarray(0, n));
    out = bigger;
  };
  const fixedLit = huffman(FIXED_LIT);
  const fixedDist = huffman(FIXED_DIST);
  let last = 0;
  while (!last) {
    last = r.bits(1);
    const type = r.bits(2);
    if (type === 0) {
      r.align();
      if (r.pos + 4 > data.length) throw new InflateError('truncated', 'the compressed data ends early');
      const len = (data[r.pos] as number) | ((data[r.pos + 1] as number) << 8);
      const nlen = (data[r.pos + 2] as number) | ((data[r.pos + 3] as number) << 8);
      if (len !== (~nlen & 0xffff)) throw new InflateError('invalid', 'stored block length check failed');
      r.pos += 4;
      if (r.pos + len > data.length) throw new InflateError('truncated', 'the compressed data ends early');
      ensure(len);
      out.set(data.subarray(r.pos, r.pos + len), n);
      n += len;
      r.pos += len;
      continue;
    }
    let lit: Huffman;
    let dist: Huffman;
    if (type === 1) {
      lit = fixedLit;
      dist = fixedDist;
    } else if (type === 2) {
      [lit, dist] = readDynamic(r);
    } else {
      throw new InflateError('invalid', 'invalid block type');
    }
    for (;;) {
      const sym = r.decode(lit);
      if (sym < 256) {
        ensure(1);
        out[n++] = sym;
      } else if (sym === 256) {
        break;
      } else {
        const li = sym - 257;
        if (li >= 29) throw new InflateError('invalid', 'invalid length code');
        const len = (LENGTH_BASE[li] as number) + r.bits(LENGTH_EXTRA[li] as number);
        const di = r.decode(dist);
        if (di >= 30) throw new InflateError('invalid', 'invalid distance code');
        const d = (DIST_BASE[di] as number) + r.bits(DIST_EXTRA[di] as number);
        if (d > n) throw new InflateError('invalid', 'distance too far back');
        ensure(len);
        for (let i = 0; i < len; i++, n++) out[n] = out[n - d] as number;
      }
    }
  }
  if (r.pos < data.length) throw new InflateError('invalid', 'data after the end of the compressed stream');
  return out.slice(0, n);
}

function readDynamic(r: BitReader): [Huffman, Huffman] {
  const nlen = r.bits(5) + 257;
  const ndist = r.bits(5) + 1;
  const ncode = r.bits(4) + 4;
  if (nlen > 286 || ndist > 30) throw new InflateError('invalid', 'bad code counts');
  const clLengths = new Array<number>(19).fill(0);
  for (let i = 0; i < ncode; i++) clLengths[CL_ORDER[i] as number] = r.bits(3);
  checkLengths(clLengths);
  const cl = huffman(clLengths);
  const lengths: number[] = [];
  while (lengths.length < nlen + ndist) {
    const sym = r.decode(cl);
    if (sym < 16) {
      lengths.push(sym);
      continue;
    }
    let value = 0;
    let repeat: number;
    if (sym === 16) {
      if (!lengths.length) throw new InflateError('invalid', 'repeat with no previous length');
      value = lengths[lengths.length - 1] as number;
      repeat = 3 + r.bits(2);
    } else if (sym === 17) {
      repeat = 3 + r.bits(3);
    } else {
      repeat = 11 + r.bits(7);
    }
    if (lengths.length + repeat > nlen + ndist) throw new InflateError('invalid', 'too many code lengths');
    for (let i = 0; i < repeat; i++) lengths.push(value);
  }
  if (!lengths[256]) throw new InflateError('invalid', 'no end-of-block code');
  const litLengths = lengths.slice(0, nlen);
  const distLengths = lengths.slice(nlen);
  checkLengths(litLengths);
  checkLengths(distLengths);
  return [huffman(litLengths), huffman(distLengths)];
}

// ---- deflate ----

class BitWriter {
  bytes: number[] = [];
  buf = 0;
  bit = 0;
  write(value: number, n: number): void {
    this.buf |= value << this.bit;
    this.bit += n;
    while (this.bit >= 8) {
      this.bytes.push(this.buf & 0xff);
      this.buf >>>= 8;
      this.bit -= 8;
    }
  }
  /** A Huffman code, most significant bit first. */
  code(code: number, len: number): void {
    let rev = 0;
    for (let i = 0; i < len; i++) rev |= ((code >>> i) & 1) << (len - 1 - i);
    this.write(rev, len);
  }
  flushByte(): void {
    if (this.bit > 0) this.write(0, 8 - this.bit);
  }
  result(): Uint8Array {
    const out = this.bytes.slice();
    if (this.bit > 0) out.push(this.buf & 0xff);
    return Uint8Array.from(out);
  }
}

/** Codes for code lengths, canonical order (RFC 1951 §3.2.2). */
function codesFor(lengths: readonly number[]): number[] {
  const blCount = new Array<number>(16).fill(0);
  for (const l of lengths) if (l) blCount[l]!++;
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let bits = 1; bits < 16; bits++) {
    code = (code + (blCount[bits - 1] as number)) << 1;
    next[bits] = code;
  }
  return lengths.map((l) => (l ? next[l]!++ : 0));
}

/**
 * Huffman code lengths for the frequencies, none longer than `limit`. When the optimal tree is too
 * deep, the frequencies are flattened (halved, keeping every used symbol) and the tree rebuilt.
 * Every code has at least two symbols, so it is complete (some decoders reject a one-symbol code).
 */
function codeLengths(freqs: readonly number[], limit: number): number[] {
  let f = freqs.slice();
  const used = f.reduce((s, x) => s + (x > 0 ? 1 : 0), 0);
  if (used < 2) {
    for (let i = 0; i < f.length && f.filter((x) => x > 0).length < 2; i++) if (!f[i]) f[i] = 1;
  }
  for (;;) {
    const lengths = treeLengths(f);
    if (Math.max(...lengths) <= limit) return lengths;
    f = f.map((x) => (x > 0 ? Math.max(1, x >> 1) : 0));
  }
}

function treeLengths(freqs: readonly number[]): number[] {
  type Node = { w: number; sym: number; left?: Node; right?: Node; order: number };
  let order = 0;
  const nodes: Node[] = [];
  freqs.forEach((w, sym) => {
    if (w > 0) nodes.push({ w, sym, order: order++ });
  });
  // a small binary heap by weight, then insertion order (deterministic)
  const less = (a: Node, b: Node) => a.w < b.w || (a.w === b.w && a.order < b.order);
  const heap: Node[] = [];
  const push = (x: Node) => {
    heap.push(x);
    let i = heap.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i] as Node, heap[p] as Node)) break;
      [heap[i], heap[p]] = [heap[p] as Node, heap[i] as Node];
      i = p;
    }
  };
  const pop = (): Node => {
    const top = heap[0] as Node;
    const end = heap.pop() as Node;
    if (heap.length) {
      heap[0] = end;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l] as Node, heap[m] as Node)) m = l;
        if (r < heap.length && less(heap[r] as Node, heap[m] as Node)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Node, heap[i] as Node];
        i = m;
      }
    }
    return top;
  };
  for (const x of nodes) push(x);
  while (heap.length > 1) {
    const a = pop();
    const b = pop();
    push({ w: a.w + b.w, sym: -1, left: a, right: b, order: order++ });
  }
  const lengths = new Array<number>(freqs.length).fill(0);
  const walk = (x: Node, depth: number): void => {
    if (x.sym >= 0) lengths[x.sym] = Math.max(1, depth);
    else {
      walk(x.left as Node, depth + 1);
      walk(x.right as Node, depth + 1);
    }
  };
  if (heap[0]) walk(heap[0], 0);
  return lengths;
}

/** A literal byte (0–255), or a match of `len` bytes `dist` back packed by pack(). */
type Token = number;

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;
const HASH_BITS = 15;
const MAX_CHAIN = 256;
const NICE = 128;

/** LZ77 tokens: literals as 0–255, matches as 256 + (len - 3) · 32768 + (dist - 1). */
function lz77(data: Uint8Array): Token[] {
  const tokens: Token[] = [];
  const head = new Int32Array(1 << HASH_BITS).fill(-1);
  const prev = new Int32Array(WINDOW).fill(-1);
  const hash = (i: number) => ((((data[i] as number) << 10) ^ ((data[i + 1] as number) << 5) ^ (data[i + 2] as number)) & ((1 << HASH_BITS) - 1));
  const insert = (i: number): void => {
    if (i + MIN_MATCH > data.length) return;
    const h = hash(i);
    prev[i & (WINDOW - 1)] = head[h] as number;
    head[h] = i;
  };
  const longest = (i: number): [number, number] => {
    let bestLen = 0;
    let bestDist = 0;
    if (i + MIN_MATCH > data.length) return [0, 0];
    let cand = head[hash(i)] as number;
    const maxLen = Math.min(MAX_MATCH, data.length - i);
    for (let chain = 0; cand >= 0 && i - cand <= WINDOW && chain < MAX_CHAIN; chain++) {
      if (data[cand + bestLen] === data[i + bestLen]) {
        let len = 0;
        while (len < maxLen && data[cand + len] === data[i + len]) len++;
        if (len > bestLen) {
          bestLen = len;
          bestDist = i - cand;
          if (len >= NICE || len === maxLen) break;
        }
      }
      const p = prev[cand & (WINDOW - 1)] as number;
      if (p >= cand) break; // the slot was reused by a later position
      cand = p;
    }
    return bestLen >= MIN_MATCH ? [bestLen, bestDist] : [0, 0];
  };
  let i = 0;
  while (i < data.length) {
    const [len, dist] = longest(i); // before inserting i, so that it cannot match itself
    if (!len) {
      insert(i);
      tokens.push(data[i] as number);
      i++;
      continue;
    }
    insert(i);
    if (len < NICE && i + 1 < data.length && longest(i + 1)[0] > len) {
      // lazy matching: a longer match one byte on is worth a literal here
      tokens.push(data[i] as number);
      i++;
      continue;
    }
    for (let k = 1; k < len; k++) insert(i + k);
    tokens.push(pack(len, dist));
    i += len;
  }
  return tokens;
}

const pack = (len: number, dist: number): Token => 256 + (len - MIN_MATCH) * WINDOW + (dist - 1);
const unpack = (t: Token): [number, number] => [Math.floor((t - 256) / WINDOW) + MIN_MATCH, ((t - 256) % WINDOW) + 1];

function lengthCode(len: number): number {
  let i = 0;
  while (i < 28 && (LENGTH_BASE[i + 1] as number) <= len) i++;
  return i;
}
function distCode(dist: number): number {
  let i = 0;
  while (i < 29 && (DIST_BASE[i + 1] as number) <= dist) i++;
  return i;
}

/** Compresses to raw DEFLATE. Deterministic: the same input always gives the same bytes. */
export function deflateRaw(data: Uint8Array): Uint8Array {
  const tokens = lz77(data);
  const w = new BitWriter();
  const BLOCK = 16384;
  let src = 0;
  if (!tokens.length) {
    w.write(1, 1);
    w.write(1, 2);
    w.code(0, 7); // end of block in the fixed code (256 → 0000000)
    return w.result();
  }
  for (let t = 0; t < tokens.length; t += BLOCK) {
    const block = tokens.slice(t, t + BLOCK);
    const last = t + BLOCK >= tokens.length ? 1 : 0;
    let bytes = 0;
    for (const tok of block) bytes += tok < 256 ? 1 : unpack(tok)[0];
    writeBlock(w, block, last, data.subarray(src, src + bytes));
    src += bytes;
  }
  return w.result();
}

function writeBlock(w: BitWriter, tokens: readonly Token[], last: number, raw: Uint8Array): void {
  const litFreq = new Array<number>(286).fill(0);
  const distFreq = new Array<number>(30).fill(0);
  for (const t of tokens) {
    if (t < 256) litFreq[t]!++;
    else {
      const [len, dist] = unpack(t);
      litFreq[257 + lengthCode(len)]!++;
      distFreq[distCode(dist)]!++;
    }
  }
  litFreq[256] = 1;
  const litLen = codeLengths(litFreq, 15);
  const distLen = codeLengths(distFreq, 15);
  // the header of a dynamic block: code lengths, run-length coded
  let nlit = 286;
  while (nlit > 257 && !litLen[nlit - 1]) nlit--;
  let ndist = 30;
  while (ndist > 1 && !distLen[ndist - 1]) ndist--;
  const rle = runLengths([...litLen.slice(0, nlit), ...distLen.slice(0, ndist)]);
  const clFreq = new Array<number>(19).fill(0);
  for (const [sym] of rle) clFreq[sym]!++;
  const clLen = codeLengths(clFreq, 7);
  let ncl = 19;
  while (ncl > 4 && !clLen[CL_ORDER[ncl - 1] as number]) ncl--;

  const cost = (ll: readonly number[], dl: readonly number[]): number => {
    let bits = 0;
    for (let s = 0; s < 286; s++) bits += (litFreq[s] as number) * ((ll[s] as number) + (s >= 257 ? (LENGTH_EXTRA[s - 257] as number) : 0));
    for (let s = 0; s < 30; s++) bits += (distFreq[s] as number) * ((dl[s] as number) + (DIST_EXTRA[s] as number));
    return bits;
  };
  let headerBits = 5 + 5 + 4 + ncl * 3;
  for (const [sym] of rle) headerBits += (clLen[sym] as number) + (sym === 16 ? 2 : sym === 17 ? 3 : sym === 18 ? 7 : 0);
  const dynamicBits = headerBits + cost(litLen, distLen);
  const fixedBits = cost(FIXED_LIT, FIXED_DIST);
  const storedBits = raw.length * 8 + Math.ceil(raw.length / 65535 || 1) * 40 + 8;

  if (storedBits < dynamicBits && storedBits < fixedBits) {
    for (let off = 0; off < raw.length || off === 0; off += 65535) {
      const chunk = raw.subarray(off, off + 65535);
      const final = last && off + 65535 >= raw.length ? 1 : 0;
      w.write(final, 1);
      w.write(0, 2);
      w.flushByte();
      w.write(chunk.length & 0xffff, 16);
      w.write(~chunk.length & 0xffff, 16);
      for (const b of chunk) w.write(b, 8);
      if (raw.length === 0) break;
    }
    return;
  }
  w.write(last, 1);
  let ll: readonly number[] = FIXED_LIT;
  let dl: readonly number[] = FIXED_DIST;
  if (dynamicBits < fixedBits) {
    w.write(2, 2);
    w.write(nlit - 257, 5);
    w.write(ndist - 1, 5);
    w.write(ncl - 4, 4);
    for (let i = 0; i < ncl; i++) w.write(clLen[CL_ORDER[i] as number] as number, 3);
    const clCodes = codesFor(clLen);
    for (const [sym, extra] of rle) {
      w.code(clCodes[sym] as number, clLen[sym] as number);
      if (sym === 16) w.write(extra, 2);
      else if (sym === 17) w.write(extra, 3);
      else if (sym === 18) w.write(extra, 7);
    }
    ll = litLen;
    dl = distLen;
  } else {
    w.write(1, 2);
  }
  const litCodes = codesFor(ll);
  const distCodes = codesFor(dl);
  for (const t of tokens) {
    if (t < 256) {
      w.code(litCodes[t] as number, ll[t] as number);
      continue;
    }
    const [len, dist] = unpack(t);
    const lc = lengthCode(len);
    w.code(litCodes[257 + lc] as number, ll[257 + lc] as number);
    if (LENGTH_EXTRA[lc]) w.write(len - (LENGTH_BASE[lc] as number), LENGTH_EXTRA[lc] as number);
    const dc = distCode(dist);
    w.code(distCodes[dc] as number, dl[dc] as number);
    if (DIST_EXTRA[dc]) w.write(dist - (DIST_BASE[dc] as number), DIST_EXTRA[dc] as number);
  }
  w.code(litCodes[256] as number, ll[256] as number);
}

/** Code lengths as [symbol, extra bits] with repeat codes 16 (previous, 3–6), 17 (zeros, 3–10), 18 (zeros, 11–138). */
function runLengths(lengths: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < lengths.length) {
    const l = lengths[i] as number;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === l) run++;
    if (l === 0 && run >= 3) {
      const n = Math.min(run, 138);
      out.push(n >= 11 ? [18, n - 11] : [17, n - 3]);
      i += n;
    } else if (l !== 0 && run >= 4) {
      out.push([l, 0]);
      const n = Math.min(run - 1, 6);
      out.push([16, n - 3]);
      i += 1 + n;
    } else {
      out.push([l, 0]);
      i++;
    }
  }
  return out;
}
