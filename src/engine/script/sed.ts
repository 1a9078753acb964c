// sed as pasted pipelines use it on ovn-nbctl output: `s/RE/REPL/[gpNi]`, `d`, `p`, `q` with a line,
// `$`, `/RE/` or range address, `-n`, `-e`, `-E`/`-r`, several commands joined by ';'.
import type { FilterResult } from './filters.ts';

type Address = { line: number } | { last: true } | { re: RegExp };

interface SedCommand {
  from?: Address;
  to?: Address;
  op: 's' | 'd' | 'p' | 'q';
  re?: RegExp;
  replacement?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
}

/** Basic regular expressions: `\(`, `\)`, `\{`, `\}`, `\+`, `\?`, `\|` are the operators. */
function toJsRegex(source: string, extended: boolean, flags: string): RegExp | undefined {
  const js = extended
    ? source
    : source.replace(/\\([|+?(){}])|([|+?(){}])/g, (_, esc: string | undefined, lit: string | undefined) =>
        esc !== undefined ? esc : `\\${lit}`,
      );
  try {
    return new RegExp(js, flags);
  } catch {
    return undefined;
  }
}

/** Reads text up to the next unescaped `delim`, from `i`; returns it and the index after the delimiter. */
function until(script: string, i: number, delim: string): [string, number] | undefined {
  let out = '';
  for (; i < script.length; i++) {
    const c = script[i];
    if (c === '\\' && i + 1 < script.length) {
      // an escaped delimiter stands for itself
      out += script[i + 1] === delim ? delim : c + script[i + 1];
      i++;
    } else if (c === delim) return [out, i + 1];
    else out += c;
  }
  return undefined;
}

function parseAddress(script: string, i: number, extended: boolean): [Address | undefined, number] | undefined {
  if (script[i] === '$') return [{ last: true }, i + 1];
  const num = /^\d+/.exec(script.slice(i));
  if (num) return [{ line: Number(num[0]) }, i + num[0].length];
  if (script[i] === '/' || script[i] === '\\') {
    const delim = script[i] === '\\' ? script[i + 1] : '/';
    const r = until(script, i + (script[i] === '\\' ? 2 : 1), delim);
    const re = r && toJsRegex(r[0], extended, '');
    return r && re ? [{ re }, r[1]] : undefined;
  }
  return [undefined, i];
}

function parseScript(script: string, extended: boolean): SedCommand[] | undefined {
  const cmds: SedCommand[] = [];
  let i = 0;
  const skipBlanks = (): void => {
    while (i < script.length && /[\s;]/.test(script[i])) i++;
  };
  for (skipBlanks(); i < script.length; skipBlanks()) {
    const a = parseAddress(script, i, extended);
    if (!a) return undefined;
    const cmd: Partial<SedCommand> = { from: a[0] };
    i = a[1];
    if (cmd.from && script[i] === ',') {
      const b = parseAddress(script, i + 1, extended);
      if (!b || !b[0]) return undefined;
      cmd.to = b[0];
      i = b[1];
    }
    while (script[i] === ' ') i++;
    const op = script[i++];
    if (op === 's') {
      const delim = script[i];
      const pat = until(script, i + 1, delim);
      const rep = pat && until(script, pat[1], delim);
      if (!pat || !rep) return undefined;
      i = rep[1];
      const fl = /^[gpiI0-9]*/.exec(script.slice(i))?.[0] ?? '';
      i += fl.length;
      const re = toJsRegex(pat[0], extended, /[iI]/.test(fl) ? 'gi' : 'g');
      if (!re) return undefined;
      const nth = /\d+/.exec(fl);
      cmds.push({
        ...cmd,
        op: 's',
        re,
        replacement: rep[0],
        global: fl.includes('g'),
        nth: nth ? Number(nth[0]) : 1,
        print: fl.includes('p'),
      });
    } else if (op === 'd' || op === 'p' || op === 'q') cmds.push({ ...cmd, op });
    else return undefined;
    while (script[i] === ' ') i++;
    if (i < script.length && script[i] !== ';' && script[i] !== '\n') return undefined;
  }
  return cmds;
}

/** sed's replacement: `&` the match, `\1`…`\9` groups, `\n` a newline, `\X` the character X. */
function expand(replacement: string, m: RegExpExecArray): string {
  return replacement.replace(/\\([0-9n&\\])|&/g, (all, esc: string | undefined) => {
    if (esc === undefined) return m[0];
    if (esc === 'n') return '\n';
    if (/\d/.test(esc)) return m[Number(esc)] ?? '';
    return esc;
  });
}

function substitute(line: string, c: SedCommand): string | undefined {
  const re = c.re;
  if (!re) return undefined;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  let n = 0;
  let changed = false;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    n++;
    if (n >= (c.nth ?? 1) && (c.global || n === (c.nth ?? 1))) {
      out += line.slice(last, m.index) + expand(c.replacement ?? '', m);
      last = m.index + m[0].length;
      changed = true;
      if (!c.global) break;
    }
    if (m[0] === '') re.lastIndex++;
  }
  return changed ? out + line.slice(last) : undefined;
}

export function sed(args: string[], input: string): FilterResult | undefined {
  let quiet = false;
  let extended = false;
  const scripts: string[] = [];
  let i = 0;
  for (; i < args.length && args[i].startsWith('-') && args[i].length > 1; i++) {
    const a = args[i];
    if (a === '-e' || a === '--expression') scripts.push(args[++i] ?? '');
    else if (a.startsWith('--expression=')) scripts.push(a.slice('--expression='.length));
    else if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
    else if (/^-[nEr]+$/.test(a)) {
      quiet ||= a.includes('n');
      extended ||= /[Er]/.test(a);
    } else return undefined;
  }
  if (!scripts.length) {
    if (i >= args.length) return undefined;
    scripts.push(args[i++]);
  }
  if (i < args.length) return undefined; // reads files, not the pipe
  const cmds = parseScript(scripts.join('\n'), extended);
  if (!cmds) return undefined;
  const all = input === '' ? [] : input.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  const inRange = new Map<SedCommand, boolean>();
  const hits = (a: Address, line: string, k: number): boolean =>
    'line' in a ? a.line === k + 1 : 'last' in a ? k === all.length - 1 : a.re.test(line);
  const selects = (c: SedCommand, line: string, k: number): boolean => {
    if (!c.from) return true;
    if (!c.to) return hits(c.from, line, k);
    if (inRange.get(c)) {
      if (hits(c.to, line, k) || ('line' in c.to && c.to.line <= k + 1)) inRange.set(c, false);
      return true;
    }
    if (!hits(c.from, line, k)) return false;
    inRange.set(c, !('line' in c.to && c.to.line <= k + 1));
    return true;
  };
  for (let k = 0; k < all.length; k++) {
    let line = all[k];
    let deleted = false;
    let quit = false;
    for (const c of cmds) {
      if (!selects(c, line, k)) continue;
      if (c.op === 'd') {
        deleted = true;
        break;
      }
      if (c.op === 'p') out.push(line);
      if (c.op === 'q') {
        quit = true;
        break;
      }
      if (c.op === 's') {
        const next = substitute(line, c);
        if (next !== undefined) {
          line = next;
          if (c.print) out.push(line);
        }
      }
    }
    if (!deleted && !quiet) out.push(line);
    if (quit) break;
  }
  return { output: out.map((l) => `${l}\n`).join(''), status: 0 };
}
