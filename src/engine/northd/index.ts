// ovn-northd in TypeScript: turns a World (Northbound database + physical facts) into the
// Southbound database real ovn-northd 23.03.1 would write, logical flows included.
import { emptySbDatabase, type SbDatabase } from '../sb/database.ts';
import { deterministicUuid } from '../sb/uuid.ts';
import type { World } from '../nb/world.ts';
import type { BuildContext } from './build-context.ts';
import { LflowTable, type Lflow } from './flow-table.ts';
import { buildAclHints, buildAcls } from './ls-acl.ts';
import {
  buildArpNdResponderDefault,
  buildArpNdResponderKnownIps,
  buildArpNdResponderSkipLocal,
  buildFwdGroupFlows,
} from './ls-arp-nd.ts';
import {
  buildDhcpAndDnsDefaults,
  buildDhcpOptionsAndResponse,
  buildDnsLookupAndResponse,
  buildExternalPort,
} from './ls-dhcp-dns.ts';
import {
  buildDestinationLookupBmcast,
  buildIpUnicastLookup,
  buildLswitchFlows,
  computeHasUnknown,
} from './ls-l2-lookup.ts';
import {
  buildAdmissionControl,
  buildLearnFdbOd,
  buildLearnFdbOp,
  buildOutputPortSecOd,
  buildPortSecOp,
} from './ls-port-sec.ts';
import { buildPreAcls, buildPreLb, buildPreStateful } from './ls-pre-acl.ts';
import {
  buildLbHairpin,
  buildQos,
  buildServiceMonitorResponders,
  buildStateful,
  buildSwitchLbFlows,
  buildVtepHairpin,
} from './ls-stateful.ts';
import {
  buildAdmCtrlFlowsForRouter,
  buildAdmCtrlFlowsForRouterPort,
  buildIpRoutingPreFlowsForRouter,
  buildNdRaFlowsForRouter,
  buildNdRaFlowsForRouterPort,
  buildNeighLearningFlowsForRouter,
  buildNeighLearningFlowsForRouterPort,
} from './lr-admission.ts';
import {
  buildDhcpv6ReplyFlows,
  buildIpv4InputFlows,
  buildIpv6InputFlows,
  buildMiscLocalTrafficDropFlows,
} from './lr-ip-input.ts';
import { buildRouterLbArpFlows, buildRouterLbFlows } from './lr-lb.ts';
import { buildNatArpNdFlows, buildRouterNatFlows, natEntries } from './lr-nat.ts';
import {
  buildArpRequestFlows,
  buildArpResolveFlowsForPort,
  buildArpResolveFlowsForRouter,
  buildCheckPktLenFlows,
  buildEgressDeliveryFlows,
  buildGatewayRedirectFlows,
  buildNatDefragDefaults,
} from './lr-arp-egress.ts';
import {
  buildIngressPolicyFlows,
  buildIpRoutingFlowsForRouterPort,
  buildRoutableAddressRoutes,
  buildMcastLookupFlows,
  buildStaticRouteFlows,
} from './lr-routing.ts';
import { buildModel, smapGetBool, type NorthdModel, type Od } from './model.ts';
import { addSbRows, datapathUuid } from './sb-rows.ts';
import { buildRouterBfdFlows } from './lr-bfd.ts';
import { stageById } from './stages.ts';

export type { Lflow } from './flow-table.ts';
export { STAGES, stageAt, stageById, stageByName, stagesOf, type Stage, type StageId } from './stages.ts';

/** build_lswitch_and_lrouter_iterate_by_od for a switch, then its ports, then its load balancers. */
export function buildSwitchFlows(ctx: BuildContext, od: Od): void {
  const nbs = od.nbs;
  if (!nbs) return;
  computeHasUnknown(od);
  od.mcast.floodStatic = od.ports.some(
    (op) => op.nbsp && op.nbsp.enabled !== false && smapGetBool(op.nbsp.options, 'mcast_flood', false),
  );
  buildPreAcls(ctx, od);
  buildPreLb(ctx, od);
  buildPreStateful(ctx, od);
  buildAclHints(ctx, od);
  buildAcls(ctx, od);
  buildQos(ctx, od);
  buildStateful(ctx, od);
  buildLbHairpin(ctx, od);
  buildVtepHairpin(ctx, od);
  buildFwdGroupFlows(ctx, od);
  buildAdmissionControl(ctx, od);
  buildLearnFdbOd(ctx, od);
  buildArpNdResponderDefault(ctx, od);
  buildDnsLookupAndResponse(ctx, od);
  buildDhcpAndDnsDefaults(ctx, od);
  buildDestinationLookupBmcast(ctx, od);
  buildOutputPortSecOd(ctx, od);
  for (const op of od.ports) {
    buildPortSecOp(ctx, op);
    buildLearnFdbOp(ctx, op);
    buildArpNdResponderSkipLocal(ctx, op);
    buildArpNdResponderKnownIps(ctx, op);
    buildDhcpOptionsAndResponse(ctx, op);
    buildExternalPort(ctx, op);
    buildIpUnicastLookup(ctx, op);
  }
  buildSwitchLbFlows(ctx, od);
  buildLswitchFlows(ctx, od);
  addLbAffinityDefaults(ctx, od);
}

function addLbAffinityDefaults(ctx: BuildContext, od: Od): void {
  ctx.table.add(od.uuid, 'lsInLbAffCheck', 0, '1', 'next;', 7486);
  ctx.table.add(od.uuid, 'lsInLbAffLearn', 0, '1', 'next;', 7487);
}

/** The router pipeline (lr_*): admission, neighbour learning, IP input, NAT, load balancers, routing, ARP resolution and delivery. */
export function buildRouterFlows(ctx: BuildContext, od: Od): void {
  if (!od.nbr) return;
  buildAdmCtrlFlowsForRouter(ctx, od);
  buildNeighLearningFlowsForRouter(ctx, od);
  buildNdRaFlowsForRouter(ctx, od);
  buildIpRoutingPreFlowsForRouter(ctx, od);
  buildStaticRouteFlows(ctx, od);
  buildMcastLookupFlows(ctx, od);
  buildIngressPolicyFlows(ctx, od);
  buildArpResolveFlowsForRouter(ctx, od);
  buildCheckPktLenFlows(ctx, od);
  buildGatewayRedirectFlows(ctx, od);
  buildArpRequestFlows(ctx, od);
  buildMiscLocalTrafficDropFlows(ctx, od);
  buildNatDefragDefaults(ctx, od);
  const nats = natEntries(ctx, od);
  buildNatArpNdFlows(ctx, od, nats);
  buildRouterNatFlows(ctx, od, nats);
  buildRouterLbFlows(ctx, od);
  ctx.table.add(od.uuid, 'lrInLbAffCheck', 0, '1', 'next;', 7490);
  ctx.table.add(od.uuid, 'lrInLbAffLearn', 0, '1', 'next;', 7491);
  for (const op of od.ports) {
    buildAdmCtrlFlowsForRouterPort(ctx, op);
    buildNeighLearningFlowsForRouterPort(ctx, op);
    buildIpRoutingFlowsForRouterPort(ctx, op);
    buildNdRaFlowsForRouterPort(ctx, op);
    buildArpResolveFlowsForPort(ctx, op);
    buildEgressDeliveryFlows(ctx, op);
    buildDhcpv6ReplyFlows(ctx, op);
    buildIpv6InputFlows(ctx, op);
    buildIpv4InputFlows(ctx, op);
    buildRouterBfdFlows(ctx, op);
    buildRouterLbArpFlows(ctx, op);
  }
}

/** Router-side flows that switch ports create (ARP resolution of VM addresses on the router). */
export function buildRouterFlowsFromSwitchPorts(ctx: BuildContext, od: Od): void {
  if (!od.nbs) return;
  const sub: BuildContext = { ...ctx, origin: od.uuid };
  for (const op of od.ports) buildArpResolveFlowsForPort(sub, op);
  for (const op of od.ports) buildRoutableAddressRoutes(sub, op);
}

/** All logical flows of a model, per datapath. */
export function buildLflows(model: NorthdModel): LflowTable {
  const table = new LflowTable();
  const ctx: BuildContext = { model, table };
  for (const od of model.datapaths) buildSwitchFlows(ctx, od);
  for (const od of model.datapaths) buildRouterFlows(ctx, od);
  for (const od of model.datapaths) buildRouterFlowsFromSwitchPorts(ctx, od);
  for (const lb of model.lbs) buildServiceMonitorResponders(ctx, lb);
  return table;
}

/** One Logical_Flow row per (datapath, flow); lflow-list output is the same as with datapath groups. */
export function addLogicalFlows(model: NorthdModel, table: LflowTable, sb: SbDatabase): void {
  for (const od of model.datapaths) addDatapathFlows(od, table, sb);
}

/** The Logical_Flow rows of one datapath (only those another datapath caused, given its uuid). */
export function addDatapathFlows(od: Od, table: LflowTable, sb: SbDatabase, origin?: string): void {
  const dpUuid = datapathUuid(od);
  for (const flow of origin === undefined ? table.flowsOf(od.uuid) : table.flowsFrom(od.uuid, origin)) {
    const row = logicalFlowRow(flow, dpUuid);
    sb.tables.Logical_Flow.set(row._uuid, row);
  }
}

/** The SB uuid a flow of this datapath gets (derived from its content, so removals need no lookup). */
export function logicalFlowUuid(flow: Lflow, od: Od): string {
  return logicalFlowRow(flow, datapathUuid(od))._uuid;
}

function logicalFlowRow(
  flow: Lflow,
  dpUuid: string,
): SbDatabase['tables']['Logical_Flow'] extends Map<string, infer R> ? R : never {
  const stage = stageById[flow.stage];
  const externalIds: Record<string, string> = { source: `northd.c:${flow.line}`, 'stage-name': stage.name };
  if (flow.hint) externalIds['stage-hint'] = flow.hint;
  const uuid = deterministicUuid(`Logical_Flow/${dpUuid}/${stage.name}/${flow.priority}/${flow.match}/${flow.actions}`);
  return {
    _uuid: uuid,
    actions: flow.actions,
    external_ids: externalIds,
    logical_datapath: dpUuid,
    match: flow.match,
    pipeline: stage.pipeline,
    priority: flow.priority,
    table_id: stage.table,
    tags: {},
    ...(flow.meter ? { controller_meter: flow.meter } : {}),
  };
}

/** ovn-northd: the Southbound database for a World. */
export function runNorthd(world: World): SbDatabase {
  const model = buildModel(world);
  const sb = emptySbDatabase();
  addSbRows(model, sb);
  addLogicalFlows(model, buildLflows(model), sb);
  return sb;
}
