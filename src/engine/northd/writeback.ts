// One step of a running ovn-northd after one NB transaction: what it writes back into the Northbound
// database (up, tags, BFD status, IPAM dynamic_addresses) and the tunnel keys it keeps in the SB, all
// advanced from what the transaction changed. The script runner calls it after every command, so
// allocations follow the script's history as on a real system; logical flows come later, once.
import type { World } from '../nb/world.ts';
import { writeBackIpam } from './ipam-writeback.ts';
import { writeBackKeys } from './key-writeback.ts';
import { writeBackPorts, type PortCommit } from './port-writeback.ts';

export interface NbCommit extends PortCommit {
  world: World;
}

export function northdWriteback(commit: NbCommit): void {
  writeBackPorts(commit.world.nb, commit);
  if (!commit.changes) return;
  writeBackIpam(commit.world, commit.changes);
  writeBackKeys(commit.world, commit.changes);
}
