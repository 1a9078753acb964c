// A shell-like reader for pasted scenario scripts: quotes, escapes, `\` continuations, comments,
// `;` `&&` `||` `|` separators, redirections, $var / ${var} / $(…) / `…`, and terminal prompts.
// It never throws: anything it cannot read becomes an error with a line and column.

export type Part =
  | { t: 'lit'; s: string; quoted: boolean }
  | { t: 'var'; name: string; quoted: boolean }
  | { t: 'cmd'; src: string; line: number; col: number; quoted: boolean };

export interface Word {
  parts: Part[];
  line: number;
  col: number;
}

export interface Statement {
  words: Word[];
  line: number;
  col: number;
  /** The host named by a pasted prompt on this line (`[root@node1 ~]#`, `node1$`). */
  host?: string;
  /** How this statement is joined to the next one. */
  sep: ';' | '&&' | '||' | '|';
  /** The source text of the statement's physical line(s), for the skipped list. */
  text: string;
  /** A line that could not be read as shell and runs nothing we model (pasted output). */
  unparsed?: boolean;
  /** stderr is redirected away (`2>/dev/null`, `&>…`, `>… 2>&1`): the tool's errors are not seen. */
  stderrHidden?: boolean;
  /** The body of a heredoc (`<<EOF … EOF`): the command's standard input. */
  stdin?: string;
  /** `> FILE`: where the command's standard output goes (a literal file name). */
  stdoutTo?: string;
}

export interface TokenizeError {
  line: number;
  column: number;
  message: string;
}

const PROMPTS: { re: RegExp; host: (m: RegExpMatchArray) => string | undefined }[] = [
  // [root@node1 ~]#   [user@host dir]$
  // (the words after the host start with a blank, so that no two parts of the pattern can take the
  // same characters: a long `[xxxx…]` line is read in linear time, not quadratic)
  { re: /^(\([^)]*\)\s*)?\[([^\]\s@]+@)?([^\]\s]+)(\s[^\]]*)?\]\s?[#$]\s*/, host: (m) => m[3] },
  // root@node1:~#   user@host:/tmp$
  { re: /^(\([^)]*\)\s*)?[\w.-]+@([\w.-]+):\S*?[#$]\s*/, host: (m) => m[2] },
  // user@host ~ $   (Gentoo)      root@host#
  { re: /^(\([^)]*\)\s*)?[\w.-]+@([\w.-]+)(\s+\S+)?\s*[#$]\s+/, host: (m) => m[2] },
  // host:~ user$   (macOS)
  { re: /^([A-Za-z][\w.-]*):\S*\s+[\w.-]+[#$]\s+/, host: (m) => m[1] },
  // node1$ cmd   node1# cmd
  { re: /^([A-Za-z][\w.-]*)[#$]\s+/, host: (m) => m[1] },
  // zsh themes: ❯ cmd   λ cmd   ➜  ~ cmd
  { re: /^(❯|λ|»)\s+|^➜\s+\S+\s+/u, host: () => undefined },
  // $ cmd
  { re: /^[$%>]\s+/, host: () => undefined },
];

export function matchPrompt(line: string): { length: number; host?: string } | undefined {
  for (const p of PROMPTS) {
    const m = line.match(p.re);
    if (m) return { length: m[0].length, host: p.host(m) };
  }
  return undefined;
}

class Reader {
  pos = 0;
  line = 1;
  col = 1;
  constructor(readonly s: string) {}
  peek(o = 0): string {
    return this.s[this.pos + o] ?? '';
  }
  next(): string {
    const c = this.s[this.pos++] ?? '';
    if (c === '\n') {
      this.line++;
      this.col = 1;
    } else this.col++;
    return c;
  }
  eof(): boolean {
    return this.pos >= this.s.length;
  }
}

/** Programs whose lines must parse: an unreadable line of theirs is an error, not skipped output. */
const MODELLED = new Set([
  'ovn-nbctl',
  'ovn-sbctl',
  'ovs-vsctl',
  'ovs-ofctl',
  'ovs-appctl',
  'mac-binding-add',
  'sudo',
  'echo',
  'export',
  'env',
]);

/** A line that calls one of the modelled tools (as pasted without its prompt). */
const TOOL_LINE = /^(sudo\s+(-\S+\s+)*)?(ovn-nbctl|ovn-sbctl|ovs-vsctl|ovs-ofctl|ovs-appctl)(\s|$)/;

const isVarStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isVarChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const META = ';&|<>\n';

export function tokenize(text: string): { statements: Statement[]; errors: TokenizeError[] } {
  const src = text.replace(/\r\n?/g, '\n');
  const r = new Reader(src);
  const statements: Statement[] = [];
  const errors: TokenizeError[] = [];
  const physical = src.split('\n');
  const lineStarts: number[] = [];
  for (let i = 0, pos = 0; i < physical.length; pos += physical[i].length + 1, i++) lineStarts.push(pos);
  const usesPrompts = physical.some((l) => matchPrompt(l.trimStart()) !== undefined);
  let words: Word[] = [];
  let stmtLine = 1;
  let stmtCol = 1;
  let stmtStart = 0;
  let host: string | undefined;
  let stderrHidden = false;
  const pendingHeredocs: { delim: string; strip: boolean; index: number }[] = [];
  let stdoutAway = false;
  let stdoutTo: string | undefined;

  const finish = (sep: Statement['sep']): void => {
    if (words.length) {
      const endLine = r.line;
      const t = physical.slice(stmtLine - 1, Math.max(stmtLine, endLine)).join('\n');
      const stmt: Statement = {
        words,
        line: stmtLine,
        col: stmtCol,
        sep,
        text: t.trim() || src.slice(stmtStart, r.pos).trim(),
      };
      if (host !== undefined) stmt.host = host;
      if (stderrHidden) stmt.stderrHidden = true;
      if (stdoutTo !== undefined) stmt.stdoutTo = stdoutTo;
      statements.push(stmt);
    }
    words = [];
    stderrHidden = false;
    stdoutAway = false;
    stdoutTo = undefined;
  };

  const fail = (line: number, column: number, message: string): void => {
    errors.push({ line, column, message });
  };

  // Reads a $… expansion after the '$' has been consumed.
  const readDollar = (quoted: boolean, line: number, col: number): Part | undefined => {
    const c = r.peek();
    if (c === '(') {
      r.next();
      const start = r.pos;
      const sl = r.line;
      const sc = r.col;
      let depth = 1;
      let q = '';
      while (!r.eof()) {
        const d = r.next();
        if (q) {
          if (d === '\\' && q === '"') r.next();
          else if (d === q) q = '';
        } else if (d === "'" || d === '"') q = d;
        else if (d === '\\') r.next();
        else if (d === '(') depth++;
        else if (d === ')' && --depth === 0)
          return { t: 'cmd', src: src.slice(start, r.pos - 1), line: sl, col: sc, quoted };
      }
      fail(line, col, 'unterminated $(...) command substitution');
      return undefined;
    }
    if (c === '{') {
      r.next();
      let name = '';
      while (!r.eof() && r.peek() !== '}' && r.peek() !== '\n') name += r.next();
      if (r.peek() !== '}') {
        fail(line, col, 'unterminated ${...} expansion');
        return undefined;
      }
      r.next();
      return { t: 'var', name, quoted };
    }
    if (isVarStart(c)) {
      let name = '';
      while (isVarChar(r.peek())) name += r.next();
      return { t: 'var', name, quoted };
    }
    if (/[0-9?$#@*!-]/.test(c) && c !== '') return { t: 'var', name: r.next(), quoted };
    return { t: 'lit', s: '$', quoted };
  };

  const readBacktick = (quoted: boolean, line: number, col: number): Part | undefined => {
    const sl = r.line;
    const sc = r.col;
    let body = '';
    while (!r.eof() && r.peek() !== '`') {
      const d = r.next();
      if (d === '\\' && '`$\\'.includes(r.peek())) body += r.next();
      else body += d;
    }
    if (r.eof()) {
      fail(line, col, 'unterminated `...` command substitution');
      return undefined;
    }
    r.next();
    return { t: 'cmd', src: body, line: sl, col: sc, quoted };
  };

  // Reads one word; returns undefined at a fatal error (the rest of the input is dropped).
  const readWord = (): Word | undefined => {
    const w: Word = { parts: [], line: r.line, col: r.col };
    const lit = (s: string, quoted: boolean): void => {
      const last = w.parts[w.parts.length - 1];
      if (last && last.t === 'lit' && last.quoted === quoted) last.s += s;
      else w.parts.push({ t: 'lit', s, quoted });
    };
    while (!r.eof()) {
      const c = r.peek();
      if (c === ' ' || c === '\t' || META.includes(c)) break;
      const line = r.line;
      const col = r.col;
      r.next();
      if (c === '\\') {
        if (r.peek() === '\n') {
          r.next();
          skipContinuationPrompt();
        } else if (!r.eof()) lit(r.next(), true);
      } else if (c === "'") {
        let s = '';
        while (!r.eof() && r.peek() !== "'") s += r.next();
        if (r.eof()) {
          fail(line, col, 'unterminated single quote');
          return undefined;
        }
        r.next();
        lit(s, true);
      } else if (c === '"') {
        if (w.parts.length === 0) lit('', true);
        for (;;) {
          if (r.eof()) {
            fail(line, col, 'unterminated double quote');
            return undefined;
          }
          const d = r.next();
          if (d === '"') break;
          if (d === '\\') {
            const e = r.peek();
            if (e === '\n') r.next();
            else if ('$`"\\'.includes(e) && e !== '') lit(r.next(), true);
            else lit('\\', true);
          } else if (d === '$') {
            const p = readDollar(true, r.line, r.col - 1);
            if (!p) return undefined;
            if (p.t === 'lit') lit(p.s, true);
            else w.parts.push(p);
          } else if (d === '`') {
            const p = readBacktick(true, r.line, r.col - 1);
            if (!p) return undefined;
            w.parts.push(p);
          } else lit(d, true);
        }
      } else if (c === '$') {
        const p = readDollar(false, line, col);
        if (!p) return undefined;
        if (p.t === 'lit') lit(p.s, false);
        else w.parts.push(p);
      } else if (c === '`') {
        const p = readBacktick(false, line, col);
        if (!p) return undefined;
        w.parts.push(p);
      } else lit(c, false);
    }
    return w;
  };

  let atLineStart = true;
  while (!r.eof()) {
    const c = r.peek();
    if (atLineStart && words.length === 0) {
      atLineStart = false;
      const lineText = physical[r.line - 1] ?? '';
      const lead = lineText.length - lineText.trimStart().length;
      const p = matchPrompt(lineText.slice(lead));
      host = undefined;
      if (p) {
        for (let i = 0; i < lead + p.length; i++) r.next();
        host = p.host;
        continue;
      }
      // in a pasted terminal session the lines without a prompt are what the commands printed,
      // nothing to run; but a line that starts by calling an OVN/OVS tool is a command all the same
      const bare = lineText.trim();
      if (usesPrompts && bare && !bare.startsWith('#') && !TOOL_LINE.test(bare)) {
        statements.push({ words: [], line: r.line, col: 1, sep: ';', text: bare, unparsed: true });
        while (!r.eof() && r.peek() !== '\n') r.next();
        continue;
      }
    }
    if (c === ' ' || c === '\t') {
      r.next();
      continue;
    }
    if (c === '\\' && r.peek(1) === '\n') {
      r.next();
      r.next();
      skipContinuationPrompt();
      continue;
    }
    if (c === '\n') {
      finish(';');
      r.next();
      atLineStart = true;
      // a heredoc's body is the input of its command, not commands: skip to the delimiter line
      for (const h of pendingHeredocs.splice(0)) {
        const body: string[] = [];
        while (!r.eof()) {
          const bodyLine = physical[r.line - 1] ?? '';
          while (!r.eof() && r.peek() !== '\n') r.next();
          r.next();
          const line = h.strip ? bodyLine.replace(/^\t+/, '') : bodyLine;
          if (line === h.delim) break;
          body.push(line);
        }
        const owner = statements[h.index];
        if (owner) owner.stdin = body.map((l) => `${l}\n`).join('');
      }
      continue;
    }
    if (c === '#' && true) {
      while (!r.eof() && r.peek() !== '\n') r.next();
      continue;
    }
    if (c === ';') {
      r.next();
      finish(';');
      continue;
    }
    if (c === '&' || c === '|') {
      r.next();
      if (r.peek() === c) {
        r.next();
        finish(c === '&' ? '&&' : '||');
      } else if (c === '&' && r.peek() === '>') {
        r.next();
        if (r.peek() === '>') r.next();
        stderrHidden = true;
        skipRedirectTarget();
      } else finish(c === '&' ? ';' : '|');
      continue;
    }
    if (c === '<' || c === '>') {
      // a redirection: drop it and its target (and a leading fd number already read as a word)
      const last = words[words.length - 1];
      let fd = c === '>' ? 1 : 0;
      if (
        last &&
        last.parts.length === 1 &&
        last.parts[0].t === 'lit' &&
        /^\d$/.test(last.parts[0].s) &&
        last.col + 1 === r.col
      )
        fd = Number((words.pop()?.parts[0] as { s: string }).s);
      r.next();
      const heredoc = c === '<' && r.peek() === '<' && r.peek(1) !== '<';
      if (r.peek() === c) r.next();
      if (heredoc) {
        const strip = r.peek() === '-';
        if (strip) r.next();
        while (r.peek() === ' ' || r.peek() === '\t') r.next();
        const w = readWord();
        const delim = (w?.parts ?? []).map((p) => (p.t === 'lit' ? p.s : '')).join('');
        if (delim) pendingHeredocs.push({ delim, strip, index: statements.length });
        continue;
      }
      if (r.peek() === '&') {
        r.next();
        let target = '';
        while (/[0-9-]/.test(r.peek()) && r.peek() !== '') target += r.next();
        if (c === '>' && fd === 2 && (target !== '1' || stdoutAway)) stderrHidden = true;
        continue;
      }
      if (c === '>' && fd === 2) stderrHidden = true;
      if (c === '>' && fd === 1) {
        stdoutAway = true;
        while (r.peek() === ' ' || r.peek() === '\t') r.next();
        const target = readWord();
        const lit = target?.parts.every((p) => p.t === 'lit')
          ? target.parts.map((p) => (p.t === 'lit' ? p.s : '')).join('')
          : '';
        if (lit && lit !== '/dev/null') stdoutTo = lit;
        continue;
      }
      skipRedirectTarget();
      continue;
    }
    if (words.length === 0) {
      stmtLine = r.line;
      stmtCol = r.col;
      stmtStart = r.pos;
    }
    const w = readWord();
    if (!w) {
      // Pasted program output ("can't …") is not ours to parse: unless the line runs one of the
      // tools a scenario models, list the line as skipped and carry on with the next one.
      const startLine = words.length ? stmtLine : r.line;
      const lineText = physical[startLine - 1] ?? '';
      const bare = lineText.trimStart();
      const first = (bare.slice(matchPrompt(bare)?.length ?? 0).match(/^[^\s;|&]*/) as RegExpMatchArray)[0];
      if (MODELLED.has(first.replace(/^.*\//, '')) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) break;
      errors.pop();
      statements.push({ words: [], line: startLine, col: 1, sep: ';', text: lineText.trim(), unparsed: true });
      words = [];
      host = undefined;
      seekLine(startLine + 1);
      atLineStart = true;
      continue;
    }
    if (w.parts.length) words.push(w);
  }
  finish(';');
  return { statements, errors };

  function seekLine(n: number): void {
    r.pos = Math.min(lineStarts[n - 1] ?? src.length, src.length);
    r.line = n;
    r.col = 1;
  }

  /** A pasted continuation line starts with the shell's PS2 prompt, "> ". */
  function skipContinuationPrompt(): void {
    let i = 0;
    while (r.peek(i) === ' ' || r.peek(i) === '\t') i++;
    if (r.peek(i) === '>' && r.peek(i + 1) === ' ') for (let k = 0; k < i + 2; k++) r.next();
  }

  function skipRedirectTarget(): void {
    while (r.peek() === ' ' || r.peek() === '\t') r.next();
    readWord();
  }
}
