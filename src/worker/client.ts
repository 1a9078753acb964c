// The UI side of the worker protocol: one engine worker, called through Comlink like async functions.
// If the worker itself dies (a crash while loading the engine), pending and later calls fail with that
// error instead of waiting forever.
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './api.ts';

interface Connection {
  engine: Remote<EngineApi>;
  crashed: Promise<never>;
}

let connection: Connection | undefined;

function connect(): Connection {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ovnviz-engine' });
  const crashed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) =>
      reject(new Error(`the engine worker failed: ${event.message || 'unknown error'}`)),
    );
  });
  crashed.catch(() => undefined);
  return { engine: wrap<EngineApi>(worker), crashed };
}

/** Calls the engine in its worker; rejects if the worker has crashed. */
export function callEngine<T>(call: (engine: Remote<EngineApi>) => Promise<T>): Promise<T> {
  connection ??= connect();
  return Promise.race([call(connection.engine), connection.crashed]);
}
