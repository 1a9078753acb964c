// Token routes across the canvas for delivered, flooded and dropped packets.
import { describe, expect, it } from 'vitest';
import type { TopologyGraph, TraceHop } from '../../worker/api.ts';
import { layoutTopology } from './layout.ts';
import { tokenRoutes } from './trace-path.ts';

const graph: TopologyGraph = {
  nodes: [
    { id: 'ls:ls1', kind: 'switch', name: 'ls1', caption: [] },
    ...['vm1', 'vm2', 'vm3'].flatMap((vm) => [
      { id: `lsp:${vm}`, kind: 'switch-port' as const, name: vm, caption: [], datapath: 'ls1' },
      { id: `vm:${vm}`, kind: 'vm' as const, name: vm, caption: [], datapath: 'ls1' },
    ]),
    { id: 'ch:hv1', kind: 'chassis', name: 'hv1', caption: [] },
  ],
  edges: [
    ...['vm1', 'vm2', 'vm3'].flatMap((vm) => [
      { id: `a${vm}`, kind: 'attach' as const, source: 'ls:ls1', target: `lsp:${vm}` },
      { id: `v${vm}`, kind: 'vif' as const, source: `lsp:${vm}`, target: `vm:${vm}` },
      { id: `b${vm}`, kind: 'binding' as const, source: `vm:${vm}`, target: 'ch:hv1' },
    ]),
  ],
};

const egress = (outport: string, end: Partial<TraceHop>): TraceHop => ({
  datapath: 'ls1',
  pipeline: 'egress',
  inport: 'vm1',
  outport,
  flows: [],
  children: [],
  ...end,
});

describe('tokenRoutes', () => {
  it('goes from the source VM through the switch to the output VM', () => {
    const root: TraceHop = {
      datapath: 'ls1',
      pipeline: 'ingress',
      inport: 'vm1',
      flows: [],
      children: [egress('vm2', { output: { port: 'vm2', type: '' } })],
    };
    expect(tokenRoutes(root, graph)).toEqual([
      {
        nodes: ['vm:vm1', 'lsp:vm1', 'ls:ls1', 'lsp:vm2', 'vm:vm2'],
        hops: [0, 0, 0, 1, 1],
        end: 'output',
        label: 'vm2',
      },
    ]);
  });

  it('fans out for a flood and stops at the stage that drops', () => {
    const root: TraceHop = {
      datapath: 'ls1',
      pipeline: 'ingress',
      inport: 'vm1',
      flows: [],
      children: [
        egress('vm2', { output: { port: 'vm2', type: '' } }),
        egress('vm3', { drop: { stage: 'ls_out_apply_port_sec', table: 9, reason: 'drop' } }),
      ],
    };
    const routes = tokenRoutes(root, graph);
    expect(routes.map((r) => [r.end, r.nodes[r.nodes.length - 1]])).toEqual([
      ['output', 'vm:vm2'],
      ['drop', 'ls:ls1'],
    ]);
  });

  it('stops at the switch when ingress drops', () => {
    const root: TraceHop = {
      datapath: 'ls1',
      pipeline: 'ingress',
      inport: 'vm1',
      flows: [],
      children: [],
      drop: { stage: 'ls_in_apply_port_sec', table: 1, reason: 'drop' },
    };
    expect(tokenRoutes(root, graph)).toEqual([
      { nodes: ['vm:vm1', 'lsp:vm1', 'ls:ls1'], hops: [0, 0, 0], end: 'drop', label: 'ls_in_apply_port_sec' },
    ]);
  });
});

describe('layoutTopology', () => {
  it('places every node, and no two at the same spot', () => {
    const positions = layoutTopology(graph);
    expect([...positions.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const spots = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(graph.nodes.length);
  });
});

describe('tokenRoutes and multicast copies', () => {
  it('sends no token back to the input port', () => {
    const root: TraceHop = {
      datapath: 'ls1',
      pipeline: 'ingress',
      inport: 'vm1',
      flows: [],
      children: [egress('vm1', { loopbackOmitted: true }), egress('vm3', { output: { port: 'vm3', type: '' } })],
    };
    expect(tokenRoutes(root, graph).map((r) => r.label)).toEqual(['vm3']);
  });
});

describe('layoutTopology with routers', () => {
  const node = (id: string, kind: TopologyGraph['nodes'][number]['kind'], datapath?: string) => ({
    id,
    kind,
    name: id.slice(id.indexOf(':') + 1),
    caption: [],
    ...(datapath ? { datapath } : {}),
  });
  const routed: TopologyGraph = {
    nodes: [
      node('lr:r1', 'router'),
      node('lrp:r1-a', 'router-port', 'r1'),
      node('lrp:r1-b', 'router-port', 'r1'),
      node('ls:a', 'switch'),
      node('lsp:a-r1', 'switch-port', 'a'),
      node('lsp:a-vm', 'switch-port', 'a'),
      node('ls:b', 'switch'),
      node('lsp:b-r1', 'switch-port', 'b'),
    ],
    edges: [
      { id: 'p1', kind: 'patch', source: 'lsp:a-r1', target: 'lrp:r1-a' },
      { id: 'p2', kind: 'patch', source: 'lsp:b-r1', target: 'lrp:r1-b' },
    ],
  };

  it('puts switches in a row and the router above, between them', () => {
    const at = layoutTopology(routed);
    const a = at.get('ls:a');
    const b = at.get('ls:b');
    const r = at.get('lr:r1');
    if (!a || !b || !r) throw new Error('unplaced');
    expect(a.y).toBe(b.y);
    expect(r.y).toBeLessThan(a.y);
    expect(r.x).toBeGreaterThan(a.x);
    expect(r.x).toBeLessThan(b.x);
    const spots = new Set([...at.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(spots.size).toBe(routed.nodes.length);
  });
});
