// The protocol between the UI and the engine worker: a few functions, plain JSON-able data in and out.
import type { PortInfo, TopologyGraph } from '../engine/scenario/topology.ts';
import type { LflowDiff } from '../engine/sb/lflow-diff.ts';
import type { PacketForm } from '../engine/packet/form.ts';
import type { LbHint, TraceEvent, TraceForm, TraceOutcome, TraceRequest, WhyAnswer } from '../engine/trace/index.ts';

export type { PortInfo, TopologyGraph, TopologyNode, TopologyEdge } from '../engine/scenario/topology.ts';
export type { LflowDiff, LflowDiffGroup } from '../engine/sb/lflow-diff.ts';
export type { PacketForm, Protocol } from '../engine/packet/form.ts';
export type { PduChange, PduField, PduLayer } from '../engine/trace/pdu.ts';
export type {
  TraceEvent,
  TraceEventKind,
  TraceForm,
  TraceLocation,
  TraceOutcome,
  TraceRequest,
  LbHint,
  NearMiss,
  WhyAnswer,
} from '../engine/trace/index.ts';

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
  /** The ports a packet may be sent from (VIFs, localnet, external, virtual), as ovn-trace can start there. */
  senders: string[];
  datapaths: DatapathFlows[];
  errors: ScriptMessage[];
  skipped: { line: number; text: string }[];
  /** Engine stages that could not run (not built yet, or failed), each with the reason. */
  problems: string[];
  /** Flows added and removed since the previous load (absent on the first). */
  diff?: LflowDiff;
}

export type TraceResult =
  | {
      ok: true;
      /** ovn-trace's `# icmp,reg14=0x1,...` line. */
      header: string;
      /** The trace as events, in the order ovn-trace prints them; the last one of each copy is its end. */
      events: TraceEvent[];
      text: Record<TraceForm, string>;
      /** The same question as real ovn-trace command lines, per form. */
      commands: Record<TraceForm, string>;
      request: TraceRequest;
      outcome: TraceOutcome;
      /** Set when the packet is for a load balancer's VIP but no --ct was given: ovn-trace then takes
       * every ct state as est, and ct_lb picks no backend. */
      lbHint?: LbHint;
    }
  | { ok: false; error: string; request?: TraceRequest };

/** The microflow the form describes, and the ovn-trace command asking it. */
export interface PacketDescription {
  microflow: string;
  /** Absent when the source port is unknown. */
  command?: string;
}

export interface CommandResult {
  output: string;
  errors: ScriptMessage[];
}

export interface EngineApi {
  load(script: string): Promise<LoadResult>;
  /** Traces the packet the form describes through the loaded scene. */
  trace(form: PacketForm): Promise<TraceResult>;
  /** The form after a change (choosing source, destination or protocol refills the addresses). */
  editPacket(form: PacketForm, change: Partial<PacketForm>): Promise<PacketForm>;
  /** The form once the loaded scene's ports are known (see formForPorts); undefined when unchanged. */
  packetForPorts(form: PacketForm, pendingFill: boolean): Promise<PacketForm | undefined>;
  describePacket(form: PacketForm): Promise<PacketDescription>;
  /** At a drop in the latest trace (event index): the flows of that table that nearly matched. */
  why(event: number): Promise<WhyAnswer | undefined>;
  /** Runs one more command (e.g. `ovn-nbctl show`) after the loaded script, as the CLI's `run` does. */
  runCommand(line: string): Promise<CommandResult>;
  /** The loaded flows exactly as `ovn-sbctl lflow-list` prints them. */
  lflowList(): Promise<string>;
}
