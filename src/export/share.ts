/**
 * Share links: the manifest and the selected workload/container, compressed into the URL fragment
 * (after `#`, which browsers never send to a server).
 *
 * Format `rl1.` + base64url(CRC-32 of the payload, 4 bytes big-endian ‖ raw DEFLATE of the payload),
 * where the payload is the UTF-8 JSON `{"t": text, "w"?: workload, "c"?: container}`. The checksum
 * covers the uncompressed payload, so a changed or cut-off link is caught even when it still
 * decompresses.
 */
import { crc32, deflateRaw, inflateRaw, InflateError } from './deflate.ts';

export const SHARE_PREFIX = 'rl1.';

/**
 * Longest share link offered, in characters (the whole URL). RFC 9110 §4.1 recommends that all
 * senders and recipients support URIs of at least 8,000 octets; longer links work in current
 * browsers (Chromium keeps URLs up to 2 MB but shows only the first 32 KB), but chat tools, mail
 * clients and issue trackers are not bound to keep them, and older tools stop near 2,000 (the
 * 2,083 of Internet Explorer). Above this length rootlock offers the download instead.
 */
export const SHARE_MAX_URL = 8000;

/** Largest manifest a link may expand to (the size analyze() accepts). */
export const SHARE_MAX_TEXT = 8 * 1024 * 1024;

export interface SharePayload {
  text: string;
  /** The selected workload: its index in Analysis.workloads, or a name. */
  workload?: number | string;
  /** The selected container: its index in the workload, or its name. */
  container?: number | string;
}

export type ShareDecodeError = 'not-a-share-link' | 'unsupported-version' | 'damaged' | 'truncated' | 'checksum' | 'too-large';

export type DecodedShare =
  | ({ ok: true } & SharePayload)
  | { ok: false; code: ShareDecodeError; error: string };

/** The fragment (without `#`) that carries the payload. */
export function encodeShare(payload: SharePayload): string {
  const json: { t: string; w?: number | string; c?: number | string } = { t: payload.text };
  if (payload.workload !== undefined) json.w = payload.workload;
  if (payload.container !== undefined) json.c = payload.container;
  const bytes = utf8Encode(JSON.stringify(json));
  const packed = deflateRaw(bytes);
  const out = new Uint8Array(4 + packed.length);
  const sum = crc32(bytes);
  out[0] = sum >>> 24;
  out[1] = (sum >>> 16) & 0xff;
  out[2] = (sum >>> 8) & 0xff;
  out[3] = sum & 0xff;
  out.set(packed, 4);
  return SHARE_PREFIX + base64urlEncode(out);
}

/** True when the fragment (with or without `#`) looks like a rootlock share link, valid or not. */
export function isShareFragment(fragment: string): boolean {
  return /^#?rl\d+\./.test(fragment);
}

/** The payload of a share fragment, or a message that says what is wrong with the link. */
export function decodeShare(fragment: string): DecodedShare {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const fail = (code: ShareDecodeError, error: string): DecodedShare => ({ ok: false, code, error });
  const version = /^rl(\d+)\./.exec(f);
  if (!version) return fail('not-a-share-link', 'This link does not hold a rootlock manifest.');
  if (version[0] !== SHARE_PREFIX) return fail('unsupported-version', `This link was made by a newer rootlock (format ${version[1]}); this one reads format 1. Open it with the rootlock that made it.`);
  const damaged = 'This share link is damaged: it was changed after it was made. Ask for the link again, or for the file.';
  const truncated = 'This share link is incomplete: it was cut off (chat tools and mail clients sometimes cut long links). Copy the whole link, or ask for the file.';
  let body = f.slice(SHARE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(body)) return fail('damaged', damaged);
  // A length base64 never has (4n + 1) means the link lost its end.
  if (body.length % 4 === 1) body = body.slice(0, -1);
  const bytes = base64urlDecode(body);
  if (bytes.length < 5) return fail('truncated', truncated);
  const expected = (((bytes[0] as number) << 24) | ((bytes[1] as number) << 16) | ((bytes[2] as number) << 8) | (bytes[3] as number)) >>> 0;
  let raw: Uint8Array;
  try {
    raw = inflateRaw(bytes.subarray(4), SHARE_MAX_TEXT * 3 + 64);
  } catch (err) {
    if (err instanceof InflateError && err.code === 'truncated') return fail('truncated', truncated);
    if (err instanceof InflateError && err.code === 'too-large') return fail('too-large', 'This share link expands to more text than rootlock opens; ask for the file instead.');
    return fail('damaged', damaged);
  }
  if (crc32(raw) !== expected) return fail('checksum', damaged);
  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8Decode(raw));
  } catch {
    return fail('damaged', damaged);
  }
  if (!parsed || typeof parsed !== 'object' || typeof (parsed as { t?: unknown }).t !== 'string') return fail('damaged', damaged);
  const p = parsed as { t: string; w?: unknown; c?: unknown };
  if (p.t.length > SHARE_MAX_TEXT) return fail('too-large', 'This share link expands to more text than rootlock opens; ask for the file instead.');
  const sel = (v: unknown): number | string | undefined => (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= 0) ? v : undefined);
  const workload = sel(p.w);
  const container = sel(p.c);
  return { ok: true, text: p.t, ...(workload !== undefined ? { workload } : {}), ...(container !== undefined ? { container } : {}) };
}

/** True when a URL of this length can be shared reliably (see SHARE_MAX_URL). */
export function shareFits(url: string): boolean {
  return url.length <= SHARE_MAX_URL;
}

// ---- UTF-8 and base64url (TextEncoder and btoa are browser APIs; the engine has no DOM) ----

export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate has no UTF-8 form
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** Strict UTF-8 decoding: throws on malformed input. */
export function utf8Decode(b: Uint8Array): string {
  let out = '';
  const chunk: number[] = [];
  const flush = () => {
    out += String.fromCharCode(...chunk);
    chunk.length = 0;
  };
  for (let i = 0; i < b.length; ) {
    const x = b[i] as number;
    let c: number;
    let n: number;
    if (x < 0x80) [c, n] = [x, 0];
    else if (x >= 0xc2 && x < 0xe0) [c, n] = [x & 31, 1];
    else if (x >= 0xe0 && x < 0xf0) [c, n] = [x & 15, 2];
    else if (x >= 0xf0 && x < 0xf5) [c, n] = [x & 7, 3];
    else throw new Error('malformed UTF-8');
    if (n > 0 && i + n >= b.length) throw new Error('malformed UTF-8');
    for (let k = 1; k <= n; k++) {
      const y = b[i + k] as number;
      if ((y & 0xc0) !== 0x80) throw new Error('malformed UTF-8');
      c = (c << 6) | (y & 63);
    }
    if ((n === 2 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) || (n === 3 && (c < 0x10000 || c > 0x10ffff))) throw new Error('malformed UTF-8');
    i += n + 1;
    if (c >= 0x10000) chunk.push(0xd800 + ((c - 0x10000) >> 10), 0xdc00 + ((c - 0x10000) & 1023));
    else chunk.push(c);
    if (chunk.length > 8000) flush();
  }
  flush();
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** base64url without padding (RFC 4648 §5). */
export function base64urlEncode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] as number) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    if (i + 1 < b.length) out += B64[(n >> 6) & 63]!;
    if (i + 2 < b.length) out += B64[n & 63]!;
  }
  return out;
}

/** Throws on a character outside the base64url alphabet or an impossible length. */
export function base64urlDecode(s: string): Uint8Array {
  const t = s.replace(/=+$/, '');
  if (t.length % 4 === 1) throw new Error('bad base64url length');
  const out = new Uint8Array(Math.floor((t.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < t.length; i += 4) {
    let n = 0;
    const group = t.slice(i, i + 4);
    for (let k = 0; k < 4; k++) {
      const ch = group[k];
      const v = ch === undefined ? 0 : B64_INDEX.get(ch);
      if (v === undefined) throw new Error(`bad base64url character ${JSON.stringify(ch)}`);
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 0xff;
    if (group.length > 2) out[o++] = (n >> 8) & 0xff;
    if (group.length > 3) out[o++] = n & 0xff;
  }
  return out;
}
