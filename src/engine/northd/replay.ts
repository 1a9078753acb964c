// A World as northd would leave it when it runs after every script command: only IPAM depends on
// that history (a dynamic MAC survives a later subnet change, freed addresses are reused), so a
// script whose switches allocate dynamic addresses is replayed command by command.
import { isDynamicLspAddress } from './addresses.ts';
import { writeDynamicAddresses } from './index.ts';
import type { World } from '../scenario/world.ts';
import { emptyWorld, runCommand } from '../script/index.ts';

/** Does any switch allocate dynamic addresses? Then allocation order across commands matters. */
export function usesIpam(world: World): boolean {
  const ipam = [...world.nb.tables.Logical_Switch.values()].some(
    (ls) => ls.other_config.subnet || ls.other_config.ipv6_prefix || ls.other_config.mac_only,
  );
  return ipam && [...world.nb.tables.Logical_Switch_Port.values()].some((p) => p.addresses.some(isDynamicLspAddress));
}

/** Runs the script command by command with northd's IPAM after each. */
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

/** The World to give northd for a script that ran without errors into `world`. */
export function worldAsNorthdSeesIt(text: string, world: World): World {
  return usesIpam(world) ? replayWithIpam(text) : world;
}
