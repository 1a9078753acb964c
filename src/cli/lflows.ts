// `ovnviz lflows FILE`: run a scenario script through northd and print the logical flows exactly as
// `ovn-sbctl lflow-list` does; `--diff OLD NEW` prints the flows added and removed between two scripts.
import type { SbDatabase } from '../engine/sb/database.ts';
import { diffLflows, formatLflowDiff } from '../engine/sb/lflow-diff.ts';
import { formatLflowList } from '../engine/sb/lflow-list.ts';
import { southboundFor } from '../engine/scenario/compile.ts';
import type { CliIo } from './main.ts';
import { readScenarioFile } from './scenario-file.ts';

const usage = 'usage: ovnviz lflows FILE | ovnviz lflows --diff OLD NEW\n';

function southbound(path: string, io: CliIo): SbDatabase | undefined {
  const loaded = readScenarioFile(path, io);
  return loaded && !loaded.failed ? southboundFor(loaded.run) : undefined;
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
