// One line over the canvas saying where the traced packet went, or why tracing failed.
import { useAppStore } from '../store/index.ts';
import { traceOutcome } from './outcome.ts';

export function TraceOutcomeBar() {
  const trace = useAppStore((s) => s.trace);
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
  const outcome = traceOutcome(trace.result.root);
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
