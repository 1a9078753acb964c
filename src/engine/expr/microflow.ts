// ovn-trace's microflow: a match expression that must pin one packet down (expr_parse_microflow in
// lib/expr.c), turned into a PacketState, and the `# icmp,reg14=0x1,…` line ovn-trace prints for it
// (OVS's flow_format/match_format at v3.1.0: same fields, order and notation).
import { annotateExpr } from './annotate.ts';
import { buildExpr, formatOvnExpr, type OvnExpr } from './expr.ts';
import type { ParseError } from './lexer-cursor.ts';
import { expandTemplates } from './lexer.ts';
import { evaluateConditions, normalizeExpr, simplifyExpr } from './normalize.ts';
import { parseExpr } from './parser.ts';
import { SYMTAB, type SymbolTable } from './symbols.ts';
import { formatIPv4, formatIPv6, formatMac } from '../packet/addresses.ts';
import { emptyPacket, getField, setField, setMasked, type PacketState } from '../packet/state.ts';

export interface MicroflowContext {
  symtab?: SymbolTable;
  addressSets?: Readonly<Record<string, readonly string[]>>;
  portGroups?: Readonly<Record<string, readonly string[]>>;
  /** Chassis_Template_Var values for `^NAME` (ovn-trace expands templates before parsing). */
  templateVars?: Readonly<Record<string, string>>;
  /** Tunnel key of a port or multicast group of the datapath; undefined when unknown (the constraint is then dropped, as ovn-trace does). */
  lookupPort?: (name: string) => number | undefined;
}

export type MicroflowResult = { ok: true; packet: PacketState } | { ok: false; error: ParseError };

/** Applies one comparison to the packet (constrain_match). */
function constrain(e: OvnExpr, packet: PacketState, ctx: MicroflowContext, symtab: SymbolTable): void {
  if (e.type === 'cmp') {
    const symbol = symtab.get(e.symbol);
    const field = symbol?.field;
    if (!field) return;
    // mf_set ignores a partial mask on a field OVS cannot mask (ip.dscp and ip.ecn fill part of a byte).
    const byteMask = (1n << BigInt(Math.ceil(symbol.width / 8) * 8)) - 1n;
    if (symbol.level === 'nominal' && e.mask !== byteMask) return;
    setMasked(packet, field, e.value, e.mask);
  } else if (e.type === 'cmpString') {
    const key = e.string === '' || e.string === 'none' ? 0 : ctx.lookupPort?.(e.string);
    const field = symtab.get(e.symbol)?.field;
    if (key !== undefined && field) setField(packet, field, BigInt(key));
  }
}

/** Parses a microflow as ovn-trace does; errors carry OVN's texts ("Constraints are ambiguous: …"). */
export function parseMicroflow(raw: string, ctx: MicroflowContext = {}): MicroflowResult {
  const symtab = ctx.symtab ?? SYMTAB;
  const text = expandTemplates(raw, ctx.templateVars);
  const parsed = parseExpr(text, { symtab, addressSets: ctx.addressSets, portGroups: ctx.portGroups, datapathKey: 0 });
  if (!parsed.ok) return parsed;
  const annotated = annotateExpr(buildExpr(parsed.value, { ...ctx, symtab, datapathKey: 0 }), symtab);
  const end = { column: text.length + 1 };
  if (!annotated.ok) return { ok: false, error: { message: annotated.error, ...end } };
  const shown = formatOvnExpr(annotated.value, symtab);
  const e = normalizeExpr(evaluateConditions(simplifyExpr(annotated.value, symtab)), symtab);
  const ambiguous = { ok: false as const, error: { message: `Constraints are ambiguous: ${shown}.`, ...end } };
  const packet = emptyPacket();
  switch (e.type) {
    case 'bool':
      if (!e.value) return { ok: false, error: { message: 'Constraints are contradictory.', ...end } };
      break;
    case 'or':
      return ambiguous;
    case 'cmp':
    case 'cmpString':
      constrain(e, packet, ctx, symtab);
      break;
    case 'and':
      for (const sub of e.terms) {
        if (sub.type !== 'cmp' && sub.type !== 'cmpString') return ambiguous;
        constrain(sub, packet, ctx, symtab);
      }
      break;
    case 'condition':
      break;
  }
  return { ok: true, packet };
}

/** The logical input port named by a microflow (expr_find_inport), for traces given no datapath. */
export function findInport(text: string): { ok: true; port: string } | { ok: false; error: string } {
  const parsed = parseExpr(text);
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const ports = new Set<string>();
  const walk = (e: OvnExpr) => {
    if (e.type === 'cmpString' && e.symbol === 'inport' && e.relop === '==') ports.add(e.string);
    else if (e.type === 'and' || e.type === 'or') e.terms.forEach(walk);
  };
  walk(buildExpr(parsed.value));
  if (ports.size === 1) return { ok: true, port: [...ports][0] };
  return {
    ok: false,
    error:
      ports.size === 0
        ? 'flow match expression does not match on inport'
        : 'flow match expression matches on multiple inports',
  };
}

const ETH_TYPE_IP = 0x0800n;
const ETH_TYPE_IPV6 = 0x86ddn;
const ETH_TYPE_ARP = 0x0806n;
const ETH_TYPE_RARP = 0x8035n;
const TCP_FLAG_NAMES = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ece', 'cwr', 'ns', '[200]', '[400]', '[800]'];
const CT_STATE_NAMES = ['new', 'est', 'rel', 'rpl', 'inv', 'trk', 'snat', 'dnat'];

function hex32(v: bigint): string {
  return v === 0n ? '0' : `0x${v.toString(16)}`;
}

function flags(v: bigint, names: string[]): string {
  if (v === 0n) return '0';
  const out: string[] = [];
  for (let i = 0; i < 32; i++) {
    if ((v >> BigInt(i)) & 1n) out.push(names[i] ?? `0x${(1 << i).toString(16)}`);
  }
  return out.join('|');
}

/** flow_format of a microflow's packet: the text after `# ` in ovn-trace's first line. */
export function formatMicroflow(p: PacketState): string {
  const out: string[] = [];
  const get = (name: string) => getField(p, name);
  const dlType = get('eth_type');
  const proto = get('nw_proto');
  const isIp = dlType === ETH_TYPE_IP;
  const isIp6 = dlType === ETH_TYPE_IPV6;
  const isArp = dlType === ETH_TYPE_ARP || dlType === ETH_TYPE_RARP;
  const frag = get('ip_frag');
  const later = (frag & 2n) !== 0n;
  const icmpType = get('tp_src');
  const isNd = isIp6 && proto === 58n && (icmpType === 135n || icmpType === 136n) && get('tp_dst') === 0n;
  const hasL4 = (isIp || isIp6) && !later && [1n, 58n, 6n, 17n, 132n, 2n].includes(proto);

  if (get('pkt_mark')) out.push(`pkt_mark=${hex32(get('pkt_mark'))}`);
  if (get('recirc_id')) out.push(`recirc_id=${hex32(get('recirc_id'))}`);
  if (get('dp_hash')) out.push(`dp_hash=${hex32(get('dp_hash'))}`);
  if (get('skb_priority')) out.push(`skb_priority=${hex32(get('skb_priority'))}`);
  const ctState = get('ct_state') & 0xffn;
  if (ctState) out.push(`ct_state=${flags(ctState, CT_STATE_NAMES)}`);
  if (get('ct_zone')) out.push(`ct_zone=${hex32(get('ct_zone'))}`);
  if (get('ct_mark')) out.push(`ct_mark=${hex32(get('ct_mark'))}`);
  if (get('ct_label')) out.push(`ct_label=${hex32(get('ct_label'))}`);

  let skipProto = false;
  let typeName: string | undefined;
  if (isIp || isIp6) {
    const names: Record<string, [string, string]> = {
      '1': ['icmp', ''],
      '58': ['', 'icmp6'],
      '6': ['tcp', 'tcp6'],
      '17': ['udp', 'udp6'],
      '132': ['sctp', 'sctp6'],
    };
    const name = names[proto.toString()]?.[isIp ? 0 : 1];
    if (name) {
      typeName = name;
      skipProto = true;
    } else typeName = isIp ? 'ip' : 'ipv6';
  } else if (dlType === ETH_TYPE_ARP) typeName = 'arp';
  else if (dlType === ETH_TYPE_RARP) typeName = 'rarp';
  else if (dlType === 0x8847n) typeName = 'mpls';
  else if (dlType === 0x8848n) typeName = 'mplsm';
  if (typeName) out.push(typeName);

  for (let i = 0; i < 16; i++) {
    const r = get(`reg${i}`);
    if (r) out.push(`reg${i}=${hex32(r)}`);
  }
  if (get('tun_id')) out.push(`tun_id=${hex32(get('tun_id'))}`);
  if (get('metadata')) out.push(`metadata=${hex32(get('metadata'))}`);
  if (get('in_port')) out.push(`in_port=${get('in_port')}`);

  // The first VLAN header always shows, and a second (zero) one after a present tag.
  const tci = get('vlan_tci');
  if (tci & 0x1000n) out.push(`dl_vlan=${tci & 0xfffn}`, `dl_vlan_pcp=${tci >> 13n}`);
  else out.push(`vlan_tci=0x${tci.toString(16).padStart(4, '0')}`);
  if (tci) out.push('vlan_tci1=0x0000');
  out.push(`dl_src=${formatMac(get('eth_src'))}`, `dl_dst=${formatMac(get('eth_dst'))}`);
  if (!typeName) out.push(`dl_type=0x${dlType.toString(16).padStart(4, '0')}`);

  if (isIp6) {
    out.push(`ipv6_src=${formatIPv6(get('ipv6_src'))}`, `ipv6_dst=${formatIPv6(get('ipv6_dst'))}`);
    out.push(`ipv6_label=0x${get('ipv6_label').toString(16).padStart(5, '0')}`);
  } else if (isArp) {
    out.push(`arp_spa=${formatIPv4(get('arp_spa'))}`, `arp_tpa=${formatIPv4(get('arp_tpa'))}`);
  } else if (isIp) {
    out.push(`nw_src=${formatIPv4(get('ip_src'))}`, `nw_dst=${formatIPv4(get('ip_dst'))}`);
  }
  if (!skipProto && (isIp || isIp6 || isArp)) out.push(`${isArp ? 'arp_op' : 'nw_proto'}=${proto}`);
  if (isArp) out.push(`arp_sha=${formatMac(get('arp_sha'))}`, `arp_tha=${formatMac(get('arp_tha'))}`);
  if (isIp || isIp6) {
    const tos = get('nw_tos');
    out.push(`nw_tos=${tos & 0xfcn}`, `nw_ecn=${tos & 3n}`, `nw_ttl=${get('nw_ttl')}`);
    const fragName = frag & 1n ? (later ? 'later' : 'first') : later ? '<error>' : 'no';
    out.push(`nw_frag=${fragName}`);
  }
  if (hasL4) {
    if ((isIp && proto === 1n) || (isIp6 && proto === 58n)) {
      out.push(`icmp_type=${get('tp_src')}`, `icmp_code=${get('tp_dst')}`);
      if (isNd) {
        out.push(`nd_target=${formatIPv6(get('nd_target'))}`);
        out.push(`nd_sll=${formatMac(get('arp_sha'))}`, `nd_tll=${formatMac(get('arp_tha'))}`);
      }
    } else {
      out.push(`tp_src=${get('tp_src')}`, `tp_dst=${get('tp_dst')}`);
    }
    if (proto === 6n) out.push(`tcp_flags=${flags(get('tcp_flags'), TCP_FLAG_NAMES)}`);
  }
  return out.join(',');
}
