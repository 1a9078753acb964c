// `ovnviz parse-lflows DUMP`: parses every match and action of a real `ovn-sbctl lflow-list` dump and
// reports the flows that do not parse, as FILE:LINE:COL: message; exits non-zero if any did not.
import { parseLflowDump } from '../engine/lflowdump/parse.ts';
import type { CliIo } from './main.ts';
import { fileLabel } from './input-text.ts';
import { readTextFile } from './scenario-file.ts';

export async function parseLflowsCommand(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1 || (args[0].startsWith('-') && args[0] !== '-')) {
    io.err('usage: ovnviz parse-lflows DUMP\n');
    return 2;
  }
  const file = args[0];
  const text = readTextFile(file, io, `ovnviz parse-lflows: ${fileLabel(file)}`);
  if (text === undefined) return 2;
  const result = parseLflowDump(text);
  const n = result.flows.length;
  io.out(`${n} flows, ${result.matchesParsed}/${n} matches parsed, ${result.actionsParsed}/${n} actions parsed\n`);
  for (const f of result.failures) io.err(`${fileLabel(file)}:${f.line}:${f.column}: ${f.message}\n`);
  return result.failures.length ? 1 : 0;
}
