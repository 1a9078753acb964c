// The UI side of the worker protocol: one engine worker, called through Comlink like async functions.
// A watchdog bounds every call in wall-clock time: past its budget the worker is terminated (its
// memory goes with it) and a fresh one is started for the next call, so a hostile script or link can
// never leave the app waiting for good. If the worker dies (a crash, or out of memory), pending
// calls fail with that error and the next call starts a new worker too.
import { wrap, type Remote } from 'comlink';
import type { EngineApi, LoadResult } from './api.ts';

interface Connection {
  worker: Worker;
  engine: Remote<EngineApi>;
  /** Rejects when this worker is gone (crashed or stopped by the watchdog). */
  gone: Promise<never>;
  stop: (reason: Error) => void;
}

/** Seconds an engine call may take; `?engine-timeout=S` in the page's URL changes it (huge topologies). */
export function watchdogSeconds(search: string = globalThis.location?.search ?? ''): number {
  const asked = Number(new URLSearchParams(search).get('engine-timeout'));
  return Number.isFinite(asked) && asked > 0 ? asked : DEFAULT_WATCHDOG_SECONDS;
}

export const DEFAULT_WATCHDOG_SECONDS = 20;

let connection: Connection | undefined;

function connect(): Connection {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'ovnviz-engine' });
  let stop: (reason: Error) => void = () => undefined;
  const gone = new Promise<never>((_, reject) => {
    stop = (reason) => {
      worker.terminate();
      if (connection?.worker === worker) connection = undefined;
      reject(reason);
    };
  });
  gone.catch(() => undefined);
  worker.addEventListener('error', (event) =>
    stop(new Error(`the engine worker failed: ${event.message || 'unknown error'}; it restarts for the next action`)),
  );
  return { worker, engine: wrap<EngineApi>(worker), gone, stop };
}

/** The script the engine last loaded to the end: a fresh worker loads it again before a trace or a
 * command, so that stopping a slow trace does not lose the scene. */
let loadedScript: string | undefined;

/** Loads a scenario script into the engine (see callEngine). */
export async function loadEngine(script: string): Promise<LoadResult> {
  loadedScript = undefined;
  const result = await callEngine((engine) => engine.load(script), false);
  loadedScript = script;
  return result;
}

/** Calls the engine in its worker; rejects if the worker crashes or the call outlives the watchdog. */
export function callEngine<T>(call: (engine: Remote<EngineApi>) => Promise<T>, restore = true): Promise<T> {
  const fresh = connection === undefined;
  const conn = (connection ??= connect());
  const again = loadedScript;
  if (fresh && restore && again !== undefined) {
    const inner = call;
    call = async (engine) => {
      await engine.load(again);
      return inner(engine);
    };
  }
  const seconds = watchdogSeconds();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(
        `the engine took more than ${seconds} s and was stopped (a fresh one starts for the next action)`,
      );
      conn.stop(error);
      reject(error);
    }, seconds * 1000);
  });
  watchdog.catch(() => undefined);
  return Promise.race([call(conn.engine), conn.gone, watchdog]).finally(() => clearTimeout(timer));
}
