// lflow-list formatting and the flow diff, on rows shaped like real northd's.
import { describe, expect, it } from 'vitest';
import { emptySbDatabase, type SbDatabase } from './database.ts';
import { diffLflows, formatLflowDiff } from './lflow-diff.ts';
import { formatLflowList } from './lflow-list.ts';

function sbWith(flows: [number, string, number, string, string][]): SbDatabase {
  const sb = emptySbDatabase();
  const dp = '11111111-1111-4111-8111-111111111111';
  sb.tables.Datapath_Binding.set(dp, { _uuid: dp, external_ids: { name: 'ls1' }, load_balancers: [], tunnel_key: 1 });
  flows.forEach(([table, stage, priority, match, actions], i) => {
    const u = `22222222-2222-4222-8222-${String(i).padStart(12, '0')}`;
    sb.tables.Logical_Flow.set(u, {
      _uuid: u,
      actions,
      external_ids: { 'stage-name': stage },
      logical_datapath: dp,
      match,
      pipeline: 'ingress',
      priority,
      table_id: table,
      tags: {},
    });
  });
  return sb;
}

describe('formatLflowList', () => {
  it('sorts by table then descending priority and pads like ovn-sbctl', () => {
    const sb = sbWith([
      [10, 'ls_in_qos_meter', 0, '1', 'next;'],
      [0, 'ls_in_check_port_sec', 50, '1', 'reg0[15] = check_in_port_sec(); next;'],
      [0, 'ls_in_check_port_sec', 100, 'vlan.present', 'drop;'],
    ]);
    // Lines as real ovn-sbctl lflow-list printed them (test/golden/ls-port-security/lflows.txt).
    expect(formatLflowList(sb)).toBe(
      'Datapath: "ls1" (11111111-1111-4111-8111-111111111111)  Pipeline: ingress\n' +
        '  table=0 (ls_in_check_port_sec), priority=100  , match=(vlan.present), action=(drop;)\n' +
        '  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(reg0[15] = check_in_port_sec(); next;)\n' +
        '  table=10(ls_in_qos_meter    ), priority=0    , match=(1), action=(next;)\n',
    );
  });
  it('diffs flows per datapath and stage', () => {
    const before = sbWith([[0, 'ls_in_check_port_sec', 100, 'vlan.present', 'drop;']]);
    const after = sbWith([[10, 'ls_in_qos_meter', 0, '1', 'next;']]);
    const diff = diffLflows(before, after);
    expect([diff.added, diff.removed]).toEqual([1, 1]);
    expect(diff.groups.map((g) => g.stage)).toEqual(['ls_in_check_port_sec', 'ls_in_qos_meter']);
    expect(formatLflowDiff(diff)).toContain(
      '+ table=10(ls_in_qos_meter    ), priority=0    , match=(1), action=(next;)',
    );
  });
});
