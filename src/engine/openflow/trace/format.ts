// The text of ofproto/trace from the trace data (oftrace_node_print_details and ofproto_trace__).
import type { TraceNode, TracePass, TraceResult } from './types.ts';

const TERMINAL = new Set(['action', 'detail', 'warn', 'error', 'bucket']);

function printDetails(out: string[], nodes: TraceNode[], level: number): void {
  nodes.forEach((sub, i) => {
    if (sub.type === 'bridge') out.push('\n');
    const more = i < nodes.length - 1 || TERMINAL.has(sub.type) ? 1 : 0;
    const pad = ' '.repeat((level + more) * 4);
    switch (sub.type) {
      case 'detail':
        out.push(`${pad} -> ${sub.text}\n`);
        break;
      case 'warn':
        out.push(`${pad} >> ${sub.text}\n`);
        break;
      case 'error':
        out.push(`${pad} >>>> ${sub.text} <<<<\n`);
        break;
      case 'bridge':
        out.push(`${pad}${sub.text}\n${pad}${'-'.repeat(sub.text.length)}\n`);
        break;
      default:
        out.push(`${pad}${sub.text}\n`);
    }
    printDetails(out, sub.subs, level + more + more);
  });
}

function formatPass(p: TracePass): string {
  const out: string[] = [`Flow: ${p.flow}\n`];
  printDetails(out, p.nodes, 0);
  out.push(`\nFinal flow: ${p.finalFlow}\n`, `Megaflow: ${p.megaflow}\n`, `Datapath actions: ${p.datapathActions}`);
  if (p.error) out.push(`\nTranslation failed (${p.error}), packet is dropped.\n`);
  else if (p.slowPath.length) {
    out.push('\nThis flow is handled by the userspace slow path because it:');
    for (const r of p.slowPath) out.push(`\n  - ${r}.`);
  }
  return out.join('');
}

export function formatTrace(r: TraceResult): string {
  const out: string[] = [];
  r.passes.forEach((p, i) => {
    if (i > 0) {
      out.push('\n\n', '='.repeat(79), `\nrecirc(0x${p.recircId.toString(16)})`);
      if (p.resume) out.push(` - ${p.resume}`);
      out.push('\n');
      for (const l of p.natLines ?? []) out.push(`${l}\n`);
      out.push('='.repeat(79), '\n\n');
    }
    out.push(formatPass(p));
  });
  // ovs-appctl ends what it prints with a newline
  const text = out.join('');
  return text.endsWith('\n') ? text : `${text}\n`;
}
