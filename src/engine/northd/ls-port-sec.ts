// Switch admission control, port security and FDB learning (northd.c
// build_lswitch_lflows_admission_control, build_lswitch_port_sec_op, build_lswitch_learn_fdb_*,
// build_lswitch_output_port_sec_od).
import { addFlow, DROP, type BuildContext } from './build-context.ts';
import { lspIsEnabled, lspIsExternal, lspIsLocalnet, lspIsVtep, smapGetBool, type Od, type Op } from './model.ts';
import { stageById } from './stages.ts';

export function buildAdmissionControl(ctx: BuildContext, od: Od): void {
  if (!od.nbs) return;
  if (!smapGetBool(od.nbs.other_config, 'vlan-passthru', false)) {
    addFlow(ctx, od, 'lsInCheckPortSec', 100, 'vlan.present', DROP, 8424);
  }
  addFlow(ctx, od, 'lsInCheckPortSec', 100, 'eth.src[40]', DROP, 8429);
  addFlow(ctx, od, 'lsInCheckPortSec', 50, '1', 'reg0[15] = check_in_port_sec(); next;', 8432);
  addFlow(ctx, od, 'lsInApplyPortSec', 50, 'reg0[15] == 1', DROP, 8435);
  addFlow(ctx, od, 'lsInApplyPortSec', 0, '1', 'next;', 8438);
}

export function buildPortSecOp(ctx: BuildContext, op: Op): void {
  const lsp = op.nbsp;
  if (!lsp || lspIsExternal(lsp)) return;
  const od = op.od;
  const match = `inport == ${op.jsonKey}`;
  if (!lspIsEnabled(lsp)) {
    addFlow(ctx, od, 'lsInCheckPortSec', 100, match, 'reg0[15] = 1; next;', 5673, lsp._uuid);
    addFlow(ctx, od, 'lsInL2Unknown', 50, `outport == ${op.jsonKey}`, DROP, 5680, lsp._uuid);
    return;
  }
  const queueId = op.qdiscQueueId;
  let actions = queueId ? `set_queue(${queueId}); ` : '';
  if (lspIsVtep(lsp)) {
    actions += `reg0[14] = 1; next(pipeline=ingress, table=${stageById.lsInHairpin.table});`;
    addFlow(ctx, od, 'lsInCheckPortSec', 70, match, actions, 5695, lsp._uuid);
  } else if (queueId) {
    actions += 'reg0[15] = check_in_port_sec(); next;';
    addFlow(ctx, od, 'lsInCheckPortSec', 70, match, actions, 5702, lsp._uuid);
    if (lspIsLocalnet(lsp)) {
      addFlow(
        ctx,
        od,
        'lsOutApplyPortSec',
        100,
        `outport == ${op.jsonKey}`,
        `set_queue(${queueId}); output;`,
        5712,
        lsp._uuid,
      );
    }
  }
}

export function buildLearnFdbOp(ctx: BuildContext, op: Op): void {
  const lsp = op.nbsp;
  if (!lsp) return;
  const canLearn = lsp.type === '' || (lspIsLocalnet(lsp) && smapGetBool(lsp.options, 'localnet_learn_fdb', false));
  if (op.psAddrs.length === 0 && op.hasUnknown && canLearn) {
    const match = `inport == ${op.jsonKey}`;
    addFlow(ctx, op.od, 'lsInLookupFdb', 100, match, 'reg0[11] = lookup_fdb(inport, eth.src); next;', 5736, lsp._uuid);
    addFlow(
      ctx,
      op.od,
      'lsInPutFdb',
      100,
      `${match} && reg0[11] == 0`,
      'put_fdb(inport, eth.src); next;',
      5744,
      lsp._uuid,
    );
  }
}

export function buildLearnFdbOd(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsInLookupFdb', 0, '1', 'next;', 5757);
  addFlow(ctx, od, 'lsInPutFdb', 0, '1', 'next;', 5758);
}

export function buildOutputPortSecOd(ctx: BuildContext, od: Od): void {
  addFlow(ctx, od, 'lsOutCheckPortSec', 100, 'eth.mcast', 'reg0[15] = 0; next;', 5770);
  addFlow(ctx, od, 'lsOutCheckPortSec', 0, '1', 'reg0[15] = check_out_port_sec(); next;', 5772);
  addFlow(ctx, od, 'lsOutApplyPortSec', 50, 'reg0[15] == 1', DROP, 5775);
  addFlow(ctx, od, 'lsOutApplyPortSec', 0, '1', 'output;', 5777);
}
