// Conntrack state flags (CS_* of OVS lib/packets.h) as ovn-trace reads them from --ct and prints
// them ("new|trk"), and the queue of --ct states that ct actions consume in order.

export const CS_NEW = 0x01;
export const CS_ESTABLISHED = 0x02;
export const CS_RELATED = 0x04;
export const CS_REPLY_DIR = 0x08;
export const CS_INVALID = 0x10;
export const CS_TRACKED = 0x20;
export const CS_SRC_NAT = 0x40;
export const CS_DST_NAT = 0x80;

/** Flag names in bit order (ct_state_to_string). */
const CS_NAMES: readonly [number, string][] = [
  [CS_NEW, 'new'],
  [CS_ESTABLISHED, 'est'],
  [CS_RELATED, 'rel'],
  [CS_REPLY_DIR, 'rpl'],
  [CS_INVALID, 'inv'],
  [CS_TRACKED, 'trk'],
  [CS_SRC_NAT, 'snat'],
  [CS_DST_NAT, 'dnat'],
];

/**
 * parse_ct_state with CS_TRACKED as the default: a list of flag names separated by commas or
 * spaces, always tracked. Returns the error text OVS gives for an unknown flag.
 */
export function parseCtState(text: string): { ok: true; state: number } | { ok: false; error: string } {
  let state = CS_TRACKED;
  for (const word of text.split(/[, ]+/).filter(Boolean)) {
    const bit = CS_NAMES.find(([, name]) => name === word)?.[0];
    if (bit === undefined) return { ok: false, error: `${word}: unknown connection tracking state flag` };
    state |= bit;
  }
  return { ok: true, state };
}

/** format_flags(ct_state_to_string, '|'): set flags from the lowest bit up; "0" when none. */
export function formatCtState(state: number): string {
  if (!state) return '0';
  const names: string[] = [];
  for (let bit = 1; bit <= state && bit !== 0; bit <<= 1) {
    if (!(state & bit)) continue;
    const name = CS_NAMES.find(([b]) => b === bit)?.[1];
    names.push(name ?? `0x${bit.toString(16)}`);
  }
  return names.join('|');
}

/** The --ct states, handed out one per ct action; past the end, est|trk with ovn-trace's comment. */
export class CtStateQueue {
  private next = 0;
  constructor(private readonly states: readonly number[]) {}

  /** next_ct_state: the state, and the comment ovn-trace appends when it used the default. */
  take(): { state: number; comment: string } {
    if (this.next < this.states.length) return { state: this.states[this.next++], comment: '' };
    return { state: CS_ESTABLISHED | CS_TRACKED, comment: ' /* default (use --ct to customize) */' };
  }
}
