// Datapath actions as xlate emits them: netlink attributes with their size in bytes (the 64 kB limits
// are counted in these bytes) and their text as format_odp_actions prints it.

/** One netlink attribute of the datapath actions. */
export interface OdpAction {
  kind: 'output' | 'set' | 'push_vlan' | 'pop_vlan' | 'ct' | 'recirc' | 'userspace' | 'tnl_push' | 'clone' | 'drop';
  /** Text of a leaf attribute; a clone prints its nested actions. */
  text: string;
  /** Aligned netlink size, header included (nested: header plus the nested attributes). */
  size: number;
  nested?: OdpAction[];
  /** Datapath port of an output. */
  port?: number;
}

export const NLA_HDRLEN = 4;
export const nlaAlign = (n: number): number => (n + 3) & ~3;
export const attrSize = (payload: number): number => nlaAlign(NLA_HDRLEN + payload);

/** A growable list of datapath actions that tracks its byte size as ofpbuf does. */
export class OdpBuffer {
  actions: OdpAction[] = [];
  size = 0;

  put(a: OdpAction): void {
    this.actions.push(a);
    this.size += a.size;
  }

  /** An output; with --names the datapath port's name is printed instead of its number. */
  output(port: number, name?: string): void {
    this.put({ kind: 'output', text: name ?? String(port), size: attrSize(4), port });
  }

  /** Starts a nested attribute (clone): later puts go into it until endNested. */
  startNested(): { mark: number; sizeMark: number } {
    const mark = this.actions.length;
    const sizeMark = this.size;
    this.size += NLA_HDRLEN;
    return { mark, sizeMark };
  }

  /** nl_msg_end_non_empty_nested: an empty nest is dropped. */
  endNested(n: { mark: number; sizeMark: number }): void {
    const inner = this.actions.splice(n.mark);
    if (!inner.length) {
      this.size = n.sizeMark;
      return;
    }
    this.actions.push({ kind: 'clone', text: '', size: this.size - n.sizeMark, nested: inner });
  }

  cancelNested(n: { mark: number; sizeMark: number }): void {
    this.actions.splice(n.mark);
    this.size = n.sizeMark;
  }

  /** Everything after `mark` (for rolling back a failed branch). */
  truncate(mark: number, sizeMark: number): void {
    this.actions.splice(mark);
    this.size = sizeMark;
  }

  countOutputs(): number {
    return this.actions.filter((a) => a.kind === 'output').length;
  }
}

export function formatOdpActions(actions: OdpAction[]): string {
  if (!actions.length) return 'drop';
  return actions.map((a) => (a.kind === 'clone' ? `clone(${formatOdpActions(a.nested ?? [])})` : a.text)).join(',');
}

/** xlate_optimize_odp_actions: a trailing clone() is replaced by its nested actions. */
export function optimizeTrailingClone(buf: OdpBuffer): void {
  const last = buf.actions[buf.actions.length - 1];
  if (last?.kind === 'clone' && last.nested) {
    buf.actions.pop();
    buf.size -= NLA_HDRLEN;
    buf.actions.push(...last.nested);
  }
}
