// `ovs-ofctl show BRIDGE` (OpenFlow 1.0 form) and `ovs-appctl dpif/show`, as OVS 3.1 prints them.
import { OFPP } from '../flow/types.ts';
import {
  TUNNEL_TYPES,
  allInterfaces,
  backerName,
  backerType,
  type Bridge,
  type Interface,
  type OvsSwitch,
} from './model.ts';

export function formatMac(mac: bigint): string {
  return mac
    .toString(16)
    .padStart(12, '0')
    .replace(/(..)(?!$)/g, '$1:');
}

/** A tunnel or patch device has no hardware; OVS shows a random address for it. Ours is fixed. */
function ifaceMac(iface: Interface): bigint {
  if (iface.mac !== 0n) return iface.mac;
  let h = 0x811c9dc5;
  for (const c of iface.name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return 0x020000000000n | (BigInt(h) << 8n) | 0x42n;
}

export function datapathId(br: Bridge): string {
  const configured = br.otherConfig.get('datapath-id');
  if (configured && /^[0-9a-f]{16}$/i.test(configured)) return configured.toLowerCase();
  return br.mac.toString(16).padStart(16, '0');
}

export function ofctlShow(br: Bridge): string {
  const lines = [
    `OFPT_FEATURES_REPLY (xid=0x2): dpid:${datapathId(br)}`,
    'n_tables:254, n_buffers:0',
    'capabilities: FLOW_STATS TABLE_STATS PORT_STATS QUEUE_STATS ARP_MATCH_IP',
    'actions: output enqueue set_vlan_vid set_vlan_pcp strip_vlan mod_dl_src mod_dl_dst mod_nw_src mod_nw_dst mod_nw_tos mod_tp_src mod_tp_dst',
  ];
  const ports = [...br.byOfport.entries()].sort((a, b) => a[0] - b[0]);
  for (const [n, iface] of ports) {
    const label = n === OFPP.LOCAL ? 'LOCAL' : String(n);
    // the OpenFlow port description holds the name in 16 bytes, NUL included (OFP_MAX_PORT_NAME_LEN)
    lines.push(
      ` ${label}(${iface.name.slice(0, 15)}): addr:${formatMac(n === OFPP.LOCAL ? br.mac : ifaceMac(iface))}`,
      '     config:     0',
      '     state:      0',
      '     speed: 0 Mbps now, 0 Mbps max',
    );
  }
  lines.push('OFPT_GET_CONFIG_REPLY (xid=0x4): frags=normal miss_send_len=0');
  return lines.map((l) => `${l}\n`).join('');
}

/** The "(type: options)" part of a dpif/show line. */
function dpifDetail(br: Bridge, iface: Interface, backer: string): string {
  let type = iface.type || 'system';
  if (iface.type === 'internal' || iface.name === br.name) type = backer === 'dummy' ? 'dummy-internal' : 'internal';
  const opts: string[] = [];
  if (iface.type === 'patch') {
    const peer = iface.options.get('peer');
    if (peer !== undefined) opts.push(`peer=${peer}`);
  } else if (TUNNEL_TYPES.has(iface.type)) {
    for (const [k, v] of [...iface.options.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
      opts.push(`${k}=${v}`);
  }
  return opts.length ? `${type}: ${opts.join(', ')}` : type;
}

export function dpifShow(sw: OvsSwitch): string {
  const out: string[] = [];
  const byBacker = new Map<string, Bridge[]>();
  for (const br of sw.bridges.values()) {
    const name = backerName(backerType(br.datapathType));
    byBacker.set(name, [...(byBacker.get(name) ?? []), br]);
  }
  for (const name of [...byBacker.keys()].sort()) {
    out.push(`${name}: hit:0 missed:0`);
    const bridges = (byBacker.get(name) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const type = name.slice(0, name.indexOf('@'));
    for (const br of bridges) {
      out.push(`  ${br.name}:`);
      const ifaces = allInterfaces(br)
        .filter((i) => i.ofport !== undefined)
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const i of ifaces) out.push(`    ${i.name} ${i.ofport}/${i.dpPort ?? 'none'}: (${dpifDetail(br, i, type)})`);
    }
  }
  return out.map((l) => `${l}\n`).join('');
}
