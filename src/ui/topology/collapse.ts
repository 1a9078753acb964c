// Big scenes are drawn with each switch as one node ("ls7 · 20 ports") until the person expands it:
// a switch's VM ports and their VMs are left out, its router ports (the links) stay. Small scenes are
// drawn whole.
import type { TopologyGraph } from '../../worker/api.ts';

/** Above this many nodes, switches start collapsed. */
export const COLLAPSE_ABOVE = 600;

export function drawnGraph(graph: TopologyGraph, expanded: ReadonlySet<string>): TopologyGraph {
  if (graph.nodes.length <= COLLAPSE_ABOVE) return graph;
  const hidden = new Set<string>();
  const counts = new Map<string, number>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const edge of graph.edges) {
    if (edge.kind !== 'attach') continue;
    const owner = byId.get(edge.source);
    const port = byId.get(edge.target);
    if (owner?.kind !== 'switch' || port?.kind !== 'switch-port' || expanded.has(owner.id)) continue;
    const linked = graph.edges.some((e) => e.kind === 'patch' && (e.source === port.id || e.target === port.id));
    if (linked) continue;
    hidden.add(port.id);
    counts.set(owner.id, (counts.get(owner.id) ?? 0) + 1);
  }
  for (const edge of graph.edges) if (edge.kind === 'vif' && hidden.has(edge.source)) hidden.add(edge.target);
  const edges = graph.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
  const used = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = graph.nodes
    .filter((n) => !hidden.has(n.id) && (n.kind !== 'chassis' || used.has(n.id)))
    .map((n) =>
      counts.has(n.id) ? { ...n, caption: [...n.caption, `${counts.get(n.id)} ports (tap to expand)`] } : n,
    );
  return { nodes, edges };
}
