/**
 * A POSIX-shell tokenizer (with the bash extensions scripts in manifests use): words made of
 * parts (literal text, `$VAR` / `${VAR…}`, `$(…)` / backticks, `$((…))`, `<(…)`), control and
 * redirection operators, and here-document bodies, which are skipped. Every position is an index
 * into the text being lexed, so findings can point at the exact characters.
 *
 * Best effort by design: unterminated quotes, substitutions and here-documents run to the end of
 * the range; nothing throws, and every loop advances.
 */

export type Part =
  /** Literal text after quote removal; `q` when quoted or escaped (no splitting, no globbing). */
  | { readonly t: 'lit'; text: string; readonly q: boolean; readonly s: number; e: number }
  /** `$name`, `${name}`, `${name<op><arg>}`; op '' for plain, '#len' for `${#name}`. */
  | { readonly t: 'param'; readonly name: string; readonly op: string; readonly arg: Part[] | null; readonly q: boolean; readonly s: number; readonly e: number }
  /** `$(…)` or a backtick substitution: is/ie delimit the inner script. */
  | { readonly t: 'cmd'; readonly q: boolean; readonly s: number; readonly e: number; readonly is: number; readonly ie: number; readonly bt: boolean }
  | { readonly t: 'arith'; readonly q: boolean; readonly s: number; readonly e: number }
  /** `<(…)` / `>(…)`: the word becomes a /dev/fd path; the inner script runs alongside. */
  | { readonly t: 'proc'; readonly s: number; readonly e: number; readonly is: number; readonly ie: number };

export interface Word {
  readonly parts: Part[];
  readonly s: number;
  readonly e: number;
}

export type Token =
  | { readonly k: 'word'; readonly w: Word; readonly s: number; readonly e: number }
  | { readonly k: 'op'; readonly op: string; readonly s: number; readonly e: number }
  | { readonly k: 'redir'; readonly op: string; readonly fd: string | null; readonly s: number; readonly e: number };

const CONTROL_OPS = [';;&', '&&', '||', ';;', ';&', '|&', '&', '|', ';', '(', ')'];
const REDIR_OPS = ['<<<', '<<-', '&>>', '<<', '<>', '<&', '>>', '>|', '>&', '&>', '<', '>'];
const OPS = [...REDIR_OPS, ...CONTROL_OPS].sort((a, b) => b.length - a.length);
const REDIRS = new Set(REDIR_OPS);

const MAX_BRACE_DEPTH = 24;

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r';
}

function isWordEnd(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')' || c === '<' || c === '>';
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
const SPECIAL = '@*#?$!-';

/** Lexes text[from, to). */
export function lex(text: string, from: number, to: number): Token[] {
  return new Lexer(text, from, Math.min(to, text.length)).run();
}

class Lexer {
  private pos: number;
  private readonly toks: Token[] = [];
  private pending: { delim: string; strip: boolean }[] = [];
  private wantDelim: boolean | null = null;
  private braceDepth = 0;

  constructor(
    private readonly t: string,
    from: number,
    private readonly end: number,
  ) {
    this.pos = Math.max(0, from);
  }

  private ch(i: number): string | undefined {
    return i < this.end ? this.t[i] : undefined;
  }

  run(): Token[] {
    while (this.pos < this.end) {
      const start = this.pos;
      this.step();
      if (this.pos <= start) this.pos = start + 1; // never stall
    }
    return this.toks;
  }

  private step(): void {
    const c = this.ch(this.pos);
    if (isBlank(c)) {
      this.pos++;
      return;
    }
    if (c === '\\' && this.ch(this.pos + 1) === '\n') {
      this.pos += 2;
      return;
    }
    if (c === '#') {
      const nl = this.t.indexOf('\n', this.pos);
      this.pos = nl < 0 || nl > this.end ? this.end : nl;
      return;
    }
    if (c === '\n') {
      this.toks.push({ k: 'op', op: '\n', s: this.pos, e: this.pos + 1 });
      this.pos++;
      this.wantDelim = null;
      this.readHeredocs();
      return;
    }
    // Process substitution at the start of a word.
    if ((c === '<' || c === '>') && this.ch(this.pos + 1) === '(') {
      const s = this.pos;
      const close = this.scanParen(this.pos + 2);
      this.pos = Math.min(close + 1, this.end);
      const part: Part = { t: 'proc', s, e: this.pos, is: s + 2, ie: close };
      this.pushWord(this.readWord([part], s));
      return;
    }
    // IO number or {varname} before a redirection.
    let fd: string | null = null;
    let p = this.pos;
    if (c !== undefined && c >= '0' && c <= '9') {
      while (p < this.end && (this.t[p] ?? '') >= '0' && (this.t[p] ?? '') <= '9') p++;
      const n = this.ch(p);
      if (n === '<' || n === '>') fd = this.t.slice(this.pos, p);
    } else if (c === '{') {
      const m = /^\{[A-Za-z_][A-Za-z0-9_]*\}[<>]/.exec(this.t.slice(this.pos, Math.min(this.end, this.pos + 80)));
      if (m) {
        fd = m[0].slice(0, -1);
        p = this.pos + fd.length;
      }
    }
    const opAt = fd !== null ? p : this.pos;
    const op = this.matchOp(opAt);
    if (op !== null && (fd === null || REDIRS.has(op))) {
      const s = this.pos;
      this.pos = opAt + op.length;
      if (REDIRS.has(op)) {
        this.toks.push({ k: 'redir', op, fd, s, e: this.pos });
        this.wantDelim = op === '<<' || op === '<<-' ? op === '<<-' : null;
      } else {
        this.toks.push({ k: 'op', op, s, e: this.pos });
        this.wantDelim = null;
      }
      return;
    }
    this.pushWord(this.readWord([], this.pos));
  }

  private pushWord(w: Word): void {
    if (w.e <= w.s && w.parts.length === 0) return;
    this.toks.push({ k: 'word', w, s: w.s, e: w.e });
    if (this.wantDelim !== null) {
      const delim = w.parts.map((p) => (p.t === 'lit' ? p.text : this.t.slice(p.s, p.e))).join('');
      this.pending.push({ delim, strip: this.wantDelim });
      this.wantDelim = null;
    }
  }

  private matchOp(at: number): string | null {
    const c = this.ch(at);
    if (c !== ';' && c !== '&' && c !== '|' && c !== '(' && c !== ')' && c !== '<' && c !== '>') return null;
    const ahead = this.t.slice(at, Math.min(this.end, at + 3));
    for (const op of OPS) if (ahead.startsWith(op)) return op;
    return null;
  }

  /** After a newline: skip the bodies of the here-documents whose operators were on that line. */
  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      while (this.pos < this.end) {
        let nl = this.t.indexOf('\n', this.pos);
        if (nl < 0 || nl > this.end) nl = this.end;
        let line = this.t.slice(this.pos, nl);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        if (h.strip) line = line.replace(/^\t+/, '');
        this.pos = Math.min(nl + 1, this.end);
        if (line === h.delim) break;
      }
    }
  }

  // ---- words -------------------------------------------------------------------------------

  private readWord(parts: Part[], s: number): Word {
    this.readParts(parts, isWordEnd, false);
    return { parts, s, e: this.pos };
  }

  private addLit(parts: Part[], text: string, q: boolean, s: number, e: number): void {
    const last = parts[parts.length - 1];
    if (last && last.t === 'lit' && last.q === q && last.e === s) {
      last.text += text;
      last.e = e;
      return;
    }
    parts.push({ t: 'lit', text, q, s, e });
  }

  /** Reads word parts until stop(c) at the top level of the word. */
  private readParts(parts: Part[], stop: (c: string | undefined) => boolean, q: boolean): void {
    while (this.pos < this.end) {
      const c = this.t[this.pos];
      if (stop(c)) return;
      const start = this.pos;
      if (c === '\\') {
        const n = this.ch(this.pos + 1);
        if (n === '\n') this.pos += 2;
        else if (n === undefined) {
          this.addLit(parts, '\\', q, this.pos, this.pos + 1);
          this.pos++;
        } else {
          this.addLit(parts, n, true, this.pos, this.pos + 2);
          this.pos += 2;
        }
      } else if (c === "'") {
        let close = this.t.indexOf("'", this.pos + 1);
        if (close < 0 || close >= this.end) close = this.end;
        this.addLit(parts, this.t.slice(this.pos + 1, close), true, this.pos + 1, close);
        this.pos = Math.min(close + 1, this.end);
      } else if (c === '"') {
        this.readDq(parts);
      } else if (c === '$') {
        this.readDollar(parts, q);
      } else if (c === '`') {
        this.readBacktick(parts, q);
      } else {
        this.addLit(parts, c ?? '', q, this.pos, this.pos + 1);
        this.pos++;
      }
      if (this.pos <= start) this.pos = start + 1;
    }
  }

  private readDq(parts: Part[]): void {
    this.pos++; // opening quote
    this.addLit(parts, '', true, this.pos, this.pos);
    while (this.pos < this.end) {
      const c = this.t[this.pos];
      const start = this.pos;
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        const n = this.ch(this.pos + 1);
        if (n === '\n') this.pos += 2;
        else if (n === '$' || n === '`' || n === '"' || n === '\\') {
          this.addLit(parts, n, true, this.pos, this.pos + 2);
          this.pos += 2;
        } else {
          this.addLit(parts, '\\', true, this.pos, this.pos + 1);
          this.pos++;
        }
      } else if (c === '$') this.readDollar(parts, true);
      else if (c === '`') this.readBacktick(parts, true);
      else {
        this.addLit(parts, c ?? '', true, this.pos, this.pos + 1);
        this.pos++;
      }
      if (this.pos <= start) this.pos = start + 1;
    }
  }

  private readBacktick(parts: Part[], q: boolean): void {
    const s = this.pos;
    let i = s + 1;
    while (i < this.end && this.t[i] !== '`') i += this.t[i] === '\\' ? 2 : 1;
    const close = Math.min(i, this.end);
    this.pos = Math.min(close + 1, this.end);
    parts.push({ t: 'cmd', q, s, e: this.pos, is: s + 1, ie: close, bt: true });
  }

  private readDollar(parts: Part[], q: boolean): void {
    const s = this.pos;
    const n = this.ch(s + 1);
    if (n === '{') {
      this.readBrace(parts, q);
      return;
    }
    if (n === '(') {
      if (this.ch(s + 2) === '(') {
        const close = this.scanArith(s + 3);
        this.pos = Math.min(close + 2, this.end);
        parts.push({ t: 'arith', q, s, e: this.pos });
        return;
      }
      const close = this.scanParen(s + 2);
      this.pos = Math.min(close + 1, this.end);
      parts.push({ t: 'cmd', q, s, e: this.pos, is: s + 2, ie: close, bt: false });
      return;
    }
    if (n === "'" && !q) {
      this.readAnsiC(parts);
      return;
    }
    if (n === '"' && !q) {
      this.pos++;
      this.readDq(parts);
      return;
    }
    if (n !== undefined && NAME_START.test(n)) {
      let i = s + 2;
      while (i < this.end && NAME_CHAR.test(this.t[i] ?? '')) i++;
      this.pos = i;
      parts.push({ t: 'param', name: this.t.slice(s + 1, i), op: '', arg: null, q, s, e: i });
      return;
    }
    if (n !== undefined && ((n >= '0' && n <= '9') || SPECIAL.includes(n))) {
      this.pos = s + 2;
      parts.push({ t: 'param', name: n, op: '', arg: null, q, s, e: s + 2 });
      return;
    }
    this.addLit(parts, '$', q, s, s + 1);
    this.pos = s + 1;
  }

  private readAnsiC(parts: Part[]): void {
    const s = this.pos;
    let i = s + 2;
    let text = '';
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };
    while (i < this.end && this.t[i] !== "'") {
      const c = this.t[i] ?? '';
      if (c === '\\' && i + 1 < this.end) {
        const n = this.t[i + 1] ?? '';
        const m = simple[n];
        if (m !== undefined) {
          text += m;
          i += 2;
          continue;
        }
        const hex = n === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(this.t.slice(i + 2, Math.min(this.end, i + 4))) : null;
        if (hex) {
          text += String.fromCharCode(parseInt(hex[0], 16));
          i += 2 + hex[0].length;
          continue;
        }
        text += c + n;
        i += 2;
        continue;
      }
      text += c;
      i++;
    }
    this.pos = Math.min(i + 1, this.end);
    this.addLit(parts, text, true, s, this.pos);
  }

  private readBrace(parts: Part[], q: boolean): void {
    const s = this.pos;
    let i = s + 2;
    let op = '';
    let name = '';
    if (this.ch(i) === '#' && this.ch(i + 1) !== '}' && this.ch(i + 1) !== undefined) {
      op = '#len';
      i++;
    } else if (this.ch(i) === '!' && this.ch(i + 1) !== '}') {
      op = 'indirect';
      i++;
    }
    const c = this.ch(i);
    if (c !== undefined && NAME_START.test(c)) {
      let j = i + 1;
      while (j < this.end && NAME_CHAR.test(this.t[j] ?? '')) j++;
      name = this.t.slice(i, j);
      i = j;
    } else if (c !== undefined && c >= '0' && c <= '9') {
      let j = i + 1;
      while (j < this.end && (this.t[j] ?? '') >= '0' && (this.t[j] ?? '') <= '9') j++;
      name = this.t.slice(i, j);
      i = j;
    } else if (c !== undefined && SPECIAL.includes(c)) {
      name = c;
      i++;
    }
    if (this.ch(i) === '}') {
      this.pos = i + 1;
      parts.push({ t: 'param', name, op: name ? op : 'bad', arg: null, q, s, e: this.pos });
      return;
    }
    if (op === '' && name) {
      const rest = this.t.slice(i, Math.min(this.end, i + 3));
      for (const o of [':-', ':=', ':+', ':?', '##', '%%', '//', '/#', '/%', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', '^', ',', ':', '[', '@']) {
        if (rest.startsWith(o)) {
          op = o;
          break;
        }
      }
    }
    if (!name || op === '' || op === '#len' || op === 'indirect' || this.braceDepth >= MAX_BRACE_DEPTH) {
      this.pos = this.scanBrace(i) + 1;
      if (this.pos > this.end) this.pos = this.end;
      parts.push({ t: 'param', name, op: 'bad', arg: null, q, s, e: this.pos });
      return;
    }
    this.pos = i + op.length;
    const arg: Part[] = [];
    this.braceDepth++;
    this.readParts(arg, (ch) => ch === '}', q);
    this.braceDepth--;
    if (this.ch(this.pos) === '}') this.pos++;
    parts.push({ t: 'param', name, op, arg, q, s, e: this.pos });
  }

  /** Index of the `}` closing a `${`, skipping quotes; this.end when there is none. */
  private scanBrace(i: number): number {
    let depth = 0;
    while (i < this.end) {
      const c = this.t[i];
      if (c === '\\') i += 2;
      else if (c === "'") {
        const close = this.t.indexOf("'", i + 1);
        i = close < 0 ? this.end : close + 1;
      } else if (c === '{') {
        depth++;
        i++;
      } else if (c === '}') {
        if (depth === 0) return i;
        depth--;
        i++;
      } else i++;
    }
    return this.end;
  }

  /** Index of the `)` closing a `$(` or `(` whose content starts at i; this.end when there is none. */
  private scanParen(i: number): number {
    let depth = 0;
    while (i < this.end) {
      const c = this.t[i];
      if (c === '\\') i += 2;
      else if (c === "'") {
        const close = this.t.indexOf("'", i + 1);
        i = close < 0 ? this.end : close + 1;
      } else if (c === '"') {
        i++;
        while (i < this.end && this.t[i] !== '"') i += this.t[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '`') {
        i++;
        while (i < this.end && this.t[i] !== '`') i += this.t[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '(') {
        depth++;
        i++;
      } else if (c === ')') {
        if (depth === 0) return i;
        depth--;
        i++;
      } else i++;
    }
    return this.end;
  }

  /** Index of the first `)` of the `))` closing a `$((` whose content starts at i. */
  private scanArith(i: number): number {
    let depth = 0;
    while (i < this.end) {
      const c = this.t[i];
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0 && this.t[i + 1] === ')') return i;
        if (depth > 0) depth--;
      }
      i++;
    }
    return this.end;
  }
}
