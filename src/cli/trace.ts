// Placeholder until its owner lands the command.
import type { CliIo } from './main.ts';

export async function traceCommand(_args: string[], io: CliIo): Promise<number> {
  io.err('ovnviz trace: not implemented yet\n');
  return 2;
}
