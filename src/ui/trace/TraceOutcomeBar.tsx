// One line over the canvas: while the simulation runs, nothing that gives the end away; at the last
// event, where the traced packet went (or why tracing failed).
import { useAppStore } from '../store/index.ts';

export function TraceOutcomeBar() {
  const trace = useAppStore((s) => s.trace);
  const step = useAppStore((s) => s.step);
  if (trace.status === 'idle') return null;
  if (trace.status === 'tracing') return <div className="outcome muted">Tracing…</div>;
  if (trace.status === 'error' || !trace.result)
    return (
      <div className="outcome error" data-testid="trace-error">
        {trace.error}
      </div>
    );
  if (!trace.result.ok)
    return (
      <div className="outcome error" data-testid="trace-error">
        {trace.result.error}
      </div>
    );
  const { events, outcome } = trace.result;
  if (step < events.length - 1)
    return (
      <div className="outcome muted" data-testid="trace-progress">
        Event {step + 1} of {events.length} — step on to see where the packet goes.
      </div>
    );
  const kind = outcome.outputs.length > 0 ? 'delivered' : outcome.drops.length > 0 ? 'dropped' : 'nowhere';
  return (
    <div
      className={`outcome ${kind}`}
      data-testid="trace-outcome"
      data-outputs={outcome.outputs.join(' ')}
      data-dropped={outcome.drops.length > 0 ? outcome.drops.map((d) => d.stage).join(' ') : undefined}
    >
      {outcome.sentence}
    </div>
  );
}
