// Options before the first command, as ovn-nbctl's getopt_long reads them: the global options and
// every command's own (ctl_add_cmd_options); a long option may be shortened to any unambiguous
// prefix, and one that requires an argument takes the next word when not written with '='.
import { CtlError } from './context.ts';

export type HasArg = 'none' | 'required' | 'optional';

/** ovn-dbctl's global_long_options, with MAIN_LOOP, daemon, vlog, SSL and table options. */
const GLOBAL_LONG: [string, HasArg][] = [
  ['db', 'required'],
  ['no-syslog', 'none'],
  ['help', 'none'],
  ['commands', 'none'],
  ['options', 'none'],
  ['leader-only', 'none'],
  ['no-leader-only', 'none'],
  ['shuffle-remotes', 'none'],
  ['no-shuffle-remotes', 'none'],
  ['version', 'none'],
  ['unixctl', 'required'],
  ['no-wait', 'none'],
  ['wait', 'required'],
  ['print-wait-time', 'none'],
  ['dry-run', 'none'],
  ['oneline', 'none'],
  ['timeout', 'required'],
  ['detach', 'none'],
  ['no-chdir', 'none'],
  ['pidfile', 'optional'],
  ['overwrite-pidfile', 'none'],
  ['monitor', 'none'],
  ['user', 'required'],
  ['no-self-confinement', 'none'],
  ['verbose', 'optional'],
  ['log-file', 'optional'],
  ['syslog-method', 'required'],
  ['syslog-target', 'required'],
  ['private-key', 'required'],
  ['certificate', 'required'],
  ['ca-cert', 'required'],
  ['ssl-protocols', 'required'],
  ['ssl-ciphers', 'required'],
  ['peer-ca-cert', 'required'],
  ['bootstrap-ca-cert', 'required'],
  ['format', 'required'],
  ['data', 'required'],
  ['no-headings', 'none'],
  ['pretty', 'none'],
  ['bare', 'none'],
  ['max-column-width', 'required'],
  ['timestamp', 'none'],
];

export const globalLongOptionNames = (): string[] => GLOBAL_LONG.map(([n]) => `--${n}`);

/** The long options getopt knows: globals, then command options ("--x=" required, "--x?" optional). */
export function longOptionTable(commandOptions: Iterable<string>): Map<string, HasArg> {
  const table = new Map<string, HasArg>(GLOBAL_LONG.map(([n, a]) => [`--${n}`, a]));
  for (const o of commandOptions) {
    if (!o.startsWith('--')) continue;
    const name = o.replace(/[=?]$/, '');
    const has: HasArg = o.endsWith('=') ? 'required' : o.endsWith('?') ? 'optional' : 'none';
    const prev = table.get(name);
    // an option two commands spell differently accepts both forms
    table.set(name, prev === undefined || prev === has ? has : 'optional');
  }
  return table;
}

export interface LongOption {
  /** The full option name, e.g. "--columns" for "--col". */
  key: string;
  value?: string;
  /** Index of the next word to read. */
  next: number;
}

/** getopt_long on args[i] (a word starting with "--"). */
export function readLongOption(args: readonly string[], i: number, table: ReadonlyMap<string, HasArg>): LongOption {
  const word = args[i];
  const eq = word.indexOf('=');
  const given = eq >= 0 ? word.slice(0, eq) : word;
  let key = given;
  if (!table.has(given)) {
    const candidates = [...table.keys()].filter((k) => k.startsWith(given));
    if (candidates.length === 0) throw new CtlError(`unrecognized option '${word}'`);
    // an ambiguous prefix: ovs_cmdl_parse_all reports it as unrecognized
    if (candidates.length > 1) throw new CtlError(`unrecognized option '${word}'`);
    key = candidates[0];
  }
  const has = table.get(key) ?? 'none';
  if (eq >= 0) {
    if (has === 'none') throw new CtlError(`option '${word}' doesn't allow an argument`);
    return { key, value: word.slice(eq + 1), next: i + 1 };
  }
  if (has === 'required') {
    if (i + 1 >= args.length) throw new CtlError(`option '${word}' requires an argument`);
    return { key, value: args[i + 1], next: i + 2 };
  }
  return { key, next: i + 1 };
}
