// The OpenFlow flow as ovn-controller installs it (ofctrl.c): no timeouts, no flags, an exact cookie.
import { OFPP, type Flow, type Match, type OfpAction } from '../openflow/flow/types.ts';

export function installedFlow(
  table: number,
  priority: number,
  cookie: bigint,
  match: Match,
  actions: OfpAction[],
): Flow {
  return {
    table,
    priority,
    cookie,
    cookieMask: 0n,
    idleTimeout: 0,
    hardTimeout: 0,
    importance: 0,
    flags: {},
    match,
    actions,
  };
}

/** resubmit(,TABLE): the packet goes on to another table, its in_port unchanged. */
export function resubmit(table: number): OfpAction {
  return { type: 'resubmit', inPort: OFPP.IN_PORT, table, withCt: false };
}
