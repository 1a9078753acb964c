// Incremental northd: keeps the model, flow table and Southbound database of a World, and after an
// NB change confined to some switches rebuilds only those datapaths (else a full recompute).
import type { SbDatabase } from '../sb/database.ts';
import { emptySbDatabase } from '../sb/database.ts';
import type { World } from '../nb/world.ts';
import type { BuildContext } from './build-context.ts';
import type { Lflow, LflowTable } from './flow-table.ts';
import {
  addDatapathFlows,
  addLogicalFlows,
  buildLflows,
  buildRouterFlowsFromSwitchPorts,
  buildSwitchFlows,
  logicalFlowUuid,
} from './index.ts';
import { buildServiceMonitorResponders } from './ls-stateful.ts';
import { buildModel, rebuildSwitchOd, type NorthdModel, type Od } from './model.ts';
import { addDatapathRows, addSbRows, refreshGroupRows, removePortRows, type Bindings } from './sb-rows.ts';

export class NorthdSession {
  private model!: NorthdModel;
  private table!: LflowTable;
  private bindings!: Bindings;
  sb!: SbDatabase;
  /** How the last update was made, for benchmarks and tests. */
  lastUpdate: 'full' | 'incremental' = 'full';

  constructor(private readonly world: World) {
    this.recompute();
  }

  private dropFlows(od: Od, flows: readonly Lflow[]): void {
    for (const flow of flows) this.sb.tables.Logical_Flow.delete(logicalFlowUuid(flow, od));
  }

  /** Full recompute, as runNorthd. */
  recompute(): SbDatabase {
    this.model = buildModel(this.world);
    this.sb = emptySbDatabase();
    this.bindings = addSbRows(this.model, this.sb);
    this.table = buildLflows(this.model);
    addLogicalFlows(this.model, this.table, this.sb);
    this.lastUpdate = 'full';
    return this.sb;
  }

  /**
   * After changes to the NB rows of these switches only (the switch, its ports, ACLs, QoS, DNS):
   * rebuilds their datapaths in place. Falls back to a full recompute when that is not safe.
   */
  switchesChanged(lsUuids: readonly string[]): SbDatabase {
    const ctx: BuildContext = { model: this.model, table: this.table };
    // Routers attached to a changed switch hold flows made from its ports (ARP resolution).
    for (const uuid of lsUuids) {
      const old = this.model.datapaths.find((od) => od.uuid === uuid);
      if (!old || !rebuildSwitchOd(this.model, uuid)) return this.recompute();
      const od = this.model.datapaths.find((d) => d.uuid === uuid);
      if (!od) return this.recompute();
      const routers = new Set<Od>();
      for (const rp of [...old.routerPorts, ...od.routerPorts]) if (rp.peer?.od.nbr) routers.add(rp.peer.od);
      removePortRows(this.sb, old);
      this.dropFlows(old, this.table.removeDatapath(uuid));
      for (const router of routers) this.dropFlows(router, this.table.removeOrigin(router.uuid, uuid));
      buildSwitchFlows(ctx, od);
      for (const lb of this.model.lbs) buildServiceMonitorResponders(ctx, lb);
      buildRouterFlowsFromSwitchPorts(ctx, od);
      addDatapathRows(this.sb, od, this.bindings, this.model.nb);
      addDatapathFlows(od, this.table, this.sb);
      for (const router of routers) addDatapathFlows(router, this.table, this.sb, uuid);
    }
    refreshGroupRows(this.model, this.sb);
    this.lastUpdate = 'incremental';
    return this.sb;
  }
}
