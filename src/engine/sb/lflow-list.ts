// `ovn-sbctl lflow-list` text of a Southbound database (utilities/ovn-sbctl.c cmd_lflow_list at
// v23.03.1): flows expanded per datapath, sorted, with the same header lines and column padding.
import type { SbDatabase } from './database.ts';
import type { SbDatapathBinding, SbLogicalFlow } from './schema.gen.ts';

export interface ListedFlow {
  flow: SbLogicalFlow;
  datapath: SbDatapathBinding;
}

function cmpStr(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const pipelineRank = (p: string): number => (p === 'ingress' ? 0 : 1);

/** sbctl_lflow_cmp: datapath name, datapath uuid, pipeline, table, priority (descending), match, actions. */
export function compareListedFlows(a: ListedFlow, b: ListedFlow): number {
  const an = a.datapath.external_ids.name ?? '';
  const bn = b.datapath.external_ids.name ?? '';
  return (
    cmpStr(an, bn) ||
    cmpStr(a.datapath._uuid, b.datapath._uuid) ||
    pipelineRank(a.flow.pipeline) - pipelineRank(b.flow.pipeline) ||
    a.flow.table_id - b.flow.table_id ||
    b.flow.priority - a.flow.priority ||
    cmpStr(a.flow.match, b.flow.match) ||
    cmpStr(a.flow.actions, b.flow.actions)
  );
}

/** Every (flow, datapath) pair, datapath groups expanded, in lflow-list order. */
export function listedFlows(sb: SbDatabase): ListedFlow[] {
  const dps = sb.tables.Datapath_Binding;
  const groups = sb.tables.Logical_DP_Group;
  const out: ListedFlow[] = [];
  for (const flow of sb.tables.Logical_Flow.values()) {
    const single = flow.logical_datapath ? dps.get(flow.logical_datapath) : undefined;
    if (single) out.push({ flow, datapath: single });
    const group = flow.logical_dp_group ? groups.get(flow.logical_dp_group) : undefined;
    for (const u of group?.datapaths ?? []) {
      const dp = dps.get(u);
      if (dp) out.push({ flow, datapath: dp });
    }
  }
  return out.sort(compareListedFlows);
}

export function datapathTitle(dp: SbDatapathBinding): string {
  const { name, name2 } = dp.external_ids;
  if (name !== undefined && name2 !== undefined) return `"${name}" aka "${name2}"`;
  if (name !== undefined || name2 !== undefined) return `"${name ?? name2}"`;
  return '';
}

export function formatFlowLine(flow: SbLogicalFlow): string {
  const table = String(flow.table_id).padEnd(2);
  const stage = (flow.external_ids['stage-name'] ?? '').padEnd(19);
  const priority = String(flow.priority).padEnd(5);
  return `  table=${table}(${stage}), priority=${priority}, match=(${flow.match}), action=(${flow.actions})`;
}

export function formatLflowList(sb: SbDatabase): string {
  const lines: string[] = [];
  let prev: ListedFlow | undefined;
  for (const cur of listedFlows(sb)) {
    if (!prev || prev.datapath !== cur.datapath || prev.flow.pipeline !== cur.flow.pipeline) {
      lines.push(`Datapath: ${datapathTitle(cur.datapath)} (${cur.datapath._uuid})  Pipeline: ${cur.flow.pipeline}`);
    }
    lines.push(formatFlowLine(cur.flow));
    prev = cur;
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
