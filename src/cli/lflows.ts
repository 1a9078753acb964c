// `ovnviz lflows FILE`: run a scenario script through northd and print the logical flows exactly as
// `ovn-sbctl lflow-list` does; `--diff OLD NEW` prints the flows added and removed between two scripts.
import type { SbDatabase } from '../engine/sb/database.ts';
import { diffLflows, formatLflowDiff } from '../engine/sb/lflow-diff.ts';
import { formatLflowList } from '../engine/sb/lflow-list.ts';
import { loadScenarioText, southboundFor } from '../engine/scenario/compile.ts';
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
  const run = loadScenarioText(text, path);
  if (run.errors.length > 0) {
    for (const e of run.errors) io.err(`${path}:${e.line}:${e.column}: ${e.message}\n`);
    return undefined;
  }
  return southboundFor(text, run);
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
