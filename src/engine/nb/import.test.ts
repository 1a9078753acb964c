import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { importOvsdbFile, looksLikeOvsdbFile } from './import.ts';
import { runCommand } from '../script/index.ts';
import backup from '../../../test/golden-nb/tutorial-pasted/nb-backup.db?raw';

describe('importOvsdbFile', () => {
  it('loads what ovsdb-client backup wrote, uuids and all', () => {
    expect(looksLikeOvsdbFile(backup)).toBe(true);
    const r = importOvsdbFile(backup);
    if (!r.ok) throw new Error(r.error);
    const names = [...r.nb.tables.Logical_Switch.values()].map((ls) => ls.name).sort();
    expect(names).toEqual(['inside', 'outside']);
    const r1 = [...r.nb.tables.Logical_Router.values()][0];
    expect(r1.name).toBe('R1');
    expect(r1.nat).toHaveLength(1);
    expect(r.nb.tables.NAT.get(r1.nat[0])).toMatchObject({ type: 'snat', external_ip: '10.127.0.129' });
  });

  it('reports a broken file with a line number and never throws', () => {
    expect(importOvsdbFile('OVSDB JSON 2 x\nnot json\n')).toEqual({
      ok: false,
      line: 2,
      error: 'record is not valid JSON',
    });
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), (head, body) => {
        importOvsdbFile(`OVSDB JSON ${head}\n{"name":"OVN_Northbound"}\nOVSDB JSON 1 x\n${JSON.stringify(body)}\n`);
        importOvsdbFile(
          `OVSDB JSON 1 x\n{"name":"OVN_Northbound"}\nOVSDB JSON 1 x\n${JSON.stringify({ Logical_Switch: { u: body } })}\n`,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('database files ovsdb-server keeps', () => {
  const files = import.meta.glob('./testdata/*', { query: '?raw', import: 'default', eager: true }) as Record<
    string,
    string
  >;
  for (const kind of ['standalone', 'clustered']) {
    it(`reads a ${kind} file (diff transactions included) to what the real ovn-nbctl shows`, () => {
      const r = importOvsdbFile(files[`./testdata/${kind}.db`]);
      if (!r.ok) throw new Error(r.error);
      const world = { nb: r.nb, physical: { chassis: [], bindings: [], macBindings: [] } };
      const show = runCommand(world, 'ovn-nbctl show');
      expect(show.outputs[0].output).toBe(files[`./testdata/${kind}.show.txt`]);
      const list = runCommand(world, 'ovn-nbctl list Logical_Switch');
      expect(list.outputs[0].output).toBe(files[`./testdata/${kind}.list-Logical_Switch.txt`]);
    });
  }
});
