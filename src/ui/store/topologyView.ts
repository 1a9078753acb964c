// Topology view slice: which node of the canvas the person selected.
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface TopologyViewSlice {
  selectedNode?: string;
  selectNode: (id: string | undefined) => void;
}

export const createTopologyViewSlice: StateCreator<AppState, [], [], TopologyViewSlice> = (set) => ({
  selectNode: (id) => set({ selectedNode: id }),
});
