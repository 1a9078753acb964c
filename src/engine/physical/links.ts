// ovn-trace --ovs style links between the two layers: each logical flow and the OpenFlow flows it became on
// a chassis (their cookie is the first 32 bits of the lflow's UUID), and back from a cookie to the logical
// flows (or port bindings and multicast groups, whose flows physical.c cookies the same way).
import type { Flow } from '../openflow/flow/types.ts';
import type { SbDatabase } from '../sb/database.ts';
import type { SbLogicalFlow } from '../sb/schema.gen.ts';
import { lflowCookie } from './lflow.ts';

export type CookieOwner =
  | { kind: 'lflow'; lflow: SbLogicalFlow }
  | { kind: 'port_binding' | 'multicast_group' | 'mac_binding' | 'load_balancer'; uuid: string; name: string };

/** The OpenFlow flows of one chassis that came from logical flow `lflowUuid`. */
export function flowsOfLflow(flows: readonly Flow[], lflowUuid: string): Flow[] {
  const cookie = lflowCookie(lflowUuid);
  return flows.filter((f) => f.cookie === cookie);
}

/** What a flow's cookie points back to; several rows when two UUIDs share their first 32 bits. */
export function cookieOwners(sb: SbDatabase, cookie: bigint): CookieOwner[] {
  if (cookie === 0n) return [];
  const hit = (uuid: string) => lflowCookie(uuid) === cookie;
  const out: CookieOwner[] = [];
  for (const lflow of sb.tables.Logical_Flow.values()) if (hit(lflow._uuid)) out.push({ kind: 'lflow', lflow });
  for (const pb of sb.tables.Port_Binding.values())
    if (hit(pb._uuid)) out.push({ kind: 'port_binding', uuid: pb._uuid, name: pb.logical_port });
  for (const mg of sb.tables.Multicast_Group.values())
    if (hit(mg._uuid)) out.push({ kind: 'multicast_group', uuid: mg._uuid, name: mg.name });
  for (const mb of sb.tables.MAC_Binding.values())
    if (hit(mb._uuid)) out.push({ kind: 'mac_binding', uuid: mb._uuid, name: `${mb.logical_port} ${mb.ip}` });
  for (const lb of sb.tables.Load_Balancer.values())
    if (hit(lb._uuid)) out.push({ kind: 'load_balancer', uuid: lb._uuid, name: lb.name });
  return out;
}
