// Grouping Logical_Flow rows per datapath and stage, with datapath groups expanded.
import { describe, expect, it } from 'vitest';
import { emptySbDatabase, type SbRow } from '../engine/sb/database.ts';
import { groupLflows } from './lflows.ts';

function lflow(uuid: string, fields: Partial<SbRow<'Logical_Flow'>>): SbRow<'Logical_Flow'> {
  return {
    _uuid: uuid,
    actions: 'next;',
    external_ids: {},
    match: '1',
    pipeline: 'ingress',
    priority: 0,
    table_id: 0,
    tags: {},
    ...fields,
  };
}

describe('groupLflows', () => {
  const sb = emptySbDatabase();
  const t = sb.tables;
  t.Datapath_Binding.set('d1', {
    _uuid: 'd1',
    external_ids: { name: 'sw1', 'logical-switch': 'x' },
    load_balancers: [],
    tunnel_key: 1,
  });
  t.Datapath_Binding.set('d2', {
    _uuid: 'd2',
    external_ids: { name: 'sw0', 'logical-switch': 'y' },
    load_balancers: [],
    tunnel_key: 2,
  });
  t.Logical_DP_Group.set('g', { _uuid: 'g', datapaths: ['d1', 'd2'] });
  t.Logical_Flow.set(
    'f1',
    lflow('f1', { logical_dp_group: 'g', priority: 50, external_ids: { source: 'northd.c:8432' } }),
  );
  t.Logical_Flow.set('f2', lflow('f2', { logical_datapath: 'd1', priority: 100, match: 'eth.src[40]' }));
  t.Logical_Flow.set(
    'f3',
    lflow('f3', { logical_datapath: 'd1', pipeline: 'egress', table_id: 9, actions: 'output;' }),
  );
  const groups = groupLflows(sb);

  it('lists datapaths by name with every stage of their pipelines', () => {
    expect(groups.map((g) => [g.name, g.kind])).toEqual([
      ['sw0', 'switch'],
      ['sw1', 'switch'],
    ]);
    expect(groups[0].ingress[0].stage).toBe('ls_in_check_port_sec');
    expect(groups[0].egress.at(-1)?.stage).toBe('ls_out_apply_port_sec');
  });

  it('puts group flows on every member and sorts a stage by priority', () => {
    expect(groups[0].ingress[0].flows.map((f) => f.uuid)).toEqual(['f1']);
    expect(groups[1].ingress[0].flows.map((f) => [f.uuid, f.priority, f.source])).toEqual([
      ['f2', 100, ''],
      ['f1', 50, 'northd.c:8432'],
    ]);
    expect(groups[1].egress.find((s) => s.table === 9)?.flows.map((f) => f.actions)).toEqual(['output;']);
  });
});
