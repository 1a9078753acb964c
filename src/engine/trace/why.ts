// "Why was it dropped here?": the flows of the table that nearly matched the packet, each with the
// first term of its match that failed; at a port-security stage, the addresses the port allows; and
// whether the packet is for a load balancer's VIP that ovn-trace only balances for a new connection.
import { CS_NEW, CS_TRACKED } from '../ct/state.ts';
import { explainMatch, type ExplainNode } from '../expr/explain.ts';
import { clonePacket, getField, setField, type PacketState } from '../packet/state.ts';
import { datapathMatchContext } from './context.ts';
import { flowsOf, findDatapath, type TraceDb } from './database.ts';
import { makeNamesFriendly } from './friendly.ts';
import type { TraceEvent } from './events.ts';
import type { Pipeline } from './types.ts';

export interface NearMiss {
  uuid: string;
  priority: number;
  match: string;
  actions: string;
  /** The first written term of the match that is false for this packet. */
  failed: string;
  /** Terms of the match's top-level conjunction that held, of how many. */
  held: number;
  terms: number;
  /** False when the flow is about another protocol family than the packet (ip6 for an IPv4 packet…). */
  sameFamily: boolean;
}

/** Words that name a protocol family, and the packets (by eth.type) they do not apply to. */
const OTHER_FAMILY: readonly [RegExp, bigint[]][] = [
  [/\b(ip6|icmp6|nd|nd_ns|nd_na|nd_rs|nd_ra|mldv1|mldv2)\b|\bnd\./, [0x0800n, 0x0806n]],
  [/\b(ip4|icmp4|icmp)\b|\bip4\./, [0x86ddn, 0x0806n]],
  [/\b(arp|rarp)\b|\barp\./, [0x0800n, 0x86ddn]],
];

function sameFamily(term: string, packet: PacketState): boolean {
  const ethType = getField(packet, 'eth_type');
  return !OTHER_FAMILY.some(([words, types]) => words.test(term) && types.includes(ethType));
}

export interface WhyAnswer {
  datapath: string;
  pipeline: Pipeline;
  table: number;
  /** Highest first among those that held the most terms; at most `limit`. */
  misses: NearMiss[];
  /** Set at a port-security stage: the port and its port_security entries. */
  portSecurity?: { port: string; allowed: string[] };
}

export interface WhyQuestion {
  datapath: string;
  pipeline: Pipeline;
  table: number;
  stage?: string;
  inport: string;
  outport: string;
  /** The packet as the table's lookup saw it. */
  packet: PacketState;
}

function firstFailed(node: ExplainNode): string {
  if (node.matched) return '';
  const failing = node.op === 'and' ? node.terms?.find((t) => !t.matched) : undefined;
  return failing ? failing.text : node.text;
}

/** The flows of the table that did not match, ranked by how nearly they did. */
export function whyDropped(db: TraceDb, question: WhyQuestion, limit = 5): WhyAnswer | undefined {
  const dp = findDatapath(db, question.datapath);
  if (!dp) return undefined;
  const mc = datapathMatchContext(db, dp);
  const misses: NearMiss[] = [];
  for (const flow of flowsOf(dp, question.pipeline, question.table)) {
    const explained = explainMatch(flow.row.match, question.packet, mc);
    if (!explained.ok || explained.explanation.matched) continue;
    const root = explained.explanation;
    const terms = root.op === 'and' && root.terms ? root.terms : [root];
    const failed = firstFailed(root);
    misses.push({
      uuid: flow.row._uuid,
      priority: flow.priority,
      match: makeNamesFriendly(db, flow.row.match),
      actions: flow.row.actions,
      failed: makeNamesFriendly(db, failed),
      held: terms.filter((t) => t.matched).length,
      terms: terms.length,
      sameFamily: sameFamily(flow.row.match, question.packet),
    });
  }
  // Nearest first: a miss on the packet's own protocol family, then the most terms held, then priority.
  misses.sort(
    (a, b) =>
      Number(b.sameFamily) - Number(a.sameFamily) || b.held / b.terms - a.held / a.terms || b.priority - a.priority,
  );
  const answer: WhyAnswer = {
    datapath: question.datapath,
    pipeline: question.pipeline,
    table: question.table,
    misses: misses.slice(0, limit),
  };
  if (question.stage?.includes('port_sec')) {
    const port = question.pipeline === 'ingress' ? question.inport : question.outport;
    const pb = [...db.sb.tables.Port_Binding.values()].find((p) => p.logical_port === port);
    if (pb) answer.portSecurity = { port, allowed: [...pb.port_security] };
  }
  return answer;
}

export interface LbHint {
  datapath: string;
  stage?: string;
  table: number;
  /** The load-balancing flow that would have matched a new connection. */
  match: string;
  actions: string;
}

/**
 * A load balancer that would have applied had the packet been a new connection: on the path, a
 * flow above the one matched whose actions balance (ct_lb, ct_lb_mark) and whose match holds once
 * ct_state is new|trk. Without --ct, ovn-trace takes every ct state as est|trk, so such a flow is
 * passed by.
 */
export function lbWithNewConnection(
  db: TraceDb,
  events: readonly TraceEvent[],
  packets: readonly (PacketState | undefined)[],
): LbHint | undefined {
  for (const lookup of lookups(events)) {
    const packet = packets[lookup.event.index];
    const dp = findDatapath(db, lookup.event.datapath);
    if (!packet || !dp) continue;
    const asNew = clonePacket(packet);
    setField(asNew, 'ct_state', BigInt(CS_NEW | CS_TRACKED));
    const mc = datapathMatchContext(db, dp);
    for (const flow of flowsOf(dp, lookup.pipeline, lookup.table)) {
      if (flow.priority <= lookup.priority) break;
      if (!/\bct_lb(_mark)?\(/.test(flow.row.actions)) continue;
      const explained = explainMatch(flow.row.match, asNew, mc);
      if (explained.ok && explained.explanation.matched)
        return {
          datapath: lookup.event.datapath,
          stage: flow.stage,
          table: lookup.table,
          match: makeNamesFriendly(db, flow.row.match),
          actions: flow.row.actions,
        };
    }
  }
  return undefined;
}

interface Lookup {
  event: TraceEvent;
  pipeline: Pipeline;
  table: number;
  /** The priority of the flow the packet took there (0 for a stage ovn-trace omits: "1", next). */
  priority: number;
}

/**
 * Every table lookup on the path: the stages visited, and before each the stages ovn-trace leaves out
 * of its output because their flow was `1` → next (the packet is the same through them).
 */
function lookups(events: readonly TraceEvent[]): Lookup[] {
  const list: Lookup[] = [];
  for (const event of events) {
    if (event.kind !== 'stage' || !event.flow || !event.pipeline || event.table === undefined) continue;
    let before = event.parent === undefined ? undefined : events[event.parent];
    while (before && before.kind === 'fork') before = before.parent === undefined ? undefined : events[before.parent];
    const sameWalk = before && before.datapath === event.datapath && before.pipeline === event.pipeline;
    const from = sameWalk && before?.kind === 'stage' && before.table !== undefined ? before.table + 1 : event.table;
    for (let table = from; table < event.table; table++)
      list.push({ event, pipeline: event.pipeline, table, priority: 0 });
    list.push({ event, pipeline: event.pipeline, table: event.table, priority: event.flow.priority });
  }
  return list;
}
