// Where the trace's events are on the canvas at one step of the simulation: the node each copy of the
// packet is at, the path it has lit so far, and how the copies that ended, ended. The engine gives
// each event its places; this only maps them to canvas nodes, adding the VM or network beyond a port.
import { nodeId } from '../../engine/scenario/topology.ts';
import type { TopologyGraph, TraceEvent, TraceLocation } from '../../worker/api.ts';

export interface Token {
  copy: number;
  /** The canvas node the copy is at. */
  node: string;
  end?: 'delivered' | 'dropped' | 'stopped';
  label?: string;
  /** Set on the token of the event shown: the nodes it passes in that event, from where it was. */
  moving?: string[];
}

export interface CanvasScene {
  tokens: Token[];
  nodes: Set<string>;
  /** Consecutive node pairs the packet crossed. */
  edges: [string, string][];
}

export function locationNode(loc: TraceLocation): string {
  if (loc.kind === 'switch') return nodeId.switch(loc.name);
  if (loc.kind === 'router') return nodeId.router(loc.name);
  if (loc.kind === 'switch-port') return nodeId.switchPort(loc.name);
  return nodeId.routerPort(loc.name);
}

/** For each event, the canvas nodes it passes (only those drawn). */
export function eventPaths(events: readonly TraceEvent[], graph: TopologyGraph): string[][] {
  const known = new Set(graph.nodes.map((n) => n.id));
  const beyond = (port: string) =>
    graph.edges.find((e) => e.source === port && (e.kind === 'vif' || e.kind === 'localnet'))?.target;
  return events.map((event) => {
    const path = event.at.map(locationNode).filter((id) => known.has(id));
    const first = path[0];
    if (event.parent === undefined && first) {
      const vm = beyond(first);
      if (vm) path.unshift(vm);
    }
    const last = path[path.length - 1];
    if (event.kind === 'output' && last) {
      const out = beyond(last);
      if (out) path.push(out);
    }
    return path;
  });
}

const END: Partial<Record<TraceEvent['kind'], Token['end']>> = {
  output: 'delivered',
  drop: 'dropped',
  error: 'dropped',
  controller: 'stopped',
};

/** The canvas at event `step`: every copy's token at its latest event so far, and the lit path. */
export function sceneAt(events: readonly TraceEvent[], paths: readonly string[][], step: number): CanvasScene {
  const lastNode: string[] = [];
  const latest = new Map<number, number>();
  const nodes = new Set<string>();
  const edges: [string, string][] = [];
  for (let i = 0; i <= step && i < events.length; i++) {
    const event = events[i];
    const from = event.parent === undefined ? undefined : lastNode[event.parent];
    const path = paths[i];
    let previous = from;
    for (const id of path) {
      nodes.add(id);
      if (previous && previous !== id) edges.push([previous, id]);
      previous = id;
    }
    lastNode[i] = previous ?? '';
    latest.set(event.copy, i);
  }
  const tokens: Token[] = [];
  for (const [copy, index] of latest) {
    const event = events[index];
    if (event.kind === 'loopback' || !lastNode[index]) continue;
    const token: Token = { copy, node: lastNode[index] };
    const end = END[event.kind];
    if (end) {
      token.end = end;
      token.label = endLabel(event);
    }
    if (index === step) {
      const from = event.parent === undefined ? undefined : lastNode[event.parent];
      token.moving = [...(from ? [from] : []), ...paths[index]].filter((id, i, all) => i === 0 || all[i - 1] !== id);
    }
    tokens.push(token);
  }
  return { tokens, nodes, edges };
}

/** The port a copy left by, or the stage that dropped it. */
function endLabel(event: TraceEvent): string {
  const fate = event.fate;
  if (!fate) return '';
  if (fate.kind === 'output') return fate.port;
  if (fate.kind === 'dropped' || fate.kind === 'controller') return fate.stage ?? `table ${fate.table}`;
  return fate.kind === 'error' ? fate.message : '';
}
