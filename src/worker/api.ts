// The protocol between the UI and the engine worker: a few functions, plain JSON-able data in and out.
import type { PortInfo, TopologyGraph } from '../engine/scenario/topology.ts';
import type { LflowDiff } from '../engine/sb/lflow-diff.ts';

export type { PortInfo, TopologyGraph, TopologyNode, TopologyEdge } from '../engine/scenario/topology.ts';
export type { LflowDiff, LflowDiffGroup } from '../engine/sb/lflow-diff.ts';

/** A script error, at the line and column the script layer reports. */
export interface ScriptMessage {
  line: number;
  column: number;
  message: string;
}

/** One Logical_Flow row as lflow-list shows it, for one datapath. */
export interface LflowRow {
  table: number;
  priority: number;
  match: string;
  actions: string;
  /** external_ids:source, "northd.c:LINE". */
  source: string;
  uuid: string;
}

export interface StageFlows {
  table: number;
  /** Stage name from the stage table, e.g. ls_in_check_port_sec. */
  stage: string;
  flows: LflowRow[];
}

export interface DatapathFlows {
  name: string;
  kind: 'switch' | 'router';
  ingress: StageFlows[];
  egress: StageFlows[];
}

export interface LoadResult {
  topology: TopologyGraph;
  ports: PortInfo[];
  datapaths: DatapathFlows[];
  errors: ScriptMessage[];
  skipped: { line: number; text: string }[];
  /** Engine stages that could not run (not built yet, or failed), each with the reason. */
  problems: string[];
  /** Flows added and removed since the previous load (absent on the first). */
  diff?: LflowDiff;
}

export interface TraceRequest {
  datapath: string;
  microflow: string;
  ct?: string[];
  lbDst?: string;
}

/** One flow the packet matched in one stage. */
export interface FlowHit {
  table: number;
  stage: string;
  priority: number;
  match: string;
  actions: string;
  source: string;
  uuid: string;
}

/** One pass of the packet through one pipeline of one datapath, with what it led to. */
export interface TraceHop {
  datapath: string;
  pipeline: 'ingress' | 'egress';
  inport: string;
  outport?: string;
  flows: FlowHit[];
  /** Where this pass ended: into more hops, out of a port, or dropped. */
  children: TraceHop[];
  /** Set when the pass output the packet to a port that leaves OVN (a VIF, localnet…). */
  output?: {
    port: string;
    type: string;
    /** Set when what left is a packet an action generated on the way (e.g. "arp"), not the original. */
    generatedBy?: string;
  };
  /** Set on a multicast copy to the input port, which OVN does not send back (no flags.loopback). */
  loopbackOmitted?: boolean;
  /** Set when the packet died in this pass (drop action, or no flow matched). */
  drop?: { stage: string; table: number; reason: string };
}

export type TraceForm = 'detailed' | 'summary' | 'minimal';

export type TraceResult =
  | {
      ok: true;
      /** ovn-trace's `# icmp,reg14=0x1,...` line. */
      header: string;
      root: TraceHop;
      text: Record<TraceForm, string>;
    }
  | { ok: false; error: string };

export interface CommandResult {
  output: string;
  errors: ScriptMessage[];
}

export interface EngineApi {
  load(script: string): Promise<LoadResult>;
  trace(request: TraceRequest): Promise<TraceResult>;
  /** Runs one more command (e.g. `ovn-nbctl show`) after the loaded script, as the CLI's `run` does. */
  runCommand(line: string): Promise<CommandResult>;
  /** The loaded flows exactly as `ovn-sbctl lflow-list` prints them. */
  lflowList(): Promise<string>;
}
