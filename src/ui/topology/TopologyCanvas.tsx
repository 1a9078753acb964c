// The Cytoscape canvas: draws the topology the worker returned and plays the latest trace on it.
import { useEffect, useMemo, useRef } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { TopologyGraph } from '../../worker/api.ts';
import { useAppStore } from '../store/index.ts';
import { clearPlayback, playRoutes } from './animate.ts';
import { layoutTopology } from './layout.ts';
import { topologyStyle } from './style.ts';
import { tokenRoutes } from './trace-path.ts';

function toElements(graph: TopologyGraph): ElementDefinition[] {
  const positions = layoutTopology(graph);
  const nodes: ElementDefinition[] = graph.nodes.map((node) => ({
    group: 'nodes',
    data: {
      id: node.id,
      kind: node.kind,
      label: [node.name, ...node.caption.filter((c) => c !== 'port security')].join('\n'),
      secured: node.caption.includes('port security'),
    },
    position: positions.get(node.id) ?? { x: 0, y: 0 },
  }));
  const edges: ElementDefinition[] = graph.edges.map((edge) => ({
    group: 'edges',
    data: { id: edge.id, source: edge.source, target: edge.target, kind: edge.kind },
  }));
  return [...nodes, ...edges];
}

/** Fits the graph in view, but never so small that labels become unreadable nor blown up; a strip
 * at the top is left free for the trace outcome. */
function fitReadable(cy: Core) {
  if (cy.elements().empty()) return;
  cy.fit(undefined, 64);
  const zoom = cy.zoom();
  if (zoom < 0.6 || zoom > 1.3) {
    cy.zoom(Math.min(Math.max(zoom, 0.6), 1.3));
    cy.center();
  } else cy.panBy({ x: 0, y: OUTCOME_STRIP / 2 });
}

const OUTCOME_STRIP = 28;

export function TopologyCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const graph = useAppStore((s) => s.load.result?.topology);
  const trace = useAppStore((s) => s.trace.result);
  const playId = useAppStore((s) => s.playId);
  const selectNode = useAppStore((s) => s.selectNode);
  const elements = useMemo(() => (graph ? toElements(graph) : []), [graph]);

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: topologyStyle,
      layout: { name: 'preset' },
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (event) => selectNode(event.target.id()));
    cy.on('tap', (event) => {
      if (event.target === cy) selectNode(undefined);
    });
    cyRef.current = cy;
    const observer = new ResizeObserver(() => {
      cy.resize();
      fitReadable(cy);
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
  }, [selectNode]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements().remove();
    cy.add(elements);
    fitReadable(cy);
  }, [elements]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || !graph) return;
    if (!trace || !trace.ok) {
      clearPlayback(cy);
      return;
    }
    const routes = tokenRoutes(trace.root, graph);
    const host = container.current;
    host?.setAttribute('data-playback', 'playing');
    const { tokenInHop } = useAppStore.getState();
    return playRoutes(cy, routes, () => host?.setAttribute('data-playback', 'done'), tokenInHop);
  }, [playId, trace, graph]);

  return (
    <div
      ref={container}
      className="topology-canvas"
      data-testid="topology-canvas"
      data-node-count={graph?.nodes.length ?? 0}
      role="img"
      aria-label="Topology canvas: logical switches, routers, ports and VMs"
    />
  );
}
