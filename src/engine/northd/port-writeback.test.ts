import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../scenario/compile.ts';

describe('northd write-back', () => {
  it('copies tag_request to tag and allocates tags for nested containers, smallest free first', () => {
    const run = loadScenarioText(
      'ovn-nbctl ls-add s -- lsp-add s vm -- lsp-add s ln\novn-nbctl set Logical_Switch_Port ln tag_request=100\n' +
        'ovn-nbctl lsp-add s c1 vm 0 -- lsp-add s c2 vm 5 -- lsp-add s c3 vm 0\n',
    );
    expect(run.errors).toEqual([]);
    const tags = Object.fromEntries([...run.world.nb.tables.Logical_Switch_Port.values()].map((p) => [p.name, p.tag]));
    expect(tags).toEqual({ vm: undefined, ln: 100, c1: 1, c2: 5, c3: 2 });
  });

  it('marks router ports and ports bound by ovn-sbctl up, the rest down', () => {
    const run = loadScenarioText(
      'ovn-sbctl chassis-add hv1 geneve 1.1.1.1\novn-nbctl ls-add s -- lsp-add s a -- lsp-add s b -- lsp-add s r -- lsp-set-type r router\novn-sbctl lsp-bind a hv1\n',
    );
    const up = Object.fromEntries([...run.world.nb.tables.Logical_Switch_Port.values()].map((p) => [p.name, p.up]));
    expect(up).toEqual({ a: true, b: false, r: true });
  });
});
