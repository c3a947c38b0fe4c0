/** Normalises a container path: collapses `//`, drops `.` segments and a trailing `/`. Keeps `..` unresolved only when it would climb above `/`. */
export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length) parts.pop();
      continue;
    }
    parts.push(seg);
  }
  return (abs ? '/' : '') + parts.join('/') || (abs ? '/' : '.');
}

/** True when `path` is `base` or lies below it. Both must be normalised. */
export function isWithin(path: string, base: string): boolean {
  if (base === '/') return path.startsWith('/');
  return path === base || path.startsWith(base + '/');
}

/**
 * Symbolic links that Debian, Ubuntu, Alpine and UBI images all ship: `/var/run` → `/run` and
 * `/var/lock` → `/run/lock`. A write to /var/run/x lands in /run/x, and a mount at /var/run is
 * made at /run, so both spellings name one place.
 */
const SYMLINKS: ReadonlyArray<[string, string]> = [
  ['/var/run', '/run'],
  ['/var/lock', '/run/lock'],
];

/** The path with well-known symlinked parents resolved (`/var/run/nginx.pid` → `/run/nginx.pid`). */
export function canonicalPath(p: string): string {
  const n = normalizePath(p);
  for (const [link, target] of SYMLINKS) {
    if (isWithin(n, link)) return target + n.slice(link.length);
  }
  return n;
}

/** Directories whose content an image needs: a volume mounted there would hide it. */
export const SYSTEM_DIRS: ReadonlySet<string> = new Set(['/', '/etc', '/usr', '/bin', '/sbin', '/lib', '/lib64', '/var', '/var/lib', '/opt', '/home', '/root', '/srv', '/usr/local', '/usr/share', '/usr/lib']);
