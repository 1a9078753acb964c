// Load balancer hairpin flows (controller/lflow.c consider_lb_hairpin_flows) for every load balancer on a
// local datapath: table 68 recognises a backend talking to itself through the VIP and learns the reply
// into table 69; table 70 SNATs such a packet to the VIP (or hairpin_snat_ip).
import type { Flow, LearnSpec, OfpAction, Subfield } from '../openflow/flow/types.ts';
import { parseIPv4, parseIPv6 } from '../packet/addresses.ts';
import type { SbLoadBalancer } from '../sb/schema.gen.ts';
import type { ChassisView } from './chassis.ts';
import { lflowCookie } from './lflow.ts';
import { emptyMatch, maskField, setField } from './match.ts';
import * as T from './tables.ts';
import { installedFlow as flow } from './of-flow.ts';

const MLF_LOOKUP_LB_HAIRPIN_BIT = 7;
const OVN_CT_NATTED = 2n;
const PROTO: Record<string, number> = { tcp: 6, udp: 17, sctp: 132 };

interface Endpoint {
  v6: boolean;
  ip: bigint;
  port: number;
}

/** "10.0.0.1:80" or "[fd00::1]:80" or a bare address. */
function parseEndpoint(s: string): Endpoint | undefined {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(s);
  if (v6) {
    const ip = parseIPv6(v6[1]);
    return ip === undefined ? undefined : { v6: true, ip, port: Number(v6[2] ?? 0) };
  }
  const v4 = /^([0-9.]+)(?::(\d+))?$/.exec(s);
  if (v4) {
    const ip = parseIPv4(v4[1]);
    return ip === undefined ? undefined : { v6: false, ip, port: Number(v4[2] ?? 0) };
  }
  const bare = parseIPv6(s);
  return bare === undefined ? undefined : { v6: true, ip: bare, port: 0 };
}

function sub(field: string, nBits: number, ofs = 0): Subfield {
  return { field, ofs, nBits };
}

/** add_lb_vip_hairpin_reply_action: learn the reply direction into table 69. */
function learnReply(snatVip: Endpoint, proto: number, hasPort: boolean, cookie: bigint): OfpAction {
  const ipBits = snatVip.v6 ? 128 : 32;
  const specs: LearnSpec[] = [
    { kind: 'match', src: { field: sub('metadata', 64) }, dst: sub('metadata', 64), implicit: true },
    { kind: 'match', src: { imm: snatVip.v6 ? 0x86ddn : 0x800n }, dst: sub('eth_type', 16) },
    {
      kind: 'match',
      src: { field: sub(snatVip.v6 ? 'ipv6_src' : 'ip_src', ipBits) },
      dst: sub(snatVip.v6 ? 'ipv6_src' : 'ip_src', ipBits),
      implicit: true,
    },
    { kind: 'match', src: { imm: snatVip.ip }, dst: sub(snatVip.v6 ? 'ipv6_dst' : 'ip_dst', ipBits) },
  ];
  const protoName = Object.keys(PROTO).find((k) => PROTO[k] === proto) ?? 'tcp';
  if (hasPort) {
    specs.push({ kind: 'match', src: { imm: BigInt(proto) }, dst: sub('nw_proto', 8) });
    specs.push({ kind: 'match', src: { field: sub(`${protoName}_dst`, 16) }, dst: sub(`${protoName}_src`, 16) });
  } else {
    specs.push({ kind: 'match', src: { field: sub('nw_proto', 8) }, dst: sub('nw_proto', 8), implicit: true });
  }
  specs.push({ kind: 'load', src: { imm: 1n }, dst: sub(T.MFF_LOG_FLAGS, 1, MLF_LOOKUP_LB_HAIRPIN_BIT) });
  return {
    type: 'learn',
    table: T.OFTABLE_CHK_LB_HAIRPIN_REPLY,
    idleTimeout: 0,
    hardTimeout: 0,
    priority: 32768,
    cookie,
    finIdleTimeout: 0,
    finHardTimeout: 0,
    importance: 0,
    sendFlowRem: false,
    deleteLearned: true,
    limit: 0,
    specs,
  };
}

function isLocal(view: ChassisView, lb: SbLoadBalancer): boolean {
  const dps = [...lb.datapaths, ...(view.sb.tables.Logical_DP_Group.get(lb.datapath_group ?? '')?.datapaths ?? [])];
  return dps.some((u) => {
    const dp = view.sb.tables.Datapath_Binding.get(u);
    return dp !== undefined && view.localDatapaths.has(dp.tunnel_key);
  });
}

export function lbHairpinFlows(view: ChassisView): Flow[] {
  const flows: Flow[] = [];
  for (const lb of view.sb.tables.Load_Balancer.values()) {
    if (!isLocal(view, lb)) continue;
    const proto = PROTO[lb.protocol ?? 'tcp'] ?? 6;
    const origTuple = lb.options.hairpin_orig_tuple === 'true';
    const snatIps = (lb.options.hairpin_snat_ip ?? '').split(/\s+/).filter(Boolean).map(parseEndpoint);
    const cookie = lflowCookie(lb._uuid);
    for (const [vipText, backendsText] of Object.entries(lb.vips)) {
      const vip = parseEndpoint(vipText);
      if (!vip) continue;
      const snatVip = snatIps.find((e) => e && e.v6 === vip.v6) ?? vip;
      for (const b of backendsText.split(',').map((s) => parseEndpoint(s.trim()))) {
        if (!b) continue;
        const m = emptyMatch();
        if (!origTuple) maskField(m, 'ct_state', 0x20n | 0x80n, 0x20n | 0x80n);
        setField(m, 'eth_type', vip.v6 ? 0x86ddn : 0x800n);
        setField(m, vip.v6 ? 'ipv6_src' : 'ip_src', b.ip);
        setField(m, vip.v6 ? 'ipv6_dst' : 'ip_dst', b.ip);
        if (origTuple) setField(m, vip.v6 ? 'xxreg1' : 'reg1', vip.ip);
        else setField(m, vip.v6 ? 'ct_ipv6_dst' : 'ct_nw_dst', vip.ip);
        if (b.port) {
          setField(m, 'nw_proto', BigInt(proto));
          setField(m, 'tp_dst', BigInt(b.port));
          if (origTuple) maskField(m, 'reg2', BigInt(vip.port), 0xffffn);
          else {
            setField(m, 'ct_nw_proto', BigInt(proto));
            setField(m, 'ct_tp_dst', BigInt(vip.port));
          }
        }
        maskField(m, 'ct_mark', OVN_CT_NATTED, OVN_CT_NATTED);
        const bit = 1n << BigInt(MLF_LOOKUP_LB_HAIRPIN_BIT);
        flows.push(
          flow(T.OFTABLE_CHK_LB_HAIRPIN, 100, cookie, m, [
            { type: 'set_field', field: T.MFF_LOG_FLAGS, value: bit, mask: bit, raw: 'set_field' },
            learnReply(snatVip, proto, b.port !== 0, cookie),
          ]),
        );
      }
      // add_lb_ct_snat_hairpin_vip_flow (the per-datapath variant for hairpin_snat_ip is not modelled).
      const m = emptyMatch();
      if (!origTuple) maskField(m, 'ct_state', 0x20n | 0x80n, 0x20n | 0x80n);
      setField(m, 'eth_type', vip.v6 ? 0x86ddn : 0x800n);
      if (origTuple) setField(m, vip.v6 ? 'xxreg1' : 'reg1', vip.ip);
      else setField(m, vip.v6 ? 'ct_ipv6_dst' : 'ct_nw_dst', vip.ip);
      if (vip.port) {
        setField(m, 'nw_proto', BigInt(proto));
        if (origTuple) maskField(m, 'reg2', BigInt(vip.port), 0xffffn);
        else {
          setField(m, 'ct_nw_proto', BigInt(proto));
          setField(m, 'ct_tp_dst', BigInt(vip.port));
        }
      }
      flows.push(
        flow(T.OFTABLE_CT_SNAT_HAIRPIN, vip.port ? 100 : 90, cookie, m, [
          {
            type: 'ct',
            commit: true,
            force: false,
            zone: { src: sub(T.MFF_LOG_SNAT_ZONE, 16) },
            actions: [{ type: 'nat', kind: 'src', addrMin: snatVip.ip, ipv6: snatVip.v6 }],
          },
        ]),
      );
    }
  }
  return flows;
}
