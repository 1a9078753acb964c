// Placeholder until its owner lands the command.
import type { CliIo } from './main.ts';

export async function runCommand(_args: string[], io: CliIo): Promise<number> {
  io.err('ovnviz run: not implemented yet\n');
  return 2;
}
