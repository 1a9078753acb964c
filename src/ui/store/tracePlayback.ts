// Trace slice: the packet form, the engine's trace of it, and the animation run that shows it.
import type { StateCreator } from 'zustand';
import type { PortInfo, TraceRequest, TraceResult } from '../../worker/api.ts';
import { emptyPacketForm, fillAddresses, type PacketForm } from '../packet/microflow.ts';
import type { AppState } from './index.ts';

export interface TraceState {
  status: 'idle' | 'tracing' | 'ready' | 'error';
  seq: number;
  /** What was asked of ovn-trace, to show the equivalent command line. */
  request?: TraceRequest;
  result?: TraceResult;
  error?: string;
}

export interface TracePlaybackSlice {
  packet: PacketForm;
  trace: TraceState;
  /** Bumped each time a new trace should be animated on the canvas. */
  playId: number;
  /** Per token of the animation, the hop (flattenHops index) it is in now. */
  activeHops: Record<number, number>;
  tokenInHop: (token: number, hop: number) => void;
  /** Sets form fields; choosing source, destination or protocol refills the addresses. */
  setPacket: (change: Partial<PacketForm>) => void;
  /** Replaces the whole form (a built-in's suggestion or a shared link). */
  resetPacket: (form: PacketForm) => void;
  portsChanged: (ports: readonly PortInfo[]) => void;
  traceStarted: (request?: TraceRequest) => number;
  traceFinished: (seq: number, result: TraceResult) => void;
  traceFailed: (seq: number, error: string) => void;
  clearTrace: () => void;
}

const refillKeys: readonly (keyof PacketForm)[] = ['src', 'dst', 'proto'];

export const createTracePlaybackSlice: StateCreator<AppState, [], [], TracePlaybackSlice> = (set, get) => ({
  packet: { ...emptyPacketForm },
  trace: { status: 'idle', seq: 0 },
  playId: 0,
  activeHops: {},
  tokenInHop: (token, hop) => set((s) => ({ activeHops: { ...s.activeHops, [token]: hop } })),
  setPacket: (change) => {
    const next = { ...get().packet, ...change };
    const refill = refillKeys.some((key) => key in change && change[key] !== get().packet[key]);
    set({ packet: refill ? fillAddresses(next, portsOf(get())) : next });
  },
  resetPacket: (form) => set({ packet: { ...form }, pendingFill: true }),
  portsChanged: (ports) => {
    const { packet, pendingFill } = get();
    const names = new Set(ports.map((p) => p.name));
    const sources = ports.filter((p) => p.macs.length > 0);
    let next = packet;
    if (!names.has(packet.src) && sources.length > 0) {
      const dst = sources.find((p) => p.name !== sources[0].name)?.name ?? '';
      next = { ...packet, src: sources[0].name, dst };
      set({ packet: fillAddresses(next, ports), pendingFill: false });
      return;
    }
    if (pendingFill) set({ packet: fillKeepingEdits(next, ports), pendingFill: false });
  },
  traceStarted: (request) => {
    const seq = get().trace.seq + 1;
    set({ trace: { status: 'tracing', seq, request } });
    return seq;
  },
  traceFinished: (seq, result) => {
    if (seq !== get().trace.seq) return;
    set((s) => ({ trace: { ...s.trace, status: 'ready', result }, playId: s.playId + 1, activeHops: {} }));
  },
  traceFailed: (seq, error) => {
    if (seq !== get().trace.seq) return;
    set((s) => ({ trace: { ...s.trace, status: 'error', error } }));
  },
  clearTrace: () => set((s) => ({ trace: { status: 'idle', seq: s.trace.seq + 1 } })),
});

/** A link or built-in gives src/dst/proto and maybe hand-edited addresses: fill only what is empty. */
function fillKeepingEdits(form: PacketForm, ports: readonly PortInfo[]): PacketForm {
  const filled = fillAddresses(form, ports);
  return {
    ...filled,
    ethSrc: form.ethSrc || filled.ethSrc,
    ethDst: form.ethDst || filled.ethDst,
    ipSrc: form.ipSrc || filled.ipSrc,
    ipDst: form.ipDst || filled.ipDst,
  };
}

function portsOf(state: AppState): readonly PortInfo[] {
  return state.load.result?.ports ?? [];
}
