// Microflow parsing and the ovn-trace header line, against real ovn-trace 23.03 output recorded by
// scripts/gen-expr-goldens.sh (test/golden-expr/microflows.out: "> MICROFLOW" then "< FIRST LINE").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import goldens from '../../../test/golden-expr/microflows.out?raw';
import { findInport, formatMicroflow, parseMicroflow } from './microflow.ts';

/** Tunnel keys real northd gave the ports of test/golden-expr/topology.nbctl. */
const KEYS: Record<string, number> = { vm1: 1, vm2: 2, 'ls1-lr1': 3, _MC_flood: 32768 };
const ctx = { lookupPort: (name: string) => KEYS[name] };

function pairs(): [string, string][] {
  const lines = goldens.split('\n');
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    if (lines[i].startsWith('> ') && lines[i + 1].startsWith('< '))
      out.push([lines[i].slice(2), lines[i + 1].slice(2)]);
  }
  return out;
}

/** What ovn-trace prints first for a microflow. */
function firstLine(flow: string): string {
  const r = parseMicroflow(flow, ctx);
  return r.ok ? `# ${formatMicroflow(r.packet)}` : `error parsing flow: ${r.error.message}`;
}

describe('microflow (real ovn-trace goldens)', () => {
  const all = pairs();
  it('has the goldens', () => expect(all.length).toBeGreaterThanOrEqual(40));
  it.each(all)('%s', (flow, expected) => {
    expect(firstLine(flow)).toBe(expected);
  });
});

describe('microflow helpers', () => {
  it('finds the inport', () => {
    expect(findInport('inport == "vm1" && ip4')).toEqual({ ok: true, port: 'vm1' });
    expect(findInport('ip4')).toEqual({ ok: false, error: 'flow match expression does not match on inport' });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseMicroflow(s, ctx);
        if (r.ok) expect(typeof formatMicroflow(r.packet)).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
