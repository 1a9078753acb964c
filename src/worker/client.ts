// The UI side of the worker protocol: one engine worker, called through Comlink like async functions.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './api.ts';

let engine: Remote<EngineApi> | undefined;

export function engineClient(): Remote<EngineApi> {
  if (!engine) {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
      type: 'module',
      name: 'ovnviz-engine',
    });
    engine = wrap<EngineApi>(worker);
  }
  return engine;
}
