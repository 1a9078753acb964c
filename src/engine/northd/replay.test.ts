// IPAM history: replaying a script command by command keeps a dynamic MAC across a subnet change,
// as real northd (which runs after every command) does; see test/golden/ls-ipam-churn.
import { describe, expect, it } from 'vitest';
import { runScript } from '../script/index.ts';
import { replayWithIpam, usesIpam } from './replay.ts';
import { runNorthd } from './index.ts';
import { formatLflowList } from '../sb/lflow-list.ts';

const script = `ovn-nbctl set NB_Global . options:mac_prefix=0a:11:22
ovn-nbctl ls-add sw1
ovn-nbctl set Logical_Switch sw1 other_config:subnet=10.39.0.0/24
ovn-nbctl lsp-add sw1 e1 -- lsp-set-addresses e1 dynamic
ovn-nbctl set Logical_Switch sw1 other_config:subnet=10.40.1.0/24
`;

describe('replayWithIpam', () => {
  it('keeps the MAC allocated under the first subnet (real: 0a:11:22:27:00:03 at 10.40.1.2)', () => {
    const single = runScript(script).world;
    expect(usesIpam(single)).toBe(true);
    const flows = formatLflowList(runNorthd(replayWithIpam(script)));
    expect(flows).toContain('match=(eth.dst == 0a:11:22:27:00:03), action=(outport = "e1"; output;)');
    expect(flows).toContain('arp.spa = 10.40.1.2;');
  });
});
