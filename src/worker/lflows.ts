// Logical flows of a Southbound database, grouped per datapath and stage for the flow table view.
// Stage names and order come from the shared stage table; datapath groups are expanded as lflow-list does.
import type { SbDatabase } from '../engine/sb/database.ts';
import { stageAt, stagesOf, type DatapathKind, type Pipeline } from '../engine/northd/stages.ts';
import type { DatapathFlows, LflowRow, StageFlows } from './api.ts';

export function groupLflows(sb: SbDatabase): DatapathFlows[] {
  const tables = sb.tables;
  const datapaths = new Map<string, { flows: DatapathFlows; kind: DatapathKind }>();
  for (const dp of tables.Datapath_Binding.values()) {
    const kind: DatapathKind = 'logical-router' in dp.external_ids ? 'router' : 'switch';
    const name = dp.external_ids.name ?? dp._uuid;
    datapaths.set(dp._uuid, {
      kind,
      flows: { name, kind, ingress: emptyStages(kind, 'ingress'), egress: emptyStages(kind, 'egress') },
    });
  }
  for (const lflow of tables.Logical_Flow.values()) {
    const group = lflow.logical_dp_group ? (tables.Logical_DP_Group.get(lflow.logical_dp_group)?.datapaths ?? []) : [];
    const targets = lflow.logical_datapath ? [lflow.logical_datapath, ...group] : group;
    const pipeline: Pipeline = lflow.pipeline === 'egress' ? 'egress' : 'ingress';
    const row: LflowRow = {
      table: lflow.table_id,
      priority: lflow.priority,
      match: lflow.match,
      actions: lflow.actions,
      source: lflow.external_ids.source ?? '',
      uuid: lflow._uuid,
    };
    for (const uuid of targets) {
      const dp = datapaths.get(uuid);
      if (!dp) continue;
      const stages = dp.flows[pipeline];
      let stage = stages.find((s) => s.table === row.table);
      if (!stage) {
        const name =
          stageAt(dp.kind, pipeline, row.table)?.name ?? lflow.external_ids['stage-name'] ?? `table ${row.table}`;
        stage = { table: row.table, stage: name, flows: [] };
        stages.push(stage);
        stages.sort((a, b) => a.table - b.table);
      }
      stage.flows.push(row);
    }
  }
  const result = [...datapaths.values()].map((d) => d.flows);
  for (const dp of result)
    for (const stage of [...dp.ingress, ...dp.egress])
      stage.flows.sort(
        (a, b) => b.priority - a.priority || a.match.localeCompare(b.match) || a.actions.localeCompare(b.actions),
      );
  return result.sort((a, b) => a.name.localeCompare(b.name));
}

function emptyStages(kind: DatapathKind, pipeline: Pipeline): StageFlows[] {
  return stagesOf(kind, pipeline).map((s) => ({ table: s.table, stage: s.name, flows: [] }));
}
