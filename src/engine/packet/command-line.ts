// The shell command that asks real ovn-trace the same question as the packet form.
import type { TraceForm, TraceRequest } from './request.ts';

/** Quotes a word for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=,@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export function ovnTraceCommand(request: TraceRequest, form: TraceForm): string {
  const words = ['ovn-trace', `--${form}`];
  for (const ct of request.ct ?? []) words.push(`--ct=${ct}`);
  if (request.lbDst) words.push(`--lb-dst=${request.lbDst}`);
  if (request.datapath) words.push(request.datapath);
  words.push(request.microflow);
  return words.map(shellQuote).join(' ');
}
