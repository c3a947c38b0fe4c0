/**
 * Tokens → a small syntax tree: simple commands, blocks (groups, subshells, if/while/case
 * bodies, pipeline elements), for loops and function definitions. Only what the analyser needs:
 * the order commands run in, which run in a subshell, and which words a loop variable takes.
 *
 * Recovery is best effort: a stray closer is skipped, a missing one ends its construct at the end
 * of input, and nesting deeper than MAX_DEPTH is read as flat commands.
 */
import type { Token, Word } from './lexer.ts';

export interface Redir {
  readonly op: string;
  readonly fd: string | null;
  readonly target: Word | null;
  readonly s: number;
  readonly e: number;
}

export type Node =
  | { readonly t: 'cmd'; readonly assigns: Word[]; readonly words: Word[]; readonly redirs: Redir[]; readonly arrays: Set<Word> }
  /** sub: runs in a subshell, so cd and assignments inside do not leak. */
  | { readonly t: 'block'; readonly body: Node[]; readonly sub: boolean; readonly redirs: Redir[] }
  /** items null: `for x; do` iterates the positional parameters. */
  | { readonly t: 'for'; readonly name: string | null; readonly items: Word[] | null; readonly body: Node[]; readonly redirs: Redir[] }
  /** Words expanded for their side effects only (a case subject, the inside of `[[ … ]]`). */
  | { readonly t: 'words'; readonly words: Word[] }
  | { readonly t: 'func'; readonly name: string; readonly body: Node };

const MAX_DEPTH = 48;
const CLOSERS = new Set(['then', 'elif', 'else', 'fi', 'do', 'done', 'esac', '}']);
const CASE_ENDS = new Set([';;', ';&', ';;&']);

/** The text of a word that is one plain unquoted literal, else null. */
export function plainText(w: Word): string | null {
  const p = w.parts[0];
  if (w.parts.length !== 1 || !p || p.t !== 'lit' || p.q) return null;
  return p.text;
}

const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/;

/** `NAME=value` / `NAME+=value`: the name and the parts of the value, else null. */
export function splitAssignment(w: Word): { name: string; append: boolean; value: Word } | null {
  const first = w.parts[0];
  if (!first || first.t !== 'lit' || first.q) return null;
  const m = ASSIGN.exec(first.text);
  if (!m) return null;
  const n = m[0].length;
  const rest = first.text.slice(n);
  const parts = [...w.parts.slice(1)];
  if (rest) parts.unshift({ t: 'lit', text: rest, q: false, s: first.s + n, e: first.e });
  return { name: m[1] ?? '', append: m[2] === '+', value: { parts, s: first.s + n, e: w.e } };
}

export function parse(toks: Token[]): Node[] {
  return new Parser(toks).program();
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly toks: Token[]) {}

  private peek(k = 0): Token | undefined {
    return this.toks[this.i + k];
  }

  private isOp(tok: Token | undefined, ...ops: string[]): boolean {
    return tok !== undefined && tok.k === 'op' && ops.includes(tok.op);
  }

  private isWord(tok: Token | undefined, text: string): boolean {
    return tok !== undefined && tok.k === 'word' && plainText(tok.w) === text;
  }

  private skipNewlines(): void {
    while (this.isOp(this.peek(), '\n')) this.i++;
  }

  private skipSeparators(): void {
    while (this.isOp(this.peek(), '\n', ';')) this.i++;
  }

  private expect(text: string): void {
    if (this.isWord(this.peek(), text)) this.i++;
  }

  program(): Node[] {
    const out: Node[] = [];
    while (this.i < this.toks.length) {
      const before = this.i;
      for (const n of this.list()) out.push(n);
      if (this.i === before) this.i++; // a stray closer or operator
    }
    return out;
  }

  /** Commands up to a closer, `)`, a case terminator or the end. */
  private list(): Node[] {
    const nodes: Node[] = [];
    for (;;) {
      const tok = this.peek();
      if (!tok) break;
      if (tok.k === 'op') {
        if (tok.op === '\n' || tok.op === ';' || tok.op === '&') {
          this.i++;
          continue;
        }
        if (tok.op === ')' || CASE_ENDS.has(tok.op)) break;
        if (tok.op !== '(') {
          this.i++; // `&&` or `|` with nothing before it
          continue;
        }
      }
      if (tok.k === 'word') {
        const text = plainText(tok.w);
        if (text !== null && CLOSERS.has(text)) break;
      }
      const before = this.i;
      const node = this.andOr();
      if (!node) {
        if (this.i === before) break;
        continue;
      }
      if (this.isOp(this.peek(), '&')) {
        this.i++;
        nodes.push({ t: 'block', body: [node], sub: true, redirs: [] });
      } else nodes.push(node);
    }
    return nodes;
  }

  private andOr(): Node | null {
    const first = this.pipeline();
    if (!first) return null;
    const nodes = [first];
    while (this.isOp(this.peek(), '&&', '||')) {
      this.i++;
      this.skipNewlines();
      const next = this.pipeline();
      if (!next) break;
      nodes.push(next);
    }
    return nodes.length === 1 ? first : { t: 'block', body: nodes, sub: false, redirs: [] };
  }

  private pipeline(): Node | null {
    while (this.isWord(this.peek(), '!') || this.isWord(this.peek(), 'time') || (this.isWord(this.peek(), '-p') && this.isWord(this.toks[this.i - 1], 'time'))) this.i++;
    const first = this.command();
    if (!first) return null;
    const cmds = [first];
    while (this.isOp(this.peek(), '|', '|&')) {
      this.i++;
      this.skipNewlines();
      const next = this.command();
      if (!next) break;
      cmds.push(next);
    }
    if (cmds.length === 1) return first;
    return { t: 'block', body: cmds.map((c) => ({ t: 'block', body: [c], sub: true, redirs: [] })), sub: false, redirs: [] };
  }

  private command(): Node | null {
    const tok = this.peek();
    if (!tok) return null;
    if (this.depth >= MAX_DEPTH) {
      if (tok.k === 'op') return null;
      return this.simple();
    }
    if (tok.k === 'op' && tok.op === '(') {
      const next = this.peek(1);
      if (next && next.k === 'op' && next.op === '(' && next.s === tok.e) return this.arithmetic();
      this.i++;
      const body = this.nested(() => this.list());
      if (this.isOp(this.peek(), ')')) this.i++;
      return { t: 'block', body, sub: true, redirs: this.redirs() };
    }
    if (tok.k === 'word') {
      const text = plainText(tok.w);
      switch (text) {
        case '{': {
          this.i++;
          const body = this.nested(() => this.list());
          this.expect('}');
          return { t: 'block', body, sub: false, redirs: this.redirs() };
        }
        case 'if':
          return this.ifClause();
        case 'while':
        case 'until':
          return this.whileClause();
        case 'for':
        case 'select':
          return this.forClause();
        case 'case':
          return this.caseClause();
        case 'function':
          return this.functionDef();
        case '[[':
          return this.doubleBracket();
        default:
          if (text !== null && CLOSERS.has(text)) return null;
      }
    }
    return this.simple();
  }

  private nested<T>(f: () => T): T {
    this.depth++;
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  /** `(( … ))`: skipped up to the adjacent `))`. */
  private arithmetic(): Node {
    this.i += 2;
    while (this.i < this.toks.length) {
      const a = this.peek();
      const b = this.peek(1);
      this.i++;
      if (a && b && a.k === 'op' && b.k === 'op' && a.op === ')' && b.op === ')' && b.s === a.e) {
        this.i++;
        break;
      }
    }
    return { t: 'block', body: [], sub: false, redirs: this.redirs() };
  }

  private doubleBracket(): Node {
    this.i++;
    const words: Word[] = [];
    while (this.i < this.toks.length) {
      const tok = this.peek();
      if (!tok || this.isOp(tok, ';', '\n')) break;
      this.i++;
      if (tok.k === 'word') {
        if (plainText(tok.w) === ']]') break;
        words.push(tok.w);
      }
    }
    return { t: 'words', words };
  }

  private ifClause(): Node {
    this.i++;
    const body: Node[] = [];
    const add = (nodes: Node[]): void => {
      for (const n of nodes) body.push(n);
    };
    this.nested(() => {
      add(this.list());
      this.expect('then');
      add(this.list());
      while (this.isWord(this.peek(), 'elif')) {
        this.i++;
        add(this.list());
        this.expect('then');
        add(this.list());
      }
      if (this.isWord(this.peek(), 'else')) {
        this.i++;
        add(this.list());
      }
    });
    this.expect('fi');
    return { t: 'block', body, sub: false, redirs: this.redirs() };
  }

  private whileClause(): Node {
    this.i++;
    const body: Node[] = [];
    this.nested(() => {
      for (const n of this.list()) body.push(n);
      this.expect('do');
      for (const n of this.list()) body.push(n);
    });
    this.expect('done');
    return { t: 'block', body, sub: false, redirs: this.redirs() };
  }

  private doGroup(): Node[] {
    this.skipSeparators();
    if (this.isWord(this.peek(), '{')) {
      this.i++;
      const body = this.nested(() => this.list());
      this.expect('}');
      return body;
    }
    this.expect('do');
    const body = this.nested(() => this.list());
    this.expect('done');
    return body;
  }

  private forClause(): Node {
    this.i++;
    const tok = this.peek();
    if (tok && tok.k === 'op' && tok.op === '(') {
      this.arithmetic();
      const body = this.doGroup();
      return { t: 'block', body, sub: false, redirs: this.redirs() };
    }
    let name: string | null = null;
    if (tok && tok.k === 'word') {
      name = plainText(tok.w);
      this.i++;
    }
    this.skipNewlines();
    let items: Word[] | null = null;
    if (this.isWord(this.peek(), 'in')) {
      this.i++;
      items = [];
      for (let t = this.peek(); t && t.k === 'word'; t = this.peek()) {
        items.push(t.w);
        this.i++;
      }
    }
    const body = this.doGroup();
    return { t: 'for', name, items, body, redirs: this.redirs() };
  }

  private caseClause(): Node {
    this.i++;
    const body: Node[] = [];
    const subject = this.peek();
    if (subject && subject.k === 'word') {
      body.push({ t: 'words', words: [subject.w] });
      this.i++;
    }
    this.skipNewlines();
    this.expect('in');
    this.nested(() => {
      while (this.i < this.toks.length) {
        this.skipSeparators();
        if (this.isWord(this.peek(), 'esac') || !this.peek()) break;
        if (this.isOp(this.peek(), '(')) this.i++;
        // The patterns, up to the `)`.
        let closed = false;
        while (this.i < this.toks.length) {
          const t = this.peek();
          if (this.isWord(t, 'esac')) break;
          this.i++;
          if (this.isOp(t, ')')) {
            closed = true;
            break;
          }
        }
        if (!closed) break;
        for (const n of this.list()) body.push(n);
        const end = this.peek();
        if (end && end.k === 'op' && CASE_ENDS.has(end.op)) this.i++;
        else break;
      }
    });
    this.expect('esac');
    return { t: 'block', body, sub: false, redirs: this.redirs() };
  }

  private functionDef(): Node | null {
    this.i++;
    const tok = this.peek();
    if (!tok || tok.k !== 'word') return null;
    this.i++;
    return this.functionBody(plainText(tok.w) ?? '');
  }

  private functionBody(name: string): Node | null {
    if (this.isOp(this.peek(), '(') && this.isOp(this.peek(1), ')')) this.i += 2;
    this.skipNewlines();
    const body = this.nested(() => this.command());
    return body ? { t: 'func', name, body } : null;
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    for (let tok = this.peek(); tok && tok.k === 'redir'; tok = this.peek()) out.push(this.redir());
    return out;
  }

  private redir(): Redir {
    const tok = this.peek();
    this.i++;
    if (!tok || tok.k !== 'redir') return { op: '', fd: null, target: null, s: 0, e: 0 };
    const next = this.peek();
    let target: Word | null = null;
    if (next && next.k === 'word') {
      target = next.w;
      this.i++;
    }
    return { op: tok.op, fd: tok.fd, target, s: tok.s, e: tok.e };
  }

  private simple(): Node | null {
    const assigns: Word[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    const arrays = new Set<Word>();
    for (;;) {
      const tok = this.peek();
      if (!tok) break;
      if (tok.k === 'redir') {
        redirs.push(this.redir());
        continue;
      }
      if (tok.k !== 'word') {
        // `name=( … )`: a bash array, skipped to its `)`.
        const last = assigns[assigns.length - 1];
        if (words.length === 0 && last && tok.op === '(' && tok.s === last.e && plainText(last)?.endsWith('=')) {
          arrays.add(last);
          this.i++;
          while (this.i < this.toks.length && !this.isOp(this.peek(), ')')) this.i++;
          if (this.isOp(this.peek(), ')')) this.i++;
          continue;
        }
        break;
      }
      if (words.length === 0 && splitAssignment(tok.w)) {
        assigns.push(tok.w);
        this.i++;
        continue;
      }
      words.push(tok.w);
      this.i++;
      // `name() compound`
      if (words.length === 1 && assigns.length === 0 && redirs.length === 0 && this.isOp(this.peek(), '(') && this.isOp(this.peek(1), ')')) {
        const name = plainText(tok.w);
        if (name !== null) return this.functionBody(name);
      }
    }
    if (!assigns.length && !words.length && !redirs.length) return null;
    return { t: 'cmd', assigns, words, redirs, arrays };
  }
}
