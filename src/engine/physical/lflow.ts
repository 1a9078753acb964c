// Logical flows → OpenFlow flows on one chassis, as controller/lflow.c consider_logical_flow__ does:
// only local datapaths; actions parsed and their prerequisites ANDed into the match; the match
// annotated, simplified, is_chassis_resident() answered for this chassis, normalized and turned into
// matches; flows on a switch that name a port not related to this chassis are skipped.
import { parseActions } from '../actions/index.ts';
import type { Action } from '../actions/ast.ts';
import { annotateExpr } from '../expr/annotate.ts';
import { buildExpr, combine, type OvnExpr } from '../expr/expr.ts';
import { evaluateConditions, normalizeExpr, simplifyExpr } from '../expr/normalize.ts';
import { parseExpr } from '../expr/parser.ts';
import type { Flow, OfpAction } from '../openflow/flow/types.ts';
import type { SbLogicalFlow, SbPortBinding } from '../sb/schema.gen.ts';
import { haActive, haContains, lportKey, type ChassisView, type LocalDatapath } from './chassis.ts';
import { encodeActions } from './encode.ts';
import { exprToMatches } from './expr-to-matches.ts';
import { fieldValue, setField } from './match.ts';
import type { GroupTable } from './groups.ts';
import * as T from './tables.ts';
import { installedFlow } from './of-flow.ts';

export interface LflowFlows {
  flows: Flow[];
  /** Logical actions that could not be encoded, per lflow (the flows are then left out). */
  unsupported: { lflow: string; actions: string[] }[];
}

/** The cookie ovn-controller gives a flow: the first 32 bits of the lflow's UUID. */
export function lflowCookie(uuid: string): bigint {
  return BigInt(`0x${uuid.slice(0, 8)}`);
}

function datapathsOf(view: ChassisView, lflow: SbLogicalFlow): LocalDatapath[] {
  const uuids = lflow.logical_datapath
    ? [lflow.logical_datapath]
    : (view.sb.tables.Logical_DP_Group.get(lflow.logical_dp_group ?? '')?.datapaths ?? []);
  const out: LocalDatapath[] = [];
  for (const u of uuids) {
    const dp = view.sb.tables.Datapath_Binding.get(u);
    const ld = dp ? view.localDatapaths.get(dp.tunnel_key) : undefined;
    if (ld) out.push(ld);
  }
  return out;
}

/** is_chassis_resident_cb. */
function chassisResident(view: ChassisView, port: string): boolean {
  const pb = view.portByName.get(port);
  if (!pb) return false;
  if (pb.type !== 'chassisredirect') return view.claimed(pb);
  return haContains(view.sb, pb, view.chassis._uuid) && haActive(view.sb, pb, view.chassis._uuid);
}

function lookupPortIn(view: ChassisView, dpUuid: string): (name: string) => number | undefined {
  return (name) => {
    if (name === 'none') return 0;
    const pb: SbPortBinding | undefined = view.portByName.get(name);
    if (pb && pb.datapath === dpUuid) return pb.tunnel_key;
    for (const mg of view.sb.tables.Multicast_Group.values()) {
      if (mg.datapath === dpUuid && mg.name === name) return mg.tunnel_key;
    }
    return undefined;
  };
}

function setContext(view: ChassisView, dpKey: number) {
  const addressSets: Record<string, string[]> = {};
  for (const as of view.sb.tables.Address_Set.values()) addressSets[as.name] = as.addresses;
  // port_groups_cs_local: only the ports related to this chassis.
  const portGroups: Record<string, string[]> = {};
  for (const pg of view.sb.tables.Port_Group.values())
    portGroups[pg.name] = pg.ports.filter((p) => view.relatedNames.has(p));
  return { addressSets, portGroups, datapathKey: dpKey };
}

function matchExpr(text: string, prereqs: string[], ctx: ReturnType<typeof setContext>): OvnExpr | undefined {
  const parsed = parseExpr(text, ctx);
  if (!parsed.ok) return undefined;
  let e: OvnExpr | undefined = buildExpr(parsed.value, ctx);
  for (const p of prereqs) {
    const pp = parseExpr(p, ctx);
    if (pp.ok) e = combine('and', e, buildExpr(pp.value, ctx));
  }
  if (!e) return undefined;
  const annotated = annotateExpr(e);
  return annotated.ok ? simplifyExpr(annotated.value) : undefined;
}

export interface ConvertState {
  groups: GroupTable;
  nextConjId: number;
}

export function lflowsToFlows(view: ChassisView, state: ConvertState): LflowFlows {
  const flows: Flow[] = [];
  const unsupported: { lflow: string; actions: string[] }[] = [];
  for (const lflow of view.sb.tables.Logical_Flow.values()) {
    const lds = datapathsOf(view, lflow);
    if (!lds.length) continue;
    const ioPort = lflow.tags.in_out_port;
    const ingress = lflow.pipeline === 'ingress';
    const ptable = (ingress ? T.OFTABLE_LOG_INGRESS_PIPELINE : T.OFTABLE_LOG_EGRESS_PIPELINE) + lflow.table_id;
    const parsed = parseActions(lflow.actions, { pipeline: ingress ? 'ingress' : 'egress', table: lflow.table_id });
    if (!parsed.ok) continue;
    for (const ld of lds) {
      if (ioPort) {
        const pb = view.portByName.get(ioPort);
        if (!pb || !view.relatedIds.has(lportKey(ld.dp.tunnel_key, pb.tunnel_key))) continue;
      }
      const ctx = setContext(view, ld.dp.tunnel_key);
      const simplified = matchExpr(lflow.match, parsed.prereqs, ctx);
      if (!simplified) continue;
      const normalized = normalizeExpr(evaluateConditions(simplified, (p) => chassisResident(view, p)));
      const lookupPort = lookupPortIn(view, ld.dp._uuid);
      const { matches, nConjs } = exprToMatches(normalized, lookupPort);
      if (!matches.length) continue;
      const enc = encodeActions(parsed.actions as Action[], {
        isSwitch: ld.isSwitch,
        pipeline: ingress ? 'ingress' : 'egress',
        outputPtable: ingress ? T.OFTABLE_OUTPUT_INIT : T.OFTABLE_SAVE_INPORT,
        lookupPort,
        assignGroup: (spec) => state.groups.assign(spec),
        commonNatZone: ld.dp.external_ids['snat-ct-zone'] !== undefined ? T.MFF_LOG_SNAT_ZONE : T.MFF_LOG_DNAT_ZONE,
      });
      if (enc.unsupported.length) {
        unsupported.push({ lflow: lflow._uuid, actions: enc.unsupported });
        continue;
      }
      const conjBase = state.nextConjId - 1;
      state.nextConjId += nConjs;
      const cookie = lflowCookie(lflow._uuid);
      for (const m of matches) {
        setField(m.match, T.MFF_LOG_DATAPATH, BigInt(ld.dp.tunnel_key));
        if (ld.isSwitch) {
          const portId = Number(fieldValue(m.match, ingress ? T.MFF_LOG_INPORT : T.MFF_LOG_OUTPORT));
          if (portId && !view.relatedIds.has(lportKey(ld.dp.tunnel_key, portId))) continue;
        }
        if (m.match.slots.conj_id) m.match.slots.conj_id.value += BigInt(conjBase);
        const actions: OfpAction[] = m.conjunctions.length
          ? m.conjunctions.map((c) => ({
              type: 'conjunction',
              id: c.id + conjBase,
              clause: c.clause + 1,
              nClauses: c.nClauses,
            }))
          : enc.actions;
        flows.push(installedFlow(ptable, lflow.priority, m.conjunctions.length ? 0n : cookie, m.match, actions));
      }
    }
  }
  return { flows, unsupported };
}
