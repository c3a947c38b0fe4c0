import { stringify } from 'yaml';

/** A value to render as new YAML text. Key order is kept. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/**
 * A map key `'#'` holds a comment: block output writes it as a `# …` line where the key stands
 * (above a list item when it comes first in the item); flow and JSON output leave it out.
 */
export const COMMENT_KEY = '#';

/** The value without comment keys, for flow and JSON output. */
export function withoutComments(v: Plain): Plain {
  if (Array.isArray(v)) return v.map(withoutComments);
  if (v !== null && typeof v === 'object') {
    const out: { [key: string]: Plain } = {};
    for (const [k, x] of Object.entries(v)) if (k !== COMMENT_KEY) out[k] = withoutComments(x);
    return out;
  }
  return v;
}

export interface BlockStyle {
  /** Spaces per nesting level of maps. */
  indent: number;
  /** True when sequence dashes are indented under their key (`key:\n  - a`), false when flush (`key:\n- a`). */
  indentSequences: boolean;
  eol: string;
  /** Spaces between a dash and the first key of a map item: 1 for `- name`, 3 for `-   name` (default 1). */
  dashGap?: number;
  /** Quote new keys and string values like this (the siblings' keys are quoted so); plain when unset. */
  quote?: 'double' | 'single';
}

/** A string key or value in the style's quotes, or undefined when the style has none. */
function quoted(v: string | number | boolean | null, style: BlockStyle): string | undefined {
  if (typeof v !== 'string' || !style.quote) return undefined;
  return style.quote === 'double' ? JSON.stringify(v) : `'${v.replace(/'/g, "''")}'`;
}

/** A scalar as YAML 1.1 would read it back unchanged: quoted only where needed. */
export function renderScalar(v: string | number | boolean | null): string {
  if (v === null) return 'null';
  if (typeof v !== 'string') return String(v);
  if (/^[A-Za-z0-9_/][A-Za-z0-9_./-]*$/.test(v) && !/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/.test(v) && !/^[-+]?[0-9_.:]+([eE][-+]?[0-9]+)?$/.test(v) && !/^0[xob]/i.test(v)) {
    return v;
  }
  return stringify(v, { version: '1.1', lineWidth: 0 }).trimEnd();
}

/** A key as YAML would read it back as a string. */
export function renderKey(k: string): string {
  return renderScalar(k);
}

function isObj(v: Plain): v is { [key: string]: Plain } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One-line flow form. `json` quotes every key and string, for JSON documents. */
export function renderFlow(v: Plain, json = false): string {
  v = withoutComments(v);
  if (Array.isArray(v)) return `[${v.map((x) => renderFlow(x, json)).join(', ')}]`;
  if (isObj(v)) {
    const parts = Object.entries(v).map(([k, x]) => `${json ? JSON.stringify(k) : renderKey(k)}: ${renderFlow(x, json)}`);
    return `{${parts.join(', ')}}`;
  }
  if (json) return JSON.stringify(v);
  const s = renderScalar(v);
  // inside a flow collection a plain scalar may not hold flow indicators
  return /[,[\]{}]/.test(s) && !s.startsWith('"') ? JSON.stringify(v) : s;
}

/** The `key: value` lines of a map at `col` spaces, each line ending with the style's EOL. */
export function renderMapLines(map: { [key: string]: Plain }, col: number, style: BlockStyle): string {
  let out = '';
  const pad = ' '.repeat(col);
  for (const [k, v] of Object.entries(map)) {
    if (k === COMMENT_KEY) {
      out += pad + '# ' + String(v) + style.eol;
      continue;
    }
    out += pad + (quoted(k, style) ?? renderKey(k)) + ':' + renderValueAfterKey(v, col, style);
  }
  return out;
}

/** What follows `key:`: ` scalar` + EOL, or EOL + nested block lines. */
export function renderValueAfterKey(v: Plain, col: number, style: BlockStyle): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return ' []' + style.eol;
    return style.eol + renderSeqLines(v, col + (style.indentSequences ? style.indent : 0), style);
  }
  if (isObj(v)) {
    if (Object.keys(v).length === 0) return ' {}' + style.eol;
    return style.eol + renderMapLines(v, col + style.indent, style);
  }
  return ' ' + (quoted(v, style) ?? renderScalar(v)) + style.eol;
}

/** `- item` lines with the dash at `col`. */
export function renderSeqLines(items: Plain[], col: number, style: BlockStyle): string {
  let out = '';
  const pad = ' '.repeat(col);
  const gap = Math.max(1, style.dashGap ?? 1);
  for (let item of items) {
    if (isObj(item) && typeof item[COMMENT_KEY] === 'string') {
      out += pad + '# ' + item[COMMENT_KEY] + style.eol;
      const { [COMMENT_KEY]: _comment, ...rest } = item;
      item = rest;
    }
    if (isObj(item) && Object.keys(item).length > 0) {
      const inner = renderMapLines(item, col + 1 + gap, style);
      out += pad + '-' + ' '.repeat(gap) + inner.slice(col + 1 + gap);
    } else if (Array.isArray(item) && item.length > 0) {
      out += pad + '-' + style.eol + renderSeqLines(item, col + 2, style);
    } else {
      out += pad + '- ' + renderFlow(item) + style.eol;
    }
  }
  return out;
}
