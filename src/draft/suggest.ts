/**
 * Image names for completion: every repository the knowledge base recognises, with the title of
 * what it is, best matches first. Any other image is accepted too; these are the ones rootlock
 * knows what to mount for.
 */
import { images, runtimes } from '../knowledge/index.ts';

export interface ImageSuggestion {
  /** A repository name to put in `image:` (add a tag). */
  image: string;
  /** What it is: "PostgreSQL (Docker official image)". */
  title: string;
}

interface Candidate extends ImageSuggestion {
  /** Position in the knowledge base: the tie-breaker, so related images stay together. */
  order: number;
}

let all: Candidate[] | undefined;

function candidates(): Candidate[] {
  if (all) return all;
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const add = (image: string, title: string) => {
    // `library/nginx` is how Docker Hub spells `nginx`: offer the short name only
    if (seen.has(image) || image.startsWith('library/')) return;
    seen.add(image);
    out.push({ image, title, order: out.length });
  };
  for (const k of images) for (const r of k.repositories) add(r, k.title);
  for (const k of runtimes) for (const r of k.repositories) add(r, k.title);
  all = out;
  return out;
}

/**
 * Known images matching what the user typed so far, best first: the exact name, then names that
 * start with it, then names with a path component that starts with it (`post` → `bitnami/postgresql`),
 * then names and titles that contain it. A registry (`docker.io/`), `library/`, a tag or a digest
 * in the prefix are looked through. An empty prefix lists every known image.
 */
export function imageSuggestions(prefix: string): ImageSuggestion[] {
  const q = normalise(prefix);
  const ranked: Array<{ c: Candidate; rank: number }> = [];
  for (const c of candidates()) {
    const rank = rankOf(c, q);
    if (rank !== undefined) ranked.push({ c, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || official(b.c) - official(a.c) || a.c.order - b.c.order);
  return ranked.map(({ c }) => ({ image: c.image, title: c.title }));
}

function normalise(prefix: string): string {
  let q = prefix.trim().toLowerCase();
  const at = q.indexOf('@');
  if (at >= 0) q = q.slice(0, at);
  const colon = q.lastIndexOf(':');
  if (colon > q.lastIndexOf('/')) q = q.slice(0, colon);
  const parts = q.split('/');
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) parts.shift();
  if (parts.length > 1 && parts[0] === 'library') parts.shift();
  return parts.join('/');
}

function rankOf(c: Candidate, q: string): number | undefined {
  if (q === '') return 0;
  const name = c.image;
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.split('/').some((part, i) => i > 0 && part.startsWith(q))) return 2;
  if (name.includes(q)) return 3;
  if (c.title.toLowerCase().includes(q)) return 4;
  return undefined;
}

/** Docker official images (no organisation) first among equals. */
function official(c: Candidate): number {
  return c.image.includes('/') ? 0 : 1;
}
