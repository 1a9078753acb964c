// What the UI asks of the engine worker: load the script (debounced while typing), trace the packet,
// run a console command. Answers go into the store; nothing here waits on the main thread.
import type { TraceResult } from '../worker/api.ts';
import { callEngine, loadEngine } from '../worker/client.ts';
import { traceRequest } from './packet/microflow.ts';
import { forgetSceneLink, markFinished, markRunning, OWN_SCRIPT_KEY, writeStored } from './storage.ts';
import { useAppStore } from './store/index.ts';

const TYPING_PAUSE_MS = 350;
let pendingLoad: ReturnType<typeof setTimeout> | undefined;

export async function loadScript(): Promise<void> {
  const store = useAppStore.getState();
  store.setHeld(false);
  const seq = store.loadStarted();
  try {
    markRunning(store.script);
    const result = await loadEngine(store.script);
    markFinished(store.script);
    useAppStore.getState().loadFinished(seq, result);
  } catch (error) {
    useAppStore.getState().loadFailed(seq, error instanceof Error ? error.message : String(error));
  }
}

/** Called on every edit: remembers the text at once, asks the engine once typing pauses. */
export function scriptEdited(text: string) {
  useAppStore.getState().setScript(text);
  writeStored(OWN_SCRIPT_KEY, text);
  forgetSceneLink();
  useAppStore.getState().clearTrace();
  if (pendingLoad) clearTimeout(pendingLoad);
  pendingLoad = setTimeout(() => void loadScript(), TYPING_PAUSE_MS);
}

export async function runTrace(): Promise<void> {
  const store = useAppStore.getState();
  const request = traceRequest(store.packet, store.load.result?.ports ?? []);
  const seq = store.traceStarted(request);
  if (!request) {
    useAppStore.getState().traceFailed(seq, `Unknown source port "${store.packet.src}".`);
    return;
  }
  try {
    const result = await callEngine<TraceResult>((engine) => engine.trace(request));
    useAppStore.getState().traceFinished(seq, result);
  } catch (error) {
    useAppStore.getState().traceFailed(seq, error instanceof Error ? error.message : String(error));
  }
}

export async function runConsoleCommand(line: string): Promise<string> {
  try {
    const result = await callEngine((engine) => engine.runCommand(line));
    const errors = result.errors.map((e) => `${e.line}:${e.column}: ${e.message}\n`).join('');
    return result.output + errors;
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}\n`;
  }
}
