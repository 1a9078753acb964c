// The worker's engine end to end on the built-in scenarios: topology, flows and traces as the UI gets them.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../engine/scenario/builtins.ts';
import { emptyPacketForm, type PacketForm } from '../engine/packet/form.ts';
import type { EngineApi } from './api.ts';
import { createEngine } from './engine.ts';

const scriptOf = (id: string) => builtinScenarios.find((s) => s.id === id)?.script ?? '';

/** The form as the app fills it once source, destination and protocol are chosen. */
function form(engine: EngineApi, change: Partial<PacketForm>): Promise<PacketForm> {
  return engine.editPacket(emptyPacketForm, change);
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
    const result = await engine.trace(await form(engine, { src: 'ls1-vm1', dst: 'ls1-vm2' }));
    if (!result.ok) throw new Error(result.error);
    expect(result.outcome.outputs).toEqual(['ls1-vm2']);
    expect(result.events.find((e) => e.kind === 'stage')?.stage).toBe('ls_in_check_port_sec');
    expect(result.events[result.events.length - 1]).toMatchObject({ kind: 'output', outport: 'ls1-vm2' });
    expect(result.commands.detailed).toMatch(/^ovn-trace --detailed ls1 'inport == "ls1-vm1" && eth.src == /);
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
    const result = await engine.trace(await form(engine, { src: 'ls1-vm1', dst: '172.18.1.10' }));
    if (!result.ok) throw new Error(result.error);
    const outputs = result.events.filter((e) => e.kind === 'output');
    expect(outputs.map((e) => [e.fate, e.generatedBy])).toEqual([
      [{ kind: 'output', datapath: 'outside', port: 'outside-localnet', portType: 'localnet' }, 'arp'],
    ]);
    expect(result.outcome.sentence).toBe('Output to outside-localnet (a packet made by arp).');
  });

  it('traces to the gateway tutorial’s load-balancer VIP: DNAT on gw1, then back to a backend', async () => {
    const engine = createEngine();
    await engine.load(scriptOf('gateway'));
    const result = await engine.trace(
      await form(engine, { src: 'ls1-vm2', dst: '172.18.1.254', proto: 'tcp', ct: 'new' }),
    );
    if (!result.ok) throw new Error(result.error);
    const dnat = result.events.flatMap((e) => e.changes.filter((c) => c.field === 'ip4.dst'));
    expect(dnat[0]).toMatchObject({ before: '172.18.1.254' });
    expect(['192.168.100.10', '192.168.100.11']).toContain(dnat[0].after);
    expect(result.events.some((e) => e.kind === 'enter' && e.datapath === 'gw1')).toBe(true);
  });

  it('builds the trace database once per loaded scene', async () => {
    const engine = createEngine();
    await engine.load(scriptOf('two-vms'));
    const packet = await form(engine, { src: 'ls1-vm1', dst: 'ls1-vm2' });
    const first = await engine.trace(packet);
    const second = await engine.trace(packet);
    expect(second).toEqual(first);
    await engine.load(scriptOf('arp-flood'));
    const after = await engine.trace(packet);
    expect(after.ok).toBe(false);
  });

  it('reports script errors at line and column', async () => {
    const result = await createEngine().load('ovn-nbctl ls-add a\novn-nbctl lsp-add nosuch p1\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].line).toBe(2);
  });
});
