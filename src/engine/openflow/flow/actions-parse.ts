// ofpacts_parse (ofp-actions.c): the actions= part of an ovs-ofctl flow, as an OfpAction list.
// Errors carry OVS's own text and the column of the action that failed.
import { parseIPv6 } from '../../packet/addresses';
import { allOnes, fieldByName } from './fields';
import { parseKeyValues } from './keyvalue';
import { parseLearn } from './learn';
import { parseSubfield, parseSubfieldPrefix } from './subfield';
import type { ActionsParseResult, ImmOrField, NatSpec, OfpAction } from './types';
import { OFPP } from './types';
import { mfParse, parseIntString, parsePort, strtoull } from './values';

export interface ActionParseContext {
  portByName?: (name: string) => number | undefined;
}

type Step = { ok: true } | { ok: false; error: string };
const OK: Step = { ok: true };
const err = (error: string): Step => ({ ok: false, error });

function u16(s: string, name: string): number | string {
  const r = strtoull(s);
  if (!r || r.tail !== s.length || r.value > 65535n || s.trim().startsWith('-')) return `invalid ${name} "${s}"`;
  return Number(r.value);
}

function u32(s: string): number | string {
  if (!s) return 'missing required numeric argument';
  const r = strtoull(s);
  if (!r || r.tail !== s.length || r.value > 0xffffffffn) return `invalid numeric format ${s}`;
  return Number(r.value);
}

function u64(s: string): bigint | string {
  if (!s) return 'missing required numeric argument';
  const r = strtoull(s);
  if (!r || r.tail !== s.length || r.overflow) return `invalid numeric format ${s}`;
  return r.value;
}

function table(s: string): number | undefined {
  const r = strtoull(s);
  if (!r || r.tail !== s.length || r.value > 255n) return undefined;
  return Number(r.value);
}

function hexBytes(s: string): number[] | undefined {
  const out: number[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === '.') {
      i++;
      continue;
    }
    if (!/^[0-9a-fA-F]{2}/.test(s.slice(i, i + 2))) return undefined;
    out.push(parseInt(s.slice(i, i + 2), 16));
    i += 2;
  }
  return out;
}

function parseNat(arg: string): { ok: true; nat: NatSpec } | { ok: false; error: string } {
  const nat: NatSpec = {};
  for (const kv of parseKeyValues(arg)) {
    if (kv.key === 'src' || kv.key === 'dst') {
      if (nat.kind && nat.kind !== kv.key) return { ok: false, error: 'May only specify one of "src" or "dst".' };
      nat.kind = kv.key;
      const range = parseNatRange(kv.value, nat);
      if (range) return { ok: false, error: range };
    } else if (kv.key === 'persistent') nat.persistent = true;
    else if (kv.key === 'hash') nat.hash = true;
    else if (kv.key === 'random') nat.random = true;
    else return { ok: false, error: `invalid key "${kv.key}" in "nat" argument` };
  }
  if (!nat.kind && (nat.persistent || nat.hash || nat.random)) {
    return { ok: false, error: 'Flags allowed only with "src" or "dst".' };
  }
  if (nat.hash && nat.random) return { ok: false, error: 'Both "hash" and "random" are not allowed.' };
  return { ok: true, nat };
}

/** str_to_nat_range: "IP[-IP][:PORT[-PORT]]", IPv6 optionally in brackets. */
function parseNatRange(s: string, nat: NatSpec): string | undefined {
  if (s === '') return undefined;
  const bad = `invalid nat range "${s}"`;
  let n = 0;
  const ipv4 = (t: string): bigint => t.split('.').reduce((acc, o) => (acc << 8n) | (BigInt(o) & 0xffn), 0n);
  const v4At = (from: number): RegExpExecArray | null => /^\d+\.\d+\.\d+\.\d+/.exec(s.slice(from));
  // ovs_scan_len advances past what it scanned even when inet_pton then refuses it.
  const v6At = (from: number): { len: number; addr?: bigint } | undefined => {
    const m = /^[0-9a-fA-F:.]+/.exec(s.slice(from)) ?? /^\[([0-9a-fA-F:.]+)\]/.exec(s.slice(from));
    return m ? { len: m[0].length, addr: parseIPv6(m[1] ?? m[0]) } : undefined;
  };
  const min4 = v4At(0);
  if (min4) {
    nat.addrMin = ipv4(min4[0]);
    n = min4[0].length;
    if (s[n] === '-') {
      const max4 = v4At(n + 1);
      if (!max4 || ipv4(max4[0]) < nat.addrMin) return bad;
      nat.addrMax = ipv4(max4[0]);
      n += 1 + max4[0].length;
    }
  } else {
    const min6 = v6At(0);
    if (min6) n = min6.len;
    if (min6?.addr !== undefined) {
      nat.ipv6 = true;
      nat.addrMin = min6.addr;
      if (s[n] === '-') {
        const max6 = v6At(n + 1);
        if (max6?.addr === undefined || max6.addr < min6.addr) return bad;
        nat.addrMax = max6.addr;
        n += 1 + max6.len;
      }
    }
  }
  if (nat.addrMin !== undefined && s[n] === ':') {
    const ports = /^:(\d+)(?:-(\d+))?/.exec(s.slice(n));
    if (!ports) return bad;
    nat.portMin = Number(ports[1]);
    if (ports[2] !== undefined) {
      nat.portMax = Number(ports[2]);
      if (nat.portMax < nat.portMin) return bad;
    }
    n += ports[0].length;
  }
  if (n !== s.length) return `garbage (${s.slice(n)}) after nat range "${s}" (pos: ${n})`;
  return undefined;
}

/** Parses one action given its key and value; pushes onto `out`. */
function parseOne(key: string, value: string, out: OfpAction[], ctx: ActionParseContext): Step {
  const lower = key.toLowerCase();
  switch (lower) {
    case 'output': {
      if (value.includes('port') && value.includes('max_len')) {
        let port: number | undefined;
        let maxLen = 0;
        for (const kv of parseKeyValues(value)) {
          if (kv.key === 'port') port = parsePort(kv.value, ctx.portByName);
          else if (kv.key === 'max_len') maxLen = Number(kv.value);
        }
        if (port === undefined) return err(`${value}: output to unknown port`);
        if (maxLen < 14) return err(`max_len ${maxLen} is less than the minimum value 14`);
        out.push({ type: 'output_trunc', port, maxLen });
        return OK;
      }
      const port = parsePort(value, ctx.portByName);
      if (port !== undefined) {
        out.push({ type: 'output', port, ...(port === OFPP.CONTROLLER ? { maxLen: 65535 } : {}) });
        return OK;
      }
      const sf = parseSubfield(value);
      if (sf.ok) {
        out.push({ type: 'output_reg', src: sf.subfield, maxLen: 65535 });
        return OK;
      }
      return err(`${value}: output to unknown port`);
    }
    case 'controller': {
      let reason = 'action';
      let maxLen = 65535;
      let controllerId = 0;
      let userdata: number[] | undefined;
      let pause = false;
      let meterId: number | undefined;
      if (value !== '' && /^\d+$/.test(value)) {
        const n = u16(value, 'max_len');
        if (typeof n === 'string') return err(n);
        maxLen = n;
      } else if (value !== '') {
        for (const kv of parseKeyValues(value)) {
          if (kv.key === 'reason') {
            if (!['action', 'no_match', 'invalid_ttl', 'action_set', 'group', 'packet_out'].includes(kv.value)) {
              return err(`unknown reason "${kv.value}"`);
            }
            reason = kv.value;
          } else if (kv.key === 'max_len' || kv.key === 'id') {
            const n = u16(kv.value, kv.key);
            if (typeof n === 'string') return err(n);
            if (kv.key === 'id') controllerId = n;
            else maxLen = n;
          } else if (kv.key === 'userdata') {
            userdata = hexBytes(kv.value);
            if (!userdata) return err("bad hex digit in `controller' action `userdata'");
          } else if (kv.key === 'pause') pause = true;
          else if (kv.key === 'meter_id') {
            const n = u32(kv.value);
            if (typeof n === 'string') return err(n);
            meterId = n;
          } else return err(`unknown key "${kv.key}" parsing controller action`);
        }
      }
      if (reason === 'action' && !controllerId && !userdata && !pause && meterId === undefined) {
        out.push({ type: 'output', port: OFPP.CONTROLLER, maxLen });
      } else {
        out.push({ type: 'controller', maxLen, reason, controllerId, userdata, pause, meterId, bare: false });
      }
      return OK;
    }
    case 'enqueue': {
      const parts = value.split(value.includes(',') ? ',' : ':');
      if (parts.length !== 2) return err('"enqueue" syntax is "enqueue:PORT:QUEUE" or "enqueue(PORT,QUEUE)"');
      const port = parsePort(parts[0], ctx.portByName);
      if (port === undefined) return err(`${parts[0]}: enqueue to unknown port`);
      const queue = u32(parts[1]);
      if (typeof queue === 'string') return err(queue);
      out.push({ type: 'enqueue', port, queue });
      return OK;
    }
    case 'resubmit': {
      const [inPortS, tableS, ctS] = value.split(',');
      let inPort: number = OFPP.IN_PORT;
      if (inPortS) {
        const p = parsePort(inPortS, ctx.portByName);
        if (p === undefined) return err(`${inPortS}: resubmit to unknown port`);
        inPort = p;
      }
      let t = 255;
      if (tableS) {
        const n = table(tableS);
        if (n === undefined) return err(`${tableS}: resubmit to unknown table`);
        t = n;
      }
      if (ctS && ctS !== 'ct') return err(`${ctS}: unknown parameter`);
      if (inPort === OFPP.IN_PORT && t === 255) {
        return err('at least one "in_port" or "table" must be specified on resubmit');
      }
      out.push({ type: 'resubmit', inPort, table: t, withCt: ctS === 'ct' });
      return OK;
    }
    case 'goto_table': {
      const n = table(value);
      if (n === undefined) return err(`unknown table "${value}"`);
      out.push({ type: 'goto_table', table: n });
      return OK;
    }
    case 'group': {
      const n = u32(value);
      if (typeof n === 'string') return err(n);
      out.push({ type: 'group', groupId: n });
      return OK;
    }
    case 'set_field': {
      const arrow = value.indexOf('->');
      if (arrow < 0) return err(`${value}: missing \`->'`);
      const name = value.slice(arrow + 2);
      if (!name) return err(`${value}: missing field name following \`->'`);
      const f = fieldByName(name);
      if (!f) return err(`${name} is not a valid OXM field name`);
      if (!f.writable) return err(`${name} is read-only`);
      const v = mfParse(f, value.slice(0, arrow), ctx.portByName);
      if (!v.ok) return err(v.error);
      out.push({ type: 'set_field', field: f.name, value: v.value.value, mask: v.value.mask, raw: 'set_field' });
      return OK;
    }
    case 'load': {
      const arrow = value.indexOf('->');
      if (arrow < 0) return err(`${value}: missing \`->'`);
      const dst = parseSubfield(value.slice(arrow + 2));
      if (!dst.ok) return err(dst.error);
      const src = value.slice(0, arrow);
      const srcField = parseSubfield(src);
      if (srcField.ok && !/^[0-9]/.test(src)) {
        out.push({ type: 'move', src: srcField.subfield, dst: dst.subfield });
        return OK;
      }
      // parse_reg_load reads a number off the front and ignores what follows it.
      const v = parseIntString(src, dst.field.nBytes);
      if (!v.ok) return err(`${value}: cannot parse integer value`);
      if (v.value >> BigInt(dst.subfield.nBits) !== 0n) {
        return err(`${value}: value ${src} does not fit into ${dst.subfield.nBits} bits`);
      }
      if (!dst.field.writable) return err(`${dst.field.name} is read-only`);
      const ofs = BigInt(dst.subfield.ofs);
      const whole = dst.subfield.ofs === 0 && dst.subfield.nBits === dst.field.nBits;
      out.push({
        type: 'set_field',
        field: dst.field.name,
        value: v.value << ofs,
        mask: whole ? allOnes(8 * dst.field.nBytes) : allOnes(dst.subfield.nBits) << ofs,
        raw: 'load',
      });
      return OK;
    }
    case 'move': {
      // nxm_parse_reg_move: the source is read off the front of the whole argument, then "->".
      const src = parseSubfieldPrefix(value);
      if (!src.ok) return err(src.error);
      if (!src.rest.startsWith('->')) return err(`${value}: missing \`->' following source`);
      const dst = parseSubfieldPrefix(src.rest.slice(2));
      if (!dst.ok) return err(dst.error);
      if (dst.rest !== '') return err(`${value}: trailing garbage following destination`);
      if (src.subfield.nBits !== dst.subfield.nBits) {
        return err(
          `${value}: source field is ${src.subfield.nBits} bits wide but destination is ${dst.subfield.nBits} bits wide`,
        );
      }
      out.push({ type: 'move', src: src.subfield, dst: dst.subfield });
      return OK;
    }
    case 'push':
    case 'pop': {
      const sf = parseSubfield(value);
      if (!sf.ok) return err(sf.error);
      out.push({ type: lower, subfield: sf.subfield });
      return OK;
    }
    case 'dec_ttl': {
      if (value === '') {
        out.push({ type: 'dec_ttl', cntIds: [0] });
        return OK;
      }
      // parse_dec_ttl: strtok over ", " and atoi on each piece.
      const ids = value
        .split(/[, ]+/)
        .filter(Boolean)
        .map((t) => (Number.parseInt(t, 10) || 0) & 0xffff);
      if (!ids.length) return err('dec_ttl_cnt_ids: expected at least one controller id.');
      out.push({ type: 'dec_ttl', cntIds: ids, raw: 'cnt_ids' });
      return OK;
    }
    case 'mod_vlan_vid':
    case 'set_vlan_vid':
    case 'mod_vlan_pcp':
    case 'set_vlan_pcp': {
      const isVid = lower.endsWith('vid');
      const what = isVid ? 'VLAN VID' : 'VLAN PCP';
      const r = strtoull(value);
      if (!r || r.tail !== value.length || r.value > (isVid ? 65535n : 255n) || value.trim().startsWith('-')) {
        return err(`invalid ${what} "${value}"`);
      }
      const n = Number(r.value);
      if (n > (isVid ? 4095 : 7)) return err(`${value}: not a valid ${what}`);
      const push = lower.startsWith('mod');
      out.push(isVid ? { type: 'set_vlan_vid', vid: n, push } : { type: 'set_vlan_pcp', pcp: n, push });
      return OK;
    }
    case 'strip_vlan':
    case 'pop_vlan':
      out.push({ type: 'strip_vlan', raw: lower });
      return OK;
    case 'push_vlan': {
      const n = u16(value, 'ethertype');
      if (typeof n === 'string') return err(n);
      if (n !== 0x8100 && n !== 0x88a8) return err(`${value}: not a valid VLAN ethertype`);
      out.push({ type: 'push_vlan', ethertype: n });
      return OK;
    }
    case 'mod_dl_src':
    case 'mod_dl_dst': {
      const v = mfParse(fieldByName('eth_src')!, value);
      if (!v.ok) return err(`invalid mac address ${value}`);
      out.push({ type: lower, mac: v.value.value });
      return OK;
    }
    case 'mod_nw_src':
    case 'mod_nw_dst': {
      const v = /^\d+\.\d+\.\d+\.\d+$/.test(value) ? mfParse(fieldByName('ip_src')!, value) : undefined;
      if (!v?.ok) return err(`${value}: could not convert to IP address`);
      out.push({ type: lower, addr: v.value.value });
      return OK;
    }
    case 'mod_nw_tos':
    case 'mod_nw_ecn':
    case 'mod_nw_ttl':
    case 'set_nw_ttl': {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n > 255) return err(`invalid ${lower} "${value}"`);
      if (lower === 'mod_nw_tos') {
        if (n & 3) return err(`${value}: not a valid TOS`);
        out.push({ type: 'mod_nw_tos', dscp: n });
      } else if (lower === 'mod_nw_ecn') {
        if (n > 3) return err(`${value}: not a valid ECN`);
        out.push({ type: 'mod_nw_ecn', ecn: n });
      } else out.push({ type: 'mod_nw_ttl', ttl: n });
      return OK;
    }
    case 'mod_tp_src':
    case 'mod_tp_dst': {
      const n = u16(value, lower === 'mod_tp_src' ? 'source port' : 'destination port');
      if (typeof n === 'string') return err(n);
      out.push({ type: lower, port: n });
      return OK;
    }
    case 'set_tunnel':
    case 'set_tunnel64': {
      const n = u64(value);
      if (typeof n === 'string') return err(n);
      out.push({ type: 'set_tunnel', tunId: n, raw: lower });
      return OK;
    }
    case 'set_queue': {
      const n = u32(value);
      if (typeof n === 'string') return err(n);
      out.push({ type: 'set_queue', queue: n });
      return OK;
    }
    case 'pop_queue':
    case 'exit':
    case 'ct_clear':
    case 'clear_actions':
      out.push({ type: lower });
      return OK;
    case 'fin_timeout': {
      let idle = 0;
      let hard = 0;
      for (const kv of parseKeyValues(value)) {
        const n = u16(kv.value, kv.key);
        if (typeof n === 'string') return err(n);
        if (kv.key === 'idle_timeout') idle = n;
        else if (kv.key === 'hard_timeout') hard = n;
        else return err(`invalid key '${kv.key}' in 'fin_timeout' argument`);
      }
      out.push({ type: 'fin_timeout', idle, hard });
      return OK;
    }
    case 'note': {
      const data = hexBytes(value);
      if (!data) return err("bad hex digit in `note' argument");
      out.push({ type: 'note', data });
      return OK;
    }
    case 'clone':
    case 'write_actions': {
      const inner = parseActionList(value, 0, ctx);
      if (!inner.ok) return err(inner.error);
      out.push({ type: lower, actions: inner.actions });
      return OK;
    }
    case 'ct':
      return parseCt(value, out, ctx);
    case 'nat':
      // ct(nat(…)) is read by parseCt; anywhere else ofpacts_verify refuses it.
      return err('Cannot have NAT action outside of "ct" action');
    case 'conjunction': {
      const m = /^\s*(\d+)\s*,\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
      if (!m) return err('"conjunction" syntax is "conjunction(id,i/n)"');
      const [id, k, n] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (n < 2) return err('conjunction must have at least 2 clauses');
      if (n > 64) return err('conjunction must have at most 64 clauses');
      if (k < 1) return err('clause index must be positive');
      if (k > n) return err('clause index must be less than or equal to number of clauses');
      out.push({ type: 'conjunction', id, clause: k, nClauses: n });
      return OK;
    }
    case 'learn': {
      const l = parseLearn(value, ctx.portByName);
      if (!l.ok) return err(l.error);
      out.push(l.action);
      return OK;
    }
    case 'check_pkt_larger': {
      const m = /^(\d+)\)->(.*)$/.exec(value);
      if (!m) return err(`${value}: invalid check_pkt_larger argument`);
      const dst = parseSubfield(m[2]);
      if (!dst.ok) return err(dst.error);
      if (dst.subfield.nBits !== 1) return err('Only 1-bit destination field is allowed');
      out.push({ type: 'check_pkt_larger', pktLen: Number(m[1]), dst: dst.subfield });
      return OK;
    }
    case 'meter': {
      const n = u32(value);
      if (typeof n === 'string') return err(n);
      out.push({ type: 'meter', meterId: n });
      return OK;
    }
    case 'write_metadata': {
      const [v, m] = value.split('/');
      const val = u64(v);
      const mask = m === undefined ? allOnes(64) : u64(m);
      if (typeof val === 'string') return err(val);
      if (typeof mask === 'string') return err(mask);
      out.push({ type: 'write_metadata', metadata: val, mask });
      return OK;
    }
    case 'push_mpls':
    case 'pop_mpls': {
      const n = u16(value, 'ethertype');
      if (typeof n === 'string') return err(n);
      out.push({ type: lower, ethertype: n });
      return OK;
    }
    case 'multipath': {
      const a = value.split(',');
      if (a.length !== 6) return err(`${value}: not enough arguments to multipath action`);
      const dst = parseSubfield(a[5]);
      if (!dst.ok) return err(dst.error);
      out.push({
        type: 'multipath',
        fields: a[0],
        basis: Number(a[1]),
        algorithm: a[2],
        maxLink: Number(a[3]),
        arg: Number(a[4]),
        dst: dst.subfield,
      });
      return OK;
    }
    case 'bundle':
    case 'bundle_load': {
      // bundle_parse__: strtok over ", []"; fields, basis, algorithm, member type, [dst,] "members", ports.
      const tokens = value.split(/[, ]+/).filter(Boolean);
      const load = lower === 'bundle_load';
      const [fields, basis, algorithm, memberType] = tokens;
      const dstText = load ? tokens[4] : undefined;
      const delim = tokens[load ? 5 : 4]?.split(':');
      if (!delim) return err(`${value}: not enough arguments to bundle action`);
      if (!['members', 'slaves'].includes(delim[0].toLowerCase())) {
        return err(`${value}: missing member delimiter, expected \`members', got \`${delim[0]}'`);
      }
      const members: number[] = [];
      const ports = [...(delim[1] ? [delim[1]] : []), ...tokens.slice(load ? 6 : 5)].flatMap((t) => t.split(/[[\]]+/));
      for (const s of ports.filter(Boolean)) {
        const p = parsePort(s, ctx.portByName);
        if (p === undefined) return err(`${s}: bad port number`);
        members.push(p);
      }
      const knownFields = [
        'eth_src',
        'symmetric_l4',
        'symmetric_l3l4',
        'symmetric_l3l4+udp',
        'nw_src',
        'nw_dst',
        'symmetric_l3',
      ];
      if (!knownFields.includes(fields.toLowerCase())) return err(`${value}: unknown fields \`${fields}'`);
      if (!['active_backup', 'hrw'].includes(algorithm.toLowerCase())) {
        return err(`${value}: unknown algorithm \`${algorithm}'`);
      }
      if (memberType.toLowerCase() !== 'ofport') return err(`${value}: unknown member_type \`${memberType}'`);
      let dst;
      if (dstText !== undefined) {
        const sf = parseSubfield(dstText);
        if (!sf.ok) return err(sf.error);
        dst = sf.subfield;
      }
      out.push({ type: 'bundle', fields, basis: Number.parseInt(basis, 10) || 0, algorithm, members, dst });
      return OK;
    }
    case 'sample': {
      const a = { probability: 0, collectorSetId: 0, obsDomainId: 0, obsPointId: 0 };
      let samplingPort: number | undefined;
      for (const kv of parseKeyValues(value)) {
        const n = Number(kv.value);
        if (kv.key === 'probability') a.probability = n;
        else if (kv.key === 'collector_set_id') a.collectorSetId = n;
        else if (kv.key === 'obs_domain_id') a.obsDomainId = n;
        else if (kv.key === 'obs_point_id') a.obsPointId = n;
        else if (kv.key === 'sampling_port') samplingPort = parsePort(kv.value, ctx.portByName);
        else return err(`invalid key "${kv.key}" in "sample" argument`);
      }
      if (!a.probability) return err('non-zero "probability" must be specified on sample');
      out.push({ type: 'sample', ...a, ...(samplingPort !== undefined ? { samplingPort } : {}) });
      return OK;
    }
  }
  const port = parsePort(key, ctx.portByName);
  if (port !== undefined) {
    out.push({ type: 'output', port, ...(port === OFPP.CONTROLLER ? { maxLen: 65535 } : {}) });
    return OK;
  }
  return err(`unknown action ${key}`);
}

function parseCt(arg: string, out: OfpAction[], ctx: ActionParseContext): Step {
  let commit = false;
  let force = false;
  let zone: ImmOrField | undefined;
  let t: number | undefined;
  let alg: number | undefined;
  const actions: OfpAction[] = [];
  for (const kv of parseKeyValues(arg)) {
    if (kv.key === 'commit') commit = true;
    else if (kv.key === 'force') force = true;
    else if (kv.key === 'table') {
      const n = table(kv.value);
      if (n === undefined) return err(`unknown table ${kv.value}`);
      if (n === 255) return err('invalid table 0xff');
      t = n;
    } else if (kv.key === 'zone') {
      const n = u16(kv.value, 'zone');
      if (typeof n === 'number') zone = { imm: n };
      else {
        const sf = parseSubfield(kv.value);
        if (!sf.ok) return err(sf.error);
        zone = { src: sf.subfield };
      }
    } else if (kv.key === 'alg') {
      const algs: Record<string, number> = { ftp: 21, tftp: 69 };
      if (algs[kv.value] === undefined) return err(`${kv.value}: unknown connection helper`);
      alg = algs[kv.value];
    } else if (kv.key === 'nat') {
      const nat = parseNat(kv.value);
      if (!nat.ok) return err(nat.error);
      actions.push({ type: 'nat', ...nat.nat });
    } else if (kv.key === 'exec') {
      const inner = parseActionList(kv.value, 0, ctx);
      if (!inner.ok) return err(inner.error);
      actions.push(...inner.actions);
    } else return err(`invalid argument to "ct" action: \`${kv.key}'`);
  }
  if (force && !commit) return err('"force" flag requires "commit" flag.');
  out.push({ type: 'ct', commit, force, zone, table: t, alg, actions });
  return OK;
}

/** ofpacts_parse__: a comma-separated action list; `base` offsets reported columns. */
export function parseActionList(text: string, base: number, ctx: ActionParseContext): ActionsParseResult {
  const actions: OfpAction[] = [];
  let drop = false;
  for (const kv of parseKeyValues(text, base)) {
    if (kv.key.toLowerCase() === 'drop') {
      drop = true;
      continue;
    }
    if (kv.key.toLowerCase() === 'apply_actions') {
      return { ok: false, error: 'apply_actions is the default instruction', column: kv.keyPos };
    }
    const step = parseOne(kv.key, kv.value, actions, ctx);
    if (!step.ok) return { ok: false, error: step.error, column: kv.keyPos };
  }
  if (drop && actions.length) {
    return { ok: false, error: '"drop" must not be accompanied by any other action or instruction', column: base };
  }
  return { ok: true, actions };
}

/** The actions of a flow ("output:1,resubmit(,8)"), as after "actions=" in add-flow. */
export function parseActions(
  text: string,
  opts: { portByName?: (name: string) => number | undefined } = {},
): ActionsParseResult {
  return parseActionList(text, 0, { portByName: opts.portByName });
}
