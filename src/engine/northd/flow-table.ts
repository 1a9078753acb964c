// The logical flow table northd fills: one entry per (datapath, stage, priority, match, actions),
// first writer wins (like ovn_lflow_add's dedup), with the northd.c source line and stage hint.
import { stageById, type StageId } from './stages.ts';

export interface Lflow {
  datapath: string;
  stage: StageId;
  priority: number;
  match: string;
  actions: string;
  /** The line of the ovn_lflow_add call in v23.03.1 northd/northd.c. */
  line: number;
  /** First 8 hex digits of the NB row that caused the flow (external_ids:stage-hint). */
  hint?: string;
  /** Controller meter name, when northd sets one. */
  meter?: string;
}

export class LflowTable {
  private readonly byKey = new Map<string, Lflow>();

  /** Adds a flow to datapath dp (a datapath id, e.g. the NB uuid of the switch). */
  add(
    dp: string,
    stage: StageId,
    priority: number,
    match: string,
    actions: string,
    line: number,
    hint?: string,
    meter?: string,
  ): void {
    const key = `${dp}\u0000${stage}\u0000${priority}\u0000${match}\u0000${actions}\u0000${meter ?? ''}`;
    if (this.byKey.has(key)) return;
    this.byKey.set(key, { datapath: dp, stage, priority, match, actions, line, hint, meter });
  }

  flows(): IterableIterator<Lflow> {
    return this.byKey.values();
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Drops every flow of one datapath (for incremental rebuilds of a single switch). */
  removeDatapath(dp: string): void {
    for (const [key, flow] of this.byKey) if (flow.datapath === dp) this.byKey.delete(key);
  }
}

/** The stage-hint text northd writes: the first 32 bits of the row uuid, in hex. */
export function stageHint(uuid: string | undefined): string | undefined {
  return uuid ? uuid.slice(0, 8) : undefined;
}

export function tableOf(stage: StageId): number {
  return stageById[stage].table;
}
