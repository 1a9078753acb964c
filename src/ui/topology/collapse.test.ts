// Collapsing switches of big scenes: VM ports and VMs hidden, router links kept, small scenes whole.
import { describe, expect, it } from 'vitest';
import type { TopologyGraph } from '../../worker/api.ts';
import { COLLAPSE_ABOVE, drawnGraph } from './collapse.ts';

function scene(switches: number, ports: number): TopologyGraph {
  const graph: TopologyGraph = { nodes: [{ id: 'lr:lr0', kind: 'router', name: 'lr0', caption: [] }], edges: [] };
  for (let i = 0; i < switches; i++) {
    const ls = `ls${i}`;
    graph.nodes.push({ id: `ls:${ls}`, kind: 'switch', name: ls, caption: [] });
    graph.nodes.push({ id: `lsp:${ls}-lr0`, kind: 'switch-port', name: `${ls}-lr0`, caption: [], datapath: ls });
    graph.nodes.push({ id: `lrp:lr0-${ls}`, kind: 'router-port', name: `lr0-${ls}`, caption: [], datapath: 'lr0' });
    graph.edges.push({ id: `a${i}`, kind: 'attach', source: `ls:${ls}`, target: `lsp:${ls}-lr0` });
    graph.edges.push({ id: `p${i}`, kind: 'patch', source: `lsp:${ls}-lr0`, target: `lrp:lr0-${ls}` });
    for (let j = 0; j < ports; j++) {
      const port = `${ls}-p${j}`;
      graph.nodes.push({ id: `lsp:${port}`, kind: 'switch-port', name: port, caption: [], datapath: ls });
      graph.nodes.push({ id: `vm:${port}`, kind: 'vm', name: port, caption: [], datapath: ls });
      graph.edges.push({ id: `a${port}`, kind: 'attach', source: `ls:${ls}`, target: `lsp:${port}` });
      graph.edges.push({ id: `v${port}`, kind: 'vif', source: `lsp:${port}`, target: `vm:${port}` });
    }
  }
  return graph;
}

describe('drawnGraph', () => {
  it('draws a small scene whole', () => {
    const small = scene(2, 3);
    expect(small.nodes.length).toBeLessThan(COLLAPSE_ABOVE);
    expect(drawnGraph(small, new Set())).toBe(small);
  });

  it('collapses every switch of a big scene to one node, keeping the router links', () => {
    const big = drawnGraph(scene(200, 20), new Set());
    expect(big.nodes.filter((n) => n.kind === 'vm')).toEqual([]);
    expect(big.nodes.filter((n) => n.kind === 'switch-port')).toHaveLength(200);
    expect(big.edges.filter((e) => e.kind === 'patch')).toHaveLength(200);
    expect(big.nodes.find((n) => n.id === 'ls:ls7')?.caption).toEqual(['20 ports (tap to expand)']);
  });

  it('draws an expanded switch with its ports and VMs', () => {
    const big = drawnGraph(scene(200, 20), new Set(['ls:ls7']));
    expect(big.nodes.filter((n) => n.kind === 'vm' && n.datapath === 'ls7')).toHaveLength(20);
    expect(big.nodes.filter((n) => n.kind === 'vm')).toHaveLength(20);
  });
});
