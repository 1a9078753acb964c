// Actions as `ovs-ofctl -O OpenFlow15 dump-flows` prints them: first the OpenFlow 1.5 round trip the
// switch makes (ofpacts_put_openflow_actions, then decoding): load/mod_dl_src/set_tunnel/mod_tp_* become
// set_field, mod_vlan_vid becomes [push_vlan,]set_field, enqueue becomes set_queue,output,pop_queue,
// strip_vlan becomes pop_vlan, a note is padded to its 8-byte action; then each action's format_*().
import { allOnes, fieldByName } from './fields';
import { formatLearn } from './learn';
import { formatSubfield } from './subfield';
import type { Match, MfField, NatSpec, OfpAction } from './types';
import { OFPP } from './types';
import { formatEthMasked, formatPort, mfFormat, putHex } from './values';
import { formatIPv4, formatIPv6 } from '../../packet/addresses';

type PortName = ((port: number) => string | undefined) | undefined;

function setField(field: string, value: bigint, mask?: bigint): OfpAction {
  const f = fieldByName(field);
  return { type: 'set_field', field, value, mask: mask ?? allOnes(f ? 8 * f.nBytes : 64), raw: 'set_field' };
}

/** set_field to a legacy OpenFlow 1.0/1.1 action where one exists (set_field_to_legacy_openflow). */
function legacySetField(a: Extract<OfpAction, { type: 'set_field' }>, version: number, hasVlan: boolean): OfpAction[] {
  const v = a.value;
  switch (a.field) {
    case 'vlan_tci': {
      if (!(v & 0x1000n)) return [{ type: 'strip_vlan', raw: version < 11 ? 'strip_vlan' : 'pop_vlan' }];
      const vid = Number(v & 0xfffn);
      const pcp = Number(v >> 13n);
      const push = version < 11;
      return [
        ...(version >= 11 && !hasVlan ? [{ type: 'push_vlan', ethertype: 0x8100 } as const] : []),
        { type: 'set_vlan_vid', vid, push },
        { type: 'set_vlan_pcp', pcp, push },
      ];
    }
    case 'vlan_vid':
      return [{ type: 'set_vlan_vid', vid: Number(v & 0xfffn), push: version < 11 }];
    case 'vlan_pcp':
      return [{ type: 'set_vlan_pcp', pcp: Number(v), push: version < 11 }];
    case 'eth_src':
    case 'eth_dst':
      return [{ type: a.field === 'eth_src' ? 'mod_dl_src' : 'mod_dl_dst', mac: v }];
    case 'ip_src':
    case 'ip_dst':
      return [{ type: a.field === 'ip_src' ? 'mod_nw_src' : 'mod_nw_dst', addr: v }];
    case 'nw_tos':
      return [{ type: 'mod_nw_tos', dscp: Number(v) }];
    case 'ip_dscp':
      return [{ type: 'mod_nw_tos', dscp: Number(v << 2n) & 0xff }];
    case 'nw_ecn':
      return version < 11 ? [{ ...a, raw: 'load' }] : [{ type: 'mod_nw_ecn', ecn: Number(v) }];
    case 'tcp_src':
    case 'udp_src':
    case 'tcp_dst':
    case 'udp_dst':
      return [{ type: a.field.endsWith('src') ? 'mod_tp_src' : 'mod_tp_dst', port: Number(v) }];
    default:
      return [toLoad(a)];
  }
}

/**
 * set_field_to_nxast: NXAST_REG_LOAD (printed "load:", value within the mask), except for what only
 * NXAST_REG_LOAD2 can carry (variable-length tun_metadata, experimenter-only fields), which prints as set_field.
 */
function toLoad(a: Extract<OfpAction, { type: 'set_field' }>): OfpAction {
  const f = fieldByName(a.field);
  const load2 = a.field.startsWith('tun_metadata') || (f !== undefined && !f.nxmName && f.oxmName?.startsWith('NXOXM'));
  return load2 ? { ...a, raw: 'set_field' } : { ...a, value: a.value & a.mask, raw: 'load' };
}

/**
 * The actions after a trip through OpenFlow `version` (10 … 15): encode (ofpacts_put_openflow_actions) and
 * decode again. Adding a flow applies this with the add-flow version (what the switch stores, what
 * ofproto/trace prints); dump-flows applies it again with the dump version.
 */
export function normalizeActions(actions: readonly OfpAction[], match: Match, version = 15): OfpAction[] {
  const out: OfpAction[] = [];
  const tci = match.slots.vlan_tci;
  let hasVlan = tci !== undefined && (tci.value & 0x1000n) !== 0n;
  const proto = match.slots.nw_proto?.value;
  const l4 = proto === 17n ? 'udp' : proto === 132n ? 'sctp' : 'tcp';
  const modern = version >= 12;
  for (const a of actions) {
    switch (a.type) {
      case 'set_field': {
        const f = fieldByName(a.field);
        const full = f !== undefined && a.mask === allOnes(8 * f.nBytes);
        // mf_format trims tun_metadata to its TLV length, so a mask of that length prints as none.
        const md = /^tun_metadata(\d+)$/.exec(a.field);
        const tlvLen = md ? match.tunMetadataLen?.[Number(md[1])] : undefined;
        if (tlvLen !== undefined && a.mask === allOnes(8 * tlvLen)) {
          out.push({ ...a, mask: allOnes(992), raw: version >= 15 || a.raw !== 'load' ? 'set_field' : 'load' });
        } else if (version >= 15) out.push({ ...a, raw: 'set_field' });
        else if (a.raw === 'load') out.push(a);
        else if (version < 12) out.push(...legacySetField(a, version, hasVlan));
        else out.push(full ? { ...a, raw: 'set_field' } : toLoad(a));
        if (a.field === 'vlan_vid' || a.field === 'vlan_tci') hasVlan = (a.value & 0x1000n) !== 0n;
        break;
      }
      case 'mod_dl_src':
      case 'mod_dl_dst':
        out.push(modern ? setField(a.type === 'mod_dl_src' ? 'eth_src' : 'eth_dst', a.mac) : a);
        break;
      case 'mod_nw_src':
      case 'mod_nw_dst':
        out.push(modern ? setField(a.type === 'mod_nw_src' ? 'ip_src' : 'ip_dst', a.addr) : a);
        break;
      case 'mod_nw_tos':
        out.push(modern ? setField('ip_dscp', BigInt(a.dscp >> 2)) : a);
        break;
      case 'mod_nw_ecn':
        out.push(
          modern
            ? setField('nw_ecn', BigInt(a.ecn))
            : version < 11
              ? { type: 'set_field', field: 'nw_ecn', value: BigInt(a.ecn), mask: 0xffn, raw: 'load' }
              : a,
        );
        break;
      case 'mod_tp_src':
      case 'mod_tp_dst':
        out.push(modern ? setField(`${l4}_${a.type === 'mod_tp_src' ? 'src' : 'dst'}`, BigInt(a.port)) : a);
        break;
      case 'set_tunnel':
        out.push(modern ? setField('tun_id', a.tunId) : a);
        break;
      case 'set_vlan_vid':
      case 'set_vlan_pcp':
        if (version < 11) {
          out.push({ ...a, push: true });
          hasVlan = true;
          break;
        }
        if (a.push && !hasVlan) out.push({ type: 'push_vlan', ethertype: 0x8100 });
        hasVlan = true;
        if (!modern) out.push({ ...a, push: false });
        else {
          out.push(
            a.type === 'set_vlan_vid'
              ? setField('vlan_vid', BigInt(a.vid | 0x1000))
              : setField('vlan_pcp', BigInt(a.pcp)),
          );
        }
        break;
      case 'push_vlan':
        hasVlan = true;
        out.push(a);
        break;
      case 'strip_vlan':
        hasVlan = false;
        out.push({ type: 'strip_vlan', raw: version < 11 ? 'strip_vlan' : 'pop_vlan' });
        break;
      case 'enqueue':
        if (version < 11) out.push(a);
        else out.push({ type: 'set_queue', queue: a.queue }, { type: 'output', port: a.port }, { type: 'pop_queue' });
        break;
      case 'mod_nw_ttl':
        // OpenFlow 1.0 has no set-TTL action: ovs-ofctl sends a reg_load of nw_ttl.
        out.push(
          version < 11 ? { type: 'set_field', field: 'nw_ttl', value: BigInt(a.ttl), mask: 0xffn, raw: 'load' } : a,
        );
        break;
      case 'clear_actions':
      case 'write_actions':
        // Instructions do not exist in OpenFlow 1.0: encoding to it leaves them out.
        if (version >= 11) out.push(a);
        break;
      case 'goto_table':
        // …except goto_table, which OpenFlow 1.0 carries as a Nicira resubmit.
        out.push(version >= 11 ? a : { type: 'resubmit', inPort: OFPP.IN_PORT, table: a.table, withCt: false });
        break;
      case 'note': {
        const len = Math.ceil((10 + a.data.length) / 8) * 8 - 10;
        out.push({ type: 'note', data: [...a.data, ...new Array<number>(len - a.data.length).fill(0)] });
        break;
      }
      case 'clone':
      case 'write_actions':
      case 'ct':
        out.push({ ...a, actions: normalizeActions(a.actions, match, version) });
        break;
      default:
        out.push(a);
    }
  }
  return out;
}

/** format_SET_FIELD of a reg_load: one "load:" per contiguous run of mask bits, at most 64 bits each. */
function formatLoad(value: bigint, mask: bigint, f: MfField): string {
  const out: string[] = [];
  let ofs = 0;
  while (ofs < f.nBits) {
    while (ofs < f.nBits && !((mask >> BigInt(ofs)) & 1n)) ofs++;
    if (ofs >= f.nBits) break;
    let end = ofs + 1;
    while (end < Math.min(ofs + 64, f.nBits) && (mask >> BigInt(end)) & 1n) end++;
    const v = (value >> BigInt(ofs)) & allOnes(end - ofs);
    out.push(
      `load:${v === 0n ? '0' : `0x${v.toString(16)}`}->${formatSubfield({ field: f.name, ofs, nBits: end - ofs })}`,
    );
    ofs = end;
  }
  return out.join(',');
}

const hexArg = (data: readonly number[]): string => data.map((b) => b.toString(16).padStart(2, '0')).join('.');

function formatNat(a: NatSpec): string {
  if (!a.kind) return 'nat';
  let s = `nat(${a.kind}`;
  if (a.addrMin !== undefined) {
    s += '=';
    const bracket = a.ipv6 && a.portMin !== undefined;
    const addr = (v: bigint): string => (a.ipv6 ? (bracket ? `[${formatIPv6(v)}]` : formatIPv6(v)) : formatIPv4(v));
    s += addr(a.addrMin);
    if (a.addrMax !== undefined && a.addrMax !== a.addrMin && (a.ipv6 || a.addrMax !== 0n)) s += `-${addr(a.addrMax)}`;
    if (a.portMin) {
      s += `:${a.portMin}`;
      if (a.portMax && a.portMax !== a.portMin) s += `-${a.portMax}`;
    }
    s += ',';
    if (a.persistent) s += 'persistent,';
    if (a.hash) s += 'hash,';
    if (a.random) s += 'random,';
  }
  return `${s.replace(/,$/, '')})`;
}

function formatOne(a: OfpAction, portName: PortName): string {
  switch (a.type) {
    case 'output':
      return `${a.port < OFPP.MAX ? 'output:' : ''}${formatPort(a.port, portName)}${a.port === OFPP.CONTROLLER ? `:${a.maxLen ?? 65535}` : ''}`;
    case 'output_reg':
      return `output:${formatSubfield(a.src)}`;
    case 'output_trunc':
      return `output(port=${formatPort(a.port, portName)},max_len=${a.maxLen})`;
    case 'enqueue':
      return `enqueue:${formatPort(a.port, portName)}:${a.queue}`;
    case 'controller': {
      let s = 'controller(';
      if (a.reason !== 'action') s += `reason=${a.reason},`;
      if (a.maxLen !== 65535) s += `max_len=${a.maxLen},`;
      if (a.controllerId) s += `id=${a.controllerId},`;
      if (a.userdata?.length) s += `userdata=${hexArg(a.userdata)},`;
      if (a.pause) s += 'pause,';
      if (a.meterId !== undefined) s += `meter_id=${a.meterId},`;
      return `${s.replace(/,$/, '')})`;
    }
    case 'group':
      return `group:${a.groupId}`;
    case 'resubmit':
      if (a.inPort !== OFPP.IN_PORT && a.table === 255) return `resubmit:${formatPort(a.inPort, portName)}`;
      return `resubmit(${a.inPort !== OFPP.IN_PORT ? formatPort(a.inPort, portName) : ''},${a.table !== 255 ? a.table : ''}${a.withCt ? ',ct' : ''})`;
    case 'goto_table':
      return `goto_table:${a.table}`;
    case 'set_field': {
      const f = fieldByName(a.field);
      if (!f) return `set_field:${putHex(a.value)}->${a.field}`;
      if (a.raw === 'load') return formatLoad(a.value, a.mask, f);
      return `set_field:${mfFormat(f, a.value, a.mask, portName)}->${f.name}`;
    }
    case 'move':
      return `move:${formatSubfield(a.src)}->${formatSubfield(a.dst)}`;
    case 'push':
    case 'pop':
      return `${a.type}:${formatSubfield(a.subfield)}`;
    case 'dec_ttl':
      return a.raw === 'cnt_ids' || a.cntIds.length !== 1 || a.cntIds[0] !== 0
        ? `dec_ttl(${a.cntIds.join(',')})`
        : 'dec_ttl';
    case 'set_vlan_vid':
      return `${a.push ? 'mod_vlan_vid' : 'set_vlan_vid'}:${a.vid}`;
    case 'set_vlan_pcp':
      return `${a.push ? 'mod_vlan_pcp' : 'set_vlan_pcp'}:${a.pcp}`;
    case 'strip_vlan':
      return a.raw;
    case 'push_vlan':
      return `push_vlan:0x${a.ethertype.toString(16)}`;
    case 'mod_dl_src':
    case 'mod_dl_dst':
      return `${a.type}:${formatEthMasked(a.mac, allOnes(48))}`;
    case 'mod_nw_src':
    case 'mod_nw_dst':
      return `${a.type}:${formatIPv4(a.addr)}`;
    case 'mod_nw_tos':
      return `mod_nw_tos:${a.dscp}`;
    case 'mod_nw_ecn':
      return `mod_nw_ecn:${a.ecn}`;
    case 'mod_nw_ttl':
      return `mod_nw_ttl:${a.ttl}`;
    case 'mod_tp_src':
    case 'mod_tp_dst':
      return `${a.type}:${a.port}`;
    case 'push_mpls':
    case 'pop_mpls':
      return `${a.type}:0x${a.ethertype.toString(16).padStart(4, '0')}`;
    case 'set_tunnel':
      return `set_tunnel${a.tunId > 0xffffffffn || a.raw === 'set_tunnel64' ? '64' : ''}:${putHex(a.tunId)}`;
    case 'set_queue':
      return `set_queue:${a.queue}`;
    case 'fin_timeout': {
      const parts = [a.idle ? `idle_timeout=${a.idle}` : '', a.hard ? `hard_timeout=${a.hard}` : ''].filter(Boolean);
      return `fin_timeout(${parts.join(',')})`;
    }
    case 'note':
      return `note:${hexArg(a.data)}`;
    case 'pop_queue':
    case 'exit':
    case 'ct_clear':
    case 'clear_actions':
      return a.type;
    case 'clone':
      return `clone(${formatActionList(a.actions, portName)})`;
    case 'write_actions':
      return `write_actions(${formatActionList(a.actions, portName)})`;
    case 'ct': {
      let s = 'ct(';
      if (a.commit) s += 'commit,';
      if (a.force) s += 'force,';
      if (a.table !== undefined) s += `table=${a.table},`;
      if (a.zone && 'src' in a.zone) s += `zone=${formatSubfield(a.zone.src)},`;
      else if (a.zone && a.zone.imm) s += `zone=${a.zone.imm},`;
      let rest = a.actions;
      if (rest[0]?.type === 'nat') {
        s += `${formatNat(rest[0])},`;
        rest = rest.slice(1);
      }
      if (rest.length) s += `exec(${formatActionList(rest, portName)}),`;
      if (a.alg === 21) s += 'alg=ftp,';
      else if (a.alg === 69) s += 'alg=tftp,';
      else if (a.alg) s += `alg=${a.alg},`;
      return `${s.replace(/,$/, '')})`;
    }
    case 'nat':
      return formatNat(a);
    case 'conjunction':
      return `conjunction(${a.id},${a.clause}/${a.nClauses})`;
    case 'learn':
      return formatLearn(a, portName);
    case 'multipath':
      return `multipath(${a.fields},${a.basis},${a.algorithm},${a.maxLink},${a.arg},${formatSubfield(a.dst)})`;
    case 'bundle': {
      const members = a.members.map((p) => formatPort(p, portName)).join(',');
      return a.dst
        ? `bundle_load(${a.fields},${a.basis},${a.algorithm},ofport,${formatSubfield(a.dst)},members:${members})`
        : `bundle(${a.fields},${a.basis},${a.algorithm},ofport,members:${members})`;
    }
    case 'sample':
      return `sample(probability=${a.probability},collector_set_id=${a.collectorSetId},obs_domain_id=${a.obsDomainId},obs_point_id=${a.obsPointId}${a.samplingPort !== undefined ? `,sampling_port=${formatPort(a.samplingPort, portName)}` : ''})`;
    case 'check_pkt_larger':
      return `check_pkt_larger(${a.pktLen})->${formatSubfield(a.dst)}`;
    case 'meter':
      return `meter:${a.meterId}`;
    case 'write_metadata':
      return `write_metadata:${putHex(a.metadata)}${a.mask === allOnes(64) ? '' : `/${putHex(a.mask)}`}`;
  }
}

/** ofpacts_format: the actions joined by commas, "drop" when there are none. */
export function formatActionList(actions: readonly OfpAction[], portName?: PortName): string {
  return actions.length ? actions.map((a) => formatOne(a, portName)).join(',') : 'drop';
}
