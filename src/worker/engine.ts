// The engine behind the worker protocol: runs a script through script → northd → SB, keeps the result
// for traces and console commands, and answers in the plain data of api.ts.
import type { SbDatabase } from '../engine/sb/database.ts';
import type { World } from '../engine/scenario/world.ts';
import { buildTopology } from '../engine/scenario/topology.ts';
import type { CommandResult, EngineApi, LoadResult, ScriptMessage, TraceRequest, TraceResult } from './api.ts';
import { groupLflows } from './lflows.ts';
import { engineParts } from './parts.ts';

interface Loaded {
  script: string;
  world: World;
  sb?: SbDatabase;
}

export function createEngine(): EngineApi {
  let loaded: Loaded | undefined;

  return {
    async load(script: string): Promise<LoadResult> {
      const problems: string[] = [];
      const empty: LoadResult = {
        topology: { nodes: [], edges: [] },
        ports: [],
        datapaths: [],
        errors: [],
        skipped: [],
        problems,
      };
      const { script: scriptPart, northd } = engineParts();
      if (!scriptPart) {
        problems.push('The script engine (src/engine/script) is not built yet.');
        return empty;
      }
      const run = scriptPart.runScript(script);
      const { graph, ports } = buildTopology(run.world);
      loaded = { script, world: run.world };
      const result: LoadResult = {
        ...empty,
        topology: graph,
        ports,
        errors: run.errors.map(toMessage),
        skipped: run.skipped,
      };
      if (!northd) {
        problems.push('northd (src/engine/northd) is not built yet: no logical flows.');
        return result;
      }
      try {
        loaded.sb = northd.runNorthd(run.world);
        result.datapaths = groupLflows(loaded.sb);
      } catch (error) {
        problems.push(`northd failed: ${describe(error)}`);
      }
      return result;
    },

    async trace(request: TraceRequest): Promise<TraceResult> {
      const { trace } = engineParts();
      if (!loaded?.sb) return { ok: false, error: 'No logical flows to trace through: load a scenario first.' };
      if (!trace) return { ok: false, error: 'The tracer (src/engine/trace) is not built yet.' };
      try {
        return trace(loaded.sb, request);
      } catch (error) {
        return { ok: false, error: `trace failed: ${describe(error)}` };
      }
    },

    async runCommand(line: string): Promise<CommandResult> {
      const { script: scriptPart } = engineParts();
      if (!scriptPart)
        return { output: '', errors: [{ line: 1, column: 1, message: 'The script engine is not built yet.' }] };
      const base = loaded?.script ?? '';
      const text = base.endsWith('\n') || base === '' ? base + line + '\n' : `${base}\n${line}\n`;
      const lastLine = text.split('\n').length - 1;
      const run = scriptPart.runScript(text);
      const output = run.outputs
        .filter((o) => o.line === lastLine)
        .map((o) => o.output)
        .join('');
      return { output, errors: run.errors.filter((e) => e.line === lastLine).map(toMessage) };
    },
  };
}

function toMessage(error: ScriptMessage): ScriptMessage {
  return { line: error.line, column: error.column, message: error.message };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
