// northd never throws, whatever the Northbound database holds (bad addresses, odd types and options).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyNbDatabase } from '../nb/database.ts';
import { formatLflowList } from '../sb/lflow-list.ts';
import { runNorthd } from './index.ts';

const text = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'unknown',
    'router',
    'dynamic',
    '50:54:00:00:00:01',
    '50:54:00:00:00:01 10.0.0.1',
    'fd00::1',
    'x y z',
  ),
);
const portType = fc.constantFrom(
  '',
  'router',
  'localnet',
  'localport',
  'external',
  'virtual',
  'vtep',
  'remote',
  'bogus',
);
const options = fc.dictionary(
  fc.constantFrom(
    'router-port',
    'virtual-ip',
    'virtual-parents',
    'arp_proxy',
    'network_name',
    'mcast_flood',
    'hostname',
  ),
  text,
);

describe('northd robustness', () => {
  it('builds flows for arbitrary switch ports without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            addresses: fc.array(text, { maxLength: 3 }),
            ps: fc.array(text, { maxLength: 2 }),
            type: portType,
            options,
          }),
          {
            maxLength: 6,
          },
        ),
        fc.dictionary(fc.constantFrom('subnet', 'ipv6_prefix', 'exclude_ips', 'mcast_snoop', 'vlan-passthru'), text),
        (ports, otherConfig) => {
          const nb = emptyNbDatabase();
          const uuids = ports.map((_, i) => `00000000-0000-4000-8000-${String(i + 10).padStart(12, '0')}`);
          ports.forEach((p, i) =>
            nb.tables.Logical_Switch_Port.set(uuids[i], {
              _uuid: uuids[i],
              addresses: p.addresses,
              external_ids: {},
              mirror_rules: [],
              name: `p${i}`,
              options: p.options,
              port_security: p.ps,
              type: p.type,
            }),
          );
          nb.tables.Logical_Switch.set('ls', {
            _uuid: 'ls',
            acls: [],
            dns_records: [],
            external_ids: {},
            forwarding_groups: [],
            load_balancer: [],
            load_balancer_group: [],
            name: 'sw0',
            other_config: otherConfig,
            ports: uuids,
            qos_rules: [],
          });
          const out = formatLflowList(runNorthd({ nb, physical: { chassis: [], bindings: [], macBindings: [] } }));
          expect(out.startsWith('Datapath: "sw0"')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('builds router, NAT and load balancer flows from arbitrary values without throwing', () => {
    const ip = fc.oneof(text, fc.constantFrom('10.0.0.5', '172.16.0.1/24', 'fd00::5', '10.0.0.0/24', '1.2.3.4:80'));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom('snat', 'dnat', 'dnat_and_snat', 'x'),
            ext: ip,
            log: ip,
            mac: fc.option(text, { nil: undefined }),
          }),
          {
            maxLength: 4,
          },
        ),
        fc.dictionary(ip, fc.oneof(ip, fc.constant('')), { maxKeys: 3 }),
        fc.array(fc.record({ prefix: ip, nexthop: ip }), { maxLength: 3 }),
        fc.boolean(),
        (nats, vips, routes, gateway) => {
          const nb = emptyNbDatabase();
          nb.tables.Logical_Router_Port.set('lrp', {
            _uuid: 'lrp',
            external_ids: {},
            gateway_chassis: gateway ? ['gc'] : [],
            ipv6_prefix: [],
            ipv6_ra_configs: {},
            mac: '00:00:00:00:00:01',
            name: 'lr0-p',
            networks: ['10.0.0.1/24', 'fd00::1/64'],
            options: {},
          });
          nats.forEach((n, i) =>
            nb.tables.NAT.set(`nat${i}`, {
              _uuid: `nat${i}`,
              external_ids: {},
              external_ip: n.ext,
              external_mac: n.mac,
              external_port_range: '',
              logical_ip: n.log,
              logical_port: n.mac ? 'p' : undefined,
              options: {},
              type: n.type,
            }),
          );
          routes.forEach((r, i) =>
            nb.tables.Logical_Router_Static_Route.set(`r${i}`, {
              _uuid: `r${i}`,
              external_ids: {},
              ip_prefix: r.prefix,
              nexthop: r.nexthop,
              options: {},
              route_table: '',
            }),
          );
          nb.tables.Load_Balancer.set('lb', {
            _uuid: 'lb',
            external_ids: {},
            health_check: [],
            ip_port_mappings: {},
            name: 'lb',
            options: {},
            protocol: 'tcp',
            selection_fields: [],
            vips,
          });
          nb.tables.Logical_Router.set('lr', {
            _uuid: 'lr',
            external_ids: {},
            load_balancer: ['lb'],
            load_balancer_group: [],
            name: 'lr0',
            nat: nats.map((_, i) => `nat${i}`),
            options: gateway ? {} : { chassis: 'hv1' },
            policies: [],
            ports: ['lrp'],
            static_routes: routes.map((_, i) => `r${i}`),
          });
          const out = formatLflowList(runNorthd({ nb, physical: { chassis: [], bindings: [], macBindings: [] } }));
          expect(out).toContain('Datapath: "lr0"');
        },
      ),
      { numRuns: 300 },
    );
  });
});
