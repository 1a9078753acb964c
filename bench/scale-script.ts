// The benchmark topology (scale-topology.ts) as a user pastes it: one ovn-nbctl command a line.
import { scaleNbctlArgs } from './scale-topology.ts';

const quote = (a: string): string => (/^[A-Za-z0-9_./:=-]+$/.test(a) ? a : `"${a}"`);

/** `n` switches of `p` VM ports on router lr0, one `ovn-nbctl COMMAND` a line. */
export function scaleScript(n: number, p: number): string {
  const lines: string[] = [];
  let cmd: string[] = [];
  const flush = (): void => {
    if (cmd.length) lines.push(`ovn-nbctl ${cmd.map(quote).join(' ')}`);
    cmd = [];
  };
  for (const a of scaleNbctlArgs(n, p)) {
    if (a === '--') flush();
    else cmd.push(a);
  }
  flush();
  return `${lines.join('\n')}\n`;
}
