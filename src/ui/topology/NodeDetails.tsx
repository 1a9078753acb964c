// A card for the node selected on the canvas: what it is, its addresses, and for a VM's port,
// buttons that make it the packet's source or destination.
import { editPacket } from '../engine-actions.ts';
import { useAppStore } from '../store/index.ts';

export function NodeDetails() {
  const selected = useAppStore((s) => s.selectedNode);
  const graph = useAppStore((s) => s.load.result?.topology);
  const ports = useAppStore((s) => s.load.result?.ports);
  const senders = useAppStore((s) => s.load.result?.senders ?? noSenders);
  const node = graph?.nodes.find((n) => n.id === selected);
  if (!node) return null;
  const portName =
    node.kind === 'vm' || node.kind === 'switch-port' ? node.id.slice(node.id.indexOf(':') + 1) : undefined;
  const port = ports?.find((p) => p.name === portName);
  return (
    <div className="node-details" data-testid="node-details">
      <strong>{node.name}</strong> <span className="muted">{node.kind.replace('-', ' ')}</span>
      {port && (
        <dl>
          <dt>port</dt>
          <dd>
            {port.name} on {port.datapath}
            {port.type ? ` (type ${port.type})` : ''}
          </dd>
          {port.macs.length > 0 && (
            <>
              <dt>addresses</dt>
              <dd>{[...port.macs, ...port.ips].join(' ')}</dd>
            </>
          )}
          {port.unknown && (
            <>
              <dt>unknown</dt>
              <dd>receives frames for unknown MACs</dd>
            </>
          )}
          {port.portSecurity.length > 0 && (
            <>
              <dt>port security</dt>
              <dd>{port.portSecurity.join(', ')}</dd>
            </>
          )}
          {port.chassis && (
            <>
              <dt>chassis</dt>
              <dd>{port.chassis}</dd>
            </>
          )}
        </dl>
      )}
      {!port && node.caption.length > 0 && <div className="muted">{node.caption.join(' · ')}</div>}
      {port && (
        <div className="node-actions">
          {senders.includes(port.name) && (
            <button onClick={() => void editPacket({ src: port.name })}>Send from here</button>
          )}
          <button onClick={() => void editPacket({ dst: port.name })}>Send to here</button>
        </div>
      )}
    </div>
  );
}

const noSenders: string[] = [];
