// The trace tree as a list of events, the shape a step-by-step player needs: one event per pipeline
// entered, per stage visited, per fork (multicast, clone, conntrack recirculation, generated packet)
// and per end of a copy (output, drop, loopback omitted, controller, error), in the order ovn-trace
// prints them. Each event carries the packet's headers as they were and what the event changed.
import { packetLayers, diffLayers, type PduChange, type PduLayer } from './pdu.ts';
import type { PacketState } from '../packet/state.ts';
import { portKeyToName, type TraceDatapath, type TraceDb } from './database.ts';
import type { CopyFate, MatchedFlow, Pipeline, TraceNode } from './types.ts';

export type TraceEventKind = 'enter' | 'stage' | 'fork' | 'output' | 'drop' | 'controller' | 'loopback' | 'error';

/** A place on the logical topology. */
export interface TraceLocation {
  kind: 'switch' | 'router' | 'switch-port' | 'router-port';
  name: string;
}

export interface TraceEvent {
  index: number;
  kind: TraceEventKind;
  /** The event before this one in this copy's life (absent for the first event). */
  parent?: number;
  /** Which copy of the packet: 0 is the one traced; each fork after the first child starts another. */
  copy: number;
  datapath: string;
  datapathKind: 'switch' | 'router';
  pipeline?: Pipeline;
  table?: number;
  stage?: string;
  /** Logical ports as the event saw them ("" when unset). */
  inport: string;
  outport: string;
  flow?: MatchedFlow;
  /** The places the packet passes during this event, in order. */
  at: TraceLocation[];
  /** One line for a reader. */
  title: string;
  /** The tree node's text, exactly as ovn-trace prints it. */
  text: string;
  /** Headers and metadata as the event found them. */
  packet: PduLayer[];
  /** What the event changed (before → after), compared with what the next event of this copy found. */
  changes: PduChange[];
  fate?: CopyFate;
  /** The action whose packet this is (arp, icmp4 …) when it is not the packet traced. */
  generatedBy?: string;
}

type Draft = Omit<TraceEvent, 'packet' | 'changes'>;

const DROP_TITLES = {
  'no-match': 'no flow matched (implicit drop)',
  'drop-action': 'the flow’s action is drop',
  'actions-ended': 'the actions neither forwarded nor output the packet',
} as const;

/** The first packet snapshot in a subtree, depth first. */
function firstSnapshot(nodes: readonly TraceNode[]): PacketState | undefined {
  // depth first, without recursion: a looping trace nests thousands of levels deep
  const stack: TraceNode[] = [...nodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.packet) return node.packet;
    for (let i = node.subs.length - 1; i >= 0; i--) stack.push(node.subs[i]);
  }
  return undefined;
}

function portLocation(kind: 'switch' | 'router', name: string): TraceLocation {
  return { kind: kind === 'switch' ? 'switch-port' : 'router-port', name };
}

/** The events of a trace, and the packet each found (for questions asked later, e.g. why.ts). */
export function traceEvents(
  db: TraceDb,
  root: readonly TraceNode[],
): { events: TraceEvent[]; packets: (PacketState | undefined)[] } {
  const byName = new Map<string, TraceDatapath>(db.datapaths.map((dp) => [dp.friendlyName, dp]));
  const drafts: Draft[] = [];
  /** The packet each draft found, by index. */
  const raws: (PacketState | undefined)[] = [];
  const rawOf = (d: Draft | undefined) => (d ? raws[d.index] : undefined);
  const childCount = new Map<number, number>();
  let copies = 0;

  const emit = (draft: Omit<Draft, 'index' | 'copy'> & { raw?: PacketState }, copyOfParent: number): Draft => {
    const siblings = draft.parent === undefined ? 0 : (childCount.get(draft.parent) ?? 0);
    if (draft.parent !== undefined) childCount.set(draft.parent, siblings + 1);
    const copy = draft.parent === undefined ? 0 : siblings === 0 ? copyOfParent : ++copies;
    const { raw, ...rest } = draft;
    const full: Draft = { ...rest, index: drafts.length, copy };
    drafts.push(full);
    raws.push(raw);
    return full;
  };

  interface Scope {
    parent?: Draft;
    datapath: string;
    kind: 'switch' | 'router';
    pipeline?: Pipeline;
    generatedBy?: string;
  }

  // Depth first in document order on an explicit stack: a looping trace nests thousands of levels deep.
  type Task =
    { nodes: readonly TraceNode[]; scope: Scope; next: number } | { end: TraceNode; fate: CopyFate; scope: Scope };
  const tasks: Task[] = [];
  const walk = (nodes: readonly TraceNode[], scope: Scope) => {
    tasks.push({ nodes, scope, next: 0 });
  };
  const run = () => {
    for (let task = tasks.pop(); task; task = tasks.pop()) {
      if ('end' in task) {
        endOf(task.end, task.fate, task.scope);
        continue;
      }
      if (task.next >= task.nodes.length) continue;
      const node = task.nodes[task.next];
      const scope = task.scope;
      tasks.push({ ...task, next: task.next + 1 });
      const base = {
        parent: scope.parent?.index,
        datapath: scope.datapath,
        datapathKind: scope.kind,
        pipeline: scope.pipeline,
        inport: scope.parent?.inport ?? '',
        outport: scope.parent?.outport ?? '',
        text: node.text,
        raw: node.packet ?? firstSnapshot(node.subs) ?? rawOf(scope.parent),
        ...(scope.generatedBy ? { generatedBy: scope.generatedBy } : {}),
      };
      const copyOf = scope.parent?.copy ?? 0;
      const info = node.pipeline;
      if (info && info.kind !== 'multicast') {
        const kind = byName.get(info.datapath)?.kind ?? 'switch';
        const entering = info.kind === 'ingress';
        const at: TraceLocation[] = [];
        // Through a patch port: the packet leaves the previous datapath by its port to this one.
        const from = scope.parent;
        if (entering && from && from.datapath !== info.datapath && from.outport)
          at.push(portLocation(from.datapathKind, from.outport));
        if (entering && info.inport) at.push(portLocation(kind, info.inport));
        at.push({ kind, name: info.datapath });
        const event = emit(
          {
            ...base,
            kind: 'enter',
            datapath: info.datapath,
            datapathKind: kind,
            pipeline: info.kind,
            inport: info.inport ?? base.inport,
            outport: info.outport ?? '',
            at,
            title: entering
              ? `into ${info.datapath}'s ingress pipeline${info.inport ? ` from "${info.inport}"` : ''}`
              : `into ${info.datapath}'s egress pipeline, towards "${info.outport ?? ''}"`,
          },
          copyOf,
        );
        walk(node.subs, { ...scope, parent: event, datapath: info.datapath, kind, pipeline: info.kind });
        continue;
      }
      if (info || node.transformation) {
        const what = info ? `copied to every member of ${info.mcgroup ?? 'a multicast group'}` : node.text;
        const event = emit(
          { ...base, kind: 'fork', at: [{ kind: scope.kind, name: scope.datapath }], title: what },
          copyOf,
        );
        const generatedBy =
          node.transformation?.kind === 'generated' ? node.text.split(/[\s{(]/)[0] : scope.generatedBy;
        walk(node.subs, { ...scope, parent: event, generatedBy });
        continue;
      }
      if (node.table) {
        const step = node.table;
        const stage = step.stage ?? `table ${step.table}`;
        const here: TraceLocation[] = [{ kind: step.datapathKind, name: step.datapath }];
        const common = {
          ...base,
          datapath: step.datapath,
          datapathKind: step.datapathKind,
          pipeline: step.pipeline,
          table: step.table,
          stage: step.stage,
          inport: step.inport,
          outport: step.outport,
          at: here,
        };
        if (node.fate?.kind === 'dropped' && node.fate.reason === 'no-match') {
          emit({ ...common, kind: 'drop', fate: node.fate, title: `${stage}: ${DROP_TITLES['no-match']}` }, copyOf);
          continue;
        }
        const event = emit(
          {
            ...common,
            kind: 'stage',
            ...(step.flow ? { flow: step.flow } : {}),
            title: `${stage} (table ${step.table})${step.flow ? `, priority ${step.flow.priority}` : ''}`,
          },
          copyOf,
        );
        const inner: Scope = { ...scope, parent: event, datapath: step.datapath, kind: step.datapathKind };
        if (node.fate) tasks.push({ end: node, fate: node.fate, scope: { ...inner, pipeline: step.pipeline } });
        walk(node.subs, { ...inner, pipeline: step.pipeline });
        continue;
      }
      if (node.fate) {
        endOf(node, node.fate, scope);
        continue;
      }
      walk(node.subs, scope);
    }
  };

  const endOf = (node: TraceNode, fate: CopyFate, scope: Scope) => {
    const base = {
      parent: scope.parent?.index,
      datapath: scope.datapath,
      datapathKind: scope.kind,
      pipeline: scope.pipeline,
      inport: scope.parent?.inport ?? '',
      outport: scope.parent?.outport ?? '',
      text: node.text,
      raw: node.packet ?? rawOf(scope.parent),
      fate,
      ...(fate.kind === 'dropped' || fate.kind === 'controller'
        ? { table: fate.table, stage: fate.stage, pipeline: fate.pipeline }
        : {}),
      at: [{ kind: scope.kind, name: scope.datapath }] as TraceLocation[],
      ...(scope.generatedBy ? { generatedBy: scope.generatedBy } : {}),
    };
    const copyOf = scope.parent?.copy ?? 0;
    if (fate.kind === 'output') {
      emit(
        {
          ...base,
          kind: 'output',
          at: [portLocation(scope.kind, fate.port)],
          title: `out of "${fate.port}"${fate.portType ? ` (type ${fate.portType})` : ''}`,
        },
        copyOf,
      );
    } else if (fate.kind === 'dropped') {
      emit(
        { ...base, kind: 'drop', title: `${fate.stage ?? `table ${fate.table}`}: ${DROP_TITLES[fate.reason]}` },
        copyOf,
      );
    } else if (fate.kind === 'loopback-omitted') {
      emit({ ...base, kind: 'loopback', title: `not sent back to "${fate.port}", the port it came in by` }, copyOf);
    } else if (fate.kind === 'controller') {
      emit(
        { ...base, kind: 'controller', title: `${fate.stage ?? `table ${fate.table}`}: handed to ovn-controller` },
        copyOf,
      );
    } else {
      emit({ ...base, kind: 'error', title: fate.message }, copyOf);
    }
  };

  walk(root, { datapath: '', kind: 'switch' });
  run();
  return { events: finish(db, byName, drafts, raws), packets: raws };
}

/** Headers per event, and the change from each event to the next of the same copy. */
function finish(
  db: TraceDb,
  byName: ReadonlyMap<string, TraceDatapath>,
  drafts: readonly Draft[],
  raws: readonly (PacketState | undefined)[],
): TraceEvent[] {
  const firstChild = new Map<number, Draft>();
  for (const d of drafts) if (d.parent !== undefined && !firstChild.has(d.parent)) firstChild.set(d.parent, d);
  const layersOf = (d: Draft): PduLayer[] => {
    const raw = raws[d.index];
    if (!raw) return [];
    const dp = byName.get(d.datapath);
    return packetLayers(raw, (key) => (dp ? portKeyToName(db, dp, key) : ''));
  };
  const layers = drafts.map(layersOf);
  return drafts.map((d, i) => {
    const next = firstChild.get(d.index);
    const after = next ? layers[next.index] : layers[i];
    return { ...d, packet: layers[i], changes: diffLayers(layers[i], after) };
  });
}
