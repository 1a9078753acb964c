// Flows added and removed by the last change of the script, grouped by datapath and stage.
import { useAppStore } from '../store/index.ts';

export function LflowChanges() {
  const diff = useAppStore((s) => s.load.result?.diff);
  if (!diff)
    return <p className="muted pad">Edit the script to see which logical flows your change adds and removes.</p>;
  if (diff.groups.length === 0) return <p className="muted pad">The last change added and removed no logical flow.</p>;
  return (
    <div className="lflow-changes" data-testid="lflow-changes">
      {diff.groups.map((group) => (
        <section key={`${group.datapath}/${group.pipeline}/${group.table}`}>
          <h3>
            {group.datapath} {group.pipeline} table {group.table} ({group.stage})
          </h3>
          <pre>
            {group.removed.map((flow, i) => (
              <span key={`r${i}`} className="removed">
                {'- ' + flow.line.trimStart() + '\n'}
              </span>
            ))}
            {group.added.map((flow, i) => (
              <span key={`a${i}`} className="added">
                {'+ ' + flow.line.trimStart() + '\n'}
              </span>
            ))}
          </pre>
        </section>
      ))}
    </div>
  );
}
