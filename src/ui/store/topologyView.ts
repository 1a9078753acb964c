// Topology view slice: which node of the canvas the person selected, and which switches of a big
// scene they expanded.
import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface TopologyViewSlice {
  selectedNode?: string;
  expanded: ReadonlySet<string>;
  selectNode: (id: string | undefined) => void;
  toggleExpanded: (id: string) => void;
}

export const createTopologyViewSlice: StateCreator<AppState, [], [], TopologyViewSlice> = (set) => ({
  expanded: new Set(),
  selectNode: (id) => set({ selectedNode: id }),
  toggleExpanded: (id) =>
    set((s) => {
      const expanded = new Set(s.expanded);
      if (!expanded.delete(id)) expanded.add(id);
      return { expanded };
    }),
});
