// The text filters pasted pipelines feed ovn-nbctl output through (`| grep sw0 | awk '{print $1}'`),
// so that `X=$(ovn-nbctl … | grep … | awk …)` captures what the shell would.
import { sed } from './sed.ts';

export interface FilterResult {
  output: string;
  /** Exit status, as `grep -q` reports a match. */
  status: number;
}

const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
const join = (ls: string[]): string => ls.map((l) => `${l}\n`).join('');

/** Basic regular expressions as grep reads them: `\|`, `\+`, `\?`, `\(`…`\)` are the operators. */
function bre(pattern: string): string {
  return pattern.replace(/\\([|+?(){}])|([|+?(){}])/g, (_, esc: string | undefined, lit: string | undefined) =>
    esc !== undefined ? esc : `\\${lit}`,
  );
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern JavaScript's backtracking matcher could take exponential time on: a repeated group
 * that itself repeats or alternates (`(a+)+`, `(a|aa)*`), or a back-reference. Such a filter is
 * listed as not modelled rather than run, so a pasted pipeline can never hang the engine. */
export function backtracksBadly(source: string): boolean {
  const open: boolean[] = [];
  let risky = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return true;
      i++;
    } else if (c === '[') {
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    } else if (c === '(') {
      open.push(false);
      // (?:…) (?=…) (?<!…): the ? opens the group, it repeats nothing
      if (source[i + 1] === '?') for (i++; /[:=!<]/.test(source[i + 1] ?? '');) i++;
    } else if (c === ')') risky = open.pop() ?? false;
    else if ('*+?{|'.includes(c)) {
      if (c !== '|' && risky) return true;
      open.fill(true);
    }
    if (c !== ')') risky = false;
  }
  return false;
}

function grep(args: string[], input: string): FilterResult | undefined {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const operands: string[] = [];
  let before = 0;
  let after = 0;
  // GNU grep takes options anywhere (`grep PAT -B 1`), until "--"
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    const ctx = /^-([ABC])(\d*)$/.exec(a) ?? /^--(after|before|context)-context=(\d+)$/.exec(a);
    if (ctx) {
      const n = Number(ctx[2] || args[++i]);
      if (!Number.isInteger(n)) return undefined;
      const kind = ctx[1][0].toUpperCase();
      if (kind !== 'A') before = n;
      if (kind !== 'B') after = n;
    } else if (a === '-e') patterns.push(args[++i] ?? '');
    else if (a.startsWith('-e')) patterns.push(a.slice(2));
    else if (a.startsWith('--')) {
      const long: Record<string, string> = {
        '--invert-match': 'v',
        '--quiet': 'q',
        '--silent': 'q',
        '--ignore-case': 'i',
        '--count': 'c',
        '--word-regexp': 'w',
        '--extended-regexp': 'E',
        '--fixed-strings': 'F',
        '--only-matching': 'o',
      };
      if (!long[a]) return undefined;
      flags.add(long[a]);
    } else for (const f of a.slice(1)) flags.add(f);
  }
  if (!patterns.length) {
    const p = operands.shift();
    if (p === undefined) return undefined;
    patterns.push(p);
  }
  if (operands.length) return undefined; // reads files, not the pipe
  if ([...flags].some((f) => !'vqicwEFo'.includes(f))) return undefined;
  const source = patterns
    .map((p) => (flags.has('F') ? escapeRe(p) : flags.has('E') ? p : bre(p)))
    .map((p) => (flags.has('w') ? `(?<![\\w])(?:${p})(?![\\w])` : p))
    .join('|');
  if (backtracksBadly(source)) return undefined;
  let re: RegExp;
  try {
    re = new RegExp(source, flags.has('i') ? 'gi' : 'g');
  } catch {
    return undefined;
  }
  const all = lines(input);
  const selected = all.map((l) => {
    re.lastIndex = 0;
    return re.test(l) !== flags.has('v');
  });
  const hits = selected.filter(Boolean).length;
  const status = hits ? 0 : 1;
  if (flags.has('q')) return { output: '', status };
  if (flags.has('c')) return { output: `${hits}\n`, status };
  if (flags.has('o') && !flags.has('v'))
    return {
      output: join(all.flatMap((l, k) => (selected[k] ? [...l.matchAll(re)].map((m) => m[0]).filter(Boolean) : []))),
      status,
    };
  // context lines: groups that do not touch are separated by "--", as grep prints them
  // a line is shown when a selected line lies within the context around it (counted with prefix sums,
  // so that a huge -C costs no more than a small one)
  const upTo = [0];
  for (const sel of selected) upTo.push(upTo[upTo.length - 1] + (sel ? 1 : 0));
  const shown = all.map((_, k) => upTo[Math.min(all.length, k + before + 1)] - upTo[Math.max(0, k - after)] > 0);
  const out: string[] = [];
  all.forEach((l, k) => {
    if (!shown[k]) return;
    if ((before || after) && out.length && !shown[k - 1]) out.push('--');
    out.push(l);
  });
  return { output: join(out), status };
}

/** awk programs of the kind tutorials use: `[/RE/ | $N == "S"] {print $A, $B…}`. */
function awk(args: string[], input: string): FilterResult | undefined {
  let sep: RegExp = /[ \t]+/;
  let i = 0;
  if (args[i]?.startsWith('-F')) {
    const fs = args[i].length > 2 ? args[i].slice(2) : args[++i];
    if (fs === undefined) return undefined;
    if (fs.length > 1 && backtracksBadly(fs)) return undefined;
    sep = fs.length === 1 ? new RegExp(escapeRe(fs)) : new RegExp(fs);
    i++;
  }
  if (i !== args.length - 1) return undefined;
  const m =
    /^\s*(?:\/((?:[^/\\]|\\.)*)\/|\$(\d+)\s*==\s*"([^"]*)")?\s*\{\s*print((?:\s*,?\s*\$\d+)*)\s*;?\s*\}\s*$/.exec(
      args[i],
    );
  if (!m) return undefined;
  const [, re, condField, condValue, fieldList] = m;
  if (re !== undefined && backtracksBadly(re)) return undefined;
  const fields = [...fieldList.matchAll(/\$(\d+)/g)].map((f) => Number(f[1]));
  const out: string[] = [];
  for (const l of lines(input)) {
    const f = [l, ...(sep.source === '[ \\t]+' ? l.trim() : l).split(sep)];
    if (re !== undefined && !new RegExp(re).test(l)) continue;
    if (condField !== undefined && (f[Number(condField)] ?? '') !== condValue) continue;
    out.push(fields.length ? fields.map((n) => f[n] ?? '').join(' ') : l);
  }
  return { output: join(out), status: 0 };
}

function count(args: string[]): number | undefined {
  if (!args.length) return 10;
  const a = args[0] === '-n' ? args[1] : /^-n?\d+$/.test(args[0]) ? args[0].replace(/^-n?/, '') : undefined;
  if (a === undefined || args.length > (args[0] === '-n' ? 2 : 1)) return undefined;
  const n = Number(a.replace(/^[-+]/, ''));
  return Number.isInteger(n) ? n : undefined;
}

function cut(args: string[], input: string): FilterResult | undefined {
  let delim = '\t';
  let field: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('-d')) delim = a.length > 2 ? a.slice(2) : (args[++i] ?? '\t');
    else if (a.startsWith('-f')) field = Number(a.length > 2 ? a.slice(2) : args[++i]);
    else return undefined;
  }
  if (field === undefined || !Number.isInteger(field)) return undefined;
  const out = lines(input).map((l) => (l.includes(delim) ? (l.split(delim)[field - 1] ?? '') : l));
  return { output: join(out), status: 0 };
}

/** tr SET1 SET2 / tr -d SET: single characters, `a-z` ranges and `\n`. */
function tr(args: string[], input: string): FilterResult | undefined {
  const set = (spec: string): string[] | undefined => {
    const chars: string[] = [];
    const s = spec.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    for (let i = 0; i < s.length; i++) {
      if (s[i + 1] === '-' && i + 2 < s.length) {
        for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) chars.push(String.fromCharCode(c));
        i += 2;
      } else chars.push(s[i]);
    }
    return s.includes('[:') ? undefined : chars;
  };
  if (args[0] === '-d' && args.length === 2) {
    const del = set(args[1]);
    return del && { output: [...input].filter((c) => !del.includes(c)).join(''), status: 0 };
  }
  if (args.length !== 2 || args[0].startsWith('-')) return undefined;
  const from = set(args[0]);
  const to = set(args[1]);
  if (!from || !to || !to.length) return undefined;
  const map = (c: string): string => {
    const k = from.indexOf(c);
    return k < 0 ? c : (to[Math.min(k, to.length - 1)] ?? c);
  };
  return { output: [...input].map(map).join(''), status: 0 };
}

/** Runs one filter stage over `input`; undefined when it is not a filter we model. */
export function runFilter(prog: string, args: string[], input: string): FilterResult | undefined {
  switch (prog) {
    case 'grep':
    case 'egrep':
    case 'fgrep':
      return grep(prog === 'grep' ? args : [prog === 'egrep' ? '-E' : '-F', ...args], input);
    case 'awk':
      return awk(args, input);
    case 'head':
    case 'tail': {
      const n = count(args);
      if (n === undefined) return undefined;
      const ls = lines(input);
      return { output: join(prog === 'head' ? ls.slice(0, n) : ls.slice(Math.max(0, ls.length - n))), status: 0 };
    }
    case 'cut':
      return cut(args, input);
    case 'wc':
      return args.length === 1 && args[0] === '-l' ? { output: `${lines(input).length}\n`, status: 0 } : undefined;
    case 'sort': {
      if (args.some((a) => a !== '-u')) return undefined;
      const sorted = lines(input).sort();
      return { output: join(args.length ? sorted.filter((l, k) => l !== sorted[k - 1]) : sorted), status: 0 };
    }
    case 'cat':
      return args.length ? undefined : { output: input, status: 0 };
    case 'sed':
      return sed(args, input);
    case 'tr':
      return tr(args, input);
    case 'uniq':
      return args.length
        ? undefined
        : { output: join(lines(input).filter((l, k, all) => l !== all[k - 1])), status: 0 };
    default:
      return undefined;
  }
}
