// An accessible list mirroring the canvas, for screen readers and tests: every node with its kind.
import { useAppStore } from '../store/index.ts';

const kindNames: Record<string, string> = {
  switch: 'logical switch',
  router: 'logical router',
  'switch-port': 'switch port',
  'router-port': 'router port',
  vm: 'VM',
  network: 'physical network',
  chassis: 'chassis',
};

export function TopologyList() {
  const graph = useAppStore((s) => s.load.result?.topology);
  if (!graph) return null;
  return (
    <ul className="visually-hidden" aria-label="Topology nodes" data-testid="topology-nodes">
      {graph.nodes.map((node) => (
        <li key={node.id} data-node-id={node.id} data-kind={node.kind}>
          {kindNames[node.kind]} {node.name}
        </li>
      ))}
    </ul>
  );
}
