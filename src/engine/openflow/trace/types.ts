// ofproto/trace as data, for the UI and for the text printer: the tree of bridges, tables and actions
// xlate visited (ofproto-dpif-trace.h's oftrace_node), with the packet before and after each action,
// and each recirculation (ct) as a further pass.

/** OFT_* node types. */
export type TraceNodeType = 'bridge' | 'table' | 'thaw' | 'action' | 'detail' | 'warn' | 'error' | 'bucket';

export interface TraceNode {
  type: TraceNodeType;
  text: string;
  subs: TraceNode[];
  /** Table number of a table node. */
  table?: number;
  /** Resubmit depth (ctx->depth) when the node was reported. */
  depth: number;
  /** Registers and header fields that an action changed: slot → [before, after]. */
  changed?: Record<string, [string, string]>;
}

export interface TracePass {
  /** recirc_id of a resumed pass (0 for the first). */
  recircId: number;
  /** The banner's words: "resume conntrack with default ct_state=trk|new (use --ct-next to customize)". */
  resume?: string;
  /** The lines "Replacing src/dst IP/ports to simulate NAT:" … when a nat was simulated. */
  natLines?: string[];
  flow: string;
  nodes: TraceNode[];
  finalFlow: string;
  megaflow: string;
  datapathActions: string;
  /** Size of the datapath actions in netlink bytes (the datapath takes at most 65,535). */
  datapathActionsBytes: number;
  /** "Translation failed (…)" reason. */
  error?: string;
  /** Slow path reasons ("Uses action(s) not supported by datapath"). */
  slowPath: string[];
}

export interface TraceResult {
  passes: TracePass[];
}
