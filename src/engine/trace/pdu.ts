// A packet's headers by layer, as a network textbook (or Packet Tracer's PDU view) draws them:
// Ethernet, VLAN, IPv4/IPv6 or ARP, the L4 header, then what OVN keeps beside the packet (logical
// ports, flags, registers) and conntrack. Values printed the way ovn-trace and ovs-ofctl print them.
import { formatCtState } from '../ct/state.ts';
import { formatIPv4, formatIPv6, formatMac } from '../packet/addresses.ts';
import { getField, type PacketState } from '../packet/state.ts';

export interface PduField {
  name: string;
  value: string;
}

export type PduLayerName =
  | 'Ethernet'
  | 'VLAN'
  | 'IPv4'
  | 'IPv6'
  | 'ARP'
  | 'TCP'
  | 'UDP'
  | 'SCTP'
  | 'ICMPv4'
  | 'ICMPv6'
  | 'ND'
  | 'OVN metadata'
  | 'Conntrack';

export interface PduLayer {
  name: PduLayerName;
  fields: PduField[];
}

/** One field that differs between two views of a packet. */
export interface PduChange {
  layer: PduLayerName;
  field: string;
  /** "" when the field was absent before (or is absent after). */
  before: string;
  after: string;
}

/** Logical port names for tunnel keys, as the datapath the packet is in knows them. */
export type PortNamer = (key: number) => string;

const hex = (v: bigint) => `0x${v.toString(16)}`;
const dec = (v: bigint) => v.toString();

/** MLF_* bit names of the logical flags register (reg10), in bit order. */
const FLAG_NAMES = [
  'allow_loopback',
  'rcv_from_ramp',
  'force_snat_for_dnat',
  'force_snat_for_lb',
  'local_only',
  'nested_container',
  'lookup_mac',
  'lookup_lb_hairpin',
  'lookup_fdb',
  'skip_snat_for_lb',
  'localport',
  'use_snat_zone',
  'check_port_sec',
  'lookup_commit_ecmp_nh',
  'use_lb_aff_session',
];

const TCP_FLAGS = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr', 'ns'];

function flagNames(value: bigint, names: readonly string[]): string {
  const set = names.filter((_, bit) => (value >> BigInt(bit)) & 1n);
  return set.length > 0 ? set.join('|') : '0';
}

function field(state: PacketState, name: string): bigint {
  return getField(state, name);
}

function ethernet(p: PacketState): PduLayer[] {
  const layers: PduLayer[] = [
    {
      name: 'Ethernet',
      fields: [
        { name: 'eth.src', value: formatMac(field(p, 'eth_src')) },
        { name: 'eth.dst', value: formatMac(field(p, 'eth_dst')) },
        { name: 'eth.type', value: hex(field(p, 'eth_type')) },
      ],
    },
  ];
  const tci = field(p, 'vlan_tci');
  if (tci & 0x1000n)
    layers.push({
      name: 'VLAN',
      fields: [
        { name: 'vlan.vid', value: dec(tci & 0xfffn) },
        { name: 'vlan.pcp', value: dec((tci >> 13n) & 7n) },
      ],
    });
  return layers;
}

function network(p: PacketState, ethType: bigint): PduLayer | undefined {
  if (ethType === 0x0800n)
    return {
      name: 'IPv4',
      fields: [
        { name: 'ip4.src', value: formatIPv4(field(p, 'ip_src')) },
        { name: 'ip4.dst', value: formatIPv4(field(p, 'ip_dst')) },
        { name: 'ip.proto', value: dec(field(p, 'nw_proto')) },
        { name: 'ip.ttl', value: dec(field(p, 'nw_ttl')) },
        { name: 'ip.dscp', value: dec(field(p, 'ip_dscp')) },
      ],
    };
  if (ethType === 0x86ddn)
    return {
      name: 'IPv6',
      fields: [
        { name: 'ip6.src', value: formatIPv6(field(p, 'ipv6_src')) },
        { name: 'ip6.dst', value: formatIPv6(field(p, 'ipv6_dst')) },
        { name: 'ip.proto', value: dec(field(p, 'nw_proto')) },
        { name: 'ip.ttl', value: dec(field(p, 'nw_ttl')) },
        { name: 'ip6.label', value: hex(field(p, 'ipv6_label')) },
      ],
    };
  if (ethType === 0x0806n)
    return {
      name: 'ARP',
      fields: [
        { name: 'arp.op', value: dec(field(p, 'arp_op')) },
        { name: 'arp.sha', value: formatMac(field(p, 'arp_sha')) },
        { name: 'arp.spa', value: formatIPv4(field(p, 'arp_spa')) },
        { name: 'arp.tha', value: formatMac(field(p, 'arp_tha')) },
        { name: 'arp.tpa', value: formatIPv4(field(p, 'arp_tpa')) },
      ],
    };
  return undefined;
}

function transport(p: PacketState, ethType: bigint): PduLayer[] {
  if (ethType !== 0x0800n && ethType !== 0x86ddn) return [];
  const proto = field(p, 'nw_proto');
  const ports = (prefix: string) => [
    { name: `${prefix}.src`, value: dec(field(p, 'tp_src')) },
    { name: `${prefix}.dst`, value: dec(field(p, 'tp_dst')) },
  ];
  if (proto === 6n)
    return [
      {
        name: 'TCP',
        fields: [...ports('tcp'), { name: 'tcp.flags', value: flagNames(field(p, 'tcp_flags'), TCP_FLAGS) }],
      },
    ];
  if (proto === 17n) return [{ name: 'UDP', fields: ports('udp') }];
  if (proto === 132n) return [{ name: 'SCTP', fields: ports('sctp') }];
  const icmp = (prefix: string) => [
    { name: `${prefix}.type`, value: dec(field(p, 'tp_src')) },
    { name: `${prefix}.code`, value: dec(field(p, 'tp_dst')) },
  ];
  if (proto === 1n && ethType === 0x0800n) return [{ name: 'ICMPv4', fields: icmp('icmp4') }];
  if (proto === 58n && ethType === 0x86ddn) {
    const layers: PduLayer[] = [{ name: 'ICMPv6', fields: icmp('icmp6') }];
    const type = field(p, 'tp_src');
    if (type === 135n || type === 136n)
      layers.push({
        name: 'ND',
        fields: [
          { name: 'nd.target', value: formatIPv6(field(p, 'nd_target')) },
          {
            name: type === 135n ? 'nd.sll' : 'nd.tll',
            value: formatMac(field(p, type === 135n ? 'nd_sll' : 'nd_tll')),
          },
        ],
      });
    return layers;
  }
  return [];
}

function metadata(p: PacketState, names: PortNamer): PduLayer {
  const port = (reg: string) => {
    const key = Number(field(p, reg));
    const name = names(key);
    return name ? `"${name}" (${reg}=${hex(BigInt(key))})` : `none (${reg}=0)`;
  };
  const fields: PduField[] = [
    { name: 'inport', value: port('reg14') },
    { name: 'outport', value: port('reg15') },
    { name: 'flags', value: flagNames(field(p, 'reg10'), FLAG_NAMES) },
    { name: 'datapath', value: dec(field(p, 'metadata')) },
  ];
  // The scratch registers only when set: most stages leave most of them zero.
  for (let i = 0; i < 10; i++) {
    const value = field(p, `reg${i}`);
    if (value !== 0n) fields.push({ name: `reg${i}`, value: hex(value) });
  }
  for (const [reg, name] of [
    ['reg11', 'dnat zone'],
    ['reg12', 'snat zone'],
    ['reg13', 'ct zone'],
  ] as const) {
    const value = field(p, reg);
    if (value !== 0n) fields.push({ name, value: dec(value) });
  }
  return { name: 'OVN metadata', fields };
}

function conntrack(p: PacketState): PduLayer {
  const fields: PduField[] = [{ name: 'ct_state', value: formatCtState(Number(field(p, 'ct_state'))) }];
  const mark = field(p, 'ct_mark');
  if (mark !== 0n) fields.push({ name: 'ct_mark', value: hex(mark) });
  const label = field(p, 'ct_label');
  if (label !== 0n) fields.push({ name: 'ct_label', value: hex(label) });
  return { name: 'Conntrack', fields };
}

/** The packet's headers, outermost first, then OVN's metadata and conntrack. */
export function packetLayers(packet: PacketState, names: PortNamer): PduLayer[] {
  const ethType = field(packet, 'eth_type');
  const layers = ethernet(packet);
  const l3 = network(packet, ethType);
  if (l3) layers.push(l3);
  layers.push(...transport(packet, ethType), metadata(packet, names), conntrack(packet));
  return layers;
}

/** The fields that differ from `before` to `after`, layer by layer, in `after`'s order. */
export function diffLayers(before: readonly PduLayer[], after: readonly PduLayer[]): PduChange[] {
  const old = new Map<string, PduField & { layer: PduLayerName }>();
  for (const layer of before)
    for (const f of layer.fields) old.set(`${layer.name}/${f.name}`, { ...f, layer: layer.name });
  const changes: PduChange[] = [];
  for (const layer of after)
    for (const f of layer.fields) {
      const key = `${layer.name}/${f.name}`;
      const was = old.get(key);
      old.delete(key);
      if (was?.value !== f.value)
        changes.push({ layer: layer.name, field: f.name, before: was?.value ?? '', after: f.value });
    }
  for (const gone of old.values()) changes.push({ layer: gone.layer, field: gone.name, before: gone.value, after: '' });
  return changes;
}
