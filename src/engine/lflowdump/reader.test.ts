// The lflow-list dump reader on the shapes ovn-sbctl prints: datapath headings, padded flow lines, the
// --uuid form, and lines it does not know.
import { describe, expect, it } from 'vitest';
import { readLflowDump } from './reader.ts';

const DUMP = [
  'Datapath: "ls1" (a4b1c2d3-0000-4000-8000-000000000001)  Pipeline: ingress',
  '  table=0 (ls_in_check_port_sec), priority=100  , match=(eth.src[40]), action=(drop;)',
  '  table=25(ls_in_l2_lkup      ), priority=50   , match=(eth.dst == 02:ac:10:ff:00:22), action=(outport = "ls1-vm2"; output;)',
  'Datapath: "r \\"x\\"" (a4b1c2d3-0000-4000-8000-000000000002)  Pipeline: egress',
  '  uuid=0x1f2e3d4c, table=6 (lr_out_delivery    ), priority=100  , match=(outport == "r-p"), action=(output;)',
  '',
  'garbage here',
].join('\n');

describe('readLflowDump', () => {
  const dump = readLflowDump(DUMP);
  it('reads each flow with its datapath, pipeline, stage and the columns of its texts', () => {
    expect(dump.flows.map((f) => [f.line, f.datapath, f.pipeline, f.table, f.stage, f.priority])).toEqual([
      [2, 'ls1', 'ingress', 0, 'ls_in_check_port_sec', 100],
      [3, 'ls1', 'ingress', 25, 'ls_in_l2_lkup', 50],
      [5, 'r "x"', 'egress', 6, 'lr_out_delivery', 100],
    ]);
    const f = dump.flows[1];
    expect(f.match).toBe('eth.dst == 02:ac:10:ff:00:22');
    expect(f.actions).toBe('outport = "ls1-vm2"; output;');
    const line = DUMP.split('\n')[2];
    expect(line.slice(f.matchColumn - 1, f.matchColumn - 1 + f.match.length)).toBe(f.match);
    expect(line.slice(f.actionsColumn - 1, f.actionsColumn - 1 + f.actions.length)).toBe(f.actions);
    expect(dump.flows[2].uuid).toBe('1f2e3d4c');
  });
  it('reports lines that are not lflow-list output', () => {
    expect(dump.errors).toEqual([{ line: 7, column: 1, message: 'not a line of ovn-sbctl lflow-list output' }]);
    expect(readLflowDump('  table=0 (x), priority=1, match=(1), action=(next;)').errors[0].message).toBe(
      'flow before any "Datapath:" line',
    );
  });
});
