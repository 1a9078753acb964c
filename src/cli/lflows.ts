// Placeholder until its owner lands the command.
import type { CliIo } from './main.ts';

export async function lflowsCommand(_args: string[], io: CliIo): Promise<number> {
  io.err('ovnviz lflows: not implemented yet\n');
  return 2;
}
