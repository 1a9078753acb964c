// The ovn-northd that runs beside a pasted script. After every ovn-nbctl / ovn-sbctl invocation the
// runner hands it what changed, and it writes back what a running northd would (tunnel keys, IPAM
// dynamic_addresses, up, tags, BFD status). Declared here, supplied by a higher layer (scenario/), so
// the script layer depends on no northd code.
import type { NbChanges } from '../nb/txn.ts';
import type { World } from '../nb/world.ts';

export interface NorthdCommit {
  world: World;
  /** NB rows the invocation committed; absent when it changed no NB row. */
  changes?: NbChanges;
  /** Logical ports an ovn-sbctl invocation bound to or released from a chassis. */
  claimsChanged?: readonly string[];
  /** Whether a chassis has claimed the port (ovn-sbctl lsp-bind), so its Port_Binding is up. */
  claimed: (port: string) => boolean;
}

export type NorthdStep = (commit: NorthdCommit) => void;
