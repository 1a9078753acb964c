// Folding a tracer tree into UI hops: flows per pass, nested passes through multicast, fates.
import { describe, expect, it } from 'vitest';
import type { TableStep, TraceNode } from '../engine/trace/types.ts';
import { traceHops } from './trace-view.ts';

const table = (step: Partial<TableStep>, extra: Partial<TraceNode> = {}): TraceNode => ({
  type: 'table',
  text: '',
  subs: [],
  table: {
    datapath: 'ls1',
    datapathKind: 'switch',
    pipeline: 'ingress',
    table: 0,
    inport: 'vm1',
    outport: '',
    ...step,
  },
  ...extra,
});
const pipeline = (kind: 'ingress' | 'egress' | 'multicast', subs: TraceNode[], outport?: string): TraceNode => ({
  type: 'pipeline',
  text: '',
  subs,
  pipeline: {
    kind,
    datapath: 'ls1',
    inport: 'vm1',
    ...(outport ? { outport } : {}),
    ...(kind === 'multicast' ? { mcgroup: '_MC_flood' } : {}),
  },
});
const flow = (priority: number) => ({
  uuid: 'e7a3a4d5-0000',
  priority,
  match: '1',
  actions: 'next;',
  source: 'northd.c:8432',
});

describe('traceHops', () => {
  it('turns a flood into one ingress hop with an egress hop per port', () => {
    const tree = [
      pipeline('ingress', [
        table({ table: 0, stage: 'ls_in_check_port_sec', flow: flow(50) }),
        table(
          { table: 25, flow: flow(70) },
          {
            subs: [
              pipeline('multicast', [
                pipeline(
                  'egress',
                  [
                    table(
                      { pipeline: 'egress', table: 9, flow: flow(0) },
                      {
                        subs: [
                          {
                            type: 'output',
                            text: '',
                            subs: [],
                            fate: { kind: 'output', datapath: 'ls1', port: 'vm2', portType: '' },
                          },
                        ],
                      },
                    ),
                  ],
                  'vm2',
                ),
                pipeline(
                  'egress',
                  [
                    table(
                      { pipeline: 'egress', table: 8, stage: 'ls_out_check_port_sec' },
                      {
                        fate: {
                          kind: 'dropped',
                          datapath: 'ls1',
                          pipeline: 'egress',
                          table: 8,
                          stage: 'ls_out_check_port_sec',
                          reason: 'no-match',
                        },
                      },
                    ),
                  ],
                  'vm3',
                ),
              ]),
            ],
          },
        ),
      ]),
    ];
    const root = traceHops({ ok: true, header: '', datapath: 'ls1', inport: 'vm1', root: tree, fates: [] });
    expect(root?.flows.map((f) => [f.table, f.stage, f.priority])).toEqual([
      [0, 'ls_in_check_port_sec', 50],
      [25, 'ls_in_l2_lkup', 70],
    ]);
    expect(root?.children.map((c) => [c.pipeline, c.outport, c.output?.port, c.drop?.stage])).toEqual([
      ['egress', 'vm2', 'vm2', undefined],
      ['egress', 'vm3', undefined, 'ls_out_check_port_sec'],
    ]);
    expect(root?.children[0].flows[0].stage).toBe('ls_out_apply_port_sec');
    expect(root?.children[1].drop?.reason).toMatch(/no flow matched/);
  });

  it('gives nothing for an empty tree', () => {
    expect(traceHops({ ok: true, header: '', datapath: 'ls1', inport: 'vm1', root: [], fates: [] })).toBeUndefined();
  });
});
