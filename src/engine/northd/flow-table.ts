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
  /** The datapath whose NB rows caused this flow when that is not `datapath` (for incremental updates). */
  origin?: string;
}

export class LflowTable {
  /** Flows per datapath, keyed by stage, priority, match, actions and meter. */
  private readonly byDatapath = new Map<string, Map<string, Lflow>>();
  /** Per datapath, per origin datapath: the keys of the flows that origin caused. */
  private readonly byOrigin = new Map<string, Map<string, Set<string>>>();

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
    origin?: string,
  ): void {
    let flows = this.byDatapath.get(dp);
    if (!flows) {
      flows = new Map();
      this.byDatapath.set(dp, flows);
    }
    const key = `${stage}\u0000${priority}\u0000${match}\u0000${actions}\u0000${meter ?? ''}`;
    if (flows.has(key)) return;
    flows.set(key, { datapath: dp, stage, priority, match, actions, line, hint, meter, origin });
    if (origin === undefined) return;
    let origins = this.byOrigin.get(dp);
    if (!origins) this.byOrigin.set(dp, (origins = new Map()));
    let keys = origins.get(origin);
    if (!keys) origins.set(origin, (keys = new Set()));
    keys.add(key);
  }

  /** The flows of datapath dp that another datapath's rows caused. */
  flowsFrom(dp: string, origin: string): Lflow[] {
    const flows = this.byDatapath.get(dp);
    const keys = this.byOrigin.get(dp)?.get(origin);
    if (!flows || !keys) return [];
    return [...keys].map((k) => flows.get(k)).filter((f): f is Lflow => f !== undefined);
  }

  *flows(): IterableIterator<Lflow> {
    for (const flows of this.byDatapath.values()) yield* flows.values();
  }

  flowsOf(dp: string): IterableIterator<Lflow> {
    return (this.byDatapath.get(dp) ?? new Map<string, Lflow>()).values();
  }

  get size(): number {
    let n = 0;
    for (const flows of this.byDatapath.values()) n += flows.size;
    return n;
  }

  /** Drops every flow of one datapath (for incremental rebuilds of a single switch); returns them. */
  removeDatapath(dp: string): Lflow[] {
    const flows = [...(this.byDatapath.get(dp)?.values() ?? [])];
    this.byDatapath.delete(dp);
    this.byOrigin.delete(dp);
    return flows;
  }

  /** Drops the flows of datapath dp that another datapath's rows caused; returns them. */
  removeOrigin(dp: string, origin: string): Lflow[] {
    const flows = this.byDatapath.get(dp);
    const removed: Lflow[] = [];
    const keys = this.byOrigin.get(dp)?.get(origin);
    if (!flows || !keys) return removed;
    for (const key of keys) {
      const flow = flows.get(key);
      if (flow?.origin !== origin) continue;
      flows.delete(key);
      removed.push(flow);
    }
    this.byOrigin.get(dp)?.delete(origin);
    return removed;
  }
}

/** The stage-hint text northd writes: the first 32 bits of the row uuid, in hex. */
export function stageHint(uuid: string | undefined): string | undefined {
  return uuid ? uuid.slice(0, 8) : undefined;
}

export function tableOf(stage: StageId): number {
  return stageById[stage].table;
}
