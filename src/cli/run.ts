// `ovnviz run FILE ['COMMAND']`: load a scenario script (or a real NB saved by `ovsdb-client backup`),
// then run one more command against it and print what the real tool prints.
import { syncHypervisors } from '../engine/physical/hypervisor.ts';
import { southboundFor } from '../engine/scenario/compile.ts';
import { runCommand } from '../engine/script/index.ts';
import type { CliIo } from './main.ts';
import { readScenarioFile } from './scenario-file.ts';

const usage = "usage: ovnviz run FILE ['COMMAND']\n";

export async function runCommandCli(args: string[], io: CliIo): Promise<number> {
  if (args.length < 1 || args.length > 2) {
    io.err(usage);
    return 2;
  }
  const [file, command] = args;
  const loaded = readScenarioFile(file, io);
  if (!loaded) return 1;
  const { run, failed } = loaded;
  if (command === undefined) {
    for (const o of run.outputs) io.out(o.output);
    return failed ? 1 : 0;
  }
  // after an error (already reported) the state before it stays loaded and the command still shows it;
  // the status is non-zero when either the script or the command failed
  // Open vSwitch on a chassis shows what ovn-controller made of it: bring every hypervisor up to date first
  if (/^\s*(as\s+\S+\s+)?ovs-(ofctl|appctl|vsctl|dpctl)\b/.test(command.replace(/['"]/g, ''))) {
    run.world.ovs ??= new Map();
    syncHypervisors(run.world.ovs, southboundFor(run));
  }
  const more = runCommand(run.world, command);
  if (more.skipped.length) {
    // a script would skip this line silently; as the one command asked for, silence would look like success
    io.err(`ovnviz run: '${command}' is not a command ovnviz runs${skippedHint(command)}\n`);
    return 1;
  }
  for (const o of more.outputs) io.out(o.output);
  for (const e of more.errors) io.err(`${e.message}\n${e.hint ? `hint: ${e.hint}\n` : ''}`);
  return failed || more.errors.length ? 1 : 0;
}

function skippedHint(command: string): string {
  if (/\blflow-list\b/.test(command)) return ' (for the logical flows: ovnviz lflows FILE)';
  if (/\bovn-trace\b/.test(command)) return " (for a trace: ovnviz trace FILE DATAPATH 'MICROFLOW')";
  return '';
}

export { runCommandCli as runCommand };
