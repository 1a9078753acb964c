// Port qdisc queue ids (northd.c allocate_chassis_queueid, ovn_port_update_sbrec): a switch port
// with QoS options (qos_max_rate, qos_min_rate, qos_burst) gets the lowest free queue id of its
// chassis (a localnet port: of itself); a port without them keeps its own options:qdisc_queue_id.
import { lspIsLocalnet, lspIsRouter, type NorthdModel, type Op } from './model.ts';

const QDISC_MAX_QUEUE_ID = 0xf000;

export const portHasQosParams = (opts: Readonly<Record<string, string>>): boolean =>
  opts.qos_max_rate !== undefined || opts.qos_min_rate !== undefined || opts.qos_burst !== undefined;

/**
 * Fills op.qdiscQueueId for every switch port. Ports are served in creation order, the order a
 * script binds them in, which is when real northd allocates.
 */
export function assignQdiscQueues(model: NorthdModel): void {
  const chassisOf = new Map(model.world.physical.bindings.map((b) => [b.logicalPort, b.chassis]));
  const used = new Map<string, Set<number>>();
  const pending: { op: Op; chassis: string }[] = [];
  for (const op of model.ports.values()) {
    const lsp = op.nbsp;
    if (!lsp || lspIsRouter(lsp) || op.name !== lsp.name) continue;
    const own = lsp.options.qdisc_queue_id;
    // a localnet port is its own queue owner (its Port_Binding's uuid)
    const owner = lspIsLocalnet(lsp) ? `localnet:${op.name}` : chassisOf.get(op.name);
    if (own !== undefined || !portHasQosParams(lsp.options)) {
      op.qdiscQueueId = own;
      const n = Number(own);
      if (owner && Number.isInteger(n) && n > 0) {
        const set = used.get(owner) ?? new Set<number>();
        set.add(n);
        used.set(owner, set);
      }
    } else if (owner) pending.push({ op, chassis: owner });
  }
  for (const { op, chassis } of pending) {
    const set = used.get(chassis) ?? new Set<number>();
    used.set(chassis, set);
    for (let q = 1; q <= QDISC_MAX_QUEUE_ID; q++) {
      if (!set.has(q)) {
        set.add(q);
        op.qdiscQueueId = String(q);
        break;
      }
    }
  }
}
