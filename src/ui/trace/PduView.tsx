// The packet at one event, header by header (Packet Tracer's PDU view): each layer's fields as the
// event found them, and what the event changed shown as before → after.
import type { PduChange, PduLayer, TraceEvent } from '../../worker/api.ts';

interface Row {
  name: string;
  value: string;
  change?: PduChange;
}

/** The event's layers with its changes folded in; a layer or field the event adds is listed too. */
function rows(layers: readonly PduLayer[], changes: readonly PduChange[]): { name: string; rows: Row[] }[] {
  const out = layers.map((layer) => ({
    name: layer.name as string,
    rows: layer.fields.map((f): Row => {
      const change = changes.find((c) => c.layer === layer.name && c.field === f.name);
      return change ? { ...f, change } : { ...f };
    }),
  }));
  for (const change of changes) {
    let layer = out.find((l) => l.name === change.layer);
    if (!layer) {
      layer = { name: change.layer, rows: [] };
      out.push(layer);
    }
    if (!layer.rows.some((r) => r.name === change.field))
      layer.rows.push({ name: change.field, value: change.before, change });
  }
  return out;
}

export function PduView({ event }: { event: TraceEvent }) {
  const layers = rows(event.packet, event.changes);
  return (
    <div className="pdu" data-testid="pdu" aria-label="Packet at this event">
      <h4>
        Packet at event {event.index + 1}
        {event.changes.length > 0
          ? `: ${event.changes.length} field${event.changes.length > 1 ? 's' : ''} changed`
          : ''}
      </h4>
      {event.flow && (
        <p className="pdu-flow">
          <code>{event.flow.actions}</code>
        </p>
      )}
      {layers.map((layer) => (
        <section key={layer.name} className="pdu-layer" data-layer={layer.name}>
          <h5>{layer.name}</h5>
          <dl>
            {layer.rows.map((row) => (
              <div key={row.name} className={row.change ? 'changed' : ''} data-field={row.name}>
                <dt>{row.name}</dt>
                <dd>
                  {row.change ? (
                    <>
                      <span className="before">{row.change.before || '—'}</span>
                      {' → '}
                      <span className="after" data-testid="pdu-after">
                        {row.change.after || '(cleared)'}
                      </span>
                    </>
                  ) : (
                    row.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
