// A fixed, readable placement for the topology: logical switches in a row (in the order router links
// chain them), each switch's own ports below it and the VMs below those; routers above the row,
// between the switches they join, with the router links on the lines between; chassis along the
// bottom. Deterministic, so that a shared link looks the same for everyone.
import type { TopologyGraph, TopologyNode } from '../../worker/api.ts';

export interface Point {
  x: number;
  y: number;
}

const PORT_GAP = 150;
const SWITCH_GAP = 140;
const LINKED_SWITCH_GAP = 280;
const ROW = { router: -165, datapath: 0, port: 90, vm: 180, chassis: 275 };

export function layoutTopology(graph: TopologyGraph): Map<string, Point> {
  const positions = new Map<string, Point>();
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const datapathOf = (node: TopologyNode) =>
    node.kind === 'router-port' ? `lr:${node.datapath}` : `ls:${node.datapath}`;
  const patches: [TopologyNode, TopologyNode][] = [];
  const patched = new Set<string>();
  const neighbours = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const a = byId.get(edge.source);
    const b = byId.get(edge.target);
    if (edge.kind !== 'patch' || !a || !b) continue;
    patches.push([a, b]);
    patched.add(a.id).add(b.id);
    const from = datapathOf(a);
    const to = datapathOf(b);
    pushTo(neighbours, from, to);
    pushTo(neighbours, to, from);
  }

  const behind = new Map<string, string[]>();
  for (const edge of graph.edges)
    if (edge.kind === 'vif' || edge.kind === 'localnet') pushTo(behind, edge.source, edge.target);
  const ownPorts = new Map<string, TopologyNode[]>();
  for (const node of graph.nodes)
    if (node.kind === 'switch-port' && !patched.has(node.id)) pushTo(ownPorts, datapathOf(node), node);

  const switches = graph.nodes.filter((n) => n.kind === 'switch');
  const routers = graph.nodes.filter((n) => n.kind === 'router');
  const order = chainOrder([...switches, ...routers], neighbours).filter((id) => byId.get(id)?.kind === 'switch');
  const routerOf = (sw: string) => new Set((neighbours.get(sw) ?? []).filter((id) => id.startsWith('lr:')));

  let x = 0;
  let previous: string | undefined;
  for (const id of order) {
    if (previous) {
      const shared = [...routerOf(id)].some((r) => routerOf(previous as string).has(r));
      x += shared ? LINKED_SWITCH_GAP : SWITCH_GAP;
    }
    const own = ownPorts.get(id) ?? [];
    const width = Math.max(1, own.length) * PORT_GAP;
    positions.set(id, { x: x + width / 2, y: ROW.datapath });
    own.forEach((port, i) => {
      const px = x + PORT_GAP / 2 + i * PORT_GAP;
      positions.set(port.id, { x: px, y: ROW.port });
      for (const target of behind.get(port.id) ?? []) positions.set(target, { x: px, y: ROW.vm });
    });
    x += width;
    previous = id;
  }

  for (const router of routers) {
    const xs = (neighbours.get(router.id) ?? [])
      .map((id) => positions.get(id)?.x)
      .filter((v): v is number => v !== undefined);
    const rx = xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : (x += SWITCH_GAP + PORT_GAP);
    positions.set(router.id, { x: rx, y: ROW.router });
  }

  for (const [a, b] of patches) {
    const pa = positions.get(datapathOf(a));
    const pb = positions.get(datapathOf(b));
    if (!pa || !pb) continue;
    positions.set(a.id, along(pa, pb, 0.35));
    positions.set(b.id, along(pb, pa, 0.35));
  }

  placeChassis(graph, positions);
  for (const node of graph.nodes)
    if (!positions.has(node.id)) positions.set(node.id, { x: (x += PORT_GAP), y: ROW.port });
  return positions;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function along(from: Point, to: Point, share: number): Point {
  return { x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share };
}

/** Datapaths in the order their links chain them, each chain started from its first switch. */
function chainOrder(candidates: readonly TopologyNode[], neighbours: Map<string, string[]>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const start of candidates) {
    const queue = [start.id];
    while (queue.length > 0) {
      const id = queue.shift() as string;
      if (seen.has(id)) continue;
      seen.add(id);
      order.push(id);
      queue.push(...(neighbours.get(id) ?? []));
    }
  }
  return order;
}

/** Chassis sit under the middle of the VMs bound to them, spread apart so that none overlap. */
function placeChassis(graph: TopologyGraph, positions: Map<string, Point>) {
  const bound = new Map<string, number[]>();
  for (const edge of graph.edges)
    if (edge.kind === 'binding') pushTo(bound, edge.target, positions.get(edge.source)?.x ?? 0);
  const wanted: { id: string; x: number }[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== 'chassis') continue;
    const xs = bound.get(node.id) ?? [];
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
