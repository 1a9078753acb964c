// do_xlate_actions and xlate_table_action (ofproto/ofproto-dpif-xlate.c v3.1.0): one packet through the
// OpenFlow tables. resubmit shares the packet (xlate_recursively), clone copies it, ct forks a
// recirculation, and OVS's limits stop a translation with OVS's own words.
import { formatActions, formatMatch } from '../flow/index.ts';
import { OFPP, type Bucket, type Group, type OfpAction } from '../flow/types.ts';
import { allOnes, fieldByName, readField } from '../flow/fields.ts';
import { hashBytes, hashInt, hashUint64 } from '../../packet/ovs-hash.ts';
import { buildTable, lookup, type Table } from '../classifier/classifier.ts';
import type { Bridge, InstalledFlow } from '../switch/model.ts';
import { commitActions } from './commit.ts';
import { MAX_DEPTH, MAX_RESUBMITS, UINT16_MAX, report, reportError, type Ctx } from './context.ts';
import { attrSize } from './odp.ts';
import { clearConntrack, get, isIpAny, unwildcard, type Packet } from './packet.ts';
import { xlateOutput } from './output.ts';
import { setFieldAction, moveAction, unwildcardSubfield, writeSlots } from './fields.ts';

/** Classifiers built per table; a table's flow array is replaced whenever its flows change. */
const tableCache = new WeakMap<InstalledFlow[], Table>();

function classifierTable(br: Bridge, tableId: number): Table | undefined {
  const flows = br.tables.get(tableId);
  if (!flows || !flows.length) return undefined;
  let table = tableCache.get(flows);
  if (!table) {
    table = buildTable(flows);
    tableCache.set(flows, table);
  }
  return table;
}

function portMap(br: Bridge): (port: number) => string | undefined {
  return (port) => br.byOfport.get(port)?.name;
}

export function ruleText(br: Bridge, rule: InstalledFlow, tableId: number, names: boolean): string {
  const m = formatMatch(rule.flow.match, 32768, names ? portMap(br) : undefined);
  let s = `${String(tableId).padStart(2)}. ${m}`;
  if (!s.endsWith(' ')) s += ', ';
  s += `priority ${rule.flow.priority}`;
  if (rule.flow.cookie) s += `, cookie 0x${rule.flow.cookie.toString(16)}`;
  return s;
}

function xlateResubmitResourceCheck(ctx: Ctx): boolean {
  if (ctx.depth >= MAX_DEPTH) {
    reportError(ctx, `over max translation depth ${MAX_DEPTH}`);
    ctx.error = 'Recursion too deep';
  } else if (ctx.resubmits >= MAX_RESUBMITS) {
    reportError(ctx, `over ${MAX_RESUBMITS} resubmit actions`);
    ctx.error = 'Too many resubmits';
  } else if (ctx.odp.size > UINT16_MAX) {
    reportError(ctx, 'resubmits yielded over 64 kB of actions');
    ctx.exit = true;
  } else return true;
  return false;
}

/** Table miss: OpenFlow 1.0 drops, as does an OpenFlow 1.1+ table with no miss flow in OVS. */
function reportMiss(ctx: Ctx, tableId: number): void {
  const node = report(ctx, 'table', `${String(tableId).padStart(2)}. No match.`);
  node.table = tableId;
  node.subs.push({ type: 'action', text: 'drop', subs: [], depth: ctx.depth });
}

/** xlate_table_action: look `table_id` up and run the rule's actions with the same packet. */
export function xlateTableAction(
  ctx: Ctx,
  inPort: number,
  tableId: number,
  isLastAction: boolean,
  names: boolean,
  initial = false,
): void {
  // the first lookup of a translation is not a resubmit: no limits checked, none counted
  if (!initial && !xlateResubmitResourceCheck(ctx)) return;
  const oldTable = ctx.tableId;
  ctx.tableId = tableId;
  const oldInPort = get(ctx.flow, 'in_port');
  if (inPort !== OFPP.IN_PORT) ctx.flow.in_port = BigInt(inPort);
  const table = classifierTable(ctx.bridge, tableId);
  const rule = table ? lookup(table, ctx.flow, ctx.wc) : undefined;
  ctx.flow.in_port = oldInPort;
  if (!rule) {
    reportMiss(ctx, tableId);
    ctx.tableId = oldTable;
    return;
  }
  const node = report(ctx, 'table', ruleText(ctx.bridge, rule, tableId, names));
  node.table = tableId;
  const deepens = !initial && tableId <= oldTable;
  const oldTrace = ctx.trace;
  ctx.trace = node.subs;
  // xlate_recursively: the same packet, one level deeper only when going back to this or an earlier table
  if (!initial) ctx.resubmits++;
  if (deepens) ctx.depth++;
  const oldCookie = ctx.ruleCookie;
  ctx.ruleCookie = rule.flow.cookie;
  if (!rule.flow.actions.length) report(ctx, 'action', 'drop');
  // the rule was looked up with resubmit's in_port, but its actions see the packet's own (so that
  // NORMAL and IN_PORT behave as OVS says)
  doXlateActions(ctx, rule.flow.actions, isLastAction, names);
  ctx.ruleCookie = oldCookie;
  if (deepens) ctx.depth--;
  ctx.trace = oldTrace;
  ctx.tableId = oldTable;
}

function actionText(ctx: Ctx, a: OfpAction, names: boolean): string {
  return formatActions([a], names ? portMap(ctx.bridge) : undefined);
}

/** The continuation userspace() action OVS emits for a packet-in it does not send (dec_ttl's). */
function controllerAction(ctx: Ctx, controllerId: number, reason: number): void {
  commitActions(ctx);
  const id = ctx.sw.nextRecircId;
  const text = `userspace(pid=0,controller(reason=${reason},dont_send=1,continuation=0,recirc_id=${id},rule_cookie=${ctx.ruleCookie},controller_id=${controllerId},max_len=65535))`;
  ctx.odp.put({ kind: 'userspace', text, size: attrSize(attrSize(4) + attrSize(40)) });
}

/** compose_dec_ttl: true when the TTL ran out (the rest of this action list is skipped). */
function composeDecTtl(ctx: Ctx, cntIds: number[]): boolean {
  if (!isIpAny(ctx.flow)) return false;
  unwildcard(ctx.wc, 'nw_ttl', 0xffn);
  unwildcard(ctx.wc, 'nw_proto', 0xffn);
  const ttl = get(ctx.flow, 'nw_ttl');
  if (ttl > 1n) {
    ctx.flow.nw_ttl = ttl - 1n;
    return false;
  }
  report(ctx, 'warn', `${ctx.flow.eth_type === 0x86ddn ? 'IPv6' : 'IPv4'} decrement TTL exception`);
  const ids = cntIds.length ? cntIds : [0];
  for (const id of ids) controllerAction(ctx, id, 2);
  ctx.sw.nextRecircId++;
  return true;
}

function xlateClone(ctx: Ctx, actions: OfpAction[], isLastAction: boolean, names: boolean): void {
  const oldFlow = { ...ctx.flow };
  const oldActionSet = ctx.actionSet;
  ctx.actionSet = [...oldActionSet];
  const reversible = !actions.some(
    (a) => a.type === 'ct' || a.type === 'nat' || a.type === 'meter' || a.type === 'output_trunc',
  );
  if (reversible || isLastAction) {
    doXlateActions(ctx, actions, isLastAction, names);
  } else {
    commitActions(ctx);
    const oldBase = { ...ctx.base };
    const oldConntracked = ctx.conntracked;
    const nest = ctx.odp.startNested();
    doXlateActions(ctx, actions, true, names);
    ctx.odp.endNested(nest);
    ctx.conntracked = oldConntracked;
    ctx.base = oldBase;
  }
  ctx.actionSet = oldActionSet;
  ctx.flow = oldFlow;
}

function ctZone(ctx: Ctx, a: Extract<OfpAction, { type: 'ct' }>): number {
  if (!a.zone) return 0;
  if ('imm' in a.zone) return a.zone.imm;
  const sf = a.zone.src;
  return Number((get(ctx.flow, sf.field) >> BigInt(sf.ofs)) & ((1n << BigInt(sf.nBits)) - 1n));
}

/** compose_conntrack_action: ct() in the datapath; with table=N a recirculation is forked. */
function composeConntrack(ctx: Ctx, a: Extract<OfpAction, { type: 'ct' }>, names: boolean): void {
  commitActions(ctx);
  const zone = ctZone(ctx, a);
  // exec() actions set ct_mark / ct_label in the ct action itself
  const oldMark = get(ctx.flow, 'ct_mark');
  const oldLabel = get(ctx.flow, 'ct_label');
  report(ctx, 'action', formatActions(a.actions, names ? portMap(ctx.bridge) : undefined));
  let nat: Extract<OfpAction, { type: 'nat' }> | undefined;
  for (const x of a.actions) {
    if (x.type === 'set_field') writeSlots(ctx.flow, x.field, x.value, x.mask);
    else if (x.type === 'nat') nat = x;
  }
  const parts: string[] = [];
  let size = attrSize(2);
  if (a.commit) {
    parts.push(a.force ? 'commit,force' : 'commit');
    size += attrSize(0);
  }
  if (zone) parts.push(`zone=${zone}`);
  const mark = get(ctx.flow, 'ct_mark');
  if (mark !== oldMark) {
    parts.push(`mark=0x${mark.toString(16)}/0xffffffff`);
    size += attrSize(8);
  }
  const label = get(ctx.flow, 'ct_label');
  if (label !== oldLabel) {
    parts.push(`label=0x${label.toString(16)}/0xffffffffffffffffffffffffffffffff`);
    size += attrSize(32);
  }
  if (nat) {
    parts.push(natText(nat));
    size += attrSize(attrSize(4));
  }
  ctx.odp.put({ kind: 'ct', text: `ct(${parts.join(',')})`, size: attrSize(size) });
  ctx.flow.ct_mark = oldMark;
  ctx.flow.ct_label = oldLabel;
  if (a.table !== undefined) {
    const recircId = ctx.sw.nextRecircId++;
    ctx.odp.put({ kind: 'recirc', text: `recirc(0x${recircId.toString(16)})`, size: attrSize(4) });
    ctx.recircQueue.push({ recircId, flow: { ...ctx.flow }, table: a.table, bridge: ctx.bridge, zone, nat });
    report(
      ctx,
      'detail',
      `A clone of the packet is forked to recirculate. The forked pipeline will be resumed at table ${a.table}.`,
    );
  }
  clearConntrack(ctx.flow);
  report(ctx, 'detail', 'Sets the packet to an untracked state, and clears all the conntrack fields.');
  ctx.conntracked = false;
}

function natText(n: Extract<OfpAction, { type: 'nat' }>): string {
  if (!n.kind) return 'nat';
  const ip = (v: bigint): string =>
    n.ipv6 ? `[${v.toString(16)}]` : [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
  let s = `nat(${n.kind}`;
  if (n.addrMin !== undefined) {
    s += `=${ip(n.addrMin)}`;
    if (n.addrMax !== undefined && n.addrMax !== n.addrMin) s += `-${ip(n.addrMax)}`;
    if (n.portMin !== undefined) {
      s += `:${n.portMin}`;
      if (n.portMax !== undefined && n.portMax !== n.portMin) s += `-${n.portMax}`;
    }
  }
  return `${s})`;
}

/** do_xlate_actions for one action list. */
export function doXlateActions(ctx: Ctx, actions: OfpAction[], isLastAction: boolean, names: boolean): void {
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    const last = isLastAction && i === actions.length - 1;
    if (ctx.error || ctx.exit || ctx.freezing) break;
    report(ctx, 'action', actionText(ctx, a, names));
    switch (a.type) {
      case 'output':
        xlateOutput(ctx, a.port, last, names, a.maxLen);
        break;
      case 'resubmit':
        xlateTableAction(ctx, a.inPort, a.table === 255 ? ctx.tableId : a.table, last, names);
        break;
      case 'goto_table':
        xlateTableAction(ctx, OFPP.IN_PORT, a.table, true, names);
        break;
      case 'set_field':
        setFieldAction(ctx, a.field, a.value, a.mask);
        break;
      case 'move':
        moveAction(ctx, a.src, a.dst);
        break;
      case 'mod_dl_src':
      case 'mod_dl_dst': {
        const slot = a.type === 'mod_dl_src' ? 'eth_src' : 'eth_dst';
        unwildcard(ctx.wc, slot, 0xffffffffffffn);
        ctx.flow[slot] = a.mac;
        break;
      }
      case 'mod_nw_src':
      case 'mod_nw_dst':
        if (ctx.flow.eth_type === 0x0800n) {
          const slot = a.type === 'mod_nw_src' ? 'nw_src' : 'nw_dst';
          unwildcard(ctx.wc, slot, 0xffffffffn);
          ctx.flow[slot] = a.addr;
        }
        break;
      case 'mod_nw_tos':
        if (isIpAny(ctx.flow)) {
          unwildcard(ctx.wc, 'nw_tos', 0xfcn);
          ctx.flow.nw_tos = (get(ctx.flow, 'nw_tos') & 3n) | BigInt(a.dscp);
        }
        break;
      case 'mod_nw_ttl':
        if (isIpAny(ctx.flow)) {
          unwildcard(ctx.wc, 'nw_ttl', 0xffn);
          ctx.flow.nw_ttl = BigInt(a.ttl);
        }
        break;
      case 'mod_tp_src':
      case 'mod_tp_dst':
        if (isIpAny(ctx.flow) && [6n, 17n, 132n].includes(get(ctx.flow, 'nw_proto'))) {
          const slot = a.type === 'mod_tp_src' ? 'tp_src' : 'tp_dst';
          unwildcard(ctx.wc, slot, 0xffffn);
          ctx.flow[slot] = BigInt(a.port);
        }
        break;
      case 'dec_ttl':
        if (composeDecTtl(ctx, a.cntIds)) return;
        break;
      case 'clone':
        xlateClone(ctx, a.actions, last, names);
        break;
      case 'ct':
        composeConntrack(ctx, a, names);
        break;
      case 'ct_clear':
        // the datapath only has conntrack state to clear after a ct() it did
        if (ctx.conntracked) {
          ctx.odp.put({ kind: 'ct', text: 'ct_clear', size: attrSize(0) });
          ctx.conntracked = false;
        }
        clearConntrack(ctx.flow);
        break;
      case 'push_vlan':
        // the headers already there move inwards: they are matched exactly
        if (get(ctx.flow, 'vlan_tci') & 0x1000n) unwildcard(ctx.wc, 'vlan_tci', 0xffffn);
        ctx.flow.vlan_tci1 = get(ctx.flow, 'vlan_tci');
        ctx.flow.vlan_tci = 0x1000n;
        break;
      case 'strip_vlan':
        unwildcard(ctx.wc, 'vlan_tci', 0xffffn);
        ctx.flow.vlan_tci = get(ctx.flow, 'vlan_tci1');
        ctx.flow.vlan_tci1 = 0n;
        break;
      case 'set_vlan_vid':
        unwildcard(ctx.wc, 'vlan_tci', 0x1fffn);
        if (get(ctx.flow, 'vlan_tci') & 0x1000n || a.push)
          ctx.flow.vlan_tci = (get(ctx.flow, 'vlan_tci') & 0xe000n) | 0x1000n | BigInt(a.vid);
        break;
      case 'set_vlan_pcp':
        unwildcard(ctx.wc, 'vlan_tci', 0xf000n);
        if (get(ctx.flow, 'vlan_tci') & 0x1000n || a.push)
          ctx.flow.vlan_tci = (get(ctx.flow, 'vlan_tci') & 0x0fffn) | 0x1000n | (BigInt(a.pcp) << 13n);
        break;
      case 'set_tunnel':
        ctx.flow.tun_id = a.tunId;
        break;
      case 'write_metadata':
        ctx.flow.metadata = (get(ctx.flow, 'metadata') & ~a.mask) | (a.metadata & a.mask);
        break;
      case 'write_actions':
        ctx.actionSet.push(...a.actions);
        break;
      case 'clear_actions':
        ctx.actionSet = [];
        break;
      case 'exit':
        ctx.exit = true;
        break;
      case 'group':
        xlateGroup(ctx, a.groupId, last, names);
        break;
      case 'controller':
        controllerPacketIn(ctx, a.controllerId, a.maxLen);
        break;
      case 'learn':
        // what the learned flow would be built from was looked at
        for (const spec of a.specs) if ('field' in spec.src) unwildcardSubfield(ctx, spec.src.field);
        report(ctx, 'warn', 'suppressing side effects, so learn action ignored');
        break;
      default:
        break;
    }
  }
}

/** A packet-in (reason action); with no controller connected the datapath is told not to send it. */
export function controllerPacketIn(ctx: Ctx, controllerId: number, maxLen: number): void {
  commitActions(ctx);
  const id = ctx.sw.nextRecircId++;
  const text = `userspace(pid=0,controller(reason=1,dont_send=1,continuation=0,recirc_id=${id},rule_cookie=${ctx.ruleCookie},controller_id=${controllerId},max_len=${maxLen}))`;
  ctx.odp.put({ kind: 'userspace', text, size: attrSize(attrSize(4) + attrSize(40)) });
}

/** pick_hash_fields_select_group: hash the group's fields (under their masks) into a basis, then the
 * live bucket with the highest (hash_int(bucket_id) & 0xffff) * weight wins. */
function pickHashBucket(ctx: Ctx, g: Group): Bucket | undefined {
  let basis = hashUint64(g.selectionMethodParam ?? 0n);
  for (const { field, mask } of g.fields ?? []) {
    const f = fieldByName(field);
    if (!f || !prereqsMet(ctx, f.prereqs)) continue;
    const nBytes = Math.ceil(f.nBits / 8);
    const m = mask ?? allOnes(nBytes * 8);
    const v = readField(ctx.flow, f) & m;
    const bytes: number[] = [];
    for (let i = nBytes - 1; i >= 0; i--) bytes.push(Number((v >> BigInt(8 * i)) & 0xffn));
    basis = hashBytes(bytes, basis);
    unwildcardSubfield(ctx, { field: f.name, ofs: 0, nBits: f.nBits }, m);
  }
  let best: Bucket | undefined;
  let bestScore = 0;
  g.buckets.forEach((b, i) => {
    const id = b.bucketId ?? i;
    const score = (hashInt(id, basis) & 0xffff) * (b.weight ?? 100);
    if (score >= bestScore) {
      best = b;
      bestScore = score;
    }
    report(ctx, 'detail', `bucket ${id}: score ${score}`);
  });
  return best;
}

function prereqsMet(ctx: Ctx, p: string): boolean {
  const t = get(ctx.flow, 'eth_type');
  const proto = get(ctx.flow, 'nw_proto');
  const ip = t === 0x0800n || t === 0x86ddn;
  switch (p) {
    case 'none':
    case 'ethernet':
      return true;
    case 'ipv4':
      return t === 0x0800n;
    case 'ipv6':
      return t === 0x86ddn;
    case 'ip_any':
      return ip;
    case 'arp':
      return t === 0x0806n || t === 0x8035n;
    case 'tcp':
      return ip && proto === 6n;
    case 'udp':
      return ip && proto === 17n;
    case 'sctp':
      return ip && proto === 132n;
    default:
      return false;
  }
}

/** Groups: all copies the packet to every bucket; select picks one bucket; indirect has one. */
function xlateGroup(ctx: Ctx, groupId: number, isLastAction: boolean, names: boolean): void {
  const g = ctx.bridge.groups.get(groupId);
  if (!g) return;
  let buckets = g.buckets;
  if (g.type === 'select') {
    const b = g.selectionMethod === 'hash' ? pickHashBucket(ctx, g) : g.buckets[0];
    buckets = b ? [b] : [];
    if (b) report(ctx, 'detail', `using bucket ${b.bucketId ?? g.buckets.indexOf(b)}`);
  } else if (g.type === 'indirect') buckets = g.buckets.slice(0, 1);
  buckets.forEach((b, i) => {
    const node = report(ctx, 'bucket', `bucket ${b.bucketId ?? g.buckets.indexOf(b)}`);
    const old = ctx.trace;
    ctx.trace = node.subs;
    xlateClone(ctx, b.actions, isLastAction && i === buckets.length - 1, names);
    ctx.trace = old;
  });
}

/** Runs the action set that write_actions built, when the pipeline ends (xlate_action_set). */
export function xlateActionSet(ctx: Ctx, names: boolean): void {
  if (!ctx.actionSet.length) return;
  const set = ctx.actionSet;
  ctx.actionSet = [];
  report(ctx, 'action', `action set: ${formatActions(set)}`);
  doXlateActions(ctx, set, true, names);
}

export type { Packet };
