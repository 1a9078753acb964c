// An OpenFlow table as lib/classifier.c looks it up for ovs-vswitchd: rules grouped in subtables by
// mask, subtables tried in order of their highest priority, each looked up in stages (metadata, L2,
// L3, L4) with prefix tries on nw_dst and nw_src, un-wildcarding only the bits that decided the result,
// so that the megaflow is what the real switch installs.
import type { Match } from '../flow/types.ts';
import type { InstalledFlow } from '../switch/model.ts';
import type { Masks, Packet } from '../xlate/packet.ts';

/** The stage (segment of struct flow) a slot belongs to: 0 metadata, 1 L2, 2 L3, 3 L4. */
function stageOf(slot: string): number {
  if (/^(eth_src|eth_dst|eth_type|vlan_tci\d?|mpls_lse)$/.test(slot)) return 1;
  if (
    /^(nw_src|nw_dst|ct_nw_src|ct_nw_dst|ipv6_src|ipv6_dst|ct_ipv6_src|ct_ipv6_dst|ipv6_label|nw_frag|nw_tos|nw_ttl|nw_proto|nd_target|arp_sha|arp_tha|tcp_flags|nd_reserved|nd_options_type)$/.test(
      slot,
    )
  )
    return 2;
  if (/^(tp_src|tp_dst|ct_tp_src|ct_tp_dst)$/.test(slot)) return 3;
  return 0;
}

interface Subtable {
  /** slot → mask, the same for every rule here. */
  mask: Masks;
  /** Slots of each stage that has mask bits (the last one is the final stage). */
  stages: string[][];
  rules: InstalledFlow[];
  maxPriority: number;
  /** Prefix length of nw_dst / nw_src in this mask (0: none or not a prefix). */
  triePlen: Record<string, number>;
  /** Prefix length of the tp_src:tp_dst ports in the mask, when the final stage has ports. */
  portsPlen: number;
}

export interface Table {
  subtables: Subtable[];
  /** Every rule's nw_dst / nw_src prefix, for the tries. */
  prefixes: Record<string, { value: bigint; len: number }[]>;
}

const TRIE_FIELDS = ['nw_dst', 'nw_src'];

function prefixLen(mask: bigint, bits: number): number {
  const all = (1n << BigInt(bits)) - 1n;
  for (let n = 0; n <= bits; n++) if (mask === (all ^ ((1n << BigInt(bits - n)) - 1n))) return n;
  return 0;
}

function maskKey(m: Match): string {
  return Object.keys(m.slots)
    .sort()
    .map((k) => `${k}/${m.slots[k].mask.toString(16)}`)
    .join(',');
}

export function buildTable(flows: InstalledFlow[]): Table {
  const byMask = new Map<string, Subtable>();
  const prefixes: Record<string, { value: bigint; len: number }[]> = { nw_dst: [], nw_src: [] };
  for (const f of flows) {
    const key = maskKey(f.flow.match);
    let st = byMask.get(key);
    if (!st) {
      const mask: Masks = {};
      for (const [slot, e] of Object.entries(f.flow.match.slots)) mask[slot] = e.mask;
      const byStage: string[][] = [[], [], [], []];
      for (const slot of Object.keys(mask).sort()) byStage[stageOf(slot)].push(slot);
      const stages = byStage.filter((s) => s.length);
      if (!stages.length) stages.push([]);
      const triePlen: Record<string, number> = {};
      for (const t of TRIE_FIELDS) triePlen[t] = mask[t] ? prefixLen(mask[t], 32) : 0;
      const last = stages[stages.length - 1];
      const portsMask = ((mask.tp_src ?? 0n) << 16n) | (mask.tp_dst ?? 0n);
      // 32 minus the trailing zero bits of the ports mask, as classifier.c computes ports_mask_len
      let tz = 0;
      while (tz < 32 && !((portsMask >> BigInt(tz)) & 1n)) tz++;
      const portsPlen = last.some((s) => s === 'tp_src' || s === 'tp_dst') && portsMask ? 32 - tz : 0;
      st = { mask, stages, rules: [], maxPriority: -1, triePlen, portsPlen };
      byMask.set(key, st);
    }
    st.rules.push(f);
    st.maxPriority = Math.max(st.maxPriority, f.flow.priority);
    for (const t of TRIE_FIELDS) {
      const e = f.flow.match.slots[t];
      const len = e ? prefixLen(e.mask, 32) : 0;
      if (len > 0) prefixes[t].push({ value: e.value, len });
    }
  }
  const subtables = [...byMask.values()];
  for (const st of subtables) st.rules.sort((a, b) => b.flow.priority - a.flow.priority || a.seq - b.seq);
  // pvector order: highest max priority first; equal ones keep the order they were created in
  subtables.sort((a, b) => b.maxPriority - a.maxPriority);
  return { subtables, prefixes };
}

function matches(rule: InstalledFlow, pkt: Packet, slots: string[]): boolean {
  const m = rule.flow.match.slots;
  for (const s of slots) {
    const e = m[s];
    if (e && ((pkt[s] ?? 0n) & e.mask) !== e.value) return false;
  }
  return true;
}

function fold(wc: Masks, mask: Masks, slots: string[]): void {
  for (const s of slots) wc[s] = (wc[s] ?? 0n) | mask[s];
}

const bitsOf = (v: bigint, n: number, len: number): bigint => (v >> BigInt(len - n)) & ((1n << BigInt(n)) - 1n);

function commonPrefix(a: bigint, b: bigint, len: number): number {
  let n = 0;
  while (n < len && ((a >> BigInt(len - 1 - n)) & 1n) === ((b >> BigInt(len - 1 - n)) & 1n)) n++;
  return n;
}

/** trie_lookup_value on the set of prefixes, as a patricia trie would answer: the number of leading
 * bits that decide the lookup, and the prefix lengths that match the value. */
export function trieLookup(
  prefixes: { value: bigint; len: number }[],
  v: bigint,
  nBits: number,
): { maskbits: number; plens: Set<number> } {
  const plens = new Set<number>();
  let m = 0;
  for (const p of prefixes) {
    const c = Math.min(commonPrefix(p.value, v, nBits), p.len);
    if (c === p.len) plens.add(p.len);
    if (c > m) m = c;
  }
  if (m >= nBits) return { maskbits: nBits, plens };
  const branches = prefixes.some((p) => p.len > m && bitsOf(p.value, m, nBits) === bitsOf(v, m, nBits));
  return { maskbits: branches ? m + 1 : m, plens };
}

const prefixMask = (bits: number, n: number): bigint => (n ? ((1n << BigInt(n)) - 1n) << BigInt(bits - n) : 0n);

interface TrieCtx {
  done: boolean;
  maskbits: number;
  plens: Set<number>;
}

/** Looks a packet up in a table, un-wildcarding into `wc` what the classifier examined. */
export function lookup(table: Table, pkt: Packet, wc: Masks): InstalledFlow | undefined {
  const tries: Record<string, TrieCtx> = {};
  const isIp = (pkt.eth_type ?? 0n) === 0x0800n;
  const checkTries = (st: Subtable, stage: string[]): boolean => {
    for (const t of TRIE_FIELDS) {
      const plen = st.triePlen[t];
      if (!plen || !stage.includes(t)) continue;
      let ctx = tries[t];
      if (!ctx) {
        if (isIp) {
          const r = trieLookup(table.prefixes[t], pkt[t] ?? 0n, 32);
          ctx = { done: true, maskbits: r.maskbits, plens: r.plens };
        } else ctx = { done: true, maskbits: 0, plens: new Set(Array.from({ length: 33 }, (_, i) => i)) };
        tries[t] = ctx;
      }
      if (!ctx.plens.has(plen)) {
        const bits = prefixMask(32, ctx.maskbits);
        if (ctx.maskbits <= plen) {
          wc[t] = (wc[t] ?? 0n) | bits;
          return true;
        }
        if (((wc[t] ?? 0n) & bits) === bits) return true;
      }
    }
    return false;
  };
  let best: InstalledFlow | undefined;
  const soft: InstalledFlow[] = [];
  for (const st of table.subtables) {
    if (best && st.maxPriority <= best.flow.priority) break;
    const used: string[] = [];
    let miss = false;
    const n = st.stages.length;
    for (let i = 0; i < n - 1 && !miss; i++) {
      if (checkTries(st, st.stages[i])) {
        miss = true;
        break;
      }
      used.push(...st.stages[i]);
      if (!st.rules.some((r) => matches(r, pkt, used))) miss = true;
    }
    if (!miss && checkTries(st, st.stages[n - 1])) miss = true;
    if (miss) {
      fold(wc, st.mask, used);
      continue;
    }
    const all = Object.keys(st.mask);
    const hits = st.rules.filter((r) => matches(r, pkt, all));
    const rule = hits.find((r) => !isConjunctive(r));
    for (const r of hits) if (isConjunctive(r) && (!best || r.flow.priority > best.flow.priority)) soft.push(r);
    if (!hits.length && st.portsPlen) {
      const ports = (((pkt.tp_src ?? 0n) << 16n) | (pkt.tp_dst ?? 0n)) & prefixMask(32, st.portsPlen);
      const values = st.rules.map((r) => ({
        value: ((r.flow.match.slots.tp_src?.value ?? 0n) << 16n) | (r.flow.match.slots.tp_dst?.value ?? 0n),
        len: st.portsPlen,
      }));
      const mbits = trieLookup(values, ports, 32).maskbits;
      const pm = prefixMask(32, st.portsPlen) & prefixMask(32, mbits);
      if (st.mask.tp_src) wc.tp_src = (wc.tp_src ?? 0n) | ((pm >> 16n) & st.mask.tp_src);
      if (st.mask.tp_dst) wc.tp_dst = (wc.tp_dst ?? 0n) | (pm & 0xffffn & st.mask.tp_dst);
      fold(wc, st.mask, used);
      continue;
    }
    fold(wc, st.mask, all);
    if (rule && (!best || rule.flow.priority > best.flow.priority)) best = rule;
  }
  const conj = completeConjunction(soft, best);
  if (conj !== undefined && !pkt.conj_id) {
    // the conjunction matched: look again with conj_id set (classifier_lookup__'s second pass)
    const again = lookup(table, { ...pkt, conj_id: BigInt(conj) }, wc);
    if (again) return again;
  }
  return best;
}

function isConjunctive(r: InstalledFlow): boolean {
  return r.flow.actions.length > 0 && r.flow.actions.every((a) => a.type === 'conjunction');
}

/** The id of the highest-priority conjunction all of whose clauses matched, above the best plain rule. */
function completeConjunction(soft: InstalledFlow[], best: InstalledFlow | undefined): number | undefined {
  const byPriority = new Map<number, InstalledFlow[]>();
  for (const r of soft)
    if (!best || r.flow.priority > best.flow.priority)
      byPriority.set(r.flow.priority, [...(byPriority.get(r.flow.priority) ?? []), r]);
  for (const prio of [...byPriority.keys()].sort((a, b) => b - a)) {
    const clauses = new Map<number, { n: number; seen: Set<number> }>();
    for (const r of byPriority.get(prio) ?? [])
      for (const a of r.flow.actions)
        if (a.type === 'conjunction') {
          const c = clauses.get(a.id) ?? { n: a.nClauses, seen: new Set<number>() };
          c.seen.add(a.clause);
          clauses.set(a.id, c);
        }
    for (const [id, c] of [...clauses].sort((x, y) => x[0] - y[0])) if (c.seen.size === c.n) return id;
  }
  return undefined;
}
