// A packet for a load balancer's VIP traced without --ct: ovn-trace takes every ct state as est, so
// ct_lb picks no backend. Say so, and offer the trace of a new connection.
import { traceAsNewConnection } from '../engine-actions.ts';
import { useAppStore } from '../store/index.ts';

export function LbHint() {
  const hint = useAppStore((s) => (s.trace.result?.ok ? s.trace.result.lbHint : undefined));
  if (!hint) return null;
  return (
    <div className="lb-hint" data-testid="lb-hint">
      {hint.vip} is load balancer {hint.lb}’s VIP. Without <code>--ct</code>, ovn-trace takes this packet as part of an
      established connection (ct_state est|trk), so the load balancer picks no backend.{' '}
      <button onClick={() => void traceAsNewConnection()} data-testid="lb-hint-ct-new">
        Trace as a new connection (--ct=new)
      </button>
    </div>
  );
}
