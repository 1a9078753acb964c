// UI slice: which panel tab is open, which ovn-trace form is shown, and messages for the person.
import type { StateCreator } from 'zustand';
import type { TraceForm } from '../../worker/api.ts';
import type { AppState } from './index.ts';

export type BottomTab = 'stages' | 'text' | 'lflows' | 'console';

export interface UiSlice {
  bottomTab: BottomTab;
  traceForm: TraceForm;
  lflowDatapath?: string;
  /** Why a shared link could not be opened; shown until dismissed. */
  linkError?: string;
  notice?: string;
  /** The script shown was running when the app last went away, so it was not run on opening. */
  held: boolean;
  /** Set while a form from a link or built-in waits for the ports to fill its addresses. */
  pendingFill: boolean;
  /** The lesson open, its step, and the learner's prediction for that step. */
  lesson?: { id: string; step: number; prediction?: string };
  setLesson: (lesson: { id: string; step: number; prediction?: string } | undefined) => void;
  setBottomTab: (tab: BottomTab) => void;
  setTraceForm: (form: TraceForm) => void;
  setLflowDatapath: (name: string) => void;
  setLinkError: (error: string | undefined) => void;
  setNotice: (notice: string | undefined) => void;
  setHeld: (held: boolean) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  bottomTab: 'stages',
  traceForm: 'detailed',
  pendingFill: false,
  held: false,
  setBottomTab: (bottomTab) => set({ bottomTab }),
  setTraceForm: (traceForm) => set({ traceForm }),
  setLflowDatapath: (lflowDatapath) => set({ lflowDatapath }),
  setLinkError: (linkError) => set({ linkError }),
  setNotice: (notice) => set({ notice }),
  setLesson: (lesson) => set({ lesson }),
  setHeld: (held) => set({ held }),
});
