// Differential fuzzing of our northd: writes random switch-only scenario scripts (deterministic seeds) for
// scripts/fuzz-northd.sh to run through real OVN, or compares `ovnviz lflows` with what real OVN wrote.
// Usage: tsx scripts/fuzz-northd.ts gen DIR FIRST_SEED COUNT
//        tsx scripts/fuzz-northd.ts compare DIR [--diffs N]
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { compareText, maskLflows, runCli, switchStageLines } from '../test/golden-harness.ts';
import { loadScenarioText, southboundFor } from '../src/engine/scenario/compile.ts';
import { formatSbBindings, type SbTablesLike } from './golden/sb-bindings.ts';

/** Our Southbound rows printed as scripts/golden/sb-bindings.ts prints real ones (as test/sb-conformance does). */
function ourBindings(scriptPath: string): string {
  const text = readFileSync(scriptPath, 'utf8');
  const run = loadScenarioText(text, scriptPath);
  const sb = southboundFor(run);
  const tables: SbTablesLike = Object.fromEntries(
    Object.entries(sb.tables).map(([name, map]: [string, Map<string, object>]) => [name, map.values()]),
  );
  const nbUuids = new Set(Object.values(run.world.nb.tables).flatMap((map) => [...map.keys()]));
  return formatSbBindings(tables, nbUuids);
}

/** mulberry32: a small deterministic PRNG, so a seed always gives the same scenario. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly r: () => number;
  /** every third seed turns most features on more often, to hit their combinations */
  private readonly density: number;
  readonly lines: string[] = [];
  constructor(seed: number) {
    this.r = prng(seed * 7919 + 17);
    this.density = seed % 3 === 0 ? 2 : 1;
  }
  chance(p: number): boolean {
    return this.r() < Math.min(0.9, p * this.density);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)];
  }
  some<T>(xs: readonly T[], p = 0.5): T[] {
    return xs.filter(() => this.chance(p));
  }
  nb(cmd: string): void {
    this.lines.push(`ovn-nbctl ${cmd}`);
  }
  sb(cmd: string): void {
    this.lines.push(`ovn-sbctl ${cmd}`);
  }
}

const hex = (n: number): string => n.toString(16).padStart(2, '0');

interface Port {
  name: string;
  sw: number;
  ip4: string[];
  ip6: string[];
  mac: string;
  kind: 'vm' | 'router' | 'localnet' | 'external' | 'localport' | 'virtual' | 'vtep';
}

function generate(seed: number): string {
  const g = new Gen(seed);
  const nSw = g.int(1, 3);
  const ports: Port[] = [];
  const chassis: string[] = [];
  const head = [`# fuzz seed ${seed}`];
  if (g.chance(0.3)) g.nb(`set NB_Global . options:mac_prefix=0a:00:00`);
  if (g.chance(0.15)) g.nb(`set NB_Global . options:controller_event=true`);
  if (g.chance(0.15)) g.nb(`set NB_Global . options:svc_monitor_mac=0a:00:00:00:00:fe`);
  if (g.chance(0.15)) g.nb(`set NB_Global . options:ignore_lsp_down=false`);
  if (g.chance(0.1)) g.nb(`set NB_Global . options:use_ct_inv_match=false`);
  if (g.chance(0.1)) g.nb(`set NB_Global . options:default_acl_drop=true`);
  if (g.chance(0.1)) g.nb(`set NB_Global . options:ls_dnat_mod_dl_dst=true`);
  const nCh = g.int(0, 2);
  for (let c = 1; c <= nCh; c++) {
    chassis.push(`hv${c}`);
    g.sb(`chassis-add hv${c} geneve 172.16.0.${c}`);
  }
  const meters = g.chance(0.3);
  if (meters) g.nb(`meter-add m1 drop 10 pktps`);
  if (meters && g.chance(0.4)) g.nb(`set Meter m1 fair=true`);
  if (g.chance(0.1)) g.nb(`set NB_Global . options:install_ls_lb_from_router=true`);
  for (let s = 0; s < nSw; s++) {
    const sw = `sw${s}`;
    const net = 10 + s;
    g.nb(`ls-add ${sw}`);
    if (g.chance(0.25)) {
      const opts = [`other_config:subnet=10.${net}.0.0/24`];
      if (g.chance(0.5)) opts.push(`other_config:exclude_ips=10.${net}.0.2..10.${net}.0.5`);
      if (g.chance(0.4)) opts.push(`other_config:ipv6_prefix=fd${hex(net)}::`);
      g.nb(`set Logical_Switch ${sw} ${opts.join(' ')}`);
    }
    if (g.chance(0.2)) {
      const opts = ['other_config:mcast_snoop=true'];
      if (g.chance(0.5))
        opts.push(
          'other_config:mcast_querier=true',
          'other_config:mcast_eth_src=00:00:00:00:10:fe',
          `other_config:mcast_ip4_src=10.${net}.0.254`,
        );
      if (g.chance(0.4)) opts.push('other_config:mcast_ip6_src=fe80::fe');
      if (g.chance(0.4)) opts.push('other_config:mcast_flood_unregistered=true');
      g.nb(`set Logical_Switch ${sw} ${opts.join(' ')}`);
    }
    if (g.chance(0.08)) g.nb(`set Logical_Switch ${sw} other_config:vlan-passthru=true`);
    const nPorts = g.int(1, 5);
    for (let p = 1; p <= nPorts; p++) {
      const name = `${sw}-p${p}`;
      const mac = `50:54:00:00:${hex(net)}:${hex(p)}`;
      const port: Port = { name, sw: s, ip4: [], ip6: [], mac, kind: 'vm' };
      g.nb(`lsp-add ${sw} ${name}`);
      const k = g.int(0, 9);
      const addrs: string[] = [];
      if (k <= 5) {
        port.ip4 = g.chance(0.85) ? [`10.${net}.0.${10 + p}`] : [];
        if (g.chance(0.2)) port.ip4.push(`10.${net}.1.${10 + p}`);
        if (g.chance(0.35)) port.ip6.push(`fd${hex(net)}::${hex(p)}`);
        if (g.chance(0.1)) port.ip6.push(`fd${hex(net)}:1::${hex(p)}`);
        addrs.push(`"${[mac, ...port.ip4, ...port.ip6].join(' ')}"`);
        if (g.chance(0.12)) addrs.push(`"50:54:00:01:${hex(net)}:${hex(p)} 10.${net}.2.${10 + p}"`);
        if (g.chance(0.15)) addrs.push('unknown');
      } else if (k === 6) {
        addrs.push('unknown');
      } else if (k === 7) {
        addrs.push(g.pick(['dynamic', `"${mac} dynamic"`, `"dynamic 10.${net}.0.${40 + p}"`]));
        if (!g.lines.some((l) => l.includes(`${sw} other_config:subnet`)))
          g.nb(`set Logical_Switch ${sw} other_config:subnet=10.${net}.0.0/24`);
      } else if (k === 8) {
        addrs.push(`"${mac}"`);
      }
      if (addrs.length) g.nb(`lsp-set-addresses ${name} ${addrs.join(' ')}`);
      if (port.ip4.length + port.ip6.length && g.chance(0.35)) {
        const v = g.int(0, 3);
        const ps =
          v === 0
            ? mac
            : v === 1
              ? [mac, ...port.ip4, ...port.ip6].join(' ')
              : v === 2
                ? `${mac} 10.${net}.0.0/24`
                : `${mac} ${port.ip4[0] ?? ''} fd${hex(net)}::/64`;
        g.nb(`lsp-set-port-security ${name} "${ps.trim()}"`);
      }
      if (g.chance(0.1)) g.nb(`lsp-set-enabled ${name} disabled`);
      if (g.chance(0.08))
        g.nb(`lsp-set-port-security ${name} "${mac} 10.${net}.0.${10 + p}" "50:54:00:03:${hex(net)}:${hex(p)}"`);
      if (g.chance(0.06)) g.nb(`lsp-set-addresses ${name} "${mac} fe80::5054:ff:fe00:${hex(p)} 10.${net}.0.${10 + p}"`);
      if (g.chance(0.05)) g.nb(`lsp-set-options ${name} mcast_flood_reports=true`);
      if (g.chance(0.08)) {
        const child = `${name}-c`;
        g.nb(`lsp-add ${sw} ${child} ${name} ${g.int(1, 100)}`);
        g.nb(`lsp-set-addresses ${child} "50:54:00:02:${hex(net)}:${hex(p)} 10.${net}.3.${10 + p}"`);
      }
      if (chassis.length && g.chance(0.6)) g.sb(`lsp-bind ${name} ${g.pick(chassis)}`);
      if (g.chance(0.04)) g.nb(`lsp-set-options ${name} arp_proxy="00:00:00:00:aa:${hex(p)} 10.${net}.9.${p}"`);
      ports.push(port);
    }
    // special ports
    if (g.chance(0.3)) {
      const name = `${sw}-ln`;
      g.nb(`lsp-add ${sw} ${name}`);
      g.nb(`lsp-set-type ${name} localnet`);
      g.nb(`lsp-set-addresses ${name} unknown`);
      g.nb(`lsp-set-options ${name} network_name=physnet${g.int(1, 2)}`);
      if (g.chance(0.4)) g.nb(`set Logical_Switch_Port ${name} tag_request=${g.int(1, 200)}`);
      if (g.chance(0.2)) g.nb(`set Logical_Switch_Port ${name} options:localnet_learn_fdb=true`);
      ports.push({ name, sw: s, ip4: [], ip6: [], mac: '', kind: 'localnet' });
    }
    if (g.chance(0.25)) {
      const r = `lr${s}`;
      g.nb(`lr-add ${r}`);
      const lrpNets = [`10.${net}.0.1/24`];
      if (g.chance(0.5)) lrpNets.push(`fd${hex(net)}::1/64`);
      g.nb(`lrp-add ${r} ${r}-${sw} 00:00:00:00:${hex(net)}:ff ${lrpNets.join(' ')}`);
      const name = `${sw}-${r}`;
      g.nb(`lsp-add ${sw} ${name}`);
      g.nb(`lsp-set-type ${name} router`);
      g.nb(`lsp-set-addresses ${name} ${g.pick(['router', 'router', '"00:00:00:00:' + hex(net) + ':ff"'])}`);
      g.nb(`lsp-set-options ${name} router-port=${r}-${sw}`);
      if (g.chance(0.2)) g.nb(`lrp-add ${r} ${r}-ext 00:00:00:00:ee:${hex(net)} 172.20.${net}.1/24`);
      if (chassis.length && g.chance(0.2)) g.nb(`lrp-set-gateway-chassis ${r}-${sw} ${chassis[0]} 10`);
      else if (chassis.length && g.chance(0.2)) g.nb(`set Logical_Router ${r} options:chassis=${chassis[0]}`);
      if (g.chance(0.25)) g.nb(`lr-nat-add ${r} snat 172.20.${net}.1 10.${net}.0.0/24`);
      if (g.chance(0.2)) g.nb(`lr-nat-add ${r} dnat_and_snat 172.20.${net}.50 10.${net}.0.11`);
      if (ports.some((q) => q.name === `${sw}-p2`) && g.chance(0.2))
        g.nb(`lr-nat-add ${r} dnat_and_snat 172.20.${net}.51 10.${net}.0.12 ${sw}-p2 00:00:00:00:ab:${hex(net)}`);
      if (g.chance(0.15)) {
        const r2 = `lr${s}b`;
        g.nb(`lr-add ${r2}`);
        g.nb(`lrp-add ${r2} ${r2}-${sw} 00:00:00:00:${hex(net)}:fe 10.${net}.0.254/24 fd${hex(net)}::fe/64`);
        g.nb(`lsp-add ${sw} ${sw}-${r2}`);
        g.nb(`lsp-set-type ${sw}-${r2} router`);
        g.nb(`lsp-set-addresses ${sw}-${r2} router`);
        g.nb(`lsp-set-options ${sw}-${r2} router-port=${r2}-${sw}`);
      }
      if (g.chance(0.1)) g.nb(`set Logical_Router ${r} options:mcast_relay=true`);
      if (g.chance(0.15)) {
        g.nb(`lb-add rlb${s} 172.20.${net}.80:80 10.${net}.0.11:80 tcp`);
        g.nb(`lr-lb-add ${r} rlb${s}`);
      }
      if (g.chance(0.15)) g.nb(`lsp-set-options ${name} router-port=${r}-${sw} nat-addresses=router`);
      ports.push({ name, sw: s, ip4: [`10.${net}.0.1`], ip6: [], mac: '', kind: 'router' });
    }
    if (g.chance(0.2)) {
      const name = `${sw}-lp`;
      g.nb(`lsp-add ${sw} ${name}`);
      g.nb(`lsp-set-type ${name} localport`);
      g.nb(`lsp-set-addresses ${name} "50:54:00:00:${hex(net)}:a0 10.${net}.0.160"`);
      ports.push({ name, sw: s, ip4: [`10.${net}.0.160`], ip6: [], mac: '', kind: 'localport' });
    }
    if (g.chance(0.2)) {
      const name = `${sw}-ext`;
      g.nb(`lsp-add ${sw} ${name}`);
      g.nb(`lsp-set-type ${name} external`);
      g.nb(`lsp-set-addresses ${name} "50:54:00:00:${hex(net)}:e0 10.${net}.0.224"`);
      if (chassis.length && g.chance(0.6)) {
        g.nb(`ha-chassis-group-add hcg${s}`);
        g.nb(`ha-chassis-group-add-chassis hcg${s} ${chassis[0]} 30`);
        g.lines.push(`hcg${s}=$(ovn-nbctl --bare --columns=_uuid find HA_Chassis_Group name=hcg${s})`);
        g.nb(`set Logical_Switch_Port ${name} ha_chassis_group=$hcg${s}`);
      }
      ports.push({ name, sw: s, ip4: [`10.${net}.0.224`], ip6: [], mac: '', kind: 'external' });
    }
    if (g.chance(0.15)) {
      const name = `${sw}-vip`;
      const parents = ports.filter((p) => p.sw === s && p.kind === 'vm').map((p) => p.name);
      g.nb(`lsp-add ${sw} ${name}`);
      g.nb(`lsp-set-type ${name} virtual`);
      g.nb(`lsp-set-addresses ${name} "50:54:00:00:${hex(net)}:f0 10.${net}.0.240"`);
      g.nb(
        `lsp-set-options ${name} virtual-ip=10.${net}.0.240 virtual-parents=${parents.slice(0, 2).join(',') || 'none'}`,
      );
      ports.push({ name, sw: s, ip4: [`10.${net}.0.240`], ip6: [], mac: '', kind: 'virtual' });
    }
    if (g.chance(0.1)) {
      const name = `${sw}-vtep`;
      g.nb(`lsp-add ${sw} ${name}`);
      g.nb(`lsp-set-type ${name} vtep`);
      g.nb(`lsp-set-addresses ${name} unknown`);
      g.nb(`lsp-set-options ${name} vtep-physical-switch=ps1 vtep-logical-switch=ls${s}`);
      ports.push({ name, sw: s, ip4: [], ip6: [], mac: '', kind: 'vtep' });
    }
  }
  const vms = ports.filter((p) => p.kind === 'vm');
  const switches = Array.from({ length: nSw }, (_, i) => `sw${i}`);
  // port groups and address sets
  const pgs: string[] = [];
  if (vms.length && g.chance(0.5)) {
    const members = g.some(vms, 0.5).map((p) => p.name);
    g.nb(`pg-add pg1 ${members.join(' ')}`);
    pgs.push('pg1');
  }
  const ases: string[] = [];
  if (g.chance(0.4)) {
    const v4 = vms.flatMap((p) => p.ip4).slice(0, 3);
    g.lines.push(`ovn-nbctl create Address_Set name=as1 addresses='${v4.map((a) => `"${a}"`).join(', ') || '[]'}'`);
    ases.push('as1');
  }
  // ACLs
  const nAcl = g.chance(0.55) ? g.int(1, 6) : 0;
  // 23.03 has no "pass" action and no ACL tiers
  const actions = ['allow', 'allow-related', 'allow-stateless', 'drop', 'reject'];
  for (let i = 0; i < nAcl; i++) {
    const dir = g.pick(['from-lport', 'to-lport']);
    const field = dir === 'from-lport' ? 'inport' : 'outport';
    const onPg = pgs.length > 0 && g.chance(0.4);
    const target = onPg ? 'pg1' : g.pick(switches);
    const vm = vms.length ? g.pick(vms) : undefined;
    const parts: string[] = [];
    if (onPg && g.chance(0.6)) parts.push(`${field} == @pg1`);
    else if (vm && g.chance(0.6)) parts.push(`${field} == "${vm.name}"`);
    const l4 = g.pick([
      'ip4',
      'ip6',
      'tcp',
      'udp && udp.dst == 53',
      'tcp.dst == 80',
      'icmp4',
      'arp',
      '1',
      'ct.est && ip4',
      'ip4.src == {10.10.0.11, 10.10.0.12}',
      'eth.src == 50:54:00:00:0a:01',
      'tcp.dst >= 1000 && tcp.dst <= 2000',
    ]);
    parts.push(l4);
    if (ases.length && g.chance(0.3)) parts.push('ip4.src == $as1');
    if (pgs.length && g.chance(0.2)) parts.push('ip4.dst == $pg1_ip4');
    const match = parts.filter((p) => p !== '1' || parts.length === 1).join(' && ');
    const opts: string[] = [];
    if (g.chance(0.3)) {
      opts.push('--log');
      if (g.chance(0.3)) opts.push(`--name=rel${i}`);
      else if (g.chance(0.5)) opts.push(`--name=acl${i}`);
      if (g.chance(0.5)) opts.push(`--severity=${g.pick(['alert', 'warning', 'notice', 'info', 'debug'])}`);
      if (meters && g.chance(0.5)) opts.push('--meter=m1');
    }
    const action = g.pick(actions);
    if (action.startsWith('allow') && action !== 'allow-stateless' && g.chance(0.15))
      opts.push(`--label=${g.int(1, 5000)}`);
    const afterLb = dir === 'from-lport' && g.chance(0.2);
    if (afterLb) opts.push('--apply-after-lb');
    const priority = g.int(0, 32767);
    g.nb(`${opts.join(' ')} acl-add ${target} ${dir} ${priority} '${match}' ${action}`.trim());
    if (opts.includes(`--name=rel${i}`)) g.nb(`set ACL rel${i} options:log-related=true`);
  }
  // load balancers
  const nLb = g.chance(0.45) ? g.int(1, 3) : 0;
  for (let i = 0; i < nLb; i++) {
    const s = g.int(0, nSw - 1);
    const net = 10 + s;
    const backends = vms.filter((p) => p.sw === s && p.ip4.length).map((p) => p.ip4[0]);
    const v6 = g.chance(0.2);
    const backends6 = vms.filter((p) => p.sw === s && p.ip6.length).map((p) => p.ip6[0]);
    const withPort = g.chance(0.75);
    const proto = withPort ? g.pick(['tcp', 'udp', 'sctp', '']) : '';
    const port = g.pick([80, 53, 8080]);
    const vip = v6
      ? withPort
        ? `[fd${hex(net)}::${hex(100 + i)}]:${port}`
        : `fd${hex(net)}::${hex(100 + i)}`
      : `10.${net}.0.${100 + i}` + (withPort ? `:${port}` : '');
    const bs = g.chance(0.15)
      ? []
      : g
          .some(v6 ? backends6 : backends, 0.6)
          .map((b) => (withPort ? (v6 ? `[${b}]:${g.pick([80, 8080])}` : `${b}:${g.pick([80, 8080])}`) : b));
    if (bs.length === 0) {
      g.lines.push(`ovn-nbctl create Load_Balancer name=lb${i}${proto ? ` protocol=${proto}` : ''} 'vips:"${vip}"=""'`);
    } else {
      g.nb(`lb-add lb${i} ${vip} ${bs.join(',')} ${proto}`.trim());
    }
    const lbOpts: string[] = [];
    if (g.chance(0.2)) lbOpts.push('options:reject=true');
    if (g.chance(0.1)) lbOpts.push(`options:hairpin_snat_ip="10.${net}.0.251 fd${hex(net)}::251"`);
    if (g.chance(0.15)) lbOpts.push(`options:hairpin_snat_ip=10.${net}.0.250`);
    if (g.chance(0.1)) lbOpts.push('options:skip_snat=true');
    if (g.chance(0.15)) lbOpts.push('options:affinity_timeout=60');
    if (g.chance(0.1)) lbOpts.push('options:event=true');
    if (g.chance(0.1)) lbOpts.push('selection_fields=ip_src,ip_dst');
    if (lbOpts.length) g.nb(`set Load_Balancer lb${i} ${lbOpts.join(' ')}`);
    if (g.chance(0.15) && withPort && bs.length) {
      g.lines.push(
        `hc${i}=$(ovn-nbctl --id=@hc create Load_Balancer_Health_Check vip='"${vip}"' -- add Load_Balancer lb${i} health_check @hc)`,
      );
      const be = bs[0].replace(/^\[?([^\]]*?)\]?:\d+$/, '$1');
      const owner = vms.find((p) => p.ip4.includes(be) || p.ip6.includes(be));
      if (owner && !v6 && !g.lines.some((l) => l.includes('svc_monitor_mac')))
        g.nb(`set NB_Global . options:svc_monitor_mac=0a:00:00:00:00:fe`);
      if (owner && !v6) g.nb(`set Load_Balancer lb${i} ip_port_mappings:${be}=${owner.name}:10.${net}.0.250`);
    }
    if (g.chance(0.2)) {
      g.lines.push(`lbg${i}=$(ovn-nbctl create Load_Balancer_Group name=lbg${i})`);
      g.lines.push(`lbid${i}=$(ovn-nbctl --bare --columns=_uuid find Load_Balancer name=lb${i})`);
      g.nb(`add Load_Balancer_Group $lbg${i} load_balancer $lbid${i}`);
      g.nb(`add Logical_Switch sw${s} load_balancer_group $lbg${i}`);
    } else {
      g.nb(`ls-lb-add sw${s} lb${i}`);
      if (nSw > 1 && g.chance(0.25)) g.nb(`ls-lb-add sw${(s + 1) % nSw} lb${i}`);
    }
  }
  // DHCP
  if (vms.length && g.chance(0.3)) {
    const p = g.pick(vms);
    const net = 10 + p.sw;
    if (p.ip4.length) {
      g.lines.push(`d4=$(ovn-nbctl create DHCP_Options cidr=10.${net}.0.0/24)`);
      const extra = g.pick([
        '',
        ' dns_server=8.8.8.8 mtu=1400',
        ` domain_name='"ovn.org"' classless_static_route='{30.0.0.0/24,10.${net}.0.4, 0.0.0.0/0,10.${net}.0.1}'`,
        ' hostname=\'"myhost"\' ntp_server=10.0.0.5',
        ' netmask=255.255.0.0',
      ]);
      g.nb(
        `dhcp-options-set-options $d4 lease_time=3600 router=10.${net}.0.1 server_id=10.${net}.0.1 server_mac=c0:ff:ee:00:00:${hex(net)}${extra}`,
      );
      g.nb(`lsp-set-dhcpv4-options ${p.name} $d4`);
    }
    if (p.ip6.length && g.chance(0.7)) {
      g.lines.push(`d6=$(ovn-nbctl create DHCP_Options 'cidr="fd${hex(net)}::/64"')`);
      g.nb(`dhcp-options-set-options $d6 server_id=00:00:00:10:00:01${g.chance(0.4) ? ' dhcpv6_stateless=true' : ''}`);
      g.nb(`lsp-set-dhcpv6-options ${p.name} $d6`);
    }
  }
  // DNS
  if (vms.length && g.chance(0.2)) {
    const p = g.pick(vms);
    const addr = [...p.ip4, ...p.ip6].join(' ') || '10.99.0.1';
    g.lines.push(`dns=$(ovn-nbctl create DNS records='{"${p.name}.ovn.org"="${addr}"}')`);
    g.nb(`add Logical_Switch sw${p.sw} dns_records $dns`);
    if (nSw > 1 && g.chance(0.3)) g.nb(`add Logical_Switch sw${(p.sw + 1) % nSw} dns_records $dns`);
  }
  // QoS
  if (g.chance(0.25)) {
    const s = g.pick(switches);
    const dir = g.pick(['from-lport', 'to-lport']);
    const act = g.pick(['dscp=10', 'rate=1000 burst=100', 'dscp=20 rate=2000', 'rate=500']);
    g.nb(
      `qos-add ${s} ${dir} ${g.int(0, 32767)} '${dir === 'from-lport' ? 'inport' : 'outport'} == "${vms[0]?.name ?? 'x'}"' ${act}`,
    );
  }
  // port options
  for (const p of vms) {
    if (g.chance(0.05)) g.nb(`lsp-set-options ${p.name} mcast_flood=true`);
  }
  // edits after creation: deletes and changes, so keys, IPAM and flows follow later commands
  if (g.chance(0.35)) {
    const deleted = new Set<string>();
    for (let n = g.int(1, 3); n > 0; n--) {
      const p = vms.length ? g.pick(vms) : undefined;
      if (p && deleted.has(p.name)) continue;
      const k = g.int(0, 6);
      if (!p) break;
      const net = 10 + p.sw;
      if (k === 0) {
        g.nb(`lsp-del ${p.name}`);
        deleted.add(p.name);
      } else if (k === 1) g.nb(`lsp-set-addresses ${p.name} "${p.mac} 10.${net}.0.${80 + n}"`);
      else if (k === 2) g.nb(`lsp-set-port-security ${p.name}`);
      else if (k === 3) g.nb(`acl-del sw${p.sw}`);
      else if (k === 4) {
        if (!g.lines.some((l) => l.includes('mac_prefix'))) g.nb(`set NB_Global . options:mac_prefix=0a:00:00`);
        g.nb(
          `set Logical_Switch sw${p.sw} other_config:subnet=10.${net}.0.0/24 other_config:ipv6_prefix=fd${hex(net)}::`,
        );
        g.nb(`lsp-add sw${p.sw} sw${p.sw}-dyn${n}`);
        g.nb(`lsp-set-addresses sw${p.sw}-dyn${n} dynamic`);
      } else if (k === 5) g.nb(`lsp-set-type ${p.name} localport`);
      else g.nb(`ls-lb-del sw${p.sw}`);
    }
  }
  // dynamic MACs need a fixed prefix, or real northd picks a random one
  if (g.lines.some((l) => l.includes('dynamic')) && !g.lines.some((l) => l.includes('mac_prefix')))
    head.push('ovn-nbctl set NB_Global . options:mac_prefix=0a:00:00');
  return [...head, ...g.lines, ''].join('\n');
}

// also uuids glued to a name (a fair meter's per-ACL copy, "NAME__UUID"), which maskLflows' \b leaves alone
const anyUuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const mask = (text: string): string => maskLflows(text).replace(anyUuid, '<uuid>');

async function compare(dir: string, diffs: number): Promise<void> {
  let identical = 0;
  let total = 0;
  let good = 0;
  let sbIdentical = 0;
  let sbTotal = 0;
  const names = readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, 'lflows.txt')))
    .sort();
  for (const name of names) {
    const script = relative(process.cwd(), join(dir, name, 'script.nbctl'));
    const expected = switchStageLines(mask(readFileSync(join(dir, name, 'lflows.txt'), 'utf8')));
    const run = await runCli(['lflows', script]);
    const actual = switchStageLines(mask(run.out));
    const c = compareText(expected, actual);
    identical += c.identical;
    total += c.total;
    const sbFile = join(dir, name, 'sb-bindings.txt');
    if (existsSync(sbFile)) {
      const sbc = compareText(readFileSync(sbFile, 'utf8'), ourBindings(script));
      sbIdentical += sbc.identical;
      sbTotal += sbc.total;
      if (sbc.identical !== sbc.total)
        console.log(`${name}: sb-bindings ${sbc.identical}/${sbc.total}\n${sbc.diff.slice(0, diffs * 2).join('\n')}`);
    }
    if (c.identical === c.total && run.code === 0) good++;
    else {
      console.log(`${name}: ${c.identical}/${c.total}${run.code ? ` exit ${run.code}: ${run.err.slice(0, 300)}` : ''}`);
      if (diffs > 0) {
        const e = new Set(expected.split('\n'));
        const a = new Set(actual.split('\n'));
        for (const l of expected
          .split('\n')
          .filter((x) => !a.has(x))
          .slice(0, diffs))
          console.log(`  - ${l}`);
        for (const l of actual
          .split('\n')
          .filter((x) => !e.has(x))
          .slice(0, diffs))
          console.log(`  + ${l}`);
      }
    }
  }
  console.log(
    `fuzz: ${names.length} scenarios, ${good} identical; switch-stage lines ${identical}/${total}; ` +
      `sb-bindings lines ${sbIdentical}/${sbTotal}`,
  );
}

const [mode, dir, a, b] = process.argv.slice(2);
if (mode === 'gen' && dir) {
  const first = Number(a ?? 1);
  for (let seed = first; seed < first + Number(b ?? 20); seed++) {
    const d = join(dir, `fuzz-${String(seed).padStart(4, '0')}`);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'script.nbctl'), generate(seed));
  }
} else if (mode === 'compare' && dir) {
  const i = process.argv.indexOf('--diffs');
  await compare(dir, i > 0 ? Number(process.argv[i + 1]) : 4);
} else {
  console.error('usage: fuzz-northd.ts gen DIR FIRST_SEED COUNT | compare DIR [--diffs N]');
  process.exit(2);
}
