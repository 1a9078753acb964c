// Tests of the golden harness itself: masking, line comparison and the switch-stage filter.
import { describe, expect, it } from 'vitest';
import {
  compareText,
  formatParityTable,
  maskLflows,
  maskTrace,
  routerDatapaths,
  switchStageLines,
  traceCrosses,
  withoutDatapaths,
} from './golden-harness.ts';

const dump = (uuid: string): string =>
  `Datapath: "sw0" (${uuid})  Pipeline: ingress\n` +
  '  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(reg0[15] = check_in_port_sec(); next;)\n' +
  '  table=3 (lr_in_ip_input     ), priority=90   , match=(1), action=(next;)\n';

describe('masking', () => {
  it('masks row uuids in lflow-list text', () => {
    const a = maskLflows(dump('7935ac24-aa0f-4a50-b097-ddefd3ad284b'));
    expect(a).toBe(maskLflows(dump('f99dc29f-da76-43d9-aa85-9bbb3568a163')));
    expect(a).toContain('Datapath: "sw0" (<uuid>)  Pipeline: ingress');
    expect(maskLflows('load_balancer = "f982536a-a8be-4bc2-8b64-41f44a5fe16f"')).toBe('load_balancer = "<uuid>"');
    expect(maskLflows('match=(eth.src == 50:54:00:00:00:01)')).toBe('match=(eth.src == 50:54:00:00:00:01)');
  });
  it('masks the lflow uuid prefix in traces', () => {
    expect(maskTrace(' 0. ls_in_check_port_sec (northd.c:8432): 1, priority 50, uuid e7a3a4d5')).toBe(
      ' 0. ls_in_check_port_sec (northd.c:8432): 1, priority 50, uuid <uuid>',
    );
  });
});

describe('compareText', () => {
  it('is 100% only for identical text', () => {
    expect(compareText('a\nb\n', 'a\nb\n')).toEqual({ identical: 2, total: 2, diff: [] });
    const c = compareText('a\nb\nc\n', 'a\nc\n');
    expect(c.identical).toBe(2);
    expect(c.total).toBe(3);
    expect(c.diff).toEqual(['  a', '- b', '  c']);
  });
  it('counts extra lines and a missing final newline against us', () => {
    const c = compareText('a\nb\n', 'a\nx\nb');
    expect(c.identical).toBe(2);
    expect(c.total).toBe(4);
    expect(c.diff).toContain('+ x');
    expect(c.diff).toContain('+ \\ No newline at end of output');
  });
  it('reports nothing identical for empty output', () => {
    expect(compareText('a\nb\n', '')).toMatchObject({ identical: 0, total: 2 });
  });
});

describe('switchStageLines', () => {
  it('keeps ls_ stage flows and drops headers and router stages', () => {
    expect(switchStageLines(dump('7935ac24-aa0f-4a50-b097-ddefd3ad284b')).split('\n')).toEqual([
      '  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(reg0[15] = check_in_port_sec(); next;)',
    ]);
  });
});

describe('formatParityTable', () => {
  it('prints identical/total and a percentage per row', () => {
    const table = formatParityTable([{ scenario: 'ls-x', file: 'lflows.txt', identical: 1, total: 4 }]);
    expect(table).toMatch(/ls-x\s+lflows\.txt\s+1\/4\s+25\.0%/);
  });
});

describe('router datapaths', () => {
  const list =
    'Datapath: "lr0" (u)  Pipeline: ingress\n  table=0 (lr_in_admission    ), priority=50, match=(1), action=(next;)\n' +
    'Datapath: "sw0" (u)  Pipeline: ingress\n  table=0 (ls_in_check_port_sec), priority=50, match=(1), action=(next;)\n';
  it('finds routers and drops their sections', () => {
    const routers = routerDatapaths(list);
    expect([...routers]).toEqual(['lr0']);
    expect(withoutDatapaths(list, routers)).toBe(
      'Datapath: "sw0" (u)  Pipeline: ingress\n  table=0 (ls_in_check_port_sec), priority=50, match=(1), action=(next;)\n',
    );
  });
  it('tells traces that pass through a router', () => {
    expect(traceCrosses('ingress(dp="lr0", inport="lr0-sw0")', new Set(['lr0']))).toBe(true);
    expect(traceCrosses('ingress(dp="sw0", inport="vm1")', new Set(['lr0']))).toBe(false);
  });
});
