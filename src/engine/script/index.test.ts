import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCommand, runScript, type NorthdCommit } from './index.ts';
import { northdWriteback } from '../northd/writeback.ts';

const names = (m: Map<string, { name?: unknown }>): unknown[] => [...m.values()].map((r) => r.name);

describe('runScript', () => {
  it('hands northd each committed transaction: the rows it changed, and ports an sbctl bind changed', () => {
    const seen: string[] = [];
    const northd = (c: NorthdCommit): void => {
      const lsp = c.changes?.get('Logical_Switch_Port');
      seen.push(
        `${[...(c.changes?.keys() ?? [])].sort().join(',')} +${lsp?.inserted.size ?? 0} ~${lsp?.updated.size ?? 0} -${lsp?.deleted.size ?? 0} ${c.claimsChanged?.join(',') ?? ''}`,
      );
    };
    runScript(
      'ovn-nbctl ls-add s\novn-nbctl lsp-add s p\novn-nbctl show\novn-nbctl lsp-set-addresses p unknown\n' +
        'ovn-nbctl --may-exist ls-add s\novn-sbctl chassis-add hv1 geneve 1.1.1.1\novn-sbctl lsp-bind p hv1\novn-nbctl lsp-del p\n',
      { northd },
    );
    // show, the --may-exist ls-add and chassis-add commit nothing
    expect(seen).toEqual([
      'Logical_Switch,NB_Global +0 ~0 -0 ',
      'Logical_Switch,Logical_Switch_Port +1 ~0 -0 ',
      'Logical_Switch_Port +0 ~1 -0 ',
      ' +0 ~0 -0 p',
      'Logical_Switch,Logical_Switch_Port +0 ~0 -1 ',
    ]);
  });

  it('runs && / || lists as the shell does under set -e, and pipes through text filters', () => {
    const run = runScript(
      [
        'ovn-nbctl ls-add sw0',
        'ovn-nbctl ls-add sw0 && ovn-nbctl ls-add never',
        'ovn-nbctl ls-add sw0 2>/dev/null || ovn-nbctl ls-add sw1',
        'ovn-nbctl ls-add sw2 || ovn-nbctl ls-add never2',
        "U=$(ovn-nbctl ls-list | grep -w sw1 | awk '{print $1}')",
        'ovn-nbctl set Logical_Switch $U other_config:found=yes',
      ].join('\n'),
    );
    expect(run.errors).toEqual([]);
    expect(names(run.world.nb.tables.Logical_Switch)).toEqual(['sw0', 'sw1', 'sw2']);
    // the failure inside `&&` was printed (stderr not redirected); the one with 2>/dev/null was not
    expect(run.tolerated?.map((e) => e.line)).toEqual([2]);
    const sw1 = [...run.world.nb.tables.Logical_Switch.values()][1];
    expect(sw1.other_config).toEqual({ found: 'yes' });
  });

  it('builds the NB in creation order with schema defaults', () => {
    const run = runScript(
      'ovn-nbctl ls-add sw0\novn-nbctl lsp-add sw0 p1 -- lsp-set-addresses p1 "00:00:00:00:00:01 10.0.0.1"\n',
      { northd: northdWriteback },
    );
    expect(run.errors).toEqual([]);
    const ls = [...run.world.nb.tables.Logical_Switch.values()][0];
    const lsp = [...run.world.nb.tables.Logical_Switch_Port.values()][0];
    expect(ls.ports).toEqual([lsp._uuid]);
    expect(lsp).toMatchObject({
      name: 'p1',
      type: '',
      addresses: ['00:00:00:00:00:01 10.0.0.1'],
      options: {},
      port_security: [],
    });
    // a running northd marks the unbound port down
    expect(lsp.up).toBe(false);
    expect(run.world.nb.tables.NB_Global.size).toBe(1);
  });

  it('captures $(…) and backticks and expands $uuid / ${uuid}', () => {
    const run = runScript(
      [
        'ovn-nbctl ls-add sw0 -- lsp-add sw0 p1 -- lsp-add sw0 p2',
        'uuid=$(ovn-nbctl create DHCP_Options cidr=10.0.0.0/24)',
        'u2=`ovn-nbctl create DHCP_Options cidr=10.1.0.0/24`',
        'ovn-nbctl lsp-set-dhcpv4-options p1 $uuid',
        'ovn-nbctl lsp-set-dhcpv4-options p2 "${u2}"',
        'echo $uuid',
      ].join('\n'),
    );
    expect(run.errors).toEqual([]);
    const [d1, d2] = [...run.world.nb.tables.DHCP_Options.values()];
    const [p1, p2] = [...run.world.nb.tables.Logical_Switch_Port.values()];
    expect(p1.dhcpv4_options).toBe(d1._uuid);
    expect(p2.dhcpv4_options).toBe(d2._uuid);
    expect(run.outputs).toEqual([{ line: 6, command: `echo ${d1._uuid}`, output: `${d1._uuid}\n` }]);
  });

  it('handles --id=@name create … -- add in one transaction', () => {
    const run = runScript(
      'ovn-nbctl lr-add R1\novn-nbctl -- --id=@nat create nat type="snat" logical_ip=10.0.0.0/24 external_ip=1.1.1.1 -- add logical_router R1 nat @nat\n',
    );
    expect(run.errors).toEqual([]);
    const nat = [...run.world.nb.tables.NAT.values()][0];
    expect(nat).toMatchObject({ type: 'snat', logical_ip: '10.0.0.0/24', external_ip: '1.1.1.1' });
    expect([...run.world.nb.tables.Logical_Router.values()][0].nat).toEqual([nat._uuid]);
  });

  it('rolls back the whole invocation when one of its commands fails, and stops there', () => {
    const run = runScript('ovn-nbctl ls-add a\novn-nbctl ls-add b -- lsp-add nosuch p\novn-nbctl ls-add c\n');
    expect(run.errors).toEqual([{ line: 2, column: 1, message: 'ovn-nbctl: nosuch: switch name not found' }]);
    expect(names(run.world.nb.tables.Logical_Switch)).toEqual(['a']);
  });

  it('garbage-collects a port nobody references, as ovsdb does', () => {
    const run = runScript(
      'ovn-nbctl create Logical_Switch_Port name=orphan\novn-nbctl ls-add a -- lsp-add a p -- lsp-del p\n',
    );
    expect(run.errors).toEqual([]);
    expect(run.world.nb.tables.Logical_Switch_Port.size).toBe(0);
  });

  it('lists other shell lines as skipped and binds ovs-vsctl iface-ids to the prompt host', () => {
    const run = runScript(
      [
        'ovn-nbctl ls-add sw -- lsp-add sw vm1',
        '[root@node1 ~]# ip netns add vm1',
        '[root@node1 ~]# ovs-vsctl set open_vswitch . external_ids:system-id=chassis-1 external_ids:ovn-encap-ip=10.0.0.1 external_ids:ovn-encap-type=geneve',
        '[root@node1 ~]# sudo ovs-vsctl add-port br-int vm1 -- set Interface vm1 external_ids:iface-id=vm1',
        'node2$ ping -c 1 10.0.0.2',
      ].join('\n'),
    );
    expect(run.errors).toEqual([]);
    expect(run.skipped.map((s) => s.line)).toEqual([2, 5]);
    expect(run.world.physical.chassis).toEqual([
      { name: 'chassis-1', hostname: 'node1', encaps: [{ type: 'geneve', ip: '10.0.0.1' }] },
    ]);
    expect(run.world.physical.bindings).toEqual([{ logicalPort: 'vm1', chassis: 'chassis-1' }]);
  });

  it('binds ports of a host that never named its chassis to a chassis named after the host', () => {
    const run = runScript(
      'ovn-nbctl ls-add sw -- lsp-add sw vm1\n[root@hv7 ~]# ovs-vsctl add-port br-int tap1 -- set Interface tap1 external_ids:iface-id=vm1\n[root@hv7 ~]# ovs-vsctl show\n',
    );
    expect(run.errors).toEqual([]);
    expect(run.skipped.map((s) => s.line)).toEqual([3]);
    expect(run.world.physical.chassis).toEqual([{ name: 'hv7', hostname: 'hv7', encaps: [] }]);
    expect(run.world.physical.bindings).toEqual([{ logicalPort: 'vm1', chassis: 'hv7' }]);
  });

  it('takes the OVN keys of ovs-vsctl set Open_vSwitch with or without their external_ids: prefix', () => {
    const run = runScript(
      'node3$ ovs-vsctl set Open_vSwitch . external_ids:system-id=hv3 ovn-encap-ip=10.0.0.3 ovn-encap-type=vxlan ovn-bridge-mappings=phys:br-ex\n',
    );
    expect(run.world.physical.chassis).toEqual([
      { name: 'hv3', hostname: 'node3', encaps: [{ type: 'vxlan', ip: '10.0.0.3' }] },
    ]);
  });

  it('records ovn-sbctl chassis and bindings and the goldens mac-binding-add helper', () => {
    const run = runScript(
      'ovn-sbctl chassis-add hv1 geneve 192.168.0.1\novn-nbctl ls-add s -- lsp-add s p\novn-sbctl lsp-bind p hv1\nmac-binding-add p 10.0.0.9 00:00:00:00:00:09\n',
      { northd: northdWriteback },
    );
    expect(run.errors).toEqual([]);
    expect([...run.world.nb.tables.Logical_Switch_Port.values()][0].up).toBe(true);
    expect(run.world.physical).toEqual({
      chassis: [{ name: 'hv1', hostname: '', encaps: [{ type: 'geneve', ip: '192.168.0.1' }] }],
      bindings: [{ logicalPort: 'p', chassis: 'hv1' }],
      macBindings: [{ logicalPort: 'p', ip: '10.0.0.9', mac: '00:00:00:00:00:09' }],
    });
  });

  it('looks through sudo (with its options) and env prefixes', () => {
    const run = runScript(
      'sudo -u root -E ovn-nbctl ls-add a\nOVN_NB_DB=tcp:1.2.3.4:6641 ovn-nbctl ls-add b\nenv -i X=1 ovn-nbctl ls-add c\n',
    );
    expect(run.errors).toEqual([]);
    expect(names(run.world.nb.tables.Logical_Switch)).toEqual(['a', 'b', 'c']);
  });

  it('suggests the nearest command for a typo', () => {
    const run = runScript('ovn-nbctl ls-add a\n  ovn-nbctl lsp-addd a p\n');
    expect(run.errors).toEqual([
      {
        line: 2,
        column: 3,
        message: "ovn-nbctl: unknown command 'lsp-addd'; use --help for help",
        hint: "did you mean 'lsp-add'?",
      },
    ]);
  });

  it('runs more commands against the same world, with the script variables', () => {
    const run = runScript('ovn-nbctl ls-add a\nx=a\n');
    const more = runCommand(run.world, 'ovn-nbctl lsp-add $x p1\novn-nbctl lsp-list $x');
    expect(more.errors).toEqual([]);
    expect(more.outputs[0].output).toMatch(/^[0-9a-f-]{36} \(p1\)\n$/);
  });

  it('keeps partial updates invisible until the invocation commits, as ovsdb-idl does', () => {
    const run = runScript('ovn-nbctl ls-add a\novn-nbctl lsp-add a p1 -- lsp-set-addresses p1 router -- lsp-list a\n');
    expect(run.errors).toEqual([]);
    expect(run.outputs).toEqual([]);
    expect([...run.world.nb.tables.Logical_Switch.values()][0].ports).toHaveLength(1);
  });

  it('never throws on arbitrary scripts', () => {
    const cmd = fc.constantFrom(
      'ovn-nbctl ls-add',
      'ovn-nbctl lsp-add',
      'ovn-nbctl set Logical_Switch',
      'ovn-nbctl create',
      'ovn-nbctl list',
      'ovn-nbctl lr-route-add',
      'ovn-nbctl lb-add',
      'ovn-nbctl acl-add',
      'ovn-sbctl lsp-bind',
      'ovs-vsctl set Interface',
      'x=$(ovn-nbctl',
      'echo',
    );
    const arg = fc.oneof(
      fc.constantFrom('a', 'sw0', 'p', '--', '@x', '10.0.0.1/24', '"', '$x', 'name=a', 'ports=[]', ':', '{}'),
      fc.string(),
    );
    const line = fc.tuple(cmd, fc.array(arg, { maxLength: 6 })).map(([c, a]) => `${c} ${a.join(' ')}`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const run = runScript(lines.join('\n'));
        expect(run.errors.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});

describe('shell loops', () => {
  it('runs for loops with brace ranges and $(seq …), nested', () => {
    const run = runScript(
      'ovn-nbctl ls-add s\nfor i in {1..2}; do\n  for j in $(seq 1 2); do ovn-nbctl lsp-add s p$i$j; done\ndone\necho done\n',
    );
    expect(run.errors).toEqual([]);
    expect(names(run.world.nb.tables.Logical_Switch_Port)).toEqual(['p11', 'p12', 'p21', 'p22']);
    expect(run.outputs.map((o) => o.output)).toEqual(['done\n']);
  });

  it('runs three loops nested on one line (each `do for` opens one more)', () => {
    const run = runScript('for i in 1 2;do for j in 3;do for k in 4 5;do echo $i$j$k;done;done;done');
    expect(run.errors).toEqual([]);
    expect(run.outputs.map((o) => o.output)).toEqual(['134\n', '135\n', '234\n', '235\n']);
  });

  it('reports an error inside a loop at the body line', () => {
    const run = runScript('for i in 1 2; do\n  ovn-nbctl lsp-add nosuch p$i\ndone\n');
    expect(run.errors).toEqual([{ line: 2, column: 3, message: 'ovn-nbctl: nosuch: switch name not found' }]);
  });
});
