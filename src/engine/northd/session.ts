// Incremental northd: keeps the model, flow table and Southbound database of a World, and after an
// NB change confined to some switches rebuilds only those datapaths (else a full recompute).
import type { SbDatabase } from '../sb/database.ts';
import { emptySbDatabase } from '../sb/database.ts';
import type { World } from '../scenario/world.ts';
import type { BuildContext } from './build-context.ts';
import type { LflowTable } from './flow-table.ts';
import { addDatapathFlows, addLogicalFlows, buildLflows, buildSwitchFlows } from './index.ts';
import { buildServiceMonitorResponders } from './ls-stateful.ts';
import { buildModel, rebuildSwitchOd, type NorthdModel } from './model.ts';
import { addDatapathRows, addSbRows, refreshGroupRows, removeDatapathRows, type Bindings } from './sb-rows.ts';

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
    for (const uuid of lsUuids) {
      const old = this.model.datapaths.find((od) => od.uuid === uuid);
      // Router pipelines hold flows made from switch ports (ARP resolution): recompute those cases fully.
      if (!old || old.routerPorts.length > 0 || !rebuildSwitchOd(this.model, uuid)) return this.recompute();
      const od = this.model.datapaths.find((d) => d.uuid === uuid);
      if (!od || od.routerPorts.length > 0) return this.recompute();
      removeDatapathRows(this.sb, old);
      this.table.removeDatapath(uuid);
      buildSwitchFlows(ctx, od);
      for (const lb of this.model.lbs) buildServiceMonitorResponders(ctx, lb);
      addDatapathRows(this.sb, od, this.bindings);
      addDatapathFlows(od, this.table, this.sb);
    }
    refreshGroupRows(this.model, this.sb);
    this.lastUpdate = 'incremental';
    return this.sb;
  }
}
