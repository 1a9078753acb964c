// Looping and deep traces as real ovn-trace 23.03.1 follows them: no pass limit below what the TTL
// allows (the goldens router-loop, router-chain-30 and router-chain-130 hold real output for those),
// and a ceiling of our own only where real ovn-trace segfaults (measured: see MAX_NESTED_LOOKUPS).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_NESTED_LOOKUPS } from '../src/engine/trace/executor.ts';
import { formatTrace, trace } from '../src/engine/trace/index.ts';
import { goldenSb, type GoldenLflow } from '../src/engine/trace/testing/golden-sb.ts';

const dir = new URL('./golden-trace/router-loop/', import.meta.url);
const sb = goldenSb(
  readFileSync(new URL('sb-dump.txt', dir), 'utf8'),
  JSON.parse(readFileSync(new URL('sb-lflows.json', dir), 'utf8')) as GoldenLflow[],
);

const REAL_TTL228_MINIMAL_SHA256 = '117db67291095a3acbd2d52a1f84771923b9dea01c3a4b48065267325cb25103';

const ping = (ttl: number): string =>
  'inport == "vm1" && eth.src == 50:54:00:00:00:01 && eth.dst == 00:00:00:00:ff:01 && ip4.src == 10.0.0.11 && ' +
  `ip4.dst == 10.99.1.1 && ip.ttl == ${ttl} && icmp4.type == 8 && icmp4.code == 0`;

describe('a packet looping between two routers', () => {
  it('is followed until its TTL runs out at 228, and the time-exceeded reaches vm1 (real ovn-trace does)', () => {
    // Real ovn-trace's --minimal output for this trace (TTL 228 is too long a golden in all three
    // forms: its summary is 19 MB) has 695 lines, 228 of them `ip.ttl--;`, and ends in the reply's
    // delivery; its SHA-256 is below.
    const result = trace(sb, { datapath: 'sw0', microflow: ping(228) });
    const minimal = formatTrace(result, 'minimal');
    const lines = minimal.trimEnd().split('\n');
    expect(lines).toHaveLength(695);
    expect(lines.filter((l) => l.trim() === 'ip.ttl--;')).toHaveLength(228);
    expect(lines.slice(-3)).toEqual(['    eth.dst = 50:54:00:00:00:01;', '    output("vm1");', '};']);
    expect(createHash('sha256').update(minimal).digest('hex')).toBe(REAL_TTL228_MINIMAL_SHA256);
    expect(result.ok && result.fates.map((f) => f.kind)).toEqual(['output', 'controller']);
  });

  it(`stops after ${MAX_NESTED_LOOKUPS} nested lookups at TTL 230, where real ovn-trace segfaults`, () => {
    const result = trace(sb, { datapath: 'sw0', microflow: ping(230) });
    const message = `*** trace stopped after ${MAX_NESTED_LOOKUPS} nested table lookups, where real ovn-trace 23.03 runs out of stack (ovnviz's limit)`;
    expect(result.ok && result.fates[0]).toEqual({ kind: 'error', datapath: 'lr1', message });
    expect(formatTrace(result, 'detailed')).toContain(message);
  });
});
