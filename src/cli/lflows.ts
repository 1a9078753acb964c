// `ovnviz lflows FILE`: run a scenario script through northd and print the logical flows exactly as
// `ovn-sbctl lflow-list` does; `--diff OLD NEW` prints the flows added and removed between two scripts.
import { isDynamicLspAddress } from '../engine/northd/addresses.ts';
import { runNorthd, writeDynamicAddresses } from '../engine/northd/index.ts';
import type { SbDatabase } from '../engine/sb/database.ts';
import { diffLflows, formatLflowDiff } from '../engine/sb/lflow-diff.ts';
import { formatLflowList } from '../engine/sb/lflow-list.ts';
import type { World } from '../engine/scenario/world.ts';
import { emptyWorld, runCommand, runScript } from '../engine/script/index.ts';
import type { CliIo } from './main.ts';

const usage = 'usage: ovnviz lflows FILE | ovnviz lflows --diff OLD NEW\n';

function southbound(path: string, io: CliIo): SbDatabase | undefined {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    io.err(`${path}: ${e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
  const run = runScript(text, { fileName: path });
  if (run.errors.length > 0) {
    for (const e of run.errors) io.err(`${path}:${e.line}:${e.column}: ${e.message}\n`);
    return undefined;
  }
  return runNorthd(usesIpam(run.world) ? replayWithIpam(text) : run.world);
}

/** Does any switch allocate dynamic addresses? Then allocation order across commands matters. */
function usesIpam(world: World): boolean {
  const ipam = [...world.nb.tables.Logical_Switch.values()].some(
    (ls) => ls.other_config.subnet || ls.other_config.ipv6_prefix || ls.other_config.mac_only,
  );
  return ipam && [...world.nb.tables.Logical_Switch_Port.values()].some((p) => p.addresses.some(isDynamicLspAddress));
}

/**
 * Runs the script command by command with northd's IPAM after each, as real northd does when it
 * runs after every command (a dynamic MAC survives a later subnet change, freed addresses are reused).
 */
function replayWithIpam(text: string): World {
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

export async function lflowsCommand(args: string[], io: CliIo): Promise<number> {
  if (args[0] === '--diff') {
    if (args.length !== 3) {
      io.err(usage);
      return 2;
    }
    const before = southbound(args[1], io);
    const after = before && southbound(args[2], io);
    if (!before || !after) return 1;
    io.out(formatLflowDiff(diffLflows(before, after)));
    return 0;
  }
  if (args.length !== 1) {
    io.err(usage);
    return 2;
  }
  const sb = southbound(args[0], io);
  if (!sb) return 1;
  io.out(formatLflowList(sb));
  return 0;
}
