// A World as northd would leave it when it runs after every script command. Two things depend on that
// history: IPAM (a dynamic MAC survives a later subnet change) and tunnel keys (a port deleted and
// added again gets a new key; a deleted switch's key is reused). So scripts are replayed command by command.
import { writeDynamicAddresses } from './index.ts';
import type { World } from '../scenario/world.ts';
import { emptyWorld, runCommand } from '../script/index.ts';

/** Runs the script command by command with a northd run (IPAM, tunnel keys) after each. */
export function replayWithIpam(text: string): World {
  const world = emptyWorld();
  let command = '';
  for (const line of text.split('\n')) {
    command += `${line}\n`;
    if (line.endsWith('\\')) continue;
    runCommand(world, command);
    writeDynamicAddresses(world);
    command = '';
  }
  if (command) runCommand(world, command);
  writeDynamicAddresses(world);
  return world;
}

/** The World to give northd for a script (that runScript ran without errors). */
export function worldAsNorthdSeesIt(text: string): World {
  return replayWithIpam(text);
}
