// commit_odp_actions (lib/odp-util.c): before an output, the datapath gets set() actions for every
// header field the pipeline changed since the last commit, as masked sets of the changed fields.
import type { Ctx } from './context.ts';
import { attrSize } from './odp.ts';
import { formatEth, formatIp4, formatIp6 } from '../trace/match-format.ts';
import { ETH_TYPE_IP, ETH_TYPE_IPV6, get, unwildcard } from './packet.ts';

function changed(ctx: Ctx, slots: string[]): string[] {
  return slots.filter((s) => get(ctx.flow, s) !== get(ctx.base, s));
}

function adopt(ctx: Ctx, slots: string[]): void {
  for (const s of slots) ctx.base[s] = get(ctx.flow, s);
}

function setMasked(ctx: Ctx, key: string, fields: string[], keyBytes: number): void {
  ctx.odp.put({ kind: 'set', text: `set(${key}(${fields.join(',')}))`, size: attrSize(attrSize(keyBytes * 2) - 0) });
}

function commitEth(ctx: Ctx): void {
  const ch = changed(ctx, ['eth_src', 'eth_dst']);
  if (!ch.length) return;
  const parts: string[] = [];
  if (ch.includes('eth_src')) parts.push(`src=${formatEth(get(ctx.flow, 'eth_src'))}`);
  if (ch.includes('eth_dst')) parts.push(`dst=${formatEth(get(ctx.flow, 'eth_dst'))}`);
  setMasked(ctx, 'eth', parts, 12);
  adopt(ctx, ch);
}

function commitNw(ctx: Ctx): void {
  const t = get(ctx.flow, 'eth_type');
  if (t !== ETH_TYPE_IP && t !== ETH_TYPE_IPV6) return;
  const v6 = t === ETH_TYPE_IPV6;
  const slots = v6
    ? ['ipv6_src', 'ipv6_dst', 'ipv6_label', 'nw_tos', 'nw_ttl']
    : ['nw_src', 'nw_dst', 'nw_tos', 'nw_ttl'];
  const ch = changed(ctx, slots);
  if (!ch.length) return;
  // only a packet with an L3 protocol gets an L3 set action; deciding that reads nw_proto
  unwildcard(ctx.wc, 'nw_proto', 0xffn);
  if (!get(ctx.flow, 'nw_proto')) return;
  const f = ctx.flow;
  const parts: string[] = [];
  if (v6) {
    if (ch.includes('ipv6_src')) parts.push(`src=${formatIp6(get(f, 'ipv6_src'))}`);
    if (ch.includes('ipv6_dst')) parts.push(`dst=${formatIp6(get(f, 'ipv6_dst'))}`);
    if (ch.includes('ipv6_label')) parts.push(`label=${get(f, 'ipv6_label')}`);
    if (ch.includes('nw_tos')) parts.push(`tclass=0x${get(f, 'nw_tos').toString(16)}`);
    if (ch.includes('nw_ttl')) parts.push(`hlimit=${get(f, 'nw_ttl')}`);
    setMasked(ctx, 'ipv6', parts, 40);
  } else {
    if (ch.includes('nw_src')) parts.push(`src=${formatIp4(get(f, 'nw_src'))}`);
    if (ch.includes('nw_dst')) parts.push(`dst=${formatIp4(get(f, 'nw_dst'))}`);
    if (ch.includes('nw_tos')) parts.push(`tos=0x${get(f, 'nw_tos').toString(16)}`);
    if (ch.includes('nw_ttl')) parts.push(`ttl=${get(f, 'nw_ttl')}`);
    setMasked(ctx, 'ipv4', parts, 12);
  }
  adopt(ctx, ch);
}

function commitPorts(ctx: Ctx): void {
  const proto = get(ctx.flow, 'nw_proto');
  const name = proto === 6n ? 'tcp' : proto === 17n ? 'udp' : proto === 132n ? 'sctp' : undefined;
  if (!name) return;
  const ch = changed(ctx, ['tp_src', 'tp_dst']);
  if (!ch.length) return;
  const parts: string[] = [];
  if (ch.includes('tp_src')) parts.push(`src=${get(ctx.flow, 'tp_src')}`);
  if (ch.includes('tp_dst')) parts.push(`dst=${get(ctx.flow, 'tp_dst')}`);
  setMasked(ctx, name, parts, 4);
  adopt(ctx, ch);
}

/** The VLAN headers, outermost first. */
function vlans(p: Record<string, bigint>): bigint[] {
  const out: bigint[] = [];
  for (const k of ['vlan_tci', 'vlan_tci1']) {
    const t = get(p, k);
    if (!(t & 0x1000n)) break;
    out.push(t);
  }
  return out;
}

/** commit_vlan_action: keep the innermost headers both have, pop the rest, push the new ones. */
function commitVlan(ctx: Ctx): void {
  const now = vlans(ctx.flow);
  const was = vlans(ctx.base);
  let common = 0;
  while (common < now.length && common < was.length && now[now.length - 1 - common] === was[was.length - 1 - common])
    common++;
  for (let i = 0; i < was.length - common; i++) ctx.odp.put({ kind: 'pop_vlan', text: 'pop_vlan', size: attrSize(0) });
  for (let i = now.length - common - 1; i >= 0; i--) {
    const t = now[i];
    ctx.odp.put({ kind: 'push_vlan', text: `push_vlan(vid=${t & 0xfffn},pcp=${(t >> 13n) & 7n})`, size: attrSize(4) });
  }
  ctx.base.vlan_tci = get(ctx.flow, 'vlan_tci');
  ctx.base.vlan_tci1 = get(ctx.flow, 'vlan_tci1');
}

/** xlate_commit_actions. */
export function commitActions(ctx: Ctx): void {
  commitEth(ctx);
  commitNw(ctx);
  commitPorts(ctx);
  commitVlan(ctx);
}
