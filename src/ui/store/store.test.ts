// Store logic: stale engine answers are ignored; the simulation player steps, plays and stops.
import { describe, expect, it } from 'vitest';
import { emptyPacketForm } from '../../engine/packet/form.ts';
import { builtinScenarios } from '../../engine/scenario/builtins.ts';
import type { LoadResult, TraceResult } from '../../worker/api.ts';
import { createEngine } from '../../worker/engine.ts';
import { createAppStore } from './index.ts';

function loadResult(portNames: string[]): LoadResult {
  return {
    topology: { nodes: [], edges: [] },
    ports: portNames.map((name, i) => ({
      name,
      datapath: 'ls1',
      type: '',
      macs: [`02:00:00:00:00:0${i + 1}`],
      ips: [`10.0.0.${i + 1}`],
      unknown: false,
      portSecurity: [],
    })),
    senders: portNames,
    datapaths: [],
    errors: [],
    skipped: [],
    problems: [],
  };
}

async function realTrace(): Promise<TraceResult> {
  const engine = createEngine();
  await engine.load(builtinScenarios[0].script);
  return engine.trace(await engine.editPacket(emptyPacketForm, { src: 'ls1-vm1', dst: 'ls1-vm2' }));
}

describe('app store', () => {
  it('ignores a load answer older than the latest request', () => {
    const store = createAppStore();
    const first = store.getState().loadStarted();
    const second = store.getState().loadStarted();
    store.getState().loadFinished(second, loadResult(['b']));
    store.getState().loadFinished(first, loadResult(['a']));
    expect(store.getState().load.result?.ports.map((p) => p.name)).toEqual(['b']);
    expect(store.getState().load.status).toBe('ready');
  });

  it('shows only the latest trace, and none once cleared', () => {
    const store = createAppStore();
    const result: TraceResult = { ok: false, error: 'x' };
    const stale = store.getState().traceStarted();
    const latest = store.getState().traceStarted();
    store.getState().traceFinished(stale, result);
    expect(store.getState().trace.status).toBe('tracing');
    store.getState().traceFinished(latest, result);
    expect(store.getState().trace.status).toBe('ready');
    store.getState().clearTrace();
    store.getState().traceFinished(latest, result);
    expect(store.getState().trace.status).toBe('idle');
  });

  it('plays a new trace from its first event to its last, then stops', async () => {
    const store = createAppStore();
    const result = await realTrace();
    if (!result.ok) throw new Error(result.error);
    const last = result.events.length - 1;
    store.getState().traceFinished(store.getState().traceStarted(), result);
    expect(store.getState()).toMatchObject({ step: 0, playing: true });
    for (let i = 0; i < last + 3; i++) store.getState().tick();
    expect(store.getState()).toMatchObject({ step: last, reached: last, playing: false });
    store.getState().play();
    expect(store.getState()).toMatchObject({ step: 0, playing: true });
  });

  it('steps back and forward within the events, pausing, and remembers how far it got', async () => {
    const store = createAppStore();
    const result = await realTrace();
    if (!result.ok) throw new Error(result.error);
    store.getState().traceFinished(store.getState().traceStarted(), result);
    store.getState().stepBy(-1);
    expect(store.getState()).toMatchObject({ step: 0, playing: false });
    store.getState().stepBy(3);
    store.getState().stepBy(-2);
    expect(store.getState()).toMatchObject({ step: 1, reached: 3 });
    store.getState().setStep(10_000);
    expect(store.getState().step).toBe(result.events.length - 1);
  });

  it('opens a trace from a link at its event, paused', async () => {
    const store = createAppStore();
    const result = await realTrace();
    store.getState().traceFinished(store.getState().traceStarted(), result, 4);
    expect(store.getState()).toMatchObject({ step: 4, reached: 4, playing: false });
  });
});
