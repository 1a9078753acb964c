// "Why was it dropped here?": the flows of the table that nearly matched the packet, each with the
// first term of its match that failed; at a port-security stage, the addresses the port allows; and
// whether the packet is for a load balancer's VIP that ovn-trace only balances for a new connection.
import { parseLbDst } from '../ct/lb-dst.ts';
import { explainMatch, type ExplainNode } from '../expr/explain.ts';
import { getField, type PacketState } from '../packet/state.ts';
import { datapathMatchContext } from './context.ts';
import { flowsOf, findDatapath, type TraceDb } from './database.ts';
import { makeNamesFriendly } from './friendly.ts';
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
    misses.push({
      uuid: flow.row._uuid,
      priority: flow.priority,
      match: makeNamesFriendly(db, flow.row.match),
      actions: flow.row.actions,
      failed: makeNamesFriendly(db, firstFailed(root)),
      held: terms.filter((t) => t.matched).length,
      terms: terms.length,
    });
  }
  misses.sort((a, b) => b.held / b.terms - a.held / a.terms || b.priority - a.priority);
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

/** The load balancer VIP (as the NB writes it) the packet is addressed to, if any. */
export function lbVipOf(db: TraceDb, packet: PacketState): { lb: string; vip: string } | undefined {
  const dst = getField(packet, 'ip_dst');
  const port = getField(packet, 'tp_dst');
  for (const lb of db.sb.tables.Load_Balancer.values())
    for (const key of Object.keys(lb.vips)) {
      const parsed = parseLbDst(key);
      if (!parsed.ok || parsed.dst.family !== 4) continue;
      if (parsed.dst.ip === dst && (parsed.dst.port === 0 || BigInt(parsed.dst.port) === port))
        return { lb: lb.name, vip: key };
    }
  return undefined;
}
