// The simulation's clock: how long each event is shown while playing. Crossing into a datapath, a
// fork and the end of a copy hold longer than a stage inside a pipeline, so the token pauses at each
// datapath; a long trace plays faster so that at 1× no trace takes much more than PLAY_MS.
import { useEffect } from 'react';
import type { TraceEvent } from '../../worker/api.ts';
import { useAppStore } from '../store/index.ts';

const HOLD_MS: Record<TraceEvent['kind'], number> = {
  enter: 650,
  fork: 650,
  output: 650,
  drop: 650,
  controller: 650,
  error: 650,
  loopback: 250,
  stage: 140,
};
const PLAY_MS = 6000;

const fits = new WeakMap<readonly TraceEvent[], number>();

/** A trace's time scale at 1×: 1 when it fits in PLAY_MS, less for longer ones. */
function fit(events: readonly TraceEvent[]): number {
  let scale = fits.get(events);
  if (scale === undefined) {
    const total = events.reduce((sum, e) => sum + HOLD_MS[e.kind], 0);
    scale = Math.min(1, PLAY_MS / Math.max(1, total));
    fits.set(events, scale);
  }
  return scale;
}

/** How long event `step` is shown at `speed`. */
export function eventDelay(events: readonly TraceEvent[], step: number, speed: number): number {
  const event = events[step];
  return event ? (HOLD_MS[event.kind] * fit(events)) / speed : 0;
}

/** Advances the shown event while the player plays; renders nothing, so that only it re-renders per event. */
export function PlaybackClock(): null {
  usePlaybackClock();
  return null;
}

function usePlaybackClock() {
  const playing = useAppStore((s) => s.playing);
  const step = useAppStore((s) => s.step);
  const speed = useAppStore((s) => s.speed);
  const result = useAppStore((s) => s.trace.result);
  useEffect(() => {
    if (!playing || !result?.ok) return;
    const timer = setTimeout(() => useAppStore.getState().tick(), eventDelay(result.events, step, speed));
    return () => clearTimeout(timer);
  }, [playing, step, speed, result]);
}
