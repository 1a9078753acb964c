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

/**
 * The World to give northd for a script that runScript ran without errors into `world`: the replay,
 * unless splitting the script into commands changed what it built (then `world` itself).
 */
export function worldAsNorthdSeesIt(text: string, world: World): World {
  const replayed = replayWithIpam(text);
  const tables = Object.keys(world.nb.tables) as (keyof World['nb']['tables'])[];
  const same =
    tables.every((t) => replayed.nb.tables[t].size === world.nb.tables[t].size) &&
    replayed.physical.bindings.length === world.physical.bindings.length &&
    replayed.physical.chassis.length === world.physical.chassis.length;
  return same ? replayed : world;
}
