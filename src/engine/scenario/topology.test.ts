// Topology graph derived from a hand-built Northbound database (no script layer needed).
import { describe, expect, it } from 'vitest';
import { emptyNbDatabase, type NbRow } from '../nb/database.ts';
import { buildTopology, splitAddresses, vmName } from './topology.ts';
import type { World } from '../nb/world.ts';

function lsp(
  uuid: string,
  name: string,
  fields: Partial<NbRow<'Logical_Switch_Port'>> = {},
): NbRow<'Logical_Switch_Port'> {
  return {
    _uuid: uuid,
    name,
    addresses: [],
    external_ids: {},
    mirror_rules: [],
    options: {},
    port_security: [],
    type: '',
    ...fields,
  };
}

function world(): World {
  const nb = emptyNbDatabase();
  const t = nb.tables;
  t.Logical_Switch_Port.set(
    'p1',
    lsp('p1', 'ls1-vm1', { addresses: ['02:ac:10:ff:00:11 192.168.100.10'], port_security: ['02:ac:10:ff:00:11'] }),
  );
  t.Logical_Switch_Port.set('p2', lsp('p2', 'ls1-ext', { addresses: ['unknown'] }));
  t.Logical_Switch_Port.set(
    'p3',
    lsp('p3', 'ls1-r', { type: 'router', addresses: ['router'], options: { 'router-port': 'r1-ls1' } }),
  );
  t.Logical_Switch_Port.set(
    'p4',
    lsp('p4', 'ls1-ln', { type: 'localnet', addresses: ['unknown'], options: { network_name: 'phys' } }),
  );
  t.Logical_Switch.set('s1', {
    _uuid: 's1',
    name: 'ls1',
    ports: ['p1', 'p2', 'p3', 'p4'],
    acls: [],
    dns_records: [],
    external_ids: {},
    forwarding_groups: [],
    load_balancer: [],
    load_balancer_group: [],
    other_config: {},
    qos_rules: [],
  });
  t.Logical_Router_Port.set('rp1', {
    _uuid: 'rp1',
    name: 'r1-ls1',
    mac: '02:ac:10:ff:00:01',
    networks: ['192.168.100.1/24'],
    enabled: true,
    external_ids: {},
    gateway_chassis: [],
    ipv6_prefix: [],
    ipv6_ra_configs: {},
    options: {},
  });
  t.Logical_Router.set('r1', {
    _uuid: 'r1',
    name: 'r1',
    ports: ['rp1'],
    external_ids: {},
    load_balancer: [],
    load_balancer_group: [],
    nat: [],
    options: {},
    policies: [],
    static_routes: [],
  });
  return {
    nb,
    physical: {
      chassis: [{ name: 'hv1', hostname: 'hv1', encaps: [{ type: 'geneve', ip: '192.168.0.1' }] }],
      bindings: [{ logicalPort: 'ls1-vm1', chassis: 'hv1' }],
      macBindings: [],
    },
  };
}

describe('buildTopology', () => {
  const { graph, ports } = buildTopology(world());
  const ids = graph.nodes.map((n) => n.id);

  it('draws switches, routers, ports, VMs, networks and chassis', () => {
    expect(ids).toEqual([
      'lr:r1',
      'lrp:r1-ls1',
      'ls:ls1',
      'lsp:ls1-vm1',
      'vm:ls1-vm1',
      'lsp:ls1-ext',
      'vm:ls1-ext',
      'lsp:ls1-r',
      'lsp:ls1-ln',
      'net:phys',
      'ch:hv1',
    ]);
    expect(graph.nodes.find((n) => n.id === 'vm:ls1-vm1')).toMatchObject({
      name: 'vm1',
      caption: ['192.168.100.10', '02:ac:10:ff:00:11'],
    });
  });

  it('links ports to their datapath, peers and chassis', () => {
    const kinds = graph.edges.map((e) => `${e.kind} ${e.source} ${e.target}`);
    expect(kinds).toContain('patch lsp:ls1-r lrp:r1-ls1');
    expect(kinds).toContain('binding vm:ls1-vm1 ch:hv1');
    expect(kinds).toContain('localnet lsp:ls1-ln net:phys');
    for (const e of graph.edges) {
      expect(ids).toContain(e.source);
      expect(ids).toContain(e.target);
    }
  });

  it('gives the packet form each port with its addresses', () => {
    expect(ports.find((p) => p.name === 'ls1-vm1')).toMatchObject({
      macs: ['02:ac:10:ff:00:11'],
      ips: ['192.168.100.10'],
      chassis: 'hv1',
    });
    expect(ports.find((p) => p.name === 'ls1-ext')).toMatchObject({ unknown: true, macs: [] });
    expect(ports.find((p) => p.name === 'ls1-r')).toMatchObject({
      macs: ['02:ac:10:ff:00:01'],
      ips: ['192.168.100.1'],
    });
  });
});

describe('address helpers', () => {
  it('splits MACs from IPv4 and IPv6 addresses', () => {
    expect(splitAddresses(['0A:00:00:00:00:01 10.0.0.1/24 fd00::1', 'unknown'])).toEqual({
      macs: ['0a:00:00:00:00:01'],
      ips: ['10.0.0.1', 'fd00::1'],
    });
  });
  it('names VMs without the switch prefix', () => {
    expect(vmName('ls1-vm1', 'ls1')).toBe('vm1');
    expect(vmName('vm1', 'ls1')).toBe('vm1');
    expect(vmName('ls1-', 'ls1')).toBe('ls1-');
  });
});
