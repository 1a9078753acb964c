// Differential fuzzing of `ovnviz trace` against real ovn-trace: `gen SEED COUNT DIR` writes random switch-only
// scenarios (script.nbctl + traces.txt) for scripts/gen-goldens.sh; `compare DIR [DIR2]` traces them in-process and
// diffs every form (with DIR2, a second real run, traces where real ovn-trace itself differs are skipped).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareText, loadScenarios, maskTrace, runCli, traceForms, type TraceForm } from '../test/golden-harness.ts';

// mulberry32: small deterministic PRNG so a seed always gives the same scenarios.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Port {
  name: string;
  mac: string;
  ip4?: string;
  ip6?: string;
  lla: string;
  unknown: boolean;
  noAddr: boolean;
  ps: 'none' | 'mac' | 'mac-ip';
  kind: 'vif' | 'localnet' | 'localport' | 'container' | 'external';
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

function generate(seed: number): { script: string; traces: string } {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const chance = (p: number): boolean => r() < p;
  const net = 20 + (seed % 200);
  const sub4 = `10.${net}.0`;
  const sub6 = `fd${hex2(net)}:`;
  const lines: string[] = [`# fuzz seed ${seed}`, 'ovn-nbctl ls-add sw0'];
  const ports: Port[] = [];
  const nPorts = 3 + Math.floor(r() * 4);
  const dual = chance(0.5);
  const v6only = !dual && chance(0.2);
  for (let i = 1; i <= nPorts; i++) {
    const mac = `50:54:00:${hex2(net)}:00:${hex2(i)}`;
    const p: Port = {
      name: `vm${i}`,
      mac,
      ip4: v6only ? undefined : `${sub4}.${10 + i}`,
      ip6: dual || v6only ? `${sub6}:${10 + i}` : undefined,
      lla: `fe80::5254:ff:fe${hex2(net)}:${i}`,
      unknown: i > 1 && chance(0.15),
      noAddr: i > 2 && chance(0.08),
      ps: pick(['none', 'none', 'mac', 'mac-ip'] as const),
      kind: 'vif',
    };
    ports.push(p);
    lines.push(`ovn-nbctl lsp-add sw0 ${p.name}`);
    if (p.noAddr) continue;
    const addrs = [p.mac, p.ip4, p.ip6].filter(Boolean).join(' ');
    lines.push(`ovn-nbctl lsp-set-addresses ${p.name} "${addrs}"${p.unknown ? ' unknown' : ''}`);
    if (p.ps === 'mac') lines.push(`ovn-nbctl lsp-set-port-security ${p.name} ${p.mac}`);
    if (p.ps === 'mac-ip') {
      const ips = [p.ip4, p.ip6 ? `${p.ip6} ${p.lla}` : undefined].filter(Boolean).join(' ');
      lines.push(`ovn-nbctl lsp-set-port-security ${p.name} "${p.mac} ${ips}"`);
    }
  }
  const vifs = ports.filter((p) => !p.noAddr);
  // Extra port kinds.
  if (chance(0.35)) {
    lines.push(
      'ovn-nbctl lsp-add sw0 ln',
      'ovn-nbctl lsp-set-type ln localnet',
      'ovn-nbctl lsp-set-addresses ln unknown',
    );
    lines.push('ovn-nbctl lsp-set-options ln network_name=physnet1');
    if (chance(0.5)) lines.push('ovn-nbctl set Logical_Switch_Port ln tag_request=100');
    ports.push({ name: 'ln', mac: '', lla: '', unknown: true, noAddr: true, ps: 'none', kind: 'localnet' });
  }
  if (chance(0.2)) {
    const mac = `50:54:00:${hex2(net)}:00:fe`;
    lines.push('ovn-nbctl lsp-add sw0 meta', 'ovn-nbctl lsp-set-type meta localport');
    lines.push(`ovn-nbctl lsp-set-addresses meta "${mac} ${sub4}.2"`);
    ports.push({
      name: 'meta',
      mac,
      ip4: `${sub4}.2`,
      lla: '',
      unknown: false,
      noAddr: false,
      ps: 'none',
      kind: 'localport',
    });
  }
  if (chance(0.2) && vifs[0]) {
    const mac = `50:54:00:${hex2(net)}:01:01`;
    lines.push(`ovn-nbctl lsp-add sw0 ctr1 ${vifs[0].name} 42`);
    lines.push(`ovn-nbctl lsp-set-addresses ctr1 "${mac} ${sub4}.201"`);
    ports.push({
      name: 'ctr1',
      mac,
      ip4: `${sub4}.201`,
      lla: '',
      unknown: false,
      noAddr: false,
      ps: 'none',
      kind: 'container',
    });
  }
  const hasLn = ports.some((p) => p.kind === 'localnet');
  if (hasLn && chance(0.3)) {
    lines.push('ovn-sbctl chassis-add gw1 geneve 172.16.0.10', 'ovn-nbctl ha-chassis-group-add hcg1');
    lines.push('ovn-nbctl ha-chassis-group-add-chassis hcg1 gw1 30');
    lines.push('hcg=$(ovn-nbctl --bare --columns=_uuid find HA_Chassis_Group name=hcg1)');
    const mac = `50:54:00:${hex2(net)}:00:e1`;
    lines.push('ovn-nbctl lsp-add sw0 ext1', 'ovn-nbctl lsp-set-type ext1 external');
    lines.push(`ovn-nbctl lsp-set-addresses ext1 "${mac} ${sub4}.230"`);
    lines.push('ovn-nbctl set Logical_Switch_Port ext1 ha_chassis_group=$hcg');
    ports.push({
      name: 'ext1',
      mac,
      ip4: `${sub4}.230`,
      lla: '',
      unknown: false,
      noAddr: false,
      ps: 'none',
      kind: 'external',
    });
  }
  if (hasLn && chance(0.2)) {
    lines.push('ovn-nbctl set Logical_Switch sw0 other_config:vlan-passthru=true');
    lines.push('ovn-nbctl lsp-set-options ln network_name=physnet1 localnet_learn_fdb=true');
  }
  if (chance(0.2) && vifs.length >= 2 && !v6only) {
    lines.push('ovn-nbctl lsp-add sw0 vip', 'ovn-nbctl lsp-set-type vip virtual');
    lines.push(`ovn-nbctl lsp-set-options vip virtual-ip=${sub4}.150 virtual-parents=${vifs[0].name},${vifs[1].name}`);
  }
  const hasRouter = chance(0.3);
  if (hasRouter) {
    lines.push('ovn-nbctl lr-add lr0');
    lines.push(`ovn-nbctl lrp-add lr0 lr0-sw0 00:00:00:00:${hex2(net)}:ff ${sub4}.1/24 ${sub6}:1/64`);
    lines.push('ovn-nbctl lsp-add sw0 sw0-lr0', 'ovn-nbctl lsp-set-type sw0-lr0 router');
    lines.push(
      `ovn-nbctl lsp-set-addresses sw0-lr0 ${chance(0.7) ? 'router' : `"00:00:00:00:${hex2(net)}:ff ${sub4}.1 ${sub6}:1"`}`,
    );
    lines.push('ovn-nbctl lsp-set-options sw0-lr0 router-port=lr0-sw0');
  }
  if (chance(0.15)) lines.push('ovn-nbctl set NB_Global . options:ignore_lsp_down=false');
  if (chance(0.15)) {
    lines.push(`ovn-nbctl qos-add sw0 from-lport 100 'inport == "${vifs[0].name}"' dscp=10`);
    lines.push(`ovn-nbctl qos-add sw0 to-lport 100 'outport == "${vifs[1].name}" && udp' dscp=20 rate=2000`);
  }
  const stateful = chance(0.4);
  const hasLb = !v6only && chance(0.35);
  const hasDhcp = !v6only && chance(0.3);
  const hasDhcp6 = (dual || v6only) && chance(0.25);
  const hasDns = chance(0.25);
  const snoop = chance(0.2);
  if (snoop) {
    lines.push(
      `ovn-nbctl set Logical_Switch sw0 other_config:mcast_snoop=true other_config:mcast_querier=${pick(['true', 'false'])} other_config:mcast_eth_src=00:00:00:00:${hex2(net)}:fe other_config:mcast_ip4_src=${sub4}.254 other_config:mcast_ip6_src=fe80::fe`,
    );
    if (chance(0.5)) lines.push(`ovn-nbctl lsp-set-options ${vifs[vifs.length - 1].name} mcast_flood=true`);
  }
  if (stateful) {
    const acls = [
      `from-lport 1002 'inport == "${vifs[0].name}" && ip' allow-related`,
      `to-lport 1001 'outport == "${vifs[1].name}" && tcp.dst == 22' ${pick(['drop', 'reject'])}`,
      `to-lport 1000 'outport == "${vifs[1].name}" && ip' allow-related`,
      `from-lport 900 'udp && udp.dst == 9999' ${pick(['drop', 'reject', 'allow'])}`,
      `to-lport 800 'icmp4 && icmp4.type == 8' ${pick(['allow', 'allow-related', 'drop'])}`,
    ];
    for (const a of acls) if (chance(0.7)) lines.push(`ovn-nbctl acl-add sw0 ${a}`);
    if (chance(0.3))
      lines.push(`ovn-nbctl --log --severity=info acl-add sw0 from-lport 700 'ip4 && tcp.dst == 443' allow`);
    if (chance(0.3)) {
      lines.push(`ovn-nbctl pg-add pg1 ${vifs[0].name} ${vifs[1].name}`);
      lines.push(`ovn-nbctl create Address_Set name=as1 addresses='"${vifs[0].ip4 ?? `${sub4}.11`}","${sub4}.128/25"'`);
      lines.push(
        `ovn-nbctl acl-add pg1 to-lport 1100 'outport == @pg1 && ip4.src == $as1 && tcp.dst == 5432' ${pick(['drop', 'allow-related', 'reject'])}`,
      );
      lines.push(
        `ovn-nbctl acl-add pg1 from-lport 1100 'inport == @pg1 && ip4.dst == $pg1_ip4 && udp' ${pick(['drop', 'allow', 'allow-related'])}`,
      );
    }
    if (chance(0.25))
      lines.push(
        `ovn-nbctl --apply-after-lb acl-add sw0 from-lport 1200 'ip4 && tcp.dst == 8080' ${pick(['drop', 'allow', 'allow-related'])}`,
      );
    if (chance(0.15)) lines.push('ovn-nbctl set NB_Global . options:default_acl_drop=true');
  } else if (chance(0.3)) {
    lines.push(`ovn-nbctl acl-add sw0 from-lport 1000 'ip4 && tcp.dst == 23' drop`);
  }
  const lbBackends = vifs.filter((p) => p.ip4).slice(0, 2);
  const lbVip = `${sub4}.100`;
  const lb6Backends = vifs.filter((p) => p.ip6).slice(0, 2);
  const lbVip6 = `${sub6}:100`;
  const hasLb6 = hasLb && lb6Backends.length > 0 && chance(0.5);
  const lbNoPort = hasLb && chance(0.4);
  if (hasLb && lbBackends.length) {
    const proto = pick(['tcp', 'udp'] as const);
    lines.push(`ovn-nbctl lb-add lb0 ${lbVip}:80 ${lbBackends.map((b) => `${b.ip4}:8080`).join(',')} ${proto}`);
    lines.push('ovn-nbctl ls-lb-add sw0 lb0');
    if (hasLb6) {
      lines.push(`ovn-nbctl lb-add lb6 [${lbVip6}]:80 ${lb6Backends.map((b) => `[${b.ip6}]:8080`).join(',')} tcp`);
      lines.push('ovn-nbctl ls-lb-add sw0 lb6');
    }
    if (lbNoPort) {
      lines.push(`ovn-nbctl lb-add lbany ${sub4}.101 ${lbBackends.map((b) => b.ip4).join(',')}`);
      lines.push('ovn-nbctl ls-lb-add sw0 lbany');
    }
    if (chance(0.3)) lines.push('ovn-nbctl set Load_Balancer lb0 options:hairpin_snat_ip="169.254.0.1"');
  }
  if (hasDhcp) {
    lines.push(`dhcp=$(ovn-nbctl create DHCP_Options cidr=${sub4}.0/24)`);
    lines.push(
      `ovn-nbctl dhcp-options-set-options $dhcp lease_time=3600 router=${sub4}.1 server_id=${sub4}.1 server_mac=c0:ff:ee:00:${hex2(net)}:01`,
    );
    for (const p of vifs.slice(0, 2)) lines.push(`ovn-nbctl lsp-set-dhcpv4-options ${p.name} $dhcp`);
  }
  if (hasDhcp6) {
    lines.push(`d6=$(ovn-nbctl create DHCP_Options 'cidr="${sub6}:/64"')`);
    lines.push(
      `ovn-nbctl dhcp-options-set-options $d6 server_id=00:00:00:10:00:01${chance(0.5) ? ' dhcpv6_stateless=true' : ''}`,
    );
    lines.push(`ovn-nbctl lsp-set-dhcpv6-options ${vifs[0].name} $d6`);
  }
  if (hasDns) {
    const rec = vifs
      .slice(0, 2)
      .map((p) => `"${p.name}.ovn.org"="${[p.ip4, p.ip6].filter(Boolean).join(' ')}"`)
      .join(', ');
    lines.push(`dns=$(ovn-nbctl create DNS records='{${rec}}')`, 'ovn-nbctl add Logical_Switch sw0 dns_records $dns');
  }
  if (chance(0.4)) {
    lines.push('ovn-sbctl chassis-add hv1 geneve 172.16.0.1');
    for (const p of vifs.slice(0, 2)) lines.push(`ovn-sbctl lsp-bind ${p.name} hv1`);
  }
  // Microflows.
  const traces: string[] = [];
  const flows = (label: string, opts: string, inport: string, body: string): void => {
    traces.push(`@${label} ${opts}${opts ? ' ' : ''}sw0 'inport == "${inport}" && ${body}'`);
  };
  const srcs = ports.filter((p) => p.kind !== 'external' || chance(0.5));
  // Real ovn-trace shows either of two matching flows of one priority (hash order): with a localnet port on a
  // switch with conntrack, `ip && inport/outport == "ln"` ties with eth.mcast and nd at ls_*_pre_lb, and with
  // conntrack eth.mcast ties with nd/mld/dhcpv6 at pre_lb/pre_acl.
  const ct = stateful || hasLb;
  const tieLn = ct && hasLn;
  const addrOf = (p: Port): Port =>
    p.noAddr || p.kind === 'localnet' ? { ...p, mac: '50:54:00:99:99:99', ip4: `${sub4}.99`, ip6: `${sub6}:99` } : p;
  const ctOpts = (): string =>
    stateful || hasLb
      ? pick(['--ct=new', '--ct=new --ct=new', '--ct=est', '--ct=est,rpl', '--ct=rel', '--ct=inv', ''])
      : '';
  const next = (k: string): string => k;
  for (let t = 0; t < 22; t++) {
    const a = addrOf(pick(srcs));
    const bp = pick(ports.filter((p) => p.name !== a.name));
    const b = addrOf(bp);
    let kind = pick([
      'icmp',
      'tcp',
      'udp',
      'sctp',
      'arp-owned',
      'arp-unowned',
      'arp-other',
      'garp',
      'arp-reply',
      'unknown-mac',
      'bcast-ip',
      'mcast4',
      'mcast6',
      'ns',
      'na',
      'rs',
      'ra',
      'dhcp',
      'dhcp6',
      'dns',
      'igmp',
      'mld',
      'vlan',
      'spoof-mac',
      'spoof-ip',
      'lb',
      'icmp6',
      'tcp6',
      'ns-mcast',
      'dns6',
      'dhcp-request',
      'arp-virtual',
      'garp-reply',
      'ns-router',
      'lb',
    ] as const);
    const mcastKinds = ['bcast-ip', 'mcast4', 'mcast6', 'dhcp', 'igmp', 'mld', 'rs', 'ra', 'dhcp6'];
    if (tieLn && (mcastKinds.includes(kind) || (a.kind === 'localnet' && ['ns', 'na'].includes(kind)))) kind = 'icmp';
    if (ct && ['mld', 'rs', 'ra', 'dhcp6'].includes(kind)) kind = 'tcp';
    if (hasRouter && chance(0.15)) {
      flows(
        `arp-router`,
        '',
        a.name,
        `eth.src == ${a.mac} && eth.dst == ff:ff:ff:ff:ff:ff && arp.op == 1 && arp.sha == ${a.mac} && arp.spa == ${a.ip4 ?? `${sub4}.98`} && arp.tha == 00:00:00:00:00:00 && arp.tpa == ${sub4}.1`,
      );
      continue;
    }
    const src4 = a.ip4 ?? `${sub4}.98`;
    const dst4 = b.ip4 ?? `${sub4}.97`;
    const src6 = a.ip6 ?? `${sub6}:98`;
    const dst6 = b.ip6 ?? `${sub6}:97`;
    const eth = (dst: string, src = a.mac): string => `eth.src == ${src} && eth.dst == ${dst}`;
    const ip4 = (s: string, d: string, ttl = 64): string => `ip4.src == ${s} && ip4.dst == ${d} && ip.ttl == ${ttl}`;
    const ip6 = (s: string, d: string, ttl = 64): string => `ip6.src == ${s} && ip6.dst == ${d} && ip.ttl == ${ttl}`;
    const arp = (op: number, sha: string, spa: string, tha: string, tpa: string): string =>
      `arp.op == ${op} && arp.sha == ${sha} && arp.spa == ${spa} && arp.tha == ${tha} && arp.tpa == ${tpa}`;
    switch (kind) {
      case 'icmp':
        flows(
          next(kind),
          ctOpts(),
          a.name,
          `${eth(b.mac)} && ${ip4(src4, dst4)} && icmp4.type == 8 && icmp4.code == 0`,
        );
        break;
      case 'icmp6':
        flows(
          next(kind),
          ctOpts(),
          a.name,
          `${eth(b.mac)} && ${ip6(src6, dst6)} && icmp6.type == 128 && icmp6.code == 0`,
        );
        break;
      case 'tcp':
        flows(
          next(kind),
          ctOpts(),
          a.name,
          `${eth(b.mac)} && ${ip4(src4, dst4)} && tcp.src == 40000 && tcp.dst == ${pick([22, 80, 443, 23, 8080])} && tcp.flags == 0x002`,
        );
        break;
      case 'tcp6':
        flows(
          next(kind),
          ctOpts(),
          a.name,
          `${eth(b.mac)} && ${ip6(src6, dst6)} && tcp.src == 40000 && tcp.dst == ${pick([22, 80])} && tcp.flags == 0x002`,
        );
        break;
      case 'udp':
        flows(
          next(kind),
          ctOpts(),
          a.name,
          `${eth(b.mac)} && ${ip4(src4, dst4)} && udp.src == 40000 && udp.dst == ${pick([9999, 5000, 53])}`,
        );
        break;
      case 'sctp':
        flows(
          next(kind),
          ctOpts(),
          a.name,
          `${eth(b.mac)} && ${ip4(src4, dst4)} && sctp.src == 40000 && sctp.dst == 9000`,
        );
        break;
      case 'unknown-mac':
        flows(
          next(kind),
          ctOpts(),
          a.name,
          `${eth('50:54:00:77:77:77')} && ${ip4(src4, `${sub4}.77`)} && icmp4.type == 8 && icmp4.code == 0`,
        );
        break;
      case 'arp-owned':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${arp(1, a.mac, src4, '00:00:00:00:00:00', dst4)}`,
        );
        break;
      case 'arp-unowned':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${arp(1, a.mac, src4, '00:00:00:00:00:00', `${sub4}.77`)}`,
        );
        break;
      case 'arp-other':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${arp(1, a.mac, src4, '00:00:00:00:00:00', '192.168.99.1')}`,
        );
        break;
      case 'garp':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${arp(1, a.mac, src4, '00:00:00:00:00:00', src4)}`,
        );
        break;
      case 'arp-reply':
        flows(next(kind), '', a.name, `${eth(b.mac)} && ${arp(2, a.mac, src4, b.mac, dst4)}`);
        break;
      case 'bcast-ip':
        if (a.kind === 'localnet') break;
        flows(
          next(kind),
          stateful || hasLb ? '' : '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${ip4(src4, `${sub4}.255`)} && udp.src == 40000 && udp.dst == 5000`,
        );
        break;
      case 'mcast4':
        if (a.kind === 'localnet') break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('01:00:5e:01:01:01')} && ${ip4(src4, '239.1.1.1')} && udp.src == 5000 && udp.dst == 5001`,
        );
        break;
      case 'mcast6':
        if (a.kind === 'localnet') break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('33:33:00:00:01:01')} && ${ip6(src6, 'ff0e::101')} && udp.src == 5000 && udp.dst == 5001`,
        );
        break;
      case 'ns':
        // unicast NS only: multicast ND ties at ls_in_pre_lb in real ovn-trace
        flows(
          next(kind),
          '',
          a.name,
          `${eth(b.mac)} && ${ip6(a.lla || src6, dst6, 255)} && icmp6.type == 135 && icmp6.code == 0 && nd.target == ${dst6} && nd.sll == ${a.mac}`,
        );
        break;
      case 'dns6':
        flows(next(kind), '', a.name, `${eth(b.mac)} && ${ip6(src6, dst6)} && udp.src == 33333 && udp.dst == 53`);
        break;
      case 'dhcp-request':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${ip4(src4, '255.255.255.255')} && udp.src == 68 && udp.dst == 67`,
        );
        break;
      case 'arp-virtual':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${arp(1, a.mac, src4, '00:00:00:00:00:00', `${sub4}.150`)}`,
        );
        break;
      case 'garp-reply':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${arp(2, a.mac, src4, 'ff:ff:ff:ff:ff:ff', src4)}`,
        );
        break;
      case 'ns-router':
        if (!hasRouter) break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('00:00:00:00:' + hex2(net) + ':ff')} && ${ip6(a.lla || src6, `${sub6}:1`, 255)} && icmp6.type == 135 && icmp6.code == 0 && nd.target == ${sub6}:1 && nd.sll == ${a.mac}`,
        );
        break;
      case 'ns-mcast':
        if (ct || a.kind === 'localnet') break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('33:33:ff:00:00:01')} && ${ip6(a.lla || src6, 'ff02::1:ff00:1', 255)} && icmp6.type == 135 && icmp6.code == 0 && nd.target == ${dst6} && nd.sll == ${a.mac}`,
        );
        break;
      case 'na':
        flows(
          next(kind),
          '',
          a.name,
          `${eth(b.mac)} && ${ip6(src6, dst6, 255)} && icmp6.type == 136 && icmp6.code == 0 && nd.target == ${src6} && nd.tll == ${a.mac}`,
        );
        break;
      case 'rs':
        if (stateful || hasLb) break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('33:33:00:00:00:02')} && ${ip6(a.lla || src6, 'ff02::2', 255)} && icmp6.type == 133 && icmp6.code == 0`,
        );
        break;
      case 'ra':
        if (stateful || hasLb) break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('33:33:00:00:00:01')} && ${ip6(a.lla || src6, 'ff02::1', 255)} && icmp6.type == 134 && icmp6.code == 0`,
        );
        break;
      case 'dhcp':
        flows(
          next(kind),
          '',
          a.name,
          `${eth('ff:ff:ff:ff:ff:ff')} && ${ip4('0.0.0.0', '255.255.255.255')} && udp.src == 68 && udp.dst == 67`,
        );
        break;
      case 'dhcp6':
        if (stateful || hasLb) break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('33:33:00:01:00:02')} && ${ip6(a.lla || src6, 'ff02::1:2', 1)} && udp.src == 546 && udp.dst == 547`,
        );
        break;
      case 'dns':
        flows(next(kind), '', a.name, `${eth(b.mac)} && ${ip4(src4, dst4)} && udp.src == 33333 && udp.dst == 53`);
        break;
      case 'igmp':
        if (a.kind === 'localnet') break;
        flows(next(kind), '', a.name, `${eth('01:00:5e:00:00:16')} && ${ip4(src4, '224.0.0.22', 1)} && ip.proto == 2`);
        break;
      case 'mld':
        if (stateful || hasLb) break;
        flows(
          next(kind),
          '',
          a.name,
          `${eth('33:33:00:00:00:16')} && ${ip6(a.lla || src6, 'ff02::16', 1)} && icmp6.type == 143 && icmp6.code == 0`,
        );
        break;
      case 'vlan':
        flows(
          next(kind),
          '',
          a.name,
          `${eth(b.mac)} && vlan.tci == 0x102a && ${ip4(src4, dst4)} && icmp4.type == 8 && icmp4.code == 0`,
        );
        break;
      case 'spoof-mac':
        flows(
          next(kind),
          '',
          a.name,
          `${eth(b.mac, '50:54:00:66:66:66')} && ${ip4(src4, dst4)} && icmp4.type == 8 && icmp4.code == 0`,
        );
        break;
      case 'spoof-ip':
        flows(
          next(kind),
          '',
          a.name,
          `${eth(b.mac)} && ${ip4(`${sub4}.66`, dst4)} && icmp4.type == 8 && icmp4.code == 0`,
        );
        break;
      case 'lb':
        if (!hasLb || !lbBackends.length) break;
        {
          const be = pick(lbBackends);
          const ct = pick(['--ct=new', '--ct=est', '--ct=new --ct=new']);
          flows(
            next(kind),
            `${ct} --lb-dst=${be.ip4}:8080`,
            a.name,
            `${eth(be.mac)} && ${ip4(src4, lbVip)} && tcp.src == 40000 && tcp.dst == 80 && tcp.flags == 0x002`,
          );
          flows(
            next(`${kind}-udp`),
            `${ct} --lb-dst=${be.ip4}:8080`,
            a.name,
            `${eth(be.mac)} && ${ip4(src4, lbVip)} && udp.src == 40000 && udp.dst == 80`,
          );
          // the backend's reply to the client, and a client that is a backend itself (hairpin)
          flows(
            next(`${kind}-reply`),
            pick(['--ct=est,rpl', '--ct=est,rpl --ct=est,rpl', '--ct=est,rpl,trk']),
            be.name,
            `eth.src == ${be.mac} && eth.dst == ${a.mac} && ${ip4(be.ip4 ?? '', src4)} && tcp.src == 8080 && tcp.dst == 40000 && tcp.flags == 0x012`,
          );
          flows(
            next(`${kind}-hairpin`),
            `${ct} --lb-dst=${be.ip4}:8080`,
            be.name,
            `eth.src == ${be.mac} && eth.dst == ${a.mac} && ${ip4(be.ip4 ?? '', lbVip)} && tcp.src == 40000 && tcp.dst == 80 && tcp.flags == 0x002`,
          );
          if (lbNoPort)
            flows(
              next(`${kind}-noport`),
              `${ct} --lb-dst=${be.ip4}`,
              a.name,
              `${eth(be.mac)} && ${ip4(src4, `${sub4}.101`)} && icmp4.type == 8 && icmp4.code == 0`,
            );
          if (hasLb6) {
            const be6 = pick(lb6Backends);
            flows(
              next(`${kind}6`),
              `${ct} --lb-dst=[${be6.ip6}]:8080`,
              a.name,
              `${eth(be6.mac)} && ${ip6(src6, lbVip6)} && tcp.src == 40000 && tcp.dst == 80 && tcp.flags == 0x002`,
            );
          }
        }
        break;
    }
  }
  return { script: `${lines.join('\n')}\n`, traces: `${traces.join('\n')}\n` };
}

// Whether two outputs differ only in which of two equal-priority flows of a stage was shown: stage lines reduced to
// stage and priority, the ct_clear some of those flows carry dropped.
function onlyTies(expected: string, actual: string): boolean {
  const norm = (text: string): string =>
    text
      .split('\n')
      .filter((l) => l.trim() !== 'ct_clear;')
      .map((l) => l.replace(/^(\s*\d+\. \w+) \(northd\.c:\d+\): .*, (priority \d+), uuid \S+$/, '$1 $2'))
      .join('\n');
  return norm(maskTrace(expected)) === norm(maskTrace(actual));
}

interface Tally {
  same: number;
  total: number;
}

async function compare(dir: string, second?: string, verbose = false): Promise<void> {
  const tallies = Object.fromEntries(traceForms.map((f) => [f, { same: 0, total: 0 }])) as Record<TraceForm, Tally>;
  const other = second ? new Map(loadScenarios(second).map((s) => [s.name, s])) : undefined;
  let skipped = 0;
  let ties = 0;
  const failures: string[] = [];
  for (const s of loadScenarios(dir)) {
    const twin = other?.get(s.name);
    for (const t of s.traces) {
      const twinTrace = twin?.traces.find((x) => x.base === t.base);
      if (
        twin &&
        (!twinTrace || traceForms.some((f) => maskTrace(twinTrace.expected[f]) !== maskTrace(t.expected[f])))
      ) {
        skipped++;
        continue;
      }
      if (!/^# /.test(t.expected.detailed)) {
        skipped++;
        continue;
      }
      for (const form of traceForms) {
        const run = await runCli(['trace', s.scriptPath, ...t.args, `--${form}`]);
        const cmp = compareText(maskTrace(t.expected[form]), maskTrace(run.out));
        tallies[form].total++;
        if (cmp.identical === cmp.total) tallies[form].same++;
        else if (onlyTies(t.expected[form], run.out)) ties++;
        else {
          failures.push(`${s.name}/${t.base} ${form}`);
          if (verbose) console.log(`--- ${s.name}/${t.base} ${form}: ${t.args.join(' ')}\n${cmp.diff.join('\n')}`);
        }
      }
    }
  }
  console.log(failures.join('\n'));
  for (const form of traceForms) console.log(`${form}: ${tallies[form].same}/${tallies[form].total} identical`);
  console.log(`skipped (real ovn-trace not repeatable or did not trace): ${skipped}`);
  console.log(`differing only where two flows of one priority match (random in real ovn-trace): ${ties}`);
}

const [cmd, ...rest] = process.argv.slice(2);
if (cmd === 'gen') {
  const [seed0, count, dir] = [Number(rest[0]), Number(rest[1]), rest[2]];
  for (let i = 0; i < count; i++) {
    const seed = seed0 + i;
    const out = join(dir, `fuzz-${seed}`);
    if (!existsSync(out)) mkdirSync(out, { recursive: true });
    const { script, traces } = generate(seed);
    writeFileSync(join(out, 'script.nbctl'), script);
    writeFileSync(join(out, 'traces.txt'), traces);
  }
} else if (cmd === 'compare') {
  const verbose = rest.includes('-v');
  const dirs = rest.filter((a) => a !== '-v');
  await compare(dirs[0], dirs[1], verbose);
} else {
  console.error('usage: fuzz-trace.ts gen SEED COUNT DIR | compare DIR [DIR2] [-v]');
  process.exitCode = 2;
}
