// The flows of controller/physical.c physical_run: table 0 (VIFs, localnet patch ports, tunnels),
// 37/38 (large packets), 39 (remote output through a Geneve tunnel), 40 (local output, multicast
// fan-out), 41 (loopback check), 64 (save in_port) and 65 (logical to physical), with the per-port
// conntrack zones.
import type { Flow, Match, OfpAction } from '../openflow/flow/types.ts';
import { OFPP } from '../openflow/flow/types.ts';
import type { SbPortBinding } from '../sb/schema.gen.ts';
import type { ChassisView, LocalDatapath, OfPort } from './chassis.ts';
import { lflowCookie } from './lflow.ts';
import { emptyMatch, maskField, setField } from './match.ts';
import * as T from './tables.ts';
import { installedFlow as flow, resubmit } from './of-flow.ts';

function ones(n: number): bigint {
  return (1n << BigInt(n)) - 1n;
}

function load(field: string, value: number | bigint, ofs = 0, nBits = 32): OfpAction {
  return {
    type: 'set_field',
    field,
    value: BigInt(value) << BigInt(ofs),
    mask: ones(nBits) << BigInt(ofs),
    raw: 'set_field',
  };
}

function outportMatch(dpKey: number, portKey: number): Match {
  const m = emptyMatch();
  setField(m, T.MFF_LOG_DATAPATH, BigInt(dpKey));
  setField(m, T.MFF_LOG_OUTPORT, BigInt(portKey));
  return m;
}

function flagsMasked(m: Match, value: number, mask: number): void {
  maskField(m, T.MFF_LOG_FLAGS, BigInt(value), BigInt(mask));
}

interface Zones {
  ct?: number;
  dnat?: number;
  snat?: number;
}

export class PhysicalFlows {
  readonly flows: Flow[] = [];

  constructor(readonly view: ChassisView) {}

  private dpKey(pb: SbPortBinding): number {
    return this.view.sb.tables.Datapath_Binding.get(pb.datapath)?.tunnel_key ?? 0;
  }

  private zones(pb: SbPortBinding): Zones {
    const z = this.view.ctZones;
    return { ct: z.get(pb.logical_port), dnat: z.get(`${pb.datapath}_dnat`), snat: z.get(`${pb.datapath}_snat`) };
  }

  private putZones(z: Zones, out: OfpAction[]): void {
    if (z.ct) out.push(load(T.MFF_LOG_CT_ZONE, z.ct));
    if (z.dnat) out.push(load(T.MFF_LOG_DNAT_ZONE, z.dnat));
    if (z.snat) out.push(load(T.MFF_LOG_SNAT_ZONE, z.snat));
  }

  private ingressMetadata(pb: SbPortBinding, z: Zones, out: OfpAction[]): void {
    this.putZones(z, out);
    out.push(load(T.MFF_LOG_DATAPATH, this.dpKey(pb), 0, 64));
    out.push(load(T.MFF_LOG_INPORT, pb.tunnel_key));
  }

  private add(table: number, priority: number, cookie: bigint, match: Match, actions: OfpAction[]): void {
    this.flows.push(flow(table, priority, cookie, match, actions));
  }

  private ofportOf(kind: OfPort['kind'], peer: string): OfPort | undefined {
    return this.view.ports.find((p) => p.kind === kind && p.peer === peer);
  }

  private localnetOf(dpUuid: string): SbPortBinding | undefined {
    for (const pb of this.view.sb.tables.Port_Binding.values()) {
      if (pb.type === 'localnet' && pb.datapath === dpUuid) return pb;
    }
    return undefined;
  }

  /** put_local_common_flows: tables 40, 41 and 64 for a port delivered on this chassis. */
  private localCommon(pb: SbPortBinding, z: Zones): void {
    const dpKey = this.dpKey(pb);
    const cookie = lflowCookie(pb._uuid);
    const a40: OfpAction[] = [];
    this.putZones(z, a40);
    a40.push(resubmit(T.OFTABLE_CHECK_LOOPBACK));
    this.add(T.OFTABLE_LOCAL_OUTPUT, 100, cookie, outportMatch(dpKey, pb.tunnel_key), a40);

    const m41 = emptyMatch();
    setField(m41, T.MFF_LOG_DATAPATH, BigInt(dpKey));
    flagsMasked(m41, 0, 1 << T.MLF_ALLOW_LOOPBACK_BIT);
    setField(m41, T.MFF_LOG_INPORT, BigInt(pb.tunnel_key));
    setField(m41, T.MFF_LOG_OUTPORT, BigInt(pb.tunnel_key));
    this.add(T.OFTABLE_CHECK_LOOPBACK, 100, cookie, m41, []);

    const m64 = outportMatch(dpKey, pb.tunnel_key);
    flagsMasked(m64, 1 << T.MLF_ALLOW_LOOPBACK_BIT, 1 << T.MLF_ALLOW_LOOPBACK_BIT);
    const inPort = { field: 'in_port', ofs: 0, nBits: 16 };
    this.add(T.OFTABLE_SAVE_INPORT, 100, cookie, m64, [
      { type: 'push', subfield: inPort },
      load('in_port', OFPP.NONE, 0, 16),
      resubmit(T.OFTABLE_LOG_TO_PHY),
      { type: 'pop', subfield: inPort },
    ]);
  }

  /** put_encapsulation for Geneve, then output to the tunnel. */
  private encapsulate(dpKey: number, outport: number, out: OfpAction[]): void {
    out.push(load('tun_id', dpKey, 0, 24));
    out.push(load('tun_metadata0', outport));
    out.push({
      type: 'move',
      src: { field: T.MFF_LOG_INPORT, ofs: 0, nBits: 15 },
      dst: { field: 'tun_metadata0', ofs: 16, nBits: 15 },
    });
  }

  private tunnelTo(chassisUuid: string | undefined): OfPort | undefined {
    const name = chassisUuid ? this.view.chassisByUuid.get(chassisUuid)?.name : undefined;
    return name ? this.ofportOf('tunnel', name) : undefined;
  }

  private portBinding(pb: SbPortBinding): void {
    const view = this.view;
    const dpKey = this.dpKey(pb);
    const ld = view.localDatapaths.get(dpKey);
    if (!ld) return;
    const cookie = lflowCookie(pb._uuid);
    if (pb.type === 'patch' || (pb.type === 'l3gateway' && view.claimed(pb))) {
      const peer = pb.options.peer ? view.portByName.get(pb.options.peer) : undefined;
      if (!peer) return;
      this.localCommon(pb, this.zones(pb));
      const inner: OfpAction[] = [
        { type: 'ct_clear' },
        load(T.MFF_LOG_DNAT_ZONE, 0),
        load(T.MFF_LOG_SNAT_ZONE, 0),
        load(T.MFF_LOG_CT_ZONE, 0),
      ];
      this.ingressMetadata(peer, this.zones(peer), inner);
      inner.push(load(T.MFF_LOG_FLAGS, 0), load(T.MFF_LOG_OUTPORT, 0));
      for (let i = 0; i < T.MFF_N_LOG_REGS; i++) inner.push(load(`reg${i}`, 0));
      inner.push(resubmit(T.OFTABLE_LOG_INGRESS_PIPELINE));
      this.add(T.OFTABLE_LOG_TO_PHY, 100, cookie, outportMatch(dpKey, pb.tunnel_key), [
        { type: 'clone', actions: inner },
      ]);
      return;
    }
    if (pb.type === 'chassisredirect' && view.claimed(pb)) {
      const dist = view.portByName.get(pb.options['distributed-port'] ?? '');
      const actions: OfpAction[] = [];
      if (dist && dist.datapath === pb.datapath) {
        actions.push(load(T.MFF_LOG_OUTPORT, dist.tunnel_key));
        this.putZones(this.zones(dist), actions);
        actions.push(resubmit(T.OFTABLE_CHECK_LOOPBACK));
      }
      this.add(T.OFTABLE_LOCAL_OUTPUT, 100, cookie, outportMatch(dpKey, pb.tunnel_key), actions);
      return;
    }

    let tag = 0;
    let ofport: OfPort | undefined;
    if (pb.parent_port) return;
    if (pb.type === 'localnet' || pb.type === 'l2gateway') {
      ofport = this.ofportOf('patch', pb.logical_port);
      if (ofport && pb.tag) tag = pb.tag;
    } else {
      ofport = view.claimed(pb) || pb.type === 'localport' ? this.ofportOf('vif', pb.logical_port) : undefined;
    }
    const localnet = this.localnetOf(pb.datapath);
    let access: 'local' | 'localnet' | 'remote' = 'local';
    if (!ofport) {
      if (localnet) {
        ofport = this.ofportOf('patch', localnet.logical_port);
        if (!ofport) return;
        access = 'localnet';
      } else access = 'remote';
    }

    if (access === 'local' && ofport) {
      const z = this.zones(pb);
      this.localCommon(pb, z);
      const m0 = emptyMatch();
      setField(m0, 'in_port', BigInt(ofport.ofport));
      const a0: OfpAction[] = [];
      const vlanPort = tag || pb.type === 'localnet' || pb.type === 'l2gateway';
      if (vlanPort) {
        // match_set_dl_vlan(tag): VID and CFI.
        maskField(m0, 'vlan_tci', BigInt(0x1000 | tag), 0x1fffn);
        a0.push({ type: 'strip_vlan', raw: 'pop_vlan' });
      }
      const meta: OfpAction[] = [];
      this.ingressMetadata(pb, z, meta);
      if (pb.type === 'localport') meta.push(load(T.MFF_LOG_FLAGS, 1, T.MLF_LOCALPORT_BIT, 1));
      meta.push(resubmit(T.OFTABLE_LOG_INGRESS_PIPELINE));
      this.add(T.OFTABLE_PHY_TO_LOG, tag ? 150 : 100, cookie, m0, [...a0, ...meta]);
      if (!tag && vlanPort) {
        const untagged = emptyMatch();
        setField(untagged, 'in_port', BigInt(ofport.ofport));
        maskField(untagged, 'vlan_tci', 0n, 0x1000n);
        this.add(T.OFTABLE_PHY_TO_LOG, 100, cookie, untagged, meta);
      }
      const a65: OfpAction[] = [];
      if (tag)
        a65.push(
          { type: 'push_vlan', ethertype: 0x8100 },
          { type: 'set_field', field: 'vlan_vid', value: BigInt(0x1000 | tag), mask: 0xffffn, raw: 'set_field' },
        );
      a65.push({ type: 'output', port: ofport.ofport });
      if (tag) a65.push({ type: 'strip_vlan', raw: 'pop_vlan' });
      this.add(T.OFTABLE_LOG_TO_PHY, 100, cookie, outportMatch(dpKey, pb.tunnel_key), a65);
      if (pb.type === 'localnet') this.replaceChassisMac(pb, ld, ofport, tag, z);
      if (pb.type === 'localnet') {
        for (const bit of [T.MLF_LOCALPORT_BIT, T.MLF_LOCAL_ONLY_BIT]) {
          const m = outportMatch(dpKey, pb.tunnel_key);
          flagsMasked(m, 1 << bit, 1 << bit);
          this.add(T.OFTABLE_CHECK_LOOPBACK, 160, cookie, m, []);
        }
      }
      if (pb.type === 'localport') {
        const m = emptyMatch();
        setField(m, T.MFF_LOG_INPORT, BigInt(pb.tunnel_key));
        setField(m, T.MFF_LOG_DATAPATH, BigInt(dpKey));
        this.add(T.OFTABLE_REMOTE_OUTPUT, 150, cookie, m, [resubmit(T.OFTABLE_LOCAL_OUTPUT)]);
      }
      return;
    }
    if (access === 'localnet' && localnet) {
      this.add(T.OFTABLE_LOCAL_OUTPUT, 100, cookie, outportMatch(dpKey, pb.tunnel_key), [
        load(T.MFF_LOG_OUTPORT, localnet.tunnel_key),
        resubmit(T.OFTABLE_LOCAL_OUTPUT),
      ]);
      return;
    }
    const ha = view.haOrdered(pb);
    if (ha.length >= 2) {
      // put_remote_port_redirect_overlay_ha_remote: active/backup over the gateways' tunnels.
      const members = ha.map((c) => this.tunnelTo(c)).filter((t): t is OfPort => t !== undefined);
      if (!members.length) return;
      const actions: OfpAction[] = [];
      this.encapsulate(dpKey, pb.tunnel_key, actions);
      actions.push({
        type: 'bundle',
        fields: 'eth_src',
        basis: 0,
        algorithm: 'active_backup',
        members: members.map((t) => t.ofport),
      });
      this.add(T.OFTABLE_REMOTE_OUTPUT, 100, cookie, outportMatch(dpKey, pb.tunnel_key), actions);
      return;
    }
    const tun = this.tunnelTo(view.chassisOf(pb));
    if (!tun) return;
    const actions: OfpAction[] = [];
    this.encapsulate(dpKey, pb.tunnel_key, actions);
    actions.push({ type: 'output', port: tun.ofport }, resubmit(T.OFTABLE_LOCAL_OUTPUT));
    this.add(T.OFTABLE_REMOTE_OUTPUT, 100, cookie, outportMatch(dpKey, pb.tunnel_key), actions);
  }

  /**
   * put_replace_chassis_mac_flows: a packet from the localnet port whose source is a chassis MAC
   * (conjunction 100, clause 0 from put_chassis_mac_conj_id_flow) gets the router port's MAC back.
   */
  private replaceChassisMac(pb: SbPortBinding, ld: LocalDatapath, ofport: OfPort, tag: number, z: Zones): void {
    const conjId = 100n;
    const vlan = (m: Match) => {
      if (tag) maskField(m, 'vlan_tci', BigInt(0x1000 | tag), 0x1fffn);
      else maskField(m, 'vlan_tci', 0n, 0x1000n);
    };
    for (const { remote } of ld.peerPorts) {
      const mac = /^\s*([0-9a-fA-F:]{17})/.exec(remote.mac[0] ?? '')?.[1];
      if (!mac) continue;
      const cookie = lflowCookie(remote._uuid);
      const m = emptyMatch();
      setField(m, 'in_port', BigInt(ofport.ofport));
      setField(m, 'conj_id', conjId);
      vlan(m);
      const actions: OfpAction[] = tag ? [{ type: 'strip_vlan', raw: 'pop_vlan' }] : [];
      this.ingressMetadata(pb, z, actions);
      actions.push({ type: 'mod_dl_src', mac: BigInt(`0x${mac.replace(/:/g, '')}`) });
      actions.push(resubmit(T.OFTABLE_LOG_INGRESS_PIPELINE));
      this.add(T.OFTABLE_PHY_TO_LOG, 180, cookie, m, actions);
      const clause = emptyMatch();
      vlan(clause);
      this.add(T.OFTABLE_PHY_TO_LOG, 180, cookie, clause, [{ type: 'conjunction', id: 100, clause: 2, nClauses: 2 }]);
    }
  }

  private mcGroup(mcUuid: string): void {
    const view = this.view;
    const mc = view.sb.tables.Multicast_Group.get(mcUuid);
    if (!mc) return;
    const dp = view.sb.tables.Datapath_Binding.get(mc.datapath);
    if (!dp || !view.localDatapaths.has(dp.tunnel_key)) return;
    const local: OfpAction[] = [];
    const remote: OfpAction[] = [];
    const remoteChassis: string[] = [];
    const localnet = this.localnetOf(mc.datapath);
    for (const id of mc.ports) {
      const port = view.sb.tables.Port_Binding.get(id);
      if (!port || port.datapath !== mc.datapath) continue;
      const zone = view.ctZones.get(port.logical_port);
      if (zone) local.push(load(T.MFF_LOG_CT_ZONE, zone));
      if (port.type === 'patch') {
        remote.push(load(T.MFF_LOG_OUTPORT, port.tunnel_key), resubmit(T.OFTABLE_CHECK_LOOPBACK));
      }
      if (port.type === 'remote') continue;
      if (port.type === 'localport') {
        remote.push(load(T.MFF_LOG_OUTPORT, port.tunnel_key), resubmit(T.OFTABLE_CHECK_LOOPBACK));
      } else if (
        view.claimed(port) &&
        (this.ofportOf('vif', port.logical_port) !== undefined || port.type === 'l3gateway')
      ) {
        local.push(load(T.MFF_LOG_OUTPORT, port.tunnel_key), resubmit(T.OFTABLE_CHECK_LOOPBACK));
      } else if (this.ofportOf('patch', port.logical_port)) {
        local.push(load(T.MFF_LOG_OUTPORT, port.tunnel_key), resubmit(T.OFTABLE_CHECK_LOOPBACK));
      } else if (port.type === 'chassisredirect' && view.claimed(port)) {
        const dist = view.portByName.get(port.options['distributed-port'] ?? '');
        if (dist && dist.datapath === port.datapath) {
          local.push(load(T.MFF_LOG_OUTPORT, dist.tunnel_key), resubmit(T.OFTABLE_CHECK_LOOPBACK));
        }
      } else if (!localnet && view.chassisOf(port)) {
        const name = view.chassisByUuid.get(view.chassisOf(port) ?? '')?.name;
        if (name && !remoteChassis.includes(name)) remoteChassis.push(name);
      }
    }
    const match = () => outportMatch(dp.tunnel_key, mc.tunnel_key);
    const cookie = lflowCookie(mc._uuid);
    const hasLocal = local.length > 0;
    if (hasLocal) {
      local.push(load(T.MFF_LOG_OUTPORT, mc.tunnel_key));
      this.add(T.OFTABLE_LOCAL_OUTPUT, 100, cookie, match(), local);
    }
    if (remoteChassis.length || remote.length) {
      if (remote.length) remote.push(load(T.MFF_LOG_OUTPORT, mc.tunnel_key));
      let encapsulated = false;
      for (const name of [...remoteChassis].sort()) {
        const tun = this.ofportOf('tunnel', name);
        if (!tun) continue;
        if (!encapsulated) this.encapsulate(dp.tunnel_key, mc.tunnel_key, remote);
        encapsulated = true;
        remote.push({ type: 'output', port: tun.ofport });
      }
      if (remote.length) {
        if (hasLocal) remote.push(resubmit(T.OFTABLE_LOCAL_OUTPUT));
        this.add(T.OFTABLE_REMOTE_OUTPUT, 100, cookie, match(), remote);
      }
    }
  }

  private tunnels(): void {
    for (const tun of this.view.ports.filter((p) => p.kind === 'tunnel')) {
      const m = emptyMatch();
      setField(m, 'in_port', BigInt(tun.ofport));
      this.add(T.OFTABLE_PHY_TO_LOG, 100, 0n, m, [
        { type: 'move', src: { field: 'tun_id', ofs: 0, nBits: 24 }, dst: { field: 'metadata', ofs: 0, nBits: 24 } },
        {
          type: 'move',
          src: { field: 'tun_metadata0', ofs: 16, nBits: 15 },
          dst: { field: T.MFF_LOG_INPORT, ofs: 0, nBits: 15 },
        },
        {
          type: 'move',
          src: { field: 'tun_metadata0', ofs: 0, nBits: 16 },
          dst: { field: T.MFF_LOG_OUTPORT, ofs: 0, nBits: 16 },
        },
        resubmit(T.OFTABLE_LOCAL_OUTPUT),
      ]);
    }
  }

  private defaults(): void {
    const any = emptyMatch;
    this.add(T.OFTABLE_PHY_TO_LOG, 0, 0n, any(), []);
    this.add(T.OFTABLE_OUTPUT_LARGE_PKT_DETECT, 0, 0n, any(), [resubmit(T.OFTABLE_REMOTE_OUTPUT)]);
    const loop = any();
    flagsMasked(loop, 1 << T.MLF_ALLOW_LOOPBACK_BIT, 1 << T.MLF_ALLOW_LOOPBACK_BIT);
    this.add(T.OFTABLE_OUTPUT_LARGE_PKT_PROCESS, 10, 0n, loop, [resubmit(T.OFTABLE_LOCAL_OUTPUT)]);
    this.add(T.OFTABLE_OUTPUT_LARGE_PKT_PROCESS, 0, 0n, any(), [resubmit(T.OFTABLE_REMOTE_OUTPUT)]);
    const ramp = any();
    flagsMasked(ramp, 1 << T.MLF_RCV_FROM_RAMP_BIT, (1 << T.MLF_RCV_FROM_RAMP_BIT) | (1 << T.MLF_ALLOW_LOOPBACK_BIT));
    this.add(T.OFTABLE_REMOTE_OUTPUT, 150, 0n, ramp, [resubmit(T.OFTABLE_LOCAL_OUTPUT)]);
    const localOnly = any();
    flagsMasked(localOnly, 1 << T.MLF_LOCAL_ONLY_BIT, 1 << T.MLF_LOCAL_ONLY_BIT);
    this.add(T.OFTABLE_REMOTE_OUTPUT, 150, 0n, localOnly, [resubmit(T.OFTABLE_LOCAL_OUTPUT)]);
    this.add(T.OFTABLE_REMOTE_OUTPUT, 0, 0n, any(), [resubmit(T.OFTABLE_LOCAL_OUTPUT)]);
    this.add(T.OFTABLE_LOCAL_OUTPUT, 0, 0n, any(), []);
    const clear: OfpAction[] = [];
    for (let i = 0; i < T.MFF_N_LOG_REGS; i++) clear.push(load(`reg${i}`, 0));
    clear.push(resubmit(T.OFTABLE_LOG_EGRESS_PIPELINE));
    this.add(T.OFTABLE_CHECK_LOOPBACK, 0, 0n, any(), clear);
    this.add(T.OFTABLE_SAVE_INPORT, 0, 0n, any(), [resubmit(T.OFTABLE_LOG_TO_PHY)]);
    this.add(T.OFTABLE_LOG_TO_PHY, 0, 0n, any(), []);
  }

  run(): Flow[] {
    for (const pb of this.view.sb.tables.Port_Binding.values()) this.portBinding(pb);
    for (const uuid of this.view.sb.tables.Multicast_Group.keys()) this.mcGroup(uuid);
    this.tunnels();
    this.defaults();
    return this.flows;
  }
}
