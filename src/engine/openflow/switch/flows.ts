// The flow table operations of ovs-ofctl on a bridge (ofproto's flow_mod semantics): add replaces a
// flow with the same match and priority, modify/delete go by a (loose or strict) match.
import { OFPP, type Flow, type Match } from '../flow/types.ts';
import { buildTable } from '../classifier/classifier.ts';
import type { Bridge, InstalledFlow } from './model.ts';

function sameMatch(a: Match, b: Match): boolean {
  const ka = Object.keys(a.slots);
  const kb = Object.keys(b.slots);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    const x = a.slots[k];
    const y = b.slots[k];
    if (!y || x.value !== y.value || x.mask !== y.mask) return false;
  }
  return true;
}

/** Loose match (OpenFlow's non-strict): the flow's match is at least as specific as `m`. */
function coveredBy(flow: Match, m: Match): boolean {
  for (const [k, e] of Object.entries(m.slots)) {
    const f = flow.slots[k];
    if (!f || (f.mask & e.mask) !== e.mask || (f.value & e.mask) !== e.value) return false;
  }
  return true;
}

function tableOf(br: Bridge, table: number): InstalledFlow[] {
  let t = br.tables.get(table);
  if (!t) {
    t = [];
    br.tables.set(table, t);
  }
  return t;
}

export function addFlow(br: Bridge, flow: Flow): void {
  const table = flow.table === 255 ? 0 : flow.table;
  const t = tableOf(br, table);
  const f = { ...flow, table };
  const i = t.findIndex((x) => x.flow.priority === f.priority && sameMatch(x.flow.match, f.match));
  const installed = { flow: f, seq: br.flowSeq++ };
  // the classifier caches are keyed by the table array: a replaced array is rebuilt
  const next = i >= 0 ? t.map((x, j) => (j === i ? installed : x)) : [...t, installed];
  br.tables.set(table, next);
}

function selected(x: InstalledFlow, sel: Flow, strict: boolean): boolean {
  if (sel.table !== 255 && x.flow.table !== sel.table) return false;
  if (sel.cookieMask && (x.flow.cookie & sel.cookieMask) !== (sel.cookie & sel.cookieMask)) return false;
  if (strict) return x.flow.priority === sel.priority && sameMatch(x.flow.match, sel.match);
  return coveredBy(x.flow.match, sel.match);
}

function outputsTo(x: InstalledFlow, port: number | undefined): boolean {
  if (port === undefined || port === 0xffff) return true;
  const walk = (acts: Flow['actions']): boolean =>
    acts.some((a) => (a.type === 'output' && a.port === port) || (a.type === 'clone' && walk(a.actions)));
  return walk(x.flow.actions);
}

export function deleteFlows(br: Bridge, sel: Flow | undefined, strict: boolean): void {
  for (const [n, t] of br.tables) {
    const kept = sel ? t.filter((x) => !(selected(x, sel, strict) && outputsTo(x, sel.outPort))) : [];
    if (kept.length !== t.length) br.tables.set(n, kept);
  }
}

export function modifyFlows(br: Bridge, sel: Flow, strict: boolean): void {
  for (const [n, t] of br.tables) {
    if (!t.some((x) => selected(x, sel, strict))) continue;
    br.tables.set(
      n,
      t.map((x) => (selected(x, sel, strict) ? { flow: { ...x.flow, actions: sel.actions }, seq: x.seq } : x)),
    );
  }
}

/** The flows of a dump in the order the classifier's cursor walks them: by table, then subtable (highest
 * priority first, older first on ties), then the subtable's rules. */
export function dumpOrder(br: Bridge, sel: Flow | undefined): InstalledFlow[] {
  const out: InstalledFlow[] = [];
  for (const n of [...br.tables.keys()].sort((a, b) => a - b)) {
    const t = (br.tables.get(n) ?? []).filter((x) => !sel || (selected(x, sel, false) && outputsTo(x, sel.outPort)));
    // within a subtable the rules come in the order they were added, whatever their priority
    for (const st of buildTable(t).subtables) out.push(...[...st.rules].sort((a, b) => a.seq - b.seq));
  }
  return out;
}

/** The flow a bridge without a controller and not in fail-mode secure starts with. */
export function addDefaultNormalFlow(br: Bridge): void {
  addFlow(br, {
    table: 0,
    priority: 0,
    cookie: 0n,
    cookieMask: 0n,
    idleTimeout: 0,
    hardTimeout: 0,
    importance: 0,
    flags: {},
    match: { slots: {} },
    actions: [{ type: 'output', port: OFPP.NORMAL }],
  });
}
