// Trace slice: the packet form, the engine's trace of it, and the simulation that steps through its
// events (play, pause, step, speed).
import type { StateCreator } from 'zustand';
import { emptyPacketForm } from '../../engine/packet/form.ts';
import type { PacketDescription, PacketForm, TraceResult } from '../../worker/api.ts';
import type { AppState } from './index.ts';

export interface TraceState {
  status: 'idle' | 'tracing' | 'ready' | 'error';
  seq: number;
  result?: TraceResult;
  error?: string;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

export interface TracePlaybackSlice {
  packet: PacketForm;
  /** The microflow and command line the form stands for, as the engine wrote them. */
  packetInfo?: PacketDescription;
  trace: TraceState;
  /** The event shown (index into the trace's events). */
  step: number;
  /** The furthest event shown so far: the event list reveals events up to it, never beyond. */
  reached: number;
  playing: boolean;
  speed: Speed;
  setPacket: (form: PacketForm) => void;
  /** Replaces the whole form (a built-in's suggestion or a shared link); addresses fill once ports are known. */
  resetPacket: (form: PacketForm) => void;
  setPacketInfo: (info: PacketDescription | undefined) => void;
  traceStarted: () => number;
  /** Shows a trace from its first event, playing; `step` opens it at that event, paused (a shared link). */
  traceFinished: (seq: number, result: TraceResult, step?: number) => void;
  traceFailed: (seq: number, error: string) => void;
  clearTrace: () => void;
  /** Shows one event, pausing the player. */
  setStep: (step: number) => void;
  stepBy: (delta: number) => void;
  play: () => void;
  pause: () => void;
  /** The player's clock: one event on; stops at the last. */
  tick: () => void;
  setSpeed: (speed: Speed) => void;
}

function eventCount(state: AppState): number {
  const result = state.trace.result;
  return result?.ok ? result.events.length : 0;
}

export const createTracePlaybackSlice: StateCreator<AppState, [], [], TracePlaybackSlice> = (set, get) => ({
  packet: { ...emptyPacketForm },
  trace: { status: 'idle', seq: 0 },
  step: 0,
  reached: 0,
  playing: false,
  speed: 1,
  setPacket: (packet) => set({ packet }),
  resetPacket: (form) => set({ packet: { ...form }, pendingFill: true }),
  setPacketInfo: (packetInfo) => set({ packetInfo }),
  traceStarted: () => {
    const seq = get().trace.seq + 1;
    set({ trace: { status: 'tracing', seq }, playing: false, step: 0, reached: 0 });
    return seq;
  },
  traceFinished: (seq, result, step) => {
    if (seq !== get().trace.seq) return;
    const last = result.ok ? result.events.length - 1 : 0;
    const opened = step === undefined ? 0 : Math.max(0, Math.min(step, last));
    set({
      trace: { seq, status: 'ready', result },
      step: opened,
      reached: opened,
      playing: result.ok && step === undefined && last > 0,
    });
  },
  traceFailed: (seq, error) => {
    if (seq !== get().trace.seq) return;
    set((s) => ({ trace: { ...s.trace, status: 'error', error }, playing: false }));
  },
  clearTrace: () =>
    set((s) => ({ trace: { status: 'idle', seq: s.trace.seq + 1 }, playing: false, step: 0, reached: 0 })),
  setStep: (step) =>
    set((s) => {
      const shown = Math.max(0, Math.min(step, eventCount(s) - 1));
      return { step: shown, reached: Math.max(s.reached, shown), playing: false };
    }),
  stepBy: (delta) => get().setStep(get().step + delta),
  play: () => {
    const last = eventCount(get()) - 1;
    if (last < 0) return;
    // Play from the start again once the end was reached, as a media player does.
    set((s) => ({ playing: true, step: s.step >= last ? 0 : s.step }));
  },
  pause: () => set({ playing: false }),
  tick: () => {
    const last = eventCount(get()) - 1;
    const next = get().step + 1;
    set((s) =>
      next >= last
        ? { step: Math.max(0, last), reached: Math.max(0, last), playing: false }
        : { step: next, reached: Math.max(s.reached, next) },
    );
  },
  setSpeed: (speed) => set({ speed }),
});
