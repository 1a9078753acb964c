// What the UI asks of the engine worker: load the script (debounced while typing), fill the packet
// form, trace the packet, run a console command. Answers go into the store; nothing here waits on
// the main thread.
import type { PacketForm, TraceResult, WhyAnswer } from '../worker/api.ts';
import { callEngine, loadEngine } from '../worker/client.ts';
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
    await fillPacket();
  } catch (error) {
    useAppStore.getState().loadFailed(seq, error instanceof Error ? error.message : String(error));
  }
}

/** Once the scene's ports are known: a form naming ports that are gone, or waiting to be filled. */
export async function fillPacket(): Promise<void> {
  const { packet, pendingFill } = useAppStore.getState();
  const filled = await callEngine((engine) => engine.packetForPorts(packet, pendingFill));
  const now = useAppStore.getState();
  if (now.packet !== packet) return;
  if (filled) now.setPacket(filled);
  useAppStore.setState({ pendingFill: false });
  await describePacket();
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

const REFILLING: readonly (keyof PacketForm)[] = ['src', 'dst', 'proto'];

/** A change in the packet form: shown at once; choosing source, destination or protocol asks the
 * engine to fill the addresses. */
export async function editPacket(change: Partial<PacketForm>): Promise<void> {
  const before = useAppStore.getState().packet;
  const typed = { ...before, ...change };
  useAppStore.getState().setPacket(typed);
  if (REFILLING.some((key) => key in change && change[key] !== before[key])) {
    const filled = await callEngine((engine) => engine.editPacket(before, change));
    if (useAppStore.getState().packet === typed) useAppStore.getState().setPacket(filled);
  }
  await describePacket();
}

async function describePacket(): Promise<void> {
  const packet = useAppStore.getState().packet;
  try {
    const info = await callEngine((engine) => engine.describePacket(packet));
    if (useAppStore.getState().packet === packet) useAppStore.getState().setPacketInfo(info);
  } catch {
    useAppStore.getState().setPacketInfo(undefined);
  }
}

/** Traces the form's packet; `step` opens the result at that event, paused (a shared link). */
export async function runTrace(step?: number): Promise<void> {
  const store = useAppStore.getState();
  const seq = store.traceStarted();
  try {
    const result = await callEngine<TraceResult>((engine) => engine.trace(store.packet));
    useAppStore.getState().traceFinished(seq, result, step);
  } catch (error) {
    useAppStore.getState().traceFailed(seq, error instanceof Error ? error.message : String(error));
  }
}

/** The engine's answer to "why was it dropped here?" for an event of the latest trace. */
export function askWhy(event: number): Promise<WhyAnswer | undefined> {
  return callEngine((engine) => engine.why(event));
}

/** Traces again with --ct=new: how a load balancer treats the first packet of a connection. */
export async function traceAsNewConnection(): Promise<void> {
  await editPacket({ ct: 'new' });
  await runTrace();
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
