// What every flow builder receives: the model and the flow table, plus a short way to add a flow.
import type { LflowTable } from './flow-table.ts';
import { stageHint } from './flow-table.ts';
import type { NorthdModel, Od } from './model.ts';
import type { StageId } from './stages.ts';

export interface BuildContext {
  model: NorthdModel;
  table: LflowTable;
  /** Set while building flows of one datapath that another datapath's rows cause. */
  origin?: string;
}

/** ovn_lflow_add(_with_hint) for one datapath; line is the call's line in v23.03.1 northd.c. */
export function addFlow(
  ctx: BuildContext,
  od: Od,
  stage: StageId,
  priority: number,
  match: string,
  actions: string,
  line: number,
  hintUuid?: string,
): void {
  ctx.table.add(od.uuid, stage, priority, match, actions, line, stageHint(hintUuid), undefined, ctx.origin);
}

export const DROP = 'drop;';
export const IMPLICIT_DROP = '/* drop */';
export const ACL_PRI_OFFSET = 1000;
