// The app's one zustand store, combined from its slices (scenario, topology view, trace playback, ui).
import { create } from 'zustand';
import { createScenarioSlice, type ScenarioSlice } from './scenario.ts';
import { createTopologyViewSlice, type TopologyViewSlice } from './topologyView.ts';
import { createTracePlaybackSlice, type TracePlaybackSlice } from './tracePlayback.ts';
import { createUiSlice, type UiSlice } from './ui.ts';

export type AppState = ScenarioSlice & TopologyViewSlice & TracePlaybackSlice & UiSlice;

export function createAppStore() {
  return create<AppState>()((...a) => ({
    ...createScenarioSlice(...a),
    ...createTopologyViewSlice(...a),
    ...createTracePlaybackSlice(...a),
    ...createUiSlice(...a),
  }));
}

export const useAppStore = createAppStore();
