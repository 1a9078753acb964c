// execute_output of ovn-trace: from ingress into the egress pipeline (one copy per member of a
// multicast group, none back to the input port unless flags.loopback), and from egress out of a port,
// into the peer datapath of a patch port, or in place of a chassisredirect port.
import { MLF_BITS } from '../expr/symbols.ts';
import { clonePacket, getField, setField, type PacketState } from '../packet/state.ts';
import { appendNode, inportKey, outportKey, type TraceContext } from './context.ts';
import { portByKey, portKeyToName, type TraceDatapath } from './database.ts';
import type { Runner } from './executor.ts';
import { call, type Task } from './task.ts';
import type { Pipeline, TraceNode } from './types.ts';

/** Zeroes every register but reg14/reg15, as a packet entering the egress pipeline sees them. */
function egressPacket(packet: PacketState): PacketState {
  const copy = clonePacket(packet);
  for (let i = 0; i < 16; i++) if (i !== 14 && i !== 15) setField(copy, `reg${i}`, 0n);
  return copy;
}

/** execute_output. */
export function* executeOutput(
  ctx: TraceContext,
  runner: Runner,
  dp: TraceDatapath,
  packet: PacketState,
  pipeline: Pipeline,
  list: TraceNode[],
): Task<void> {
  const key = outportKey(packet);
  if (!key) {
    const message = '*** output to null logical port';
    const fate = { kind: 'error' as const, datapath: dp.friendlyName, message };
    appendNode(list, 'error', message, { fate });
    ctx.fates.push(fate);
    return;
  }
  let port = portByKey(ctx.db, dp, key);
  const mcgroup = dp.mcgroups.find((mg) => mg.tunnelKey === key);
  let outName = port ? port.friendlyName : mcgroup ? mcgroup.name : '(unnamed)';
  if (!port && !mcgroup) appendNode(list, 'error', `*** unknown port or multicast group ${key}`);

  if (pipeline === 'egress') {
    const portType = port ? port.type : '';
    const outputNode = appendNode(list, 'output', `/* output to "${outName}", type "${portType}" */`);
    if (port?.peer) {
      const peer = port.peer;
      const node = appendNode(
        list,
        'pipeline',
        `ingress(dp="${peer.dp.friendlyName}", inport="${peer.friendlyName}")`,
        {
          pipeline: { kind: 'ingress', datapath: peer.dp.friendlyName, inport: peer.friendlyName },
        },
      );
      const next = clonePacket(packet);
      setField(next, 'reg14', BigInt(peer.tunnelKey));
      setField(next, 'reg15', 0n);
      yield* call(runner.pass(peer.dp, next, 0, 'ingress', node.subs));
    } else {
      outputNode.fate = { kind: 'output', datapath: dp.friendlyName, port: outName, portType };
      outputNode.packet = clonePacket(packet);
      ctx.fates.push(outputNode.fate);
      appendNode(list, 'modify', `output("${outName}")`);
    }
    return;
  }

  const egress = egressPacket(packet);
  const inKey = inportKey(packet);
  const inName = portKeyToName(ctx.db, dp, inKey);
  const allowLoopback = ((getField(packet, 'reg10') >> BigInt(MLF_BITS.allowLoopback)) & 1n) === 1n;

  if (mcgroup) {
    const mcnode = appendNode(list, 'pipeline', `multicast(dp="${dp.friendlyName}", mcgroup="${mcgroup.name}")`, {
      pipeline: { kind: 'multicast', datapath: dp.friendlyName, mcgroup: mcgroup.name },
    });
    for (const p of mcgroup.ports) {
      const node = appendNode(
        mcnode.subs,
        'pipeline',
        `egress(dp="${dp.friendlyName}", inport="${inName}", outport="${p.friendlyName}")`,
        { pipeline: { kind: 'egress', datapath: dp.friendlyName, inport: inName, outport: p.friendlyName } },
      );
      if (p.tunnelKey !== inKey || allowLoopback) {
        node.alwaysIndent = true;
        // ovn-trace reuses one egress flow for every member, so changes made for one carry to the next.
        setField(egress, 'reg15', BigInt(p.tunnelKey));
        yield* call(runner.pass(dp, egress, 0, 'egress', node.subs));
      } else {
        omitLoopback(ctx, dp, p.friendlyName, node.subs);
      }
    }
    return;
  }

  if (port && port.type === 'chassisredirect') {
    if (port.distributedPort) {
      appendNode(
        list,
        'output',
        `/* Replacing type "${port.type}" outport "${port.friendlyName}" with distributed port "${port.distributedPort.friendlyName}". */`,
      );
      port = port.distributedPort;
      outName = port.friendlyName;
      setField(egress, 'reg15', BigInt(port.tunnelKey));
    } else {
      const message = `*** output to type "${port.type}" port "${outName}" with no or invalid distributed port`;
      const fate = { kind: 'error' as const, datapath: dp.friendlyName, message };
      appendNode(list, 'error', message, { fate });
      ctx.fates.push(fate);
      return;
    }
  }

  if ((port && port.tunnelKey !== inKey) || allowLoopback) {
    const node = appendNode(
      list,
      'pipeline',
      `egress(dp="${dp.friendlyName}", inport="${inName}", outport="${outName}")`,
      {
        pipeline: { kind: 'egress', datapath: dp.friendlyName, inport: inName, outport: outName },
      },
    );
    yield* call(runner.pass(dp, egress, 0, 'egress', node.subs));
  } else {
    omitLoopback(ctx, dp, outName, list);
  }
}

function omitLoopback(ctx: TraceContext, dp: TraceDatapath, port: string, list: TraceNode[]): void {
  const fate = { kind: 'loopback-omitted' as const, datapath: dp.friendlyName, port };
  appendNode(list, 'output', '/* omitting output because inport == outport && !flags.loopback */', { fate });
  ctx.fates.push(fate);
}
