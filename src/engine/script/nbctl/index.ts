// One ovn-nbctl invocation: global options, "--"-separated commands with their own options,
// the command table, and one transaction that commits all commands or none.
import type { World } from '../../nb/world.ts';
import { NbTxn, nextUuid, type NbChanges } from '../../nb/txn.ts';
import { jsonQuote, type SymbolTable } from '../../nb/datum.ts';
import { CtlError, type CmdContext, type Invocation } from './context.ts';
import type { CommandSpec } from './spec.ts';
import { lsCommands } from './ls.ts';
import { dbCommands } from './db.ts';
import { extraCommands } from './registry.ts';
import { globalLongOptionNames, longOptionTable, readLongOption, type HasArg } from './options.ts';

export interface NbctlResult {
  output: string;
  error?: string;
  hint?: string;
  /** What the committed transaction changed (none for a read-only or failed invocation). */
  changes?: NbChanges;
}

const commandTable = (): Map<string, CommandSpec> =>
  new Map([...lsCommands, ...dbCommands, ...extraCommands()].map((c) => [c.name, c]));

let table: Map<string, CommandSpec> | undefined;
export const nbctlCommands = (): Map<string, CommandSpec> => (table ??= commandTable());

let longOptions: Map<string, HasArg> | undefined;
/** Every long option getopt knows before the first command: globals and those some command takes. */
const longOptionsTable = (): Map<string, HasArg> =>
  (longOptions ??= longOptionTable([...nbctlCommands().values()].flatMap((c) => c.options.split(','))));

const globalLongNames = new Set(globalLongOptionNames());

/** Short options that take an argument (attached or as the next word). */
const SHORT_WITH_ARG = new Set(['-t', '-f', '-d', '-u', '-p', '-c', '-C']);

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

export function suggest(name: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const most = Math.max(2, Math.floor(name.length / 3));
  for (const n of names) {
    // the distance is at least the difference in length: a long word is never compared letter by letter
    if (Math.abs(name.length - n.length) > most) continue;
    const dist = levenshtein(name, n);
    if (dist < bestD) {
      bestD = dist;
      best = n;
    }
  }
  return best !== undefined && bestD <= most ? best : undefined;
}

interface ParsedCommand {
  spec: CommandSpec;
  argv: string[];
  options: Map<string, string>;
}

function parseCommand(args: string[], local: Map<string, string>): ParsedCommand {
  const options = new Map(local);
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const eq = args[i].indexOf('=');
    const key = eq >= 0 ? args[i].slice(0, eq) : args[i];
    if (options.has(key)) throw new CtlError(`'${args[i]}' option specified multiple times`);
    options.set(key, eq >= 0 ? args[i].slice(eq + 1) : '');
  }
  if (i === args.length) throw new CtlError('missing command name (use --help for help)');
  const name = args[i];
  const spec = nbctlCommands().get(name);
  if (!spec) {
    const s = suggest(name, nbctlCommands().keys());
    throw new CtlError(`unknown command '${name}'; use --help for help`, s ? `did you mean '${s}'?` : undefined);
  }
  for (const [key, value] of options) {
    const at = spec.options.split(',').find((o) => o.replace(/[=?]$/, '') === key);
    if (at === undefined) throw new CtlError(`'${name}' command has no '${key}' option`);
    const takesArg = at.endsWith('=');
    if (!at.endsWith('?') && takesArg !== (value !== '' || args.some((a) => a === `${key}=`))) {
      if (takesArg) throw new CtlError(`missing argument to '${key}' option on '${name}' command`);
      throw new CtlError(`'${key}' option on '${name}' does not accept an argument`);
    }
  }
  const n = args.length - i - 1;
  if (n < spec.min) throw new CtlError(`'${name}' command requires at least ${spec.min} arguments`);
  if (n > spec.max) {
    const note = args.slice(i + 1).some((a) => a.startsWith('-'))
      ? ' (note that options must precede command names and follow a "--" argument)'
      : '';
    throw new CtlError(`'${name}' command takes at most ${spec.max} arguments${note}`);
  }
  return { spec, argv: args.slice(i), options };
}

/** Splits argv after the program name into global options and commands. */
function parseInvocation(args: string[]): { commands: ParsedCommand[]; inv: Invocation } {
  const inv: Invocation = {
    style: { format: 'list', cell: 'string', headings: true },
    firstTable: true,
    oneline: false,
    detach: false,
  };
  const local = new Map<string, string>();
  let i = 0;
  while (i < args.length) {
    const a = args[i];
    if (a === '--' || !a.startsWith('-')) break;
    let key: string;
    let value: string | undefined;
    if (a.startsWith('--')) {
      const o = readLongOption(args, i, longOptionsTable());
      key = o.key;
      value = o.value;
      i = o.next;
    } else {
      key = a.slice(0, 2);
      value = a.length > 2 ? a.slice(2).replace(/^=/, '') : SHORT_WITH_ARG.has(key) ? args[++i] : undefined;
      i++;
    }
    if (key === '-f' || key === '--format') inv.style.format = (value as Invocation['style']['format']) ?? 'list';
    if (key === '-d' || key === '--data')
      inv.style.cell = value === 'bare' ? 'bare' : value === 'json' ? 'json' : 'string';
    if (key === '--detach') inv.detach = true;
    if (key === '--bare') {
      inv.style.cell = 'bare';
      inv.style.headings = false;
    }
    if (key === '--no-headings') inv.style.headings = false;
    if (key === '--pretty') inv.style.pretty = true;
    if (key === '--oneline') inv.oneline = true;
    if (!key.startsWith('--') || globalLongNames.has(key)) continue;
    if (local.has(key)) throw new CtlError(`'${a}' option specified multiple times`);
    local.set(key, value ?? '');
  }
  const rest = args.slice(i);
  const groups: string[][] = [[]];
  for (const a of rest) {
    if (a === '--') groups.push([]);
    else groups[groups.length - 1].push(a);
  }
  const nonEmpty = groups.filter((g) => g.length);
  if (!nonEmpty.length && inv.detach) return { commands: [], inv };
  if (!nonEmpty.length) throw new CtlError('missing command name (use --help for help)');
  const commands = nonEmpty.map((g, k) => parseCommand(g, k === 0 ? local : new Map()));
  return { commands, inv };
}

/** oneline_format: one line per command, newlines and backslashes escaped. */
function onelineFormat(s: string): string {
  return s.replace(/\n$/, '').replace(/\\/g, '\\\\').replace(/\n/g, '\\n') + '\n';
}

/** Runs `ovn-nbctl ARGS...` against the world's NB; nothing changes unless every command succeeds. */
export function runNbctl(world: World, args: string[]): NbctlResult {
  let parsed: { commands: ParsedCommand[]; inv: Invocation };
  try {
    parsed = parseInvocation(args);
  } catch (e) {
    if (e instanceof CtlError) return { output: '', error: e.message, hint: e.hint };
    throw e;
  }
  // `ovn-nbctl --detach` starts the daemon that later invocations talk to; it prints its socket
  if (!parsed.commands.length) return { output: '/var/run/ovn/ovn-nbctl.ctl\n' };
  const txn = new NbTxn(world.nb);
  const symtab: SymbolTable = new Map<string, string>();
  symtab.forward = (name) => {
    const uuid = nextUuid(world.nb);
    symtab.set(name, uuid);
    return uuid;
  };
  const defined = new Set<string>();
  const outputs: string[] = [];
  try {
    if (txn.rows('NB_Global').size === 0) txn.insert('NB_Global');
    parsed.commands.forEach((c, k) => {
      const ctx: CmdContext = {
        argv: c.argv,
        options: c.options,
        txn,
        symtab,
        output: [],
        inv: parsed.inv,
        defined,
        last: k === parsed.commands.length - 1,
      };
      c.spec.run(ctx);
      const out = ctx.output.join('');
      outputs.push(parsed.inv.oneline && !ctx.table ? onelineFormat(out) : out);
    });
    for (const name of symtab.keys())
      if (!defined.has(name))
        throw new CtlError(`row id "${name}" is referenced but never created (e.g. with "-- --id=${name} create ...")`);
    const err = txn.commit();
    if (err) {
      txn.rollback();
      const sep = err.indexOf(': ');
      return {
        output: '',
        error: `transaction error: {"details":${jsonQuote(err.slice(sep + 2))},"error":${jsonQuote(err.slice(0, sep))}}`,
      };
    }
  } catch (e) {
    txn.rollback();
    if (e instanceof CtlError) return { output: '', error: e.message };
    // a bug of ours must not take the whole script down: report it like any other error
    return { output: '', error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
  const changes = txn.changes();
  return changes.size ? { output: outputs.join(''), changes } : { output: outputs.join('') };
}
