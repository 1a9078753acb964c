// The incremental path must give exactly what a full recompute gives.
import { describe, expect, it } from 'vitest';
import { emptyNbDatabase } from '../nb/database.ts';
import { newNbRow } from '../nb/schema.ts';
import type { NbLogicalSwitch, NbLogicalSwitchPort } from '../nb/schema.gen.ts';
import { formatLflowList } from '../sb/lflow-list.ts';
import { runNorthd } from './index.ts';
import { NorthdSession } from './session.ts';

function port(name: string, address: string): NbLogicalSwitchPort {
  return newNbRow('Logical_Switch_Port', `port-${name}`, { addresses: [address], name });
}

describe('NorthdSession', () => {
  it('adds a port incrementally with the same result as a full recompute', () => {
    const nb = emptyNbDatabase();
    const world = { nb, physical: { chassis: [], bindings: [], macBindings: [] } };
    const switches: NbLogicalSwitch[] = ['sw0', 'sw1'].map((name) =>
      newNbRow('Logical_Switch', `ls-${name}`, { name }),
    );
    for (const ls of switches) nb.tables.Logical_Switch.set(ls._uuid, ls);
    const add = (ls: NbLogicalSwitch, p: NbLogicalSwitchPort): void => {
      nb.tables.Logical_Switch_Port.set(p._uuid, p);
      ls.ports = [...ls.ports, p._uuid].sort();
    };
    add(switches[0], port('a', '50:54:00:00:00:01 10.0.0.1'));
    // sw0 is attached to a router, whose ARP resolution flows come from sw0's ports.
    nb.tables.Logical_Router_Port.set('lrp-1', {
      _uuid: 'lrp-1',
      external_ids: {},
      gateway_chassis: [],
      ipv6_prefix: [],
      ipv6_ra_configs: {},
      mac: '00:00:00:00:00:fe',
      name: 'lr0-sw0',
      networks: ['10.0.0.254/24'],
      options: {},
    });
    nb.tables.Logical_Router.set('lr-1', {
      _uuid: 'lr-1',
      external_ids: {},
      load_balancer: [],
      load_balancer_group: [],
      name: 'lr0',
      nat: [],
      options: {},
      policies: [],
      ports: ['lrp-1'],
      static_routes: [],
    });
    add(switches[0], { ...port('sw0-lr0', 'router'), type: 'router', options: { 'router-port': 'lr0-sw0' } });
    add(switches[1], port('b', '50:54:00:00:00:02 10.0.0.2'));
    const session = new NorthdSession(world);
    add(switches[0], port('c', '50:54:00:00:00:03 10.0.0.3 fd00::3'));
    const sb = session.switchesChanged([switches[0]._uuid]);
    expect(session.lastUpdate).toBe('incremental');
    expect(formatLflowList(sb)).toBe(formatLflowList(runNorthd(world)));
    expect(sb.tables.Port_Binding.size).toBe(5);
    expect(formatLflowList(sb)).toContain('outport == "lr0-sw0" && reg0 == 10.0.0.3');
  });
});
