// The engine behind the worker protocol: runs a script (or a real NB backup) through northd into a
// Southbound database, keeps it for traces and console commands, and answers in api.ts's plain data.
import type { SbDatabase } from '../engine/sb/database.ts';
import { diffLflows } from '../engine/sb/lflow-diff.ts';
import { formatLflowList } from '../engine/sb/lflow-list.ts';
import { buildTopology } from '../engine/scenario/topology.ts';
import { loadScenarioText } from '../engine/scenario/compile.ts';
import { SceneSession } from '../engine/scenario/session.ts';
import { runCommand } from '../engine/script/index.ts';
import {
  buildTraceDb,
  formatTrace,
  lbWithNewConnection,
  traceOn,
  traceOutcome,
  whyDropped,
  type TraceDb,
  type TraceEvent,
  type TraceSuccess,
  type WhyAnswer,
} from '../engine/trace/index.ts';
import { ovnTraceCommand } from '../engine/packet/command-line.ts';
import { buildMicroflow, editForm, formForPorts, sourcePorts, traceRequest } from '../engine/packet/form.ts';
import type { PortInfo } from '../engine/scenario/topology.ts';
import type { CommandResult, EngineApi, LoadResult, PacketDescription, TraceForm, TraceResult } from './api.ts';
import { groupLflows } from './lflows.ts';

const forms: TraceForm[] = ['detailed', 'summary', 'minimal'];

export function createEngine(): EngineApi {
  let script = '';
  let sb: SbDatabase | undefined;
  /** The loaded scene: a script that grows by lines at its end is extended, not loaded again. */
  let scene: SceneSession | undefined;
  /** The Southbound as ovn-trace reads it, built on the first trace of each loaded scene. */
  let traceDb: TraceDb | undefined;
  let ports: PortInfo[] = [];
  /** The latest trace, for questions about its events. */
  let latest: TraceSuccess | undefined;
  /** Datapaths our northd wrote no flow for (a gap of ours, should one remain). */
  let flowless = new Set<string>();

  return {
    async load(text: string): Promise<LoadResult> {
      script = text;
      // the scene's SB changes in place when extended: the diff needs the flows as they were
      const previous = sb && snapshot(sb);
      sb = undefined;
      traceDb = undefined;
      latest = undefined;
      flowless = new Set();
      const problems: string[] = [];
      let failure: unknown;
      try {
        const more = scene?.addedBy(text);
        if (scene && more !== undefined) scene.extend(more);
        else scene = new SceneSession(text);
      } catch (error) {
        scene = undefined;
        failure = error;
      }
      const run = scene?.run ?? loadScenarioText(text);
      const topology = buildTopology(run.world);
      ports = topology.ports;
      const result: LoadResult = {
        topology: topology.graph,
        ports,
        senders: sourcePorts(ports).map((p) => p.name),
        datapaths: [],
        errors: run.errors,
        skipped: run.skipped,
        problems,
      };
      if (!scene) problems.push(`northd failed: ${describe(failure)}`);
      else
        try {
          sb = scene.sb;
          result.datapaths = groupLflows(sb);
          if (previous) result.diff = diffLflows(previous, sb);
          for (const dp of result.datapaths) if (dp.ingress.every((s) => s.flows.length === 0)) flowless.add(dp.name);
        } catch (error) {
          problems.push(`northd failed: ${describe(error)}`);
        }
      return result;
    },

    async trace(form): Promise<TraceResult> {
      const request = traceRequest(form, ports);
      if (!request) return { ok: false, error: `Unknown source port "${form.src}".` };
      if (!sb) return { ok: false, error: 'No logical flows to trace through: the script did not load.', request };
      try {
        traceDb ??= buildTraceDb(sb);
        const result = traceOn(traceDb, request);
        latest = undefined;
        if (!result.ok) return { ok: false, error: result.error, request };
        latest = result;
        if (result.events.length === 0) return { ok: false, error: 'The trace is empty.', request };
        explainFlowless(result.events, flowless);
        const text: Record<TraceForm, string> = { detailed: '', summary: '', minimal: '' };
        const commands: Record<TraceForm, string> = { detailed: '', summary: '', minimal: '' };
        for (const f of forms) {
          text[f] = formatTrace(result, f);
          commands[f] = ovnTraceCommand(request, f);
        }
        const lbHint = request.ct ? undefined : lbWithNewConnection(traceDb, result.events, result.packets);
        return {
          ...(lbHint ? { lbHint } : {}),
          ok: true,
          header: `# ${result.header}`,
          events: result.events,
          text,
          commands,
          request,
          outcome: traceOutcome(result.events),
        };
      } catch (error) {
        return { ok: false, error: `trace failed: ${describe(error)}`, request };
      }
    },

    async why(index): Promise<WhyAnswer | undefined> {
      const event = latest?.events[index];
      const packet = latest?.packets[index];
      if (!traceDb || !event || !packet || event.table === undefined || !event.pipeline) return undefined;
      return whyDropped(traceDb, {
        datapath: event.datapath,
        pipeline: event.pipeline,
        table: event.table,
        stage: event.stage ?? (event.fate?.kind === 'dropped' ? event.fate.stage : undefined),
        inport: event.inport,
        outport: event.outport,
        packet,
      });
    },

    async editPacket(form, change) {
      return editForm(form, change, ports);
    },

    async packetForPorts(form, pendingFill) {
      return formForPorts(form, ports, pendingFill);
    },

    async describePacket(form): Promise<PacketDescription> {
      const request = traceRequest(form, ports);
      const description: PacketDescription = { microflow: buildMicroflow(form) };
      if (request) description.command = ovnTraceCommand(request, 'detailed');
      return description;
    },

    async lflowList(): Promise<string> {
      return sb ? formatLflowList(sb) : '';
    },

    async runCommand(line: string): Promise<CommandResult> {
      // A fresh run of the script each time, so that console commands never change the loaded scene.
      const more = runCommand(loadScenarioText(script).world, line);
      return { output: more.outputs.map((o) => o.output).join(''), errors: more.errors };
    },
  };
}

/** A drop in a datapath we have no flows for is our gap, not OVN's behaviour: say so. */
function explainFlowless(events: TraceEvent[], flowless: ReadonlySet<string>) {
  for (const event of events)
    if (event.kind === 'drop' && flowless.has(event.datapath))
      event.title += ' (ovnviz computes no logical flows for this datapath yet; real OVN does)';
}

/** The tables a flow diff reads, as they are now (rows are replaced, never changed in place). */
function snapshot(sb: SbDatabase): SbDatabase {
  const t = sb.tables;
  return {
    ...sb,
    tables: {
      ...t,
      Logical_Flow: new Map(t.Logical_Flow),
      Datapath_Binding: new Map(t.Datapath_Binding),
      Logical_DP_Group: new Map(t.Logical_DP_Group),
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
