// Datapath groups (northd.c do_ovn_lflow_add, ovn_sb_insert_or_update_logical_dp_group): real northd 23.03
// writes one Logical_Flow row for a flow that several datapaths share (same stage, priority, match,
// actions and controller meter), pointing at a Logical_DP_Group of those datapaths; a flow of one datapath
// keeps logical_datapath. The engine builds flows per datapath; this folds them into the real rows.
import type { SbDatabase } from './database.ts';
import type { SbLogicalDPGroup, SbLogicalFlow } from './schema.gen.ts';
import { deterministicUuid } from './uuid.ts';

export interface GroupedLogicalFlows {
  flows: SbLogicalFlow[];
  groups: SbLogicalDPGroup[];
}

const flowKey = (f: SbLogicalFlow): string =>
  [f.external_ids['stage-name'] ?? '', f.pipeline, f.table_id, f.priority, f.match, f.actions, f.controller_meter ?? '']
    .map(String)
    .join('\u0000');

/** The Logical_Flow and Logical_DP_Group rows real northd writes for the per-datapath rows of sb. */
export function groupLogicalFlows(sb: SbDatabase): GroupedLogicalFlows {
  const byKey = new Map<string, { first: SbLogicalFlow; datapaths: string[] }>();
  for (const f of sb.tables.Logical_Flow.values()) {
    const dp = f.logical_datapath;
    const key = flowKey(f);
    const entry = byKey.get(key);
    if (!entry) byKey.set(key, { first: f, datapaths: dp === undefined ? [] : [dp] });
    else if (dp !== undefined && !entry.datapaths.includes(dp)) entry.datapaths.push(dp);
  }
  const groups = new Map<string, SbLogicalDPGroup>();
  const flows: SbLogicalFlow[] = [];
  for (const { first, datapaths } of byKey.values()) {
    if (datapaths.length <= 1) {
      flows.push(first);
      continue;
    }
    // flows on the same set of datapaths share one group row
    const members = [...datapaths].sort();
    const name = members.join(',');
    let group = groups.get(name);
    if (!group) {
      group = { _uuid: deterministicUuid(`Logical_DP_Group/${name}`), datapaths: members };
      groups.set(name, group);
    }
    const row: SbLogicalFlow = {
      ...first,
      _uuid: deterministicUuid(`Logical_Flow/${group._uuid}/${flowKey(first)}`),
      logical_dp_group: group._uuid,
    };
    delete row.logical_datapath;
    flows.push(row);
  }
  return { flows, groups: [...groups.values()] };
}
