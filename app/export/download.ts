/** Saves data as a file through the browser's download (a blob: URL: nothing leaves the page). */
export function download(fileName: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const KNOWN = /\.(ya?ml|json)$/i;

/** The file name a manifest downloads under: its own, with `.yaml` added when it has no YAML or JSON extension. */
export function manifestFileName(fileName: string): string {
  const base = fileName.trim() || 'manifest.yaml';
  return KNOWN.test(base) ? base : `${base}.yaml`;
}

/** The name without its extension, for the names of derived files (`web.yaml` → `web`). */
export function stem(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(KNOWN, '');
  return base.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'manifest';
}

/** A lower-case file-name part: `Deployment`, `web api` → `deployment`, `web-api`. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'x';
}

export const YAML_TYPE = 'application/yaml';
export const JSON_TYPE = 'application/json';
export const MARKDOWN_TYPE = 'text/markdown';
export const ZIP_TYPE = 'application/zip';
