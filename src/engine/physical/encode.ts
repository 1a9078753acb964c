// OVN logical actions → OpenFlow actions, as ovnacts_encode (lib/actions.c, encode_*) writes them for
// ovn-controller 23.03. Actions whose encoding is not modelled yet are reported, never guessed.
import type { Action, FieldRef, Pipeline } from '../actions/ast.ts';
import type { OfpAction, Subfield } from '../openflow/flow/types.ts';
import { resolveSymbol } from '../expr/symbols.ts';
import { ovsField } from '../packet/fields.ts';
import { encodeOfp15 } from './ofp15.ts';
import * as T from './tables.ts';
import { resubmit } from './of-flow.ts';

/** ACTION_OPCODE_* of include/ovn/actions.h. */
export const ACTION_OPCODE = {
  ARP: 0,
  PUT_ARP: 1,
  PUT_DHCP_OPTS: 2,
  ND_NA: 3,
  PUT_ND: 4,
  PUT_DHCPV6_OPTS: 5,
  DNS_LOOKUP: 6,
  LOG: 7,
  PUT_ND_RA_OPTS: 8,
  ND_NS: 9,
  ICMP: 10,
  TCP_RESET: 11,
  ND_NA_ROUTER: 12,
  ICMP4_ERROR: 14,
  EVENT: 15,
  IGMP: 16,
  BIND_VPORT: 17,
  HANDLE_SVC_CHECK: 18,
  DHCP6_SERVER: 19,
  ICMP6_ERROR: 20,
  REJECT: 22,
  BFD_MSG: 23,
  SCTP_ABORT: 24,
  PUT_FDB: 25,
} as const;

const NESTED_OPCODE = {
  arp: ACTION_OPCODE.ARP,
  icmp4: ACTION_OPCODE.ICMP,
  icmp4_error: ACTION_OPCODE.ICMP4_ERROR,
  icmp6: ACTION_OPCODE.ICMP,
  icmp6_error: ACTION_OPCODE.ICMP6_ERROR,
  tcp_reset: ACTION_OPCODE.TCP_RESET,
  sctp_abort: ACTION_OPCODE.SCTP_ABORT,
  reject: ACTION_OPCODE.REJECT,
  nd_na: ACTION_OPCODE.ND_NA,
  nd_na_router: ACTION_OPCODE.ND_NA_ROUTER,
  nd_ns: ACTION_OPCODE.ND_NS,
} as const;

/** What encoding needs to know (struct ovnact_encode_params). */
export interface EncodeParams {
  isSwitch: boolean;
  pipeline: Pipeline;
  /** ingress: OFTABLE_OUTPUT_INIT, egress: OFTABLE_SAVE_INPORT. */
  outputPtable: number;
  /** Port name → tunnel key in this datapath (port or multicast group). */
  lookupPort: (name: string) => number | undefined;
  /** ovn_extend_table_assign_id for a select group described in ovs-ofctl syntax. */
  assignGroup: (spec: string) => number;
  /** common_nat_ct_zone: reg12 when the datapath has snat-ct-zone, else reg11. */
  commonNatZone: string;
}

export interface EncodeResult {
  actions: OfpAction[];
  /** Logical actions not encoded (the flow is then incomplete). */
  unsupported: string[];
}

/** expr_resolve_field: a symbol's bits as a subfield of the OVS field underneath. */
export function resolveField(f: FieldRef): Subfield {
  const r = resolveSymbol(f.symbol);
  const base = r?.[0];
  const ofs = (r?.[1] ?? 0) + f.ofs;
  const field = base?.field ?? f.symbol;
  const nBits = f.nBits || ovsField(field)?.width || 0;
  return { field, ofs, nBits };
}

function whole(field: string): Subfield {
  return { field, ofs: 0, nBits: ovsField(field)?.width ?? 0 };
}

function ones(n: number): bigint {
  return (1n << BigInt(n)) - 1n;
}

/** put_load: value into bits [ofs, ofs+nBits) of a field. */
function load(field: string, value: bigint, ofs: number, nBits: number): OfpAction {
  return { type: 'set_field', field, value: value << BigInt(ofs), mask: ones(nBits) << BigInt(ofs), raw: 'set_field' };
}

function push(sf: Subfield): OfpAction {
  return { type: 'push', subfield: sf };
}
function pop(sf: Subfield): OfpAction {
  return { type: 'pop', subfield: sf };
}

interface Arg {
  src: Subfield;
  dst: string;
}

/** encode_setup_args: save the destinations, push the sources, pop them into the destinations. */
function setupArgs(args: Arg[], out: OfpAction[]): void {
  const moved = args.filter((a) => a.src.field !== a.dst);
  for (const a of moved) out.push(push(whole(a.dst)));
  for (const a of [...moved].reverse()) out.push(push(a.src));
  for (const a of moved) out.push(pop(whole(a.dst)));
}

function restoreArgs(args: Arg[], out: OfpAction[]): void {
  for (const a of [...args].reverse()) if (a.src.field !== a.dst) out.push(pop(whole(a.dst)));
}

function controllerOp(opcode: number, extra: number[] = []): OfpAction {
  return {
    type: 'controller',
    maxLen: 65535,
    reason: 'action',
    controllerId: 0,
    userdata: [0, 0, 0, opcode, 0, 0, 0, 0, ...extra],
    pause: false,
    bare: false,
  };
}

function move(src: Subfield, dst: Subfield): OfpAction {
  return { type: 'move', src, dst };
}

function firstPtable(pipeline: Pipeline): number {
  return pipeline === 'ingress' ? T.OFTABLE_LOG_INGRESS_PIPELINE : T.OFTABLE_LOG_EGRESS_PIPELINE;
}

function zone(field: string): { src: Subfield } {
  return { src: { field, ofs: 0, nBits: 16 } };
}

function resultAction(dst: FieldRef, table: number, bit: number, out: OfpAction[]): void {
  out.push(load(T.MFF_LOG_FLAGS, 0n, bit, 1));
  out.push(resubmit(table));
  out.push(move({ field: T.MFF_LOG_FLAGS, ofs: bit, nBits: 1 }, resolveField(dst)));
}

function formatIp(family: 4 | 6, v: bigint): string {
  if (family === 4) return [24, 16, 8, 0].map((s) => Number((v >> BigInt(s)) & 255n)).join('.');
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((v >> BigInt(16 * i)) & 0xffffn).toString(16));
  // inet_ntop: the longest run of two or more zero groups becomes "::".
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (best < 0) return groups.join(':');
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}

class Encoder {
  readonly unsupported: string[] = [];

  constructor(readonly ep: EncodeParams) {}

  encode(actions: Action[], out: OfpAction[]): void {
    for (const a of actions) this.one(a, out);
  }

  private ctZone(): string {
    return this.ep.isSwitch ? T.MFF_LOG_CT_ZONE : T.MFF_LOG_DNAT_ZONE;
  }

  private one(a: Action, out: OfpAction[]): void {
    const ep = this.ep;
    switch (a.type) {
      case 'output':
        out.push(resubmit(ep.outputPtable));
        return;
      case 'next':
        out.push(resubmit(firstPtable(a.pipeline) + a.table));
        return;
      case 'load': {
        const dst = resolveField(a.dst);
        if (a.value.kind === 'string') {
          const port = ep.lookupPort(a.value.value) ?? 0;
          out.push({ type: 'set_field', field: dst.field, value: BigInt(port), mask: ones(32), raw: 'set_field' });
          return;
        }
        const mask = a.value.mask ?? ones(dst.nBits);
        out.push({
          type: 'set_field',
          field: dst.field,
          value: (a.value.value & mask & ones(dst.nBits)) << BigInt(dst.ofs),
          mask: (mask & ones(dst.nBits)) << BigInt(dst.ofs),
          raw: 'set_field',
        });
        return;
      }
      case 'move':
        out.push(move(resolveField(a.rhs), resolveField(a.lhs)));
        return;
      case 'exchange':
        out.push(
          push(resolveField(a.rhs)),
          push(resolveField(a.lhs)),
          pop(resolveField(a.rhs)),
          pop(resolveField(a.lhs)),
        );
        return;
      case 'push':
        out.push(push(resolveField(a.field)));
        return;
      case 'pop':
        out.push(pop(resolveField(a.field)));
        return;
      case 'dec_ttl':
        out.push({ type: 'dec_ttl', cntIds: [] });
        return;
      case 'ct_next':
        out.push({
          type: 'ct',
          commit: false,
          force: false,
          zone: zone(this.ctZone()),
          table: firstPtable(ep.pipeline) + a.table,
          actions: [],
        });
        return;
      case 'ct_commit': {
        const inner: OfpAction[] = [];
        this.encode(a.nested, inner);
        out.push({
          type: 'ct',
          commit: true,
          force: false,
          zone: zone(this.ctZone()),
          actions: [{ type: 'nat', kind: 'src' }, ...inner],
        });
        return;
      }
      case 'ct_commit_v1': {
        const inner: OfpAction[] = [{ type: 'nat', kind: 'src' }];
        if (a.ctMark)
          inner.push({
            type: 'set_field',
            field: 'ct_mark',
            value: a.ctMark.value,
            mask: a.ctMark.mask,
            raw: 'set_field',
          });
        if (a.ctLabel)
          inner.push({
            type: 'set_field',
            field: 'ct_label',
            value: a.ctLabel.value,
            mask: a.ctLabel.mask,
            raw: 'set_field',
          });
        out.push({ type: 'ct', commit: true, force: false, zone: zone(T.MFF_LOG_CT_ZONE), actions: inner });
        return;
      }
      case 'ct_dnat':
      case 'ct_snat':
      case 'ct_dnat_in_czone':
      case 'ct_snat_in_czone':
      case 'ct_commit_nat': {
        const zoneField =
          a.type === 'ct_dnat'
            ? T.MFF_LOG_DNAT_ZONE
            : a.type === 'ct_snat'
              ? T.MFF_LOG_SNAT_ZONE
              : a.type === 'ct_commit_nat'
                ? this.ctZone()
                : ep.commonNatZone;
        const ip = a.type === 'ct_commit_nat' ? undefined : a.ip;
        const kind = ip ? (a.type === 'ct_dnat' || a.type === 'ct_dnat_in_czone' ? 'dst' : 'src') : undefined;
        const nat: OfpAction = { type: 'nat' };
        if (kind) nat.kind = kind;
        if (ip) {
          nat.addrMin = ip.value;
          nat.ipv6 = ip.family === 6;
        }
        if (a.type !== 'ct_commit_nat' && a.portRange) {
          nat.portMin = a.portRange.lo;
          nat.portMax = a.portRange.hi;
        }
        out.push({
          type: 'ct',
          commit: a.type === 'ct_commit_nat' || Boolean(ip),
          force: false,
          zone: zone(zoneField),
          table: firstPtable(ep.pipeline) + a.table,
          actions: [nat],
        });
        return;
      }
      case 'ct_lb':
      case 'ct_lb_mark':
        this.ctLb(a, out);
        return;
      case 'ct_clear':
        out.push({ type: 'ct_clear' });
        return;
      case 'clone': {
        const inner: OfpAction[] = [];
        this.encode(a.nested, inner);
        out.push({ type: 'clone', actions: inner });
        return;
      }
      case 'get_arp':
      case 'get_nd': {
        const args: Arg[] = [
          { src: resolveField(a.port), dst: T.MFF_LOG_OUTPORT },
          { src: resolveField(a.ip), dst: a.type === 'get_arp' ? 'reg0' : 'xxreg0' },
        ];
        setupArgs(args, out);
        out.push(load('eth_dst', 0n, 0, 48));
        out.push(resubmit(T.OFTABLE_MAC_BINDING));
        restoreArgs(args, out);
        return;
      }
      case 'put_arp':
      case 'put_nd': {
        const args: Arg[] = [
          { src: resolveField(a.port), dst: T.MFF_LOG_INPORT },
          { src: resolveField(a.ip), dst: a.type === 'put_arp' ? 'reg0' : 'xxreg0' },
          { src: resolveField(a.mac), dst: 'eth_src' },
        ];
        setupArgs(args, out);
        out.push(controllerOp(a.type === 'put_arp' ? ACTION_OPCODE.PUT_ARP : ACTION_OPCODE.PUT_ND));
        restoreArgs(args, out);
        return;
      }
      case 'lookup_arp':
      case 'lookup_nd': {
        const args: Arg[] = [
          { src: resolveField(a.port), dst: T.MFF_LOG_INPORT },
          { src: resolveField(a.ip), dst: a.type === 'lookup_arp' ? 'reg0' : 'xxreg0' },
          { src: resolveField(a.mac), dst: 'eth_src' },
        ];
        setupArgs(args, out);
        out.push(load(T.MFF_LOG_FLAGS, 0n, T.MLF_LOOKUP_MAC_BIT, 1));
        out.push(resubmit(T.OFTABLE_MAC_LOOKUP));
        out.push(move({ field: T.MFF_LOG_FLAGS, ofs: T.MLF_LOOKUP_MAC_BIT, nBits: 1 }, resolveField(a.dst)));
        restoreArgs(args, out);
        return;
      }
      case 'lookup_arp_ip':
      case 'lookup_nd_ip': {
        const args: Arg[] = [
          { src: resolveField(a.port), dst: T.MFF_LOG_OUTPORT },
          { src: resolveField(a.ip), dst: a.type === 'lookup_arp_ip' ? 'reg0' : 'xxreg0' },
        ];
        setupArgs(args, out);
        out.push(push(whole('eth_dst')));
        out.push(load(T.MFF_LOG_FLAGS, 0n, T.MLF_LOOKUP_MAC_BIT, 1));
        out.push(resubmit(T.OFTABLE_MAC_BINDING));
        out.push(move({ field: T.MFF_LOG_FLAGS, ofs: T.MLF_LOOKUP_MAC_BIT, nBits: 1 }, resolveField(a.dst)));
        out.push(pop(whole('eth_dst')));
        restoreArgs(args, out);
        return;
      }
      case 'handle_svc_check': {
        const args: Arg[] = [{ src: resolveField(a.port), dst: T.MFF_LOG_INPORT }];
        setupArgs(args, out);
        out.push(controllerOp(ACTION_OPCODE.HANDLE_SVC_CHECK));
        restoreArgs(args, out);
        return;
      }
      case 'put_fdb': {
        const args: Arg[] = [
          { src: resolveField(a.port), dst: T.MFF_LOG_INPORT },
          { src: resolveField(a.mac), dst: 'eth_src' },
        ];
        setupArgs(args, out);
        out.push(controllerOp(ACTION_OPCODE.PUT_FDB));
        restoreArgs(args, out);
        return;
      }
      case 'get_fdb': {
        const dst = resolveField(a.dst);
        const args: Arg[] = [{ src: resolveField(a.mac), dst: 'eth_dst' }];
        setupArgs(args, out);
        out.push(load(T.MFF_LOG_OUTPORT, 0n, 0, 32));
        out.push(resubmit(T.OFTABLE_GET_FDB));
        restoreArgs(args, out);
        if (dst.field !== T.MFF_LOG_OUTPORT) out.push(move({ field: T.MFF_LOG_OUTPORT, ofs: 0, nBits: 32 }, dst));
        return;
      }
      case 'lookup_fdb': {
        const args: Arg[] = [
          { src: resolveField(a.port), dst: T.MFF_LOG_INPORT },
          { src: resolveField(a.mac), dst: 'eth_src' },
        ];
        setupArgs(args, out);
        out.push(load(T.MFF_LOG_FLAGS, 0n, T.MLF_LOOKUP_FDB_BIT, 1));
        out.push(resubmit(T.OFTABLE_LOOKUP_FDB));
        restoreArgs(args, out);
        out.push(move({ field: T.MFF_LOG_FLAGS, ofs: T.MLF_LOOKUP_FDB_BIT, nBits: 1 }, resolveField(a.dst)));
        return;
      }
      case 'check_in_port_sec':
        resultAction(a.dst, T.OFTABLE_CHK_IN_PORT_SEC, T.MLF_CHECK_PORT_SEC_BIT, out);
        return;
      case 'check_out_port_sec':
        resultAction(a.dst, T.OFTABLE_CHK_OUT_PORT_SEC, T.MLF_CHECK_PORT_SEC_BIT, out);
        return;
      case 'chk_lb_hairpin':
        resultAction(a.dst, T.OFTABLE_CHK_LB_HAIRPIN, 7, out);
        return;
      case 'chk_lb_hairpin_reply':
        resultAction(a.dst, T.OFTABLE_CHK_LB_HAIRPIN_REPLY, 7, out);
        return;
      case 'ct_snat_to_vip':
        out.push(resubmit(T.OFTABLE_CT_SNAT_HAIRPIN));
        return;
      case 'arp':
      case 'icmp4':
      case 'icmp4_error':
      case 'icmp6':
      case 'icmp6_error':
      case 'tcp_reset':
      case 'sctp_abort':
      case 'reject':
      case 'nd_na':
      case 'nd_na_router':
      case 'nd_ns': {
        // encode_nested_actions: the inner actions travel as OpenFlow 1.5 in the userdata.
        const inner: OfpAction[] = [];
        this.encode(a.nested, inner);
        const bytes = encodeOfp15(inner);
        if (!bytes) {
          this.unsupported.push(`${a.type} (inner actions)`);
          return;
        }
        out.push(controllerOp(NESTED_OPCODE[a.type], bytes));
        return;
      }
      case 'igmp':
        out.push(controllerOp(ACTION_OPCODE.IGMP));
        return;
      case 'handle_dhcpv6_reply':
        out.push(controllerOp(ACTION_OPCODE.DHCP6_SERVER));
        return;
      case 'handle_bfd_msg':
        out.push(controllerOp(ACTION_OPCODE.BFD_MSG));
        return;
      default:
        this.unsupported.push(a.type);
    }
  }

  private ctLb(a: Extract<Action, { type: 'ct_lb' | 'ct_lb_mark' }>, out: OfpAction[]): void {
    const recirc = firstPtable(this.ep.pipeline) + a.table;
    if (!a.backends.length) {
      out.push({
        type: 'ct',
        commit: false,
        force: false,
        zone: zone(this.ctZone()),
        table: recirc,
        actions: [{ type: 'nat' }],
      });
      return;
    }
    const zoneReg = this.ep.isSwitch ? 13 : 11;
    const flagReg = a.type === 'ct_lb_mark' ? 'ct_mark' : 'ct_label';
    const flag = a.ctFlag === 'skip_snat' ? '0x4/0x4' : a.ctFlag === 'force_snat' ? '0x8/0x8' : undefined;
    let spec = `type=select,selection_method=${a.hashFields ? 'hash' : 'dp_hash'}`;
    if (a.hashFields) spec += `,fields(${a.hashFields})`;
    a.backends.forEach((b, id) => {
      const ip = formatIp(b.family, b.value);
      const addr = b.family === 6 && b.port ? `[${ip}]` : ip;
      spec += `,bucket=bucket_id=${id},weight:100,actions=ct(nat(dst=${addr}${b.port ? `:${b.port}` : ''}),commit,table=${recirc},zone=NXM_NX_REG${zoneReg}[0..15],exec(set_field:0x2/0x2->${flagReg}`;
      if (flag) spec += `,set_field:${flag}->${flagReg}`;
      spec += '))';
    });
    out.push({ type: 'group', groupId: this.ep.assignGroup(spec) });
  }
}

/** ovnacts_encode. */
export function encodeActions(actions: Action[], ep: EncodeParams): EncodeResult {
  const enc = new Encoder(ep);
  const out: OfpAction[] = [];
  enc.encode(actions, out);
  return { actions: out, unsupported: enc.unsupported };
}
