// The stages the packet passed, pipeline by pipeline, with the flow matched at each.
import { useAppStore } from '../store/index.ts';
import { flattenHops } from '../topology/trace-path.ts';

export function TraceStages() {
  const result = useAppStore((s) => s.trace.result);
  const activeHops = useAppStore((s) => s.activeHops);
  const active = new Set(Object.values(activeHops));
  if (!result) return <p className="muted pad">Choose a packet and press Trace to see the stages it passes.</p>;
  if (!result.ok) return <p className="error pad">{result.error}</p>;
  return (
    <div className="trace-stages" data-testid="trace-stages">
      <code className="trace-header">{result.header}</code>
      {flattenHops(result.root).map((hop, i) => (
        <section
          key={i}
          className={`hop ${hop.pipeline} ${active.has(i) ? 'active' : ''}`}
          data-testid="trace-hop"
          ref={(el) => {
            if (el && active.has(i)) el.scrollIntoView({ block: 'nearest' });
          }}
        >
          <h3>
            {hop.pipeline}(dp=&quot;{hop.datapath}&quot;, inport=&quot;{hop.inport}&quot;
            {hop.outport ? `, outport="${hop.outport}"` : ''})
          </h3>
          {hop.flows.length > 0 && (
            <table className="flows">
              <thead>
                <tr>
                  <th>table</th>
                  <th>stage</th>
                  <th>priority</th>
                  <th className="match">match</th>
                  <th>actions</th>
                </tr>
              </thead>
              <tbody>
                {hop.flows.map((flow, j) => (
                  <tr key={j} data-testid="trace-flow" data-stage={flow.stage}>
                    <td className="num">{flow.table}</td>
                    <td className="stage" title={flow.source}>
                      {flow.stage}
                    </td>
                    <td className="num">{flow.priority}</td>
                    <td className="match">
                      <code>{flow.match}</code>
                    </td>
                    <td>
                      <code>{flow.actions}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {hop.output && (
            <p className="hop-end delivered">
              output to &quot;{hop.output.port}&quot;{hop.output.type ? `, type "${hop.output.type}"` : ''}
            </p>
          )}
          {hop.loopbackOmitted && (
            <p className="hop-end muted">not sent back to the input port (inport == outport, no flags.loopback)</p>
          )}
          {hop.drop && (
            <p className="hop-end dropped">
              dropped in {hop.drop.stage}: {hop.drop.reason}
            </p>
          )}
        </section>
      ))}
    </div>
  );
}
