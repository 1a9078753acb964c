// The worker's engine end to end on the built-in scenarios: topology, flows and traces as the UI gets them.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../engine/scenario/builtins.ts';
import type { TraceHop } from './api.ts';
import { createEngine } from './engine.ts';

const scriptOf = (id: string) => builtinScenarios.find((s) => s.id === id)?.script ?? '';

function outputs(hop: TraceHop): string[] {
  return [...(hop.output ? [hop.output.port] : []), ...hop.children.flatMap(outputs)];
}

describe('engine behind the worker', () => {
  it('extends the loaded scene when the script grows at its end: the same result as loading it afresh', async () => {
    const base = scriptOf('two-vms');
    const grown = `${base.endsWith('\n') ? base : `${base}\n`}ovn-nbctl lsp-add ls1 ls1-vm3 -- lsp-set-addresses ls1-vm3 "02:ac:10:ff:00:33 192.168.100.12"\n`;
    const engine = createEngine();
    await engine.load(base);
    const extended = await engine.load(grown);
    const fresh = await createEngine().load(grown);
    expect(extended.datapaths).toEqual(fresh.datapaths);
    expect(extended.topology).toEqual(fresh.topology);
    const again = createEngine();
    await again.load(grown);
    expect(await engine.lflowList()).toBe(await again.lflowList());
    const lines = (which: 'added' | 'removed') =>
      extended.diff?.groups.flatMap((g) => g[which].map((e) => e.line)) ?? [];
    expect(lines('added').some((line) => line.includes('"ls1-vm3"'))).toBe(true);
    expect(lines('removed').some((line) => line.includes('ls1-vm3'))).toBe(false);
  });

  it('loads every built-in scenario without errors', async () => {
    for (const scenario of builtinScenarios) {
      const result = await createEngine().load(scenario.script);
      expect({ id: scenario.id, errors: result.errors, problems: result.problems }).toEqual({
        id: scenario.id,
        errors: [],
        problems: [],
      });
      expect(result.datapaths.length).toBeGreaterThan(0);
    }
  });

  it('traces vm1 to vm2 on ls1, with the three text forms', async () => {
    const engine = createEngine();
    const loaded = await engine.load(scriptOf('two-vms'));
    expect(loaded.topology.nodes.map((n) => n.id)).toContain('vm:ls1-vm2');
    const result = await engine.trace({
      datapath: 'ls1',
      microflow:
        'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:22 && ip4.src == 192.168.100.10 && ip4.dst == 192.168.100.11 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0',
    });
    if (!result.ok) throw new Error(result.error);
    expect(outputs(result.root)).toEqual(['ls1-vm2']);
    expect(result.root.flows[0].stage).toBe('ls_in_check_port_sec');
    expect(result.text.detailed).toContain('/* output to "ls1-vm2", type "" */');
    expect(result.text.summary).toContain('egress(dp="ls1", inport="ls1-vm1", outport="ls1-vm2") {');
    expect(result.header.startsWith('# icmp,reg14=0x1,')).toBe(true);
  });

  it('runs console commands without changing the loaded scene', async () => {
    const engine = createEngine();
    await engine.load(scriptOf('two-vms'));
    const first = await engine.runCommand('ovn-nbctl ls-add extra');
    expect(first.errors).toEqual([]);
    const show = await engine.runCommand('ovn-nbctl ls-list');
    expect(show.output).toContain('(ls1)');
    expect(show.output).not.toContain('(extra)');
  });

  it('reports the flows an edit adds, and lists flows as lflow-list does', async () => {
    const engine = createEngine();
    const first = await engine.load(scriptOf('two-vms'));
    expect(first.diff).toBeUndefined();
    const second = await engine.load(
      `${scriptOf('two-vms')}ovn-nbctl lsp-add ls1 ls1-vm3\novn-nbctl lsp-set-addresses ls1-vm3 "02:ac:10:ff:00:33 192.168.100.12"\n`,
    );
    expect(second.diff?.added).toBeGreaterThan(0);
    expect(second.diff?.groups.every((g) => g.datapath.includes('ls1'))).toBe(true);
    const listing = await engine.lflowList();
    expect(listing).toMatch(/^Datapath: "ls1" \([0-9a-f-]+\)  Pipeline: ingress\n/);
    expect(listing).toContain('table=0 (ls_in_check_port_sec');
  });

  it('marks an output that is a packet generated on the way (gw1’s ARP request)', async () => {
    const engine = createEngine();
    await engine.load(scriptOf('gateway'));
    const result = await engine.trace({
      datapath: 'ls1',
      microflow:
        'inport == "ls1-vm1" && eth.src == 02:ac:10:ff:00:11 && eth.dst == 02:ac:10:ff:00:01 && ip4.src == 192.168.100.10 && ip4.dst == 172.18.1.10 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0',
    });
    if (!result.ok) throw new Error(result.error);
    const leaves = (hop: TraceHop): TraceHop[] => (hop.output ? [hop] : hop.children.flatMap(leaves));
    expect(leaves(result.root).map((h) => h.output)).toEqual([
      { port: 'outside-localnet', type: 'localnet', generatedBy: 'arp' },
    ]);
  });

  it('reports script errors at line and column', async () => {
    const result = await createEngine().load('ovn-nbctl ls-add a\novn-nbctl lsp-add nosuch p1\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].line).toBe(2);
  });
});
