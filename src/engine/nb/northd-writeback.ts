// What a running ovn-northd 23.03 writes back into the Northbound database: Logical_Switch_Port
// `tag` (copied from tag_request, or allocated for nested containers) and `up`, BFD `status`. The CLI and the UI
// show the NB as it looks on a real system, where northd is always running.
import type { NbDatabase } from './database.ts';
import type { NbLogicalSwitchPort } from './schema.gen.ts';

/** VLAN tags northd allocates for nested containers: 1 … 4095. */
const MAX_OVN_TAGS = 4096;

/**
 * Applies northd's writes in place. `claimed(port)` says whether a chassis has claimed the port's
 * Port_Binding (and reported it up); router-type ports are always up.
 */
export function applyNorthdWriteback(nb: NbDatabase, claimed: (port: string) => boolean): void {
  // Logical_Switch_Port is not a root table: every port left after a commit belongs to a switch
  const ports = nb.tables.Logical_Switch_Port;
  // tag_alloc_add_existing_tags, then tag_alloc_create_new_tag
  const allocated = new Map<string, Set<number>>();
  const tagsOf = (parent: string): Set<number> => {
    let s = allocated.get(parent);
    if (!s) allocated.set(parent, (s = new Set()));
    return s;
  };
  for (const p of ports.values()) if (p.parent_name && p.tag !== undefined) tagsOf(p.parent_name).add(p.tag);
  const set = (p: NbLogicalSwitchPort, changes: Partial<NbLogicalSwitchPort>): void => {
    ports.set(p._uuid, { ...p, ...changes });
  };
  for (const p of ports.values()) {
    if (p.tag_request === undefined) continue;
    if (p.parent_name && p.tag_request === 0) {
      if (p.tag !== undefined) continue;
      const used = tagsOf(p.parent_name);
      let tag = 1;
      while (tag < MAX_OVN_TAGS && used.has(tag)) tag++;
      if (tag === MAX_OVN_TAGS) continue;
      used.add(tag);
      set(p, { tag });
    } else if (p.tag_request !== 0 && p.tag !== p.tag_request) set(p, { tag: p.tag_request });
  }
  for (const p of ports.values()) {
    const up = p.type === 'router' || claimed(p.name);
    if (p.up !== up) set(p, { up });
  }
  bfdStatus(nb);
}

/** BFD `status`: admin_down until a static route watches the session (build_bfd_table), then
 * down, as no ovn-controller reports it up here (parsed_routes_add); admin_down again once no
 * route uses it (bfd_cleanup_connections). */
function bfdStatus(nb: NbDatabase): void {
  const watched = new Set<string>();
  for (const r of nb.tables.Logical_Router_Static_Route.values())
    if (r.bfd !== undefined && nb.tables.BFD.get(r.bfd)?.dst_ip === r.nexthop) watched.add(r.bfd);
  for (const b of nb.tables.BFD.values()) {
    const status = watched.has(b._uuid) ? (b.status === 'admin_down' || !b.status ? 'down' : b.status) : 'admin_down';
    if (b.status !== status) nb.tables.BFD.set(b._uuid, { ...b, status });
  }
}
