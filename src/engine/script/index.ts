// Scenario scripts: run pasted ovn-nbctl / ovn-sbctl / ovs-vsctl text into a World (NB + physical
// facts), and run one more command against an existing World (the CLI's and the UI console's path).
import { emptyNbDatabase } from '../nb/database.ts';
import type { World } from '../scenario/world.ts';
import { execScript, newShellState, type ScriptRun, type ShellState } from './runner.ts';

export type { ScriptRun, ScriptError, ShellState } from './runner.ts';

export function emptyWorld(): World {
  return { nb: emptyNbDatabase(), physical: { chassis: [], bindings: [], macBindings: [] } };
}

export interface RunOptions {
  fileName?: string;
}

/** Runs a script from an empty world. Never throws; errors carry line and column. */
export function runScript(text: string, _options: RunOptions = {}): ScriptRun {
  const shell = newShellState();
  const run = execScript(emptyWorld(), text, shell);
  shells.set(run.world, shell);
  return run;
}

/** The shell variables and current host a world's script left behind, for later commands. */
const shells = new WeakMap<World, ShellState>();

/** Runs more script text (one command or many lines) against `world`, changing it in place. */
export function runCommand(world: World, line: string, shell?: ShellState): ScriptRun {
  const sh = shell ?? shells.get(world) ?? newShellState();
  shells.set(world, sh);
  return execScript(world, line, sh);
}

export { newShellState };
