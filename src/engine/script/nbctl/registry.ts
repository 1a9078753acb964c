// The ovn-nbctl commands beyond ls-*/lsp-* and the generic db commands, gathered in one list.
import type { CommandSpec } from './spec.ts';

export function extraCommands(): CommandSpec[] {
  return [];
}
