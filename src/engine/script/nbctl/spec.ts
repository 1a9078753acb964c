// The shape of one ovn-nbctl command in the command table (ctl_command_syntax).
import type { CmdContext } from './context.ts';

export interface CommandSpec {
  name: string;
  min: number;
  max: number;
  /** Comma-separated option names as ctl_command_syntax lists them ("--may-exist,--policy="). */
  options: string;
  run: (ctx: CmdContext) => void;
}
