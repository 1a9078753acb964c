// Neighbour flows (controller/lflow.c consider_neighbor_flow): every Southbound MAC_Binding and
// Static_MAC_Binding of a local datapath becomes a flow in table 66 (get_arp/get_nd: IP → MAC) and one
// in table 67 (lookup_arp/lookup_nd: is this IP/MAC pair known?).
import type { Flow, OfpAction } from '../openflow/flow/types.ts';
import { parseIPv4, parseIPv6 } from '../packet/addresses.ts';
import type { ChassisView } from './chassis.ts';
import { lflowCookie } from './lflow.ts';
import { emptyMatch, setField } from './match.ts';
import * as T from './tables.ts';
import { installedFlow as flow } from './of-flow.ts';

const LOOKUP_MAC = BigInt(1 << T.MLF_LOOKUP_MAC_BIT);

function macValue(mac: string): bigint | undefined {
  return /^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/.test(mac) ? BigInt(`0x${mac.replace(/:/g, '')}`) : undefined;
}

export function neighborFlows(view: ChassisView): Flow[] {
  const flows: Flow[] = [];
  const consider = (uuid: string, port: string, ip: string, mac: string, priority: number) => {
    const pb = view.portByName.get(port);
    const dp = pb ? view.sb.tables.Datapath_Binding.get(pb.datapath) : undefined;
    if (!pb || !dp || !view.localDatapaths.has(dp.tunnel_key)) return;
    const ea = macValue(mac);
    if (ea === undefined) return;
    const getArp = emptyMatch();
    const lookupArp = emptyMatch();
    if (ip.includes('.')) {
      const v4 = parseIPv4(ip);
      if (v4 === undefined) return;
      setField(getArp, 'reg0', v4);
      setField(lookupArp, 'reg0', v4);
      setField(lookupArp, 'eth_type', 0x806n);
    } else {
      const v6 = parseIPv6(ip);
      if (v6 === undefined) return;
      setField(getArp, 'xxreg0', v6);
      setField(lookupArp, 'xxreg0', v6);
      setField(lookupArp, 'eth_type', 0x86ddn);
      setField(lookupArp, 'nw_proto', 58n);
      setField(lookupArp, 'icmpv6_code', 0n);
    }
    setField(getArp, T.MFF_LOG_DATAPATH, BigInt(dp.tunnel_key));
    setField(getArp, T.MFF_LOG_OUTPORT, BigInt(pb.tunnel_key));
    setField(lookupArp, T.MFF_LOG_DATAPATH, BigInt(dp.tunnel_key));
    setField(lookupArp, T.MFF_LOG_INPORT, BigInt(pb.tunnel_key));
    setField(lookupArp, 'eth_src', ea);
    const setFlag: OfpAction = {
      type: 'set_field',
      field: T.MFF_LOG_FLAGS,
      value: LOOKUP_MAC,
      mask: LOOKUP_MAC,
      raw: 'set_field',
    };
    const cookie = lflowCookie(uuid);
    flows.push(
      flow(T.OFTABLE_MAC_BINDING, priority, cookie, getArp, [
        { type: 'set_field', field: 'eth_dst', value: ea, mask: (1n << 48n) - 1n, raw: 'set_field' },
        setFlag,
      ]),
    );
    flows.push(flow(T.OFTABLE_MAC_LOOKUP, priority, cookie, lookupArp, [setFlag]));
  };
  for (const b of view.sb.tables.MAC_Binding.values()) consider(b._uuid, b.logical_port, b.ip, b.mac, 100);
  for (const b of view.sb.tables.Static_MAC_Binding.values()) {
    consider(b._uuid, b.logical_port, b.ip, b.mac, b.override_dynamic_mac ? 150 : 50);
  }
  return flows;
}
