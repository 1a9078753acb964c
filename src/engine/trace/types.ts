// The result of an ovn-trace run as plain, JSON-able data: the same tree ovn-trace builds
// (struct ovntrace_node in utilities/ovn-trace.c), each node carrying the exact text ovn-trace
// prints, plus structured facts (datapath, stage, flow, ports, fate of each copy) for the UI.
import type { PacketState } from '../packet/state.ts';
import type { TraceForm, TraceRequest } from '../packet/request.ts';

export type { TraceForm, TraceRequest };
import type { TraceEvent } from './events.ts';

/**
 * Node kinds, as enum ovntrace_node_type. The text formatters depend on them:
 * `--detailed` hides `modify`; `--summary` dissolves `modify` and `table`;
 * `--minimal` dissolves `action`, `pipeline`, `table` and `output`.
 */
export type TraceNodeType = 'output' | 'modify' | 'action' | 'error' | 'pipeline' | 'table' | 'transformation';

export type Pipeline = 'ingress' | 'egress';

/** A pass through one pipeline of one datapath, or a multicast fan-out (a `pipeline` node). */
export interface PipelineInfo {
  kind: 'ingress' | 'egress' | 'multicast';
  /** Friendly datapath name, e.g. "ls1". */
  datapath: string;
  /** Logical input port name ("" when none). Absent for multicast. */
  inport?: string;
  /** Logical output port name, for egress. */
  outport?: string;
  /** Multicast group name, e.g. "_MC_flood", for multicast. */
  mcgroup?: string;
}

/** The logical flow a table step matched. */
export interface MatchedFlow {
  /** Logical_Flow row uuid (full). ovn-trace prints its first 8 hex digits. */
  uuid: string;
  priority: number;
  /** The match as the Southbound row holds it (port names made friendly). */
  match: string;
  /** The actions as the Southbound row holds it. */
  actions: string;
  /** external_ids:source, e.g. "northd.c:8432". */
  source?: string;
}

/** One lookup in one logical table (a `table` node). */
export interface TableStep {
  datapath: string;
  datapathKind: 'switch' | 'router';
  pipeline: Pipeline;
  table: number;
  /** external_ids:stage-name, e.g. "ls_in_l2_lkup"; absent if no flow of that table names one. */
  stage?: string;
  /** Logical ports (reg14 / reg15) when the lookup happened; "" when unset. */
  inport: string;
  outport: string;
  /** Absent when no flow matched: the packet is dropped here ("no match (implicit drop)"). */
  flow?: MatchedFlow;
}

/** What a nested packet is (a `transformation` node): clone, ct recirculation, generated packets. */
export interface TransformationInfo {
  /**
   * clone; ct (ct_next, ct_dnat, ct_snat, ct_lb, ct_lb_mark, ct_commit_nat: a conntrack
   * recirculation); generated packets (arp, nd_na, nd_ns, icmp4, icmp6, tcp_reset, sctp_abort),
   * which ovn-controller makes on the packet's behalf; select; log.
   */
  kind: 'clone' | 'ct' | 'generated' | 'select' | 'log';
  /** The ct_state the recirculated packet carries, as ovn-trace prints it (e.g. "new|trk"). */
  ctState?: string;
}

/** Where one copy of the packet ended. */
export type CopyFate =
  | {
      kind: 'output';
      datapath: string;
      /** Logical port (friendly name) or multicast group name. */
      port: string;
      /** Port_Binding type: "" for a VIF, "localnet", "patch" (only when the peer is missing) … */
      portType: string;
    }
  | {
      kind: 'dropped';
      datapath: string;
      pipeline: Pipeline;
      table: number;
      stage?: string;
      /** no-match: implicit drop; drop-action: `drop;`; actions-ended: the actions neither forwarded nor output it. */
      reason: 'no-match' | 'drop-action' | 'actions-ended';
    }
  | {
      /** A multicast copy back to the input port, not sent (inport == outport && !flags.loopback). */
      kind: 'loopback-omitted';
      datapath: string;
      port: string;
    }
  | {
      /** The packet went to ovn-controller, which answered with generated packets (arp{}, icmp4{} …). */
      kind: 'controller';
      datapath: string;
      pipeline: Pipeline;
      table: number;
      stage?: string;
    }
  | {
      /** ovn-trace stopped this copy with an error (`*** …`), e.g. output to a null port. */
      kind: 'error';
      datapath: string;
      message: string;
    };

export interface TraceNode {
  type: TraceNodeType;
  /** The node's text exactly as ovn-trace prints it. */
  text: string;
  /** ovn-trace's always_indent: set on multicast egress copies that are traced. */
  alwaysIndent?: boolean;
  subs: TraceNode[];
  /** For `pipeline` nodes. */
  pipeline?: PipelineInfo;
  /** For `table` nodes. */
  table?: TableStep;
  /** For `transformation` nodes. */
  transformation?: TransformationInfo;
  /** Set on the node where a copy of the packet ended. */
  fate?: CopyFate;
  /** The packet as it was here: at a table's lookup, or as it left by an output. */
  packet?: PacketState;
}

export interface TraceSuccess {
  ok: true;
  /** The microflow as ovn-trace prints it on its first line, without the leading "# ". */
  header: string;
  /** Friendly name of the datapath the trace starts in. */
  datapath: string;
  /** Friendly name of the input port ("(unnamed)" when the microflow gives none). */
  inport: string;
  /** The tree: one top-level `pipeline` node, ingress(dp=…, inport=…). */
  root: TraceNode[];
  /** Every copy's end, in tree order. */
  fates: CopyFate[];
  /** The same trace as a list of events, in the order ovn-trace prints them (see events.ts). */
  events: TraceEvent[];
  /** The packet each event found, by event index. */
  packets: (PacketState | undefined)[];
}

export interface TraceFailure {
  ok: false;
  /** The message exactly as ovn-trace prints it, without the trailing newline. */
  error: string;
  /**
   * Set when real ovn-trace dies here, on an assertion or a bad option value (it prints nothing on stdout
   * and the message, prefixed "ovn-trace: ", on stderr, exit status non-zero); otherwise (an unknown datapath,
   * a microflow it cannot parse) it prints the message on stdout and exits 0.
   */
  aborted?: true;
}

export type TraceResult = TraceSuccess | TraceFailure;

/**
 * The trace regrouped for drawing: one pass per pipeline a copy of the packet went through, with the
 * tables it hit in order, the passes it led to (egress, the peer datapath, multicast copies, clones),
 * and the fates that ended copies within it. Built from the tree by tracePasses().
 */
export interface TracePass {
  kind: Pipeline;
  datapath: string;
  inport: string;
  outport?: string;
  steps: TableStep[];
  children: TracePass[];
  fates: CopyFate[];
}
