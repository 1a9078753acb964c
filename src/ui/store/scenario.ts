// Scenario slice: the script being edited, which built-in it came from, and the engine's answer for it.
import type { StateCreator } from 'zustand';
import type { LoadResult } from '../../worker/api.ts';
import type { AppState } from './index.ts';

export interface LoadState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Bumped per request so that a slow, stale answer never overwrites a newer one. */
  seq: number;
  result?: LoadResult;
  error?: string;
}

export interface ScenarioSlice {
  script: string;
  /** The built-in the script was opened from, 'link' for a shared link, undefined once the person edits it. */
  builtinId?: string;
  load: LoadState;
  setScript: (script: string, builtinId?: string) => void;
  loadStarted: () => number;
  loadFinished: (seq: number, result: LoadResult) => void;
  loadFailed: (seq: number, error: string) => void;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get) => ({
  script: '',
  load: { status: 'idle', seq: 0 },
  setScript: (script, builtinId) => set({ script, builtinId }),
  loadStarted: () => {
    const seq = get().load.seq + 1;
    set((s) => ({ load: { ...s.load, status: 'loading', seq } }));
    return seq;
  },
  loadFinished: (seq, result) => {
    if (seq !== get().load.seq) return;
    set({ load: { status: 'ready', seq, result } });
  },
  loadFailed: (seq, error) => {
    if (seq !== get().load.seq) return;
    set((s) => ({ load: { status: 'error', seq, result: s.load.result, error } }));
  },
});
