// The canvas at each step of a trace: tokens, lit nodes and edges, on the built-in scenarios' real traces.
import { describe, expect, it } from 'vitest';
import { emptyPacketForm, type PacketForm } from '../../engine/packet/form.ts';
import { builtinScenarios } from '../../engine/scenario/builtins.ts';
import { createEngine } from '../../worker/engine.ts';
import { eventPaths, sceneAt } from './trace-path.ts';

async function traced(id: string, change: Partial<PacketForm>) {
  const engine = createEngine();
  const loaded = await engine.load(builtinScenarios.find((s) => s.id === id)?.script ?? '');
  const result = await engine.trace(await engine.editPacket(emptyPacketForm, change));
  if (!result.ok) throw new Error(result.error);
  const paths = eventPaths(result.events, loaded.topology);
  return { events: result.events, paths, last: result.events.length - 1 };
}

describe('sceneAt', () => {
  it('starts at the source VM and ends delivered at the destination VM', async () => {
    const { events, paths, last } = await traced('two-vms', { src: 'ls1-vm1', dst: 'ls1-vm2' });
    const first = sceneAt(events, paths, 0);
    expect(first.tokens).toEqual([{ copy: 0, node: 'ls:ls1', moving: ['vm:ls1-vm1', 'lsp:ls1-vm1', 'ls:ls1'] }]);
    const end = sceneAt(events, paths, last);
    expect(end.tokens).toEqual([
      {
        copy: 0,
        node: 'vm:ls1-vm2',
        end: 'delivered',
        label: 'ls1-vm2',
        moving: ['ls:ls1', 'lsp:ls1-vm2', 'vm:ls1-vm2'],
      },
    ]);
    expect(end.edges).toContainEqual(['lsp:ls1-vm1', 'ls:ls1']);
    expect(end.edges).toContainEqual(['lsp:ls1-vm2', 'vm:ls1-vm2']);
  });

  it('draws the gateway tutorial’s LB VIP trace through both routers and back to a backend', async () => {
    const { events, paths, last } = await traced('gateway', {
      src: 'ls1-vm2',
      dst: '172.18.1.254',
      proto: 'tcp',
      ct: 'new',
    });
    const end = sceneAt(events, paths, last);
    expect(end.nodes).toContain('lr:gw1');
    expect(end.edges).toContainEqual(['lrp:router1-join', 'lsp:join-router1']);
    const delivered = end.tokens.filter((t) => t.end === 'delivered');
    expect(delivered.length).toBeGreaterThan(0);
    for (const token of delivered) expect(['vm:ls1-vm1', 'vm:ls1-vm2']).toContain(token.node);
  });

  it('keeps one token per copy of a flood, and none for the copy not sent back', async () => {
    const { events, paths, last } = await traced('arp-flood', { src: 'net1-vm1', dst: '172.16.0.99', proto: 'arp' });
    const end = sceneAt(events, paths, last);
    expect(end.tokens.map((t) => [t.node, t.end])).toEqual([
      ['vm:net1-vm2', 'delivered'],
      ['vm:net1-vm3', 'delivered'],
      ['vm:net1-vm4', 'delivered'],
    ]);
  });

  it('ends a port-security violation as a drop in the switch', async () => {
    const engine = createEngine();
    const loaded = await engine.load(builtinScenarios[0].script);
    const form = {
      ...(await engine.editPacket(emptyPacketForm, { src: 'ls1-vm1', dst: 'ls1-vm2' })),
      ethSrc: '02:ac:10:ff:00:99',
    };
    const result = await engine.trace(form);
    if (!result.ok) throw new Error(result.error);
    const scene = sceneAt(result.events, eventPaths(result.events, loaded.topology), result.events.length - 1);
    expect(scene.tokens).toEqual([
      { copy: 0, node: 'ls:ls1', end: 'dropped', label: 'ls_in_apply_port_sec', moving: ['ls:ls1'] },
    ]);
  });
});
