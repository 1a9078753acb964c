// Actions that change the packet in place or look something up (execute_load, _move, _exchange,
// push/pop, ip.ttl--, ct_clear, MAC binding and FDB lookups, DHCP options, port security, LB hairpin
// checks, log) with the nodes ovn-trace adds for them.
import type { Action, FieldRef } from '../actions/index.ts';
import { formatField } from '../actions/index.ts';
import { formatConstantSet } from '../actions/format.ts';
import { formatMac } from '../packet/addresses.ts';
import { getField, setField, type PacketState } from '../packet/state.ts';
import { appendNode, inportKey, outportKey, type TraceContext } from './context.ts';
import { lookupPortKey, mappedIp, portByKey, type TraceDatapath } from './database.ts';
import { applyFieldAction, readField, resolveFieldRef, writeField } from '../actions/interp.ts';
import { TraceAbort } from './abort.ts';
import { lbVipFor } from './lb-vips.ts';
import { checkInPortSec, checkOutPortSec } from './port-security.ts';
import type { Pipeline, TraceNode } from './types.ts';

/** ds_put_hex: "0x" and the significant hex digits, or "0". */
function putHex(value: bigint): string {
  return value === 0n ? '0' : `0x${value.toString(16)}`;
}

/** mf_is_register. */
function isRegister(field: string): boolean {
  return /^x{0,2}reg\d+$/.test(field);
}

const read = readField;
const write = writeField;

function ipOf(packet: PacketState, ref: FieldRef): bigint {
  const sf = resolveFieldRef(ref);
  const v = readField(packet, ref);
  return sf?.nBits === 32 ? mappedIp(4, v) : v;
}

/** Runs one action that stays within the packet; ignores those ovn-trace does nothing for. */
export function executeDataAction(
  ctx: TraceContext,
  a: Action,
  dp: TraceDatapath,
  packet: PacketState,
  pipeline: Pipeline,
  list: TraceNode[],
  stack: bigint[],
): void {
  switch (a.type) {
    case 'load':
    case 'move':
    case 'exchange':
    case 'dec_ttl': {
      const { modify, error } = applyFieldAction(a, packet, (name) => lookupPortKey(ctx.db, dp, name));
      for (const text of modify) appendNode(list, 'modify', text);
      if (error) appendNode(list, 'error', error);
      return;
    }
    case 'ovnfield_load': {
      const value = a.value.kind === 'integer' ? BigInt.asUintN(16, a.value.value) : 0n;
      appendNode(list, 'modify', `${a.dst.symbol} = ${value}`);
      return;
    }
    case 'push': {
      const v = read(packet, a.field);
      appendNode(list, 'modify', `push(${formatField(a.field)}) -> ${putHex(v)}`);
      stack.push(v);
      return;
    }
    case 'pop': {
      const v = stack.pop();
      if (v !== undefined) write(packet, a.field, v);
      appendNode(
        list,
        'modify',
        `pop(${formatField(a.field)}) <- ${v === undefined ? '/* empty stack */' : putHex(v)}`,
      );
      return;
    }
    case 'ct_clear':
      for (const f of ['ct_state', 'ct_zone', 'ct_mark', 'ct_label', 'ct_nw_proto', 'ct_nw_src', 'ct_nw_dst']) {
        setField(packet, f, 0n);
      }
      for (const f of ['ct_ipv6_src', 'ct_ipv6_dst', 'ct_tp_src', 'ct_tp_dst']) setField(packet, f, 0n);
      return;
    case 'get_arp':
    case 'get_nd': {
      const mac = dp.macBindings.get(`${read(packet, a.port)}/${ipOf(packet, a.ip)}`);
      setField(packet, 'eth_dst', mac ?? 0n);
      appendNode(
        list,
        'action',
        mac !== undefined ? `/* MAC binding to ${formatMac(mac)}. */` : '/* No MAC binding. */',
      );
      appendNode(list, 'modify', `eth.dst = ${formatMac(mac ?? 0n)}`);
      return;
    }
    case 'lookup_arp':
    case 'lookup_nd': {
      const mac = dp.macBindings.get(`${read(packet, a.port)}/${ipOf(packet, a.ip)}`);
      const found = mac !== undefined && mac === read(packet, a.mac);
      appendNode(
        list,
        'action',
        found
          ? `/* MAC binding to ${formatMac(getField(packet, 'eth_dst'))} found. */`
          : '/* lookup failed - No MAC binding. */',
      );
      write(packet, a.dst, found ? 1n : 0n);
      return;
    }
    case 'lookup_arp_ip':
    case 'lookup_nd_ip': {
      const found = dp.macBindings.has(`${read(packet, a.port)}/${ipOf(packet, a.ip)}`);
      appendNode(list, 'action', found ? '/* MAC binding found. */' : '/* lookup failed - No MAC binding. */');
      write(packet, a.dst, found ? 1n : 0n);
      return;
    }
    case 'lookup_fdb': {
      const port = dp.fdbs.get(read(packet, a.mac));
      const found = port !== undefined && BigInt(port) === read(packet, a.port);
      appendNode(
        list,
        'action',
        found
          ? `/* MAC lookup for ${formatMac(getField(packet, 'eth_dst'))} found in FDB. */`
          : '/* lookup mac failed in mac learning table. */',
      );
      write(packet, a.dst, found ? 1n : 0n);
      return;
    }
    case 'get_fdb':
      write(packet, a.dst, BigInt(dp.fdbs.get(read(packet, a.mac)) ?? 0));
      return;
    case 'put_dhcp_opts':
    case 'put_dhcpv6_opts':
    case 'put_nd_ra_opts': {
      if (a.type !== 'put_nd_ra_opts') {
        appendNode(list, 'error', '/* We assume that this packet is DHCPDISCOVER or DHCPREQUEST. */');
      }
      const options = a.options.map((o) => `${o.name} = ${formatConstantSet(o.value)}`).join(', ');
      appendNode(list, 'modify', `${a.type}(${options})`);
      const sf = resolveFieldRef(a.dst);
      if (sf && !isRegister(sf.field)) appendNode(list, 'modify', `${formatField(a.dst)} = 1`);
      write(packet, a.dst, 1n);
      return;
    }
    case 'dns_lookup':
      write(packet, a.dst, 0n);
      appendNode(list, 'error', '*** dns_lookup action not implemented');
      return;
    case 'log': {
      const name = a.name ?? '<unnamed>';
      const direction = pipeline === 'ingress' ? 'IN' : 'OUT';
      const text =
        `LOG: ACL name=${name}, direction=${direction}, verdict=${a.verdict}, ` +
        `severity=${a.severity}, packet="${ctx.formatFlow(packet)}"`;
      appendNode(list, 'transformation', text, { transformation: { kind: 'log' } });
      return;
    }
    case 'chk_lb_hairpin':
    case 'chk_lb_hairpin_reply':
      chkLbHairpin(ctx, a.dst, packet, list, a.type === 'chk_lb_hairpin');
      return;
    case 'ct_snat_to_vip': {
      const vip = lbVipFor(ctx.db.sb, packet);
      if (vip && vip.port === Number(getField(packet, 'ct_tp_dst'))) {
        appendNode(list, 'action', `/* nat(src=${vip.text}) */`);
      }
      return;
    }
    case 'check_in_port_sec':
    case 'check_out_port_sec': {
      const ingress = a.type === 'check_in_port_sec';
      const key = ingress ? inportKey(packet) : outportKey(packet);
      const port = key ? portByKey(ctx.db, dp, key) : undefined;
      if (!port) {
        // The ovs_assert lines of utilities/ovn-trace.c at v23.03.1.
        const [what, line] = ingress
          ? key
            ? ['inport', 2877]
            : ['in_key', 2875]
          : key
            ? ['outport', 3005]
            : ['out_key', 3002];
        throw new TraceAbort(`utilities/ovn-trace.c:${line}: assertion ${what} failed in execute_${a.type}()`);
      }
      const result = ingress ? checkInPortSec(packet, port.psAddrs) : checkOutPortSec(packet, port.psAddrs);
      write(packet, a.dst, result);
      return;
    }
    default:
      // put_arp, put_nd, put_fdb, ct_commit(v1), set_queue, set_meter, trigger_event, … change nothing
      // ovn-trace can see.
      return;
  }
}

/** execute_chk_lb_hairpin: 1 when a load-balanced packet goes back to its own source. */
function chkLbHairpin(
  ctx: TraceContext,
  dst: FieldRef,
  packet: PacketState,
  list: TraceNode[],
  dirOrig: boolean,
): void {
  let res = 0n;
  const vip = lbVipFor(ctx.db.sb, packet);
  const ethType = getField(packet, 'eth_type');
  const family = ethType === 0x0800n ? 4 : ethType === 0x86ddn ? 6 : undefined;
  if (vip && family !== undefined) {
    if (Number(getField(packet, 'ct_state')) & 0x80) {
      const same =
        family === 4
          ? getField(packet, 'ip_src') === getField(packet, 'ip_dst')
          : getField(packet, 'ipv6_src') === getField(packet, 'ipv6_dst');
      res = same ? 1n : 0n;
    }
    const port = Number(getField(packet, dirOrig ? 'ct_tp_dst' : 'tcp_dst'));
    if (vip.port !== port) res = 0n;
  }
  write(packet, dst, res);
  appendNode(list, 'modify', `${formatField(dst)} = ${res}`);
}
