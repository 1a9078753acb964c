// The Geneve encapsulation between chassis as trace data: what ovn-controller's table 39 puts in the
// tunnel header (VNI = datapath tunnel key; option class 0x0102 type 0x80 = logical inport << 16 |
// outport), what it costs on the wire, and the flow with which the packet arrives on the receiving
// chassis (in_port = the tunnel from the sender, tun_id, tun_metadata0), so that one packet can be
// traced across chassis as one journey: trace the sender, then `receivingFlow` on the receiver.

/** One header of the encapsulation, outermost first. */
export interface EncapHeader {
  name: 'Ethernet' | 'IPv4' | 'IPv6' | 'UDP' | 'Geneve' | 'Geneve option';
  bytes: number;
  detail: string;
}

export interface GeneveEncapsulation {
  /** Datapath tunnel key of the logical datapath the packet is in. */
  vni: number;
  optionClass: number;
  optionType: number;
  /** logical inport << 16 | logical outport (15 and 16 bits). */
  optionValue: number;
  logicalInport: number;
  logicalOutport: number;
  /** Bytes added in front of the inner Ethernet frame: 58 on IPv4, 78 on IPv6. */
  overhead: number;
  headers: EncapHeader[];
  srcIp?: string;
  dstIp?: string;
}

const OPTION_CLASS = 0x0102;
const OPTION_TYPE = 0x80;

/** The encapsulation ovn-controller's put_encapsulation asks for (Geneve with OVN's one 4-byte option). */
export function geneveEncapsulation(
  vni: number,
  inport: number,
  outport: number,
  underlay: { ipv6?: boolean; srcIp?: string; dstIp?: string } = {},
): GeneveEncapsulation {
  const ip = underlay.ipv6 ? 40 : 20;
  const headers: EncapHeader[] = [
    { name: 'Ethernet', bytes: 14, detail: 'to the next hop of the underlay route' },
    {
      name: underlay.ipv6 ? 'IPv6' : 'IPv4',
      bytes: ip,
      detail: `${underlay.srcIp ?? 'local encap IP'} → ${underlay.dstIp ?? 'remote encap IP'}, proto UDP`,
    },
    { name: 'UDP', bytes: 8, detail: 'destination port 6081' },
    { name: 'Geneve', bytes: 8, detail: `VNI 0x${vni.toString(16)} (datapath tunnel key)` },
    {
      name: 'Geneve option',
      bytes: 8,
      detail: `class 0x0102 type 0x80: inport ${inport} << 16 | outport ${outport}`,
    },
  ];
  return {
    vni,
    optionClass: OPTION_CLASS,
    optionType: OPTION_TYPE,
    optionValue: ((inport & 0x7fff) << 16) | (outport & 0xffff),
    logicalInport: inport & 0x7fff,
    logicalOutport: outport & 0xffff,
    overhead: headers.reduce((n, h) => n + h.bytes, 0),
    headers,
    srcIp: underlay.srcIp,
    dstIp: underlay.dstIp,
  };
}

/**
 * The Geneve encapsulations in an ofproto/trace "Datapath actions:" line, in order: each
 * `tnl_push(… ipv4(src=…,dst=…) … geneve(crit,vni=0x1,options({class=0x102,type=0x80,len=4,0x10002})))`.
 */
export function tunnelPushes(datapathActions: string): GeneveEncapsulation[] {
  const out: GeneveEncapsulation[] = [];
  const re =
    /tnl_push\(.*?ipv([46])\(src=([^,]+),dst=([^,]+),.*?geneve\((?:crit,)?vni=0x([0-9a-f]+)(?:,options\(\{class=0x102,type=0x80,len=4,0x([0-9a-f]+)\}\))?\)/g;
  for (const m of datapathActions.matchAll(re)) {
    const opt = m[5] === undefined ? 0 : Number.parseInt(m[5], 16);
    out.push(
      geneveEncapsulation(Number.parseInt(m[4], 16), opt >>> 16, opt & 0xffff, {
        ipv6: m[1] === '6',
        srcIp: m[2],
        dstIp: m[3],
      }),
    );
  }
  return out;
}

/** Fields of a trace's "Final flow:" that are pipeline state, not packet: the receiver starts without them. */
const NOT_PACKET = /^(x{0,2}reg\d+|tun_|metadata|in_port|recirc_id|conj_id|ct_|dp_hash|skb_priority|pkt_mark)/;

/**
 * The flow with which the packet arrives on the receiving chassis, for `ofproto/trace br-int FLOW` there:
 * in_port is the receiver's tunnel port to the sender (ovn-<sender>-0), then the tunnel metadata, then the
 * packet as the sender's trace left it (its "Final flow:" without registers and metadata).
 */
export function receivingFlow(senderChassis: string, encap: GeneveEncapsulation, finalFlow: string): string {
  const packet = finalFlow
    .replace(/^Final flow: /, '')
    .trim()
    .split(',')
    .filter((f) => !NOT_PACKET.test(f));
  const tunnel = [
    `in_port=ovn-${senderChassis.slice(0, 6)}-0`,
    `tun_id=0x${encap.vni.toString(16)}`,
    `tun_metadata0=0x${encap.optionValue.toString(16)}`,
  ];
  return [...tunnel, ...packet].join(',');
}
