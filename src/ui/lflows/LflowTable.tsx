// Logical flows of one datapath, stage by stage (stage names and order from the shared stage table).
import { useMemo, useState } from 'react';
import type { StageFlows } from '../../worker/api.ts';
import { useAppStore } from '../store/index.ts';
import { FlowCells } from './FlowCells.tsx';

export function LflowTable() {
  const datapaths = useAppStore((s) => s.load.result?.datapaths ?? noDatapaths);
  const chosen = useAppStore((s) => s.lflowDatapath);
  const choose = useAppStore((s) => s.setLflowDatapath);
  const [filter, setFilter] = useState('');
  const trace = useAppStore((s) => s.trace.result);
  const hit = useMemo(
    () => new Set(trace?.ok ? trace.events.flatMap((e) => (e.flow ? [e.flow.uuid] : [])) : []),
    [trace],
  );
  if (datapaths.length === 0) return <p className="muted pad">No logical flows (see the messages under the script).</p>;
  const dp = datapaths.find((d) => d.name === chosen) ?? datapaths[0];
  const total = dp.ingress.concat(dp.egress).reduce((n, s) => n + s.flows.length, 0);
  return (
    <div className="lflows" data-testid="lflows">
      <div className="lflow-bar">
        <label>
          Datapath{' '}
          <select value={dp.name} onChange={(e) => choose(e.target.value)} data-testid="lflow-datapath">
            {datapaths.map((d) => (
              <option key={d.name} value={d.name}>
                {d.name} ({d.kind})
              </option>
            ))}
          </select>
        </label>
        <input placeholder="filter match/actions…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        <span className="muted">{total} flows</span>
      </div>
      {total === 0 && dp.kind === 'router' && (
        <p className="warning">Our northd computes no flows for logical routers yet; real ovn-northd does.</p>
      )}
      <Pipeline title="ingress" stages={dp.ingress} filter={filter} hit={hit} />
      <Pipeline title="egress" stages={dp.egress} filter={filter} hit={hit} />
    </div>
  );
}

function Pipeline({
  title,
  stages,
  filter,
  hit,
}: {
  title: string;
  stages: StageFlows[];
  filter: string;
  hit: ReadonlySet<string>;
}) {
  const needle = filter.trim();
  return (
    <table className="flows">
      <caption>{title} pipeline</caption>
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
        {stages.map((stage) => {
          const flows = needle
            ? stage.flows.filter((f) => f.match.includes(needle) || f.actions.includes(needle))
            : stage.flows;
          if (needle && flows.length === 0) return null;
          if (flows.length === 0)
            return (
              <tr key={stage.table} className="empty-stage">
                <td className="num">{stage.table}</td>
                <td className="stage">{stage.stage}</td>
                <td colSpan={3} className="muted">
                  no flows
                </td>
              </tr>
            );
          return flows.map((flow, i) => (
            <tr
              key={`${stage.table}-${i}`}
              className={`${i === 0 ? 'stage-first' : ''} ${hit.has(flow.uuid) ? 'hit' : ''}`}
              title={hit.has(flow.uuid) ? 'matched by the last trace' : undefined}
            >
              <FlowCells
                table={i === 0 ? stage.table : ''}
                stage={i === 0 ? stage.stage : ''}
                source={flow.source}
                priority={flow.priority}
                match={flow.match}
                actions={flow.actions}
              />
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}

const noDatapaths: never[] = [];
