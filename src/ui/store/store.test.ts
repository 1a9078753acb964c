// Store logic: stale engine answers are ignored, the packet form refills when ports arrive.
import { describe, expect, it } from 'vitest';
import type { LoadResult, TraceResult } from '../../worker/api.ts';
import { emptyPacketForm } from '../packet/microflow.ts';
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
    datapaths: [],
    errors: [],
    skipped: [],
    problems: [],
  };
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

  it('picks a source and destination when the form names ports that do not exist', () => {
    const store = createAppStore();
    store.getState().loadFinished(store.getState().loadStarted(), loadResult(['vm1', 'vm2']));
    expect(store.getState().packet).toMatchObject({
      src: 'vm1',
      dst: 'vm2',
      ethSrc: '02:00:00:00:00:01',
      ethDst: '02:00:00:00:00:02',
    });
  });

  it('fills a reset form once ports arrive, keeping hand-edited addresses', () => {
    const store = createAppStore();
    store.getState().resetPacket({ ...emptyPacketForm, src: 'vm1', dst: 'vm2', ethSrc: '02:00:00:00:00:99' });
    store.getState().loadFinished(store.getState().loadStarted(), loadResult(['vm1', 'vm2']));
    expect(store.getState().packet).toMatchObject({
      ethSrc: '02:00:00:00:00:99',
      ethDst: '02:00:00:00:00:02',
      ipSrc: '10.0.0.1',
    });
  });

  it('refills addresses when the destination changes, not when an address is edited', () => {
    const store = createAppStore();
    store.getState().loadFinished(store.getState().loadStarted(), loadResult(['vm1', 'vm2', 'vm3']));
    store.getState().setPacket({ ethSrc: '02:aa:aa:aa:aa:aa' });
    expect(store.getState().packet.ethSrc).toBe('02:aa:aa:aa:aa:aa');
    store.getState().setPacket({ dst: 'vm3' });
    expect(store.getState().packet).toMatchObject({ ethSrc: '02:00:00:00:00:01', ethDst: '02:00:00:00:00:03' });
  });

  it('bumps the animation only for the latest trace', () => {
    const store = createAppStore();
    const result: TraceResult = { ok: false, error: 'x' };
    const stale = store.getState().traceStarted();
    const latest = store.getState().traceStarted();
    store.getState().traceFinished(stale, result);
    expect(store.getState().playId).toBe(0);
    store.getState().traceFinished(latest, result);
    expect(store.getState().playId).toBe(1);
    store.getState().clearTrace();
    store.getState().traceFinished(latest, result);
    expect(store.getState().trace.status).toBe('idle');
  });
});
