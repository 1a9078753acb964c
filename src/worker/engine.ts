// The engine behind the worker protocol: runs a script (or a real NB backup) through northd into a
// Southbound database, keeps it for traces and console commands, and answers in api.ts's plain data.
import type { SbDatabase } from '../engine/sb/database.ts';
import { diffLflows } from '../engine/sb/lflow-diff.ts';
import { formatLflowList } from '../engine/sb/lflow-list.ts';
import { buildTopology } from '../engine/scenario/topology.ts';
import { loadScenarioText } from '../engine/scenario/compile.ts';
import { SceneSession } from '../engine/scenario/session.ts';
import { runCommand } from '../engine/script/index.ts';
import { formatTrace, trace } from '../engine/trace/index.ts';
import type { CommandResult, EngineApi, LoadResult, TraceForm, TraceHop, TraceRequest, TraceResult } from './api.ts';
import { groupLflows } from './lflows.ts';
import { traceHops } from './trace-view.ts';

const forms: TraceForm[] = ['detailed', 'summary', 'minimal'];

export function createEngine(): EngineApi {
  let script = '';
  let sb: SbDatabase | undefined;
  /** The loaded scene: a script that grows by lines at its end is extended, not loaded again. */
  let scene: SceneSession | undefined;
  /** Datapaths our northd wrote no flow for (a gap of ours, should one remain). */
  let flowless = new Set<string>();

  return {
    async load(text: string): Promise<LoadResult> {
      script = text;
      // the scene's SB changes in place when extended: the diff needs the flows as they were
      const previous = sb && snapshot(sb);
      sb = undefined;
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
      const { graph, ports } = buildTopology(run.world);
      const result: LoadResult = {
        topology: graph,
        ports,
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

    async trace(request: TraceRequest): Promise<TraceResult> {
      if (!sb) return { ok: false, error: 'No logical flows to trace through: the script did not load.' };
      try {
        const result = trace(sb, request);
        if (!result.ok) return result;
        const root = traceHops(result);
        if (!root) return { ok: false, error: 'The trace is empty.' };
        explainFlowless(root, flowless);
        const text = Object.fromEntries(forms.map((form) => [form, formatTrace(result, form)])) as Record<
          TraceForm,
          string
        >;
        return { ok: true, header: `# ${result.header}`, root, text };
      } catch (error) {
        return { ok: false, error: `trace failed: ${describe(error)}` };
      }
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
function explainFlowless(hop: TraceHop, flowless: ReadonlySet<string>) {
  if (hop.drop && flowless.has(hop.datapath))
    hop.drop.reason += ' (ovnviz computes no logical flows for this datapath yet; real OVN does)';
  for (const child of hop.children) explainFlowless(child, flowless);
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
