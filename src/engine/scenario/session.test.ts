// A scene extended by more lines gives the Southbound a load of the whole text gives.
import { describe, expect, it } from 'vitest';
import { formatLflowList } from '../sb/lflow-list.ts';
import { southboundFor, loadScenarioText } from './compile.ts';
import { SceneSession } from './session.ts';

const base = `ovn-nbctl lr-add lr0
ovn-nbctl ls-add ls0
ovn-nbctl lrp-add lr0 lr0-ls0 0a:00:00:00:00:01 10.0.0.1/24
ovn-nbctl lsp-add ls0 ls0-lr0 -- lsp-set-type ls0-lr0 router -- lsp-set-addresses ls0-lr0 router
ovn-nbctl lsp-set-options ls0-lr0 router-port=lr0-ls0
ovn-nbctl lsp-add ls0 vm1 -- lsp-set-addresses vm1 "0a:00:00:00:00:11 10.0.0.11"
ovn-nbctl lsp-add ls0 vm2 -- lsp-set-addresses vm2 "0a:00:00:00:00:12 10.0.0.12"
`;

const whole = (text: string): string => {
  const run = loadScenarioText(text);
  return formatLflowList(southboundFor(run));
};

describe('SceneSession', () => {
  it('follows a port added to a switch incrementally, with the flows of a full load', () => {
    const scene = new SceneSession(base);
    const more = 'ovn-nbctl lsp-add ls0 vm3 -- lsp-set-addresses vm3 "0a:00:00:00:00:13 10.0.0.13"\n';
    expect(scene.addedBy(base + more)).toBe(more);
    scene.extend(more);
    expect(scene.lastUpdate).toBe('incremental');
    expect(formatLflowList(scene.sb)).toBe(whole(base + more));
  });

  it('recomputes after a change beyond one switch, with the flows of a full load', () => {
    const scene = new SceneSession(base);
    const more =
      'ovn-nbctl lsp-del vm1\novn-nbctl lr-nat-add lr0 snat 172.16.0.1 10.0.0.0/24\novn-nbctl lsp-add ls0 vm1\n';
    scene.extend(more);
    expect(scene.lastUpdate).toBe('full');
    expect(formatLflowList(scene.sb)).toBe(whole(base + more));
    // vm1 came back after vm2: it has a new tunnel key, as in the whole load
    const key = (sb: typeof scene.sb) =>
      [...sb.tables.Port_Binding.values()].find((p) => p.logical_port === 'vm1')?.tunnel_key;
    expect(key(scene.sb)).toBe(key(southboundFor(loadScenarioText(base + more))));
  });

  it('numbers the added lines as lines of the whole text', () => {
    const scene = new SceneSession(base);
    const more = 'ovn-nbctl ls-add ls9\novn-nbctl lsp-add nosuchswitch p1\n';
    scene.extend(more);
    expect(scene.run.errors.map((e) => [e.line, e.message])).toEqual(
      loadScenarioText(base + more).errors.map((e) => [e.line, e.message]),
    );
    expect(scene.run.errors[0]?.line).toBe(9);
  });

  it('only extends a cleanly loaded text at a line break', () => {
    expect(new SceneSession(base).addedBy('ovn-nbctl ls-add x\n')).toBeUndefined();
    expect(new SceneSession(base.slice(0, -1)).addedBy(base + 'x')).toBeUndefined();
    expect(new SceneSession(base).addedBy(base + 'ovn-nbctl ls-a')).toBeUndefined();
    expect(new SceneSession('ovn-nbctl ls-add a \\\n').addedBy('ovn-nbctl ls-add a \\\nb\n')).toBeUndefined();
  });
});
