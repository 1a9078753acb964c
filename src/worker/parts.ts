// The engine entry points the worker uses, found at build time; a part not yet written is undefined
// and the UI says so instead of showing anything made up.
import type { SbDatabase } from '../engine/sb/database.ts';
import type { World } from '../engine/scenario/world.ts';
import type { ScriptMessage, TraceRequest, TraceResult } from './api.ts';

export interface ScriptRun {
  world: World;
  errors: ScriptMessage[];
  skipped: { line: number; text: string }[];
  outputs: { line: number; command: string; output: string }[];
}

export interface EngineParts {
  script?: { runScript(text: string, options?: { fileName?: string }): ScriptRun };
  northd?: { runNorthd(world: World): SbDatabase };
  trace?: (sb: SbDatabase, request: TraceRequest) => TraceResult;
}

const modules: Record<string, unknown> = import.meta.glob(['../engine/script/index.ts', '../engine/northd/index.ts'], {
  eager: true,
});

export function engineParts(): EngineParts {
  return {
    script: modules['../engine/script/index.ts'] as EngineParts['script'],
    northd: modules['../engine/northd/index.ts'] as EngineParts['northd'],
  };
}
