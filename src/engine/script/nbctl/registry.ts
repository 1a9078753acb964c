// The ovn-nbctl commands beyond ls-*/lsp-* and the generic db commands, gathered in one list.
import type { CommandSpec } from './spec.ts';
import { lrCommands } from './lr.ts';
import { showCommands } from './show.ts';
import { aclCommands } from './acl.ts';
import { routeCommands } from './routes.ts';
import { natCommands } from './nat.ts';
import { lbCommands } from './lb.ts';
import { haCommands } from './ha.ts';
import { qosCommands } from './qos.ts';
import { connCommands } from './conn.ts';
import { mirrorCommands } from './mirror.ts';
import { coppCommands } from './copp.ts';

export function extraCommands(): CommandSpec[] {
  return [
    ...showCommands,
    ...lrCommands,
    ...aclCommands,
    ...routeCommands,
    ...natCommands,
    ...lbCommands,
    ...haCommands,
    ...qosCommands,
    ...connCommands,
    ...mirrorCommands,
    ...coppCommands,
  ];
}
