// The translation context (ofproto-dpif-xlate.c struct xlate_ctx): the packet as the pipeline has
// changed it, the packet as the datapath has it so far (base flow), the megaflow's wildcards, the
// datapath actions, the resubmit depth and counters, and where trace nodes go.
import type { OfpAction } from '../flow/types.ts';
import type { Backer, Bridge, OvsSwitch } from '../switch/model.ts';
import type { TraceNode, TraceNodeType } from '../trace/types.ts';
import { OdpBuffer } from './odp.ts';
import type { Masks, Packet } from './packet.ts';

/** OVS's limits (ofproto-dpif-xlate.c). */
export const MAX_DEPTH = 64;
export const MAX_RESUBMITS = MAX_DEPTH * MAX_DEPTH;
export const UINT16_MAX = 65535;

/** A pass that a ct(table=N) forked, to be traced after this one. */
export interface RecircNode {
  recircId: number;
  flow: Packet;
  table: number;
  bridge: Bridge;
  zone: number;
  nat?: OfpAction;
}

export type XlateError = 'Recursion too deep' | 'Too many resubmits' | 'Stack too deep';

export interface Ctx {
  sw: OvsSwitch;
  bridge: Bridge;
  backer: Backer;
  flow: Packet;
  base: Packet;
  wc: Masks;
  odp: OdpBuffer;
  /** The trace list new nodes are appended to. */
  trace: TraceNode[];
  depth: number;
  resubmits: number;
  tableId: number;
  error?: XlateError;
  exit: boolean;
  /** write_actions' action set, executed when the pipeline ends. */
  actionSet: OfpAction[];
  conntracked: boolean;
  recircQueue: RecircNode[];
  /** Set when a recirculation (ct) froze the rest of this action list. */
  freezing: boolean;
  /** The rule whose actions are being translated (its cookie for controller actions). */
  ruleCookie: bigint;
  /** The set(tunnel(…)) the datapath has now, so that an unchanged tunnel is not set again. */
  baseTunnel?: string;
}

export function newCtx(sw: OvsSwitch, bridge: Bridge, backer: Backer, flow: Packet): Ctx {
  return {
    sw,
    bridge,
    backer,
    flow: { ...flow },
    base: { ...flow },
    wc: {},
    odp: new OdpBuffer(),
    trace: [],
    depth: 0,
    resubmits: 0,
    tableId: 0,
    exit: false,
    actionSet: [],
    conntracked: false,
    recircQueue: [],
    freezing: false,
    ruleCookie: 0n,
  };
}

export function report(ctx: Ctx, type: TraceNodeType, text: string): TraceNode {
  const node: TraceNode = { type, text, subs: [], depth: ctx.depth };
  ctx.trace.push(node);
  return node;
}

export function reportError(ctx: Ctx, text: string): void {
  report(ctx, 'error', text);
}
