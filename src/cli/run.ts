// `ovnviz run FILE ['COMMAND']`: load a scenario script (or a real NB saved by `ovsdb-client backup`),
// then run one more command against it and print what the real tool prints.
import { importOvsdbFile, looksLikeOvsdbFile } from '../engine/nb/import.ts';
import { emptyWorld, runCommand, runScript, type ScriptRun } from '../engine/script/index.ts';
import type { CliIo } from './main.ts';

const usage = "usage: ovnviz run FILE ['COMMAND']\n";

function reportErrors(io: CliIo, file: string, run: ScriptRun): boolean {
  for (const e of run.errors) {
    io.err(`${file}:${e.line}:${e.column}: ${e.message}\n`);
    if (e.hint) io.err(`${file}:${e.line}:${e.column}: hint: ${e.hint}\n`);
  }
  return run.errors.length > 0;
}

export async function runCommandCli(args: string[], io: CliIo): Promise<number> {
  if (args.length < 1 || args.length > 2) {
    io.err(usage);
    return 2;
  }
  const [file, command] = args;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (e) {
    io.err(`${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  let run: ScriptRun;
  if (looksLikeOvsdbFile(text)) {
    const imported = importOvsdbFile(text);
    if (!imported.ok) {
      io.err(`${file}:${imported.line}:1: ${imported.error}\n`);
      return 1;
    }
    run = { world: { ...emptyWorld(), nb: imported.nb }, errors: [], skipped: [], outputs: [] };
  } else run = runScript(text, { fileName: file });
  if (command === undefined) {
    for (const o of run.outputs) io.out(o.output);
    return reportErrors(io, file, run) ? 1 : 0;
  }
  if (reportErrors(io, file, run)) return 1;
  const more = runCommand(run.world, command);
  for (const o of more.outputs) io.out(o.output);
  for (const e of more.errors) io.err(`${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
  return more.errors.length ? 1 : 0;
}

export { runCommandCli as runCommand };
