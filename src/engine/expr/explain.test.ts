// explainMatch: each written term of a match with its own answer for the packet.
import { describe, expect, it } from 'vitest';
import { explainMatch } from './explain.ts';
import { evaluateMatch } from './evaluate.ts';
import { emptyPacket, setField } from '../packet/state.ts';

describe('explainMatch', () => {
  const p = emptyPacket();
  setField(p, 'reg14', 1n);
  setField(p, 'eth_type', 0x800n);
  setField(p, 'nw_proto', 17n);
  const ctx = { lookupPort: (n: string) => ({ p1: 1, p2: 2 })[n] };

  it('splits && into its terms and says which failed', () => {
    const r = explainMatch('inport == "p1" && ip4 && tcp.dst == 80', p, ctx);
    expect(r.ok && r.explanation).toEqual({
      text: 'inport == "p1" && ip4 && tcp.dst == 80',
      matched: false,
      op: 'and',
      terms: [
        { text: 'inport == "p1"', matched: true },
        { text: 'ip4', matched: true },
        { text: 'tcp.dst == 80', matched: false },
      ],
    });
  });

  it('agrees with evaluateMatch at the root', () => {
    for (const m of ['udp || tcp', '!(tcp.dst == 80)', 'inport == "p2" || (ip4 && udp)', 'eth.bcast']) {
      const e = explainMatch(m, p, ctx);
      const v = evaluateMatch(m, p, ctx);
      expect(e.ok && v.ok && e.explanation.matched === v.matched).toBe(true);
    }
  });
});
