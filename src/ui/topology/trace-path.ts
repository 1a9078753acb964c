// Turns a trace tree into the routes a token takes across the canvas: one route per branch, from the
// source VM through ports and datapaths to the port it leaves by (or to where it is dropped).
import { nodeId } from '../../engine/scenario/topology.ts';
import type { TopologyGraph, TraceHop } from '../../worker/api.ts';

export interface TokenRoute {
  nodes: string[];
  /** For each node, the hop (index in flattenHops order) the packet is in when it gets there. */
  hops: number[];
  end: 'output' | 'drop' | 'stop';
  /** The port the packet leaves by, or the stage that dropped it. */
  label: string;
}

export function tokenRoutes(root: TraceHop, graph: TopologyGraph): TokenRoute[] {
  const known = new Set(graph.nodes.map((n) => n.id));
  const portNode = (name: string) =>
    known.has(nodeId.switchPort(name)) ? nodeId.switchPort(name) : nodeId.routerPort(name);
  const datapathNode = (name: string) => (known.has(nodeId.switch(name)) ? nodeId.switch(name) : nodeId.router(name));
  const leaving = (port: string): string | undefined => {
    const edge = graph.edges.find((e) => e.source === portNode(port) && (e.kind === 'vif' || e.kind === 'localnet'));
    return edge?.target;
  };
  const routes: TokenRoute[] = [];
  const hopIndex = new Map(flattenHops(root).map((hop, i) => [hop, i]));

  const walk = (hop: TraceHop, beforeNodes: string[], beforeHops: number[]) => {
    if (hop.loopbackOmitted) return;
    const nodes = [...beforeNodes];
    const hops = [...beforeHops];
    const here = hopIndex.get(hop) ?? 0;
    const add = (id: string | undefined) => {
      if (id && known.has(id) && nodes[nodes.length - 1] !== id) {
        nodes.push(id);
        hops.push(here);
      }
    };
    if (hop.pipeline === 'ingress') {
      add(portNode(hop.inport));
      add(datapathNode(hop.datapath));
    } else if (hop.outport) {
      add(datapathNode(hop.datapath));
      // The egress pipeline runs before the packet reaches its output port: a drop there stays in the datapath.
      if (!hop.drop) add(portNode(hop.outport));
    }
    if (hop.drop) routes.push({ nodes: [...nodes], hops: [...hops], end: 'drop', label: hop.drop.stage });
    if (hop.output) {
      add(leaving(hop.output.port));
      routes.push({ nodes: [...nodes], hops: [...hops], end: 'output', label: hop.output.port });
    }
    for (const child of hop.children) walk(child, nodes, hops);
    if (!hop.drop && !hop.output && hop.children.length === 0)
      routes.push({ nodes: [...nodes], hops: [...hops], end: 'stop', label: hop.datapath });
  };

  const start =
    root.pipeline === 'ingress'
      ? graph.edges.find((e) => e.kind === 'vif' && e.source === portNode(root.inport))
      : undefined;
  walk(root, start ? [start.target] : [], start ? [0] : []);
  return routes;
}

/** Every hop of the tree, depth first, in the order ovn-trace prints them. */
export function flattenHops(root: TraceHop): TraceHop[] {
  const hops: TraceHop[] = [];
  const walk = (hop: TraceHop) => {
    hops.push(hop);
    hop.children.forEach(walk);
  };
  walk(root);
  return hops;
}
