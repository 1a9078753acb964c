// Why the packet was dropped here: the flows of the table that nearly matched, each with the first
// term of its match that failed, and at a port-security stage the addresses the port allows. The
// engine evaluates the terms; this only shows its answer.
import { useEffect, useState } from 'react';
import type { TraceEvent, WhyAnswer } from '../../worker/api.ts';
import { askWhy } from '../engine-actions.ts';
import { useAppStore } from '../store/index.ts';

export function WhyPanel({ event }: { event: TraceEvent }) {
  const result = useAppStore((s) => s.trace.result);
  const [answer, setAnswer] = useState<{ for: TraceEvent; why?: WhyAnswer }>();
  useEffect(() => {
    let live = true;
    void askWhy(event.index).then(
      (why) => live && setAnswer({ for: event, why }),
      () => live && setAnswer({ for: event }),
    );
    return () => {
      live = false;
    };
  }, [event, result]);
  const why = answer?.for === event ? answer.why : undefined;
  if (!why) return null;
  return (
    <div className="why" data-testid="why">
      <h4>
        Why dropped in {event.stage ?? `table ${why.table}`} ({why.pipeline} table {why.table} of {why.datapath})
      </h4>
      {why.portSecurity && (
        <p data-testid="why-port-security">
          Port security of <strong>{why.portSecurity.port}</strong> allows only:{' '}
          {why.portSecurity.allowed.length > 0
            ? why.portSecurity.allowed.map((a) => <code key={a}>{a}</code>)
            : 'nothing set'}
        </p>
      )}
      {why.misses.length > 0 ? (
        <>
          <p className="muted">Flows of this table that did not match, the nearest first:</p>
          <ol className="near-misses">
            {why.misses.map((miss) => (
              <li key={miss.uuid} data-testid="near-miss">
                <span className="muted">
                  priority {miss.priority}, {miss.held} of {miss.terms} terms held:
                </span>{' '}
                <code>{miss.match}</code>
                <div>
                  failed: <code className="failed">{miss.failed}</code>
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted">No other flow of this table could have matched.</p>
      )}
    </div>
  );
}
