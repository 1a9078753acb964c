// Executes tokenized statements: shell variables and command substitution, prompts and hosts,
// and dispatch to ovn-nbctl / ovn-sbctl / ovs-vsctl; other programs are listed as skipped.
import type { World } from '../nb/world.ts';
import { tokenize, type Statement, type Word } from './tokenize.ts';
import { expandBraces } from './braces.ts';
import { runNbctl } from './nbctl/index.ts';
import { isSbBound, runMacBindingAdd, runSbctl, type ToolResult } from './sbctl.ts';
import type { NbChanges } from '../nb/txn.ts';
import type { NorthdStep } from './northd-step.ts';
import { resolvePendingBindings, runVsctl, switchOf, type Hosts } from './vsctl.ts';
import { runOfctl } from './ovs-ofctl.ts';
import { runAppctl } from './ovs-appctl.ts';
import { runFilter } from './filters.ts';
import { readIf, type IfBlock } from './if.ts';
import {
  chargeCommand,
  chargeOutput,
  newBudget,
  SCRIPT_LIMITS,
  stop,
  tooDeep,
  tooLong,
  tooManyWords,
  type Budget,
} from './budget.ts';

export interface ScriptError {
  line: number;
  column: number;
  message: string;
  /** A suggestion beside the real tool's words, e.g. "did you mean 'lsp-add'?". */
  hint?: string;
}

export interface ScriptRun {
  world: World;
  errors: ScriptError[];
  skipped: { line: number; text: string }[];
  outputs: { line: number; command: string; output: string }[];
  /** Failures the script went on after, as a shell under `set -e` does inside `a && b` or `a || b`:
   * the tool printed them, nothing stopped. */
  tolerated?: ScriptError[];
}

/** Shell state that outlives one statement: variables, the current host, and the northd beside it. */
export interface ShellState {
  vars: Map<string, string>;
  host: string;
  hosts: Hosts;
  northd?: NorthdStep;
  /** Files the script wrote with `cat > FILE <<EOF` (ovs-ofctl add-flows reads them). */
  files: Map<string, string>;
}

export const newShellState = (northd?: NorthdStep): ShellState => ({
  vars: new Map(),
  host: 'localhost',
  hosts: new Map(),
  files: new Map(),
  ...(northd ? { northd } : {}),
});

const IGNORED = new Set(['sudo', 'env', 'time', 'command', 'exec', 'nohup']);

interface Exec {
  world: World;
  shell: ShellState;
  run: ScriptRun;
  /** Line offset for statements inside $(...). */
  depth: number;
  budget: Budget;
}

/** Expands one word: unquoted expansions are split on whitespace, as the shell does. */
function expandWord(ex: Exec, w: Word): string[] | ScriptError {
  const only = w.parts.length === 1 ? w.parts[0] : undefined;
  if (only?.t === 'lit' && !only.quoted && only.s.includes('{')) {
    const words = expandBraces(only.s, SCRIPT_LIMITS.words);
    return typeof words === 'string' ? stop(w.line, w.col, words) : words;
  }
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const p of w.parts) {
    let text: string;
    if (p.t === 'lit') {
      cur += p.s;
      has = true;
      continue;
    }
    if (p.t === 'var') text = ex.shell.vars.get(p.name) ?? '';
    else {
      const sub = runSubstitution(ex, p.src, p.line);
      if (typeof sub !== 'string') return sub;
      text = sub;
    }
    if (cur.length + text.length > SCRIPT_LIMITS.commandLine) return tooLong(w.line, w.col);
    if (p.quoted) {
      cur += text;
      has = true;
    } else {
      const parts = text.split(/[ \t\n]+/);
      parts.forEach((piece, i) => {
        if (i > 0) {
          if (has || cur) fields.push(cur);
          cur = '';
          has = false;
        }
        if (piece) {
          cur += piece;
          has = true;
        }
      });
    }
  }
  if (has || cur) fields.push(cur);
  if (fields.length > SCRIPT_LIMITS.words) return tooManyWords(w.line, w.col);
  return fields;
}

function runSubstitution(ex: Exec, src: string, line: number): string | ScriptError {
  if (ex.depth > 8) return { line, column: 1, message: 'command substitution nested too deeply' };
  const { statements, errors } = tokenize(src);
  if (errors.length) return { ...errors[0], line };
  let out = '';
  const err = execList(
    { ...ex, depth: ex.depth + 1 },
    statements.map((st) => ({ ...st, line })),
    (o) => (out += o),
  );
  if (err) return err;
  return out.replace(/\n+$/, '');
}

const isAssignment = (w: Word): boolean =>
  w.parts[0]?.t === 'lit' && !w.parts[0].quoted && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.parts[0].s);

/** Runs one statement; returns its stdout, or an error. */
function execStatement(ex: Exec, st: Statement, capture: boolean): string | ScriptError {
  const over = chargeCommand(ex.budget, st.line, st.col);
  if (over) return over;
  let words = st.words;
  const assigns: Word[] = [];
  while (words.length && isAssignment(words[0])) {
    assigns.push(words[0]);
    words = words.slice(1);
  }
  if (words.length === 0) {
    for (const a of assigns) {
      const lit = a.parts[0] as { t: 'lit'; s: string; quoted: boolean };
      const eq = lit.s.indexOf('=');
      const name = lit.s.slice(0, eq);
      const value = expandWord(ex, {
        ...a,
        parts: [
          { ...lit, s: lit.s.slice(eq + 1), quoted: true },
          ...a.parts.slice(1).map((p) => ({ ...p, quoted: true })),
        ],
      });
      if (!Array.isArray(value)) return value;
      ex.shell.vars.set(name, value.join(' '));
    }
    return '';
  }
  const argv: string[] = [];
  const cols: number[] = [];
  let length = 0;
  for (const w of words) {
    const f = expandWord(ex, w);
    if (!Array.isArray(f)) return f;
    for (const x of f) length += x.length + 1;
    if (length > SCRIPT_LIMITS.commandLine) return tooLong(w.line, w.col);
    for (const x of f) {
      argv.push(x);
      cols.push(w.col);
    }
  }
  while (argv.length && IGNORED.has(argv[0])) {
    const prog = argv.shift();
    cols.shift();
    if (prog === 'sudo' || prog === 'env')
      while (argv.length && (argv[0].startsWith('-') || (prog === 'env' && argv[0].includes('=')))) {
        // sudo's options that take a value as the next word (-u USER, -g GROUP …)
        const skip = prog === 'sudo' && /^-[ugCDhpRrTU]$/.test(argv[0]) ? 2 : 1;
        argv.splice(0, skip);
        cols.splice(0, skip);
      }
  }
  // `as HV COMMAND` (the OVN testsuite's idiom): COMMAND runs on hypervisor HV
  let asHost: string | undefined;
  if (argv[0] === 'as' && argv.length > 2) {
    asHost = argv[1];
    argv.splice(0, 2);
    cols.splice(0, 2);
  }
  if (!argv.length) return '';
  if (st.host !== undefined) ex.shell.host = st.host;
  const host = asHost ?? ex.shell.host;
  const prog = argv[0].replace(/^.*\//, '');
  const args = argv.slice(1);
  const fail = (message: string): ScriptError => ({ line: st.line, column: cols[0] ?? st.col, message });
  let result: ToolResult | 'unsupported';
  let changes: NbChanges | undefined;
  switch (prog) {
    case 'ovn-nbctl': {
      const r = runNbctl(ex.world, args);
      if (r.error) return { ...fail(`ovn-nbctl: ${r.error}`), ...(r.hint ? { hint: r.hint } : {}) };
      result = r;
      changes = r.changes;
      break;
    }
    case 'ovn-sbctl':
      result = runSbctl(ex.world, args);
      if (result !== 'unsupported' && result.error) return fail(`ovn-sbctl: ${result.error}`);
      break;
    case 'ovs-vsctl':
      result = runVsctl(ex.world, ex.shell.hosts, host, args);
      if (result !== 'unsupported' && result.error) return fail(result.error);
      break;
    case 'ovs-ofctl':
      result = runOfctl(switchOf(ex.world, host), args, { stdin: st.stdin, files: ex.shell.files });
      if (result.error) return fail(result.error);
      break;
    case 'ovs-appctl':
      result = runAppctl(switchOf(ex.world, host), args);
      if (result !== 'unsupported' && result.error) return fail(result.error);
      break;
    case 'cat':
      if (st.stdoutTo !== undefined && st.stdin !== undefined && !args.length) {
        ex.shell.files.set(st.stdoutTo, st.stdin);
        result = { output: '' };
      } else if (args.length === 1 && ex.shell.files.has(args[0]))
        result = { output: ex.shell.files.get(args[0]) ?? '' };
      else result = 'unsupported';
      break;
    case 'mac-binding-add':
      result = runMacBindingAdd(ex.world, args);
      if (result.error) return fail(result.error);
      break;
    case 'echo': {
      const noNewline = args[0] === '-n';
      result = { output: (noNewline ? args.slice(1) : args).join(' ') + (noNewline ? '' : '\n') };
      break;
    }
    case 'seq': {
      const n = args.map(Number);
      const [first, inc, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
      const out: number[] = [];
      if (n.length >= 1 && n.length <= 3 && n.every(Number.isFinite) && inc !== 0)
        for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) {
          if (out.length === SCRIPT_LIMITS.words) return tooManyWords(st.line, cols[0] ?? st.col);
          out.push(v);
        }
      result = { output: out.map((v) => `${v}\n`).join('') };
      break;
    }
    case 'export':
    case 'set':
    case 'true':
      for (const a of args) {
        const eq = a.indexOf('=');
        if (prog === 'export' && eq > 0) ex.shell.vars.set(a.slice(0, eq), a.slice(eq + 1));
      }
      result = { output: '' };
      break;
    default:
      result = 'unsupported';
  }
  // a running northd reacts to every transaction (keys, IPAM, tags, up); later commands see it
  if (result !== 'unsupported' && (changes || result.claims?.length))
    ex.shell.northd?.({
      world: ex.world,
      ...(changes ? { changes } : {}),
      ...(result.claims?.length ? { claimsChanged: result.claims } : {}),
      claimed: (port) => isSbBound(ex.world, port),
    });
  if (result !== 'unsupported') {
    const spent = chargeOutput(ex.budget, result.output.length, st.line, st.col);
    if (spent) return spent;
  }
  if (result === 'unsupported') {
    const last = ex.run.skipped[ex.run.skipped.length - 1];
    if (!capture && last?.line !== st.line) ex.run.skipped.push({ line: st.line, text: st.text });
    return '';
  }
  if (!capture && result.output) ex.run.outputs.push({ line: st.line, command: argv.join(' '), output: result.output });
  return result.output;
}

const firstWord = (st: Statement): string => {
  const p = st.words[0]?.parts[0];
  return st.words[0]?.parts.length === 1 && p.t === 'lit' && !p.quoted ? p.s : '';
};

/** A `for NAME in WORDS; do … done` loop starting at statements[i]: its parts and where it ends. */
function readForLoop(
  statements: Statement[],
  i: number,
): { name: string; items: Word[]; body: Statement[]; end: number } | undefined {
  const head = statements[i];
  const name = head.words[1]?.parts[0];
  if (!name || name.t !== 'lit' || firstWordText(head.words[2]) !== 'in') return undefined;
  const items = head.words.slice(3);
  const body: Statement[] = [];
  let j = i + 1;
  if (firstWord(statements[j] ?? head) !== 'do' || j >= statements.length) return undefined;
  let depth = 1;
  let cur: Statement = { ...statements[j], words: statements[j].words.slice(1) };
  for (;;) {
    const w = firstWord(cur);
    // a nested loop opens on its own line or after the `do` of the loop around it
    if (w === 'for' || (w === 'do' && firstWordText(cur.words[1]) === 'for')) depth++;
    if (w === 'done' && --depth === 0) return { name: name.s, items, body, end: j };
    if (cur.words.length) body.push(cur);
    if (++j >= statements.length) return undefined;
    cur = statements[j];
  }
}

const firstWordText = (w: Word | undefined): string =>
  w && w.parts.length === 1 && w.parts[0].t === 'lit' ? w.parts[0].s : '';

/** Each for/if block is read once per statement list, however often a loop runs it: a loop's
 * body then costs only the commands it runs. */
const forLoops = new WeakMap<Statement[], Map<number, ReturnType<typeof readForLoop>>>();
const ifBlocks = new WeakMap<Statement[], Map<number, IfBlock | undefined>>();

function memo<T>(cache: WeakMap<Statement[], Map<number, T>>, statements: Statement[], i: number, read: () => T): T {
  let m = cache.get(statements);
  if (!m) cache.set(statements, (m = new Map()));
  if (!m.has(i)) m.set(i, read());
  return m.get(i) as T;
}

/** Runs a for/if body one level deeper, within the nesting limit. */
function execNested(ex: Exec, st: Statement, body: Statement[]): ScriptError | undefined {
  if (ex.budget.nesting >= SCRIPT_LIMITS.nesting) return tooDeep(st.line, st.col);
  ex.budget.nesting++;
  const err = execStatements(ex, body);
  ex.budget.nesting--;
  return err;
}

/** Runs statements in order; stops at the first error and returns it. */
function execStatements(ex: Exec, statements: Statement[], stopLine = Infinity): ScriptError | undefined {
  const run = ex.run;
  const andOr: AndOrState = { status: 0 };
  for (let i = 0; i < statements.length; i++) {
    const st = statements[i];
    if (st.line >= stopLine) break;
    if (st.unparsed) {
      run.skipped.push({ line: st.line, text: st.text });
      continue;
    }
    if (firstWord(st) === 'if') {
      const block = memo(ifBlocks, statements, i, () => readIf(statements, i));
      if (block) {
        const status = conditionStatus(ex, block.cond);
        const err = execNested(ex, st, (status === 0) !== block.negate ? block.then : block.otherwise);
        if (err) return err;
        i = block.end;
        continue;
      }
    }
    if (firstWord(st) === 'for') {
      const loop = memo(forLoops, statements, i, () => readForLoop(statements, i));
      if (loop) {
        const items: string[] = [];
        for (const w of loop.items) {
          const f = expandWord(ex, w);
          if (!Array.isArray(f)) return f;
          if (items.length + f.length > SCRIPT_LIMITS.words) return tooManyWords(w.line, w.col);
          for (const x of f) items.push(x);
        }
        for (const item of items) {
          const over = chargeCommand(ex.budget, st.line, st.col);
          if (over) return over;
          ex.shell.vars.set(loop.name, item);
          const err = execNested(ex, st, loop.body);
          if (err) return err;
        }
        i = loop.end;
        continue;
      }
    }
    const end = pipelineEnd(statements, i);
    const err = execAndOr(ex, statements, i, end, andOr, undefined);
    if (err) return err;
    i = end;
  }
  return undefined;
}

/** Where the pipeline starting at statements[i] ends (index of its last stage). */
function pipelineEnd(statements: Statement[], i: number): number {
  let j = i;
  while (statements[j].sep === '|' && j + 1 < statements.length) j++;
  return j;
}

/** `a && b || c` as the shell runs them under `set -e`: only the last command of a list stops
 * the script when it fails; `&&` skips on failure, `||` skips on success. */
interface AndOrState {
  status: number;
}

function execAndOr(
  ex: Exec,
  statements: Statement[],
  i: number,
  end: number,
  state: AndOrState,
  capture: ((out: string) => void) | undefined,
): ScriptError | undefined {
  const prevSep = i > 0 ? statements[i - 1].sep : ';';
  if ((prevSep === '&&' && state.status !== 0) || (prevSep === '||' && state.status === 0)) return undefined;
  const r = execPipeline(ex, statements.slice(i, end + 1), capture);
  if ('message' in r) {
    const sep = statements[end].sep;
    if (sep === '&&' || sep === '||') {
      if (!statements.slice(i, end + 1).some((st) => st.stderrHidden)) (ex.run.tolerated ??= []).push(r);
      state.status = 1;
      return undefined;
    }
    return r;
  }
  state.status = r.status;
  return undefined;
}

/** The exit status of an if's condition; a failure there never stops the script. */
function conditionStatus(ex: Exec, statements: Statement[]): number {
  const state: AndOrState = { status: 0 };
  for (let i = 0; i < statements.length; i++) {
    const end = pipelineEnd(statements, i);
    const last = { ...statements[end], sep: '&&' as const };
    const err = execAndOr(ex, [...statements.slice(0, end), last], i, end, state, () => undefined);
    if (err) return 1;
    i = end;
  }
  return state.status;
}

/** Runs the statements of a $(...) with the same list and pipeline rules, collecting stdout. */
function execList(ex: Exec, statements: Statement[], out: (text: string) => void): ScriptError | undefined {
  const state: AndOrState = { status: 0 };
  for (let i = 0; i < statements.length; i++) {
    const end = pipelineEnd(statements, i);
    const err = execAndOr(ex, statements, i, end, state, out);
    if (err) return err;
    i = end;
  }
  return undefined;
}

function unmodelledFilter(st: Statement, argv: string[]): ScriptError {
  return {
    line: st.line,
    column: st.col,
    message:
      `${argv[0] ?? 'filter'}: this filter of ovn-nbctl's output is not modelled (ovnviz applies grep, egrep, fgrep, ` +
      `sed s///, p, d, q with -n/-e/-E, awk '[/RE/] {print $N…}', head, tail, cut -d -f, wc -l, sort [-u], uniq, tr, cat)`,
  };
}

/** One pipeline: the first command, then the text filters we model; a stage we do not model
 * makes the rest skipped, and what came before is shown as it was. Only the last stage's
 * failure counts, as without `pipefail`. */
function execPipeline(
  ex: Exec,
  stages: Statement[],
  capture: ((out: string) => void) | undefined,
): { status: number } | ScriptError {
  const first = execStatement(ex, stages[0], capture !== undefined || stages.length > 1);
  if (typeof first !== 'string' && stages.length === 1) return first;
  let text = typeof first === 'string' ? first : '';
  let status = 0;
  let k = 1;
  for (; k < stages.length; k++) {
    const argv: string[] = [];
    for (const w of stages[k].words) {
      const f = expandWord(ex, w);
      if (!Array.isArray(f)) return f;
      for (const x of f) argv.push(x);
    }
    const r = argv.length ? runFilter(argv[0].replace(/^.*\//, ''), argv.slice(1), text) : undefined;
    // never hand OVN output on unfiltered: a filter we do not model stops the script
    if (!r && typeof first === 'string') return unmodelledFilter(stages[k], argv);
    if (!r) break;
    text = r.output;
    status = r.status;
  }
  for (const st of stages.slice(k)) ex.run.skipped.push({ line: st.line, text: st.text });
  if (capture) capture(text);
  else if (stages.length > 1 && text)
    ex.run.outputs.push({ line: stages[0].line, command: stages[0].text, output: text });
  return { status };
}

/** Runs a whole script against `world`, stopping at the first error (what came before stays). */
export function execScript(world: World, text: string, shell: ShellState = newShellState()): ScriptRun {
  const run: ScriptRun = { world, errors: [], skipped: [], outputs: [] };
  const { statements, errors } = tokenize(text);
  const ex = { world, shell, run, depth: 0, budget: newBudget() };
  const err = execStatements(ex, statements, errors[0]?.line ?? Infinity);
  if (err) run.errors.push(err);
  else if (errors[0]) run.errors.push(errors[0]);
  resolvePendingBindings(world, shell.hosts);
  return run;
}
