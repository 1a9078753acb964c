// Tunnel keys advanced per transaction (key-writeback.ts) against a northd that rebuilds its whole
// model after every command (buildModel, then the keys it allocated): the same keys for every golden
// script and for random sequences of adds and deletes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runScript, type NorthdCommit } from '../script/index.ts';
import { runNorthd } from './index.ts';
import { rememberAllKeys } from './key-writeback.ts';
import { writeBackIpam } from './ipam-writeback.ts';
import { writeBackPorts } from './port-writeback.ts';
import { northdWriteback } from './writeback.ts';

/** The old way: the whole model after every transaction. */
function fullStep(c: NorthdCommit): void {
  writeBackPorts(c.world.nb, c);
  if (!c.changes) return;
  writeBackIpam(c.world, c.changes);
  rememberAllKeys(c.world);
}

function keysOf(text: string, northd: (c: NorthdCommit) => void): string {
  const sb = runNorthd(runScript(text, { northd }).world);
  const dps = [...sb.tables.Datapath_Binding.values()].map((d) => `${d.external_ids.name}=${d.tunnel_key}`);
  const pbs = [...sb.tables.Port_Binding.values()].map((p) => `${p.logical_port}=${p.tunnel_key}`);
  return [...dps, ...pbs].sort().join(' ');
}

const scripts = import.meta.glob('../../../test/golden*/*/script.{sh,nbctl}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('tunnel keys per transaction', () => {
  it('finds the golden scripts', () => expect(Object.keys(scripts).length).toBeGreaterThan(50));
  it('equal a full rebuild after every command, on every golden script', () => {
    for (const [file, text] of Object.entries(scripts))
      expect(keysOf(text, northdWriteback), file).toBe(keysOf(text, fullStep));
  });

  it('equal a full rebuild after every command, on random adds and deletes', () => {
    const sw = fc.constantFrom('s1', 's2', 's3');
    const port = fc.constantFrom('p1', 'p2', 'p3', 'p4');
    const lrp = fc.constantFrom('rp1', 'rp2', 'rp3');
    const command = fc.oneof(
      sw.map((s) => `ovn-nbctl --may-exist ls-add ${s}`),
      sw.map((s) => `ovn-nbctl --if-exists ls-del ${s}`),
      fc.tuple(sw, port).map(([s, p]) => `ovn-nbctl --may-exist lsp-add ${s} ${p}`),
      port.map((p) => `ovn-nbctl --if-exists lsp-del ${p}`),
      fc.constantFrom('r1', 'r2').map((r) => `ovn-nbctl --may-exist lr-add ${r}`),
      fc.constantFrom('r1', 'r2').map((r) => `ovn-nbctl --if-exists lr-del ${r}`),
      fc
        .tuple(fc.constantFrom('r1', 'r2'), lrp, fc.integer({ min: 1, max: 9 }))
        .map(([r, p, n]) => `ovn-nbctl --may-exist lrp-add ${r} ${p} 00:00:00:00:00:0${n} 10.0.${n}.1/24`),
      lrp.map((p) => `ovn-nbctl --if-exists lrp-del ${p}`),
      lrp.map((p) => `ovn-nbctl lrp-set-gateway-chassis ${p} hv1 10`),
      lrp.map((p) => `ovn-nbctl lrp-del-gateway-chassis ${p} hv1`),
      fc.tuple(port, port).map(([a, b]) => `ovn-nbctl lsp-add s1 ${a}x -- lsp-del ${b}`),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        // each command on its own line; a failing one stops the script in both runs alike
        const text = commands.map((c) => `${c} || true`).join('\n');
        expect(keysOf(text, northdWriteback)).toBe(keysOf(text, fullStep));
      }),
      { numRuns: 150 },
    );
  });
});
