// parse_ofp_str (ofp-flow.c) and ofputil_flow_stats_format: one ovs-ofctl flow, text ↔ Flow.
// parseFlow gives the flow as ovs-ofctl built it; normalizeFlow the flow as ovs-vswitchd holds it after
// the OpenFlow 1.5 flow_mod (what dump-flows prints, and what the classifier should match on).
import { formatActionList, normalizeActions } from './actions-format';
import { parseActionList } from './actions-parse';
import { fieldByName } from './fields';
import { parseKeyValues } from './keyvalue';
import { emptyMatch, formatMatch, matchGet, matchSet, normalizeMatch } from './match';
import { parseSubfield } from './subfield';
import type {
  Flow,
  FlowFormatOptions,
  FlowParseOptions,
  FlowParseResult,
  Match,
  MatchParseResult,
  MfField,
  MfPrereq,
  OfpAction,
} from './types';
import { mfFormat, mfParse, parseIntString, parsePort, strtoull } from './values';

const PROTOCOLS: Record<string, [number, number]> = {
  ip: [0x0800, 0],
  ipv4: [0x0800, 0],
  ip4: [0x0800, 0],
  arp: [0x0806, 0],
  icmp: [0x0800, 1],
  tcp: [0x0800, 6],
  udp: [0x0800, 17],
  sctp: [0x0800, 132],
  ipv6: [0x86dd, 0],
  ip6: [0x86dd, 0],
  icmp6: [0x86dd, 58],
  tcp6: [0x86dd, 6],
  udp6: [0x86dd, 17],
  sctp6: [0x86dd, 132],
  rarp: [0x8035, 0],
  mpls: [0x8847, 0],
  mplsm: [0x8848, 0],
};

/** Fields no OpenFlow version can carry in a flow_mod (their usable protocols are none). */
const UNUSABLE = ['skb_priority', 'tun_ttl', 'tun_tos'];

const FLAG_KEYWORDS = ['send_flow_rem', 'check_overlap', 'reset_counts', 'no_packet_counts', 'no_byte_counts'] as const;

/** mf_are_prereqs_ok against a match's values. */
export function prereqsOk(p: MfPrereq, m: Match): boolean {
  const v = (slot: string): bigint | undefined => m.slots[slot]?.value;
  const dl = v('eth_type') ?? 0n;
  const proto = v('nw_proto') ?? 0n;
  const ipAny = dl === 0x0800n || dl === 0x86ddn;
  switch (p) {
    case 'none':
    case 'ethernet':
      return true;
    case 'arp':
      return dl === 0x0806n || dl === 0x8035n;
    case 'vlan_vid':
      return ((v('vlan_tci') ?? 0n) & 0x1000n) !== 0n;
    case 'ipv4':
      return dl === 0x0800n;
    case 'ipv6':
      return dl === 0x86ddn;
    case 'ip_any':
      return ipAny;
    case 'mpls':
      return dl === 0x8847n || dl === 0x8848n;
    case 'nsh':
      return dl === 0x894fn;
    case 'tcp':
      return ipAny && proto === 6n;
    case 'udp':
      return ipAny && proto === 17n;
    case 'sctp':
      return ipAny && proto === 132n;
    case 'icmpv4':
      return dl === 0x0800n && proto === 1n;
    case 'icmpv6':
      return dl === 0x86ddn && proto === 58n;
    case 'ct_valid': {
      const st = m.slots.ct_state ?? { value: 0n, mask: 0n };
      return (
        (st.value & 0xcfn) !== 0n || ((st.value & 0x20n) !== 0n && (st.mask & 0x10n) !== 0n && !(st.value & 0x10n))
      );
    }
    case 'nd':
    case 'nd_solicit':
    case 'nd_advert': {
      if (!(dl === 0x86ddn && proto === 58n) || (v('tp_dst') ?? 0n) !== 0n) return false;
      const type = v('tp_src') ?? 0n;
      return p === 'nd' ? type === 135n || type === 136n : type === (p === 'nd_solicit' ? 135n : 136n);
    }
  }
}

const MATCH_INCONSISTENT = 'actions are invalid with specified match (OFPBAC_MATCH_INCONSISTENT)';
/** ovs-ofctl's complaint when only OpenFlow 1.0/NXM can carry the flow but -O named a later version. */
function needsOf10(version: number): string {
  const allowed = version === 11 ? 'OpenFlow11' : `OXM-OpenFlow${version}`;
  return `none of the usable flow formats (OpenFlow10,NXM) is among the allowed flow formats (${allowed})`;
}

/** ofpacts_check, for what ovs-ofctl itself rejects: set_field prerequisites, ct outside IP, CT fields. */
function checkActions(
  actions: readonly OfpAction[],
  m: Match,
  inCt: boolean,
  of10: { needed: boolean; vlan: boolean; from?: string },
): string | undefined {
  const dl = m.slots.eth_type?.value ?? 0n;
  const proto = m.slots.nw_proto?.value ?? 0n;
  const ip = dl === 0x0800n || dl === 0x86ddn;
  for (const a of actions) {
    switch (a.type) {
      case 'set_field': {
        const f = fieldByName(a.field);
        if (!f) break;
        if (!inCt && (f.name === 'ct_mark' || f.name === 'ct_label'))
          return 'cannot set CT fields outside of ct action';
        const vlanOk = of10.vlan;
        const prereq = f.prereqs === 'vlan_vid' ? vlanOk : prereqsOk(f.prereqs, m);
        if (!prereq || (f.name === 'vlan_vid' && !vlanOk)) return MATCH_INCONSISTENT;
        if (f.name === 'vlan_vid' || f.name === 'vlan_tci') of10.vlan = (a.value & 0x1000n) !== 0n || of10.vlan;
        break;
      }
      case 'resubmit':
        if (a.withCt && !prereqsOk('ct_valid', m)) return MATCH_INCONSISTENT;
        break;
      case 'push_vlan':
        of10.vlan = true;
        of10.from = of10.from ?? 'OXM,OpenFlow11';
        break;
      case 'meter':
        of10.from = 'OXM-OpenFlow13,OXM-OpenFlow14,OXM-OpenFlow15';
        break;
      case 'ct':
        if (!ip || (a.alg === 21 && proto !== 6n) || (a.alg === 69 && proto !== 17n)) return MATCH_INCONSISTENT;
        if (a.actions.filter((x) => x.type === 'nat').length > 1) return MATCH_INCONSISTENT;
        {
          const e = checkActions(a.actions, m, true, of10);
          if (e) return e;
        }
        break;
      case 'clone':
      case 'write_actions': {
        const e = checkActions(a.actions, m, inCt, of10);
        if (e) return e;
        break;
      }
      case 'dec_ttl':
      case 'mod_nw_src':
      case 'mod_nw_dst':
      case 'mod_nw_tos':
      case 'mod_nw_ecn':
      case 'mod_nw_ttl':
        if (!ip || ((a.type === 'mod_nw_src' || a.type === 'mod_nw_dst') && dl !== 0x0800n)) of10.needed = true;
        break;
      case 'mod_tp_src':
      case 'mod_tp_dst':
        if (!ip || (proto !== 6n && proto !== 17n && proto !== 132n)) of10.needed = true;
        break;
      case 'strip_vlan':
        if (!of10.vlan) of10.needed = true;
        of10.vlan = false;
        break;
      case 'set_vlan_vid':
      case 'set_vlan_pcp':
        if (!a.push && !of10.vlan) of10.needed = true;
        of10.vlan = true;
        break;
    }
  }
  return undefined;
}

function parseField(f: MfField, value: string, m: Match, opts: FlowParseOptions): string | undefined {
  const v = mfParse(f, value === '' ? '0/0' : value, opts.portByName);
  if (!v.ok) return v.error;
  matchSet(m, f, v.value.value, v.value.mask);
  return undefined;
}

/** parse_subfield: "reg0[0..3]=5" in a match. */
function parseSubfieldMatch(name: string, value: string, m: Match): string | undefined {
  const sf = parseSubfield(name);
  if (!sf.ok) return sf.error;
  const v = parseIntString(value, sf.field.nBytes);
  if (!v.ok || v.tail !== value.length) return `${name}: cannot parse integer value: ${value}`;
  if (v.value >> BigInt(sf.subfield.nBits) !== 0n) {
    return `${name}: value ${mfFormat(sf.field, v.value, undefined)} does not fit into ${sf.subfield.nBits} bits`;
  }
  const cur = matchGet(m, sf.field);
  const ofs = BigInt(sf.subfield.ofs);
  const bits = ((1n << BigInt(sf.subfield.nBits)) - 1n) << ofs;
  matchSet(m, sf.field, (cur.value & ~bits) | (v.value << ofs), cur.mask | bits);
  return undefined;
}

/** parse_ofp_str: an ovs-ofctl flow (add-flow syntax by default). */
export function parseFlow(text: string, opts: FlowParseOptions = {}): FlowParseResult {
  const command = opts.command ?? 'add';
  const version = opts.version ?? (opts.openflow15 ? 15 : 10);
  const hasActions = command === 'add' || command === 'modify' || command === 'modify_strict';
  const flow: Flow = {
    table: 255,
    priority: 32768,
    cookie: 0n,
    cookieMask: 0n,
    idleTimeout: 0,
    hardTimeout: 0,
    importance: 0,
    flags: {},
    match: emptyMatch(),
    actions: [],
    version,
  };
  let matchText = text;
  let actionsText = '';
  let actionsBase = 0;
  if (hasActions) {
    const at = text.indexOf('action');
    const eq = at < 0 ? -1 : text.indexOf('=', at + 1);
    if (eq < 0) return { ok: false, error: 'must specify an action', column: 0 };
    matchText = text.slice(0, at);
    actionsText = text.slice(eq + 1);
    actionsBase = eq + 1;
  }
  const m = flow.match;
  if (opts.tunMetadataLen) m.tunMetadataLen = opts.tunMetadataLen;
  let usable = true;
  for (const kv of parseKeyValues(matchText)) {
    const fail = (error: string): FlowParseResult => ({ ok: false, error, column: kv.keyPos });
    const { key, value } = kv;
    const proto = PROTOCOLS[key];
    const f = fieldByName(key);
    let error: string | undefined;
    if (proto) {
      matchSet(m, fieldByName('eth_type')!, BigInt(proto[0]), 0xffffn);
      if (proto[1]) matchSet(m, fieldByName('nw_proto')!, BigInt(proto[1]), 0xffn);
    } else if (key === 'eth') {
      matchSet(m, fieldByName('packet_type')!, 0n, 0xffffffffn);
    } else if (hasActions && (FLAG_KEYWORDS as readonly string[]).includes(key)) {
      flow.flags[key as (typeof FLAG_KEYWORDS)[number]] = true;
    } else if (key === 'no_readonly_table' || key === 'allow_hidden_fields') {
      continue;
    } else if (f) {
      error = parseField(f, value, m, opts);
      if (UNUSABLE.includes(f.name)) usable = false;
    } else if (key.includes('[')) {
      error = parseSubfieldMatch(key, value, m);
    } else if (!value) {
      return fail(`field ${key} missing value`);
    } else if (key === 'table') {
      const r = strtoull(value);
      if (!r || r.tail !== value.length || r.value > 255n) return fail(`unknown table "${value}"`);
      flow.table = Number(r.value);
    } else if (key === 'priority' && command !== 'delete' && command !== 'dump') {
      const r = strtoull(value);
      if (!r || r.tail !== value.length || r.value > 65535n || value.trim().startsWith('-')) {
        return fail(`invalid priority "${value}"`);
      }
      flow.priority = Number(r.value);
    } else if (
      hasActions &&
      (key === 'idle_timeout' || key === 'hard_timeout' || (key === 'importance' && command === 'add'))
    ) {
      const r = strtoull(value);
      if (!r || r.tail !== value.length || r.value > 65535n) return fail(`invalid ${key} "${value}"`);
      if (key === 'idle_timeout') flow.idleTimeout = Number(r.value);
      else if (key === 'hard_timeout') flow.hardTimeout = Number(r.value);
      else flow.importance = Number(r.value);
    } else if (key === 'cookie') {
      const slash = value.indexOf('/');
      const parse64 = (s: string): bigint | string => {
        const r = strtoull(s);
        return r && r.tail === s.length && !r.overflow ? r.value : `invalid numeric format ${s}`;
      };
      if (slash >= 0) {
        if (command === 'add') return fail('flow additions cannot use a cookie mask');
        const c = parse64(value.slice(0, slash));
        const cm = parse64(value.slice(slash + 1));
        if (typeof c === 'string') return fail(c);
        if (typeof cm === 'string') return fail(cm);
        flow.cookie = c;
        flow.cookieMask = cm;
      } else {
        if (!hasActions) {
          return fail(`cannot set cookie (to match on a cookie, specify a mask, e.g. cookie=${value}/-1)`);
        }
        const c = parse64(value);
        if (typeof c === 'string') return fail(c);
        flow.cookie = c;
      }
    } else if (!hasActions && key === 'out_port') {
      const port = parsePort(value, opts.portByName);
      if (port === undefined) return fail(`${value} is not a valid OpenFlow port`);
      flow.outPort = port;
    } else if (!hasActions && key === 'out_group') {
      const r = strtoull(value);
      if (!r || r.tail !== value.length || r.value > 0xffffffffn) return fail(`${value} is not a valid OpenFlow group`);
      flow.outGroup = Number(r.value);
    } else if (['duration', 'n_packets', 'n_bytes', 'idle_age', 'hard_age'].includes(key)) {
      continue;
    } else {
      return fail(`unknown keyword ${key}`);
    }
    if (error) return fail(error);
  }
  if (hasActions) {
    const parsed = parseActionList(actionsText, actionsBase, { portByName: opts.portByName });
    if (!parsed.ok) return parsed;
    flow.actions = parsed.actions;
    const of10: { needed: boolean; vlan: boolean; from?: string } = {
      needed: false,
      vlan: ((m.slots.vlan_tci?.value ?? 0n) & 0x1000n) !== 0n,
    };
    const e = checkActions(flow.actions, m, false, of10);
    if (e) return { ok: false, error: e, column: actionsBase };
    if (!usable) return { ok: false, error: MATCH_INCONSISTENT, column: actionsBase };
    if (of10.needed && version > 10) return { ok: false, error: needsOf10(version), column: actionsBase };
    // Flags only later versions carry (reset_counts: 1.2+, no_packet/byte_counts: 1.3+).
    if (flow.flags.no_packet_counts || flow.flags.no_byte_counts)
      of10.from = 'OXM-OpenFlow13,OXM-OpenFlow14,OXM-OpenFlow15';
    else if (flow.flags.reset_counts) of10.from = of10.from ?? 'OXM';
    if (of10.from && version === 10) {
      const error = `none of the usable flow formats (${of10.from}) is among the allowed flow formats (OpenFlow10,NXM)`;
      return { ok: false, error, column: actionsBase };
    }
  }
  return { ok: true, flow };
}

/** The flow as ovs-vswitchd holds it after an OpenFlow 1.5 flow_mod (table 255 means table 0). */
export function normalizeFlow(flow: Flow): { ok: true; flow: Flow } | { ok: false; error: string } {
  // Fields only the datapath sets, and the hidden table 254, are refused to controllers (OFPBRC_EPERM).
  if (flow.match.slots.dp_hash || flow.match.slots.recirc_id || flow.table === 254) {
    return { ok: false, error: 'OFPBRC_EPERM' };
  }
  const badWildcards = (acts: readonly OfpAction[]): boolean =>
    acts.some(
      (a) =>
        (a.type === 'set_field' && (a.value & ~a.mask) !== 0n) ||
        ((a.type === 'clone' || a.type === 'ct' || a.type === 'write_actions') && badWildcards(a.actions)),
    );
  if ((flow.version ?? 15) >= 15 && badWildcards(flow.actions)) return { ok: false, error: 'OFPBMC_BAD_WILDCARDS' };
  // A tun_metadata field outside the switch's TLV map.
  const tlv = flow.match.tunMetadataLen;
  for (const slot of Object.keys(flow.match.slots)) {
    const md = /^tun_metadata(\d+)$/.exec(slot);
    if (md && tlv && tlv[Number(md[1])] === undefined) return { ok: false, error: 'NXFMFC_INVALID_TLV_FIELD' };
  }
  const version = flow.version ?? 15;
  const m = normalizeMatch(flow.match, version);
  if (!m.ok) return m;
  return {
    ok: true,
    flow: {
      ...flow,
      table: flow.table === 255 ? 0 : flow.table,
      match: m.match,
      actions: normalizeActions(flow.actions, flow.match, version),
    },
  };
}

/** ofp_print_duration: no decimals for whole seconds, 3 for whole milliseconds, else as many as needed. */
export function formatDuration(sec: number, nsec: number): string {
  if (nsec <= 0) return `${sec}s`;
  const msec = Math.floor(nsec / 1e6);
  if (msec * 1e6 === nsec) return `${sec}.${String(msec).padStart(3, '0')}s`;
  return `${sec}.${String(nsec).padStart(9, '0').replace(/0+$/, '')}s`;
}

/** One dump-flows line without ovs-ofctl's leading space (ofputil_flow_stats_format). */
export function formatFlow(flow: Flow, opts: FlowFormatOptions = {}): string {
  // What the switch stores (the add-flow version's encoding), then the dump's own OpenFlow round trip.
  const stored = normalizeFlow(flow);
  const n = normalizeFlow({ ...(stored.ok ? stored.flow : flow), version: opts.version ?? 15 });
  const f = n.ok ? n.flow : flow;
  const st = opts.stats;
  const table = f.table === 255 ? 0 : f.table;
  let s = '';
  if (st || f.cookie) s += `cookie=0x${f.cookie.toString(16)}, `;
  if (st) s += `duration=${formatDuration(st.durationSec, st.durationNsec)}, `;
  if (st || table) s += `table=${table}, `;
  if (st) s += `n_packets=${st.nPackets}, n_bytes=${st.nBytes}, `;
  if (f.idleTimeout) s += `idle_timeout=${f.idleTimeout}, `;
  if (f.hardTimeout) s += `hard_timeout=${f.hardTimeout}, `;
  // Flow stats replies carry flags from OpenFlow 1.3 and importance from 1.4 on.
  const dumpVersion = opts.version ?? 15;
  const flags = dumpVersion >= 13 ? FLAG_KEYWORDS.filter((k) => f.flags[k]) : [];
  if (flags.length) s += `${flags.join(' ')} `;
  if (f.importance && dumpVersion >= 14) s += `importance=${f.importance}, `;
  if (st && st.idleAge !== undefined) s += `idle_age=${st.idleAge}, `;
  if (st && st.hardAge !== undefined && st.hardAge !== st.durationSec) s += `hard_age=${st.hardAge}, `;
  const match = formatMatch(f.match, f.priority, opts.portName);
  if (match) s += `${match} `;
  return `${s}actions=${formatActionList(f.actions, opts.portName)}`;
}

/** A match alone, as dump-flows and del-flows take it (no actions; out_port allowed). */
export function parseMatch(text: string, opts: FlowParseOptions = {}): MatchParseResult {
  const r = parseFlow(text, { ...opts, command: opts.command ?? 'dump' });
  return r.ok ? { ok: true, match: r.flow.match } : r;
}
