import { readFileSync } from 'node:fs';

export interface PackageInfo {
  version: string;
  /** package.json `homepage`, else its repository URL; undefined when it has neither. */
  informationUri: string | undefined;
}

let cached: PackageInfo | undefined;

/** rootlock's own package.json (two levels up from src/cli/). */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let pkg: { version?: unknown; homepage?: unknown; repository?: unknown } = {};
  try {
    pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  } catch {
    // Keep going with "unknown": a missing version must not stop a check.
  }
  const repo = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository as { url?: unknown } | undefined)?.url;
  const repoUrl = typeof repo === 'string' && /^(git\+)?https:\/\//.test(repo) ? repo.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
  cached = {
    version: typeof pkg.version === 'string' ? pkg.version : '0.0.0-unknown',
    informationUri: typeof pkg.homepage === 'string' ? pkg.homepage : repoUrl,
  };
  return cached;
}
