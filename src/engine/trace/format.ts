// ovn-trace's three text forms of a trace tree (ovntrace_node_print_details, _prune_summary,
// _prune_hard, _print_summary in utilities/ovn-trace.c), reproduced byte for byte.
import type { TraceForm, TraceNode, TraceNodeType, TraceResult } from './types.ts';

/** Nodes ovn-trace always indents one step (its "terminal" kinds). */
function isLeafKind(type: TraceNodeType): boolean {
  return type === 'output' || type === 'modify' || type === 'action' || type === 'error';
}

function printDetails(out: string[], nodes: readonly TraceNode[], level: number): void {
  nodes.forEach((sub, i) => {
    if (sub.type === 'modify') return;
    // "Last" counts every sibling, hidden modify nodes included, as the C list walk does.
    const more = i !== nodes.length - 1 || sub.alwaysIndent === true || isLeafKind(sub.type) ? 1 : 0;
    const title = sub.type === 'pipeline' || sub.type === 'transformation';
    const indent = ' '.repeat((level + more) * 4);
    if (title) out.push('\n');
    out.push(`${indent}${sub.text}\n`);
    if (title) out.push(`${indent}${'-'.repeat(utf8Length(sub.text))}\n`);
    printDetails(out, sub.subs, level + 2 * more);
  });
}

/** strlen() of the UTF-8 text: the underline is as long in bytes as the title. */
function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Replaces every node of a dissolved kind by its (already pruned) children, in place. */
function prune(nodes: readonly TraceNode[], dissolve: ReadonlySet<TraceNodeType>): TraceNode[] {
  const result: TraceNode[] = [];
  for (const node of nodes) {
    const subs = prune(node.subs, dissolve);
    if (dissolve.has(node.type)) result.push(...subs);
    else result.push({ ...node, subs });
  }
  return result;
}

function printSummary(out: string[], nodes: readonly TraceNode[], level: number): void {
  const indent = ' '.repeat(level * 4);
  for (const sub of nodes) {
    if (sub.type === 'action' && sub.text.startsWith('next(')) continue;
    out.push(indent + sub.text);
    if (sub.subs.length > 0) {
      out.push(' {\n');
      printSummary(out, sub.subs, level + 1);
      out.push(`${indent}}`);
    }
    if (sub.type !== 'action') out.push(';');
    out.push('\n');
  }
}

const SUMMARY_DISSOLVE: ReadonlySet<TraceNodeType> = new Set(['modify', 'table']);
const MINIMAL_DISSOLVE: ReadonlySet<TraceNodeType> = new Set(['action', 'pipeline', 'table', 'output']);

/** The body of one form (no header line). */
export function formatTraceTree(root: readonly TraceNode[], form: TraceForm): string {
  const out: string[] = [];
  if (form === 'detailed') printDetails(out, root, 0);
  else if (form === 'summary') printSummary(out, prune(root, SUMMARY_DISSOLVE), 0);
  else printSummary(out, prune(root, MINIMAL_DISSOLVE), 0);
  return out.join('');
}

const TITLES: Record<TraceForm, string> = {
  detailed: '# Detailed trace.\n',
  summary: '# Summary trace.\n',
  minimal: '# Minimal trace.\n',
};

/**
 * Exactly what `ovn-trace` writes to stdout with these form options (one, several, or --all: then
 * each form under its own title, in ovn-trace's order).
 */
export function formatTrace(result: TraceResult, forms: TraceForm | readonly TraceForm[]): string {
  if (!result.ok) return result.aborted ? '' : `${result.error}\n`;
  const wanted = new Set(typeof forms === 'string' ? [forms] : forms);
  if (wanted.size === 0) wanted.add('detailed');
  let out = `# ${result.header}\n`;
  for (const form of ['detailed', 'summary', 'minimal'] as const) {
    if (!wanted.has(form)) continue;
    if (wanted.size > 1) out += TITLES[form];
    out += formatTraceTree(result.root, form);
  }
  return out;
}
