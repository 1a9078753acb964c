// Scenario scripts: run pasted ovn-nbctl / ovn-sbctl / ovs-vsctl text into a World (NB + physical
// facts), and run one more command against an existing World (the CLI's and the UI console's path).
import { emptyNbDatabase } from '../nb/database.ts';
import type { World } from '../nb/world.ts';
import type { NorthdStep } from './northd-step.ts';
import { execScript, newShellState, type ScriptRun, type ShellState } from './runner.ts';

export type { ScriptRun, ScriptError, ShellState } from './runner.ts';
export type { NorthdCommit, NorthdStep } from './northd-step.ts';

export function emptyWorld(): World {
  return { nb: emptyNbDatabase(), physical: { chassis: [], bindings: [], macBindings: [] } };
}

export interface RunOptions {
  fileName?: string;
  /** The northd that writes back after each transaction (none: the NB stays as the tools left it). */
  northd?: NorthdStep;
}

/** Runs a script from an empty world. Never throws; errors carry line and column. */
export function runScript(text: string, options: RunOptions = {}): ScriptRun {
  const world = emptyWorld();
  const shell = attachShell(world, options.northd);
  return execScript(world, text, shell);
}

/** Gives a world made elsewhere (an imported NB) the shell and northd later commands run with. */
export function attachShell(world: World, northd?: NorthdStep): ShellState {
  const shell = newShellState(northd);
  shells.set(world, shell);
  return shell;
}

/** The shell variables and current host a world's script left behind, for later commands. */
const shells = new WeakMap<World, ShellState>();

/** The shell a world's commands run with (made on first use). */
export function shellOf(world: World): ShellState {
  return shells.get(world) ?? attachShell(world);
}

/** Runs more script text (one command or many lines) against `world`, changing it in place. */
export function runCommand(world: World, line: string, shell?: ShellState): ScriptRun {
  const sh = shell ?? shells.get(world) ?? newShellState();
  shells.set(world, sh);
  return execScript(world, line, sh);
}

export { newShellState };
