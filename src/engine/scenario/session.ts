// A loaded scene that more script text can extend, the way the app's editor grows a script: the new
// commands run against the kept World (northd's write-back after each, as for the rest), and the
// Southbound follows incrementally (NorthdSession) when they changed only switches and their ports;
// anything else recomputes the logical flows once.
import { lookupContaining } from '../nb/row-index.ts';
import type { NbLogicalSwitch } from '../nb/schema.gen.ts';
import type { NbChanges } from '../nb/txn.ts';
import { hasDynamicPorts } from '../northd/ipam-writeback.ts';
import { NorthdSession } from '../northd/session.ts';
import type { SbDatabase } from '../sb/database.ts';
import { runCommand, shellOf, type NorthdCommit, type ScriptRun } from '../script/index.ts';
import { loadScenarioText } from './compile.ts';

/** Tables whose changes NorthdSession.switchesChanged can follow switch by switch. */
const PER_SWITCH = new Set(['Logical_Switch', 'Logical_Switch_Port']);

export class SceneSession {
  readonly run: ScriptRun;
  private readonly northd: NorthdSession;
  private text: string;

  constructor(text: string, fileName?: string) {
    this.text = text;
    this.run = loadScenarioText(text, fileName);
    this.northd = new NorthdSession(this.run.world);
  }

  get sb(): SbDatabase {
    return this.northd.sb;
  }

  /** How the Southbound followed the last extension. */
  get lastUpdate(): 'full' | 'incremental' {
    return this.northd.lastUpdate;
  }

  /**
   * The text of this scene followed by more lines, if `text` is that (and the scene loaded cleanly,
   * ending at a line break outside any open construct): the added text, else undefined.
   */
  addedBy(text: string): string | undefined {
    // both at a line break: a line still being typed is no command to run yet
    if (this.run.errors.length || !text.startsWith(this.text) || !this.text.endsWith('\n') || !text.endsWith('\n'))
      return undefined;
    if (this.text.endsWith('\\\n')) return undefined;
    return text.slice(this.text.length);
  }

  /** Runs more script text against the scene; returns that run (its errors, outputs and skipped lines
   * numbered as lines of the whole text). */
  extend(more: string): ScriptRun {
    const switches = new Set<string>();
    let perSwitch = true;
    const world = this.run.world;
    const watch = (commit: NorthdCommit): void => {
      if (commit.claimsChanged?.length) perSwitch = false;
      if (commit.changes) perSwitch &&= collectSwitches(world.nb.tables.Logical_Switch, commit.changes, switches);
    };
    // northd's write-back runs as always; this only notes what each transaction changed
    const shell = shellOf(world);
    const writeback = shell.northd;
    shell.northd = (commit) => {
      writeback?.(commit);
      watch(commit);
    };
    let added: ScriptRun;
    try {
      added = runCommand(world, more, shell);
    } finally {
      shell.northd = writeback;
    }
    // the added lines' numbers as in the whole text
    const offset = lineCount(this.text);
    const shift = <T extends { line: number }>(xs: readonly T[] | undefined): T[] =>
      (xs ?? []).map((x) => ({ ...x, line: x.line + offset }));
    const shifted: ScriptRun = {
      world,
      errors: shift(added.errors),
      skipped: shift(added.skipped),
      outputs: shift(added.outputs),
      ...(added.tolerated ? { tolerated: shift(added.tolerated) } : {}),
    };
    this.text += more;
    this.run.errors.push(...shifted.errors);
    this.run.skipped.push(...shifted.skipped);
    this.run.outputs.push(...shifted.outputs);
    if (shifted.tolerated) (this.run.tolerated ??= []).push(...shifted.tolerated);
    // IPAM allocates across switches (one MAC space): a scene with dynamic ports is recomputed
    if (perSwitch && !hasDynamicPorts(world.nb)) this.northd.switchesChanged([...switches]);
    else this.northd.recompute();
    return shifted;
  }
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Adds the switches a transaction changed (directly or through their ports); false if it changed
 * anything else. */
function collectSwitches(lsTable: ReadonlyMap<string, NbLogicalSwitch>, changes: NbChanges, out: Set<string>): boolean {
  for (const [table, c] of changes) {
    if (!PER_SWITCH.has(table)) return false;
    if (table === 'Logical_Switch') {
      if (c.inserted.size || c.deleted.size) return false;
      for (const u of c.updated) out.add(u);
    }
    if (table === 'Logical_Switch_Port')
      for (const u of [...c.inserted, ...c.updated])
        for (const ls of lookupContaining(lsTable, 'ports', u)) out.add(ls._uuid);
  }
  return true;
}
