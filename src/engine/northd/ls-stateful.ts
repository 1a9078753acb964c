// Switch QoS, load balancing, stateful and hairpin stages (northd.c build_qos, build_stateful,
// build_lb_hairpin, build_vtep_hairpin, build_lswitch_flows_for_lb, build_lb_rules*).
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import { svcMonitorOf, type LbBackend, type LbVip, type NorthdLb } from './lb.ts';
import { buildLbAffinityFlows } from './ls-lb-affinity.ts';
import { lspIsEnabled, type Od } from './model.ts';
import { stageById } from './stages.ts';

export function buildQos(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInQosMark', 0, '1', 'next;', 7005);
  addFlow(ctx, od, 'lsOutQosMark', 0, '1', 'next;', 7006);
  addFlow(ctx, od, 'lsInQosMeter', 0, '1', 'next;', 7007);
  addFlow(ctx, od, 'lsOutQosMeter', 0, '1', 'next;', 7008);
  for (const u of od.nbs?.qos_rules ?? []) {
    const qos = ctx.model.nb.tables.QoS.get(u);
    if (!qos) continue;
    const ingress = qos.direction === 'from-lport';
    if (qos.action.dscp !== undefined) {
      addFlow(
        ctx,
        od,
        ingress ? 'lsInQosMark' : 'lsOutQosMark',
        qos.priority,
        qos.match,
        `ip.dscp = ${qos.action.dscp}; next;`,
        7022,
        qos._uuid,
      );
    }
    const rate = qos.bandwidth.rate ?? 0;
    const burst = qos.bandwidth.burst ?? 0;
    if (rate) {
      const action = burst ? `set_meter(${rate}, ${burst}); next;` : `set_meter(${rate}); next;`;
      addFlow(ctx, od, ingress ? 'lsInQosMeter' : 'lsOutQosMeter', qos.priority, qos.match, action, 7053, qos._uuid);
    }
  }
}

export function buildStateful(ctx: BuildContext, od: Od): void {
  const blocked = ctx.model.features.ctNoMaskedLabel ? 'ct_mark.blocked' : 'ct_label.blocked';
  addFlow(ctx, od, 'lsInLb', 0, '1', 'next;', 7579);
  addFlow(ctx, od, 'lsInStateful', 0, '1', 'next;', 7580);
  addFlow(ctx, od, 'lsOutStateful', 0, '1', 'next;', 7581);
  const withLabel = `ct_commit { ${blocked} = 0; ct_label.label = reg3; }; next;`;
  addFlow(ctx, od, 'lsInStateful', 100, 'reg0[1] == 1 && reg0[13] == 1', withLabel, 7592);
  addFlow(ctx, od, 'lsOutStateful', 100, 'reg0[1] == 1 && reg0[13] == 1', withLabel, 7596);
  const plain = `ct_commit { ${blocked} = 0; }; next;`;
  addFlow(ctx, od, 'lsInStateful', 100, 'reg0[1] == 1 && reg0[13] == 0', plain, 7607);
  addFlow(ctx, od, 'lsOutStateful', 100, 'reg0[1] == 1 && reg0[13] == 0', plain, 7611);
}

export function buildLbHairpin(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInPreHairpin', 0, '1', 'next;', 7624);
  addFlow(ctx, od, 'lsInNatHairpin', 0, '1', 'next;', 7625);
  addFlow(ctx, od, 'lsInHairpin', 0, '1', 'next;', 7626);
  if (!od.hasLbVip) return;
  const hint = od.nbs?._uuid;
  addFlow(
    ctx,
    od,
    'lsInPreHairpin',
    100,
    'ip && ct.trk',
    'reg0[6] = chk_lb_hairpin(); reg0[12] = chk_lb_hairpin_reply(); next;',
    7633,
    hint,
  );
  addFlow(
    ctx,
    od,
    'lsInNatHairpin',
    100,
    'ip && ct.new && ct.trk && reg0[6] == 1',
    'ct_snat_to_vip; next;',
    7642,
    hint,
  );
  addFlow(ctx, od, 'lsInNatHairpin', 100, 'ip && ct.est && ct.trk && reg0[6] == 1', 'ct_snat;', 7651, hint);
  addFlow(ctx, od, 'lsInNatHairpin', 90, 'ip && reg0[12] == 1', 'ct_snat;', 7658, hint);
  addFlow(
    ctx,
    od,
    'lsInHairpin',
    1,
    '(reg0[6] == 1 || reg0[12] == 1)',
    'eth.dst <-> eth.src; outport = inport; flags.loopback = 1; output;',
    7667,
  );
}

export function buildVtepHairpin(ctx: BuildContext, od: Od): void {
  if (!od.hasVtepLports) return;
  addFlow(
    ctx,
    od,
    'lsInHairpin',
    1000,
    'reg0[14] == 1',
    `next(pipeline=ingress, table=${stageById.lsInL2Lkup.table});`,
    7688,
  );
  for (const rp of od.routerPorts) {
    const peer = rp.peer;
    if (peer?.crPort) {
      addFlow(
        ctx,
        od,
        'lsInHairpin',
        2000,
        `reg0[14] == 1 && is_chassis_resident(${peer.crPort.jsonKey})`,
        'next;',
        7705,
      );
    }
  }
}

function backendList(vip: LbVip): string {
  return vip.backendIps;
}

/** The backends text of ct_lb_mark and how many are active (health-checked VIPs list only monitored ones). */
export function vipBackends(ctx: BuildContext, lb: NorthdLb, vip: LbVip): { backends: string; active: number } {
  if (!vip.healthCheck) return { backends: backendList(vip), active: vip.backends.length };
  const up = vip.backends.filter((b) => backendIsMonitored(ctx, lb, b));
  return {
    backends: up.map((b) => (b.ipv6 ? `[${b.ipStr}]:${b.port}` : `${b.ipStr}:${b.port}`)).join(','),
    active: up.length,
  };
}

/** A health-checked backend counts while its Service_Monitor is not reported offline (never, here). */
function backendIsMonitored(ctx: BuildContext, lb: NorthdLb, b: LbBackend): boolean {
  const mon = svcMonitorOf(lb.nlb, b);
  const op = mon ? ctx.model.ports.get(mon.port) : undefined;
  return !!mon?.srcIp && !!op?.nbsp && lspIsEnabled(op.nbsp);
}

/** build_lswitch_arp_nd_service_monitor: answer ARP/ND for the health-check source IPs. */
export function buildServiceMonitorResponders(ctx: BuildContext, lb: NorthdLb): void {
  const mac = ctx.model.options.svcMonitorMac;
  for (const vip of lb.vips) {
    if (!vip.healthCheck) continue;
    for (const b of vip.backends) {
      const mon = svcMonitorOf(lb.nlb, b);
      const op = mon ? ctx.model.ports.get(mon.port) : undefined;
      if (!mon?.srcIp || !op) continue;
      const ip = mon.srcIp;
      const [match, actions] = vip.ipv6
        ? [
            `nd_ns && nd.target == ${ip}`,
            `nd_na { eth.dst = eth.src; eth.src = ${mac}; ip6.src = ${ip}; nd.target = ${ip}; nd.tll = ${mac}; outport = inport; flags.loopback = 1; output; };`,
          ]
        : [
            `arp.tpa == ${ip} && arp.op == 1`,
            `eth.dst = eth.src; eth.src = ${mac}; arp.op = 2; /* ARP reply */ arp.tha = arp.sha; arp.sha = ${mac}; arp.tpa = arp.spa; arp.spa = ${ip}; outport = inport; flags.loopback = 1; output;`,
          ];
      addFlow(ctx, op.od, 'lsInArpRsp', 110, match, actions, 8790, lb.nlb._uuid);
    }
  }
}

/** build_lb_vip_actions for a switch datapath: the ct_lb_mark / reject / drop action text. */
function lbVipAction(ctx: BuildContext, lb: NorthdLb, vip: LbVip): { action: string; plain: boolean } {
  const ctLb = ctx.model.features.ctNoMaskedLabel ? 'ct_lb_mark' : 'ct_lb';
  const { backends, active } = vipBackends(ctx, lb, vip);
  const reject = active === 0 && vip.emptyBackendRej;
  const drop = active === 0 && !vip.emptyBackendRej;
  if (reject) {
    return {
      action: `reg0 = 0; reject { outport <-> inport; next(pipeline=egress,table=${stageById.lsOutQosMark.table});};`,
      plain: true,
    };
  }
  // A reject or drop replaces the whole action text (ds_clear), the reg0[1] reset included.
  if (drop) return { action: DROP, plain: true };
  let action = `${ctLb}(backends=${backends}`;
  if (lb.selectionFields) action += `; hash_fields="${lb.selectionFields}"`;
  return { action: `${action});`, plain: false };
}

function emptyLbEventFlow(ctx: BuildContext, lb: NorthdLb, vip: LbVip): { match: string; action: string } | undefined {
  const controllerEvent = lb.controllerEvent || ctx.model.options.controllerEvent;
  if (!controllerEvent || vip.backends.length > 0 || vip.emptyBackendRej) return undefined;
  const af = vip.ipv6 ? '6' : '4';
  let match = `ip${af}.dst == ${vip.vipStr} && ${lb.proto}`;
  let vipText = vip.vipStr;
  if (vip.portStr) {
    match += ` && ${lb.proto}.dst == ${vip.portStr}`;
    vipText = vip.ipv6 ? `[${vip.vipStr}]:${vip.portStr}` : `${vip.vipStr}:${vip.portStr}`;
  }
  const action = `trigger_event(event = "empty_lb_backends", vip = "${vipText}", protocol = "${lb.proto}", load_balancer = "${lb.nlb._uuid}");`;
  return { match, action };
}

/** Load balancer flows of one switch (pre-LB event, pre-stateful VIP capture, LB). */
export function buildSwitchLbFlows(ctx: BuildContext, od: Od): void {
  for (const lb of od.lbs) {
    const hint = lb.nlb._uuid;
    for (const vip of lb.vips) {
      const ev = emptyLbEventFlow(ctx, lb, vip);
      if (ev) addFlow(ctx, od, 'lsInPreLb', 130, ev.match, ev.action, 10805, hint);
    }
    for (const vip of lb.vips) {
      const ip = vip.ipv6 ? 'ip6' : 'ip4';
      let action = vip.ipv6 ? `xxreg1 = ${vip.vipStr}; ` : `reg1 = ${vip.vipStr}; `;
      let proto = 'tcp';
      if (vip.portStr) {
        proto = lb.nlb.protocol === 'udp' ? 'udp' : lb.nlb.protocol === 'sctp' ? 'sctp' : 'tcp';
        action += `reg2[0..15] = ${vip.portStr}; `;
      }
      action += ctx.model.features.ctNoMaskedLabel ? 'ct_lb_mark;' : 'ct_lb;';
      let match = `reg0[2] == 1 && ${ip}.dst == ${vip.vipStr}`;
      if (vip.portStr) match += ` && ${proto}.dst == ${vip.portStr}`;
      addFlow(ctx, od, 'lsInPreStateful', 120, match, action, 7115, hint);
    }
    for (const vip of lb.vips) {
      const ip = vip.ipv6 ? 'ip6' : 'ip4';
      const { action, plain } = lbVipAction(ctx, lb, vip);
      let match = `ct.new && ${ip}.dst == ${vip.vipStr}`;
      let priority = 110;
      if (vip.portStr) {
        match += ` && ${lb.proto}.dst == ${vip.portStr}`;
        priority = 120;
      }
      buildLbAffinityFlows(ctx, od, lb, vip);
      addFlow(ctx, od, 'lsInLb', priority, match, plain ? action : `reg0[1] = 0; ${action}`, 7558, hint);
    }
  }
}
