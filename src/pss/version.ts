/**
 * Pod Security Standards levels and policy versions, as pod-security admission reads them from
 * namespace labels (`pod-security.kubernetes.io/<mode>` and `<mode>-version`).
 */

export type PssLevel = 'privileged' | 'baseline' | 'restricted';

/** `latest`, or `v1.<minor>` as written (`v1.0`, `v1.29`); never a patch version. */
export type PssVersion = 'latest' | `v1.${number}`;

/** The newest policy version with a change of its own (the v1.37 sysctls); later versions equal it. */
export const NEWEST_MINOR = 37;

export const LEVELS: readonly PssLevel[] = ['privileged', 'baseline', 'restricted'];

/** pod-security admission's version syntax: `latest` or `v1.<minor>` without leading zeros. */
const VERSION = /^v1\.(0|[1-9][0-9]*)$/;

export function isPssLevel(v: unknown): v is PssLevel {
  return v === 'privileged' || v === 'baseline' || v === 'restricted';
}

export function isPssVersion(v: unknown): v is PssVersion {
  return v === 'latest' || (typeof v === 'string' && VERSION.test(v));
}

/**
 * The minor version a policy version is evaluated at: `latest` and any version newer than the
 * newest defined one resolve to the newest (as pod-security admission does).
 */
export function resolveMinor(version: PssVersion): number {
  if (version === 'latest') return NEWEST_MINOR;
  const m = VERSION.exec(version);
  if (!m) throw new Error(`not a Pod Security Standards version: ${JSON.stringify(version)} (write latest or v1.<minor>)`);
  return Math.min(Number(m[1]), NEWEST_MINOR);
}

/** `latest` as v1.<newest>, other versions as they are: for messages. */
export function describeVersion(version: PssVersion): string {
  return version === 'latest' ? `latest (v1.${NEWEST_MINOR})` : version;
}

/**
 * A near miss turned into the value pod-security admission accepts, or undefined when there is
 * no obvious one: `1.30` → `v1.30`, `v1.30.2` → `v1.30`, `Latest` → `latest`.
 */
export function correctVersion(written: string): PssVersion | undefined {
  const t = written.trim().toLowerCase();
  if (isPssVersion(t)) return t;
  const m = /^v?1\.0*([0-9]+)(?:\.[0-9]+)?$/.exec(t);
  if (m) {
    const v = `v1.${Number(m[1])}`;
    return isPssVersion(v) ? v : undefined;
  }
  return undefined;
}

/** A level written with other case or spaces (`Restricted`), or undefined. */
export function correctLevel(written: string): PssLevel | undefined {
  const t = written.trim().toLowerCase();
  return isPssLevel(t) ? t : undefined;
}
