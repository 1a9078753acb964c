// ovn-trace's three text forms of a trace tree (ovntrace_node_print_details, _prune_summary,
// _prune_hard, _print_summary in utilities/ovn-trace.c), reproduced byte for byte.
import type { TraceForm, TraceNode, TraceNodeType, TraceResult } from './types.ts';

/** Nodes ovn-trace always indents one step (its "terminal" kinds). */
function isLeafKind(type: TraceNodeType): boolean {
  return type === 'output' || type === 'modify' || type === 'action' || type === 'error';
}

// The walks below keep their place on an array, not on the call stack: a packet looping until its
// TTL runs out makes a tree thousands of levels deep.

function printDetails(out: string[], root: readonly TraceNode[], rootLevel: number): void {
  const stack = [{ nodes: root, level: rootLevel, i: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.i === frame.nodes.length) {
      stack.pop();
      continue;
    }
    const { nodes, level } = frame;
    const i = frame.i++;
    const sub = nodes[i];
    if (sub.type === 'modify') continue;
    // "Last" counts every sibling, hidden modify nodes included, as the C list walk does.
    const more = i !== nodes.length - 1 || sub.alwaysIndent === true || isLeafKind(sub.type) ? 1 : 0;
    const title = sub.type === 'pipeline' || sub.type === 'transformation';
    const indent = ' '.repeat((level + more) * 4);
    if (title) out.push('\n');
    out.push(`${indent}${sub.text}\n`);
    if (title) out.push(`${indent}${'-'.repeat(utf8Length(sub.text))}\n`);
    stack.push({ nodes: sub.subs, level: level + 2 * more, i: 0 });
  }
}

/** strlen() of the UTF-8 text: the underline is as long in bytes as the title. */
function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** The nodes of `nodes` with every node of a dissolved kind replaced by its children, recursively. */
function kept(nodes: readonly TraceNode[], dissolve: ReadonlySet<TraceNodeType>): TraceNode[] {
  const result: TraceNode[] = [];
  const stack = [{ nodes, i: 0 }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.i === frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.i++];
    if (dissolve.has(node.type)) stack.push({ nodes: node.subs, i: 0 });
    else result.push(node);
  }
  return result;
}

/** The summary and minimal forms: the tree without the dissolved kinds, in braces. */
function printSummary(out: string[], root: readonly TraceNode[], dissolve: ReadonlySet<TraceNodeType>): void {
  const stack = [{ nodes: kept(root, dissolve), level: 0, i: 0, close: '' }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.i === frame.nodes.length) {
      stack.pop();
      out.push(frame.close);
      continue;
    }
    const sub = frame.nodes[frame.i++];
    if (sub.type === 'action' && sub.text.startsWith('next(')) continue;
    const indent = ' '.repeat(frame.level * 4);
    const end = `${sub.type !== 'action' ? ';' : ''}\n`;
    out.push(indent + sub.text);
    const subs = kept(sub.subs, dissolve);
    if (subs.length > 0) {
      out.push(' {\n');
      stack.push({ nodes: subs, level: frame.level + 1, i: 0, close: `${indent}}${end}` });
    } else out.push(end);
  }
}

const SUMMARY_DISSOLVE: ReadonlySet<TraceNodeType> = new Set(['modify', 'table']);
const MINIMAL_DISSOLVE: ReadonlySet<TraceNodeType> = new Set(['action', 'pipeline', 'table', 'output']);

/** The body of one form (no header line). */
export function formatTraceTree(root: readonly TraceNode[], form: TraceForm): string {
  const out: string[] = [];
  if (form === 'detailed') printDetails(out, root, 0);
  else printSummary(out, root, form === 'summary' ? SUMMARY_DISSOLVE : MINIMAL_DISSOLVE);
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
