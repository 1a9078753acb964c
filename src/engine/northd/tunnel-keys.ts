// Tunnel keys as 23.03 allocates them across northd runs: a datapath keeps its key and a new one
// takes the lowest free key; a port keeps its key and a new one takes (highest key in use on its
// datapath) + 1. Keys live in the SB between runs; here they are remembered per NB database.
import type { NbDatabase } from '../nb/database.ts';

export interface Remembered {
  datapaths: Map<string, number>;
  /** Per datapath (NB uuid): port name -> key. */
  ports: Map<string, Map<string, number>>;
}

const remembered = new WeakMap<NbDatabase, Remembered>();

/** Datapath keys for these datapath uuids, given in creation order. */
export function datapathKeys(nb: NbDatabase, uuids: readonly string[]): Map<string, number> {
  const known = remembered.get(nb)?.datapaths;
  const out = new Map<string, number>();
  const used = new Set<number>();
  for (const u of uuids) {
    const k = known?.get(u);
    if (k !== undefined && !used.has(k)) {
      out.set(u, k);
      used.add(k);
    }
  }
  let next = 1;
  for (const u of uuids) {
    if (out.has(u)) continue;
    while (used.has(next)) next++;
    out.set(u, next);
    used.add(next);
  }
  return out;
}

/** Port keys of one datapath for these port names, given in creation order. */
export function portKeys(nb: NbDatabase, dp: string, names: readonly string[]): Map<string, number> {
  const known = remembered.get(nb)?.ports.get(dp);
  const out = new Map<string, number>();
  const used = new Set<number>();
  let hint = 0;
  for (const n of names) {
    const k = known?.get(n);
    if (k !== undefined && !used.has(k)) {
      out.set(n, k);
      used.add(k);
      hint = Math.max(hint, k);
    }
  }
  for (const n of names) {
    if (out.has(n)) continue;
    let k = hint + 1;
    if (k > 32767) k = 1;
    while (used.has(k)) k = k >= 32767 ? 1 : k + 1;
    out.set(n, k);
    used.add(k);
    hint = k;
  }
  return out;
}

/** The keys remembered for a NB database (none before its first northd run). */
export function rememberedKeys(nb: NbDatabase): Remembered | undefined {
  return remembered.get(nb);
}

/** Datapath keys after one transaction: datapaths gone are forgotten (their keys free), new ones
 * take the lowest free keys in creation order. */
export function advanceDatapathKeys(nb: NbDatabase, gone: readonly string[], added: readonly string[]): void {
  const r = rememberedOrEmpty(nb);
  for (const u of gone) {
    r.datapaths.delete(u);
    r.ports.delete(u);
  }
  if (!added.length) return;
  const used = new Set(r.datapaths.values());
  let next = 1;
  for (const u of added) {
    if (r.datapaths.has(u)) continue;
    while (used.has(next)) next++;
    r.datapaths.set(u, next);
    used.add(next);
  }
}

/**
 * Port keys of one datapath after a transaction, as portKeys would give them for its ports in
 * creation order: ports gone are forgotten, ports kept keep theirs, and `added` (the new names, in
 * creation order) count up from the highest key in use.
 */
export function advancePortKeys(
  nb: NbDatabase,
  dp: string,
  present: ReadonlySet<string>,
  added: readonly string[],
): void {
  const r = rememberedOrEmpty(nb);
  let keys = r.ports.get(dp);
  if (!keys) r.ports.set(dp, (keys = new Map()));
  for (const name of [...keys.keys()]) if (!present.has(name)) keys.delete(name);
  if (!added.length) return;
  const used = new Set(keys.values());
  let hint = 0;
  for (const k of used) hint = Math.max(hint, k);
  for (const n of added) {
    if (keys.has(n)) continue;
    let k = hint + 1;
    if (k > 32767) k = 1;
    while (used.has(k)) k = k >= 32767 ? 1 : k + 1;
    keys.set(n, k);
    used.add(k);
    hint = k;
  }
}

function rememberedOrEmpty(nb: NbDatabase): Remembered {
  let r = remembered.get(nb);
  if (!r) remembered.set(nb, (r = { datapaths: new Map(), ports: new Map() }));
  return r;
}

/** Remembers the keys of a northd run, for the next run on the same NB database. */
export function rememberKeys(
  nb: NbDatabase,
  datapaths: readonly { uuid: string; tunnelKey: number; ports: readonly { name: string; tunnelKey: number }[] }[],
  extraPorts: readonly { dp: string; name: string; tunnelKey: number }[],
): void {
  const r: Remembered = { datapaths: new Map(), ports: new Map() };
  for (const od of datapaths) {
    r.datapaths.set(od.uuid, od.tunnelKey);
    r.ports.set(od.uuid, new Map(od.ports.map((p) => [p.name, p.tunnelKey])));
  }
  for (const p of extraPorts) r.ports.get(p.dp)?.set(p.name, p.tunnelKey);
  remembered.set(nb, r);
}
