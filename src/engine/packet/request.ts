// What to trace, as ovn-trace's arguments say it: the packet layer builds it, the tracer reads it.

export interface TraceRequest {
  /** Datapath name (or name2, or a uuid prefix of ≥ 4 hex digits), as ovn-trace's DATAPATH argument. */
  datapath: string;
  /** The microflow, e.g. `inport == "ls1-vm1" && eth.src == … `. */
  microflow: string;
  /** --ct flags, one entry per option, consumed in order by ct actions, e.g. ["new", "est,rpl"]. */
  ct?: string[];
  /** --lb-dst=IP[:PORT]. */
  lbDst?: string;
  /** --select-id=N. */
  selectId?: number;
  /** false for --no-friendly-names (default true). */
  friendlyNames?: boolean;
}

/** ovn-trace's output forms. */
export type TraceForm = 'detailed' | 'summary' | 'minimal';
