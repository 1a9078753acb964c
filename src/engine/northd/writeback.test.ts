// History a running northd keeps: after every command its write-back step keeps a dynamic MAC across a
// subnet change and never reuses a deleted port's key (test/golden/ls-ipam-churn, ls-keys-after-delete).
import { describe, expect, it } from 'vitest';
import { runNorthd } from './index.ts';
import { formatLflowList } from '../sb/lflow-list.ts';
import { loadScenarioText } from '../scenario/compile.ts';

const afterScript = (text: string) => loadScenarioText(text).world;

const script = `ovn-nbctl set NB_Global . options:mac_prefix=0a:11:22
ovn-nbctl ls-add sw1
ovn-nbctl set Logical_Switch sw1 other_config:subnet=10.39.0.0/24
ovn-nbctl lsp-add sw1 e1 -- lsp-set-addresses e1 dynamic
ovn-nbctl set Logical_Switch sw1 other_config:subnet=10.40.1.0/24
`;

describe('northd write-back after each command', () => {
  it('gives a re-added port a new key and reuses a deleted switch key (real: p4=4, p2=5, sw2=2)', () => {
    const world = afterScript(
      'ovn-nbctl ls-add sw0\novn-nbctl ls-add sw-tmp\novn-nbctl ls-add sw1\n' +
        'ovn-nbctl lsp-add sw0 p1\novn-nbctl lsp-add sw0 p2\novn-nbctl lsp-add sw0 p3\novn-nbctl lsp-del p2\n' +
        'ovn-nbctl lsp-add sw0 p4\novn-nbctl lsp-add sw0 p2\novn-nbctl ls-del sw-tmp\novn-nbctl ls-add sw2\n',
    );
    const sb = runNorthd(world);
    const keys = Object.fromEntries([...sb.tables.Port_Binding.values()].map((p) => [p.logical_port, p.tunnel_key]));
    expect(keys).toEqual({ p1: 1, p3: 3, p4: 4, p2: 5 });
    const dps = Object.fromEntries(
      [...sb.tables.Datapath_Binding.values()].map((d) => [d.external_ids.name, d.tunnel_key]),
    );
    expect(dps).toEqual({ sw0: 1, sw1: 3, sw2: 2 });
  });
  it('keeps the MAC allocated under the first subnet (real: 0a:11:22:27:00:03 at 10.40.1.2)', () => {
    const flows = formatLflowList(runNorthd(afterScript(script)));
    expect(flows).toContain('match=(eth.dst == 0a:11:22:27:00:03), action=(outport = "e1"; output;)');
    expect(flows).toContain('arp.spa = 10.40.1.2;');
  });
});
