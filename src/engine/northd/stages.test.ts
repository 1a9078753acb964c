// Checks the stage table against facts of OVN 23.03.1 (numbers seen in real lflow-list output).
import { describe, expect, it } from 'vitest';
import { STAGES, stageAt, stageById, stageByName, stagesOf } from './stages.ts';

describe('stages', () => {
  it('has 27+10 switch and 22+7 router stages, numbered from 0 without gaps', () => {
    const counts = [
      stagesOf('switch', 'ingress'),
      stagesOf('switch', 'egress'),
      stagesOf('router', 'ingress'),
      stagesOf('router', 'egress'),
    ].map((list) => {
      list.forEach((s, i) => expect(s.table).toBe(i));
      return list.length;
    });
    expect(counts).toEqual([27, 10, 22, 7]);
    expect(STAGES.length).toBe(66);
  });
  it('finds stages by id, name and table', () => {
    expect(stageById.lsInL2Lkup.table).toBe(25);
    expect(stageByName('lr_in_ip_input')?.table).toBe(3);
    expect(stageAt('switch', 'egress', 9)?.name).toBe('ls_out_apply_port_sec');
    expect(stageAt('router', 'egress', 0)?.name).toBe('lr_out_chk_dnat_local');
  });
});
