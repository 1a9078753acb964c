// Port security in OpenFlow (controller/lflow.c consider_port_sec_flows): tables 73 (in), 74 (in,
// ARP/ND) and 75 (out) for each port bound to this chassis that has port_security. The result is
// the MLF_CHECK_PORT_SEC flag that check_in_port_sec()/check_out_port_sec() read back.
import type { Flow, Match, OfpAction } from '../openflow/flow/types.ts';
import { OFPP } from '../openflow/flow/types.ts';
import { extractLspAddresses, linkLocalOf, ipv6Mask, type LportAddresses } from '../packet/ovn-addresses.ts';
import type { SbPortBinding } from '../sb/schema.gen.ts';
import type { ChassisView } from './chassis.ts';
import { lflowCookie } from './lflow.ts';
import { cloneMatch, emptyMatch, setFieldMasked as maskField, setField } from './match.ts';
import * as T from './tables.ts';
import { installedFlow } from './of-flow.ts';

const ETH_TYPE_IP = 0x800n;
const ETH_TYPE_ARP = 0x806n;
const ETH_TYPE_IPV6 = 0x86ddn;
const IPPROTO_ICMPV6 = 58n;

function macValue(bytes: readonly number[]): bigint {
  return bytes.reduce((v, b) => (v << 8n) | BigInt(b), 0n);
}

function v6Value(words: Uint16Array): bigint {
  let v = 0n;
  for (const w of words) v = (v << 16n) | BigInt(w);
  return v;
}

const FLAG = BigInt(1 << T.MLF_CHECK_PORT_SEC_BIT);
const deny: OfpAction[] = [{ type: 'set_field', field: T.MFF_LOG_FLAGS, value: FLAG, mask: FLAG, raw: 'set_field' }];
const allow: OfpAction[] = [{ type: 'set_field', field: T.MFF_LOG_FLAGS, value: 0n, mask: FLAG, raw: 'set_field' }];
const ndCheck: OfpAction[] = [
  { type: 'resubmit', inPort: OFPP.IN_PORT, table: T.OFTABLE_CHK_IN_PORT_SEC_ND, withCt: false },
];

class PortSec {
  readonly flows: Flow[] = [];
  private readonly cookie: bigint;

  constructor(
    readonly pb: SbPortBinding,
    readonly dpKey: number,
  ) {
    this.cookie = lflowCookie(pb._uuid);
  }

  reset(reg: string): Match {
    const m = emptyMatch();
    setField(m, T.MFF_LOG_DATAPATH, BigInt(this.dpKey));
    setField(m, reg, BigInt(this.pb.tunnel_key));
    return m;
  }

  add(table: number, priority: number, m: Match, actions: OfpAction[]): void {
    this.flows.push(installedFlow(table, priority, this.cookie, cloneMatch(m), actions));
  }

  inDefaults(): void {
    let m = this.reset(T.MFF_LOG_INPORT);
    this.add(T.OFTABLE_CHK_IN_PORT_SEC, 80, m, deny);
    setField(m, 'eth_type', ETH_TYPE_ARP);
    this.add(T.OFTABLE_CHK_IN_PORT_SEC, 95, m, ndCheck);
    m = this.reset(T.MFF_LOG_INPORT);
    setField(m, 'eth_type', ETH_TYPE_ARP);
    this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 80, m, deny);
    for (const type of [136n, 135n]) {
      setField(m, 'eth_type', ETH_TYPE_IPV6);
      setField(m, 'nw_proto', IPPROTO_ICMPV6);
      setField(m, 'nw_ttl', 255n);
      setField(m, 'icmpv6_type', type);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 80, m, type === 136n ? deny : allow);
    }
  }

  inAddress(ps: LportAddresses): void {
    const ea = macValue(ps.ea);
    if (!ps.ipv4.length && !ps.ipv6.length) {
      const m = this.reset(T.MFF_LOG_INPORT);
      setField(m, 'eth_src', ea);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, ndCheck);
    }
    if (ps.ipv4.length) {
      for (const a of ps.ipv4) {
        const m = this.reset(T.MFF_LOG_INPORT);
        setField(m, 'eth_src', ea);
        setField(m, 'eth_type', ETH_TYPE_IP);
        const exact = a.plen === 32 || (a.addr & ~a.mask) !== 0;
        maskField(m, 'ip_src', BigInt(a.addr >>> 0), exact ? 0xffffffffn : BigInt(a.mask >>> 0));
        this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, allow);
      }
      const m = this.reset(T.MFF_LOG_INPORT);
      setField(m, 'eth_src', ea);
      setField(m, 'eth_type', ETH_TYPE_IP);
      setField(m, 'ip_src', 0n);
      setField(m, 'ip_dst', 0xffffffffn);
      setField(m, 'nw_proto', 17n);
      setField(m, 'udp_src', 68n);
      setField(m, 'udp_dst', 67n);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, allow);
    }
    if (ps.ipv4.length || !ps.ipv6.length) {
      const arp = () => {
        const m = this.reset(T.MFF_LOG_INPORT);
        setField(m, 'eth_src', ea);
        setField(m, 'eth_type', ETH_TYPE_ARP);
        setField(m, 'arp_sha', ea);
        return m;
      };
      if (!ps.ipv4.length) this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, arp(), allow);
      for (const a of ps.ipv4) {
        const m = arp();
        const exact = a.plen === 32 || (a.addr & ~a.mask) !== 0;
        maskField(m, 'arp_spa', BigInt(a.addr >>> 0), exact ? 0xffffffffn : BigInt(a.mask >>> 0));
        this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, m, allow);
      }
    }
    if (ps.ipv6.length) {
      const src = (m: Match) => {
        setField(m, 'eth_src', ea);
        setField(m, 'eth_type', ETH_TYPE_IPV6);
      };
      for (const a of ps.ipv6) {
        const m = this.reset(T.MFF_LOG_INPORT);
        src(m);
        if (a.plen === 128 || hostBits(a)) setField(m, 'ipv6_src', v6Value(a.addr));
        else maskField(m, 'ipv6_src', v6Value(a.network), v6Value(ipv6Mask(a.plen)));
        this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, ndCheck);
      }
      const m = this.reset(T.MFF_LOG_INPORT);
      src(m);
      setField(m, 'ipv6_src', v6Value(linkLocalOf(ps.ea)));
      this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, ndCheck);
      // DAD and MLD from the unspecified address to ff02::/16.
      setField(m, 'ipv6_src', 0n);
      maskField(m, 'ipv6_dst', 0xff02n << 112n, 0xffffn << 112n);
      setField(m, 'nw_proto', IPPROTO_ICMPV6);
      setField(m, 'icmpv6_type', 131n);
      setField(m, 'icmpv6_code', 0n);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, allow);
      setField(m, 'icmpv6_type', 143n);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, allow);
      setField(m, 'icmpv6_type', 135n);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC, 90, m, ndCheck);
    }
    this.ndFlows(ps, ea);
  }

  private ndFlows(ps: LportAddresses, ea: bigint): void {
    const m = this.reset(T.MFF_LOG_INPORT);
    setField(m, 'eth_type', ETH_TYPE_IPV6);
    setField(m, 'nw_proto', IPPROTO_ICMPV6);
    // 225, not 255: what ovn-controller 23.03 installs.
    setField(m, 'nw_ttl', 225n);
    setField(m, 'icmpv6_type', 135n);
    setField(m, 'icmpv6_code', 0n);
    setField(m, 'nd_sll', 0n);
    this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, m, allow);
    setField(m, 'nd_sll', ea);
    this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, m, allow);
    setField(m, 'icmpv6_type', 136n);
    setField(m, 'icmpv6_code', 0n);
    if (ps.ipv6.length) {
      const lla = v6Value(linkLocalOf(ps.ea));
      setField(m, 'nd_tll', 0n);
      setField(m, 'nd_target', lla);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, m, allow);
      setField(m, 'nd_tll', ea);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, m, allow);
      for (const a of ps.ipv6) {
        const t = this.reset(T.MFF_LOG_INPORT);
        setField(t, 'eth_src', ea);
        setField(t, 'eth_type', ETH_TYPE_IPV6);
        setField(t, 'nw_proto', IPPROTO_ICMPV6);
        setField(t, 'icmpv6_type', 136n);
        setField(t, 'icmpv6_code', 0n);
        setField(t, 'nd_tll', 0n);
        if (a.plen === 128 || hostBits(a)) setField(t, 'nd_target', v6Value(a.addr));
        else maskField(t, 'nd_target', v6Value(a.network), v6Value(ipv6Mask(a.plen)));
        this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, t, allow);
        setField(t, 'nd_tll', ea);
        this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, t, allow);
      }
    } else {
      setField(m, 'nd_tll', 0n);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, m, allow);
      setField(m, 'nd_tll', ea);
      this.add(T.OFTABLE_CHK_IN_PORT_SEC_ND, 90, m, allow);
    }
  }

  out(addrs: LportAddresses[]): void {
    this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 80, this.reset(T.MFF_LOG_OUTPORT), deny);
    for (const ps of addrs) {
      const ea = macValue(ps.ea);
      const base = () => {
        const m = this.reset(T.MFF_LOG_OUTPORT);
        setField(m, 'eth_dst', ea);
        return m;
      };
      this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 85, base(), allow);
      if (!ps.ipv4.length && !ps.ipv6.length) continue;
      for (const [type, addrsOf] of [
        [ETH_TYPE_IP, ps.ipv4.length],
        [ETH_TYPE_IPV6, ps.ipv6.length],
      ] as const) {
        const m = base();
        setField(m, 'eth_type', type);
        this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 90, m, deny);
        if (!addrsOf) continue;
        if (type === ETH_TYPE_IP) {
          for (const a of ps.ipv4) {
            const exact = a.plen === 32 || (a.addr & ~a.mask) !== 0;
            if (exact && a.plen !== 32) {
              setField(m, 'ip_dst', BigInt(parseBcast(a.bcastS)));
              this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 95, m, allow);
            }
            maskField(m, 'ip_dst', BigInt(a.addr >>> 0), exact ? 0xffffffffn : BigInt(a.mask >>> 0));
            this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 95, m, allow);
          }
          setField(m, 'ip_dst', 0xffffffffn);
          this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 95, m, allow);
          maskField(m, 'ip_dst', 0xe0000000n, 0xf0000000n);
          this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 95, m, allow);
        } else {
          for (const a of ps.ipv6) {
            const d = base();
            setField(d, 'eth_type', type);
            if (a.plen === 128 || hostBits(a)) setField(d, 'ipv6_dst', v6Value(a.addr));
            else maskField(d, 'ipv6_dst', v6Value(a.network), v6Value(ipv6Mask(a.plen)));
            this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 95, d, allow);
          }
          const d = base();
          setField(d, 'eth_type', type);
          setField(d, 'ipv6_dst', v6Value(linkLocalOf(ps.ea)));
          this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 95, d, allow);
          maskField(d, 'ipv6_dst', 0xffn << 120n, 0xffn << 120n);
          this.add(T.OFTABLE_CHK_OUT_PORT_SEC, 95, d, allow);
        }
      }
    }
  }
}

/** !ipv6_addr_is_host_zero: the address has bits outside its prefix. */
function hostBits(a: { addr: Uint16Array; network: Uint16Array }): boolean {
  return v6Value(a.addr) !== v6Value(a.network);
}

function parseBcast(s: string): number {
  return s.split('.').reduce((v, p) => v * 256 + Number(p), 0);
}

export function portSecFlows(view: ChassisView): Flow[] {
  const flows: Flow[] = [];
  for (const pb of view.sb.tables.Port_Binding.values()) {
    if (pb.chassis !== view.chassis._uuid || !pb.port_security.length) continue;
    const addrs = pb.port_security.map(extractLspAddresses).filter((a): a is LportAddresses => a !== undefined);
    if (!addrs.length) continue;
    const dpKey = view.sb.tables.Datapath_Binding.get(pb.datapath)?.tunnel_key ?? 0;
    const ps = new PortSec(pb, dpKey);
    ps.inDefaults();
    for (const a of addrs) ps.inAddress(a);
    ps.out(addrs);
    flows.push(...ps.flows);
  }
  return flows;
}
