// A fixed, readable placement for the topology: datapaths in a row, in the order router links chain
// them; each switch's own ports below it and the VMs below those; router links on the row between the
// two datapaths they join; chassis along the bottom. Deterministic, so a shared link looks the same.
import type { TopologyGraph, TopologyNode } from '../../worker/api.ts';

export interface Point {
  x: number;
  y: number;
}

const PORT_GAP = 150;
const LINK_GAP = 230;
const ROW = { datapath: 0, port: 90, vm: 185, chassis: 290 };

export function layoutTopology(graph: TopologyGraph): Map<string, Point> {
  const positions = new Map<string, Point>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const datapathOf = (node: TopologyNode) =>
    node.kind === 'router-port' ? `lr:${node.datapath}` : `ls:${node.datapath}`;
  const portsOf = new Map<string, TopologyNode[]>();
  for (const node of graph.nodes) {
    if (node.kind !== 'switch-port' && node.kind !== 'router-port') continue;
    const list = portsOf.get(datapathOf(node)) ?? [];
    list.push(node);
    portsOf.set(datapathOf(node), list);
  }
  const patched = new Set<string>();
  const neighbours = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'patch') continue;
    patched.add(edge.source);
    patched.add(edge.target);
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (!a || !b) continue;
    const from = datapathOf(a);
    const to = datapathOf(b);
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
    neighbours.set(to, [...(neighbours.get(to) ?? []), from]);
  }

  const order: string[] = [];
  const seen = new Set<string>();
  for (const node of graph.nodes.filter((n) => n.kind === 'switch' || n.kind === 'router')) {
    const queue = [node.id];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (seen.has(id) || !byId.has(id)) continue;
      seen.add(id);
      order.push(id);
      queue.push(...(neighbours.get(id) ?? []));
    }
  }

  let x = 0;
  for (const id of order) {
    const own = (portsOf.get(id) ?? []).filter((p) => !patched.has(p.id));
    const width = Math.max(1, own.length) * PORT_GAP;
    const centre = x + width / 2;
    positions.set(id, { x: centre, y: ROW.datapath });
    own.forEach((port, i) => {
      const px = x + PORT_GAP / 2 + i * PORT_GAP;
      positions.set(port.id, { x: px, y: ROW.port });
      for (const edge of graph.edges)
        if (edge.source === port.id && (edge.kind === 'vif' || edge.kind === 'localnet'))
          positions.set(edge.target, { x: px, y: ROW.vm });
    });
    x += width + LINK_GAP;
  }

  for (const edge of graph.edges) {
    if (edge.kind !== 'patch') continue;
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    const pa = a && positions.get(datapathOf(a));
    const pb = b && positions.get(datapathOf(b));
    if (!a || !b || !pa || !pb) continue;
    const stagger = (pb.x - pa.x) / 3;
    positions.set(a.id, { x: pa.x + stagger, y: ROW.datapath });
    positions.set(b.id, { x: pb.x - stagger, y: ROW.datapath });
  }

  placeChassis(graph, positions);
  for (const node of graph.nodes)
    if (!positions.has(node.id)) positions.set(node.id, { x: (x += PORT_GAP), y: ROW.port });
  return positions;
}

/** Chassis sit under the middle of the VMs bound to them, spread apart so that none overlap. */
function placeChassis(graph: TopologyGraph, positions: Map<string, Point>) {
  const wanted: { id: string; x: number }[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'chassis') continue;
    const xs = graph.edges
      .filter((e) => e.kind === 'binding' && e.target === node.id)
      .map((e) => positions.get(e.source)?.x ?? 0);
    wanted.push({ id: node.id, x: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0 });
  }
  wanted.sort((a, b) => a.x - b.x);
  let last = -Infinity;
  for (const item of wanted) {
    const cx = Math.max(item.x, last + 170);
    positions.set(item.id, { x: cx, y: ROW.chassis });
    last = cx;
  }
}
