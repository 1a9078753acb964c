// Executor pieces: multicast fan-out (SB from our script + northd) and --ct consumption (SB from a
// real-northd golden), checked on the trace tree and the fates.
import { describe, expect, it } from 'vitest';
import { runNorthd } from '../northd/index.ts';
import { runScript } from '../script/index.ts';
import { trace, tracePasses } from './index.ts';
import { goldenSb, type GoldenLflow } from './testing/golden-sb.ts';
import type { TraceNode, TraceResult, TraceSuccess } from './types.ts';

const golden: Record<string, string> = import.meta.glob(
  ['../../../test/golden/ls-acl-stateful/sb-dump.txt', '../../../test/golden/ls-acl-stateful/sb-lflows.json'],
  { query: '?raw', import: 'default', eager: true },
);

function ok(result: TraceResult): TraceSuccess {
  if (!result.ok) throw new Error(result.error);
  return result;
}

function walk(nodes: readonly TraceNode[], visit: (n: TraceNode) => void): void {
  for (const n of nodes) {
    visit(n);
    walk(n.subs, visit);
  }
}

const switchScript = `
ovn-nbctl ls-add sw0
ovn-nbctl lsp-add sw0 p1
ovn-nbctl lsp-set-addresses p1 "50:54:00:00:00:01 10.0.0.1"
ovn-nbctl lsp-add sw0 p3
ovn-nbctl lsp-set-addresses p3 "50:54:00:00:00:03 10.0.0.3"
ovn-nbctl lsp-add sw0 p2
ovn-nbctl lsp-set-addresses p2 "50:54:00:00:00:02 10.0.0.2"
`;
const arpFromP1 =
  'inport == "p1" && eth.src == 50:54:00:00:00:01 && eth.dst == ff:ff:ff:ff:ff:ff && arp.op == 1 && ' +
  'arp.sha == 50:54:00:00:00:01 && arp.spa == 10.0.0.1 && arp.tha == 00:00:00:00:00:00 && arp.tpa == 10.0.0.99';

describe('multicast fan-out', () => {
  const run = runScript(switchScript);
  const sb = runNorthd(run.world);

  it('floods to every member in name order, omitting the input port', () => {
    expect(run.errors).toEqual([]);
    const result = ok(trace(sb, { datapath: 'sw0', microflow: arpFromP1 }));
    const multicasts: TraceNode[] = [];
    walk(result.root, (n) => {
      if (n.pipeline?.kind === 'multicast') multicasts.push(n);
    });
    expect(multicasts).toHaveLength(1);
    const copies = multicasts[0].subs;
    expect(copies.map((c) => c.pipeline?.outport)).toEqual(['p1', 'p2', 'p3']);
    expect(copies.map((c) => c.alwaysIndent ?? false)).toEqual([false, true, true]);
    expect(result.fates).toEqual([
      { kind: 'loopback-omitted', datapath: 'sw0', port: 'p1' },
      { kind: 'output', datapath: 'sw0', port: 'p2', portType: '' },
      { kind: 'output', datapath: 'sw0', port: 'p3', portType: '' },
    ]);
  });

  it('reports ovn-trace errors as failures', () => {
    expect(trace(sb, { datapath: 'nosuch', microflow: arpFromP1 })).toEqual({
      ok: false,
      error: 'unknown datapath "nosuch"',
    });
    const bad = trace(sb, { datapath: 'sw0', microflow: 'inport == "p1" && ip4.dst ==' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.startsWith('error parsing flow: ')).toBe(true);
    expect(trace(sb, { datapath: 'sw0', microflow: arpFromP1, ct: ['bogus'] })).toEqual({
      ok: false,
      error: 'bogus: unknown connection tracking state flag',
      aborted: true,
    });
  });

  it('finds the datapath from the inport when none is given', () => {
    expect(ok(trace(sb, { datapath: '', microflow: arpFromP1 })).datapath).toBe('sw0');
  });
});

describe('--ct consumption', () => {
  const lflows = JSON.parse(golden['../../../test/golden/ls-acl-stateful/sb-lflows.json']) as GoldenLflow[];
  const sb = goldenSb(golden['../../../test/golden/ls-acl-stateful/sb-dump.txt'], lflows);
  const microflow =
    'inport == "client" && eth.src == 50:54:00:00:05:03 && eth.dst == 50:54:00:00:05:01 && ' +
    'ip4.src == 10.5.0.13 && ip4.dst == 10.5.0.11 && ip.ttl == 64 && tcp.src == 40000 && tcp.dst == 80';

  const ctNodes = (result: TraceSuccess): TraceNode[] => {
    const found: TraceNode[] = [];
    walk(result.root, (n) => {
      if (n.transformation?.kind === 'ct') found.push(n);
    });
    return found;
  };

  it('gives each ct action the next --ct state, then the default', () => {
    const result = ok(trace(sb, { datapath: 'sw0', microflow, ct: ['new'] }));
    expect(ctNodes(result).map((n) => n.text)).toEqual([
      'ct_next(ct_state=new|trk)',
      'ct_next(ct_state=est|trk /* default (use --ct to customize) */)',
    ]);
  });

  it('adds trk to every --ct state and keeps the order given', () => {
    const result = ok(trace(sb, { datapath: 'sw0', microflow, ct: ['est,rpl', 'new'] }));
    expect(ctNodes(result).map((n) => n.transformation?.ctState)).toEqual(['est|rpl|trk', 'new|trk']);
  });

  it('starts every trace with a fresh --ct queue', () => {
    const first = ok(trace(sb, { datapath: 'sw0', microflow, ct: ['new'] }));
    const second = ok(trace(sb, { datapath: 'sw0', microflow, ct: ['new'] }));
    expect(ctNodes(second).map((n) => n.text)).toEqual(ctNodes(first).map((n) => n.text));
  });
});

describe('passes for the UI', () => {
  it('groups the ARP flood into an ingress pass with one egress pass per copy', () => {
    const sb = runNorthd(runScript(switchScript).world);
    const passes = tracePasses(ok(trace(sb, { datapath: 'sw0', microflow: arpFromP1 })));
    expect(passes).toHaveLength(1);
    const [ingress] = passes;
    expect(ingress.kind).toBe('ingress');
    expect(ingress.steps[0]).toMatchObject({ datapath: 'sw0', pipeline: 'ingress', table: 0, inport: 'p1' });
    expect(ingress.children.map((c) => [c.kind, c.outport, c.fates.map((f) => f.kind)])).toEqual([
      ['egress', 'p1', ['loopback-omitted']],
      ['egress', 'p2', ['output']],
      ['egress', 'p3', ['output']],
    ]);
  });
});
