// A packet for a load balancer's VIP traced without --ct: ovn-trace takes every ct state as est, so
// ct_lb picks no backend. Say so, and offer the trace of a new connection.
import { traceAsNewConnection } from '../engine-actions.ts';
import { useAppStore } from '../store/index.ts';

export function LbHint() {
  const hint = useAppStore((s) => (s.trace.result?.ok ? s.trace.result.lbHint : undefined));
  if (!hint) return null;
  return (
    <div className="lb-hint" data-testid="lb-hint">
      A load balancer in {hint.stage ?? `table ${hint.table}`} of {hint.datapath} (<code>{hint.actions}</code>) would
      take this packet as the start of a connection. Without <code>--ct</code>, ovn-trace takes every connection as
      established (ct_state est|trk), so it passed that flow by.{' '}
      <button onClick={() => void traceAsNewConnection()} data-testid="lb-hint-ct-new">
        Trace as a new connection (--ct=new)
      </button>
    </div>
  );
}
