/**
 * Several files as one multi-document text, and back. Each file is preceded by a comment line that
 * names it:
 *
 *     # rootlock: file deploy/web.yaml
 *     apiVersion: apps/v1
 *     …
 *     ---
 *     # rootlock: file deploy/db.yaml
 *     …
 *
 * Between two files the join adds `---` (or `...` before a file that starts with directives) unless
 * the next file opens with its own `---`, and a line break after a file that lacks a final one; the
 * marker line of such a file says so (`(no newline at end)`), so the split can take the break off
 * again. splitFiles(joinFiles(files)) gives the files back byte for byte.
 */

export interface NamedFile {
  name: string;
  text: string;
}

export const FILE_MARKER = '# rootlock: file ';
const NO_EOL = ' (no newline at end)';
const MARKER_LINE = /^# rootlock: file (.*?)(\r?\n|$)/gm;

/** One multi-document text from several files, each after a `# rootlock: file NAME` comment line. */
export function joinFiles(files: readonly NamedFile[]): string {
  let out = '';
  files.forEach((f, i) => {
    const eol = eolOf(f.text, i > 0 ? eolOf(files[i - 1]?.text ?? '', '\n') : '\n');
    const name = f.name.replace(/[\r\n]+/g, ' ');
    if (i > 0) {
      if (!/\n$/.test(out)) out += eol;
      const sep = separatorFor(f.text);
      if (sep) out += sep + eol;
    }
    const noEol = f.text.length > 0 && !f.text.endsWith('\n') && i < files.length - 1;
    out += FILE_MARKER + name + (noEol ? NO_EOL : '') + eol + f.text;
  });
  return out;
}

/**
 * The files of a text made by joinFiles, or null when the text holds no marker line. Text edited
 * after the join splits at the same marker lines; text above the first marker goes to the first file.
 */
export function splitFiles(text: string): NamedFile[] | null {
  const marks: Array<{ name: string; noEol: boolean; start: number; bodyStart: number }> = [];
  for (const m of text.matchAll(MARKER_LINE)) {
    const raw = m[1] ?? '';
    const noEol = raw.endsWith(NO_EOL);
    marks.push({ name: noEol ? raw.slice(0, -NO_EOL.length) : raw, noEol, start: m.index, bodyStart: m.index + m[0].length });
  }
  if (!marks.length) return null;
  // From the last file back: whether the join put a separator before file i+1 depends on how
  // file i+1 begins, which is known once the separator before file i+2 is taken off.
  const files: NamedFile[] = new Array<NamedFile>(marks.length);
  for (let i = marks.length - 1; i >= 0; i--) {
    const mk = marks[i] as (typeof marks)[number];
    const next = marks[i + 1];
    let body = text.slice(mk.bodyStart, next ? next.start : text.length);
    if (i === 0 && mk.start > 0) body = text.slice(0, mk.start) + body;
    if (next) {
      const sep = separatorFor((files[i + 1] as NamedFile).text);
      if (sep) {
        const m = new RegExp(`(^|\\n)${sep === '---' ? '---' : '\\.\\.\\.'}\\r?\\n$`).exec(body);
        if (m) body = body.slice(0, m.index + (m[1] as string).length);
      }
      if (mk.noEol) body = body.replace(/\r?\n$/, '');
    }
    files[i] = { name: mk.name, text: body };
  }
  return files;
}

/** True when the text was made by joinFiles (it has a file marker line). */
export function isJoined(text: string): boolean {
  MARKER_LINE.lastIndex = 0;
  const hit = MARKER_LINE.test(text);
  MARKER_LINE.lastIndex = 0;
  return hit;
}

/**
 * What must stand between the previous file and this one: nothing when the file's first line that
 * is not blank or a comment is its own `---`; `...` (end of document) when it starts with a
 * directive (`%YAML`), which may only follow one; `---` otherwise.
 */
function separatorFor(text: string): '---' | '...' | undefined {
  for (const line of text.split('\n')) {
    const l = line.replace(/\r$/, '');
    if (/^\s*(#.*)?$/.test(l)) continue;
    if (/^---(\s|$)/.test(l)) return undefined;
    if (l.startsWith('%')) return '...';
    return '---';
  }
  return '---';
}

function eolOf(text: string, fallback: string): string {
  const i = text.indexOf('\n');
  if (i === -1) return fallback;
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
