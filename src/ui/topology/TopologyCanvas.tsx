// The Cytoscape canvas: draws the topology the worker returned and plays the latest trace on it.
import { useEffect, useMemo, useRef } from 'react';
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { TopologyGraph } from '../../worker/api.ts';
import { useAppStore } from '../store/index.ts';
import { clearPlayback, showScene } from './animate.ts';
import { layoutTopology } from './layout.ts';
import { themedStyle } from './style.ts';
import { eventPaths, sceneAt } from './trace-path.ts';
import { COLLAPSE_ABOVE, drawnGraph } from './collapse.ts';

const fullGraphSize = () => useAppStore.getState().load.result?.topology.nodes.length ?? 0;
import { eventDelay } from '../trace/playback.tsx';
import { download } from '../scene.ts';

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
  if (zoom < MIN_FIT_ZOOM || zoom > 1.3) {
    cy.zoom(Math.min(Math.max(zoom, MIN_FIT_ZOOM), 1.3));
    cy.center();
  } else cy.panBy({ x: 0, y: OUTCOME_STRIP / 2 });
}

const OUTCOME_STRIP = 28;
/** Below this zoom the 12 px labels would print under 10 px: better to pan than to squint. */
const MIN_FIT_ZOOM = 0.8;
const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');

export function TopologyCanvas() {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const fullGraph = useAppStore((s) => s.load.result?.topology);
  const expanded = useAppStore((s) => s.expanded);
  const graph = useMemo(() => (fullGraph ? drawnGraph(fullGraph, expanded) : undefined), [fullGraph, expanded]);
  const trace = useAppStore((s) => s.trace.result);
  const step = useAppStore((s) => s.step);
  const playing = useAppStore((s) => s.playing);
  const speed = useAppStore((s) => s.speed);
  const paths = useMemo(() => (graph && trace?.ok ? eventPaths(trace.events, graph) : []), [graph, trace]);
  const previousStep = useRef(-1);
  const selectNode = useAppStore((s) => s.selectNode);
  const elements = useMemo(() => (graph ? toElements(graph) : []), [graph]);

  useEffect(() => {
    if (!container.current) return;
    const cy = cytoscape({
      container: container.current,
      style: themedStyle(darkScheme.matches),
      layout: { name: 'preset' },
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
    });
    cy.on('tap', 'node', (event) => {
      const id: string = event.target.id();
      selectNode(id);
      const node = useAppStore.getState().load.result?.topology.nodes.find((n) => n.id === id);
      if (node?.kind === 'switch' && fullGraphSize() > COLLAPSE_ABOVE) useAppStore.getState().toggleExpanded(id);
    });
    cy.on('tap', (event) => {
      if (event.target === cy) selectNode(undefined);
    });
    cyRef.current = cy;
    const onScheme = () => cy.style(themedStyle(darkScheme.matches));
    darkScheme.addEventListener('change', onScheme);
    const observer = new ResizeObserver(() => {
      cy.resize();
      fitReadable(cy);
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      darkScheme.removeEventListener('change', onScheme);
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
    const host = container.current;
    if (!cy || !graph || !host) return;
    if (!trace || !trace.ok) {
      clearPlayback(cy);
      host.removeAttribute('data-playback');
      previousStep.current = -1;
      return;
    }
    const last = trace.events.length - 1;
    // Moving one event on (playing or stepping) walks the token; a jump just places it.
    const walk = step === previousStep.current + 1;
    previousStep.current = step;
    const moveMs = walk ? Math.min(eventDelay(trace.events, step, speed) * 0.8, 600) : 0;
    host.setAttribute('data-step', String(step));
    host.setAttribute('data-playback', playing ? 'playing' : 'moving');
    return showScene(cy, sceneAt(trace.events, paths, step), moveMs, () =>
      host.setAttribute('data-playback', useAppStore.getState().playing ? 'playing' : step >= last ? 'done' : 'paused'),
    );
  }, [step, trace, graph, paths, playing, speed]);

  const savePng = () => {
    const cy = cyRef.current;
    if (!cy) return;
    const bg = getComputedStyle(document.documentElement).getPropertyValue('--pane').trim() || '#ffffff';
    download('ovnviz-topology.png', cy.png({ output: 'blob', full: true, scale: 2, bg }));
  };

  return (
    <>
      <button className="canvas-png" onClick={savePng} data-testid="save-png" title="Save the canvas as a PNG image">
        PNG
      </button>
      <div
        ref={container}
        className="topology-canvas"
        data-testid="topology-canvas"
        data-node-count={graph?.nodes.length ?? 0}
        role="img"
        aria-label="Topology canvas: logical switches, routers, ports and VMs"
      />
    </>
  );
}
