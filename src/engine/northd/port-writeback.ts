// What a running ovn-northd 23.03 writes back into the Northbound database for ports and BFD:
// Logical_Switch_Port `tag` (copied from tag_request, or allocated for nested containers) and `up`,
// BFD `status`. The CLI and the UI show the NB as it looks on a real system, where northd is always
// running. Only the rows a transaction changed (and the ports whose binding changed) are looked at.
import type { NbDatabase } from '../nb/database.ts';
import type { NbLogicalSwitchPort } from '../nb/schema.gen.ts';
import { lookupRows } from '../nb/row-index.ts';
import { insertionOrder, type NbChanges } from '../nb/txn.ts';

/** VLAN tags northd allocates for nested containers: 1 … 4095. */
const MAX_OVN_TAGS = 4096;

export interface PortCommit {
  changes?: NbChanges;
  claimsChanged?: readonly string[];
  /** Whether a chassis has claimed the port's Port_Binding (and reported it up). */
  claimed: (port: string) => boolean;
}

/** Applies northd's port and BFD writes in place after one transaction; router ports are always up. */
export function writeBackPorts(nb: NbDatabase, commit: PortCommit): void {
  const ports = nb.tables.Logical_Switch_Port;
  const lsp = commit.changes?.get('Logical_Switch_Port');
  const candidates = new Set<string>([...(lsp?.inserted ?? []), ...(lsp?.updated ?? [])]);
  for (const name of commit.claimsChanged ?? [])
    for (const p of lookupRows(ports, ['name'], [name])) candidates.add(p._uuid);
  const rows = inTableOrder(nb, candidates);
  const set = (p: NbLogicalSwitchPort, changes: Partial<NbLogicalSwitchPort>): void => {
    ports.set(p._uuid, { ...p, ...changes });
  };
  // tag_alloc_add_existing_tags, then tag_alloc_create_new_tag
  for (const p of rows) {
    if (p.tag_request === undefined) continue;
    if (p.parent_name && p.tag_request === 0) {
      if (p.tag !== undefined) continue;
      const used = tagsOf(nb, p.parent_name);
      let tag = 1;
      while (tag < MAX_OVN_TAGS && used.has(tag)) tag++;
      if (tag === MAX_OVN_TAGS) continue;
      set(p, { tag });
    } else if (p.tag_request !== 0 && p.tag !== p.tag_request) set(p, { tag: p.tag_request });
  }
  for (const uuid of candidates) {
    const p = ports.get(uuid);
    if (!p) continue;
    const up = p.type === 'router' || commit.claimed(p.name);
    if (p.up !== up) set(p, { up });
  }
  if (!commit.changes || commit.changes.has('BFD') || commit.changes.has('Logical_Router_Static_Route')) bfdStatus(nb);
}

/** Tags in use under one parent port (northd's tag_alloc table for it). */
function tagsOf(nb: NbDatabase, parent: string): Set<number> {
  const used = new Set<number>();
  for (const p of nb.tables.Logical_Switch_Port.values())
    if (p.parent_name === parent && p.tag !== undefined) used.add(p.tag);
  return used;
}

/** The rows of `uuids` in the table's order (creation order), as northd walks the table. */
function inTableOrder(nb: NbDatabase, uuids: ReadonlySet<string>): NbLogicalSwitchPort[] {
  const ports = nb.tables.Logical_Switch_Port;
  const rows = [...uuids].map((u) => ports.get(u)).filter((p): p is NbLogicalSwitchPort => p !== undefined);
  if (rows.length < 2) return rows;
  const order = new Map(rows.map((p) => [p._uuid, insertionOrder(nb, p._uuid)]));
  // rows NbTxn did not insert (an imported NB): the table's own order
  if ([...order.values()].some((n) => n === undefined)) return [...ports.values()].filter((p) => uuids.has(p._uuid));
  return rows.sort((a, b) => (order.get(a._uuid) ?? 0) - (order.get(b._uuid) ?? 0));
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
